"""What a format parser hands back before ingest cleans it into an Article."""

from __future__ import annotations

from dataclasses import dataclass


@dataclass(frozen=True, slots=True)
class RawArticle:
    text: str
    title: object = None
    published: object = None
    source: object = None
    url: object = None
    id: object = None
    where: str = ""
    caveat: str | None = None  # why the text may not be the whole story (see Article.caveat)
