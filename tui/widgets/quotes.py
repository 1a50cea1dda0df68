"""The quotes pane: quotes grouped by speaker, with role and cue, direct and reported told apart."""

from __future__ import annotations

from collections.abc import Sequence

from rich.text import Text

from core.quotes import Quote
from tui.widgets.panes import Pane

_KIND_MARK = {"direct": "“ ”", "mixed": "“~”", "reported": " ~ "}


class QuotesPane(Pane):
    def show(self, quotes: Sequence[Quote]) -> None:
        if not quotes:
            self.show_text(Text("no quotes", style="italic dim"))
            return
        groups: dict[str, list[Quote]] = {}
        for quote in quotes:
            groups.setdefault(quote.speaker or "unattributed", []).append(quote)
        text = Text()
        for index, (speaker, said) in enumerate(groups.items()):
            if index:
                text.append("\n\n")
            text.append(speaker, style="bold")
            role = next((q.speaker_role for q in said if q.speaker_role), None)
            if role:
                text.append(f", {role}", style="dim")
            for quote in said:
                text.append(f"\n {_KIND_MARK[quote.kind]} ", style="cyan")
                text.append(f"{quote.cue or '-'}: ", style="dim")
                text.append(quote.text, style="italic" if quote.kind != "reported" else "")
        self.show_text(text)
