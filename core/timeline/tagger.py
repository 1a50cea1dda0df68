"""The tagger: every rule over the text, the longest match kept where matches overlap, each value resolved against
the anchor in the tense of its sentence."""

from __future__ import annotations

from dataclasses import dataclass

from core.text import Document, Sentence
from core.timeline.anchor import Anchor
from core.timeline.expression import TimeExpression, TimexType
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
    expressions = []
    for f in found:
        sentence = doc.sentence_at(f.start)
        event = " ".join(doc.sentence_text(sentence).split()) if sentence else ""
        expressions.append(TimeExpression(doc.text[f.start:f.end], f.start, f.end, f.type, f.value, event))
    resolved = sorted((e for e in expressions if e.resolved), key=lambda e: (e.value, e.start))
    return resolved + [e for e in expressions if not e.resolved]


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
    chosen: list[_Found] = []
    for c in sorted(candidates, key=lambda c: (-(c.end - c.start), c.start)):
        if all(c.end <= o.start or c.start >= o.end for o in chosen):
            chosen.append(c)
    return sorted(chosen, key=lambda c: c.start)
