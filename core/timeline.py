"""Timeline: every date and time expression, normalized to TimeML TIMEX3 values and resolved against the
publication date, with the sentence (the event) it dates.

A rule tagger written for news: patterns for the forms news writes dates in, spans drawn as TempEval-3 draws them
(no "on" or "since", no trailing punctuation), and relative expressions resolved against the anchor. With no anchor
a relative value keeps X placeholders rather than a guess.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import date, timedelta

from core.text import Document
from core.vocabulary.calendar import (
    MONTH,
    MONTH_ABBREVIATIONS,
    MONTHS,
    PARTS_OF_DAY,
    SEASONS,
    WEEKDAY,
    WEEKDAYS,
    capitalized,
)
from core.vocabulary.numbers import NUMBER_WORDS, ORDINALS, VAGUE_COUNTS

VERSION = "1"

_MONTH_WORDS = frozenset((*MONTHS, *MONTH_ABBREVIATIONS))
_NUMBERS = {"a": 1, "an": 1, **NUMBER_WORDS, "single": 1}
_UNITS = {"second": "S", "minute": "M", "hour": "H", "day": "D", "week": "W", "month": "M", "year": "Y",
          "decade": "DE", "century": "CE", "quarter": "Q", "weekend": "WE", "night": "NI", "morning": "MO",
          "afternoon": "AF", "evening": "EV"}
_TIME_UNITS = {"second", "minute", "hour"}
_DAY = r"(?:[12]\d|3[01]|0?[1-9])(?:st|nd|rd|th)?"
_YEAR = r"(?:1[6-9]\d\d|20\d\d)"
_NUM = rf"(?:\d+(?:\.\d+)?|{'|'.join((*_NUMBERS, *VAGUE_COUNTS))})"
_UNIT = r"(?:second|minute|hour|day|week|month|year|decade|century|quarter)"
_PART = f"(?:{'|'.join(PARTS_OF_DAY)})"
# A month standing alone, without a day: "May" has a rule of its own (the verb is far more common), and the
# abbreviations "Mar.", "Apr.", "Jun.", "Jul.", "Sep." read as months only beside a day.
_MONTH_ALONE = "|".join((capitalized(m for m in MONTHS if m != "may"),
                         *(rf"{a.capitalize()}\." for a in ("jan", "feb", "aug", "sept", "oct", "nov", "dec"))))


@dataclass(frozen=True, slots=True)
class TimeExpression:
    text: str
    start: int
    end: int
    type: str  # DATE, TIME, DURATION or SET
    value: str  # TIMEX3
    sentence: str  # the sentence that holds it: the event it dates

    @property
    def resolved(self) -> bool:
        return self.value[:1].isdigit() and not self.value.startswith("P")


@dataclass(frozen=True, slots=True)
class _Found:
    start: int
    end: int
    type: str
    value: str


class _Anchor:
    """The publication date, or None: every resolver goes through here, so no anchor means X placeholders."""

    def __init__(self, published: str | None) -> None:
        self.day: date | None = None
        if published:
            try:
                self.day = date.fromisoformat(published[:10])
            except ValueError:
                self.day = None

    def shift_days(self, days: int) -> str:
        return (self.day + timedelta(days=days)).isoformat() if self.day else "XXXX-XX-XX"

    def year(self, offset: int = 0) -> str:
        return f"{self.day.year + offset:04d}" if self.day else "XXXX"

    def month(self, offset: int = 0) -> str:
        if not self.day:
            return "XXXX-XX"
        index = self.day.year * 12 + self.day.month - 1 + offset
        return f"{index // 12:04d}-{index % 12 + 1:02d}"

    def week(self, offset: int = 0) -> str:
        if not self.day:
            return "XXXX-WXX"
        year, week, _ = (self.day + timedelta(weeks=offset)).isocalendar()
        return f"{year:04d}-W{week:02d}"

    def quarter(self, offset: int = 0) -> str:
        if not self.day:
            return "XXXX-QX"
        index = self.day.year * 4 + (self.day.month - 1) // 3 + offset
        return f"{index // 4:04d}-Q{index % 4 + 1}"

    def weekday(self, weekday: int, direction: int) -> str:
        """The weekday nearest the anchor in the tense's direction; the anchor's own day counts as either."""
        if not self.day:
            return f"XXXX-WXX-{weekday}"
        delta = weekday - self.day.isoweekday()
        if direction < 0 and delta > 0:
            delta -= 7
        elif direction > 0 and delta < 0:
            delta += 7
        return (self.day + timedelta(days=delta)).isoformat()

    def month_day(self, month: int, day: int, tense: int = 0) -> str:
        return f"{self._year_of(month, day, tense)}-{month:02d}-{day:02d}"

    def month_of_year(self, month: int, tense: int = 0) -> str:
        return f"{self._year_of(month, None, tense)}-{month:02d}"

    def _year_of(self, month: int, day: int | None, tense: int) -> str:
        """A date written without its year falls in the anchor's year, unless the sentence's tense points across
        the new year ("Nov. 25" in a January story about the past is last November)."""
        if not self.day:
            return "XXXX"
        here = (self.day.month, self.day.day if day is not None else 0)
        there = (month, day or 0)
        if tense < 0 and there > here and month - self.day.month > 2:
            return self.year(-1)
        if tense > 0 and there < here and self.day.month - month > 2:
            return self.year(1)
        if tense == 0 and abs(month - self.day.month) > 6:  # the nearest December to a January is last year's
            return self.year(-1 if month > self.day.month else 1)
        return self.year()


def find_timeline(doc: Document, published: str | None = None) -> list[TimeExpression]:
    """Temporal expressions sorted chronologically where resolvable, then the unresolved ones in text order."""
    anchor = _Anchor(published)
    found = _tag(doc.text, anchor, doc)
    expressions = []
    for f in found:
        sentence = doc.sentence_at(f.start)
        event = " ".join(doc.sentence_text(sentence).split()) if sentence else ""
        expressions.append(TimeExpression(doc.text[f.start:f.end], f.start, f.end, f.type, f.value, event))
    resolved = sorted((e for e in expressions if e.resolved), key=lambda e: (e.value, e.start))
    return resolved + [e for e in expressions if not e.resolved]


# ---------------------------------------------------------------- the tagger

def _tag(text: str, anchor: _Anchor, doc: Document) -> list[_Found]:
    candidates: list[_Found] = []
    tenses: dict[int, int] = {}
    for pattern, handler in _rules():
        for m in pattern.finditer(text):
            sentence = doc.sentence_at(m.start())
            key = sentence.start if sentence else -1
            if key not in tenses:
                tenses[key] = _tense(text, sentence)
            value = handler(m, anchor, tenses[key])
            if value is not None:
                kind, normalized = value
                candidates.append(_Found(m.start(), m.end(), kind, normalized))
    return _longest_first(candidates)


def _longest_first(candidates: list[_Found]) -> list[_Found]:
    chosen: list[_Found] = []
    for c in sorted(candidates, key=lambda c: (-(c.end - c.start), c.start)):
        if all(c.end <= o.start or c.start >= o.end for o in chosen):
            chosen.append(c)
    return sorted(chosen, key=lambda c: c.start)


_PAST = re.compile(r"\b(?:said|was|were|had|did|ago|last|earlier|yesterday|began|took|made|came|went|saw|told|"
                   r"fell|rose|won|lost|met|left|held|gave|got|found|sent|struck|broke|paid|sold|led|ran|spoke|"
                   r"wrote|grew|knew|became|brought|thought|kept|stood|hit|put|set|cut|\w+ed)\b", re.IGNORECASE)
_FUTURE = re.compile(r"\b(?:will|would|shall|going to|next|plans?|expects?|scheduled|due|is to|are to|tomorrow|"
                     r"upcoming|coming)\b", re.IGNORECASE)


def _tense(text: str, sentence) -> int:
    """-1 when the sentence speaks of the past, +1 of the future, 0 when it does not say."""
    if sentence is None:
        return 0
    s = text[sentence.start:sentence.end]
    if _FUTURE.search(s):
        return 1
    if _PAST.search(s):
        return -1
    return 0


def _month_number(word: str) -> int:
    w = word.lower().rstrip(".")
    return MONTHS.get(w) or MONTH_ABBREVIATIONS[w]


def _number(word: str) -> int | None:
    w = word.lower()
    if w in _NUMBERS:
        return _NUMBERS[w]
    try:
        value = float(w)
    except ValueError:
        return None
    return int(value) if value.is_integer() else None


def _rules():
    return _compiled_rules


def _full_date(m, anchor, tense):
    month = _month_number(m.group("month"))
    day = int(re.match(r"\d+", m.group("day")).group())
    year = m.group("year")
    return "DATE", (f"{year}-{month:02d}-{day:02d}" if year else anchor.month_day(month, day, tense))


def _numeric_date(m, anchor, tense):
    a, b, year = int(m.group("a")), int(m.group("b")), m.group("year")
    month, day = (a, b) if a <= 12 else (b, a)
    if not (1 <= month <= 12 and 1 <= day <= 31):
        return None
    if len(year) == 2:
        year = ("19" if int(year) > 50 else "20") + year
    return "DATE", f"{year}-{month:02d}-{day:02d}"


def _iso_date(m, anchor, tense):
    return "DATE", m.group()


def _month_year(m, anchor, tense):
    month = _month_number(m.group("month"))
    year = m.group("year")
    return "DATE", f"{year}-{month:02d}" if year else anchor.month_of_year(month, tense)


def _year(m, anchor, tense):
    text = m.group()
    return "DATE", m.group("y") if "s" not in text[-1:] else m.group("y")[:3]


def _decade(m, anchor, tense):
    digits = m.group("decade")
    if len(digits) == 2:
        return "DATE", ("19" if int(digits) > 20 else "20") + digits[0]
    return "DATE", digits[:3]


def _weekday(m, anchor, tense):
    following = m.string[m.end():m.end() + 20].split()[:1]
    if following and following[0][:1].isupper() and following[0].rstrip(",.").lower() not in _MONTH_WORDS:
        return None  # "Sunday Times", "Monday Night Football": a name, not a day
    weekday = WEEKDAYS[m.group("weekday").lower()]
    value = anchor.weekday(weekday, tense or -1)
    part = m.group("part")
    if part:
        return "TIME", f"{value}T{PARTS_OF_DAY[part.lower()]}"
    return "DATE", value


def _deictic(m, anchor, tense):
    word = m.group().lower()
    table = {"today": 0, "yesterday": -1, "tomorrow": 1}
    if word in table:
        return "DATE", anchor.shift_days(table[word])
    if word == "tonight":
        return "TIME", f"{anchor.shift_days(0)}TNI"
    return None


def _this_part(m, anchor, tense):
    part = m.group("part").lower()
    offset = -1 if m.group("which").lower() in ("yesterday", "last") else (1 if m.group("which").lower() ==
                                                                            "tomorrow" else 0)
    return "TIME", f"{anchor.shift_days(offset)}T{PARTS_OF_DAY[part]}"


def _relative_unit(m, anchor, tense):
    which, unit = m.group("which").lower(), m.group("unit").lower()
    offset = {"last": -1, "past": -1, "previous": -1, "this": 0, "current": 0, "next": 1, "coming": 1}[which]
    if unit == "week":
        return "DATE", anchor.week(offset)
    if unit == "month":
        return "DATE", anchor.month(offset)
    if unit == "year":
        return "DATE", anchor.year(offset)
    if unit == "quarter":
        return "DATE", anchor.quarter(offset)
    if unit == "weekend":
        return "DATE", f"{anchor.week(offset)}-WE"
    if unit in SEASONS:
        year = anchor.year(-1 if offset < 0 and anchor.day and anchor.day.month < 6 else (1 if offset > 0 and
                                                                                       anchor.day and
                                                                                       anchor.day.month > 8 else 0))
        return "DATE", f"{year}-{SEASONS[unit]}"
    return None


def _edge_of(m, anchor, tense):
    unit = m.group("unit").lower()
    return "DATE", anchor.year() if unit == "year" else anchor.month()


def _ago(m, anchor, tense):
    n = _number(m.group("n")) if m.group("n") else 1
    unit = m.group("unit").lower().rstrip("s")
    direction = -1 if m.group("dir").lower() in ("ago", "earlier", "before") else 1
    if n is None:
        return "DATE", "PAST_REF" if direction < 0 else "FUTURE_REF"
    if unit == "year":
        return "DATE", anchor.year(direction * n)
    if unit == "month":
        return "DATE", anchor.month(direction * n)
    if unit == "week":
        return "DATE", anchor.week(direction * n)
    if unit == "day":
        return "DATE", anchor.shift_days(direction * n)
    if unit == "decade":
        return "DATE", anchor.year(direction * 10 * n)[:3] if anchor.day else "XXX"
    return None


def _quarter(m, anchor, tense):
    q = ORDINALS[m.group("ord").lower()]
    year = m.group("year")
    if year:
        return "DATE", f"{year}-Q{q}"
    if not anchor.day:
        return "DATE", f"XXXX-Q{q}"
    current = (anchor.day.month - 1) // 3 + 1
    return "DATE", f"{anchor.year(0 if q <= current or tense > 0 else -1)}-Q{q}"


def _half(m, anchor, tense):
    h = 1 if m.group("ord").lower() == "first" else 2
    return "DATE", f"{m.group('year') or anchor.year()}-H{h}"


def _season(m, anchor, tense):
    season = SEASONS[(m.group("season") or m.group("season2")).lower()]
    year = m.group("year") or m.group("year2")
    return "DATE", f"{year or anchor.year()}-{season}"


def _duration(m, anchor, tense):
    n_text = (m.group("n") or "").lower()
    unit = m.group("unit").lower().rstrip("s")
    code = _UNITS[unit]
    if n_text in VAGUE_COUNTS:
        n = "X"
    else:
        number = _number(n_text) if n_text else 1
        if number is None:
            return None
        n = str(number)
    if unit == "decade":
        return "DURATION", f"P{int(n) * 10}Y" if n != "X" else "P10Y"
    if unit == "century":
        return "DURATION", f"P{int(n) * 100}Y" if n != "X" else "P100Y"
    if unit == "quarter":
        return "DURATION", f"P{int(n) * 3}M" if n != "X" else "PXM"
    prefix = "PT" if unit in _TIME_UNITS else "P"
    return "DURATION", f"{prefix}{n}{code}"


def _bare_plural(m, anchor, tense):
    unit = m.group("unit").lower().rstrip("s")
    if unit == "decade":
        return "DURATION", "PXDE"
    return "DURATION", f"{'PT' if unit in _TIME_UNITS else 'P'}X{_UNITS[unit]}"


def _set(m, anchor, tense):
    text = m.group().lower()
    for word, value in (("daily", "P1D"), ("weekly", "P1W"), ("monthly", "P1M"), ("annually", "P1Y"),
                        ("yearly", "P1Y"), ("hourly", "PT1H"), ("quarterly", "P3M"), ("nightly", "P1D")):
        if text == word:
            return "SET", value
    unit = m.group("unit")
    if unit:
        u = unit.lower()
        if u in WEEKDAYS:
            return "SET", f"XXXX-WXX-{WEEKDAYS[u]}"
        return "SET", f"{'PT' if u in _TIME_UNITS else 'P'}1{_UNITS[u]}"
    return None


def _reference(m, anchor, tense):
    word = m.group().lower()
    if word in ("now", "currently", "current", "present", "the present", "at present", "nowadays", "today's"):
        return "DATE", "PRESENT_REF"
    if word in ("the future", "future"):
        return "DATE", "FUTURE_REF"
    return "DATE", "PAST_REF"


def _clock(m, anchor, tense):
    hour = int(m.group("h"))
    minute = int(m.group("m") or 0)
    meridian = (m.group("ampm") or "").lower().replace(".", "")
    if meridian == "pm" and hour < 12:
        hour += 12
    if meridian == "am" and hour == 12:
        hour = 0
    if hour > 23 or minute > 59:
        return None
    return "TIME", f"{anchor.shift_days(0)}T{hour:02d}:{minute:02d}"


def _noon(m, anchor, tense):
    return "TIME", f"{anchor.shift_days(0)}T{'12:00' if m.group().lower() == 'noon' else '24:00'}"


def _earlier_this(m, anchor, tense):
    unit = m.group("unit").lower()
    return "DATE", {"year": anchor.year(), "month": anchor.month(), "week": anchor.week()}[unit]


# "May" is a month only where a month can stand: the modal verb is far more common.
_MAY_CONTEXT = ("in", "of", "since", "until", "by", "early", "late", "mid", "last", "next", "through", "from")


def _may(m, anchor, tense):
    if m.group("year"):
        return "DATE", f"{m.group('year')}-05"
    before = m.string[max(0, m.start() - 10):m.start()].split()
    if before and before[-1].lower() in _MAY_CONTEXT:
        return "DATE", anchor.month_of_year(5, tense)
    return None


def _compile() -> list[tuple[re.Pattern, object]]:
    i = re.IGNORECASE
    return [
        (re.compile(rf"\b(?:{WEEKDAY},?\s+)?(?P<month>{MONTH})\s+(?P<day>{_DAY})\b(?:,?\s+(?P<year>{_YEAR})\b)?"),
         _full_date),
        (re.compile(rf"\b(?P<day>{_DAY})\s+(?P<month>{MONTH})(?:,?\s+(?P<year>{_YEAR}))?\b"), _full_date),
        (re.compile(r"\b(?P<a>[01]?\d)/(?P<b>[0-3]?\d)/(?P<year>\d{4}|\d{2})\b"), _numeric_date),
        (re.compile(r"\b(?:19|20)\d\d-[01]\d-[0-3]\d\b"), _iso_date),
        (re.compile(rf"\b(?P<month>(?:{_MONTH_ALONE}))(?:,?\s+(?P<year>{_YEAR}))?\b"),
         _month_year),
        (re.compile(rf"\bMay\b(?:\s+(?P<year>{_YEAR})\b)?"), _may),
        (re.compile(rf"(?<![$£€\d,.])\b(?P<fiscal>fiscal\s+)?(?:(?:the\s+)?(?:mid-|early\s+|late\s+))?"
                    rf"(?P<y>{_YEAR})(?:'?s)?\b(?![,.]\d|-\d|\s*(?:%|percent|troops|people|votes))"),
         _year),
        (re.compile(r"\b(?:[Tt]he\s+)?(?:mid-|early\s+|late\s+)?(?:'|’)?(?P<decade>(?:1[6-9]|20)\d0|[2-9]0)(?:'|’)?s\b"),
         _decade),
        (re.compile(rf"\b(?P<weekday>{WEEKDAY})(?:\s+(?P<part>{_PART}))?\b"), _weekday),
        (re.compile(r"\b(?:today|yesterday|tomorrow|tonight)\b", i), _deictic),
        (re.compile(rf"\b(?P<which>this|yesterday|tomorrow|last)\s+(?P<part>{_PART})\b", i), _this_part),
        (re.compile(r"\b(?P<which>last|past|previous|this|current|next|coming)\s+"
                    r"(?P<unit>week|month|year|quarter|weekend|spring|summer|fall|autumn|winter)\b", i),
         _relative_unit),
        (re.compile(r"\b(?:earlier|later)\s+this\s+(?P<unit>year|month|week)\b", i), _earlier_this),
        (re.compile(r"\bthe\s+end\s+of\s+the\s+(?P<unit>year|month)\b", i), _edge_of),
        (re.compile(rf"\b(?:(?P<n>{_NUM})\s+)?(?P<unit>{_UNIT}s?)\s+(?P<dir>ago|earlier|before|later|from now)\b", i),
         _ago),
        (re.compile(rf"\b(?:the\s+)?(?:(?:first|second|third|fourth|latest|last|current|fiscal)\s+)?"
                    rf"(?P<ord>first|second|third|fourth|1st|2nd|3rd|4th)[- ]quarter\b(?:\s+of\s+(?P<year>{_YEAR}))?",
                    i), _quarter),
        (re.compile(rf"\b(?:the\s+)?(?P<ord>first|second)\s+half(?:\s+of\s+(?P<year>{_YEAR}))?\b", i), _half),
        (re.compile(rf"\b(?:(?:this|the|early|late)\s+)(?P<season>spring|summer|fall|autumn|winter)"
                    rf"(?:\s+(?:of\s+)?(?P<year>{_YEAR}))?\b|\b(?P<season2>spring|summer|fall|autumn|winter)\s+"
                    rf"(?:of\s+)?(?P<year2>{_YEAR})\b", i), _season),
        (re.compile(r"\bthe\s+(?:latest\s+|most\s+recent\s+|recent\s+)?(?:quarter|period)\b", i),
         lambda m, a, t: ("DATE", a.quarter(-1))),
        (re.compile(rf"\b(?:the\s+(?:past|last|next|first|previous|coming)\s+|the\s+)?(?P<n>{_NUM})[- ]"
                    rf"(?P<unit>{_UNIT}s?)\b(?!-old|\s+(?:ago|earlier|before|later|from now|old))", i), _duration),
        (re.compile(r"\b(?:(?:the\s+)?(?:past|last|recent)\s+|several\s+|many\s+)?(?P<unit>years|months|weeks|days|"
                    r"hours|decades|minutes)\b(?!\s+(?:ago|earlier|later|old))", i), _bare_plural),
        (re.compile(r"\b(?:every|each|per|(?:once|twice|(?:three|four|several)\s+times)\s+a)\s+(?P<unit>day|week|"
                    rf"month|year|hour|{capitalized(WEEKDAYS)})\b|\b(?:daily|weekly|"
                    r"monthly|annually|yearly|hourly|quarterly|nightly)\b", i), _set),
        (re.compile(r"\b(?:now|currently|nowadays|at present|the present|recently|lately|previously|formerly|"
                    r"the past|the future|in the past)\b", i), _reference),
        (re.compile(r"\b(?P<h>[01]?\d|2[0-3])(?::(?P<m>[0-5]\d))?\s*(?P<ampm>a\.m\.|p\.m\.|am\b|pm\b)"
                    r"(?:\s+(?:EST|EDT|CST|CDT|PST|PDT|GMT|UTC|BST|CET))?", i), _clock),
        (re.compile(r"\b(?:noon|midnight)\b", i), _noon),
    ]


_compiled_rules = _compile()
