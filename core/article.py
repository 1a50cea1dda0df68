"""The article record every extractor reads."""

from __future__ import annotations

import hashlib
from dataclasses import dataclass


def content_hash(text: str) -> str:
    """Identity of an article's content: review state and cached results hang on it, so a moved file keeps both."""
    return hashlib.sha256(text.encode("utf-8")).hexdigest()


@dataclass(frozen=True, slots=True)
class Article:
    id: str
    title: str | None
    source: str | None
    url: str | None
    published: str | None
    text: str
    path: str | None
    content_hash: str

    def with_published(self, published: str | None) -> Article:
        """The same article anchored to another publication date (for `--published`)."""
        return Article(self.id, self.title, self.source, self.url, published, self.text, self.path, self.content_hash)
