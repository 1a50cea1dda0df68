"""The tagger: every rule over the text, the longest match kept where matches overlap, each value resolved against
the anchor in the tense of its sentence."""

from __future__ import annotations

import re
from bisect import bisect_left, bisect_right
from dataclasses import dataclass
from datetime import date

from core.text import Document, Sentence
from core.timeline.anchor import Anchor
from core.timeline.expression import TimeExpression, TimexType
from core.timeline.modifier import modifier
from core.timeline.rules import RULES, Rule
from core.timeline.spans import EXTENSIONS, WIDENINGS
from core.timeline.tense import TenseCues


@dataclass(frozen=True, slots=True)
class _Found:
    start: int
    end: int
    type: TimexType
    value: str
    rule: str


def find_timeline(doc: Document, published: str | None = None,
                  rules: tuple[Rule, ...] = RULES) -> list[TimeExpression]:
    """Temporal expressions sorted chronologically where resolvable, then the unresolved ones in text order."""
    found = _tag(doc, Anchor(published), rules)
    events: dict[int, str] = {}  # one string per sentence, shared by the expressions in it
    expressions = []
    for f in found:
        sentence = doc.sentence_at(f.start) or _lead_after(doc, f.end)
        expressions.append(TimeExpression(doc.text[f.start:f.end], f.start, f.end, f.type, f.value,
                                          _event(doc, sentence, f, events), modifier(doc.text, f.start)))
    resolved = sorted((e for e in expressions if e.resolved), key=lambda e: (e.value, e.start))
    return resolved + [e for e in expressions if not e.resolved]


def _lead_after(doc: Document, offset: int) -> Sentence | None:
    """The sentence a dateline dates ("PARIS, Aug 31 (Reuters) - ..."): the splitter leaves the dateline out of
    every sentence, and the lead right after it on the same line is the event its date is for."""
    i = bisect_left(doc.sentences, offset, key=lambda s: s.start)
    if i < len(doc.sentences) and "\n" not in doc.text[offset:doc.sentences[i].start]:
        return doc.sentences[i]
    return None


EVENT_MAX_CHARS = 1000  # the longest sentence of the evaluation sets is 853 characters


def _event(doc: Document, sentence: Sentence | None, f: _Found, events: dict[int, str]) -> str:
    """The sentence an expression dates, spaces folded. A "sentence" of more than EVENT_MAX_CHARS (a text with
    no full stops) is cut to the words around the expression, so thousands of dates in it do not each carry a
    copy of the whole text."""
    if sentence is None:
        return ""
    if sentence.end - sentence.start <= EVENT_MAX_CHARS:
        if sentence.start not in events:
            events[sentence.start] = " ".join(doc.sentence_text(sentence).split())
        return events[sentence.start]
    half = EVENT_MAX_CHARS // 2
    start, end = max(sentence.start, f.start - half), min(sentence.end, f.end + half)
    words = doc.text[start:end].split()
    if start > sentence.start and not doc.text[start - 1].isspace():
        words = words[1:]  # a word cut in two
    if end < sentence.end and not doc.text[end].isspace():
        words = words[:-1]
    return " ".join(["…"] * (start > sentence.start) + words + ["…"] * (end < sentence.end))


def _tag(doc: Document, anchor: Anchor, rules: tuple[Rule, ...]) -> list[_Found]:
    candidates: list[_Found] = []
    cues: dict[int, TenseCues] = {}  # one reading of each sentence's verbs, shared by its expressions
    lowered = doc.text.lower()
    for rule in rules:
        if rule.needs and not any(word in lowered for word in rule.needs):
            continue
        for m in rule.pattern.finditer(doc.text):
            # A rule may draw its span narrower than its match ("earlier in [the day]"): the group "span".
            a, b = m.span("span") if "span" in rule.pattern.groupindex else m.span()
            tense = 0
            if rule.tensed:
                sentence = doc.sentence_at(a)
                start = sentence.start if sentence else 0
                if start not in cues:
                    cues[start] = TenseCues.of(doc.sentence_text(sentence) if sentence else "")
                tense = cues[start].at(a - start, b - start)
            value = rule.normalize(m, anchor, tense)
            if value is not None:
                kind, normalized = value
                candidates.append(_Found(a, b, kind, normalized, rule.name))
    chosen = _on_named_days(doc, _longest_first(candidates), {r.name for r in rules if r.dayless})
    return _widened(doc.text, _referred_back(chosen, {r.name: r.refers_back for r in rules
                                                      if r.refers_back is not None}))


