"""Months, weekdays, seasons and parts of the day, with their numbers and TIMEX3 codes, and the patterns that find
them in text. Dicts keep calendar order, which the patterns follow."""

from __future__ import annotations

from collections.abc import Iterable

MONTHS: dict[str, int] = {
    "january": 1, "february": 2, "march": 3, "april": 4, "may": 5, "june": 6, "july": 7, "august": 8,
    "september": 9, "october": 10, "november": 11, "december": 12}
# As news abbreviates them (AP style writes "Sept."); "may" has no abbreviation. "sept" stands before "sep" so
# a pattern tries the longer form first.
MONTH_ABBREVIATIONS: dict[str, int] = {
    "jan": 1, "feb": 2, "mar": 3, "apr": 4, "jun": 6, "jul": 7, "aug": 8, "sept": 9, "sep": 9, "oct": 10,
    "nov": 11, "dec": 12}
WEEKDAYS: dict[str, int] = {
    "monday": 1, "tuesday": 2, "wednesday": 3, "thursday": 4, "friday": 5, "saturday": 6, "sunday": 7}  # ISO
WEEKDAY_ABBREVIATIONS = frozenset("mon tue tues wed thu thur thurs fri sat sun".split())
SEASONS: dict[str, str] = {"spring": "SP", "summer": "SU", "fall": "FA", "autumn": "FA", "winter": "WI"}
# The month each season's TIMEX3 code starts in (the northern meteorological seasons; a winter is its December's)
SEASON_STARTS: dict[str, int] = {"SP": 3, "SU": 6, "FA": 9, "WI": 12}
# The first words of days named for an event or a feast, which fall on no weekday of the anchor's week ("Super
# Tuesday", "Black Monday", "Good Friday"): a date the text does not give.
NAMED_DAY_WORDS = frozenset("super black good easter ash palm cyber fat bloody holy maundy".split())
PARTS_OF_DAY: dict[str, str] = {"morning": "MO", "afternoon": "AF", "evening": "EV", "night": "NI"}
# Holidays news dates events by, as written: (month, day), or (month, -ISO weekday, n) for the nth such weekday
# of the month (US Thanksgiving, the fourth Thursday of November).
HOLIDAYS: dict[str, tuple[int, int] | tuple[int, int, int]] = {
    "new year's day": (1, 1), "new year's eve": (12, 31), "christmas eve": (12, 24), "christmas day": (12, 25),
    "christmas": (12, 25), "boxing day": (12, 26), "valentine's day": (2, 14), "independence day": (7, 4),
    "halloween": (10, 31), "thanksgiving day": (11, -4, 4), "thanksgiving": (11, -4, 4)}


def capitalized(words: Iterable[str]) -> str:
    """An alternation of the words as they are written in running text ("January|February|...")."""
    return "|".join(w.capitalize() for w in words)


# A month's full name; and a month as news writes it, full or abbreviated with or without its full stop.
MONTH_NAME = f"(?:{capitalized(MONTHS)})"
MONTH = "(?:" + "|".join((capitalized(MONTHS), *(rf"{a.capitalize()}\.?" for a in MONTH_ABBREVIATIONS))) + ")"
WEEKDAY = f"(?:{capitalized(WEEKDAYS)})"
