"""The command palette's article provider: jump to an article by its title.

Textual's palette reads a Hit's prompt and help as markup when they are strings, and its matcher's highlight
parses the candidate as markup too; article fields are untrusted, so every prompt and help here is Content built
from plain text (a source `Wire [/]` crashed the palette, `[@click=app.bell]Reuters[/]` was honoured).
"""

from __future__ import annotations

from functools import partial
from typing import TYPE_CHECKING, cast

from textual.command import DiscoveryHit, Hit, Hits, Provider
from textual.content import Content
from textual.fuzzy import Matcher

from core.timex_words import dashboard_date

if TYPE_CHECKING:  # the app registers this provider: imported for its type only
    from tui.app import BriefApp


def highlighted(matcher: Matcher, candidate: str) -> Content:
    """The candidate as plain Content with the matched characters in the matcher's style."""
    content = Content(candidate)
    score, offsets = matcher.fuzzy_search.match(matcher.query, candidate)
    if score:
        for offset in offsets:
            if not candidate[offset].isspace():
                content = content.stylize(matcher.match_style, offset, offset + 1)
    return content


class ArticleCommands(Provider):
    """Every loaded article, by title; choosing one selects it in the list (clearing filters that hide it)."""

    @property
    def brief(self) -> BriefApp:
        return cast("BriefApp", self.app)

    async def search(self, query: str) -> Hits:
        matcher = self.matcher(query)
        for article in self.brief.articles:
            title = article.title or article.id
            score = matcher.match(title)
            if score > 0:
                about = " · ".join(x for x in (article.source, dashboard_date(article.published)) if x)
                yield Hit(score, highlighted(matcher, title), partial(self.brief.jump_to, article),
                          help=Content(about) if about else None)  # type: ignore[arg-type]  # Content: never markup

    async def discover(self) -> Hits:
        for article in self.brief.articles[:20]:
            yield DiscoveryHit(Content(article.title or article.id), partial(self.brief.jump_to, article),
                               help="jump to this article")