# What an expression referring back takes from the dates before it, by its placeholder, in order of preference: a
# quarter's stands for a report's period too, the quarter named before, else the month.
_MONTH = re.compile(r"(\d{4}-\d\d)(?:-|$)")
_BY_UNIT = {"XXXX": (re.compile(r"(\d{4})"),), "XXXX-XX": (_MONTH,), "XXXX-XX-XX": (re.compile(r"(\d{4}-\d\d-\d\d)"),),
            "XXXX-QX": (re.compile(r"(\d{4}-Q\d)"), _MONTH),
            "XXXX-WXX": (re.compile(r"(\d{4}-W\d\d)|(\d{4}-\d\d-\d\d)"),)}


def _referred_back(chosen: list[_Found], years_back: dict[str, int]) -> list[_Found]:
    """An expression naming a date the text gave before it ("later that year", "the same day") takes the nearest
    date before it that is as fine as its unit, cut to the unit ("the same month a year ago": and a year before);
    with none it keeps its X placeholder."""
    if not years_back or not any(f.rule in years_back for f in chosen):
        return chosen
    out: list[_Found] = []
    for f in chosen:
        if f.rule in years_back:
            # a month of that year ("XXXX-10") takes the year alone and keeps its month
            unit = f.value if f.value in _BY_UNIT else "XXXX"
            found = next((m for pattern in _BY_UNIT[unit] for before in reversed(out)
                          if before.type in ("DATE", "TIME") and (m := pattern.match(before.value))), None)
            if found:
                value = _iso_week(found.group(2)) if found.lastindex == 2 else found.group(1)
                rest = value[4:] if unit == f.value else f.value[4:]
                f = _Found(f.start, f.end, f.type, f"{int(value[:4]) + years_back[f.rule]:04d}{rest}", f.rule)
        out.append(f)
    return out


def _iso_week(day: str) -> str:
    year, week, _ = date.fromisoformat(day).isocalendar()
    return f"{year:04d}-W{week:02d}"


_DAY_VALUE = re.compile(r"\d{4}-\d\d-\d\d(?:T|$)")  # a DATE that names one day, or a TIME on a day it names


def _on_named_days(doc: Document, chosen: list[_Found], dayless: set[str]) -> list[_Found]:
    """A time of day written without its date ("the blast came at 10:35 a.m.") is on the day its sentence names
    ("Friday", "yesterday", "Oct. 23", "4 a.m. Thursday"), the nearest one, rather than the anchor's: a news story
    dates an event once and times it in passing. The nearest day before and after each expression are found by
    bisection, so a sentence of thousands of times stays linear."""
    if not dayless:
        return chosen
    days = [i for i, f in enumerate(chosen) if f.rule not in dayless and _DAY_VALUE.match(f.value)]
    if not days:
        return chosen
    out = list(chosen)
    for i, f in enumerate(chosen):
        if f.rule not in dayless or f.value[:1] == "X":
            continue
        sentence = doc.sentence_at(f.start)
        if sentence is None:
            continue
        j = bisect_right(days, i)
        near = [chosen[days[k]] for k in (j - 1, j) if 0 <= k < len(days)]
        near = [d for d in near if sentence.start <= d.start and d.end <= sentence.end]
        if near:
            day = min(near, key=lambda d: min(abs(d.start - f.end), abs(f.start - d.end))).value[:10]
            out[i] = _Found(f.start, f.end, f.type, day + f.value[10:], f.rule)
    return out


def _longest_first(candidates: list[_Found]) -> list[_Found]:
    """The longest candidates that overlap no longer (or earlier) one, in text order. The chosen spans never
    overlap, so a candidate is checked against its two neighbours among them, not against all of them."""
    chosen: list[_Found] = []
    starts: list[int] = []
    for c in sorted(candidates, key=lambda c: (-(c.end - c.start), c.start)):
        i = bisect_right(starts, c.start)
        if (i == 0 or chosen[i - 1].end <= c.start) and (i == len(chosen) or c.end <= starts[i]):
            chosen.insert(i, c)
            starts.insert(i, c.start)
    return chosen


_WIDENING_REACH = 40  # characters before an expression its words are looked for in ("no more than", "the end of")


def _widened(text: str, chosen: list[_Found]) -> list[_Found]:
    """Each expression with the words before it and after it that TimeML draws into its span, as far as the
    expressions beside it."""
    out: list[_Found] = []
    for i, f in enumerate(chosen):
        start, end = f.start, f.end
        floor = out[-1].end if out else 0
        for widening in WIDENINGS:
            if f.rule not in widening.rules or not widening.expression.match(text, f.start):
                continue
            m = widening.before.search(text, max(floor, start - _WIDENING_REACH), start)
            if m:
                start = m.start()
        ceiling = chosen[i + 1].start if i + 1 < len(chosen) else len(text)
        for extension in EXTENSIONS:
            after = extension.after.match(text, end) if f.rule in extension.rules else None
            if after and after.end() <= ceiling:
                end = after.end()
        out.append(_Found(start, end, f.type, f.value, f.rule) if (start, end) != (f.start, f.end) else f)
    return out
