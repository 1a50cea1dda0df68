"""The keyphrases pane: the selected article's phrases with their scores."""

from __future__ import annotations

from collections.abc import Sequence

from rich.text import Text

from core.keyphrases import Keyphrase
from tui.widgets.text_pane import Pane


class KeyphrasesPane(Pane):
    def show(self, keyphrases: Sequence[Keyphrase]) -> None:
        if not keyphrases:
            self.show_text(Text("no keyphrases", style="italic dim"))
            return
        text = Text()
        for index, keyphrase in enumerate(keyphrases):
            if index:
                text.append("\n")
            bar = "█" * max(1, round(keyphrase.score * 10))
            text.append(f"{bar:<10} ", style="green")
            text.append(f"{keyphrase.score:.2f} ", style="dim")
            text.append(keyphrase.phrase, style="bold")
        self.show_text(text)
