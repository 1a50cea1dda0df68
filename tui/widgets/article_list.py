"""The article list: one row per article, fast at thousands of rows (DataTable renders only what is visible)."""

from __future__ import annotations

from collections.abc import Sequence

from rich.text import Text
from textual.message import Message
from textual.widgets import DataTable

from core.article import Article
from core.store import Review

# A mark per review status that still reads without colour (NO_COLOR, 16-colour terminals).
STATUS_MARKS = {"new": ("●", "bold"), "read": (" ", ""), "flagged": ("★", "bold yellow"),
                "dismissed": ("✗", "dim")}


class ArticleList(DataTable):
    """Rows keyed by Article.key; every cell is a Text, so titles are never read as markup."""

    class Selected(Message):
        """The highlighted article changed."""

        def __init__(self, article: Article) -> None:
            super().__init__()
            self.article = article

    class Opened(Message):
        """Enter on an article: read it."""

        def __init__(self, article: Article) -> None:
            super().__init__()
            self.article = article

    def __init__(self, **kwargs) -> None:
        super().__init__(cursor_type="row", zebra_stripes=False, **kwargs)
        self._articles: dict[str, Article] = {}
        self._similar: dict[str, int] = {}

    def on_mount(self) -> None:
        self.add_column(" ", key="status", width=1)
        self.add_column("Date", key="date", width=10)
        self.add_column("Source", key="source", width=14)
        self.add_column("Title", key="title")
        self.add_column("Keyphrases", key="keyphrases")

    def show(self, articles: Sequence[Article], reviews: dict[str, Review],
             keyphrases: dict[str, Sequence[str]] | None = None, similar: dict[str, int] | None = None) -> None:
        """Replace the rows, keeping the cursor on the same article where it is still listed; `similar` counts
        the near-duplicates folded under an article's row."""
        current = self.current
        self.clear()
        self._articles = {a.key: a for a in articles}
        self._similar = dict(similar or {})
        for a in articles:
            review = reviews.get(a.content_hash, Review())
            self.add_row(
                status_cell(review.status),
                Text((a.published or "")[:10], style="dim"),
                Text(a.source or "", overflow="ellipsis", no_wrap=True),
                title_cell(a, review.status, self._similar.get(a.key, 0)),
                keyphrases_cell((keyphrases or {}).get(a.key, ())),
                key=a.key,
            )
        if current is not None and current.key in self._articles:
            self.move_cursor(row=self.get_row_index(current.key))

    def set_status(self, article: Article, status: str) -> None:
        if article.key in self._articles:
            self.update_cell(article.key, "status", status_cell(status))
            self.update_cell(article.key, "title", title_cell(article, status, self._similar.get(article.key, 0)))

    def set_keyphrases(self, article: Article, phrases: Sequence[str]) -> None:
        if article.key in self._articles:
            self.update_cell(article.key, "keyphrases", keyphrases_cell(phrases))

    def articles(self) -> list[Article]:
        """The listed articles in row order."""
        return [self._articles[row.key.value] for row in self.ordered_rows]

    @property
    def current(self) -> Article | None:
        if not self.row_count:
            return None
        row_key, _ = self.coordinate_to_cell_key(self.cursor_coordinate)
        return self._articles.get(row_key.value)

    def select(self, article: Article) -> None:
        if article.key in self._articles:
            self.move_cursor(row=self.get_row_index(article.key))

    def on_data_table_row_highlighted(self, event: DataTable.RowHighlighted) -> None:
        event.stop()
        article = self._articles.get(event.row_key.value)
        if article is not None:
            self.post_message(self.Selected(article))

    def on_data_table_row_selected(self, event: DataTable.RowSelected) -> None:
        event.stop()
        article = self._articles.get(event.row_key.value)
        if article is not None:
            self.post_message(self.Opened(article))


def status_cell(status: str) -> Text:
    mark, style = STATUS_MARKS.get(status, (" ", ""))
    return Text(mark, style=style)


def title_cell(article: Article, status: str, similar: int = 0) -> Text:
    style = {"new": "bold", "dismissed": "dim strike", "flagged": "bold"}.get(status, "")
    text = Text(article.title or article.id, style=style, overflow="ellipsis", no_wrap=True)
    if similar:
        text.append(f"  +{similar} similar", style="italic dim")
    return text


def keyphrases_cell(phrases: Sequence[str]) -> Text:
    return Text(", ".join(phrases[:3]), style="dim", overflow="ellipsis", no_wrap=True)
