"""The list screen: every article of the batch, a row each, taking the whole height; at 120 columns and wider the
selected article's panes beside it. It owns the LIST keys of the actions table and the background work that fills
the list (reading the inputs, extracting, grouping near-duplicates), whose workers post typed messages to it.
"""

from __future__ import annotations

import os
import time
import webbrowser
from contextlib import suppress
from datetime import date
from pathlib import Path

from rich.text import Text
from textual import work
from textual.app import ComposeResult
from textual.containers import Horizontal
from textual.screen import Screen
from textual.timer import Timer
from textual.widgets import Footer, ProgressBar, Static
from textual.worker import get_current_worker

from core.article import Article
from core.briefing import Briefing
from core.export import briefing_markdown
from core.files import write_atomic
from core.ingest import STDIN, Ingested, Problem, ingest, input_names, is_url
from core.pipeline import ExtractionFailure, ExtractionPool, extract_many, iter_extract
from core.review import Review, Status, clean_note, clean_tags
from core.store import StoreError
from core.worker_pool import PoolClosed, TaskFailed, WorkerPool
from tui.actions import BY_ID, LIST, bindings_for
from tui.corpus import CorpusScreen, keyphrase_rows, quote_rows, speaker_rows, timeline_rows
from tui.list_model import ArticleListModel
from tui.messages import (
    ArticlesAdded,
    ArticlesListed,
    BriefingExtracted,
    BriefingsArrived,
    ExtractionFailed,
    GroupsFound,
    InputsRead,
    Notice,
)
from tui.notices import failures_notice, problems_notice
from tui.screens.article import ArticleScreen
from tui.screens.dialogs import NoteScreen, PromptScreen
from tui.screens.problems import ProblemsScreen
from tui.widgets.article_list import ArticleList
from tui.widgets.line_input import LineInput
from tui.widgets.panes import PaneGrid

WIDE = 120
SETTLE_SECONDS = 0.06
ARRIVALS_EVERY = 0.25  # seconds: extraction results reach the screen at least this often, so progress counts
FAILURES_GATHERED = 0.5  # seconds: the articles that fail within this of the first are told in one toast
SIMILAR_SECONDS = 600.0  # grouping a batch in its own process is stopped past this; the list then stays unfolded


