"""The inputs that could not be read, and the articles the extractors failed on, each with its reason: all of
them, not only the first few toasts."""

from __future__ import annotations

from collections.abc import Sequence

from rich.text import Text
from textual.app import ComposeResult
from textual.binding import Binding
from textual.screen import Screen
from textual.widgets import Footer, Static

from core.ingest import Problem
from core.pipeline import ExtractionFailure
from tui.widgets.text_pane import Pane


class ProblemsScreen(Screen[None]):
    BINDINGS = [Binding("escape,q,p", "app.pop_screen", "Back"),
                Binding("j,down", "scroll('down')", show=False), Binding("k,up", "scroll('up')", show=False),
                Binding("space,pagedown", "scroll('page_down')", show=False),
                Binding("pageup", "scroll('page_up')", show=False)]

    def __init__(self, problems: Sequence[Problem | ExtractionFailure]) -> None:
        super().__init__()
        self.problems = list(problems)

    def compose(self) -> ComposeResult:
        count = len(self.problems)
        yield Static(Text(f"{count} problem{'s' if count != 1 else ''}: inputs that could not be read, articles "
                          "that could not be extracted, feeds that failed, partial texts", style="bold"),
                     id="problems-title")
        yield Pane(id="problems")
        yield Footer()

    def on_mount(self) -> None:
        text = Text()
        for index, problem in enumerate(self.problems):
            if index:
                text.append("\n")
            where = problem.path if isinstance(problem, Problem) else (problem.article.path or problem.article.id)
            text.append(str(where), style="bold")
            text.append("\n  " + problem.reason)
        if not self.problems:
            text.append("every input was read", style="italic dim")
        pane = self.query_one(Pane)
        pane.show_text(text)
        pane.focus()

    def action_scroll(self, how: str) -> None:
        pane = self.query_one(Pane)
        {"down": pane.scroll_down, "up": pane.scroll_up, "page_down": pane.scroll_page_down,
         "page_up": pane.scroll_page_up}[how](animate=False)
