"""The article record every extractor reads."""

from __future__ import annotations

import hashlib
from dataclasses import dataclass

# The extractors read an article's first this many characters: a bound on the time and memory of one article
# (SECURITY.md gives the figures, measured by `python -m bench.run pathological`). Over 30,000 words,
# more than any news article; the whole text is still stored, shown and exported, and results index it as is.
EXTRACTED_CHARS = 200_000


def content_hash(title: str | None, text: str) -> str:
    """Identity of an article's content (headline and body): review state and cached results hang on it, so a
    moved file keeps both, and headline-only items with no body stay apart."""
    return hashlib.sha256(f"{title or ''}\x1f{text}".encode()).hexdigest()


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
    # Why the text may not be the whole story, as one line the list can mark and the problems view can show:
    # a page whose extraction is thin, a feed item whose page could not be fetched. None when nothing is known.
    caveat: str | None = None

    @property
    def key(self) -> str:
        """Unique within a batch: records with their own ids stay apart even when their content is the same."""
        return f"{self.content_hash}/{self.id}"

    def extracted_part(self) -> Article:
        """The article as the extractors read it: the whole of it, or its first EXTRACTED_CHARS characters."""
        if len(self.text) <= EXTRACTED_CHARS:
            return self
        return Article(self.id, self.title, self.source, self.url, self.published, self.text[:EXTRACTED_CHARS],
                       self.path, self.content_hash, self.caveat)

    def with_published(self, published: str | None) -> Article:
        """The same article anchored to another publication date (for `--published`)."""
        return Article(self.id, self.title, self.source, self.url, published, self.text, self.path, self.content_hash,
                       self.caveat)
