"""TimeML's `mod` of an expression, read from the words written just before it: "about eight months" is P8M with
mod APPROX. The span stays as TempEval-3 draws it (without the word); the dashboard shows "about 8 months".

Only an expression that opens with a quantity (a digit, a number word, "a"/"an", "half") takes one: "over the past
two years" is a span of time, not more than one, and "under the 2015 accord" names no date."""

from __future__ import annotations

import re
from collections.abc import Iterable

from core.vocabulary.numbers import NUMBER_WORDS
from core.vocabulary.time_modifiers import TIME_MODIFIERS


def _words(words: Iterable[str]) -> str:
    return "|".join(sorted((re.escape(w).replace(r"\ ", r"\s+") for w in words), key=len, reverse=True))


_BEFORE = re.compile(r"(?<![\w-])(" + _words(TIME_MODIFIERS) + r")\s+\Z", re.IGNORECASE)
_QUANTITY = re.compile(r"(?:\d|(?:" + _words([*NUMBER_WORDS, "a", "an", "half"]) + r")\b)", re.IGNORECASE)
_REACH = 24  # characters before the expression that can hold its modifier ("no more than " is 13)


def modifier(text: str, start: int) -> str:
    """The mod for an expression starting at `start` of `text`, "" when no modifier word stands right before it."""
    if _QUANTITY.match(text, start) is None:
        return ""
    found = _BEFORE.search(text, max(0, start - _REACH), start)
    return TIME_MODIFIERS[" ".join(found.group(1).lower().split())] if found else ""
