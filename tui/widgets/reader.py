"""The reader: an article's metadata and full text, scrollable."""

from __future__ import annotations

from rich.text import Text
from textual.containers import VerticalScroll
from textual.widgets import Static

from core.article import Article


class Reader(VerticalScroll):
    def compose(self):
        yield Static(id="reader-heading")
        yield Static(id="reader-body")

    def show(self, article: Article | None) -> None:
        heading = Text()
        body = Text()
        if article is not None:
            heading.append(article.title or article.id, style="bold")
            meta = " · ".join(x for x in (article.source, article.published, article.url) if x)
            if meta:
                heading.append("\n" + meta, style="dim")
            body = Text(article.text)
        self.query_one("#reader-heading", Static).update(heading)
        self.query_one("#reader-body", Static).update(body)
        self.scroll_home(animate=False)
