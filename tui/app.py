"""The brief dashboard: the article list and, for the selected article, its four panes and its text.

Ingest and extraction run in thread workers, so the screen paints at once and keys are answered while they work.
Review state is written to the store the moment it changes.
"""

from __future__ import annotations

import os
from collections import Counter, OrderedDict
from collections.abc import Callable, Sequence
from contextlib import suppress
from datetime import date
from pathlib import Path

from rich.text import Text
from textual import work
from textual.app import App, ComposeResult, SystemCommand
from textual.binding import Binding
from textual.containers import Grid, Vertical
from textual.widgets import Footer, Input, ProgressBar, Static, TabbedContent, TabPane

from core.article import Article
from core.briefing import Briefing
from core.corpus import Corpus, Digest
from core.export import briefing_markdown
from core.files import write_atomic
from core.ingest import DEFAULT_MAX_BYTES, STDIN, Problem, ingest, input_names
from core.ingest.sanitize import sanitize, sanitize_field
from core.pipeline import ExtractionFailure, cached_briefing, default_workers, extract_many, iter_extract
from core.review import clean_note
from core.store import Review, Store, StoreError, clean_tags
from tui.commands import ArticleCommands
from tui.corpus import CorpusScreen, keyphrase_rows, quote_rows, speaker_rows, timeline_rows
from tui.screens import HelpScreen, NoteScreen, PromptScreen
from tui.theming import DEFAULT_THEME, load_themes
from tui.widgets.article_list import ArticleList
from tui.widgets.keyphrases import KeyphrasesPane
from tui.widgets.quotes import QuotesPane
from tui.widgets.reader import Reader
from tui.widgets.summary import SummaryPane
from tui.widgets.timeline import TimelinePane

WIDE = 120
RECENT_BRIEFINGS = 64  # decoded briefings kept for going back and forth; the rest are read again from the store
SETTLE_SECONDS = 0.06
STATUS_FILTERS = ("all", "new", "flagged", "read", "dismissed")
SORTS = ("date", "source", "title", "status")
TABS = ("tab-summary", "tab-keyphrases", "tab-timeline", "tab-quotes", "tab-article")
_STATUS_ORDER = {"flagged": 0, "new": 1, "read": 2, "dismissed": 3}
# help rows whose action the command palette offers (navigation keys are left to the keyboard)
_PALETTE_ACTIONS = {"n / N": "next_unread", "space": "toggle_flag", "x": "toggle_dismiss", "u": "mark_unread",
                    "a": "note", "t": "tags", "/": "filter", "f": "status_filter", "o": "sort",
                    "e": "export", "r": "rescan", "?": "help", "tab": "next_pane"}


