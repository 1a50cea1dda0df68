"""The brief dashboard: the article list and, for the selected article, its four panes and its text.

Ingest and extraction run in thread workers, so the screen paints at once and keys are answered while they work.
"""

from __future__ import annotations

from collections.abc import Sequence

from rich.text import Text
from textual import work
from textual.app import App, ComposeResult
from textual.binding import Binding
from textual.containers import Vertical
from textual.widgets import Footer, Static, TabbedContent, TabPane

from core.article import Article
from core.ingest import DEFAULT_MAX_BYTES, Problem, ingest
from core.pipeline import extract_many
from core.store import Store
from tui.theming import DEFAULT_THEME, load_themes
from tui.widgets.article_list import ArticleList
from tui.widgets.keyphrases import KeyphrasesPane
from tui.widgets.quotes import QuotesPane
from tui.widgets.reader import Reader
from tui.widgets.summary import SummaryPane
from tui.widgets.timeline import TimelinePane

WIDE = 120


class BriefApp(App):
    CSS_PATH = "app.tcss"
    TITLE = "brief"
    BINDINGS = [
        Binding("q", "quit", "Quit"),
        Binding("j", "cursor_down", "Down", show=False),
        Binding("k", "cursor_up", "Up", show=False),
    ]

    def __init__(self, paths: Sequence[str], *, store: Store, max_bytes: int = DEFAULT_MAX_BYTES) -> None:
        super().__init__()
        self.paths = list(paths)
        self.store = store
        self.max_bytes = max_bytes
        self.articles: list[Article] = []
        self.problems: list[Problem] = []

    def compose(self) -> ComposeResult:
        yield Static(Text("loading…"), id="status")
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
        yield Footer()

    def on_mount(self) -> None:
        themes, problems = load_themes()
        for theme in themes:
            self.register_theme(theme)
        if DEFAULT_THEME in self.available_themes:
            self.theme = DEFAULT_THEME
        for problem in problems:
            self.notify(str(problem), title="theme not loaded", severity="warning", markup=False)
        self._apply_width(self.size.width)
        self.load_articles()

    def on_resize(self, event) -> None:
        self._apply_width(event.size.width)

    def _apply_width(self, width: int) -> None:
        self.query_one("#main").set_class(width >= WIDE, "wide")

    @work(thread=True, exclusive=True, group="load")
    def load_articles(self) -> None:
        loaded = ingest(self.paths, max_bytes=self.max_bytes)
        self.store.put_articles(loaded.articles)
        self.call_from_thread(self._show_loaded, loaded.articles, loaded.problems)

    def _show_loaded(self, articles: list[Article], problems: list[Problem]) -> None:
        self.articles = articles
        self.problems = problems
        count = f"{len(articles)} article{'s' if len(articles) != 1 else ''}"
        failed = f" · {len(problems)} could not be read" if problems else ""
        self.query_one("#status", Static).update(Text(count + failed))
        for problem in problems[:5]:
            self.notify(str(problem), title="not loaded", severity="warning", markup=False)
        table = self.query_one(ArticleList)
        table.show(articles)
        table.focus()
        if not articles:
            self.query_one(Reader).show(None)
            self.query_one(SummaryPane).show_text(Text("no articles in " + ", ".join(self.paths)))

    def on_article_list_selected(self, message: ArticleList.Selected) -> None:
        self.query_one(Reader).show(message.article)
        for pane in (SummaryPane, KeyphrasesPane, TimelinePane, QuotesPane):
            self.query_one(pane).show_pending()
        self.extract_selected(message.article)

    @work(thread=True, exclusive=True, group="extract")
    def extract_selected(self, article: Article) -> None:
        [briefing] = extract_many([article], store=self.store)
        self.call_from_thread(self._show_briefing, briefing)

    def _show_briefing(self, briefing) -> None:
        current = self.query_one(ArticleList).current
        if current is not None and current.key == briefing.article.key:
            self.query_one(SummaryPane).show(briefing.summary)
            self.query_one(KeyphrasesPane).show(briefing.keyphrases)
            self.query_one(TimelinePane).show(briefing.timeline)
            self.query_one(QuotesPane).show(briefing.quotes)

    def action_cursor_down(self) -> None:
        self.query_one(ArticleList).action_cursor_down()

    def action_cursor_up(self) -> None:
        self.query_one(ArticleList).action_cursor_up()
