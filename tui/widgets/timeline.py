"""The timeline pane: each date with its expression and the event sentence; unresolved ones marked."""

from __future__ import annotations

from collections.abc import Sequence

from rich.text import Text

from core.timeline import TimeExpression
from tui.widgets.panes import Pane


class TimelinePane(Pane):
    def show(self, timeline: Sequence[TimeExpression]) -> None:
        if not timeline:
            self.show_text(Text("no dates or times", style="italic dim"))
            return
        text = Text()
        for index, entry in enumerate(timeline):
            if index:
                text.append("\n\n")
            dated = entry.type in ("DATE", "TIME")
            text.append(f"{entry.value:<14}", style="bold" if entry.resolved or not dated else "italic dim")
            if dated and not entry.resolved:
                text.append("(unresolved) ", style="italic dim")
            text.append(f"{entry.type.lower()} ", style="dim")
            text.append(f"“{entry.text}”", style="underline")
            text.append("\n  ")
            text.append(entry.sentence)
        self.show_text(text)