class ListScreen(Screen[None]):
    WHERE = LIST
    BINDINGS = bindings_for(LIST)

    def __init__(self, model: ArticleListModel, paths: list[str], pool: ExtractionPool, *, max_bytes: int,
                 export_dir: Path, watch: float | None = None, feeds: list[str] | None = None,
                 stdin: bytes | None = None) -> None:
        super().__init__()
        self.model = model
        self.pool = pool  # the app's extraction processes: the batch, the selected article and exports
        self.stdin = stdin  # what a pipe gave on standard input, read before the keyboard took fd 0 over
        self._grouping: WorkerPool[dict[str, tuple[str, ...]]] | None = None
        self.paths = paths
        self.feeds = feeds or []  # subscribed feeds whose stored articles the list shows (instead of paths)
        self.max_bytes = max_bytes
        self.export_dir = export_dir
        self.watch_seconds = watch
        self.settle: Timer | None = None  # the timer that fills the grid once the cursor rests
        self.shown: Briefing | None = None  # what the grid shows
        self.reading: ArticleScreen | None = None  # the article screen, made on the first enter and kept
        self._failures_to_tell: list[ExtractionFailure] = []  # failed since the last toast about failures

    def compose(self) -> ComposeResult:
        yield Static(Text("loading…"), id="status")
        yield ProgressBar(id="progress", show_eta=False)
        with Horizontal(id="main"):
            yield ArticleList(id="articles")
            yield PaneGrid(id="grid")
        yield LineInput(placeholder="search: words, #tag (escape clears)", id="filter")
        yield Footer()

    def on_mount(self) -> None:
        self.query_one("#filter", LineInput).display = False
        self.query_one("#progress").display = False
        self._apply_width(self.app.size.width)
        self.query_one(ArticleList).focus()
        self.load_articles()
        self.set_interval(1.0, self._tick)
        if self.watch_seconds:
            self.set_interval(self.watch_seconds, self.rescan)

    @property
    def table(self) -> ArticleList:
        return self.query_one(ArticleList)

    @property
    def current(self) -> Article | None:
        return self.table.current

    def on_resize(self, event) -> None:
        self._apply_width(event.size.width)

    def _apply_width(self, width: int) -> None:
        main = self.query_one("#main")
        if main.has_class("wide") != (width >= WIDE):
            main.set_class(width >= WIDE, "wide")
            if width >= WIDE and self.current is not None:
                self._fill_grid(self.current)

    def wide(self) -> bool:
        return self.query_one("#main").has_class("wide")

    # ------------------------------------------------------------------ background work

    @work(thread=True, exclusive=True, group="load")
    def load_articles(self) -> None:
        """The list as these inputs gave it last time, straight from the store; then the files themselves are
        read, and the list is replaced only if they changed. Reopening 10,000 articles lists them at once.
        Subscribed feeds are listed from the store alone: they are fetched only when asked (R, brief fetch)."""
        if self.feeds:
            stored = self._stored_feeds()
            self.post_message(ArticlesListed(stored.articles, self._read_reviews(stored.articles)))
            self.post_message(InputsRead(stored.problems))
            return
        remembered = self._remembered()
        if remembered:
            self.post_message(ArticlesListed(remembered, self._read_reviews(remembered)))
        loaded = self._ingest()
        if loaded is None:
            return
        changed = loaded.articles != remembered  # compares every text: done once
        if changed:
            self.post_message(ArticlesListed(loaded.articles, self._read_reviews(loaded.articles)))
        self.post_message(InputsRead(loaded.problems))
        if changed:  # after the list is up: the analyst need not wait for it
            self._put_articles(loaded.articles)
            # a failure loses only the next start's head start; _put_articles has said the store is failing
            with suppress(StoreError):
                self.model.book.store.set_listing(input_names(self.paths), loaded.articles)

    def _stored_feeds(self) -> Ingested:
        try:
            return Ingested(self.model.book.store.feed_articles(self.feeds), [])
        except StoreError as exc:
            return Ingested([], [Problem("subscribed feeds", str(exc))])

    def _ingest(self) -> Ingested | None:
        """The inputs read now, or None when the app is quitting: reading 20,000 files stops between two of them
        rather than keep the process alive after `q`."""
        worker = get_current_worker()
        loaded = ingest(self.paths, max_bytes=self.max_bytes, stdin=self.stdin, stop=lambda: worker.is_cancelled)
        return None if worker.is_cancelled else loaded

    def stop_background(self) -> None:
        """The app is closing: the near-duplicate grouping's process is killed too."""
        if self._grouping is not None:
            self._grouping.close()

    def _remembered(self) -> list[Article]:
        if STDIN in self.paths:
            return []
        try:
            return self.model.book.store.listing(input_names(self.paths))
        except StoreError:
            return []

    def _read_reviews(self, articles: list[Article]) -> dict[str, Review]:
        try:
            return self.model.book.store.reviews(a.content_hash for a in articles)
        except StoreError as exc:
            self.post_message(Notice(f"{exc}; review state not shown", "database", "error"))
            return {}

    def _put_articles(self, articles: list[Article]) -> None:
        store = self.model.book.store
        try:
            store.put_articles(articles)
        except StoreError as exc:
            if not store.read_only:
                self.post_message(Notice(str(exc), "database", "warning"))

    def _store_failed(self, exc: StoreError) -> None:
        """Background caching that failed: the briefings still show, they are only computed again next time."""
        if not self.model.book.store.read_only:
            self.post_message(Notice(f"{exc}; extractions are not cached", "database", "warning"))

    def on_articles_listed(self, message: ArticlesListed) -> None:
        self.model.set_articles(message.articles, message.reviews)
        self.refresh_list()

    def on_inputs_read(self, message: InputsRead) -> None:
        """The inputs have been read: report what could not be, and start the background work."""
        self.model.loaded = True
        self.model.problems = [*message.problems,
                               *(p for p in self.model.problems if isinstance(p, ExtractionFailure))]
        if message.problems:  # one toast for them all, short: p lists each with its reason
            title, text = problems_notice(message.problems, self.key_for("problems"))
            self.notify(text, title=title, severity="warning", markup=False)
        self.update_status()
        articles = self.model.articles
        if not articles:
            self.query_one(PaneGrid).show_text(Text("no articles in " + ", ".join(input_names(self.paths))))
            self.table.empty_text = " no articles in " + ", ".join(input_names(self.paths))
            self.table.refresh()
        # background work starts once the first screen is painted, so it does not delay it
        self.set_timer(0.2, lambda: self.start_background(articles))

    def start_background(self, articles: list[Article]) -> None:
        self.extract_all(articles)
        self.find_similar()

    def extract_all(self, articles: list[Article]) -> None:
        self.model.extraction_started()
        self.update_status()
        self._extract_all(articles)

    @work(thread=True, exclusive=True, group="extract-all")
    def _extract_all(self, articles: list[Article]) -> None:
        """Every article's briefing in the background, so the search can look through keyphrases and speakers and
        the batch views see the whole batch. Results reach the screen in batches (100, or what a quarter second
        gave), so progress counts article by article when extraction is slow and costs little when it is fast.
        The extraction itself runs in the app's worker processes; this thread only waits and indexes."""
        pending = []
        sent: float | None = None  # the first result is sent at once: the status line then says what is true,
        # "from cache" or "extracting", as soon as it can be known
        for briefing in iter_extract(articles, pool=self.pool, store=self.model.book.store,
                                     on_store_error=self._store_failed, on_failure=self._failed):
            # indexed here, off the UI thread
            pending.append((briefing, self.model.corpus.add(briefing.article.key, briefing)))
            if sent is None or len(pending) >= 100 or time.monotonic() - sent >= ARRIVALS_EVERY:
                self.post_message(BriefingsArrived(pending))
                pending, sent = [], time.monotonic()
        if pending:
            self.post_message(BriefingsArrived(pending))

    def on_briefings_arrived(self, message: BriefingsArrived) -> None:
        """Briefings indexed in the background: their keyphrases into the list, the shown one into its panes."""
        table = self.table
        current = table.current
        for briefing, digest in message.briefings:
            self.model.arrived(briefing)
            table.set_keyphrases(briefing.article, digest.keyphrases)
            if current is not None and current.key == briefing.article.key:
                self.model.keep(briefing)
                if self.wide():
                    self._show_in_grid(briefing)
            self._reading_arrived(briefing)
        self.update_status()

    def _reading_arrived(self, briefing: Briefing) -> None:
        for screen in self.app.screen_stack:
            if isinstance(screen, ArticleScreen):
                screen.briefing_arrived(briefing)

    @work(thread=True, exclusive=True, group="similar")
    def find_similar(self) -> None:
        """Group wire copies of one story (MinHash LSH over all loaded articles)."""
        from core.duplicates import group_inputs, group_texts

        articles = list(self.model.articles)
        if len(articles) < 200:
            groups = group_texts([(a.key, a.text) for a in articles])
        else:  # a large batch is grouped in a process of its own, so keys are answered meanwhile
            # stdin cannot be read twice, and feeds and URLs are not fetched again: their texts are sent
            send_texts = STDIN in self.paths or bool(self.feeds) or any(is_url(p) for p in self.paths)
            pool = self._grouping = WorkerPool(group_texts if send_texts else group_inputs, 1,
                                               seconds=SIMILAR_SECONDS)
            try:
                if send_texts:
                    groups = pool.submit([(a.key, a.text) for a in articles]).result()
                else:
                    groups = pool.submit(self.paths, self.max_bytes).result()
            except (PoolClosed, TaskFailed):  # quitting, or stopped past its time: the list stays unfolded
                return
            finally:
                pool.close()
        self.post_message(GroupsFound(groups))

    def on_groups_found(self, message: GroupsFound) -> None:
        if self.model.set_groups(message.groups):
            self.refresh_list()

    def _failed(self, failure) -> None:
        self.post_message(ExtractionFailed(failure))

    def on_extraction_failed(self, message: ExtractionFailed) -> None:
        """One article the extractors failed on: kept for the problems view, and said in one toast with the others
        that fail in the next moment (a batch of hostile files gave a toast each); the batch goes on."""
        if self.model.extraction_failed(message.failure):
            if not self._failures_to_tell:
                self.set_timer(FAILURES_GATHERED, self._tell_failures)
            self._failures_to_tell.append(message.failure)
            self.update_status()

    def _tell_failures(self) -> None:
        failures, self._failures_to_tell = self._failures_to_tell, []
        if failures:
            title, text = failures_notice(failures, self.key_for("problems"))
            self.notify(text, title=title, severity="warning", markup=False)

    def key_for(self, action_id: str) -> str:
        """The first key that runs an action now, as help shows it (config.toml may have remapped it)."""
        shown = getattr(self.app, "keys_shown", None)
        action = BY_ID[action_id]
        return shown(action).split(" / ")[0] if shown is not None else action.keys.split(",")[0]

    @work(thread=True, group="extract")
    def extract_selected(self, article: Article) -> None:
        """The article on screen, before the background reaches it: first in the worker processes' queue."""
        for briefing in extract_many([article], pool=self.pool, store=self.model.book.store,
                                     on_store_error=lambda exc: None, on_failure=self._failed, urgent=True):
            self.post_message(BriefingExtracted(briefing, self.model.corpus.add(briefing.article.key, briefing)))

    def on_briefing_extracted(self, message: BriefingExtracted) -> None:
        self.model.keep(message.briefing)
        self.post_message(BriefingsArrived([(message.briefing, message.digest)]))

    def on_notice(self, message: Notice) -> None:
        self.notify(message.text, title=message.title, severity=message.severity, markup=False)

    def action_rescan(self) -> None:
        self.rescan()

    @work(thread=True, exclusive=True, group="load")
    def rescan(self) -> None:
        """New files in the input folders join the list; articles already listed keep their place and state."""
        loaded = self._stored_feeds() if self.feeds else self._ingest()
        if loaded is None:
            return
        known = {a.key for a in self.model.articles}
        new = [a for a in loaded.articles if a.key not in known]
        if new and not self.feeds:
            self._put_articles(new)
            with suppress(StoreError):
                self.model.book.store.set_listing(input_names(self.paths), [*self.model.articles, *new])
        if new:
            self.post_message(ArticlesAdded(new, self._read_reviews(new)))
        elif not self.watch_seconds:
            self.post_message(Notice("no new articles"))

    def action_fetch_feeds(self) -> None:
        self.notify("fetching the subscribed feeds", markup=False)
        self.fetch_feeds()

    @work(thread=True, exclusive=True, group="fetch")
    def fetch_feeds(self) -> None:
        """Every subscribed feed fetched and stored, a line per feed as each completes; their new articles join
        the list. Off the UI thread: the list stays usable while pages download."""
        from core.fetch import Fetcher
        from core.fetch_articles import refresh
        from core.locations import subscriptions_path
        from core.subscriptions import SubscriptionError, read_subscriptions
        from tui.feed_commands import feed_line

        try:
            subscriptions = read_subscriptions(subscriptions_path())
        except SubscriptionError as exc:
            self.post_message(Notice(str(exc), "feeds", "warning"))
            return
        if not subscriptions.feeds:
            self.post_message(Notice("no subscriptions: add one with `brief subscribe URL`", "feeds"))
            return
        total = len(subscriptions.feeds)
        done = 0

        def progress(result) -> None:
            nonlocal done
            done += 1
            self.post_message(Notice(feed_line(result), f"feed {done} of {total}",
                                     "warning" if result.error else "information"))

        with Fetcher() as fetcher:
            results = refresh(self.model.book.store, subscriptions.urls, fetcher, on_done=progress)
        known = {a.key for a in self.model.articles}
        new = list({a.key: a for r in results for a in r.articles if a.key not in known}.values())
        if new:
            self.post_message(ArticlesAdded(new, self._read_reviews(new)))

    def on_articles_added(self, message: ArticlesAdded) -> None:
        self.model.add_articles(message.articles, message.reviews)
        self.refresh_list()
        count = len(message.articles)
        self.notify(f"{count} new article{'s' if count != 1 else ''}", markup=False)
        self.extract_all(message.articles)
        self.find_similar()

    # ------------------------------------------------------------------ drawing the list

    def refresh_list(self) -> None:
        self.table.show(self.model.visible(), self.model.book.reviews,
                        {key: d.keyphrases for key, d in self.model.corpus.snapshot().items()},
                        self.model.similar_counts())
        self.update_status()

    def update_status(self) -> None:
        progress = self.model.progress()
        bar = self.query_one("#progress", ProgressBar)
        bar.display = progress is not None
        if progress is not None:
            bar.update(total=progress.total, progress=progress.done + progress.cached)
        parts = self.model.status_parts(self.table.row_count,
                                        str(progress) if progress is not None else self.model.finished())
        if getattr(self.app, "store_problem", None):
            parts.insert(-1, "read-only database" if self.model.book.store.read_only else "not saving")
        self.query_one("#status", Static).update(Text(" · ".join(parts)))

    def _tick(self) -> None:
        """Once a second while extracting: the rate and the time left move on between arrivals too."""
        if self.model.progress() is not None:
            self.update_status()

    def on_article_list_selected(self, message: ArticleList.Selected) -> None:
        """The grid follows the selection once it rests: holding `j` through a long list moves only the cursor."""
        if not self.wide():
            return
        if self.settle is not None:
            self.settle.stop()
        self.settle = self.set_timer(SETTLE_SECONDS, lambda: self._fill_grid(message.article))

    def _fill_grid(self, article: Article) -> None:
        self.settle = None
        if self.current is not article or not self.wide():
            return
        briefing = self.model.briefing(article)
        if briefing is not None:
            self._show_in_grid(briefing)
            return
        self.query_one(PaneGrid).show_pending()
        self.extract_selected(article)

    def _show_in_grid(self, briefing: Briefing) -> None:
        self.shown = briefing
        self.query_one(PaneGrid).show_briefing(briefing)

    def on_article_list_opened(self, message: ArticleList.Opened) -> None:
        self.read(message.article)

    def read(self, article: Article, offset: int | None = None) -> None:
        if self.reading is None:
            self.reading = ArticleScreen(self, article, offset)
            self.app.install_screen(self.reading, name="article")
        else:
            self.reading.open(article, offset)
        if self.app.screen is not self.reading:
            self.app.push_screen("article")

    def opened(self, article: Article) -> None:
        """An article on the article screen: read, and the list's cursor on it for when the analyst returns."""
        self.table.select(article)
        if self.model.status(article) == "new":
            self.model.book.set_status([article], "read", record=False)
            self._reviewed([article])

    def next_new_from(self, article: Article, step: int) -> Article | None:
        listed = self.table.articles()
        if not listed:
            return None
        start = next((i for i, a in enumerate(listed) if a.key == article.key), self.table.cursor_row)
        return self.model.next_new(listed, start, step)

    # ------------------------------------------------------------------ review state

    def _reviewed(self, articles: list[Article], relist: bool = False) -> None:
        """The list and the status line after review changes; a failed write is said, and kept for later."""
        book = self.model.book
        for article in articles:
            self.model.review_changed(article)
            self.table.set_review(article, book.review(article))
        if relist or self.model.status_filter != "all" or self.model.sort_by == "status" or self.model.query.tags:
            self.refresh_list()
        else:
            self.update_status()
        for screen in self.app.screen_stack:
            if isinstance(screen, ArticleScreen):
                screen.review_changed()
        if book.failure is not None:
            waiting = len(book.unsaved)
            self.notify(f"{book.failure}\n{waiting} change{'s' if waiting != 1 else ''} waiting to be saved",
                        title="not saved", severity="error", markup=False, timeout=10)

    def set_status(self, articles: list[Article], status: Status) -> None:
        self.model.book.set_status(articles, status)
        self._reviewed(articles)

    def toggle_status(self, articles: list[Article], status: Status) -> None:
        """Flag or dismiss (or undo either back to read) the articles, by the first one's state."""
        if articles:
            self.set_status(articles, "read" if self.model.status(articles[0]) == status else status)

    def _toggle_and_advance(self, status: Status) -> None:
        article = self.current
        if article is None:
            return
        row = self.table.cursor_row
        self.toggle_status(self.model.acted_on(article), status)
        if self.table.current is article:
            self.table.move_cursor(row=row + 1)
        else:  # a filter hid it: the row it stood on is the next article now
            self.table.move_cursor(row=row)

    def action_toggle_flag(self) -> None:
        self._toggle_and_advance("flagged")

    def action_toggle_dismiss(self) -> None:
        self._toggle_and_advance("dismissed")

    def action_mark_unread(self) -> None:
        if article := self.current:
            self.set_status([article], "new")

    def action_mark_all_read(self) -> None:
        listed = [member for article in self.table.articles() for member in self.model.acted_on(article)]
        new = [a for a in listed if self.model.status(a) == "new"]
        if not new:
            self.notify("nothing new here", markup=False)
            return
        self.model.book.set_status(new, "read", label="all read")
        self._reviewed(new, relist=True)
        self.notify(f"{len(new)} marked read (ctrl+z undoes)", markup=False)

    def action_undo(self) -> None:
        step = self.model.book.undo()
        if step is None:
            self.notify("nothing to undo", markup=False)
            return
        articles = [article for article, _ in step.before]
        self._reviewed(articles, relist=True)
        if len(articles) == 1:
            self.table.select(articles[0])
        self.notify(f"undone: {step.label}", markup=False)

    def action_note(self) -> None:
        if article := self.current:
            self.edit_note(article)

    def action_tags(self) -> None:
        if article := self.current:
            self.edit_tags(article)

    def edit_note(self, article: Article) -> None:
        opened_on = self.model.book.fresh(article)  # another brief on this database may have written since

        def answered(note: str | None) -> None:
            if note is None or clean_note(note) == opened_on.note:
                return
            book = self.model.book
            saved = book.set_note(article, note, expected=opened_on.note)
            self._reviewed([article])
            if saved:
                self.notify("note saved; another brief had changed it since you opened it: both are kept"
                            if book.merged else "note saved", markup=False)

        self.app.push_screen(NoteScreen(article.title or article.id, opened_on.note), answered)

    def edit_tags(self, article: Article) -> None:
        opened_on = self.model.book.fresh(article)

        def answered(answer: str | None) -> None:
            if answer is None:
                return
            tags = clean_tags(answer.split(","))
            if tags == opened_on.tags:
                return
            book = self.model.book
            saved = book.set_tags(article, tags, expected=opened_on.tags)
            self._reviewed([article])
            if saved:
                kept = book.review(article).tags
                self.notify("tags: " + (", ".join(kept) or "none")
                            + (" (merged with another brief's change)" if book.merged else ""), markup=False)

        self.app.push_screen(PromptScreen("Tags, comma separated", ", ".join(opened_on.tags),
                                          draft_label=f"tags on {article.title or article.id} (being typed):"),
                             answered)

    # ------------------------------------------------------------------ links

    def action_open_url(self) -> None:
        if article := self.current:
            self.open_url(article)

    def action_copy_url(self) -> None:
        if article := self.current:
            self.copy_url(article)

    def open_url(self, article: Article) -> None:
        """In $BROWSER or the system's browser; a browser in the terminal gets the terminal until it exits."""
        if not article.url:
            self.notify("this article has no link", markup=False)
            return
        if os.environ.get("BROWSER"):
            with self.app.suspend():
                opened = webbrowser.open(article.url)
        else:
            opened = webbrowser.open(article.url)
        if not opened:
            self.notify(f"no browser could open {article.url}", severity="warning", markup=False)

    def copy_url(self, article: Article) -> None:
        """To the terminal's clipboard with OSC 52, which reaches the analyst's own machine over SSH too."""
        if not article.url:
            self.notify("this article has no link", markup=False)
            return
        self.app.copy_to_clipboard(article.url)
        self.notify(f"copied {article.url}", markup=False)

    # ------------------------------------------------------------------ navigation

    def action_cursor_down(self) -> None:
        self.table.action_cursor_down()

    def action_cursor_up(self) -> None:
        self.table.action_cursor_up()

    def action_first(self) -> None:
        self.table.action_first()

    def action_last(self) -> None:
        self.table.action_last()

    def action_page_down(self) -> None:
        self.table.action_page_down()

    def action_page_up(self) -> None:
        self.table.action_page_up()

    def action_open(self) -> None:
        """The article screen is pushed now, not on the list's Opened message, so that keys typed ahead of it
        (enter, tab, tab over a slow link) reach it rather than the list."""
        if (article := self.table.current) is not None:
            self.read(article)

    def action_next_unread(self) -> None:
        self._jump_unread(1)

    def action_previous_unread(self) -> None:
        self._jump_unread(-1)

    def _jump_unread(self, step: int) -> None:
        listed = self.table.articles()
        found = self.model.next_new(listed, self.table.cursor_row, step) if listed else None
        if found is None:
            self.notify("no new articles", markup=False)
        else:
            self.table.select(found)

    def jump_to(self, article: Article) -> None:
        """Select an article, clearing the filters that hide it."""
        if article.key not in {a.key for a in self.table.articles()}:
            self.model.clear_filters()
            self._close_search()
        self.table.select(article)
        self.table.focus()

    def action_filter(self) -> None:
        box = self.query_one("#filter", LineInput)
        box.display = True
        # at once, not as focus() does after the keys already queued: "/fer" typed in one burst searches "fer"
        # instead of sending "f", "e" (export) and "r" to the list
        self.set_focus(box)

    def on_input_changed(self, event: LineInput.Changed) -> None:
        if event.input.id == "filter":
            self.model.search(event.value)
            self.refresh_list()

    def on_input_submitted(self, event: LineInput.Submitted) -> None:
        if event.input.id == "filter":
            if not event.value.strip():
                self._close_search()
            self.table.focus()

    def on_line_input_cancelled(self, message: LineInput.Cancelled) -> None:
        self._close_search()

    def action_clear_search(self) -> None:
        """Escape in the list: the search and a batch view's phrase filter cleared, the box hidden (its three
        rows are the list's again)."""
        self.model.phrase_filter = None
        self._close_search()

    def _close_search(self) -> None:
        box = self.query_one("#filter", LineInput)
        box.value = ""
        box.display = False
        self.model.search("")
        self.refresh_list()
        self.table.focus()

    def action_status_filter(self) -> None:
        self.model.next_status_filter()
        self.refresh_list()

    def action_sort(self) -> None:
        self.model.next_sort()
        self.refresh_list()

    def action_toggle_similar(self) -> None:
        article = self.current
        if article is None or not self.model.toggle_group(article):
            self.notify("no similar articles", markup=False)
            return
        self.refresh_list()

    def action_problems(self) -> None:
        self.app.push_screen(ProblemsScreen([*self.model.problems, *self._feed_problems(),
                                             *(Problem(a.path or a.id, f"{a.title}: {a.caveat}")
                                               for a in self.model.articles if a.caveat)]))

    def _feed_problems(self) -> list[Problem]:
        """Subscribed feeds whose last fetch failed, and why."""
        try:
            states = self.model.book.store.feed_states()
        except StoreError:
            return []
        return [Problem(url, f"last fetch failed: {state.error}") for url, state in states.items() if state.error]

    # ------------------------------------------------------------------ batch views

    def action_corpus(self, view: str) -> None:
        while isinstance(self.app.screen, CorpusScreen):
            self.app.pop_screen()
        if view == "articles":
            if self.model.phrase_filter is not None:
                self.model.phrase_filter = None
                self.refresh_list()
            return
        model = self.model
        if len(model.corpus) < len(model.articles):
            self.notify(f"{len(model.corpus)} of {len(model.articles)} articles extracted so far", markup=False)
        by_key = {a.key: a for a in model.articles}
        titles = {"timeline": "Timeline of the batch", "speakers": "Speakers of the batch",
                  "keyphrases": "Keyphrases the batch shares"}
        builders = {
            "timeline": lambda: timeline_rows(model.corpus, by_key, self.open_at),
            "speakers": lambda: speaker_rows(model.corpus, lambda speaker: self._push_quotes(speaker, by_key)),
            "keyphrases": lambda: keyphrase_rows(model.corpus, self.filter_by_phrase),
        }
        # pushed before its rows are built, so keys typed while it opens are its own
        self.app.push_screen(CorpusScreen(titles[view], builders[view], model.corpus.lock, self))

    def _push_quotes(self, speaker: str, by_key: dict[str, Article]) -> None:
        self.app.push_screen(CorpusScreen(f"What {speaker} said",
                                          lambda: quote_rows(self.model.corpus, speaker, by_key, self.open_at),
                                          self.model.corpus.lock, self))

    def open_at(self, article_key: str, offset: int) -> None:
        """From a batch view to the article, read at the given place."""
        article = self.model.by_key(article_key)
        if article is None:
            return
        while isinstance(self.app.screen, CorpusScreen):
            self.app.pop_screen()
        self.jump_to(article)
        self.read(article, offset)

    def filter_by_phrase(self, phrase: str, keys: tuple[str, ...]) -> None:
        while isinstance(self.app.screen, CorpusScreen):
            self.app.pop_screen()
        self.model.phrase_filter = (phrase, keys)
        self.refresh_list()

    # ------------------------------------------------------------------ export

    def action_export(self) -> None:
        flagged = self.model.flagged_in_order()
        if flagged:
            self._export(flagged)
            return
        listed = self.table.articles()
        if not listed:
            self.notify("nothing to export", markup=False)
            return

        def answered(answer: str | None) -> None:
            if answer is not None and answer.strip().lower() in ("y", "yes"):
                self._export(listed)

        count = len(listed)
        self.app.push_screen(PromptScreen(f"Nothing is flagged. Export the {count} listed article"
                                          f"{'s' if count != 1 else ''}? (y/n)"), answered)

    def _export(self, articles: list[Article]) -> None:
        target = self.export_dir / f"briefing-{date.today().isoformat()}.md"

        def confirmed(answer: str | None) -> None:
            if answer is not None and answer.strip().lower() in ("y", "yes"):
                self.write_export(articles, target)

        if target.exists():
            self.app.push_screen(PromptScreen(f"{target} exists. Overwrite? (y/n)"), confirmed)
        else:
            self.write_export(articles, target)

    @work(thread=True, exclusive=True, group="export")
    def write_export(self, articles: list[Article], target: Path) -> None:
        briefings = extract_many(articles, pool=self.pool, store=self.model.book.store,
                                 on_store_error=lambda exc: None, on_failure=self._failed, urgent=True)
        try:
            target.parent.mkdir(parents=True, exist_ok=True)
            write_atomic(target, briefing_markdown(briefings, dict(self.model.book.reviews)))
        except OSError as exc:
            self.post_message(Notice(f"{target}: {exc.strerror or exc}", severity="error"))
            return
        self.post_message(Notice(f"exported {len(articles)} to {target}"))
