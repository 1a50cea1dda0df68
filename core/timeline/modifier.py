"""TimeML's `mod` of an expression from a qualifying word: "about eight months" is P8M with mod APPROX, and the
dashboard shows "about 8 months". The word may open the span (where a rule draws it as TimeML does) or stand just
before it (where TempEval-3's spans leave it out); the value stays what TimeML compares.

Only a quantity (a digit, a number word, "a"/"an", "half") takes one: "over the past two years" is a span of time,
not more than one, and "under the 2015 accord" names no date."""

from __future__ import annotations

import re
from collections.abc import Iterable

from core.vocabulary.numbers import NUMBER_WORDS
from core.vocabulary.time_modifiers import TIME_MODIFIERS


def _words(words: Iterable[str]) -> str:
    return "|".join(sorted((re.escape(w).replace(r"\ ", r"\s+") for w in words), key=len, reverse=True))


_MODIFIER = _words(TIME_MODIFIERS)
_QUANTITY = r"(?:\d|(?:" + _words([*NUMBER_WORDS, "a", "an", "half"]) + r")\b)"
_OPENING = re.compile(rf"({_MODIFIER})\s+(?={_QUANTITY})", re.IGNORECASE)
_BEFORE = re.compile(rf"(?<![\w-])({_MODIFIER})\s+\Z", re.IGNORECASE)
_QUANTITY_HERE = re.compile(_QUANTITY, re.IGNORECASE)
_REACH = 24  # characters before the expression that can hold its modifier ("no more than " is 13)


def modifier(text: str, start: int) -> str:
    """The mod for an expression starting at `start` of `text`, "" when no qualifying word opens it or stands right
    before it."""
    found = _OPENING.match(text, start)
    if found is None and _QUANTITY_HERE.match(text, start) is not None:
        found = _BEFORE.search(text, max(0, start - _REACH), start)
    return TIME_MODIFIERS[" ".join(found.group(1).lower().split())] if found else ""
