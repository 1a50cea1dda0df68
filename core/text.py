"""One analysis of an article's text, shared by every extractor: paragraphs and sentences with their offsets.

Computed once per article, so the extractors agree on where sentences are and the cost is paid once.
"""

from __future__ import annotations

import re
from bisect import bisect_right
from dataclasses import dataclass
from functools import cached_property

from core.vocabulary.abbreviations import ABBREVIATIONS
from core.vocabulary.datelines import DATELINE

# A sentence ends at . ! ? (or an ellipsis), with any closing quotes or brackets, before the next one opens.
_BOUNDARY = re.compile(r"(?:[.!?]+|…)[\"'”’)\]]*(?=\s+(?:''|``|[\"'“‘(\[])?[A-Z0-9])")  # '' and `` open in wire copy
_WORD_BEFORE = re.compile(r"([\w.]+)$")
_LONGEST_ABBREVIATION = max(map(len, ABBREVIATIONS))


@dataclass(frozen=True, slots=True)
class Span:
    start: int
    end: int


@dataclass(frozen=True, slots=True)
class Sentence:
    start: int
    end: int
    paragraph: int


@dataclass(frozen=True)
class Document:
    """An article's text with its paragraphs and sentences; every offset indexes `text`."""

    text: str

    @cached_property
    def paragraphs(self) -> tuple[Span, ...]:
        return tuple(Span(m.start(), m.end()) for m in re.finditer(r"[^\n]+", self.text) if m.group().strip())

    @cached_property
    def sentences(self) -> tuple[Sentence, ...]:
        found: list[Sentence] = []
        for number, paragraph in enumerate(self.paragraphs):
            dateline = DATELINE.match(self.text, paragraph.start, paragraph.end)
            opening = dateline.end() if dateline and dateline.end() < paragraph.end else paragraph.start
            for start, end in split_sentences(self.text, opening, paragraph.end):
                found.append(Sentence(start, end, number))
        return tuple(found)

    @cached_property
    def _sentence_starts(self) -> list[int]:
        return [s.start for s in self.sentences]

    def sentence_at(self, offset: int) -> Sentence | None:
        """The sentence that holds the offset."""
        i = bisect_right(self._sentence_starts, offset) - 1
        if i >= 0 and self.sentences[i].start <= offset < max(self.sentences[i].end, self.sentences[i].start + 1):
            return self.sentences[i]
        return None

    def sentence_text(self, sentence: Sentence) -> str:
        return self.text[sentence.start:sentence.end]


def split_sentences(text: str, start: int = 0, end: int | None = None) -> list[tuple[int, int]]:
    """Sentence spans within text[start:end], trimmed of surrounding whitespace."""
    end = len(text) if end is None else end
    spans: list[tuple[int, int]] = []
    cut = start
    for match in _BOUNDARY.finditer(text, start, end):
        if match.group().startswith(".") and not _ends_sentence(text, cut, match.start()):
            continue
        spans.append((cut, match.end()))
        cut = match.end()
    spans.append((cut, end))
    trimmed = []
    for a, b in spans:
        while a < b and text[a].isspace():
            a += 1
        while b > a and text[b - 1].isspace():
            b -= 1
        if a < b:
            trimmed.append((a, b))
    return trimmed


def _ends_sentence(text: str, sentence_start: int, period: int) -> bool:
    """A full stop ends the sentence unless it closes an abbreviation or an initial ("J. Smith")."""
    # Only the few characters before the stop are read: searched back from the sentence's start, a sentence of
    # a thousand "Mr. " (which never ends) read its whole length again at every stop.
    word = _WORD_BEFORE.search(text, max(sentence_start, period - _LONGEST_ABBREVIATION - 1), period)
    if not word:
        return True
    token = word.group(1).lower().rstrip(".")
    if token in ABBREVIATIONS:
        return False
    return not (len(token) == 1 and token.isalpha())
