"""Widenings: the words before an expression that TimeML draws into its span, the value unchanged: "nearly two
years", "early next year", "late yesterday", "the end of November" (TimeBank and MEANTIME draw them so; the mod
they carry is read by core/timeline/modifier.py from the same words, core/vocabulary/time_modifiers.py).

Each is a named record with the rules it widens and its examples (tests/timeline/test_rules.py runs them through
the whole tagger). The tagger applies them in order to the expressions it kept, so an inner one ("early") is
taken before an outer one ("the end of"). Extensions are their counterpart after an expression ("or so").
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from core.timeline.rules import Example
from core.vocabulary.time_modifiers import TIME_MODIFIERS

_I = re.IGNORECASE


@dataclass(frozen=True, slots=True)
class Widening:
    name: str
    before: re.Pattern[str]  # matched against the text that ends where the expression starts
    rules: frozenset[str]  # names of the rules whose expressions it widens
    examples: tuple[Example, ...]
    expression: re.Pattern[str] = re.compile("")  # what the expression's own text must start with


_NUMBERED = frozenset({"duration", "ago", "clock time", "month day", "years, months, days"})
_DAYS = frozenset({"weekday", "today, yesterday, tomorrow", "part of a day", "clock on a day"})
_CALENDAR = frozenset({"month", "May", "last, this or next week, month, year, season", "last or this month",
                       "last or this weekday", "the weekend", "October of that year"})

# TimeBank draws every qualifying word but these into the span: "some" is as often a determiner ("some days"),
# "over" and "under" prepositions ("over the past two years"); "over" has a widening of its own below.
_NOT_DRAWN = frozenset({"some", "over", "under"})
_QUALIFYING = "|".join(sorted((w.replace(" ", r"\s+") for w in TIME_MODIFIERS if w not in _NOT_DRAWN),
                              key=len, reverse=True))

APPROXIMATELY = Widening(
    "nearly, about, at least", re.compile(rf"\b(?:{_QUALIFYING})\s+$", _I),
    _NUMBERED,
    (Example("The strike lasted nearly two years.", "nearly two years", "DURATION", "P2Y"),
     Example("The plant closed almost four years ago.", "almost four years ago", "DATE", "1994"),
     Example("Detention is limited to up to 180 days.", "up to 180 days", "DURATION", "P180D"),
     Example("The ship docked around 7:15 p.m.", "around 7:15 p.m.", "TIME", "1998-02-13T19:15")))

OVER = Widening(
    "over a decade", re.compile(r"\bover\s+$", _I), frozenset({"duration"}),
    (Example("Prices doubled over a decade.", "over a decade", "DURATION", "P10Y"),
     Example("Prices rose over the past six months.", "the past six months", "DURATION", "P6M")),
    re.compile(r"(?!the\b)", _I))

EARLY = Widening(
    "early, late, mid-", re.compile(r"\b(?:early|late)(?:\s+|-)$|\bmid(?:\s+|-)$", _I), _CALENDAR | _DAYS,
    (Example("Talks resume early next year.", "early next year", "DATE", "1999"),
     Example("The deal closed in late November.", "late November", "DATE", "1997-11"),
     Example("The deal closed in mid-November.", "mid-November", "DATE", "1997-11"),
     Example("The shooting happened late yesterday.", "late yesterday", "DATE", "1998-02-12")))

EARLIER = Widening(
    "earlier Sunday, later today", re.compile(r"\b(?:earlier|later)\s+$", _I), _DAYS,
    (Example("Earlier Sunday, the army withdrew.", "Earlier Sunday", "DATE", "1998-02-08"),
     Example("He spoke earlier today.", "earlier today", "DATE", "1998-02-13")))

EDGE_OF = Widening(
    "the end of November",
    re.compile(r"\b(?:the\s+)?(?:end|beginning|start|middle|close|turn)\s+of\s+$", _I),
    _CALENDAR | frozenset({"year", "decade", "month day", "earlier in the day"}),
    (Example("Talks will finish by the end of 1999.", "the end of 1999", "DATE", "1999"),
     Example("It opened at the beginning of October.", "the beginning of October", "DATE", "1997-10"),
     Example("Sales will pick up by the end of this week.", "the end of this week", "DATE", "1998-W07"),
     Example("Shares fell at the start of the day.", "the start of the day", "DATE", "1998-02-13")))

# "the nine months": a duration written as a noun keeps its article; one written as an adjective ("the eight-year
# term", "the 30-day limit") does not.
THE = Widening(
    "the nine months", re.compile(r"\bthe\s+$", _I), frozenset({"duration"}),
    (Example("Profit rose in the nine months.", "the nine months", "DURATION", "P9M"),
     Example("They fought the eight-year war.", "eight-year", "DURATION", "P8Y")),
    re.compile(r"[^\s-]+\s"))

WIDENINGS: tuple[Widening, ...] = (THE, EARLY, EARLIER, APPROXIMATELY, OVER, EDGE_OF)


@dataclass(frozen=True, slots=True)
class Extension:
    """Words after an expression that TimeML draws into its span, the value unchanged: the hedge of an
    approximate date or span ("the next year or so", "1994 or later", "1990 and beyond")."""

    name: str
    after: re.Pattern[str]  # matched where the expression ends
    rules: frozenset[str]
    examples: tuple[Example, ...]


OR_SO = Extension(
    "or so, or later, and beyond", re.compile(r"\s+(?:or\s+so|or\s+later|and\s+beyond)\b", _I),
    _NUMBERED | _CALENDAR | frozenset({"year"}),
    (Example("The deal will close next month or so.", "next month or so", "DATE", "1998-03"),
     Example("It won't be profitable until 2001 or later.", "2001 or later", "DATE", "2001"),
     Example("Cash flow will rise in 1999 and beyond.", "1999 and beyond", "DATE", "1999"),
     Example("Talks may take the next two years or so.", "the next two years or so", "DURATION", "P2Y")))

EXTENSIONS: tuple[Extension, ...] = (OR_SO,)
