"""The timeline's rules: each a named record of its pattern, the normalizer that turns a match into a TIMEX3 type
and value, and the examples it must tag (tests/timeline/test_rules.py runs every one, and fails a rule with none).

To add a date form: write its pattern from the pieces below and the vocabulary, its normalizer beside it, and a
Rule with at least one Example, in RULES. Order matters only between rules that match the same span: the tagger
keeps the longest match, and of equal ones the earlier rule's.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import dataclass
from datetime import date

from core.timeline.anchor import Anchor
from core.timeline.expression import TimexType
from core.timeline.tense import Tense
from core.vocabulary.calendar import (
    HOLIDAYS,
    MONTH,
    MONTH_ABBREVIATIONS,
    MONTH_NAME,
    MONTHS,
    NAMED_DAY_WORDS,
    PARTS_OF_DAY,
    SEASONS,
    WEEKDAY,
    WEEKDAY_ABBREVIATIONS,
    WEEKDAYS,
    capitalized,
)
from core.vocabulary.numbers import NUMBER_WORDS, ORDINALS, TENS, UNITS, VAGUE_COUNTS

Normalized = tuple[TimexType, str] | None  # None: the match is no time expression after all ("Sunday Times")
Normalizer = Callable[[re.Match[str], Anchor, Tense], Normalized]

EXAMPLE_PUBLISHED = "1998-02-13"  # a Friday: the anchor of every example that gives none


@dataclass(frozen=True, slots=True)
class Example:
    """A sentence, the span the rule must tag in it (as written), and its TIMEX3 type and value."""

    sentence: str
    span: str
    type: TimexType
    value: str
    published: str | None = EXAMPLE_PUBLISHED


@dataclass(frozen=True, slots=True)
class Rule:
    name: str
    pattern: re.Pattern[str]
    normalize: Normalizer
    examples: tuple[Example, ...]
    # Lower-case strings one of which every match holds: over a text with none of them the tagger skips the
    # rule, a scan in C instead of the pattern tried at every word. Empty: always run.
    needs: tuple[str, ...] = ()
    # Whether the normalizer reads the tense: only then does the tagger read the sentence's verbs (the rest get
    # 0; tests/timeline/test_rules.py holds every other rule's examples to one value whatever the tense).
    tensed: bool = False
    # Whether a match is a time of day written without its date ("at 10:35 a.m."): the normalizer puts it on the
    # anchor's day, and the tagger moves it to the day its sentence names ("Friday"), where it names one.
    dayless: bool = False
    # Whether a match names a date the text gave before it ("later that year", 0) or the same a year before it ("the
    # same month a year ago", -1): the normalizer gives its unit's X placeholder ("XXXX"), and the tagger fills it
    # from the nearest date before it, cut to that unit and moved by so many years. None: the normalizer resolves it.
    refers_back: int | None = None


# ---------------------------------------------------------------- pattern pieces

_MONTH_WORDS = frozenset((*MONTHS, *MONTH_ABBREVIATIONS))
_NUMBERS = {"a couple of": 2, "couple of": 2, "a": 1, "an": 1, **NUMBER_WORDS, "single": 1}
_UNITS = {"second": "S", "minute": "M", "hour": "H", "day": "D", "week": "W", "month": "M", "year": "Y",
          "decade": "DE", "century": "CE", "quarter": "Q", "weekend": "WE", "night": "NI", "morning": "MO",
          "afternoon": "AF", "evening": "EV"}
_TIME_UNITS = {"second", "minute", "hour"}
_DAY = r"(?:[12]\d|3[01]|0?[1-9])(?:st|nd|rd|th)?"
_YEAR = r"(?:1[6-9]\d\d|20\d\d)"
# A count: digits, words ("twenty-four" before "twenty"), with a half ("2 1/2", "two and a half"). It opens on a
# lookahead at the characters a count can start with, a condition the alternatives hold anyway: the engine then
# passes over every other character at once instead of trying the forty words there (half of "duration"'s time).
_NUM_FIRSTS = "".join(sorted({re.escape(word[0]) for word in (*TENS, *_NUMBERS, *VAGUE_COUNTS)}))
_NUM = (rf"(?=[\d{_NUM_FIRSTS}])(?:\d+\s+1/2|(?:\d+(?:\.\d+)?|(?:{'|'.join(TENS)})[\s-](?:{'|'.join(UNITS)})|"
        rf"{'|'.join((*_NUMBERS, *VAGUE_COUNTS))})(?:\s+and\s+a\s+half)?)")
_HALF = re.compile(r"\s+(?:1/2|and\s+a\s+half)$", re.IGNORECASE)
# Half a unit in the next smaller one, as TimeML writes "2 1/2 years" (P2Y6M) and "5 1/2 hours" (PT5H30M).
_HALF_IN: dict[str, tuple[str, str]] = {"year": ("6", "M"), "month": ("15", "D"), "day": ("T12", "H"),
                                        "hour": ("30", "M"), "minute": ("30", "S")}
_UNIT = r"(?:second|minute|hour|day|week|month|year|decade|century|quarter)"
_PART = f"(?:{'|'.join(PARTS_OF_DAY)})"
# A month standing alone, without a day: "May" has a rule of its own (the verb is far more common), and the
# abbreviations "Mar.", "Apr.", "Jun.", "Jul.", "Sep." read as months only beside a day.
_MONTH_ALONE = "|".join((capitalized(m for m in MONTHS if m != "may"),
                         *(rf"{a.capitalize()}\." for a in ("jan", "feb", "aug", "sept", "oct", "nov", "dec"))))
_I = re.IGNORECASE
# A month or weekday as a dateline or timestamp writes it too: in capitals ("THURSDAY, MAY 2, 2013"), or
# abbreviated with a full stop even where no letter is left out ("Fri., May. 3, 2013").
_MONTH_ANY = rf"(?:{MONTH}|May\.|{'|'.join(m.upper() for m in MONTHS)})"
_WEEKDAY_ANY = (rf"(?:{WEEKDAY}|{'|'.join(w.upper() for w in WEEKDAYS)}|"
                rf"(?:{capitalized(sorted(WEEKDAY_ABBREVIATIONS, key=len, reverse=True))})\.)")


def _month_number(word: str) -> int:
    w = word.lower().rstrip(".")
    return MONTHS.get(w) or MONTH_ABBREVIATIONS[w]


def _number(word: str) -> int | None:
    """The whole count a number gives ("twenty-four" 24, "2 1/2" 2), None for none."""
    w = _HALF.sub("", " ".join(word.lower().split()))
    if w in _NUMBERS:
        return _NUMBERS[w]
    tens, _, unit = w.replace("-", " ").partition(" ")
    if tens in TENS and unit in UNITS:
        return NUMBER_WORDS[tens] + NUMBER_WORDS[unit]
    try:
        value = float(w)
    except ValueError:
        return None
    return int(value) if value.is_integer() else None


def _day_number(day: str) -> int:
    """"2", "02", "2nd", "21st" -> the day of the month."""
    return int(day.rstrip("stndrh"))


# ---------------------------------------------------------------- calendar dates

# A month standing as an adjective before its noun ("the November election", "November's general election", "a
# March 5 caucus") dates that thing, which a verb further off says little about ("officials said they believed the
# leak was meant to sway the Nov. 8 election"): a past verb does not move it back a year when it is at most five
# months ahead. A verb right before it, or "since", still decides ("since the Oct. 23 slaying").
_BEFORE_ATTRIBUTIVE = re.compile(r"(?:\b(?:the|a|an)|['’]s)\s+$", _I)
_AFTER_ATTRIBUTIVE = re.compile(r"\s+(?!(?:and|or|of|to|in|on|at|by|for|from|when|as|that|with)\b)[a-z]|['’]s\s")
_ATTRIBUTIVE_REACH = 5  # months
_OWNED = re.compile(r"\b(?:his|her|its|their)\s+$", _I)


def _tense_of_month(m: re.Match[str], anchor: Anchor, month: int, tense: Tense) -> Tense:
    """The tense a month without its year is read in: none for a past verb's where it is an adjective of the noun
    after it and soon after the anchor; none for any verb's further off after a possessive ("her March comment":
    a thing someone has made is most often the latest)."""
    if abs(tense) != 1 or anchor.day is None:
        return tense
    text = m.string
    if not _AFTER_ATTRIBUTIVE.match(text, m.end()):
        return tense
    if _OWNED.search(text, max(0, m.start() - 8), m.start()):
        return 0
    if text[m.end():m.end() + 1] not in ("'", "’") and not _BEFORE_ATTRIBUTIVE.search(
            text, max(0, m.start() - 12), m.start()):
        return tense
    return 0 if tense < 0 and (month - anchor.day.month) % 12 <= _ATTRIBUTIVE_REACH else tense


# The first end of a range takes its year from the second: "from September to December 2014", "between Oct. 30
# and Nov. 9, 2015" (the year before where the range crosses a new year: "from November to February 2015").
_RANGE_END = re.compile(rf"\s*(?:-|–|to|through|until|and)\s+(?P<month>{MONTH})(?:\s+{_DAY})?,?\s+(?P<year>{_YEAR})\b")


def _year_of_range(m: re.Match[str], month: int) -> str | None:
    end = _RANGE_END.match(m.string, m.end())
    if end is None:
        return None
    return f"{int(end.group('year')) - (month > _month_number(end.group('month'))):04d}"


def _full_date(m: re.Match[str], anchor: Anchor, tense: Tense) -> Normalized:
    month, day, year = _month_number(m.group("month")), _day_number(m.group("day")), m.group("year")
    year = year or _year_of_range(m, month)
    return "DATE", (f"{year}-{month:02d}-{day:02d}" if year
                    else anchor.month_day(month, day, _tense_of_month(m, anchor, month, tense)))


MONTH_DAY = Rule(
    "month day",
    # an abbreviation's full stop may stand for the space ("Sept.11, 2001")
    re.compile(rf"\b(?=[A-Z])(?:{_WEEKDAY_ANY},?\s+)?(?P<month>{_MONTH_ANY})(?:\s+|(?<=\.))(?P<day>{_DAY})\b"
               rf"(?:,?\s+(?P<year>{_YEAR})\b)?"),
    _full_date, (Example("The deal closed on Aug. 2, 1998.", "Aug. 2, 1998", "DATE", "1998-08-02"),
                 Example("The talks began on Dec. 28.", "Dec. 28", "DATE", "1998-12-28", "1999-01-04"),
                 Example("It was polled between Oct. 30 and Nov. 9, 1996.", "Oct. 30", "DATE", "1996-10-30"),
                 Example("The attacks of Sept.11, 2001 changed it.", "Sept.11, 2001", "DATE", "2001-09-11"),
                 Example("It will end Tuesday, Sept. 8.", "Tuesday, Sept. 8", "DATE", "1998-09-08"),
                 Example("Posted Fri., May. 3, 2013.", "Fri., May. 3, 2013", "DATE", "2013-05-03"),
                 Example("PUBLISHED: THURSDAY, MAY 2, 2013.", "THURSDAY, MAY 2, 2013", "DATE", "2013-05-02")),
    tensed=True)

DAY_MONTH = Rule(
    "day month", re.compile(rf"\b(?P<day>{_DAY})\s+(?P<month>{MONTH})(?:,?\s+(?P<year>{_YEAR}))?\b"),
    _full_date, (Example("It opened on 2 August 1998 in Paris.", "2 August 1998", "DATE", "1998-08-02"),),
    tensed=True)


def _numeric_date(m: re.Match[str], anchor: Anchor, tense: Tense) -> Normalized:
    a, b, year = int(m.group("a")), int(m.group("b")), m.group("year")
    month, day = (a, b) if a <= 12 else (b, a)
    if not (1 <= month <= 12 and 1 <= day <= 31):
        return None
    if len(year) == 2:
        year = ("19" if int(year) > 50 else "20") + year
    return "DATE", f"{year}-{month:02d}-{day:02d}"


NUMERIC_DATE = Rule(
    "numeric date", re.compile(r"\b(?P<a>[01]?\d)/(?P<b>[0-3]?\d)/(?P<year>\d{4}|\d{2})\b"), _numeric_date,
    (Example("The filing is dated 08/02/1998.", "08/02/1998", "DATE", "1998-08-02"),
     Example("It was signed 13/12/97.", "13/12/97", "DATE", "1997-12-13")))

def _dotted_date(m: re.Match[str], anchor: Anchor, tense: Tense) -> Normalized:
    day, month = int(m.group("day")), int(m.group("month"))
    return ("DATE", f"{m.group('year')}-{month:02d}-{day:02d}") if 1 <= month <= 12 and 1 <= day <= 31 else None


# With full stops the day stands first, as in Europe: "08.07.2012" is 8 July.
DOTTED_DATE = Rule(
    "dotted date", re.compile(rf"(?=\d)(?<![\d.])(?P<day>[0-3]?\d)\.(?P<month>[01]?\d)\.(?P<year>{_YEAR})\b(?!\.\d)"),
    _dotted_date, (Example("The decree of 08.07.2012 stands.", "08.07.2012", "DATE", "2012-07-08"),))

ISO_DATE = Rule(
    "ISO date", re.compile(r"\b(?:19|20)\d\d-[01]\d-[0-3]\d\b"), lambda m, anchor, tense: ("DATE", m.group()),
    (Example("The log ends on 1998-02-11.", "1998-02-11", "DATE", "1998-02-11"),))


# The words a month stands after where it is one: "May" is a month only after them (the modal verb is far more
# common), and any month before "for", "of" or "on" and a capitalized word is a name unless after them: a march
# ("the annual March for Life", "the March of the Mothers"), not the month ("sales fell in March for Acme").
_MONTH_CONTEXT = ("in", "of", "since", "until", "by", "early", "late", "mid", "last", "next", "through", "from")
_MONTH_IN_NAME = re.compile(r"\s+(?:for|of|on)\s+(?:the\s+)?(?=[A-Z])(?!" + MONTH + r"\b)")


def _after_month_context(m: re.Match[str]) -> bool:
    before = m.string[max(0, m.start() - 10):m.start()].split()
    return bool(before) and before[-1].lower() in _MONTH_CONTEXT


def _month_year(m: re.Match[str], anchor: Anchor, tense: Tense) -> Normalized:
    month, year, which = _month_number(m.group("month")), m.group("year"), m.group("which") or m.group("which_of")
    if not (year or which) and _MONTH_IN_NAME.match(m.string, m.end("span")) and not _after_month_context(m):
        return None
    if which:
        year = anchor.year({"last": -1, "this": 0, "next": 1}[which.lower()])
        return "DATE", f"{year}-{month:02d}" if anchor.day else f"XXXX-{month:02d}"
    year = year or _year_of_range(m, month)
    if year:
        return "DATE", f"{year}-{month:02d}"
    return "DATE", anchor.month_of_year(month, _tense_of_month(m, anchor, month, tense))


MONTH_YEAR = Rule(
    # "October of next year": the year read, the span the month's alone (as MEANTIME draws it)
    "month", re.compile(rf"\b(?P<span>(?P<month>(?:{_MONTH_ALONE}))"
                        rf"(?:,?\s+(?P<year>{_YEAR})|\s+(?P<which>last|this|next)\s+year)?\b)"
                        rf"(?:\s+of\s+(?P<which_of>last|this|next)\s+year\b)?"),
    _month_year,
    (Example("The vote is in March.", "March", "DATE", "1998-03"),
     Example("He was arrested in July last year.", "July last year", "DATE", "1997-07"),
     Example("Leases end after October of next year.", "October", "DATE", "1999-10"),
     Example("The firm was sold in August 1996.", "August 1996", "DATE", "1996-08"),
     Example("Sales slumped in December.", "December", "DATE", "1998-12", "1999-01-10"),
     Example("The plant will reopen in January.", "January", "DATE", "1999-01", "1998-11-20"),
     Example("Sales fell from September to December 1994.", "September", "DATE", "1994-09"),
     Example("Snow fell from November to February 1995.", "November", "DATE", "1994-11")),
    tensed=True)

def _may(m: re.Match[str], anchor: Anchor, tense: Tense) -> Normalized:
    if m.group("year"):
        return "DATE", f"{m.group('year')}-05"
    if _after_month_context(m):
        return "DATE", anchor.month_of_year(5, _tense_of_month(m, anchor, 5, tense))
    return None


MAY = Rule(
    "May", re.compile(rf"\bMay\b(?:\s+(?P<year>{_YEAR})\b)?"), _may,
    (Example("The law takes effect in May.", "May", "DATE", "1998-05"),
     Example("Elections were held May 1997 too.", "May 1997", "DATE", "1997-05")),
    tensed=True)


def _year(m: re.Match[str], anchor: Anchor, tense: Tense) -> Normalized:
    return "DATE", m.group("y") if "s" not in m.group()[-1:] else m.group("y")[:3]


YEAR = Rule(
    "year", re.compile(rf"(?<![$£€\d,.])\b(?P<fiscal>fiscal\s+)?(?:(?:the\s+)?(?:mid-|early\s+|late\s+))?"
                       rf"(?P<y>{_YEAR})(?:'?s)?\b(?![,.]\d|-\d|\s*(?:%|percent|troops|people|votes))"),
    _year, (Example("Sales fell in fiscal 1997.", "fiscal 1997", "DATE", "1997"),
            Example("The company was founded in 1990.", "1990", "DATE", "1990"),
            Example("Work resumes in early 1999.", "early 1999", "DATE", "1999")))


# A year as a broadcast transcript spells it: "nineteen ninety-six", "nineteen oh five", "two thousand one".
_TEENS = "|".join(n for n in NUMBER_WORDS if 10 <= NUMBER_WORDS[n] < 20)
_SPELLED_YEAR = (rf"(?:(?:nineteen|eighteen)[\s-]+(?:(?:{'|'.join(TENS)})(?:[\s-]+(?:{'|'.join(UNITS)}))?|"
                 rf"(?:oh|o)[\s-]+(?:{'|'.join(UNITS)})|{_TEENS})"
                 rf"|two\s+thousand(?:\s+(?:and\s+)?(?:{'|'.join(UNITS)}))?)")


def _spelled_year_value(words: str) -> int:
    parts = [w for w in re.split(r"[\s-]+", words.lower()) if w not in ("and", "oh", "o")]
    if parts[:2] == ["two", "thousand"]:
        return 2000 + sum(NUMBER_WORDS[w] for w in parts[2:])
    return NUMBER_WORDS[parts[0]] * 100 + sum(NUMBER_WORDS[w] for w in parts[1:])


def _spelled_year(m: re.Match[str], anchor: Anchor, tense: Tense) -> Normalized:
    year = _spelled_year_value(m.group("year"))
    if m.group("month"):
        return "DATE", f"{year:04d}-{_month_number(m.group('month')):02d}"
    if m.group("season"):
        return "DATE", f"{year:04d}-{SEASONS[m.group('season').lower()]}"
    return "DATE", f"{year:04d}"


SPELLED_YEAR = Rule(
    "spelled year",
    re.compile(rf"\b(?:(?P<month>{MONTH_NAME})\s+|(?:the\s+)?(?P<season>spring|summer|fall|autumn|winter)\s+of\s+|"
               rf"the\s+year\s+)?(?P<year>{_SPELLED_YEAR})\b", _I),
    _spelled_year,
    (Example("Atlanta, nineteen ninety-six: a bomb shook the Games.", "nineteen ninety-six", "DATE", "1996"),
     Example("It opened in January nineteen ninety-seven.", "January nineteen ninety-seven", "DATE", "1997-01"),
     Example("It froze in the winter of nineteen ninety-four.", "the winter of nineteen ninety-four", "DATE",
             "1994-WI"),
     Example("The promise held until the year two thousand.", "the year two thousand", "DATE", "2000")),
    needs=("nineteen", "eighteen", "thousand"))


_AGE_BEFORE = re.compile(r"\b(?:his|her|their|my|your|our)\s+(?:early\s+|late\s+|mid-)?$", _I)


def _decade(m: re.Match[str], anchor: Anchor, tense: Tense) -> Normalized:
    digits = m.group("decade")
    if len(digits) == 2 and _AGE_BEFORE.search(m.string, max(0, m.start() - 12), m.start()):
        return None  # "in his 30s": an age, not the 1930s
    if len(digits) == 2:
        return "DATE", ("19" if int(digits) > 20 else "20") + digits[0]
    return "DATE", digits[:3]


DECADE = Rule(
    "decade", re.compile(r"\b(?:[Tt]he\s+)?(?:mid-|early\s+|late\s+)?(?:'|’)?(?P<decade>(?:1[6-9]|20)\d0|[2-9]0)"
                         r"(?:'|’)?s\b"),
    _decade, (Example("Prices peaked in the mid-1990s.", "the mid-1990s", "DATE", "199"),
              Example("The 1980s were kinder to the firm.", "The 1980s", "DATE", "198"),
              Example("It was a hit in the '60s.", "the '60s", "DATE", "196")),
    needs=("0s", "0's", "0’s"))


_SPELLED_DECADES = {tens[:-1] + "ies": NUMBER_WORDS[tens] // 10 for tens in TENS}  # "nineties": 9


def _spelled_decade(m: re.Match[str], anchor: Anchor, tense: Tense) -> Normalized:
    return "DATE", f"19{_SPELLED_DECADES[m.group('tens').lower()]}"


# A decade in words is the 20th century's ("the nineties"); after "his" or "her" it is an age, and no "the" stands.
SPELLED_DECADE = Rule(
    "the nineties", re.compile(rf"\b[Tt]he\s+(?:(?:early|mid|late)[\s-]+)?(?:nineteen[\s-]+)?"
                               rf"(?P<tens>{'|'.join(_SPELLED_DECADES)})\b", _I),
    _spelled_decade,
    (Example("Hate groups waned through the nineties.", "the nineties", "DATE", "199"),
     Example("It was built in the late sixties.", "the late sixties", "DATE", "196")),
    needs=tuple(_SPELLED_DECADES))


def _century(m: re.Match[str], anchor: Anchor, tense: Tense) -> Normalized:
    return "DATE", f"{int(m.group('n')) - 1:02d}"


# "the 20th century" is TIMEX3 19: the hundreds its years begin with
CENTURY = Rule(
    "20th century", re.compile(r"\b(?:[Tt]he\s+)?(?P<n>1\d|2[01]|[1-9])(?:st|nd|rd|th)[\s-]+century\b"), _century,
    (Example("She is a 20th century democrat.", "20th century", "DATE", "19"),
     Example("Few events of the 11th century are dated.", "the 11th century", "DATE", "10")),
    needs=("century",))


# ---------------------------------------------------------------- days relative to the anchor

# "Tuesday's primary", "Saturday night's debate" name an event by its day, which a verb further off says little
# about ("relatives said they would look for ways around Wednesday's ruling"): a day just ahead, else the one behind.
_POSSESSIVE = re.compile(r"['’]s\b")


def _weekday(m: re.Match[str], anchor: Anchor, tense: Tense) -> Normalized:
    following = m.string[m.end():m.end() + 20].split()[:1]
    if following and following[0][:1].isupper() and following[0].rstrip(",.").lower() not in _MONTH_WORDS:
        return None  # "Sunday Times", "Monday Night Football": a name, not a day
    weekday = WEEKDAYS[m.group("weekday").lower()]
    if abs(tense) < 2 and _POSSESSIVE.match(m.string, m.end()):
        value = anchor.weekday_near(weekday)
    else:
        value = anchor.weekday(weekday, tense or -1)
    part = m.group("part")
    if part:
        return "TIME", f"{value}T{PARTS_OF_DAY[part.lower()]}"
    return "DATE", value


WEEKDAY_RULE = Rule(
    "weekday", re.compile(rf"\b(?P<weekday>{WEEKDAY})(?:\s+(?P<part>{_PART}))?\b"), _weekday,
    (Example("The minister resigned on Wednesday.", "Wednesday", "DATE", "1998-02-11"),
     Example("The minister will resign on Wednesday.", "Wednesday", "DATE", "1998-02-18"),
     Example("The minister resigned on Friday.", "Friday", "DATE", "1998-02-13"),
     Example("The vote was on Tuesday morning.", "Tuesday morning", "TIME", "1998-02-10TMO"),
     Example("She hopes Saturday's caucuses will lift her.", "Saturday", "DATE", "1998-02-14"),
     Example("The results of Tuesday's primaries will shape the race.", "Tuesday", "DATE", "1998-02-10"),
     Example("Voters will long recall the fierce exchanges of Monday's debate.", "Monday", "DATE", "1998-02-09"),
     Example("The minister resigned on Friday.", "Friday", "DATE", "XXXX-WXX-5", None)),
    tensed=True)


# "Super Tuesday", "Black Monday": a day with a name of its own, not this week's; tagged whole and left unresolved
NAMED_DAY = Rule(
    "Super Tuesday", re.compile(rf"\b(?:{capitalized(sorted(NAMED_DAY_WORDS))})\s+{WEEKDAY}\b"),
    lambda m, anchor, tense: ("DATE", "XXXX-XX-XX"),
    (Example("Stocks fell on the anniversary of Black Monday.", "Black Monday", "DATE", "XXXX-XX-XX"),
     Example("Eleven states vote on Super Tuesday.", "Super Tuesday", "DATE", "XXXX-XX-XX")))


def _named_weekday(m: re.Match[str], anchor: Anchor, tense: Tense) -> Normalized:
    which, weekday = " ".join(m.group("which").lower().split()), WEEKDAYS[m.group("weekday").lower()]
    if which in ("last", "this past", "the previous"):
        value = anchor.weekday_of_week(weekday, -1)
    elif which == "this":
        value = anchor.weekday(weekday, tense or 1)
    else:
        value = anchor.weekday(weekday, 1)
    part = m.group("part")
    return ("TIME", f"{value}T{PARTS_OF_DAY[part.lower()]}") if part else ("DATE", value)


# "last Friday" is the previous week's Friday (as TimeBank reads it); "this coming Sunday" the next one.
NAMED_WEEKDAY = Rule(
    "last or this weekday",
    re.compile(rf"\b(?=[LlTtNn])(?P<which>[Ll]ast|[Tt]his\s+past|[Tt]his\s+coming|[Tt]his|[Nn]ext|[Tt]he\s+previous|"
               rf"[Tt]he\s+following)\s+(?P<weekday>{WEEKDAY})(?:\s+(?P<part>{_PART}))?\b"), _named_weekday,
    (Example("The minister resigned last Wednesday.", "last Wednesday", "DATE", "1998-02-04"),
     Example("The vote is this coming Sunday.", "this coming Sunday", "DATE", "1998-02-15"),
     Example("The bank closed last Friday night.", "last Friday night", "TIME", "1998-02-06TNI")),
    tensed=True)


def _named_month(m: re.Match[str], anchor: Anchor, tense: Tense) -> Normalized:
    which = m.group("which").lower()
    month = _month_number(m.group("month"))
    return "DATE", anchor.named_month(month, -1 if which in ("last", "past") else 1 if which == "next" else 0)


NAMED_MONTH = Rule(
    "last or this month",
    re.compile(rf"\b(?=[LlTtNn])(?P<which>[Ll]ast|[Tt]his|[Nn]ext|[Tt]his\s+past)\s+(?P<month>{_MONTH_ALONE}|May)\b"),
    _named_month,
    (Example("Prices peaked last May.", "last May", "DATE", "1997-05"),
     Example("Sales fell last February.", "last February", "DATE", "1997-02"),
     Example("Sales fell last January.", "last January", "DATE", "1998-01"),
     Example("The fair opens this September.", "this September", "DATE", "1998-09")))

def _week_of(m: re.Match[str], anchor: Anchor, tense: Tense) -> Normalized:
    day = _full_date(m, anchor, tense)
    if day is None or day[1][:1] == "X":
        return "DATE", "XXXX-WXX"
    year, week, _ = date.fromisoformat(day[1]).isocalendar()
    return "DATE", f"{year:04d}-W{week:02d}"


# "the week of March 6": the week that day falls in
WEEK_OF = Rule(
    "the week of March 6",
    re.compile(rf"\b[Tt]he\s+week\s+of\s+(?P<month>{MONTH})\s+(?P<day>{_DAY})\b(?:,?\s+(?P<year>{_YEAR})\b)?"),
    _week_of,
    (Example("A hearing is set for the week of March 6.", "the week of March 6", "DATE", "1998-W10"),
     Example("It ran the week of Jan. 5, 1997.", "the week of Jan. 5, 1997", "DATE", "1997-W01"),
     Example("A hearing is set for the week of March 6.", "the week of March 6", "DATE", "XXXX-WXX", None)),
    needs=("week of",),
    tensed=True)

def _week_of_month(m: re.Match[str], anchor: Anchor, tense: Tense) -> Normalized:
    month = _month_number(m.group("month"))
    year = m.group("year") or anchor.month_of_year(month, tense)[:4]
    if year == "XXXX":
        return "DATE", "XXXX-WXX"
    # the week that holds most of the month's first or last seven days (as ISO counts a year's first week)
    last = (date(int(year) + month // 12, month % 12 + 1, 1) - date.resolution).day
    day = 4 if m.group("which").lower() == "first" else last - 3
    iso_year, week, _ = date(int(year), month, day).isocalendar()
    return "DATE", f"{iso_year:04d}-W{week:02d}"


# "the last week of October": that week, not the week before the anchor and a month
WEEK_OF_MONTH = Rule(
    "the last week of March",
    re.compile(rf"\b[Tt]he\s+(?P<which>first|last|final)\s+week\s+of\s+(?P<month>{MONTH_NAME})\b"
               rf"(?:,?\s+(?P<year>{_YEAR})\b)?"),
    _week_of_month,
    (Example("Car sales rebounded in the last week of March.", "the last week of March", "DATE", "1998-W13",
             "1998-04-10"),
     Example("Her poll numbers peaked the last week of October.", "the last week of October", "DATE", "1997-W44"),
     Example("Talks open in the first week of June 1999.", "the first week of June 1999", "DATE", "1999-W22")),
    needs=("week of",),
    tensed=True)

THE_WEEKEND = Rule(
    "the weekend", re.compile(r"\b(?=[Tt])(?:[Tt]he|[Tt]his\s+past)\s+weekend\b"),
    lambda m, anchor, tense: ("DATE", anchor.weekend(tense)),
    (Example("Fighting went on over the weekend.", "the weekend", "DATE", "1998-W06-WE"),
     Example("Talks will resume over the weekend.", "the weekend", "DATE", "1998-W07-WE")),
    needs=("weekend",),
    tensed=True)

# "the day" the report is on, where a word before it says so: "earlier in the day", "to end the day", "for the
# day". The pattern starts at the literal "the day" (found fast); the words before are read by the normalizer.
_BEFORE_THE_DAY = re.compile(r"\b(?:(?:earlier|later|early|late)\s+in|end(?:ed|ing|s)?|finish(?:ed|ing|es)?|"
                             r"clos(?:e|ed|es|ing)|for|(?:start|end|beginning|close)\s+of)\s+$", _I)


def _the_day(m: re.Match[str], anchor: Anchor, tense: Tense) -> Normalized:
    if not _BEFORE_THE_DAY.search(m.string, max(0, m.start() - 24), m.start()):
        return None
    return "DATE", anchor.shift_days(0)


EARLIER_IN_THE_DAY = Rule(
    "earlier in the day", re.compile(r"the day\b"), _the_day,
    (Example("Earlier in the day, the army withdrew.", "the day", "DATE", "1998-02-13"),
     Example("The index fell 2% to end the day at 7,114.", "the day", "DATE", "1998-02-13")),
    needs=("the day",))


def _deictic(m: re.Match[str], anchor: Anchor, tense: Tense) -> Normalized:
    word = m.group().lower()
    table = {"today": 0, "yesterday": -1, "tomorrow": 1}
    if word in table:
        return "DATE", anchor.shift_days(table[word])
    if word == "tonight":
        return "TIME", f"{anchor.shift_days(0)}TNI"
    return None


DEICTIC = Rule(
    "today, yesterday, tomorrow", re.compile(r"\b(?:today|yesterday|tomorrow|tonight)\b", _I), _deictic,
    (Example("Shares fell yesterday.", "yesterday", "DATE", "1998-02-12"),
     Example("The leaders meet tonight.", "tonight", "TIME", "1998-02-13TNI"),
     Example("Shares fell yesterday.", "yesterday", "DATE", "XXXX-XX-XX", None)))


def _this_part(m: re.Match[str], anchor: Anchor, tense: Tense) -> Normalized:
    if m.group("part")[:1].isupper():
        return None  # "CBS This Morning", "Last Night": a programme's or a film's name
    which = m.group("which").lower()
    offset = -1 if which in ("yesterday", "last") else (1 if which == "tomorrow" else 0)
    return "TIME", f"{anchor.shift_days(offset)}T{PARTS_OF_DAY[m.group('part').lower()]}"


PART_OF_DAY = Rule(
    "part of a day", re.compile(rf"\b(?P<which>this|yesterday|tomorrow|last)\s+(?P<part>{_PART})\b", _I), _this_part,
    (Example("Talks resumed this morning.", "this morning", "TIME", "1998-02-13TMO"),
     Example("The blast came last night.", "last night", "TIME", "1998-02-12TNI")),
    needs=("morning", "afternoon", "evening", "night"))


def _mid_part(m: re.Match[str], anchor: Anchor, tense: Tense) -> Normalized:
    which = (m.group("which") or "today").lower()
    return "TIME", f"{anchor.shift_days({'yesterday': -1, 'today': 0, 'tomorrow': 1}[which])}" \
                   f"T{PARTS_OF_DAY[m.group('part').lower()]}"


# The middle of a part of the day is that part ("by mid afternoon"), on the day after it, else the anchor's.
MID_PART = Rule(
    "mid-afternoon",
    re.compile(r"\bmid[- ]?(?P<part>morning|afternoon|evening)(?:\s+(?P<which>yesterday|today|tomorrow))?\b", _I),
    _mid_part,
    (Example("By mid afternoon, troops had left.", "mid afternoon", "TIME", "1998-02-13TAF"),
     Example("Shares rose at mid-afternoon yesterday.", "mid-afternoon yesterday", "TIME", "1998-02-12TAF")),
    needs=tuple(f"mid{joint}{part}" for joint in ("-", " ", "") for part in ("morning", "afternoon", "evening")))


# ---------------------------------------------------------------- weeks, months, years relative to the anchor

# "the last year of his presidency", "the last week of the race": the final one of something the text names, not
# the one before the anchor; no date can be given it ("the last year of US$2.7 billion" in a report is last year).
_OF_SOMETHING = re.compile(r"\s+of\s+(?:the|his|her|its|their|this|that|a|an|our|my|your)\b", _I)
# The twelve months (weeks, months) up to the anchor are spent, or some doing has gone on for or in them: "has spent
# the last year attacking", "have been traveling with her for the past year", "has barely budged in the last year"
# is a span up to now, not last calendar year.
_SPAN_BEFORE = re.compile(r"(?:\bspen(?:t|ds?|ding)\s+|\bbeen\s+\w+ing\b[^.,;]{0,30}\bfor\s+"
                          r"|\b(?:has|have)\s+(?:\w+ly\s+)?(?:in|over|during|within)\s+"
                          r"|\b(?:has|have)\s+(?:\w+ly\s+)?\w+ed\s+(?:in|over|during|within)\s+)$", _I)
_PLACEHOLDER_OF = {"week": "XXXX-WXX", "month": "XXXX-XX", "year": "XXXX"}


def _relative_unit(m: re.Match[str], anchor: Anchor, tense: Tense) -> Normalized:
    if m.group("unit")[:1].isupper():
        return None  # "This Week", "Next Year": a programme's or a book's name
    which, unit = m.group("which").lower().split()[-1], m.group("unit").lower()
    if which in ("last", "past") and m.group("which").lower().startswith("the") and unit in _PLACEHOLDER_OF:
        if which == "last" and _OF_SOMETHING.match(m.string, m.end()):
            return "DATE", _PLACEHOLDER_OF[unit]
        if _SPAN_BEFORE.search(m.string, max(0, m.start() - 60), m.start()):
            return "DURATION", f"P1{_UNITS[unit]}"
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
        return "DATE", anchor.season(SEASONS[unit], offset)
    return None


RELATIVE_UNIT = Rule(
    "last, this or next week, month, year, season",
    re.compile(r"\b(?P<which>(?:the\s+)?(?:last|past|previous|current)|this(?:\s+past)?|next|coming)\s+"
               r"(?P<unit>week|month|year|quarter|weekend|spring|summer|fall|autumn|winter)\b", _I),
    _relative_unit,
    (Example("The market fell last week.", "last week", "DATE", "1998-W06"),
     Example("The vote is next month.", "next month", "DATE", "1998-03"),
     Example("Markets were calm last week.", "last week", "DATE", "1998-W52", "1999-01-02"),
     Example("Profits doubled last year.", "last year", "DATE", "1997"),
     Example("Rates may rise this quarter.", "this quarter", "DATE", "1998-Q1"),
     Example("The fair opens next weekend.", "next weekend", "DATE", "1998-W08-WE"),
     Example("The dam burst last summer.", "last summer", "DATE", "1997-SU"),
     Example("Sales rose in the past year.", "the past year", "DATE", "1997"),
     Example("The dam burst this past spring.", "this past spring", "DATE", "1998-SP", "1998-06-20"),
     Example("Shares fell yesterday and will rise next month.", "next month", "DATE", "XXXX-XX", None),
     Example("He signed it in the last year of his term.", "the last year", "DATE", "XXXX"),
     Example("She has spent the last year touring.", "the last year", "DURATION", "P1Y"),
     Example("They have been campaigning with him for the past week.", "the past week", "DURATION", "P1W"),
     Example("The policy has barely shifted in the last year.", "the last year", "DURATION", "P1Y"),
     Example("The mayor has in the past year sold two parks.", "the past year", "DURATION", "P1Y")))


def _earlier_this(m: re.Match[str], anchor: Anchor, tense: Tense) -> Normalized:
    return "DATE", {"year": anchor.year, "month": anchor.month, "week": anchor.week}[m.group("unit").lower()]()


EARLIER_THIS = Rule(
    "earlier or later this year", re.compile(r"\b(?:earlier|later)\s+this\s+(?P<unit>year|month|week)\b", _I),
    _earlier_this, (Example("Demand rose earlier this year.", "earlier this year", "DATE", "1998"),
                    Example("A ruling is due later this month.", "later this month", "DATE", "1998-02")),
    needs=("earlier", "later"))


def _edge_of(m: re.Match[str], anchor: Anchor, tense: Tense) -> Normalized:
    return "DATE", anchor.year() if m.group("unit").lower() == "year" else anchor.month()


END_OF = Rule(
    "the end of the year", re.compile(r"\bthe\s+end\s+of\s+the\s+(?P<unit>year|month)\b", _I), _edge_of,
    (Example("It will be done by the end of the year.", "the end of the year", "DATE", "1998"),),
    needs=("end",))


_QUARTER_NAMED = re.compile(r"\b(first|second|third|fourth)[- ]quarter\b", _I)
_REPORT_REACH = 400  # characters before "a year ago" in which a quarter's figures are looked for


def _year_ago_quarter(m: re.Match[str], anchor: Anchor) -> str | None:
    """In an earnings report "a year ago" and "a year earlier" are the same quarter a year before: the quarter
    last named ("the third quarter"), else the last one ended; None where no quarter is near."""
    if not anchor.day:
        return None
    before = m.string[max(0, m.start() - _REPORT_REACH):m.start()]
    if not re.search(r"quarter", m.string[max(0, m.start() - _REPORT_REACH):m.end() + 100], _I):
        return None
    named = list(_QUARTER_NAMED.finditer(before))
    current = (anchor.day.month - 1) // 3 + 1
    if named:
        q = ORDINALS[named[-1].group(1).lower()]
        year = anchor.day.year - (0 if q <= current else 1)
    else:
        q, year = (current - 1, anchor.day.year) if current > 1 else (4, anchor.day.year - 1)
    return f"{year - 1:04d}-Q{q}"


def _ago(m: re.Match[str], anchor: Anchor, tense: Tense) -> Normalized:
    n = _number(m.group("n")) if m.group("n") else 1
    unit = m.group("unit").lower().rstrip("s")
    direction = -1 if m.group("dir").lower() in ("ago", "earlier") else 1
    if n is None:
        return "DATE", "PAST_REF" if direction < 0 else "FUTURE_REF"
    if unit == "year" and n == 1 and direction < 0:
        quarter = _year_ago_quarter(m, anchor)
        if quarter:
            return "DATE", quarter
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


AGO = Rule(
    "ago", re.compile(rf"\b(?:(?P<n>{_NUM})\s+)?(?P<unit>{_UNIT}s?)\s+(?:or\s+so\s+)?(?P<dir>ago|earlier|from now)\b",
                      _I), _ago,
    (Example("The plant closed two years ago.", "two years ago", "DATE", "1996"),
     Example("He left three days ago.", "three days ago", "DATE", "1998-02-10"),
     Example("It rained a few weeks ago.", "a few weeks ago", "DATE", "PAST_REF"),
     Example("A week or so ago, he picked the day.", "A week or so ago", "DATE", "1998-W06"),
     Example("Third-quarter profit rose to $5 million from $4 million a year earlier.", "a year earlier", "DATE",
             "1988-Q3", "1989-11-02")),
    needs=("ago", "earlier", "from now"))


def _year_ago(m: re.Match[str], anchor: Anchor, tense: Tense) -> Normalized:
    return "DATE", _year_ago_quarter(m, anchor) or anchor.year(-1)


# The earnings report's year-ago period, as an adjective ("year-earlier results") or with its noun ("the year-ago
# quarter"): the quarter a year before the one reported, where one is.
YEAR_AGO = Rule(
    "year-ago",
    re.compile(r"\b(?:the\s+(?:comparable\s+|corresponding\s+)?(?=year-(?:ago|earlier)\s+(?:quarter|period)))?"
               r"year-(?:ago|earlier)(?:\s+(?:quarter|period))?\b", _I),
    _year_ago,
    (Example("Profit rose from the year-ago quarter.", "the year-ago quarter", "DATE", "1996-Q4"),
     Example("The year-earlier results were restated.", "year-earlier", "DATE", "1997")),
    needs=("year-",))


def _the_year(m: re.Match[str], anchor: Anchor, tense: Tense) -> Normalized:
    if re.match(r"\s+end(?:ed|ing)\b", m.string[m.end():m.end() + 10], _I):
        return "DURATION", "P1Y"  # "for the year ended Sept. 30": the twelve months the report covers
    return "DATE", anchor.year(-1 if m.group("latest") else 0)


THE_YEAR = Rule(
    "the year", re.compile(r"\bthe\s+(?:full\s+|fiscal\s+|current\s+fiscal\s+|(?P<latest>latest\s+fiscal\s+)|"
                           r"entire\s+|whole\s+)?year\b(?![-\s]+(?:before|after|earlier|ago|later|\d)|-)", _I),
    _the_year,
    (Example("Sales for the full year rose.", "the full year", "DATE", "1998"),
     Example("Net income for the year ended June 30 fell.", "the year", "DURATION", "P1Y")),
    needs=("year",))

YEAR_END = Rule(
    "year-end", re.compile(r"\b(?:year[- ]end|year's\s+end)\b", _I),
    lambda m, anchor, tense: ("DATE", anchor.year()),
    (Example("The deal should close by year-end.", "year-end", "DATE", "1998"),),
    needs=("end",))


_LAST_OF = {"quarter": 4, "half": 2}  # "the final quarter", "the last half": the year's last


def _quarter(m: re.Match[str], anchor: Anchor, tense: Tense) -> Normalized:
    q = _LAST_OF["quarter"] if m.group("ord").lower() == "final" else ORDINALS[m.group("ord").lower()]
    year = m.group("year") or m.group("year_before")
    if year:
        return "DATE", f"{year}-Q{q}"
    which = m.group("which") or m.group("which_after")
    if which:
        return "DATE", f"{anchor.year({'last': -1, 'this': 0, 'next': 1}[which.lower()])}-Q{q}"
    if not anchor.day:
        return "DATE", f"XXXX-Q{q}"
    current = (anchor.day.month - 1) // 3 + 1
    year_ago = -1 if m.group("year_ago") else 0
    return "DATE", f"{anchor.year((0 if q <= current or tense > 0 else -1) + year_ago)}-Q{q}"


QUARTER = Rule(
    "quarter", re.compile(rf"\b(?:the\s+(?=(?:\S+\s+){{0,2}}(?:first|second|third|fourth|final|1st|2nd|3rd|4th)"
                          rf"\s+quarter))?"
                          rf"(?:(?P<year_before>{_YEAR})\s+|(?P<which>this|last|next)\s+year's\s+|"
                          rf"(?P<year_ago>year-(?:ago|earlier))\s+)?"
                          rf"(?:(?:first|second|third|fourth|latest|last|current|fiscal)[\s-]+)?"
                          rf"(?P<ord>first|second|third|fourth|final|1st|2nd|3rd|4th)[- ]quarter\b"
                          rf"(?:\s+of\s+(?:(?P<year>{_YEAR})|(?P<which_after>this|last|next)\s+year))?", _I), _quarter,
    (Example("Profit rose in the third quarter.", "the third quarter", "DATE", "1997-Q3"),
     Example("Sales in the first quarter of 1996 fell.", "the first quarter of 1996", "DATE", "1996-Q1"),
     # an adjective before its noun is drawn without "the" ("the third-quarter results")
     Example("The third-quarter results were poor.", "third-quarter", "DATE", "1997-Q3"),
     Example("Profit beat the 1996 third quarter.", "the 1996 third quarter", "DATE", "1996-Q3"),
     Example("Profit beat this year's first quarter.", "this year's first quarter", "DATE", "1998-Q1"),
     Example("Profit beat the year-ago fourth quarter.", "the year-ago fourth quarter", "DATE", "1996-Q4"),
     Example("Sales fell in the first quarter of last year.", "the first quarter of last year", "DATE", "1997-Q1"),
     Example("Profit rose in the final quarter of 1996.", "the final quarter of 1996", "DATE", "1996-Q4")),
    needs=("quarter",),
    tensed=True)


_OF_OTHER = re.compile(r"\s+of\s+(?!(?:the|this)\s+year\b)", _I)


def _half(m: re.Match[str], anchor: Anchor, tense: Tense) -> Normalized:
    if not m.group("year") and _OF_OTHER.match(m.string, m.end()):
        return None  # "the second half of the game", "the last half of the '80s": no half of a year
    h = 1 if m.group("ord").lower() == "first" else _LAST_OF["half"]
    return "DATE", f"{m.group('year') or anchor.year()}-H{h}"


HALF = Rule(
    "half of a year", re.compile(rf"\b(?:the\s+)?(?P<ord>first|second|last)\s+half(?:\s+of\s+(?P<year>{_YEAR}))?\b",
                                 _I),
    _half, (Example("Output grew in the first half of 1997.", "the first half of 1997", "DATE", "1997-H1"),
            Example("Earnings will fall in the last half of 1998.", "the last half of 1998", "DATE", "1998-H2")),
    needs=("half",))


_NAMED_OF = re.compile(r"\s+of\s+(?:the\s+)?[A-Z]")  # "Spring of Life", "the Autumn of the Patriarch": a name


def _season(m: re.Match[str], anchor: Anchor, tense: Tense) -> Normalized:
    year = m.group("year") or m.group("year2")
    if not year and _NAMED_OF.match(m.string, m.end()):
        return None
    season = SEASONS[(m.group("season") or m.group("season2") or m.group("bare")).lower()]
    return "DATE", f"{year or anchor.year()}-{season}"


# A season alone is the anchor year's ("spring shows signs of hope", "their Autumn meetings"); "fall" alone is far
# more often the verb or the drop.
SEASON = Rule(
    "season", re.compile(rf"\b(?:(?:this|the|early|late)\s+)(?P<season>spring|summer|fall|autumn|winter)"
                         rf"(?:\s+(?:of\s+)?(?P<year>{_YEAR}))?\b|\b(?P<season2>spring|summer|fall|autumn|winter)\s+"
                         rf"(?:of\s+)?(?P<year2>{_YEAR})\b|\b(?P<bare>spring|summer|autumn|winter)\b", _I), _season,
    (Example("Building starts this spring.", "this spring", "DATE", "1998-SP"),
     Example("The floods of summer 1993 were worse.", "summer 1993", "DATE", "1993-SU"),
     Example("Dealers say spring shows signs of hope.", "spring", "DATE", "1998-SP")),
    needs=("spring", "summer", "fall", "autumn", "winter"))

RECENT_QUARTER = Rule(
    "the latest quarter", re.compile(r"\bthe\s+(?:latest\s+|most\s+recent\s+|recent\s+)?(?:quarter|period)\b", _I),
    lambda m, anchor, tense: ("DATE", anchor.quarter(-1)),
    (Example("Earnings fell in the latest quarter.", "the latest quarter", "DATE", "1997-Q4"),),
    needs=("quarter", "period"))


# ---------------------------------------------------------------- durations and sets

# What may follow "a second" that is a span of time ("a second later", "for a second or two"); before any other
# word it is the ordinal ("a second rehab center", "a second professional victory").
_AFTER_A_SECOND = frozenset("later ago earlier before after or and of to in longer more when while the".split())


def _ordinal_second(m: re.Match[str]) -> bool:
    if m.string[m.end():m.end() + 1] in ("-", "‑"):
        return True  # "a second-place finish", "a second-term senator": an ordinal in a compound
    following = m.string[m.end():m.end() + 30].split()[:1]
    word = following[0] if following else ""
    return word[:1].isalpha() and word[:1].islower() and word.lower() not in _AFTER_A_SECOND


_MODAL_BEFORE = re.compile(r"\b(?:will|would|could|might|may|can|shall|should)\s+$", _I)
_FRACTION_OF = re.compile(r"\s+of\s+(?!an?\s+(?:century|hour|year)\b)", _I)


def _duration(m: re.Match[str], anchor: Anchor, tense: Tense) -> Normalized:
    n_text = (m.group("n") or "").lower()
    if n_text[:1].isdigit() and m.group("unit")[:1].isupper():
        return None  # "60 Minutes", "24 Hours of Le Mans": a title
    unit = m.group("unit").lower().rstrip("s")
    if unit == "second" and n_text in ("a", "one") and _ordinal_second(m):
        return None
    if unit == "day" and n_text == "one" and _MODAL_BEFORE.search(m.string, max(0, m.start() - 12), m.start()):
        return "DATE", "FUTURE_REF"  # "Islam will one day be the second religion": some day ahead, no span
    code = _UNITS[unit]
    if (_HALF.search(n_text) or m.groupdict().get("half")) and unit in _HALF_IN and _number(n_text) is not None:
        half, smaller = _HALF_IN[unit]
        prefix = "PT" if unit in _TIME_UNITS else "P"
        return "DURATION", f"{prefix}{_number(n_text)}{code}{half}{smaller}"
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
        if _FRACTION_OF.match(m.string, m.end()) and m.start("unit") - m.end("n") == 1:
            return None  # "three-quarters of the vote", "a quarter of voters": a share (not "two straight quarters of")
        if len(n) == 4:
            return None  # "the 1988 quarter": that year's quarter, no 1988 of them
        return "DURATION", f"P{n}Q"  # TimeML's quarter unit, as TimeBank and MEANTIME write "two quarters"
    prefix = "PT" if unit in _TIME_UNITS else "P"
    return "DURATION", f"{prefix}{n}{code}"


_SPAN_OPENING = r"\b(?:the\s+(?:past|last|next|first|previous|coming)\s+)?"
_NOT_AGO = r"\b(?!-old|\s+(?:ago|earlier|from now|old))"  # "three years old", "two days ago" are no durations

DURATION = Rule(
    # "the nine months" keeps its "the" (a widening in spans.py); an adjective does not: "the eight-year war"
    "duration", re.compile(rf"{_SPAN_OPENING}(?P<n>{_NUM})[- ]"
                           rf"(?:(?:more|additional|straight|consecutive|trading|full|business)\s+)?"
                           rf"(?P<unit>{_UNIT}s?)(?P<half>\s+and\s+a\s+half)?{_NOT_AGO}", _I),
    _duration,
    (Example("Talks lasted for three days.", "three days", "DURATION", "P3D"),
     Example("The siege went on for a decade.", "a decade", "DURATION", "P10Y"),
     Example("Rescuers worked for 24 hours.", "24 hours", "DURATION", "PT24H"),
     Example("Prices rose over the past six months.", "the past six months", "DURATION", "P6M"),
     Example("It took several weeks.", "several weeks", "DURATION", "PXW"),
     Example("The eight-year war ended.", "eight-year", "DURATION", "P8Y"),
     Example("Profit rose in the nine months.", "the nine months", "DURATION", "P9M"),
     Example("The economy shrank for two consecutive quarters.", "two consecutive quarters", "DURATION", "P2Q"),
     Example("The vote came two days before the deadline.", "two days", "DURATION", "P2D"),
     Example("Three days later the rebels left.", "Three days", "DURATION", "P3D"),
     Example("Shares fell for six straight days.", "six straight days", "DURATION", "P6D"),
     Example("The talks need two more weeks.", "two more weeks", "DURATION", "P2W"),
     Example("It lasted a couple of years.", "a couple of years", "DURATION", "P2Y"),
     Example("The flight took 5 1/2 hours.", "5 1/2 hours", "DURATION", "PT5H30M"),
     Example("He served 2 1/2 years.", "2 1/2 years", "DURATION", "P2Y6M"),
     Example("He served two and a half years.", "two and a half years", "DURATION", "P2Y6M"),
     Example("A minute and a half later, the pilot called.", "A minute and a half", "DURATION", "PT1M30S"),
     Example("Prices fell in the last twenty four hours.", "the last twenty four hours", "DURATION", "PT24H"),
     Example("She may one day lead the party.", "one day", "DATE", "FUTURE_REF")))


# A range of a unit is one span, worth at least its lower count: "within two to three weeks" is P2W (as TimeBank
# writes it), "the next 12 to 18 months" P12M. After "between" its ends are two ("between 60 and 90 days").
_BETWEEN = re.compile(r"\bbetween\s+$", _I)
RANGE = Rule(
    # the lookahead fails at once at almost every word (and, bounded, in linear time on any text), so the rule
    # costs little beside "duration"
    "two to three weeks", re.compile(rf"{_SPAN_OPENING}(?=\S{{1,24}}\s+to\s)(?P<n>{_NUM})\s+to\s+{_NUM}[- ]"
                                     rf"(?P<unit>{_UNIT}s?){_NOT_AGO}", _I),
    lambda m, anchor, tense: None if _BETWEEN.search(m.string, max(0, m.start() - 8), m.start()) else _duration(
        m, anchor, tense),
    (Example("Shipments resume within two to three weeks.", "two to three weeks", "DURATION", "P2W"),
     Example("It will buy more over the next 12 to 18 months.", "the next 12 to 18 months", "DURATION", "P12M")),
    needs=tuple(f" to {n}" for n in (*"123456789", *NUMBER_WORDS)))

# A duration as an adjective before a noun that is itself a span of time is one expression with it, and so is its
# article: "during its one-year term", "over a three-year period", "its 41-year history" (TimeBank and MEANTIME
# draw them so; before any other noun the adjective stands alone: "the eight-year war").
TERM = Rule(
    "one-year term", re.compile(rf"\b(?=(?:an?\s+)?\S{{1,24}}?-\w+\s+(?:term|period|history)\b)"
                                rf"(?:an?\s+)?(?P<n>{_NUM})-(?P<unit>{_UNIT})\s+(?:term|period|history)\b", _I),
    _duration,
    (Example("He owns the stock during its one-year term.", "one-year term", "DURATION", "P1Y"),
     Example("The debt is repaid over a three-year period.", "a three-year period", "DURATION", "P3Y")),
    needs=tuple(f"-{unit} {noun}" for unit in _UNITS for noun in ("term", "period", "history")))

# A report's "period" is the quarter or month it reports, written as a quarter's placeholder.
_PLACEHOLDERS = {"day": "XXXX-XX-XX", "week": "XXXX-WXX", "month": "XXXX-XX", "year": "XXXX", "quarter": "XXXX-QX",
                 "period": "XXXX-QX"}

# A date the text gave before, by its unit: "returned to Cuba later that year" (after "June 1998") is 1998, "the
# same day" the day last named. "that day" alone is as often a manner of speaking ("the losses made that day").
THAT_YEAR = Rule(
    "later that year",
    re.compile(r"\b(?:(?:earlier|later)\s+that\s+(?:same\s+)?|that\s+same\s+|the\s+same\s+)(?P<unit>day|week|month|year)\b"
               r"|\bthat\s+(?P<bare>week|month|year)\b(?!['’]s)", _I),
    lambda m, anchor, tense: ("DATE", _PLACEHOLDERS[(m.group("unit") or m.group("bare")).lower()]),
    (Example("He fled in June 1996 and returned later that year.", "later that year", "DATE", "1996"),
     Example("The report came out on March 3. Stocks rose the same day.", "the same day", "DATE", "1998-03-03"),
     Example("Sales peaked in 1988. Imports fell that year.", "that year", "DATE", "1988")),
    needs=tuple(f"{w} {u}" for w in ("that", "same") for u in ("day", "week", "month", "year")),
    refers_back=0)

# "October of that year", "early June of the same year": the month of the year the text gave before
MONTH_OF_THAT_YEAR = Rule(
    "October of that year",
    re.compile(rf"\b(?P<month>{MONTH_NAME})\s+of\s+(?:that|the\s+same)\s+year\b"),
    lambda m, anchor, tense: ("DATE", f"XXXX-{_month_number(m.group('month')):02d}"),
    (Example("Jobless claims rose in 1991 and peaked in October of that year.", "October of that year", "DATE",
             "1991-10"),),
    needs=("of that year", "of the same year"),
    refers_back=0)

SAME_A_YEAR_AGO = Rule(
    "the same month a year ago",
    re.compile(r"\bthe\s+(?:same|corresponding|comparable)\s+(?P<unit>month|quarter|period)\s+"
               r"(?:a\s+year\s+(?:ago|earlier|before)|last\s+year|of\s+(?:the\s+)?(?:last|previous)\s+year)\b", _I),
    lambda m, anchor, tense: ("DATE", _PLACEHOLDERS[m.group("unit").lower()]),
    (Example("Sales fell 35% in January from the same month a year ago.", "the same month a year ago", "DATE",
             "1997-01"),
     Example("Profit rose in the third quarter from the corresponding period last year.",
             "the corresponding period last year", "DATE", "1996-Q3")),
    needs=("same month", "same quarter", "same period", "corresponding", "comparable"),
    refers_back=-1)

PAST_DECADE = Rule(
    "the past decade", re.compile(r"\bthe\s+(?:past|last|next|coming)\s+(?P<unit>decade|century)\b", _I),
    lambda m, anchor, tense: ("DURATION", "P10Y" if m.group("unit").lower() == "decade" else "P100Y"),
    (Example("Crime fell over the past decade.", "the past decade", "DURATION", "P10Y"),),
    needs=("decade", "century"))


_MATTER_OF = re.compile(r"\bmatter\s+of\s+$", _I)


def _bare_plural(m: re.Match[str], anchor: Anchor, tense: Tense) -> Normalized:
    if _MATTER_OF.search(m.string, max(0, m.start() - 12), m.start()):
        return None  # "a matter of days": how soon, no span of them
    if m.group()[:1].isupper() and m.string[:m.start()].rstrip()[-1:].isalnum():
        return None  # capitalized after a word, not at a sentence's start: a title ("60 Minutes", "Happy Days")
    if m.group("one"):
        one = m.group("one").lower()
        return "DURATION", f"{'PT' if one in _TIME_UNITS else 'P'}1{_UNITS[one]}"
    unit = m.group("unit").lower().rstrip("s")
    if unit == "decade":
        return "DURATION", "PXY"  # decades are some number of years, as TimeBank's annotators write them
    return "DURATION", f"{'PT' if unit in _TIME_UNITS else 'P'}X{_UNITS[unit]}"


BARE_PLURAL = Rule(
    # "-long" makes an adjective of the span, drawn into it: "a decades-long feud", "a day-long meeting" (one day)
    "years, months, days", re.compile(r"\b(?:(?:the\s+)?(?:past|last|recent)\s+|several\s+|many\s+)?"
                                      r"(?:(?P<unit>years|months|weeks|days|hours|decades|minutes)(?:-long)?\b"
                                      r"(?!\s+(?:ago|earlier|later|old))|(?P<one>year|month|week|day|hour)-long\b)",
                                      _I), _bare_plural,
    (Example("The feud has lasted for years.", "years", "DURATION", "PXY"),
     Example("Crime fell in recent decades.", "recent decades", "DURATION", "PXY"),
     Example("The two sides settled a decades-long feud.", "decades-long", "DURATION", "PXY"),
     Example("They left their third day-long meeting.", "day-long", "DURATION", "P1D")),
    needs=("years", "months", "weeks", "days", "hours", "decades", "minutes", "-long"))

_SET_WORDS = {"daily": "P1D", "weekly": "P1W", "monthly": "P1M", "annually": "P1Y", "yearly": "P1Y",
              "hourly": "PT1H", "quarterly": "P3M", "nightly": "P1D"}


def _set(m: re.Match[str], anchor: Anchor, tense: Tense) -> Normalized:
    text = m.group().lower()
    following = m.string[m.end():m.end() + 30].split()[:1]
    preceding = m.string[max(0, m.start() - 30):m.start()].split()[-1:]
    name_after = bool(following) and following[0][:1].isupper()
    name_before = bool(preceding) and preceding[0][:1].isupper() and preceding[0][-1:].isalpha()
    if m.group()[:1].isupper() and (name_after or name_before):
        return None  # "the Daily News", "The Weekly Standard", "Breitbart News Daily": a name
    if text in _SET_WORDS:
        return "SET", _SET_WORDS[text]
    unit = m.group("unit")
    if unit:
        u = unit.lower()
        if u in WEEKDAYS:
            return "SET", f"XXXX-WXX-{WEEKDAYS[u]}"
        if u in MONTHS:
            return "SET", f"XXXX-{MONTHS[u]:02d}"
        if u in SEASONS:
            return "SET", f"XXXX-{SEASONS[u]}"
        return "SET", f"{'PT' if u in _TIME_UNITS else 'P'}1{_UNITS[u]}"
    return None


# "each July", "every spring": the month or season of every year (TimeML writes XXXX-07, XXXX-SP)
SET = Rule(
    "every week, annually", re.compile(rf"\b(?:every|each|per|(?:once|twice|(?:three|four|several)\s+times)\s+a)\s+"
                                       rf"(?P<unit>day|week|month|year|hour|quarter|{capitalized(WEEKDAYS)}|"
                                       rf"(?-i:{capitalized(MONTHS)})|spring|summer|fall|autumn|winter)\b|"
                                       rf"\b(?:{'|'.join(_SET_WORDS)})\b", _I), _set,
    (Example("The board meets every week.", "every week", "SET", "P1W"),
     Example("Dividends are paid annually.", "annually", "SET", "P1Y"),
     Example("The club meets every Monday.", "every Monday", "SET", "XXXX-WXX-1"),
     Example("Nurses check twice a day.", "twice a day", "SET", "P1D"),
     Example("The bands march each July.", "each July", "SET", "XXXX-07"),
     Example("The geese return every spring.", "every spring", "SET", "XXXX-SP"),
     Example("Interest is paid every quarter.", "every quarter", "SET", "P1Q")),
    needs=("every", "each", "per", "once", "twice", "times", "daily", "weekly", "monthly", "annually", "yearly",
           "hourly", "quarterly", "nightly"))


def _reference(m: re.Match[str], anchor: Anchor, tense: Tense) -> Normalized:
    word = m.group().lower()
    if word in ("now", "right now", "currently", "current", "the present", "at present", "nowadays", "these days"):
        return "DATE", "PRESENT_REF"
    if word.endswith(("future", "term", "soon")):
        return "DATE", "FUTURE_REF"
    return "DATE", "PAST_REF"


REFERENCE = Rule(
    "now, recently, the future", re.compile(r"\b(?:(?:right\s+)?now|currently|nowadays|at present|the present|"
                                            r"(?:more\s+)?recently|lately|the past|the future|"
                                            # what lies ahead without a date ("the foreseeable future" is as long
                                            # as one likes, no time)
                                            r"the\s+(?:near|short|long)\s+term|the\s+(?:near|distant)\s+future|"
                                            r"very\s+soon|these\s+days)\b"
                                            # the adjectives, TimeBank tags them too: "the current crisis"
                                            r"|\b(?:current|recent)\b(?!-)", _I),
    _reference,
    (Example("The company recently hired staff.", "recently", "DATE", "PAST_REF"),
     Example("The board is now divided.", "now", "DATE", "PRESENT_REF"),
     Example("Nobody can see the future.", "the future", "DATE", "FUTURE_REF"),
     Example("Wars were common in the past.", "the past", "DATE", "PAST_REF"),
     Example("Prices are falling right now.", "right now", "DATE", "PRESENT_REF"),
     Example("The current crisis began in May.", "current", "DATE", "PRESENT_REF"),
     Example("Growth looks weak in the near term.", "the near term", "DATE", "FUTURE_REF"),
     Example("They plan a sale in the near future.", "the near future", "DATE", "FUTURE_REF"),
     Example("Details will follow very soon.", "very soon", "DATE", "FUTURE_REF")),
    needs=("now", "current", "recent", "lately", "past", "future", "present", "days", " term", "soon"))


# ---------------------------------------------------------------- times of day

# A zone after a clock time: US and European abbreviations, "local time", "Greek time", "Moscow time".
_ZONE = r"(?:EST|EDT|CST|CDT|MST|MDT|PST|PDT|GMT|UTC|BST|CET|CEST|(?:local|[A-Z][a-z]+)\s+time)"
# A clock time: with a.m./p.m. or their words ("3:45 p.m. EST", "7 am", "4 in the morning"), or on the 24-hour clock,
# where only a zone tells it from any other number ("14:00 Greek time", "0737 GMT", "18:00 UTC").
_CLOCK = (rf"(?:(?P<h>[01]?\d|2[0-3])(?::(?P<m>[0-5]\d))?\s*"
          rf"(?P<ampm>(?i:a\.m\.|p\.m\.|am\b|pm\b|in\s+the\s+(?:morning|afternoon|evening)\b|at\s+night\b))"
          rf"(?:\s+(?P<zone>{_ZONE}))?"
          rf"|(?P<h24>[01]\d|2[0-3]):?(?P<m24>[0-5]\d)\s*(?P<zone24>{_ZONE}))")


def _clock_of(m: re.Match[str]) -> str | None:
    """"15:45", or "07:37Z" on universal time (as TimeML writes it); None for no time of day ("13 pm")."""
    if m.group("h24"):
        hour, minute, zone = int(m.group("h24")), int(m.group("m24")), m.group("zone24")
    else:
        hour, minute, zone = int(m.group("h")), int(m.group("m") or 0), m.group("zone")
        meridian = m.group("ampm").lower().replace(".", "")
        meridian = "am" if meridian.endswith("morning") else "pm" if meridian[-1:] in "nt" else meridian
        if meridian == "pm" and hour < 12:
            hour += 12
        if meridian == "am" and hour == 12:
            hour = 0
    if hour > 23 or minute > 59:
        return None
    return f"{hour:02d}:{minute:02d}{'Z' if zone in ('GMT', 'UTC') else ''}"


def _clock(m: re.Match[str], anchor: Anchor, tense: Tense) -> Normalized:
    clock = _clock_of(m)
    return None if clock is None else ("TIME", f"{anchor.shift_days(0)}T{clock}")


CLOCK = Rule(
    "clock time", re.compile(rf"\b(?=\d){_CLOCK}"), _clock,
    (Example("The quake struck at 3:45 p.m. EST.", "3:45 p.m. EST", "TIME", "1998-02-13T15:45"),
     Example("Polls open at 7 am sharp.", "7 am", "TIME", "1998-02-13T07:00"),
     Example("He will leave at 4 in the morning.", "4 in the morning", "TIME", "1998-02-13T04:00"),
     Example("The raid began at 11 at night.", "11 at night", "TIME", "1998-02-13T23:00"),
     Example("The ferry sank at 0737 GMT.", "0737 GMT", "TIME", "1998-02-13T07:37Z"),
     Example("The strike begins at 14:00 Greek time.", "14:00 Greek time", "TIME", "1998-02-13T14:00")),
    dayless=True)

def _noon(m: re.Match[str], anchor: Anchor, tense: Tense) -> Normalized:
    return "TIME", f"{anchor.shift_days(0)}T{'24:00' if m.group().lower() == 'midnight' else '12:00'}"


NOON = Rule(
    # "high noon" is a showdown (and a film), no time of day
    "noon, midnight", re.compile(r"\b(?<!high )(?<!High )(?:noon|midday|midnight)\b", _I), _noon,
    (Example("The deadline is noon.", "noon", "TIME", "1998-02-13T12:00"),
     Example("He appears in court at midday.", "midday", "TIME", "1998-02-13T12:00"),
     Example("The curfew starts at midnight.", "midnight", "TIME", "1998-02-13T24:00")),
    needs=("noon", "midday", "midnight"),
    dayless=True)


def _day_of(m: re.Match[str], anchor: Anchor, tense: Tense) -> str:
    """The date a time of day is on: a weekday, today or yesterday, or a month and day."""
    if m.group("weekday"):
        return anchor.weekday(WEEKDAYS[m.group("weekday").lower()], tense or -1)
    if m.group("deictic"):
        return anchor.shift_days({"today": 0, "yesterday": -1, "tomorrow": 1}[m.group("deictic").lower()])
    month, day, year = _month_number(m.group("month")), _day_number(m.group("day")), m.group("year")
    return f"{year}-{month:02d}-{day:02d}" if year else anchor.month_day(month, day, tense)


def _clock_on_day(m: re.Match[str], anchor: Anchor, tense: Tense) -> Normalized:
    if m.group("noon"):
        clock: str | None = "24:00" if m.group("noon").lower() == "midnight" else "12:00"
    else:
        clock = _clock_of(m)
    return None if clock is None else ("TIME", f"{_day_of(m, anchor, tense)}T{clock}")


# A time of day and the day it is on are one TIME: "10 p.m. Wednesday", "noon Thursday", "5 p.m. EST Nov. 9".
CLOCK_ON_DAY = Rule(
    "clock on a day",
    re.compile(rf"\b(?=[\dnm])(?:{_CLOCK}|(?P<noon>noon|midday|midnight))(?:,|\s+on)?\s+(?:(?P<weekday>{WEEKDAY})\b|"
               rf"(?P<deictic>today|yesterday|tomorrow)\b|(?P<month>{MONTH})\s+(?P<day>{_DAY})\b"
               rf"(?:,?\s+(?P<year>{_YEAR})\b)?)"),
    _clock_on_day,
    (Example("The polls will close at 10 p.m. Wednesday.", "10 p.m. Wednesday", "TIME", "1998-02-18T22:00"),
     Example("The shooting began at noon Thursday.", "noon Thursday", "TIME", "1998-02-12T12:00"),
     Example("Bids are due by 5 p.m. EST Nov. 9.", "5 p.m. EST Nov. 9", "TIME", "1998-11-09T17:00"),
     Example("The launch was set for 16:00 UTC today.", "16:00 UTC today", "TIME", "1998-02-13T16:00Z")),
    tensed=True)


def _date_and_time(m: re.Match[str], anchor: Anchor, tense: Tense) -> Normalized:
    clock = _clock_of(m)
    if clock is None:
        return None
    month, day = _month_number(m.group("month")), _day_number(m.group("day"))
    return "TIME", f"{m.group('year')}-{month:02d}-{day:02d}T{clock}"


# A dateline's or a page's timestamp: the date and the time after it are one TIME, on that date.
DATE_AND_TIME = Rule(
    "date and time",
    re.compile(rf"\b(?=[A-Z])(?:{_WEEKDAY_ANY},?\s+)?(?P<month>{_MONTH_ANY})\s+(?P<day>{_DAY}),?\s+(?P<year>{_YEAR})"
               rf"(?:,|\s+at)?\s+{_CLOCK}"),
    _date_and_time,
    (Example("Posted June 13, 2013 4:59 PM EDT.", "June 13, 2013 4:59 PM EDT", "TIME", "2013-06-13T16:59"),
     Example("PUBLISHED: THURSDAY, MAY 2, 2013, 1:32 PM", "THURSDAY, MAY 2, 2013, 1:32 PM", "TIME",
             "2013-05-02T13:32", "2013-05-03"),
     Example("Updated Fri., May. 3, 2013 11:45 AM PDT.", "Fri., May. 3, 2013 11:45 AM PDT", "TIME",
             "2013-05-03T11:45")))


# ---------------------------------------------------------------- holidays

def _holiday(m: re.Match[str], anchor: Anchor, tense: Tense) -> Normalized:
    """The holiday's date in the year the tense points to (last Thanksgiving, this Christmas)."""
    which = (m.group("which") or "").lower()
    when = HOLIDAYS[" ".join(m.group("name").lower().replace("’", "'").split())]
    month = when[0]
    if len(when) == 2:
        day = when[1]
    else:  # the nth weekday of the month, in the year the date falls in
        weekday, n = -when[1], when[2]
        year = int(anchor.month_day(month, 1, -1 if which == "last" else tense)[:4]) if anchor.day else None
        if year is None:
            return "DATE", f"XXXX-{month:02d}-XX"
        first = (weekday - date(year, month, 1).isoweekday()) % 7 + 1
        day = first + 7 * (n - 1)
        return "DATE", f"{year:04d}-{month:02d}-{day:02d}"
    if which == "last":
        return "DATE", anchor.month_day(month, day, -2)
    return "DATE", anchor.month_day(month, day, tense)


