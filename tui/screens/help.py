"""Help: every key of the screen it was opened over and of the whole app, as the keys are mapped now."""

from __future__ import annotations

from rich.console import Group
from rich.table import Table
from rich.text import Text
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import VerticalScroll
from textual.screen import ModalScreen
from textual.widgets import Static

_KEYS_WIDTH = 18  # the widest keys a row shows ("shift+tab", "space, pagedown") fit


class HelpScreen(ModalScreen[None]):
    """Scrolls with j/k, arrows, space, PgUp/PgDn, g/G and Home/End, as the list and the reader do, so it is whole
    at 80x24 too; a long description wraps beside its keys, not under them."""

    BINDINGS = [Binding("escape,q,question_mark", "dismiss", "Close"),
                Binding("j,down", "scroll('down')", show=False), Binding("k,up", "scroll('up')", show=False),
                Binding("space,pagedown", "scroll('page_down')", show=False),
                Binding("pageup", "scroll('page_up')", show=False),
                Binding("g,home", "scroll('home')", show=False), Binding("G,end", "scroll('end')", show=False)]

    def __init__(self, sections: list[tuple[str, list[tuple[str, str]]]]) -> None:
        super().__init__()
        self.sections = sections

    def compose(self) -> ComposeResult:
        parts: list[Text | Table] = []
        for title, rows in self.sections:
            parts.append(Text(title, style="bold underline"))
            grid = Table.grid(padding=(0, 2))
            grid.add_column(justify="right", style="bold", min_width=_KEYS_WIDTH, no_wrap=True)
            grid.add_column()
            for keys, description in rows:
                grid.add_row(Text(keys), Text(description))
            parts.extend((grid, Text("")))
        parts.append(Text("escape or ? closes this help; j/k, PgUp/PgDn and g/G scroll it", style="dim"))
        with VerticalScroll(classes="dialog", id="help"):
            yield Static(Group(*parts), id="help-text")

    def on_mount(self) -> None:
        self.query_one("#help").focus()

    def action_scroll(self, how: str) -> None:
        scroller = self.query_one("#help", VerticalScroll)
        {"down": scroller.scroll_down, "up": scroller.scroll_up, "page_down": scroller.scroll_page_down,
         "page_up": scroller.scroll_page_up, "home": scroller.scroll_home, "end": scroller.scroll_end}[how](
            animate=False)
