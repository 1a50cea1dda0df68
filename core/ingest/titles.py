"""A title for articles that come without one, so the list never shows a blank row."""

from __future__ import annotations

import re

from core.text import split_sentences
from core.vocabulary.markdown import CLOSING_HASHES, MARKDOWN_HEADING

_MAX_CHARS = 90
_HEADLINE_WORDS = 16
# What a line of script looks like, as feeds and scraped pages leak it: a script-like tag or a comment first, or a
# statement of JavaScript (an assignment to a dotted name, a call ending a statement, an arrow or a function, a
# brace block).
_CODE = re.compile(
    r"^\s*(?:<!--|<\?|</?(?:script|style|noscript|iframe|object|embed|svg|link|meta|template)\b)"
    r"|^\s*(?:(?:var|let|const)\s+[\w$]+\s*=|function\b|if\s*\(|try\s*\{|\$\(|window\.|document\.)"
    r"|[\w\])]\.\w+\s*=[^=]|\)\s*;\s*$|=>|\bfunction\s*\(|[{}];?\s*$")


def reads_as_code(line: str) -> bool:
    """Script or markup rather than words: never a title, whoever offered it (a feed's title, a first line)."""
    return _CODE.search(line[:_MAX_CHARS * 4]) is not None  # a title's worth is enough to tell, and bounds the cost


def derive_title(text: str) -> str | None:
    """A headline-like first line (short, no closing full stop), else the first sentence, shortened; lines of
    script or markup are passed over."""
    first_line = next((line.strip() for line in text.split("\n") if line.strip() and not reads_as_code(line)), "")
    if not first_line:
        return None
    heading = MARKDOWN_HEADING.sub("", first_line)
    if heading != first_line or _is_headline(first_line):
        return shorten(CLOSING_HASHES.sub("", heading))
    start, end = split_sentences(first_line)[0]  # the splitter's, which knows "Rep." and "N.Y." end no sentence
    return shorten(first_line[start:end].rstrip("."))


def _is_headline(line: str) -> bool:
    return len(line.split()) <= _HEADLINE_WORDS and not line.endswith((".", ",", ";", ":"))


def shorten(text: str, limit: int = _MAX_CHARS) -> str:
    """Cut at a word boundary and mark the cut, so a shortened title never ends mid-word."""
    text = " ".join(text.split())
    if len(text) <= limit:
        return text
    cut = text.rfind(" ", 0, limit)
    return text[: cut if cut > limit // 2 else limit].rstrip(" ,;:-–—") + "…"
