"""The analyst summary pane: BLUF, key points, assessments with holders, sources and actors."""

from __future__ import annotations

from rich.text import Text

from core.summary import Summary
from tui.widgets.text_pane import Pane


class SummaryPane(Pane):
    def show(self, summary: Summary) -> None:
        text = Text()
        text.append("BLUF  ", style="bold reverse")
        text.append(" " + (summary.bluf or "no lead sentence"))
        if summary.key_points:
            text.append("\n\nKey points", style="bold underline")
            for point in summary.key_points:
                text.append("\n • ")
                text.append(point)
        if summary.assessments:
            text.append("\n\nAssessments", style="bold underline")
            for assessment in summary.assessments:
                text.append("\n • ")
                text.append(f"[{assessment.holder or 'the article'}] ", style="bold")
                text.append(assessment.text)
        if summary.sources:
            text.append("\n\nSources  ", style="bold underline")
            text.append(", ".join(summary.sources))
        if summary.actors:
            text.append("\n\nActors", style="bold underline")
            for actor in summary.actors[:12]:
                text.append(f"\n {actor.kind[:3]} ", style="dim")
                text.append(actor.name, style="bold")
                text.append(f" ×{actor.mentions}", style="dim")
                if actor.aliases:
                    text.append(f" ({', '.join(actor.aliases)})", style="dim")
        self.show_text(text)
