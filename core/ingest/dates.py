"""Publication dates as ISO 8601, whatever form the source wrote them in.

The date anchors every relative expression in the timeline, so a date we cannot read is dropped (None) rather
than passed on in a form the resolver would misread.
"""

from __future__ import annotations

import re
import time
from datetime import date, datetime
from email.utils import parsedate_to_datetime

from core.vocabulary.calendar import MONTHS

_MONTHS = {name[:3]: number for name, number in MONTHS.items()}  # "Sept." and "September" read by their first three
_MONTH_DAY_YEAR = re.compile(r"([A-Za-z]{3})[a-z]*\.?\s+(\d{1,2})(?:st|nd|rd|th)?,?\s+(\d{4})$")
_DAY_MONTH_YEAR = re.compile(r"(\d{1,2})(?:st|nd|rd|th)?\s+([A-Za-z]{3})[a-z]*\.?,?\s+(\d{4})$")
_YEAR_MONTH_DAY = re.compile(r"(\d{4})[-/.](\d{1,2})[-/.](\d{1,2})$")
_COMPACT = re.compile(r"(\d{4})(\d{2})(\d{2})$")


# Publication dates outside these years are refused: relative expressions ("two years ago", "in 300 years")
# resolve by date arithmetic from the anchor, which overflows near year 1 and 9999, and the timeline writes
# four-digit years. No news article is dated before 1000 or after 8999.
EARLIEST_YEAR, LATEST_YEAR = 1000, 8999


def read_date(value: object) -> tuple[str | None, str | None]:
    """The normalized date, or None and the reason a date that is there cannot be used (None if there is none)."""
    if value is None or (isinstance(value, str) and not value.strip()):
        return None, None
    shown = _shown(value)
    try:
        normalized = normalize_date(value)
    except (ValueError, OverflowError, TypeError):
        normalized = None
    if normalized is None:
        return None, f"published date {shown} is not a readable date"
    year = int(normalized[:4])
    if not EARLIEST_YEAR <= year <= LATEST_YEAR:
        return None, f"published date {shown} is outside the years {EARLIEST_YEAR}-{LATEST_YEAR}"
    return normalized, None


_DATE_IN_NAME = re.compile(r"(?<![0-9])(\d{4})-(\d{2})-(\d{2})(?![0-9])")


def date_in_name(name: str) -> str | None:
    """The ISO date a saved file's name carries ("reuters_2016-09-07_talks.txt"), for a file whose text gives
    none: without a date every relative date in it ("on Friday", "last year") stays unresolved. The file's name
    only, never its folders', and a date that is not a day of the calendar is none."""
    found = _DATE_IN_NAME.search(re.split(r"[/\\]", name)[-1])
    if found is None:
        return None
    published, problem = read_date(found.group())
    return published if problem is None else None


def _shown(value: object) -> str:
    if isinstance(value, time.struct_time):
        return "{:04d}-{:02d}-{:02d}".format(*value[:3])
    return repr(str(value)[:60])


def normalize_date(value: object) -> str | None:
    """`YYYY-MM-DD`, or a full ISO timestamp when the source gave a time; None when unreadable. Says nothing of
    the range: read_date() is what ingest and the command line use."""
    if value is None:
        return None
    if isinstance(value, time.struct_time):
        try:
            return _iso(datetime(*value[:6]))
        except ValueError:
            return None
    if isinstance(value, datetime | date):
        return _iso(value)
    text = str(value).strip()
    if not text:
        return None
    try:
        return _iso(datetime.fromisoformat(text.replace("Z", "+00:00")))
    except ValueError:
        pass
    try:
        return _iso(parsedate_to_datetime(text))
    except (TypeError, ValueError, IndexError):
        pass
    return _loose_date(text)


def _loose_date(text: str) -> str | None:
    text = re.sub(r"^[A-Za-z]+day,?\s+", "", text.strip())
    if m := _MONTH_DAY_YEAR.match(text):
        month, day, year = _MONTHS.get(m[1].lower()), int(m[2]), int(m[3])
    elif m := _DAY_MONTH_YEAR.match(text):
        day, month, year = int(m[1]), _MONTHS.get(m[2].lower()), int(m[3])
    elif m := _YEAR_MONTH_DAY.match(text) or _COMPACT.match(text):
        year, month, day = int(m[1]), int(m[2]), int(m[3])
    else:
        return None
    try:
        return date(year, month or 0, day).isoformat()
    except ValueError:
        return None


def _iso(value: date) -> str:
    if isinstance(value, datetime):
        if (value.hour, value.minute, value.second, value.microsecond) == (0, 0, 0, 0) and value.tzinfo is None:
            return value.date().isoformat()
        return value.isoformat()
    return value.isoformat()
