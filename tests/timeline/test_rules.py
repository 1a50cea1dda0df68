"""Every timeline rule carries its own examples, and each one holds: the rule alone tags the span with its type
and value, and so does the whole tagger (no other rule takes the span from it)."""

import pytest

from core.text import Document
from core.timeline import find_timeline
from core.timeline.rules import RULES, Example, Rule


def found(example: Example, rules: tuple[Rule, ...] = RULES) -> list[tuple[str, str, str]]:
    return [(e.text, e.type, e.value) for e in find_timeline(Document(example.sentence), example.published, rules)]


@pytest.mark.parametrize("rule", RULES, ids=lambda r: r.name)
def test_every_rule_has_examples(rule):
    assert rule.examples, f"rule {rule.name!r} has no example"


@pytest.mark.parametrize(("rule", "example"), [(r, e) for r in RULES for e in r.examples],
                         ids=lambda x: x.name if isinstance(x, Rule) else x.sentence)
def test_every_example_of_every_rule(rule, example):
    expected = (example.span, example.type, example.value)
    assert expected in found(example, (rule,)), f"rule {rule.name!r} alone"
    assert expected in found(example), "the whole tagger"


def test_rule_names_are_unique():
    assert len({r.name for r in RULES}) == len(RULES)
