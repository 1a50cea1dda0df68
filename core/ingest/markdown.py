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
    fields = {_FIELD_NAMES[name]: _unquote(value) for name, value in _front_matter(match.group(1))
              if name in _FIELD_NAMES}
    return [RawArticle(text=text[match.end():], **fields)]


def _front_matter(block: str) -> list[tuple[str, str]]:
    """The `key: value` lines, lower-cased keys. A value goes on over the lines after it that are indented or that
    its open quotation needs (`title: "U.S. presses for truce` and `despite snags"` on the next line), joined with
    single spaces as YAML folds them."""
    found: list[tuple[str, list[str]]] = []
    for line in block.split("\n"):
        value = " ".join(found[-1][1]) if found else ""
        if found and line.strip() and (line[:1] in " \t" or _opens_quotation(value)):
            found[-1][1].append(line.strip())
        elif field := _FIELD.match(line.strip()):
            found.append((field.group(1).lower(), [field.group(2).strip()]))
    return [(name, " ".join(parts)) for name, parts in found]


def _opens_quotation(value: str) -> bool:
    return value[:1] in ("\"", "'") and (len(value) == 1 or value[-1] != value[0])


def _unquote(value: str) -> str:
    if len(value) >= 2 and value[0] == value[-1] and value[0] in "\"'":
        return value[1:-1]
    return value
