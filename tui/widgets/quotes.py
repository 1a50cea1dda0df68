"""The quotes pane: quotes grouped by speaker, with role and cue, direct and reported told apart."""

from __future__ import annotations

from collections.abc import Sequence

from rich.text import Text

from core.quotes import Quote
from tui.widgets.entries import EntryList

_KIND_MARK = {"direct": "“ ”", "mixed": "“~”", "reported": " ~ "}


class QuotesPane(EntryList):
    def show(self, quotes: Sequence[Quote]) -> None:
        if not quotes:
            self.show_text(Text("no quotes", style="italic dim"))
            return
        groups: dict[str, list[Quote]] = {}
        for quote in quotes:
            groups.setdefault(quote.speaker or "unattributed", []).append(quote)
        entries: list[tuple[Text, int | None]] = []
        for speaker, said in groups.items():
            heading = Text(speaker, style="bold")
            role = next((q.speaker_role for q in said if q.speaker_role), None)
            if role:
                heading.append(f", {role}", style="dim")
            heading.append(f"  ({len(said)})", style="dim")
            entries.append((heading, None))
            for quote in said:
                line = Text(f" {_KIND_MARK[quote.kind]} ", style="cyan")
                line.append(f"{quote.cue or '-'}: ", style="dim")
                line.append(quote.quoted_words, style="italic" if quote.kind != "reported" else "")
                entries.append((line, quote.start))
        self.show_entries(entries)
