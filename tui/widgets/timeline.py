"""The timeline pane: each date with its expression and the event sentence; unresolved ones marked."""

from __future__ import annotations

from collections.abc import Sequence

from rich.text import Text

from core.timeline import TimeExpression
from tui.widgets.entries import EntryList


class TimelinePane(EntryList):
    def show(self, timeline: Sequence[TimeExpression]) -> None:
        if not timeline:
            self.show_text(Text("no dates or times", style="italic dim"))
            return
        entries = []
        for entry in timeline:
            text = Text()
            dated = entry.type in ("DATE", "TIME")
            text.append(f"{entry.value:<14}", style="bold" if entry.resolved or not dated else "italic dim")
            if dated and not entry.resolved:
                text.append("(unresolved) ", style="italic dim")
            text.append(f"{entry.type.lower()} ", style="dim")
            text.append(f"“{entry.text}”", style="underline")
            text.append("\n  ")
            text.append(entry.sentence)
            entries.append((text, entry.start))
        self.show_entries(entries)
