"""The tagger: every rule over the text, the longest match kept where matches overlap, each value resolved against
the anchor in the tense of its sentence."""

from __future__ import annotations

from bisect import bisect_right
from dataclasses import dataclass

from core.text import Document, Sentence
from core.timeline.anchor import Anchor
from core.timeline.expression import TimeExpression, TimexType
from core.timeline.modifier import modifier
from core.timeline.rules import RULES, Rule
from core.timeline.tense import Tense, tense_of


@dataclass(frozen=True, slots=True)
class _Found:
    start: int
    end: int
    type: TimexType
    value: str


def find_timeline(doc: Document, published: str | None = None,
                  rules: tuple[Rule, ...] = RULES) -> list[TimeExpression]:
    """Temporal expressions sorted chronologically where resolvable, then the unresolved ones in text order."""
    found = _tag(doc, Anchor(published), rules)
    events: dict[int, str] = {}  # one string per sentence, shared by the expressions in it
    expressions = []
    for f in found:
        sentence = doc.sentence_at(f.start)
        expressions.append(TimeExpression(doc.text[f.start:f.end], f.start, f.end, f.type, f.value,
                                          _event(doc, sentence, f, events), modifier(doc.text, f.start)))
    resolved = sorted((e for e in expressions if e.resolved), key=lambda e: (e.value, e.start))
    return resolved + [e for e in expressions if not e.resolved]


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
    tenses: dict[int, Tense] = {}
    for rule in rules:
        for m in rule.pattern.finditer(doc.text):
            sentence = doc.sentence_at(m.start())
            key = sentence.start if sentence else -1
            if key not in tenses:
                tenses[key] = _tense(doc, sentence)
            value = rule.normalize(m, anchor, tenses[key])
            if value is not None:
                kind, normalized = value
                candidates.append(_Found(m.start(), m.end(), kind, normalized))
    return _longest_first(candidates)


def _tense(doc: Document, sentence: Sentence | None) -> Tense:
    return 0 if sentence is None else tense_of(doc.sentence_text(sentence))


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
