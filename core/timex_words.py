"""TIMEX3 values in words a person reads: "198" is "the 1980s", "PRESENT_REF" is "now", "P8M" is "8 months" (and
"about 8 months" with TimeML's mod APPROX).

Display only: the JSON keeps the value, which is what TimeML tools compare. The dashboard and the Markdown export
both show these words, so they live here, in the core, as one pure function of the value.
"""

from __future__ import annotations

import re
from datetime import date

from core.vocabulary.calendar import MONTHS, PARTS_OF_DAY, SEASONS, WEEKDAYS
from core.vocabulary.time_modifiers import MODIFIER_WORDS

_MONTHS = tuple(month.capitalize() for month in MONTHS)  # calendar order
_WEEKDAYS = tuple(day.capitalize() for day in WEEKDAYS)  # ISO order, Monday first
_REFS = {"PRESENT_REF": "now", "PAST_REF": "the past", "FUTURE_REF": "the future"}
_PARTS_OF_DAY = {code: word for word, code in PARTS_OF_DAY.items()} | {"MI": "midday", "DT": "daytime"}
_TONIGHT = {"MO": "this morning", "AF": "this afternoon", "EV": "this evening", "NI": "tonight", "MI": "midday",
            "DT": "today"}
_SEASONS = {code: word for word, code in SEASONS.items()}  # FA: "autumn", the later of fall and autumn
_QUARTERS = {"Q1": "the first quarter", "Q2": "the second quarter", "Q3": "the third quarter",
             "Q4": "the fourth quarter", "H1": "the first half", "H2": "the second half"}
_UNITS = {"Y": "year", "M": "month", "W": "week", "D": "day", "H": "hour", "S": "second", "DE": "decade",
          "CE": "century", "Q": "quarter", "WE": "weekend"}
_TIME_UNITS = {"H": "hour", "M": "minute", "S": "second"}

_DURATION = re.compile(r"P(?:(T)?)(X|\d+(?:\.\d+)?)(DE|CE|WE|[YMWDHSQ])$")


def readable_timex(value: str, kind: str = "DATE", mod: str = "") -> str:
    """Words for a TIMEX3 value of the given type (DATE, TIME, DURATION, SET) and mod; the value itself when it has
    none. A duration reads every mod ("more than 30 days"); a point in time only an approximation ("about 15:00"):
    "less than 2014" says nothing."""
    words = _unqualified(value.strip(), kind)
    if mod in MODIFIER_WORDS and (kind == "DURATION" or mod == "APPROX") and words != value.strip():
        return f"{MODIFIER_WORDS[mod]} {words}"
    return words


def value_beside_words(value: str, words: str) -> str:
    """The TIMEX value to show beside its words, or "" where it would only repeat them ("1780") or read as a number
    leaking into them (a decade's or a century's digits, "195" beside "the 1950s")."""
    return "" if value == words or (value.isdigit() and len(value) < 4) else value


def _unqualified(value: str, kind: str) -> str:
    if value in _REFS:
        return _REFS[value]
    if kind == "SET":
        return "every " + _period(value, singular=True) if value.startswith("P") else "every " + _point(value)
    if value.startswith("P"):
        return _period(value)
    return _point(value)


def _period(value: str, singular: bool = False) -> str:
    m = _DURATION.match(value)
    if not m:
        return value
    in_time, amount, unit = m.groups()
    name = (_TIME_UNITS if in_time else _UNITS).get(unit, unit)
    if amount == "X":
        return name if singular else name + "s"
    number = float(amount)
    if singular and number == 1:
        return name
    count = f"{number:g}"
    return f"{count} {name}" + ("" if number == 1 else "s")


def _point(value: str) -> str:
    if value in _PARTS_OF_DAY and value in _TONIGHT:
        return _TONIGHT[value]
    day, _, clock = value.partition("T")
    words = _day(day)
    if words is None:
        return value
    if not clock:
        return words
    if clock in _PARTS_OF_DAY:
        return f"the {_PARTS_OF_DAY[clock]} of {words}" if day else _TONIGHT.get(clock, value)
    if re.fullmatch(r"\d{2}:\d{2}(:\d{2})?", clock):
        return f"{clock[:5]}, {words}"
    return value


def _day(value: str) -> str | None:
    """Words for the date part of a value, None for a form this does not know."""
    if value == "":
        return ""
    if re.fullmatch(r"\d{2}", value):
        return f"the {value}00s"
    if re.fullmatch(r"\d{3}", value):
        return f"the {value}0s"
    if re.fullmatch(r"\d{4}|XXXX", value):
        return "an unknown year" if value == "XXXX" else value
    year = value[:4]
    year_words = "" if year == "XXXX" else f" {year}"
    rest = value[5:]
    if value[4:5] != "-" or not re.fullmatch(r"\d{4}|XXXX", year):
        return None
    if rest in _SEASONS:
        return f"{_SEASONS[rest]}{year_words}".strip()
    if rest in _QUARTERS:
        return f"{_QUARTERS[rest]} of {year}" if year_words else _QUARTERS[rest]
    week = re.fullmatch(r"W(\d{2})(?:-(WE|\d))?", rest)
    if week:
        number, part = week.groups()
        if part == "WE":
            return f"the weekend of week {int(number)}," + year_words
        if part:
            return f"{_WEEKDAYS[int(part) - 1]} of week {int(number)}," + year_words
        return f"week {int(number)}," + year_words
    weekday = re.fullmatch(r"WXX-(\d)", rest)
    if weekday and 1 <= int(weekday.group(1)) <= 7:
        return _WEEKDAYS[int(weekday.group(1)) - 1]
    month = re.fullmatch(r"(\d{2})(?:-(\d{2}))?", rest)
    if month and 1 <= int(month.group(1)) <= 12:
        name = _MONTHS[int(month.group(1)) - 1]
        if month.group(2) is None:
            return f"{name}{year_words}"
        day_number = int(month.group(2))
        if year_words:
            try:
                weekday_name = _WEEKDAYS[date(int(year), int(month.group(1)), day_number).weekday()][:3]
            except ValueError:
                return None
            return f"{weekday_name} {day_number} {name} {year}"
        return f"{day_number} {name}"
    return None


# A publication date is shown one way in the dashboard and one way in the export, each from one function here,
# whatever form the source wrote it in (ingest keeps "2024-03-05" or a full timestamp with its zone).

def dashboard_date(published: str | None) -> str:
    """The dashboard's form of a publication date, in the list, the reader's heading and the palette alike: its
    day, "2024-03-05" (fixed width, so the list's column lines up and sorts as it reads, and the form the batch
    views show beside a date's words); "" when there is none."""
    return (published or "")[:10]


def document_date(published: str | None) -> str:
    """The export's form, for a document people read: the day in the words the timeline uses, "Tue 5 March
    2024"; "" when there is none."""
    return readable_timex(published[:10]) if published else ""
