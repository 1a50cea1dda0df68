"""Help: every key of the screen it was opened over and of the whole app, as the keys are mapped now."""

from __future__ import annotations

from rich.text import Text
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import VerticalScroll
from textual.screen import ModalScreen
from textual.widgets import Static


class HelpScreen(ModalScreen[None]):
    """Scrolls with j/k, arrows, space and PgUp/PgDn, so it is whole at 80x24 too."""

    BINDINGS = [Binding("escape,q,question_mark", "dismiss", "Close"),
                Binding("j,down", "scroll('down')", show=False), Binding("k,up", "scroll('up')", show=False),
                Binding("space,pagedown", "scroll('page_down')", show=False),
                Binding("pageup", "scroll('page_up')", show=False)]

    def __init__(self, sections: list[tuple[str, list[tuple[str, str]]]]) -> None:
        super().__init__()
        self.sections = sections

    def compose(self) -> ComposeResult:
        text = Text()
        for title, rows in self.sections:
            text.append(f"{title}\n", style="bold underline")
            for keys, description in rows:
                text.append(f"{keys:>18}  ", style="bold")
                text.append(f"{description}\n")
            text.append("\n")
        text.append("escape or ? closes this help; j/k and PgUp/PgDn scroll it", style="dim")
        with VerticalScroll(classes="dialog", id="help"):
            yield Static(text, id="help-text")

    def on_mount(self) -> None:
        self.query_one("#help").focus()

    def action_scroll(self, how: str) -> None:
        scroller = self.query_one("#help", VerticalScroll)
        {"down": scroller.scroll_down, "up": scroller.scroll_up, "page_down": scroller.scroll_page_down,
         "page_up": scroller.scroll_page_up}[how](animate=False)