_HOLIDAY_NAMES = "|".join(sorted((re.escape(h).replace("'", "['’]").replace(r"\ ", r"\s+") for h in HOLIDAYS),
                                 key=len, reverse=True))
HOLIDAY = Rule(
    "holiday", re.compile(rf"\b(?:(?P<which>last|this|next)\s+)?(?P<name>{_HOLIDAY_NAMES})\b", _I), _holiday,
    (Example("Elian was found on Thanksgiving Day.", "Thanksgiving Day", "DATE", "1999-11-25", "2000-01-07"),
     Example("He was rescued last Thanksgiving.", "last Thanksgiving", "DATE", "1999-11-25", "2000-04-03"),
     Example("Shops open again after Christmas.", "Christmas", "DATE", "1997-12-25", "1998-01-05")),
    needs=("day", "eve", "christmas", "halloween", "thanksgiving"),
    tensed=True)


RULES: tuple[Rule, ...] = (
    MONTH_DAY, DAY_MONTH, NUMERIC_DATE, DOTTED_DATE, ISO_DATE, MONTH_YEAR, MAY, YEAR, DECADE, SPELLED_DECADE, CENTURY,
    WEEKDAY_RULE, NAMED_DAY, NAMED_WEEKDAY, NAMED_MONTH, WEEK_OF, WEEK_OF_MONTH, THE_WEEKEND, EARLIER_IN_THE_DAY,
    DEICTIC, PART_OF_DAY, MID_PART, RELATIVE_UNIT, EARLIER_THIS, END_OF, AGO, YEAR_AGO, THE_YEAR, YEAR_END, QUARTER,
    HALF, SEASON, RECENT_QUARTER, DURATION, RANGE, TERM, THAT_YEAR, MONTH_OF_THAT_YEAR, SAME_A_YEAR_AGO, PAST_DECADE,
    BARE_PLURAL, SET, REFERENCE, CLOCK, NOON, CLOCK_ON_DAY, DATE_AND_TIME, HOLIDAY, SPELLED_YEAR)
