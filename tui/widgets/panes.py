"""The briefing panes: the table of panes from which both the article screen's tabs and the wide list's grid are
built, so a new pane is one entry of PANES."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from typing import Any

from rich.text import Text
from textual.app import ComposeResult
from textual.containers import Grid, Vertical
from textual.widget import Widget
from textual.widgets import TabbedContent, TabPane

from core.briefing import Briefing
from tui.widgets.keyphrases import KeyphrasesPane
from tui.widgets.quotes import QuotesPane
from tui.widgets.summary import SummaryPane
from tui.widgets.timeline import TimelinePane


@dataclass(frozen=True, slots=True)
class PaneKind:
    id: str
    title: str
    widget: Callable[..., Widget]  # a widget class with show_pending() and show_text()
    fill: Callable[[Any, Briefing], None]  # draws the briefing's part into an instance of `widget`


PANES = (PaneKind("summary", "Summary", SummaryPane, lambda w, b: w.show(b.summary)),
         PaneKind("keyphrases", "Keyphrases", KeyphrasesPane, lambda w, b: w.show(b.keyphrases)),
         PaneKind("timeline", "Timeline", TimelinePane, lambda w, b: w.show(b.timeline)),
         PaneKind("quotes", "Quotes", QuotesPane, lambda w, b: w.show(b.quotes)))


class BriefingPanes:
    """What the tabs and the grid share: one widget per pane of PANES, filled from a briefing."""

    def pane(self, pane_id: str) -> Widget:
        return self.query_one(f"#pane-{pane_id}")  # type: ignore[attr-defined]

    def show_briefing(self, briefing: Briefing) -> None:
        for kind in PANES:
            kind.fill(self.pane(kind.id), briefing)

    def show_pending(self) -> None:
        for kind in PANES:
            self.pane(kind.id).show_pending()  # type: ignore[attr-defined]

    def show_text(self, text: Text) -> None:
        for kind in PANES:
            self.pane(kind.id).show_text(text)  # type: ignore[attr-defined]


class PaneGrid(BriefingPanes, Grid):
    """Beside the list at wide widths: every pane at once, each under its title."""

    def compose(self) -> ComposeResult:
        for kind in PANES:
            widget = kind.widget(id=f"pane-{kind.id}", classes="grid-pane")
            widget.border_title = kind.title
            yield widget


class PaneTabs(BriefingPanes, Vertical):
    """The article screen: the text (whatever widget `first` is), then one tab per pane."""

    def __init__(self, first: Widget, first_title: str = "Text", **kwargs) -> None:
        super().__init__(**kwargs)
        self.first = first
        self.first_title = first_title

    def compose(self) -> ComposeResult:
        with TabbedContent():
            with TabPane(self.first_title, id="tab-text"):
                yield self.first
            for kind in PANES:
                with TabPane(kind.title, id=f"tab-{kind.id}"):
                    yield kind.widget(id=f"pane-{kind.id}")

    @property
    def active(self) -> str:
        return self.query_one(TabbedContent).active

    @active.setter
    def active(self, tab_id: str) -> None:
        self.query_one(TabbedContent).active = tab_id

    def show_briefing(self, briefing: Briefing) -> None:
        """Only the tab on show is drawn now; the others when they are shown (opening an article draws one)."""
        self.briefing: Briefing | None = briefing
        self.drawn: set[str] = set()
        self._draw_active()

    def show_pending(self) -> None:
        self.briefing = None
        self.drawn = set()
        super().show_pending()

    def on_tabbed_content_tab_activated(self, event) -> None:
        self._draw_active()

    def _draw_active(self) -> None:
        briefing = getattr(self, "briefing", None)
        pane_id = self.active.removeprefix("tab-")
        if briefing is None or pane_id == "text" or pane_id in self.drawn:
            return
        kind = next(k for k in PANES if k.id == pane_id)
        kind.fill(self.pane(kind.id), briefing)
        self.drawn.add(pane_id)

    @property
    def tab_ids(self) -> list[str]:
        return ["tab-text", *(f"tab-{kind.id}" for kind in PANES)]

    def cycle(self, step: int) -> None:
        ids = self.tab_ids
        self.active = ids[(ids.index(self.active) + step) % len(ids)] if self.active in ids else ids[0]

    def active_widget(self) -> Widget:
        return self.first if self.active == "tab-text" else self.pane(self.active.removeprefix("tab-"))
