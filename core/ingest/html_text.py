"""HTML fragments (feed item bodies, pages the article extractor gives up on) to plain paragraphs."""

from __future__ import annotations

import re
from html.parser import HTMLParser

_BLOCKS = {
    "p", "div", "br", "li", "ul", "ol", "h1", "h2", "h3", "h4", "h5", "h6", "blockquote", "pre", "tr",
    "table", "section", "article", "header", "footer", "figure", "figcaption", "hr", "dd", "dt",
}
_SKIPPED = {"script", "style", "noscript", "template", "head", "svg", "nav", "iframe", "object"}
_SPACES = re.compile(r"[ \t\u00a0]*\n[ \t\u00a0\n]*")


class _Flattener(HTMLParser):
    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.parts: list[str] = []
        self.skipping = 0

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        if tag in _SKIPPED:
            self.skipping += 1
        elif tag in _BLOCKS:
            self.parts.append("\n")

    def handle_endtag(self, tag: str) -> None:
        if tag in _SKIPPED:
            self.skipping = max(0, self.skipping - 1)
        elif tag in _BLOCKS:
            self.parts.append("\n")

    def handle_data(self, data: str) -> None:
        if not self.skipping:
            self.parts.append(re.sub(r"[ \t\n]+", " ", data))


def html_to_text(html: str) -> str:
    """Block elements become line breaks, runs of blank lines fold to one, inline markup disappears."""
    parser = _Flattener()
    parser.feed(html)
    parser.close()
    return _SPACES.sub("\n", "".join(parser.parts)).strip()
