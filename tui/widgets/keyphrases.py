"""The keyphrases pane: the selected article's phrases with their scores."""

from __future__ import annotations

from collections.abc import Sequence

from rich.text import Text
from textual.widgets import Static

from core.keyphrases import Keyphrase


class KeyphrasesView(Static):
    def show(self, keyphrases: Sequence[Keyphrase] | None) -> None:
        if keyphrases is None:
            self.update(Text("extracting…", style="italic"))
            return
        if not keyphrases:
            self.update(Text("no keyphrases", style="italic"))
            return
        text = Text()
        for index, keyphrase in enumerate(keyphrases):
            if index:
                text.append("\n")
            text.append(f"{keyphrase.score:.2f} ", style="dim")
            text.append(keyphrase.phrase, style="bold")
        self.update(text)
