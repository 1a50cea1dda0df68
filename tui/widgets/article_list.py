"""The article list: one row per article, fast at thousands of rows (DataTable renders only what is visible)."""

from __future__ import annotations

from collections.abc import Sequence

from rich.text import Text
from textual.message import Message
from textual.widgets import DataTable

from core.article import Article


class ArticleList(DataTable):
    """Rows keyed by Article.key; every cell is a Text, so titles are never read as markup."""

    class Selected(Message):
        """The highlighted article changed."""

        def __init__(self, article: Article) -> None:
            super().__init__()
            self.article = article

    def __init__(self, **kwargs) -> None:
        super().__init__(cursor_type="row", zebra_stripes=False, **kwargs)
        self._articles: dict[str, Article] = {}

    def on_mount(self) -> None:
        self.add_column("Date", key="date", width=10)
        self.add_column("Source", key="source", width=14)
        self.add_column("Title", key="title")

    def show(self, articles: Sequence[Article]) -> None:
        self.clear()
        self._articles = {a.key: a for a in articles}
        for a in articles:
            self.add_row(
                Text((a.published or "")[:10], style="dim"),
                Text(a.source or "", overflow="ellipsis", no_wrap=True),
                Text(a.title or a.id, overflow="ellipsis", no_wrap=True),
                key=a.key,
            )

    @property
    def current(self) -> Article | None:
        if not self.row_count:
            return None
        row_key, _ = self.coordinate_to_cell_key(self.cursor_coordinate)
        return self._articles.get(row_key.value)

    def on_data_table_row_highlighted(self, event: DataTable.RowHighlighted) -> None:
        event.stop()
        article = self._articles.get(event.row_key.value)
        if article is not None:
            self.post_message(self.Selected(article))
