"""RSS and Atom feeds: one article per item, the feed's title as its source.

feedparser reads every RSS and Atom dialect in use, tolerates the broken feeds the web is full of, and
normalizes their dozen date formats. It is only ever given the document itself, as a file object: handed a
string, feedparser takes it for a URL (and fetches it) or a file name (and reads it) before it takes it for a
document, so a feed file holding `file:///home/me/private.xml` or `/dev/zero` would be followed.
"""

from __future__ import annotations

import io
import re
import time
from datetime import UTC, datetime
from typing import Any

from core.ingest.dates import normalize_date
from core.ingest.errors import IngestError
from core.ingest.html_text import html_to_text
from core.ingest.record import RawArticle

_FEED_ROOT = re.compile(
    r"\A(?:\ufeff)?\s*(?:<\?xml[^>]*>\s*)?(?:<!--.*?-->\s*|<!DOCTYPE[^>\[]*(?:\[.*?\])?\s*>\s*)*<(rss|feed|rdf:RDF)\b",
    re.DOTALL | re.IGNORECASE)

# RSS 0.90 and 0.91 define an item's description as plain text (entity-encoded HTML came with 0.92), so a
# description there that reads "wrap it in <b>" means the characters, not a bold tag.
_PLAIN_TEXT_VERSIONS = {"rss090", "rss091n", "rss091u"}


def looks_like_feed(text: str) -> bool:
    return _FEED_ROOT.match(text[:4096]) is not None


def parse_feed(text: str) -> list[RawArticle | IngestError]:
    import feedparser

    if "<!ENTITY" in text:
        raise IngestError("XML entity declarations are not accepted in feeds (entity expansion)")
    # No sanitizing: every body is flattened to text here (scripts and styles dropped), and a plain-text body must
    # reach us as the feed wrote it, not as an HTML sanitizer rewrote it.
    parsed = feedparser.parse(io.BytesIO(text.encode("utf-8")), sanitize_html=False, resolve_relative_uris=False)
    if not parsed.entries:
        if parsed.bozo:
            raise IngestError(f"malformed feed: {parsed.bozo_exception}")
        raise IngestError("a feed with no items")
    source = parsed.feed.get("title")
    plain_rss = parsed.get("version") in _PLAIN_TEXT_VERSIONS
    items: list[RawArticle | IngestError] = []
    for number, entry in enumerate(parsed.entries, start=1):
        items.append(RawArticle(
            text=_entry_text(entry, plain_rss),
            title=html_to_text(entry.get("title", "")) or None,
            published=_published(entry),
            source=source,
            url=entry.get("link"),
            id=entry.get("id"),
            where=f"item {number}",
        ))
    return items


def _published(entry: Any) -> object:  # a feedparser entry (untyped)
    """The date as the feed wrote it, zone and all: the local date is the one the story's "on Sunday" means.

    feedparser's parsed dates are converted to UTC, which moves a Sunday-evening New York story to Monday, so
    the written form is used, with its zone, wherever it reads as the same instant as feedparser's: where the two
    disagree (a year written 0001, which RFC 822 parsing takes for 2001) or ours cannot read it, feedparser's
    reading is used, marked as UTC.
    """
    for key in ("published", "updated"):
        written, parsed = entry.get(key), entry.get(f"{key}_parsed")
        if not written:
            continue
        utc = _utc(parsed)
        if utc is None:
            return written  # feedparser could not read it either: ingest reads it or says why not
        mine = _instant(written)
        return written if mine is not None and mine == utc else utc
    return None


def _utc(parsed: object) -> datetime | None:
    if not isinstance(parsed, time.struct_time):
        return None
    try:
        return datetime(*parsed[:6], tzinfo=UTC)
    except ValueError:
        return None


def _instant(written: str) -> datetime | None:
    """The written date as an instant in UTC (a date without a zone taken as UTC, as feedparser takes it)."""
    try:
        normalized = normalize_date(written)
        moment = datetime.fromisoformat(normalized) if normalized else None
    except (ValueError, OverflowError, TypeError):
        return None
    if moment is None:
        return None
    return moment.replace(tzinfo=UTC) if moment.tzinfo is None else moment.astimezone(UTC)


def _entry_text(entry: Any, plain_rss: bool) -> str:
    contents = [c for c in entry.get("content") or [] if c.get("value")]
    best = max(contents, key=lambda c: len(c.get("value", "")), default=None)
    summary = entry.get("summary", "")
    if best is not None and len(best["value"]) >= len(summary):
        return _as_text(best["value"], best.get("type"), plain=False)
    if not summary:
        return ""
    return _as_text(summary, (entry.get("summary_detail") or {}).get("type"), plain=plain_rss)


def _as_text(value: str, declared_type: str | None, *, plain: bool) -> str:
    """Markup flattened, unless the feed's format or the element's type says the value is plain text."""
    if plain or declared_type == "text/plain":
        return value.strip()
    return html_to_text(value)
