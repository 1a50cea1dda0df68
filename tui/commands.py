"""The command palette's article provider: jump to an article by its title."""

from __future__ import annotations

from functools import partial

from rich.text import Text
from textual.command import DiscoveryHit, Hit, Hits, Provider


class ArticleCommands(Provider):
    """Every loaded article, by title; choosing one selects it in the list (clearing filters that hide it)."""

    async def search(self, query: str) -> Hits:
        matcher = self.matcher(query)
        for article in self.app.articles:
            title = article.title or article.id
            score = matcher.match(title)
            if score > 0:
                yield Hit(score, matcher.highlight(title), partial(self.app.jump_to, article),
                          help=" · ".join(x for x in (article.source, article.published) if x) or None)

    async def discover(self) -> Hits:
        for article in self.app.articles[:20]:
            yield DiscoveryHit(Text(article.title or article.id), partial(self.app.jump_to, article),
                               help="jump to this article")
