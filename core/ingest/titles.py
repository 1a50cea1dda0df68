"""A title for articles that come without one, so the list never shows a blank row."""

from __future__ import annotations

import re

_MAX_CHARS = 90
_HEADLINE_WORDS = 16
_SENTENCE_END = re.compile(r"[.!?][\"'”’)]?(?=\s|$)")
_MARKDOWN_HEADING = re.compile(r"^#{1,6}\s+")
_CLOSING_HASHES = re.compile(r"\s+#+\s*$")


def derive_title(text: str) -> str | None:
    """A headline-like first line (short, no closing full stop), else the first sentence, shortened."""
    first_line = next((line.strip() for line in text.split("\n") if line.strip()), "")
    if not first_line:
        return None
    heading = _MARKDOWN_HEADING.sub("", first_line)
    if heading != first_line or _is_headline(first_line):
        return shorten(_CLOSING_HASHES.sub("", heading))
    end = _SENTENCE_END.search(first_line)
    sentence = first_line[: end.start() + 1] if end else first_line
    return shorten(sentence.rstrip("."))


def _is_headline(line: str) -> bool:
    return len(line.split()) <= _HEADLINE_WORDS and not line.endswith((".", ",", ";", ":"))


def shorten(text: str, limit: int = _MAX_CHARS) -> str:
    """Cut at a word boundary and mark the cut, so a shortened title never ends mid-word."""
    text = " ".join(text.split())
    if len(text) <= limit:
        return text
    cut = text.rfind(" ", 0, limit)
    return text[: cut if cut > limit // 2 else limit].rstrip(" ,;:-–—") + "…"
