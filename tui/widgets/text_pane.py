"""A scrollable pane whose content is one Text: the base of the summary and keyphrases panes."""

from __future__ import annotations

from rich.text import Text
from textual.containers import VerticalScroll
from textual.widgets import Static


class Pane(VerticalScroll, can_focus=True):
    """Scrolls with the keyboard when focused; `show_text` replaces the content and returns to the top."""

    def compose(self):
        yield Static(Text(""), classes="pane-body")

    def show_text(self, text: Text) -> None:
        self.query_one(".pane-body", Static).update(text)
        self.scroll_home(animate=False)

    def show_pending(self) -> None:
        self.show_text(Text("extracting…", style="italic dim"))
