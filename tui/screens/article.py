"""Reading one article: its text and the four panes as tabs, with keys that scroll what is shown.

The screen owns its keys (the ARTICLE rows of the actions table): j/k, arrows, space, PgUp/PgDn and g/G scroll
the tab on show, tab cycles the tabs, n/N go to the next or previous new article without going back (or, once the
text has been searched, to the next or previous hit), and q or escape return to the list where it was.
"""

from __future__ import annotations

import re
from typing import TYPE_CHECKING

from rich.text import Text
from textual.app import ComposeResult
from textual.screen import Screen
from textual.widgets import Footer, Input, OptionList, Static, TabPane, Tabs

from core.article import Article
from core.briefing import Briefing
from tui.actions import ARTICLE, bindings_for
from tui.widgets.entries import EntryList
from tui.widgets.line_input import LineInput
from tui.widgets.panes import PaneTabs
from tui.widgets.reader import Reader

if TYPE_CHECKING:
    from tui.screens.list import ListScreen


class ArticleScreen(Screen[None]):
    WHERE = ARTICLE
    BINDINGS = bindings_for(ARTICLE)

    def __init__(self, articles: ListScreen, article: Article, offset: int | None = None) -> None:
        super().__init__()
        self.list_screen = articles  # the list it was opened from: moves with n/N, and takes the review keys
        self.article = article
        self.place = offset  # a place in the text to open at (a quote or a date chosen in a view)
        self.hits: list[int] = []  # offsets of the searched words in the text
        self.hit = -1

    def compose(self) -> ComposeResult:
        yield Static(Text(""), id="article-status")
        yield PaneTabs(Reader(id="reader"), id="article-tabs")
        yield LineInput(placeholder="find in the text (enter finds, escape closes)", id="find")
        yield Footer()

    def on_mount(self) -> None:
        self.query_one("#find", Input).display = False
        self.query_one(Tabs).can_focus = False
        self.show(self.article, self.place)

    def open(self, article: Article, offset: int | None = None) -> None:
        """The screen is made once and kept (installed): opening another article refills it, which costs a
        fraction of composing the text, the tabs and the panes anew."""
        if self.is_mounted:
            self.show(article, offset)
        else:
            self.article, self.place = article, offset

    # ------------------------------------------------------------------ what is shown

    def show(self, article: Article, offset: int | None = None) -> None:
        """Show an article (marking it read), its briefing when it has one, else extract it."""
        self.article = article
        self.hits, self.hit = [], -1
        self.list_screen.opened(article)
        briefing = self.list_screen.model.briefing(article)
        tabs = self.query_one(PaneTabs)
        self.query_one(Reader).show(article, briefing)
        if briefing is not None:
            tabs.show_briefing(briefing)
        else:
            tabs.show_pending()
            self.list_screen.extract_selected(article)
        tabs.active = "tab-text"
        self._focus_tab()
        if offset is not None:
            self.scroll_to_offset(offset)
        self._update_status()

    def briefing_arrived(self, briefing: Briefing) -> None:
        if briefing.article.key == self.article.key:
            self.query_one(Reader).show(self.article, briefing, keep_place=True)
            self.query_one(PaneTabs).show_briefing(briefing)

    def scroll_to_offset(self, offset: int) -> None:
        reader = self.query_one(Reader)
        # after the text has been laid out, so the reader knows its width
        self.call_after_refresh(lambda: reader.scroll_to_offset(self.article.text, offset))

    def _update_status(self) -> None:
        article = self.article
        parts = [self.list_screen.model.status(article)]
        if self.hits:
            parts.append(f"hit {self.hit + 1} of {len(self.hits)} (n / N)")
        review = self.list_screen.model.book.review(article)
        if review.tags:
            parts.append("tags: " + ", ".join(review.tags))
        if review.note.strip():
            parts.append("note ✎")
        self.query_one("#article-status", Static).update(Text(" · ".join(parts)))

    def review_changed(self) -> None:
        self._update_status()

    # ------------------------------------------------------------------ keys

    def _scroller(self):
        return self.query_one(PaneTabs).active_widget()

    def _focus_tab(self) -> None:
        """Focus what the tab on show holds. The TabPane.Focused that focusing posts is prevented: handled after a
        key typed ahead had moved on to the next tab, it would set the tabs back to this one."""
        with self.prevent(TabPane.Focused):
            self._scroller().focus()

    def action_scroll_down(self) -> None:
        widget = self._scroller()
        widget.action_cursor_down() if isinstance(widget, OptionList) else widget.scroll_down(animate=False)

    def action_scroll_up(self) -> None:
        widget = self._scroller()
        widget.action_cursor_up() if isinstance(widget, OptionList) else widget.scroll_up(animate=False)

    def action_scroll_page_down(self) -> None:
        widget = self._scroller()
        widget.action_page_down() if isinstance(widget, OptionList) else widget.scroll_page_down(animate=False)

    def action_scroll_page_up(self) -> None:
        widget = self._scroller()
        widget.action_page_up() if isinstance(widget, OptionList) else widget.scroll_page_up(animate=False)

    def action_scroll_top(self) -> None:
        widget = self._scroller()
        widget.action_first() if isinstance(widget, OptionList) else widget.scroll_home(animate=False)

    def action_scroll_bottom(self) -> None:
        widget = self._scroller()
        widget.action_last() if isinstance(widget, OptionList) else widget.scroll_end(animate=False)

    def action_next_pane(self) -> None:
        self.query_one(PaneTabs).cycle(1)
        self._focus_tab()

    def action_previous_pane(self) -> None:
        self.query_one(PaneTabs).cycle(-1)
        self._focus_tab()

    def on_tabbed_content_tab_activated(self, event) -> None:
        self.call_after_refresh(self._focus_tab)

    def action_next_unread(self) -> None:
        self._step(1)

    def action_previous_unread(self) -> None:
        self._step(-1)

    def _step(self, step: int) -> None:
        if self.hits:
            self.hit = (self.hit + step) % len(self.hits)
            self.query_one(PaneTabs).active = "tab-text"
            self.scroll_to_offset(self.hits[self.hit])
            self._update_status()
            return
        self._next_new(step)

    def _next_new(self, step: int) -> None:
        article = self.list_screen.next_new_from(self.article, step)
        if article is None:
            self.notify("no new articles", markup=False)
        else:
            self.show(article)

    def action_close(self) -> None:
        self.dismiss()

    def action_flag_reading(self) -> None:
        self.list_screen.toggle_status([self.article], "flagged")
        self._update_status()

    def action_toggle_dismiss(self) -> None:
        """Dismissing is done with the article: the next new one is shown (restoring one stays on it)."""
        self.list_screen.toggle_status([self.article], "dismissed")
        self._update_status()
        if self.list_screen.model.status(self.article) == "dismissed":
            self._next_new(1)

    def action_mark_unread(self) -> None:
        self.list_screen.set_status([self.article], "new")
        self._update_status()

    def action_undo(self) -> None:
        self.list_screen.action_undo()
        self._update_status()

    def action_note(self) -> None:
        self.list_screen.edit_note(self.article)

    def action_tags(self) -> None:
        self.list_screen.edit_tags(self.article)

    def action_open_url(self) -> None:
        self.list_screen.open_url(self.article)

    def action_copy_url(self) -> None:
        self.list_screen.copy_url(self.article)

    def on_entry_list_chosen(self, message: EntryList.Chosen) -> None:
        """A timeline entry or a quote chosen: the text, at its place."""
        message.stop()
        self.query_one(PaneTabs).active = "tab-text"
        self.scroll_to_offset(message.offset)

    # ------------------------------------------------------------------ finding in the text

    def action_search_text(self) -> None:
        box = self.query_one("#find", Input)
        box.display = True
        self.set_focus(box)  # at once, so the words typed right after "/" reach the box (as the list's search)

    def on_input_submitted(self, event: Input.Submitted) -> None:
        event.stop()
        words = event.value.strip()
        box = self.query_one("#find", Input)
        box.display = False
        self.query_one(PaneTabs).active = "tab-text"
        self.hits = [m.start() for m in re.finditer(re.escape(words), self.article.text, re.IGNORECASE)] if words \
            else []
        self.hit = 0 if self.hits else -1
        if words and not self.hits:
            self.notify(f"not in the text: {words}", markup=False)
        if self.hits:
            self.query_one(Reader).mark(self.hits, len(words))
            self.scroll_to_offset(self.hits[0])
        self._update_status()
        self._focus_tab()

    def on_line_input_cancelled(self, message: LineInput.Cancelled) -> None:
        message.stop()
        self._focus_tab()
