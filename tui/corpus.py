"""Corpus views (keys 2-4): the whole batch's merged timeline, its speakers, its recurring keyphrases.

Each is a screen over the article list built from core's corpus indices; choosing an entry opens the article at
the place it came from (the quote, the date), or filters the list to the articles that share a phrase. A view is
pushed before its rows are built, and they are built in a worker thread: the dashboard answers keys (q, ctrl+c)
while a large batch's rows are made, and the moves and choices typed while the view opens are its own, applied once
its rows are shown. The rows are shown all at once: the entry list draws only what is on screen
(tui/widgets/entry_view.py).
"""

from __future__ import annotations

import threading
from collections.abc import Callable
from dataclasses import dataclass
from typing import TYPE_CHECKING

from rich.text import Text
from textual import work
from textual.app import ComposeResult
from textual.message import Message
from textual.screen import Screen
from textual.widgets import Footer, Static

from core.article import Article
from core.corpus import Corpus
from core.timex_words import readable_timex, value_beside_words
from tui.actions import CORPUS, bindings_for
from tui.widgets.entry_view import EntryView

if TYPE_CHECKING:  # the list screen pushes these views: imported for its type only
    from tui.screens.list import ListScreen

Rows = list[tuple[Text, Callable[[], None] | None]]


@dataclass
class RowsBuilt(Message):
    """A view's rows, built off the UI thread."""

    rows: Rows


class CorpusScreen(Screen[None]):
    """A titled list of entries; `enter` runs the entry's action."""

    WHERE = CORPUS
    BINDINGS = bindings_for(CORPUS)
    # the entries take the height the title and the footer leave, so the three fit the terminal exactly (at its
    # content's height the list would push the footer off an 80x24 screen and make the screen itself scroll)
    DEFAULT_CSS = """
    CorpusScreen #corpus-entries {
        height: 1fr;
    }
    """

    def __init__(self, title: str, rows: Callable[[], Rows], lock: threading.RLock, articles: ListScreen) -> None:
        super().__init__()
        self.heading = title
        self.build_rows = rows
        self.corpus_lock = lock  # the background may be adding to the corpus
        self.list_screen = articles  # the list screen: 1-4 switch views there
        self.rows: Rows | None = None  # None while they are being built
        self.typed_ahead: list[str] = []  # entry actions asked for before the rows were shown

    def compose(self) -> ComposeResult:
        yield Static(Text(self.heading, style="bold"), id="corpus-title")
        entries = EntryView(id="corpus-entries")
        entries.show_text(Text("gathering the batch…", style="italic dim"))
        entries.disabled = True  # unfocused until its rows come, so the keys typed meanwhile reach the screen
        yield entries
        yield Footer()

    def on_mount(self) -> None:
        self._build()

    @work(thread=True, exclusive=True, group="corpus-rows")
    def _build(self) -> None:
        with self.corpus_lock:
            rows = self.build_rows()
        self.post_message(RowsBuilt(rows))

    def on_rows_built(self, message: RowsBuilt) -> None:
        self.rows = message.rows
        entries = self.query_one(EntryView)
        entries.show_entries([(text, action is not None) for text, action in self.rows])
        entries.disabled = False
        entries.focus()
        typed, self.typed_ahead = self.typed_ahead, []
        for action in typed:
            self.action_entry(action)

    def action_entry(self, action: str) -> None:
        """Move in the entries or choose one (`cursor_down`, `select`...); kept for later while they are built."""
        if self.rows is None:
            self.typed_ahead.append(action)
            return
        getattr(self.query_one(EntryView), f"action_{action}")()

    def on_entry_view_chosen(self, message: EntryView.Chosen) -> None:
        message.stop()
        if self.rows is None:
            return
        action = self.rows[message.index][1]
        if action is not None:
            action()

    def action_corpus(self, view: str) -> None:
        self.list_screen.action_corpus(view)

    def action_close(self) -> None:
        self.dismiss()


def timeline_rows(corpus: Corpus, articles: dict[str, Article], go: Callable[[str, int], None]):
    rows = []
    for event in corpus.timeline.events():
        readable = readable_timex(event.value, event.type, event.mod)
        text = Text(readable, style="bold" if event.value[:1].isdigit() else "italic")
        value = value_beside_words(event.value, readable)
        text.append(f"  {value}\n  " if value else "\n  ", style="dim")
        text.append(event.sentence)
        sources = ", ".join(_title(articles, k) for k in event.articles[:3])
        more = f" +{len(event.articles) - 3}" if len(event.articles) > 3 else ""
        text.append(f"\n  {len(event.articles)} source{'s' if len(event.articles) != 1 else ''}: {sources}{more}",
                    style="dim")
        first = articles.get(event.articles[0])
        at = max(0, first.text.find(event.sentence[:40])) if first else 0
        rows.append((text, lambda key=event.articles[0], at=at: go(key, at)))
    return rows


def speaker_rows(corpus: Corpus, show_quotes: Callable[[str], None]):
    rows = []
    for person in corpus.speakers.people():
        text = Text(person.name, style="bold")
        text.append(f"  {person.quotes} quote{'s' if person.quotes != 1 else ''} in {person.articles} "
                    f"article{'s' if person.articles != 1 else ''}", style="dim")
        _also(text, person.names[1:])
        rows.append((text, lambda speaker=person.name: show_quotes(speaker)))
    return rows


def quote_rows(corpus: Corpus, speaker: str, articles: dict[str, Article], go: Callable[[str, int], None]):
    rows = []
    for attributed in corpus.speakers.quotes_of(speaker):
        text = Text(f"{attributed.quote.cue or '-'}: ", style="dim")
        text.append(attributed.quote.quoted_words, style="italic" if attributed.quote.kind != "reported" else "")
        text.append(f"\n  {_title(articles, attributed.article)}", style="dim")
        rows.append((text, lambda a=attributed: go(a.article, a.quote.start)))
    return rows


def keyphrase_rows(corpus: Corpus, choose: Callable[[str, tuple[str, ...]], None]):
    rows = []
    for recurring in corpus.keyphrases.recurring():
        text = Text(recurring.phrase, style="bold")
        text.append(f"  {recurring.count} articles", style="dim")
        _also(text, recurring.forms)
        rows.append((text, lambda r=recurring: choose(r.phrase, r.articles)))
    return rows


def _also(text: Text, names: tuple[str, ...]) -> None:
    """The other names core merged into this row (a person's, across the batch), so the merge can be seen."""
    if names:
        text.append(f"  also {', '.join(names[:4])}{' …' if len(names) > 4 else ''}", style="dim italic")


def _title(articles: dict[str, Article], key: str) -> str:
    article = articles.get(key)
    return (article.title or article.id) if article else key
