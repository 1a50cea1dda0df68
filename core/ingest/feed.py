"""RSS and Atom feeds: one article per item, the feed's title as its source.

feedparser reads every RSS and Atom dialect in use, tolerates the broken feeds the web is full of, and
normalizes their dozen date formats. It is only ever given the document itself, as a file object: handed a
string, feedparser takes it for a URL (and fetches it) or a file name (and reads it) before it takes it for a
document, so a feed file holding `file:///home/me/private.xml` or `/dev/zero` would be followed.
"""

from __future__ import annotations

import io
import re

from core.ingest.errors import IngestError
from core.ingest.html_text import html_to_text
from core.ingest.record import RawArticle

_FEED_ROOT = re.compile(
    r"\A(?:\ufeff)?\s*(?:<\?xml[^>]*>\s*)?(?:<!--.*?-->\s*|<!DOCTYPE[^>\[]*(?:\[.*?\])?\s*>\s*)*<(rss|feed|rdf:RDF)\b",
    re.DOTALL | re.IGNORECASE)


def looks_like_feed(text: str) -> bool:
    return _FEED_ROOT.match(text[:4096]) is not None


def parse_feed(text: str) -> list[RawArticle | IngestError]:
    import feedparser

    if "<!ENTITY" in text:
        raise IngestError("XML entity declarations are not accepted in feeds (entity expansion)")
    parsed = feedparser.parse(io.BytesIO(text.encode("utf-8")), sanitize_html=True, resolve_relative_uris=False)
    if not parsed.entries:
        if parsed.bozo:
            raise IngestError(f"malformed feed: {parsed.bozo_exception}")
        raise IngestError("a feed with no items")
    source = parsed.feed.get("title")
    items: list[RawArticle | IngestError] = []
    for number, entry in enumerate(parsed.entries, start=1):
        body = _entry_body(entry)
        text = html_to_text(body) if body else ""
        items.append(RawArticle(
            text=text,
            title=html_to_text(entry.get("title", "")) or None,
            published=entry.get("published_parsed") or entry.get("updated_parsed") or entry.get("published"),
            source=source,
            url=entry.get("link"),
            id=entry.get("id"),
            where=f"item {number}",
        ))
    return items


def _entry_body(entry) -> str:
    contents = entry.get("content") or []
    best = max((c.get("value", "") for c in contents), key=len, default="")
    summary = entry.get("summary", "")
    return best if len(best) >= len(summary) else summary
