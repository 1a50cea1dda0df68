"""JSON Feed (jsonfeed.org, versions 1 and 1.1): one article per item, the feed's title as its source.

A JSON Feed is a JSON object like any other, so without this it would load as one article made of the feed's own
title and no text; its `version` URL is what tells it apart.
"""

from __future__ import annotations

from typing import Any

from core.ingest.errors import IngestError
from core.ingest.html_text import html_to_text
from core.ingest.record import RawArticle

_VERSION_PREFIXES = ("https://jsonfeed.org/version/", "http://jsonfeed.org/version/")


def is_json_feed(data: object) -> bool:
    return isinstance(data, dict) and isinstance(data.get("version"), str) \
        and data["version"].startswith(_VERSION_PREFIXES)


def parse_json_feed(data: dict[str, Any]) -> list[RawArticle | IngestError]:
    items = data.get("items")
    if not isinstance(items, list):
        raise IngestError("a JSON Feed without an items array")
    if not items:
        raise IngestError("a feed with no items")
    source = _string(data.get("title"))
    return [_item(item, source, f"item {number}") for number, item in enumerate(items, start=1)]


def _item(item: object, source: str | None, where: str) -> RawArticle | IngestError:
    if not isinstance(item, dict):
        return IngestError(f"{where}: expected an object")
    html, plain, summary = (_string(item.get(key)) for key in ("content_html", "content_text", "summary"))
    text = html_to_text(html) if html else (plain or summary or "").strip()
    return RawArticle(
        text=text,
        title=_string(item.get("title")),
        published=_string(item.get("date_published")) or _string(item.get("date_modified")),
        source=source,
        url=_string(item.get("url")) or _string(item.get("external_url")),
        id=_identifier(item.get("id")),
        where=where,
    )


def _string(value: object) -> str | None:
    """A field's value when it is the string the spec says it is; anything else is ignored, not guessed at."""
    return value if isinstance(value, str) and value.strip() else None


def _identifier(value: object) -> str | None:
    """The spec says a string; feeds in the wild also write a number, which names the item just as well."""
    if isinstance(value, int) and not isinstance(value, bool):
        return str(value)
    return _string(value)
