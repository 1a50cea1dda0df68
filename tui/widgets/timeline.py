"""The timeline pane: each date in words with its TIMEX value, its expression and the event sentence; unresolved
ones marked."""

from __future__ import annotations

from collections.abc import Sequence

from rich.text import Text

from core.timeline import TimeExpression
from core.timex_words import readable_timex, value_beside_words
from tui.widgets.entries import EntryList


class TimelinePane(EntryList):
    def show(self, timeline: Sequence[TimeExpression]) -> None:
        if not timeline:
            self.show_text(Text("no dates or times", style="italic dim"))
            return
        entries: list[tuple[Text, int | None]] = []
        for entry in timeline:
            text = Text()
            dated = entry.type in ("DATE", "TIME")
            unresolved = "X" in entry.value
            readable = readable_timex(entry.value, entry.type, entry.mod)
            text.append(readable, style="italic" if unresolved else "bold")
            if value := value_beside_words(entry.value, readable):
                text.append(f"  {value}", style="dim")
            if dated and unresolved:
                text.append(" (unresolved)", style="italic dim")
            text.append(f"  {entry.type.lower()} ", style="dim")
            text.append(f"“{entry.text}”", style="underline")
            text.append("\n  ")
            text.append(entry.sentence)
            entries.append((text, entry.start))
        self.show_entries(entries)
