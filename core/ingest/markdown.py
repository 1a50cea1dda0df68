"""Plain text and Markdown files; Markdown may open with front matter holding the article's metadata."""

from __future__ import annotations

import re

from core.ingest.record import RawArticle

_FRONT_MATTER = re.compile(r"\A(?:---|\+\+\+)\n(.*?)\n(?:---|\+\+\+|\.\.\.)\n", re.DOTALL)
_FIELD = re.compile(r"^([A-Za-z_][\w-]*)\s*[:=]\s*(.*)$")
_FIELD_NAMES = {
    "title": "title", "date": "published", "published": "published", "pubdate": "published",
    "source": "source", "publisher": "source", "url": "url", "link": "url", "id": "id",
}


def parse_text(text: str) -> list[RawArticle]:
    return [RawArticle(text=text)]


def parse_markdown(text: str) -> list[RawArticle]:
    """Front matter fields (YAML or TOML style `key: value` lines) become metadata; the body is the text."""
    match = _FRONT_MATTER.match(text)
    if not match:
        return [RawArticle(text=text)]
    fields: dict[str, str] = {}
    for line in match.group(1).split("\n"):
        field = _FIELD.match(line.strip())
        if field and field.group(1).lower() in _FIELD_NAMES:
            fields[_FIELD_NAMES[field.group(1).lower()]] = _unquote(field.group(2).strip())
    return [RawArticle(text=text[match.end():], **fields)]


def _unquote(value: str) -> str:
    if len(value) >= 2 and value[0] == value[-1] and value[0] in "\"'":
        return value[1:-1]
    return value
