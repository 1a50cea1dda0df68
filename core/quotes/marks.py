"""Stage 1, quotation marks: paired per paragraph into quotations, and the text masked where they quote (and where
markup tags stand), so that no later stage takes a quoted word for a cue or a speaker."""

from __future__ import annotations

import re
from bisect import bisect_right
from dataclasses import dataclass

from core.text import Document

QUOTE_MARK = re.compile(r"“|”|\"|''|``")
TAG = re.compile(r"<[A-Za-z/][^<>\n]{0,300}>")  # markup a saved page or a corpus left in the text


@dataclass(slots=True)
class Quotation:
    start: int  # content start (after the opening mark)
    end: int  # content end (before the closing mark, or the paragraph's end)
    open_at: int
    close_at: int | None
    paragraph: int


class Cover:
    """Which offsets a set of spans covers, asked in log time: an article may hold thousands of quotes, and
    asking each against all the others is quadratic."""

    def __init__(self, spans: list[tuple[int, int]]) -> None:
        spans = sorted(spans)
        self.starts = [start for start, _ in spans]
        self.reach: list[int] = []  # the furthest end of the spans up to each one
        for _, end in spans:
            self.reach.append(max(end, self.reach[-1] if self.reach else end))

    def holds(self, offset: int, end: int | None = None) -> bool:
        """Some span starts at or before `offset` and ends after it (or at or after `end`, if given)."""
        i = bisect_right(self.starts, offset) - 1
        return i >= 0 and (self.reach[i] > offset if end is None else self.reach[i] >= end)


def direct_quotes(doc: Document, tags: list[tuple[int, int]]) -> list[Quotation]:
    """Pair quotation marks per paragraph; an opening mark left open runs to the paragraph's end, where a quote
    that goes on into the next paragraph (reopened there) stays one speaker's. Straight marks and the doubled
    apostrophes of some wire copy ('' and ``) pair like curly ones."""
    found: list[Quotation] = []
    text = doc.text
    in_tag = Cover(tags)
    for number, paragraph in enumerate(doc.paragraphs):
        open_at: int | None = None
        open_len = 0
        for m in QUOTE_MARK.finditer(text, paragraph.start, paragraph.end):
            at, mark = m.start(), m.group()
            if in_tag.holds(at):
                continue  # an attribute's value in markup left in the text: <tweet tweet-id="6772">
            if mark in ("“", "``") or (open_at is None and mark in ('"', "''")):
                open_at, open_len = at, len(mark)  # a stray second opening mark starts the quote again
            elif open_at is not None:
                if at - open_at > open_len:
                    found.append(Quotation(open_at + open_len, at, open_at, at, number))
                open_at = None
        if open_at is not None and paragraph.end - open_at > open_len:
            found.append(Quotation(open_at + open_len, paragraph.end, open_at, None, number))
    return [d for d in (_trim(text, d) for d in found) if d.end > d.start]


def _trim(text: str, d: Quotation) -> Quotation:
    start, end = d.start, d.end
    while start < end and text[start].isspace():
        start += 1
    while end > start and (text[end - 1].isspace() or text[end - 1] in ",;"):
        end -= 1
    return Quotation(start, end, d.open_at, d.close_at, d.paragraph)


def mask(text: str, directs: list[Quotation], tags: list[tuple[int, int]]) -> str:
    """The text with quoted words and markup tags blanked (same length), so a cue verb inside a quote or a tag
    ("<tweet tweet-id=...>") is not taken for one."""
    chars = list(text)
    spans = [(d.start, d.end) for d in directs] + tags
    for start, end in spans:
        for i in range(start, end):
            if not chars[i].isspace():
                chars[i] = "x"
    return "".join(chars)