class BriefApp(App):
    CSS_PATH = "app.tcss"
    TITLE = "brief"
    COMMANDS = App.COMMANDS | {ArticleCommands}
    BINDINGS = [
        Binding("j", "cursor_down", "Down", show=False, id="cursor_down"),
        Binding("k", "cursor_up", "Up", show=False, id="cursor_up"),
        Binding("g", "first", "First", show=False, id="first"),
        Binding("G", "last", "Last", show=False, id="last"),
        Binding("n", "next_unread", "Next new", id="next_unread"),
        Binding("N", "previous_unread", "Prev new", show=False, id="previous_unread"),
        Binding("space", "toggle_flag", "Flag", id="toggle_flag"),
        Binding("x", "toggle_dismiss", "Dismiss", id="toggle_dismiss"),
        Binding("u", "mark_unread", "Unread", show=False, id="mark_unread"),
        Binding("tab", "next_pane", "Pane", priority=True, id="next_pane"),
        Binding("/", "filter", "Filter", id="filter"),
        Binding("f", "status_filter", "Status", show=False, id="status_filter"),
        Binding("o", "sort", "Sort", show=False, id="sort"),
        Binding("a", "note", "Note", show=False, id="note"),
        Binding("t", "tags", "Tags", show=False, id="tags"),
        Binding("e", "export", "Export", id="export"),
        Binding("r", "rescan", "Rescan", show=False, id="rescan"),
        Binding("s", "toggle_similar", "Similar", show=False, id="toggle_similar"),
        Binding("question_mark", "help", "Help", id="help"),
        Binding("escape", "close_reader", "Back", show=False, id="close_reader"),
        Binding("1", "corpus('articles')", "Articles", show=False, id="corpus_articles"),
        Binding("2", "corpus('timeline')", "Timeline", show=False, id="corpus_timeline"),
        Binding("3", "corpus('speakers')", "Speakers", show=False, id="corpus_speakers"),
        Binding("4", "corpus('keyphrases')", "Phrases", show=False, id="corpus_keyphrases"),
        Binding("q", "quit", "Quit", id="quit"),
    ]
    HELP = [
        ("j / k, ↑ / ↓", "next / previous article"), ("g / G", "first / last article"),
        ("PgUp / PgDn", "page through the list"), ("n / N", "next / previous new article"),
        ("enter", "read the article (marks it read)"), ("tab", "next pane"),
        ("space", "flag or unflag (a folded group: all its copies)"), ("x", "dismiss or restore (likewise)"),
        ("u", "mark unread"), ("s", "show or fold the near-duplicates of a story"),
        ("a", "note (ctrl+s saves)"), ("t", "tags, comma separated"),
        ("/", "filter by title, text, keyphrases, speakers"), ("f", "status filter"), ("o", "sort"),
        ("e", "export flagged (or listed) articles as Markdown"), ("r", "rescan the inputs for new files"),
        ("1 2 3 4", "articles, merged timeline, speakers, recurring keyphrases of the batch"),
        ("ctrl+p", "command palette: every action, themes, jump to an article"),
        ("?", "this help"), ("q", "quit"),
    ]

    def __init__(self, paths: Sequence[str], *, store: Store, max_bytes: int = DEFAULT_MAX_BYTES,
                 export_dir: str | os.PathLike | None = None, theme: str | None = None,
                 keymap: dict[str, str] | None = None, notices: Sequence[str] = (),
                 watch: float | None = None, store_problem: str | None = None) -> None:
        super().__init__()
        self.store_problem = store_problem  # why the store cannot save, when it cannot
        # review changes the store refused (a full disk), by (content hash, field): retried on every later write
        # and at exit, and reported on the terminal if they still fail, so no note is silently dropped
        self.unsaved: dict[tuple[str, str], tuple[str, Callable[[], None]]] = {}
        # what is typed in an open note or tags editor and not yet saved, by editor: printed at exit if the app
        # ends (a crash, a kill) with the editor still open
        self.drafts: dict[int, tuple[str, str]] = {}
        self.watch_seconds = watch
        self.notices = list(notices)
        self.preferred_theme = theme
        self.keymap = dict(keymap or {})
        self.paths = list(paths)
        self.store = store
        self.max_bytes = max_bytes
        self.export_dir = Path(export_dir) if export_dir else Path.cwd()
        self.articles: list[Article] = []
        self.loaded = False  # the inputs have been read once
        self.problems: list[Problem | ExtractionFailure] = []
        self.failed: set[str] = set()  # keys of the articles the extractors failed on (counted as done)
        self.reviews: dict[str, Review] = {}
        self.corpus = Corpus()  # what the list, the filter and the corpus views need of every briefing
        self._recent: OrderedDict[str, Briefing] = OrderedDict()  # the last briefings shown or arrived
        self.query_text = ""
        self.phrase_filter: tuple[str, tuple[str, ...]] | None = None
        self.groups: dict[str, tuple[str, ...]] = {}  # article key -> its near-duplicate group, first stands for it
        self.expanded: set[str] = set()  # groups shown in full
        self._settle = None  # the timer that shows the selected article once the cursor rests
        self._shown: Briefing | None = None  # what the panes show
        self._haystacks: dict[str, str] = {}  # article key -> what the filter searches
        self._theme_saved: str | None = None
        self.status_filter = "all"
        self.sort_by = "date"

    def compose(self) -> ComposeResult:
        yield Static(Text("loading…"), id="status")
        yield ProgressBar(id="progress", show_eta=False)
        with Vertical(id="main"):
            yield ArticleList(id="articles")
            with TabbedContent(id="detail"):
                with TabPane("Summary", id="tab-summary"):
                    yield SummaryPane(id="summary")
                with TabPane("Keyphrases", id="tab-keyphrases"):
                    yield KeyphrasesPane(id="keyphrases")
                with TabPane("Timeline", id="tab-timeline"):
                    yield TimelinePane(id="timeline")
                with TabPane("Quotes", id="tab-quotes"):
                    yield QuotesPane(id="quotes")
                with TabPane("Article", id="tab-article"):
                    yield Reader(id="reader")
            with Grid(id="grid"):  # at 120 columns and wider: the four panes at once
                for pane, title in ((SummaryPane, "Summary"), (KeyphrasesPane, "Keyphrases"),
                                    (TimelinePane, "Timeline"), (QuotesPane, "Quotes")):
                    widget = pane(classes="grid-pane")
                    widget.border_title = title
                    yield widget
        yield Input(placeholder="filter: title, text, keyphrases, speakers (escape clears)", id="filter")
        yield Footer()

    def on_mount(self) -> None:
        themes, problems = load_themes()
        for theme in themes:
            self.register_theme(theme)
        chosen = self._saved_theme() or self.preferred_theme or DEFAULT_THEME
        if chosen not in self.available_themes:
            self.notify(f"no theme named {chosen!r}; using {DEFAULT_THEME}", severity="warning", markup=False)
            chosen = DEFAULT_THEME
        self._theme_saved = chosen  # the start-up choice is not a choice to remember
        if chosen in self.available_themes:
            self.theme = chosen
        if self.keymap:
            self.set_keymap(self.keymap)
        for problem in problems:
            self.notify(str(problem), title="theme not loaded", severity="warning", markup=False)
        for notice in self.notices:
            self.notify(notice, title="config", severity="warning", markup=False, timeout=10)
        if self.store_problem:
            self.notify(self.store_problem, title="database", severity="error", markup=False, timeout=15)
        self.query_one("#filter", Input).display = False
        self._apply_width(self.size.width)
        self.load_articles()
        if self.watch_seconds:
            self.set_interval(self.watch_seconds, self.rescan)

    def watch_theme(self, theme: str) -> None:
        """A theme chosen from the command palette is remembered for the next start."""
        if self.is_mounted and theme != self._theme_saved:
            self._theme_saved = theme
            self.save(("", "theme"), f"theme {theme}", lambda: self.store.set_setting("theme", theme))

    def _saved_theme(self) -> str | None:
        try:
            return self.store.setting("theme")
        except StoreError:
            return None

    def notify(self, message: str, *, title: str = "", **kwargs) -> None:
        """Every notification, cleaned as article text is: messages quote file names, config keys and library
        errors, any of which may carry an escape sequence (a feed's declared encoding, a folder's name)."""
        kwargs["markup"] = False
        super().notify(sanitize(str(message)), title=sanitize_field(title) or "", **kwargs)

    # ------------------------------------------------------------------ writing to the store

    def save(self, key: tuple[str, str], description: str, write: Callable[[], None]) -> bool:
        """Write one change, after any the store refused before; a refused change waits for the next try."""
        self.unsaved[key] = (description, write)
        failure = self.retry_unsaved()
        self._update_status_line()
        if failure is None:
            return True
        waiting = len(self.unsaved)
        self.notify(f"{failure}\n{waiting} change{'s' if waiting != 1 else ''} waiting to be saved",
                    title="not saved", severity="error", markup=False, timeout=10)
        return False

    def retry_unsaved(self) -> str | None:
        """Try every waiting change in order; the first failure stops the round and is returned."""
        for key, (_, write) in list(self.unsaved.items()):
            try:
                write()
            except StoreError as exc:
                return str(exc)
            if self.store.stand_in_for is None:  # a stand-in in memory keeps it for the screen, not for good
                del self.unsaved[key]
        if self.store.stand_in_for is not None:
            return f"{self.store.stand_in_for}: not saved: the database cannot be read"
        return None

    def _store_failed(self, exc: StoreError) -> None:
        """Background caching that failed: the briefings still show, they are only computed again next time."""
        if not self.store.read_only:
            self.call_from_thread(self.notify, f"{exc}; extractions are not cached", title="database",
                                  severity="warning", markup=False)

    def get_system_commands(self, screen):
        """The palette lists every action of the keys too, so nothing needs its key remembered."""
        yield from super().get_system_commands(screen)
        for keys, description in self.HELP:
            action = _PALETTE_ACTIONS.get(keys)
            if action:
                yield SystemCommand(description.capitalize(), f"key: {keys}",
                                    lambda action=action: self.run_action(action))
        for key, view, title in (("1", "articles", "Articles"), ("2", "timeline", "Timeline of the batch"),
                                 ("3", "speakers", "Speakers of the batch"),
                                 ("4", "keyphrases", "Keyphrases the batch shares")):
            yield SystemCommand(title, f"key: {key}", lambda view=view: self.action_corpus(view))

    def jump_to(self, article: Article) -> None:
        if article.key not in {a.key for a in self.query_one(ArticleList).articles()}:
            self.query_text, self.status_filter = "", "all"
            self.query_one("#filter", Input).value = ""
            self.refresh_list()
        self.query_one(ArticleList).select(article)
        self.query_one(ArticleList).focus()

    def on_resize(self, event) -> None:
        self._apply_width(event.size.width)

    def _apply_width(self, width: int) -> None:
        main = self.query_one("#main")
        if main.has_class("wide") != (width >= WIDE):
            main.set_class(width >= WIDE, "wide")
            self._layout_changed()

    # ------------------------------------------------------------------ loading and extraction

    @work(thread=True, exclusive=True, group="load")
    def load_articles(self) -> None:
        """The list as these inputs gave it last time, straight from the store; then the files themselves are
        read, and the list is replaced only if they changed. Reopening 10,000 articles lists them at once."""
        remembered = self._remembered()
        if remembered:
            self.call_from_thread(self._show_articles, remembered, self._read_reviews(remembered))
        loaded = ingest(self.paths, max_bytes=self.max_bytes)
        changed = loaded.articles != remembered  # compares every text: done once
        if changed:
            self.call_from_thread(self._show_articles, loaded.articles, self._read_reviews(loaded.articles))
        self.call_from_thread(self._show_loaded, loaded.problems)
        if changed:  # after the list is up: the analyst need not wait for it
            self._put_articles(loaded.articles)
            # a failure loses only the next start's head start; _put_articles has said the store is failing
            with suppress(StoreError):
                self.store.set_listing(input_names(self.paths), loaded.articles)

    def _remembered(self) -> list[Article]:
        if STDIN in self.paths:
            return []
        try:
            return self.store.listing(input_names(self.paths))
        except StoreError:
            return []

    def _read_reviews(self, articles: list[Article]) -> dict[str, Review]:
        try:
            return self.store.reviews(a.content_hash for a in articles)
        except StoreError as exc:
            self.call_from_thread(self.notify, f"{exc}; review state not shown", title="database",
                                  severity="error", markup=False)
            return {}

    def _put_articles(self, articles: list[Article]) -> None:
        try:
            self.store.put_articles(articles)
        except StoreError as exc:
            if not self.store.read_only:
                self.call_from_thread(self.notify, str(exc), title="database", severity="warning", markup=False)

    def _show_articles(self, articles: list[Article], reviews: dict[str, Review]) -> None:
        self.articles = articles
        self.reviews = reviews
        self._haystacks.clear()
        self.refresh_list()
        self.query_one(ArticleList).focus()

    def _show_loaded(self, problems: list[Problem]) -> None:
        """The inputs have been read: report what could not be, and start the background work."""
        articles = self.articles
        self.loaded = True
        self.problems = problems
        for problem in problems[:5]:
            self.notify(str(problem), title="not loaded", severity="warning", markup=False)
        self._update_status_line()
        if not articles:
            self.query_one(Reader).show(None)
            for pane in self.query(SummaryPane):
                pane.show_text(Text("no articles in " + ", ".join(input_names(self.paths))))
        # background work starts once the first screen is painted, so it does not delay it
        self.set_timer(0.2, lambda: (self.extract_all(articles), self.find_similar()))

    @work(thread=True, exclusive=True, group="extract-all")
    def extract_all(self, articles: list[Article]) -> None:
        """Every article's briefing in the background, so the filter can search keyphrases and speakers and the
        corpus views see the whole batch."""
        workers = default_workers() if len(articles) > 50 else 1
        pending: list[tuple[Briefing, Digest]] = []
        for briefing in iter_extract(articles, workers=workers, store=self.store, on_store_error=self._store_failed,
                                     on_failure=lambda failure: self.call_from_thread(self._failed, failure)):
            # indexed here, off the UI thread; the UI hears of them in batches, one call per 100 results
            pending.append((briefing, self.corpus.add(briefing.article.key, briefing)))
            if len(pending) >= 100:
                self.call_from_thread(self._arrived, pending)
                pending = []
        if pending:
            self.call_from_thread(self._arrived, pending)

    def _arrived(self, batch: list[tuple[Briefing, Digest]]) -> None:
        """Briefings indexed in the background: their keyphrases into the list, the selected one into the panes."""
        base = self._base()
        if base is None:
            return
        table = base.query_one(ArticleList)
        current = table.current
        for briefing, digest in batch:
            self._haystacks.pop(briefing.article.key, None)
            table.set_keyphrases(briefing.article, digest.keyphrases)
            if current is not None and current.key == briefing.article.key:
                self._keep(briefing)
                if self._main_screen_up():
                    self._show_briefing(briefing)
        self._update_status_line()

    @work(thread=True, exclusive=True, group="similar")
    def find_similar(self) -> None:
        """Group wire copies of one story (MinHash LSH over all loaded articles)."""
        from concurrent.futures import ProcessPoolExecutor

        from core.duplicates import group_inputs, group_texts

        articles = list(self.articles)
        if len(articles) < 200:
            groups = group_texts([(a.key, a.text) for a in articles])
        else:  # a large batch is grouped in a process of its own, so keys are answered meanwhile
            with ProcessPoolExecutor(max_workers=1) as pool:
                if STDIN in self.paths:
                    groups = pool.submit(group_texts, [(a.key, a.text) for a in articles]).result()
                else:
                    groups = pool.submit(group_inputs, self.paths, self.max_bytes).result()
        listed = {a.key for a in articles}  # the files may have changed since the list was read
        kept = {key: tuple(k for k in group if k in listed) for key, group in groups.items() if key in listed}
        self.call_from_thread(self._set_groups, {key: group for key, group in kept.items() if len(group) > 1})

    def _set_groups(self, groups: dict[str, tuple[str, ...]]) -> None:
        if groups != self.groups:
            self.groups = groups
            self.refresh_list()

    def _failed(self, failure: ExtractionFailure) -> None:
        """One article the extractors failed on: said once, kept for the exit report; the batch goes on."""
        if failure.article.key in self.failed:
            return
        self.failed.add(failure.article.key)
        self.problems.append(failure)
        self.notify(str(failure), title="not extracted", severity="warning", markup=False)
        self._update_status_line()

    def _remember(self, briefing: Briefing) -> None:
        """One briefing extracted on request (the selected article, before the background reached it)."""
        self._keep(briefing)
        self._arrived([(briefing, self.corpus.add(briefing.article.key, briefing))])

    def _keep(self, briefing: Briefing) -> None:
        self._recent[briefing.article.key] = briefing
        self._recent.move_to_end(briefing.article.key)
        while len(self._recent) > RECENT_BRIEFINGS:
            self._recent.popitem(last=False)

    def briefing(self, article: Article) -> Briefing | None:
        """The article's briefing if it has been extracted: recently shown, or read back from the store."""
        found = self._recent.get(article.key)
        if found is None and article.key in self.corpus:
            try:
                found = cached_briefing(article, self.store)
            except StoreError:
                found = None
        if found is not None:
            self._keep(found)
        return found

    def on_article_list_selected(self, message: ArticleList.Selected) -> None:
        """The panes follow the selection once it rests: holding `j` through a long list moves only the cursor."""
        if self._settle is not None:
            self._settle.stop()
        self._settle = self.set_timer(SETTLE_SECONDS, lambda: self._show_article(message.article))

    def _show_article(self, article: Article) -> None:
        self._settle = None
        if not self._main_screen_up() or self.query_one(ArticleList).current is not article:
            return
        self.query_one(Reader).show(article)
        briefing = self.briefing(article)
        if briefing is not None:
            self._show_briefing(briefing)
            return
        for pane in (SummaryPane, KeyphrasesPane, TimelinePane, QuotesPane):
            for widget in self.query(pane):
                widget.show_pending()
        self.extract_selected(article)

    def on_entry_list_chosen(self, message) -> None:
        """A timeline entry or a quote chosen: the reader opens at its place."""
        article = self._current()
        if article is not None:
            self.read_at(article, message.offset)

    def read_at(self, article: Article, offset: int) -> None:
        self._read()
        reader = self.query_one(Reader)
        # after the Article tab has been laid out, so the reader knows its width and height
        self.set_timer(0.05, lambda: reader.scroll_to_offset(article.text, offset))
        reader.focus()

    def _read(self) -> None:
        """The Article tab; at wide widths it takes the grid's place until escape."""
        self.query_one("#main").add_class("reading")
        self._layout_changed()
        self.query_one(TabbedContent).active = "tab-article"

    def action_close_reader(self) -> None:
        self.query_one("#main").remove_class("reading")
        self._layout_changed()
        self.query_one(ArticleList).focus()

    def on_article_list_opened(self, message: ArticleList.Opened) -> None:
        self._read()
        if self.reviews.get(message.article.content_hash, Review()).status == "new":
            self._set_status(message.article, "read")

    @work(thread=True, group="extract")
    def extract_selected(self, article: Article) -> None:
        for briefing in extract_many([article], store=self.store, on_store_error=lambda exc: None,
                                     on_failure=lambda failure: self.call_from_thread(self._failed, failure)):
            self.call_from_thread(self._remember, briefing)

    def _show_briefing(self, briefing: Briefing) -> None:
        """Fill the panes on screen (the tabs, or the grid at wide widths); the others catch up when shown."""
        self._shown = briefing
        self.query_one(Reader).show(briefing.article, briefing)
        where = "#grid" if self._grid_visible() else "#detail"
        self.query_one(f"{where} SummaryPane", SummaryPane).show(briefing.summary)
        self.query_one(f"{where} KeyphrasesPane", KeyphrasesPane).show(briefing.keyphrases)
        self.query_one(f"{where} TimelinePane", TimelinePane).show(briefing.timeline)
        self.query_one(f"{where} QuotesPane", QuotesPane).show(briefing.quotes)

    def _main_screen_up(self) -> bool:
        return bool(self.screen_stack) and bool(self.query("#main"))

    def _base(self):
        """The screen of the list and the panes, also while a corpus view or a dialog is on top of it; None while
        the app is closing. Background results arrive at any of those moments."""
        return self.screen_stack[0] if self.screen_stack and self.screen_stack[0].query("#main") else None

    def _grid_visible(self) -> bool:
        main = self.query_one("#main")
        return main.has_class("wide") and not main.has_class("reading")

    def _layout_changed(self) -> None:
        if self._shown is not None and self._shown.article is self._current():
            self._show_briefing(self._shown)

    # ------------------------------------------------------------------ the list: filter and sort

    def visible(self) -> list[Article]:
        shown = [a for a in self.articles if self._passes(a) and not self._folded(a)]
        key = {
            "date": lambda a: (a.published or "",),
            "source": lambda a: ((a.source or "").lower(), a.published or ""),
            "title": lambda a: ((a.title or "").lower(),),
            "status": lambda a: (_STATUS_ORDER[self._status(a)],),
        }[self.sort_by]
        return sorted(shown, key=key, reverse=self.sort_by == "date")

    def _folded(self, article: Article) -> bool:
        """A copy hidden under its group's first article, unless the group is expanded."""
        group = self.groups.get(article.key)
        return bool(group) and group[0] != article.key and group[0] not in self.expanded

    def _similar_counts(self) -> dict[str, int]:
        return {group[0]: len(group) - 1 for group in self.groups.values() if group[0] not in self.expanded}

    def _passes(self, article: Article) -> bool:
        if self.phrase_filter is not None and article.key not in self.phrase_filter[1]:
            return False
        status = self._status(article)
        if self.status_filter != "all" and status != self.status_filter:
            return False
        if not self.query_text:
            return True
        return self.query_text in self._haystack(article)

    def _haystack(self, article: Article) -> str:
        """What the filter searches, built once per article (and again when its briefing arrives), not on every
        keystroke of the filter."""
        found = self._haystacks.get(article.key)
        if found is None:
            parts = [article.title or "", article.source or "", article.text]
            digest = self.corpus.digests.get(article.key)
            if digest is not None:
                parts += [*digest.keyphrases, *digest.speakers]
            found = self._haystacks[article.key] = "\n".join(parts).lower()
        return found

    def _status(self, article: Article) -> str:
        return self.reviews.get(article.content_hash, Review()).status

    def refresh_list(self) -> None:
        table = self.query_one(ArticleList)
        table.show(self.visible(), self.reviews,
                   {key: d.keyphrases for key, d in self.corpus.snapshot().items()},
                   self._similar_counts())
        self._update_status_line()

    def _update_status_line(self) -> None:
        base = self._base()
        if base is None:
            return
        shown = base.query_one(ArticleList).row_count
        counts = Counter(self._status(a) for a in self.articles)  # one pass: this runs per 100 results
        parts = [f"{shown} of {len(self.articles)} articles" if shown != len(self.articles)
                 else f"{len(self.articles)} article{'s' if len(self.articles) != 1 else ''}",
                 f"{counts['new']} new", f"{counts['flagged']} flagged", f"sort: {self.sort_by}"]
        if self.status_filter != "all":
            parts.append(f"showing: {self.status_filter}")
        if self.query_text:
            parts.append(f"filter: {self.query_text}")
        if self.phrase_filter is not None:
            parts.append(f"phrase: {self.phrase_filter[0]} (1 clears)")
        if not self.loaded:
            parts.append("reading the inputs…")
        if self.problems:
            parts.append(f"{len(self.problems)} could not be read")
        if self.store_problem:
            parts.append("read-only database" if self.store.read_only else "not saving")
        if self.unsaved:
            parts.append(f"{len(self.unsaved)} unsaved")
        # counted, not looked up per article: this runs per 100 results
        done = min(len(self.corpus) + len(self.failed), len(self.articles))
        progress = base.query_one("#progress", ProgressBar)
        progress.display = done < len(self.articles)
        if done < len(self.articles):
            parts.append(f"extracting {done}/{len(self.articles)}")
            progress.update(total=len(self.articles), progress=done)
        base.query_one("#status", Static).update(Text(" · ".join(parts)))

    # ------------------------------------------------------------------ review state

    def _set_status(self, article: Article, status: str) -> None:
        self.save((article.content_hash, "status"), f"{status}: {article.title or article.id}",
                  lambda: self.store.set_status(article.content_hash, status))
        old = self.reviews.get(article.content_hash, Review())
        self.reviews[article.content_hash] = Review(status, old.tags, old.note, old.updated_at)
        self.query_one(ArticleList).set_status(article, status)
        if self.status_filter != "all" or self.sort_by == "status":
            self.refresh_list()
        else:
            self._update_status_line()

    def _current(self) -> Article | None:
        return self.query_one(ArticleList).current

    def action_toggle_flag(self) -> None:
        if article := self._current():
            status = "read" if self._status(article) == "flagged" else "flagged"
            for member in self._acted_on(article):
                self._set_status(member, status)

    def action_toggle_dismiss(self) -> None:
        if article := self._current():
            status = "read" if self._status(article) == "dismissed" else "dismissed"
            for member in self._acted_on(article):
                self._set_status(member, status)

    def _acted_on(self, article: Article) -> list[Article]:
        """The article, or its whole group when the row stands folded for its copies."""
        group = self.groups.get(article.key)
        if not group or group[0] != article.key or article.key in self.expanded:
            return [article]
        by_key = {a.key: a for a in self.articles}
        return [by_key[k] for k in group if k in by_key]

    def action_toggle_similar(self) -> None:
        article = self._current()
        group = self.groups.get(article.key) if article else None
        if not group:
            self.notify("no similar articles", markup=False)
            return
        self.expanded ^= {group[0]}
        self.refresh_list()

    def action_mark_unread(self) -> None:
        if article := self._current():
            self._set_status(article, "new")

    def action_note(self) -> None:
        def save(article: Article, review: Review, note: str) -> tuple[Review, str]:
            note = clean_note(note)
            stored: list[str] = []
            saved = self.save((article.content_hash, "note"), f"note on {article.title or article.id}:\n{note}",
                              lambda: stored.append(self.store.set_note(article.content_hash, note,
                                                                        expected=review.note)))
            kept = stored[-1] if stored else note
            message = "note saved" if kept == note else \
                "note saved; another brief had changed it since you opened it: both are kept"
            return Review(review.status, review.tags, kept, review.updated_at), message if saved else ""

        self._edit_review(lambda article, review: NoteScreen(article.title or article.id, review.note), save)

    def action_tags(self) -> None:
        def save(article: Article, review: Review, answer: str) -> tuple[Review, str]:
            tags = clean_tags(answer.split(","))
            stored: list[tuple[str, ...]] = []
            saved = self.save((article.content_hash, "tags"), f"tags on {article.title or article.id}: "
                              + ", ".join(tags), lambda: stored.append(self.store.set_tags(
                                  article.content_hash, tags, expected=review.tags)))
            kept = stored[-1] if stored else tags
            merged = "" if kept == tags else " (merged with another brief's change)"
            return (Review(review.status, kept, review.note, review.updated_at),
                    "tags: " + (", ".join(kept) or "none") + merged if saved else "")

        self._edit_review(lambda article, review: PromptScreen(
            "Tags, comma separated", ", ".join(review.tags),
            draft_label=f"tags on {article.title or article.id} (being typed):"), save)

    def _edit_review(self, screen, save) -> None:
        """Ask about the current article in a modal screen; a cancelled one (None) leaves the store untouched."""
        article = self._current()
        if article is None:
            return
        with suppress(StoreError):  # another brief on this database may have written since the list was read
            fresh = self.store.review(article.content_hash)
            if (article.content_hash, "note") not in self.unsaved and (article.content_hash, "tags") not in \
                    self.unsaved:
                self.reviews[article.content_hash] = fresh
        opened_on = self.reviews.get(article.content_hash, Review())

        def answered(answer: str | None) -> None:
            if answer is None:
                return
            review, message = save(article, opened_on, answer)
            self.reviews[article.content_hash] = review
            if message:
                self.notify(message, markup=False)

        self.push_screen(screen(article, opened_on), answered)

    # ------------------------------------------------------------------ navigation

    def action_cursor_down(self) -> None:
        self.query_one(ArticleList).action_cursor_down()

    def action_cursor_up(self) -> None:
        self.query_one(ArticleList).action_cursor_up()

    def action_first(self) -> None:
        self.query_one(ArticleList).move_cursor(row=0)

    def action_last(self) -> None:
        table = self.query_one(ArticleList)
        table.move_cursor(row=max(0, table.row_count - 1))

    def action_next_unread(self) -> None:
        self._jump_unread(1)

    def action_previous_unread(self) -> None:
        self._jump_unread(-1)

    def _jump_unread(self, step: int) -> None:
        table = self.query_one(ArticleList)
        listed = table.articles()
        if not listed:
            return
        start = table.cursor_row
        for offset in range(1, len(listed) + 1):
            article = listed[(start + step * offset) % len(listed)]
            if self._status(article) == "new":
                table.select(article)
                return
        self.notify("no new articles", markup=False)

    def action_next_pane(self) -> None:
        tabs = self.query_one(TabbedContent)
        tabs.active = TABS[(TABS.index(tabs.active) + 1) % len(TABS)] if tabs.active in TABS else TABS[0]

    def action_filter(self) -> None:
        box = self.query_one("#filter", Input)
        box.display = True
        box.focus()

    def on_input_changed(self, event: Input.Changed) -> None:
        if event.input.id == "filter":
            self.query_text = event.value.strip().lower()
            self.refresh_list()

    def on_input_submitted(self, event: Input.Submitted) -> None:
        if event.input.id == "filter":
            self.query_one(ArticleList).focus()

    def on_key(self, event) -> None:
        box = self.query_one("#filter", Input)
        if event.key == "escape" and box.has_focus:
            box.value = ""
            box.display = False
            self.query_one(ArticleList).focus()

    def action_status_filter(self) -> None:
        self.status_filter = STATUS_FILTERS[(STATUS_FILTERS.index(self.status_filter) + 1) % len(STATUS_FILTERS)]
        self.refresh_list()

    def action_sort(self) -> None:
        self.sort_by = SORTS[(SORTS.index(self.sort_by) + 1) % len(SORTS)]
        self.refresh_list()

    def action_help(self) -> None:
        self.push_screen(HelpScreen(self.HELP))

    def action_rescan(self) -> None:
        self.rescan()

    @work(thread=True, exclusive=True, group="load")
    def rescan(self) -> None:
        """New files in the input folders join the list; articles already listed keep their place and state."""
        loaded = ingest(self.paths, max_bytes=self.max_bytes)
        known = {a.key for a in self.articles}
        new = [a for a in loaded.articles if a.key not in known]
        if new:
            self._put_articles(new)
            with suppress(StoreError):
                self.store.set_listing(input_names(self.paths), [*self.articles, *new])
            reviews = self._read_reviews(new)
            self.call_from_thread(self._add_articles, new, reviews)
        elif not self.watch_seconds:
            self.call_from_thread(self.notify, "no new articles", markup=False)

    def _add_articles(self, new: list[Article], reviews: dict[str, Review]) -> None:
        if not self._main_screen_up():
            return  # a rescan that finished while the app was closing
        self.articles.extend(new)
        self.reviews.update(reviews)
        self.refresh_list()
        self.notify(f"{len(new)} new article{'s' if len(new) != 1 else ''}", markup=False)
        if new:
            self.extract_all(new)
            self.find_similar()

    # ------------------------------------------------------------------ corpus views

    def action_corpus(self, view: str) -> None:
        while isinstance(self.screen, CorpusScreen):
            self.pop_screen()
        if view == "articles":
            if self.phrase_filter is not None:
                self.phrase_filter = None
                self.refresh_list()
            return
        if len(self.corpus) < len(self.articles):
            self.notify(f"{len(self.corpus)} of {len(self.articles)} articles extracted so far", markup=False)
        by_key = {a.key: a for a in self.articles}
        with self.corpus.lock:  # the background may be adding to it
            self._push_corpus_view(view, by_key)

    def _push_corpus_view(self, view: str, by_key: dict[str, Article]) -> None:
        if view == "timeline":
            self.push_screen(CorpusScreen("Timeline of the batch", timeline_rows(self.corpus, by_key, self.open_at)))
        elif view == "speakers":
            rows = speaker_rows(self.corpus, lambda speaker: self._push_quotes(speaker, by_key))
            self.push_screen(CorpusScreen("Speakers of the batch", rows))
        elif view == "keyphrases":
            self.push_screen(CorpusScreen("Keyphrases the batch shares", keyphrase_rows(self.corpus,
                                                                                        self.filter_by_phrase)))

    def _push_quotes(self, speaker: str, by_key: dict[str, Article]) -> None:
        with self.corpus.lock:
            rows = quote_rows(self.corpus, speaker, by_key, self.open_at)
        self.push_screen(CorpusScreen(f"What {speaker} said", rows))

    def open_at(self, article_key: str, offset: int) -> None:
        """From a corpus view to the article, read at the given place."""
        article = next((a for a in self.articles if a.key == article_key), None)
        if article is None:
            return
        while isinstance(self.screen, CorpusScreen):
            self.pop_screen()
        self.jump_to(article)
        self.read_at(article, offset)

    def filter_by_phrase(self, phrase: str, keys: tuple[str, ...]) -> None:
        while isinstance(self.screen, CorpusScreen):
            self.pop_screen()
        self.phrase_filter = (phrase, keys)
        self.refresh_list()

    # ------------------------------------------------------------------ export

    def action_export(self) -> None:
        flagged = [a for a in self.articles if self._status(a) == "flagged"]
        chosen = flagged or self.query_one(ArticleList).articles()
        if not chosen:
            self.notify("nothing to export", markup=False)
            return
        target = self.export_dir / f"briefing-{date.today().isoformat()}.md"

        def confirmed(answer: str | None) -> None:
            if answer is not None and answer.strip().lower() in ("y", "yes"):
                self.write_export(chosen, target)

        if target.exists():
            self.push_screen(PromptScreen(f"{target} exists. Overwrite? (y/n)"), confirmed)
        else:
            self.write_export(chosen, target)

    @work(thread=True, exclusive=True, group="export")
    def write_export(self, articles: list[Article], target: Path) -> None:
        briefings = extract_many(articles, store=self.store, on_store_error=lambda exc: None,
                                 on_failure=lambda failure: self.call_from_thread(self._failed, failure))
        try:
            write_atomic(target, briefing_markdown(briefings, self.reviews))
        except OSError as exc:
            self.call_from_thread(self.notify, f"{target}: {exc.strerror or exc}", severity="error", markup=False)
            return
        self.call_from_thread(self.notify, f"exported {len(articles)} to {target}", markup=False)
