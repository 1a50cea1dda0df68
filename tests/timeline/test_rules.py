"""Every timeline rule carries its own examples, and each one holds: the rule alone tags the span with its type
and value (one referring back to an earlier date, with its placeholder), and so does the whole tagger (no other
rule takes the span from it). Every widening's examples hold through the whole tagger, and every widening names
rules that exist."""

import pytest

from core.text import Document
from core.timeline import find_timeline
from core.timeline.rules import RULES, Example, Rule
from core.timeline.spans import EXTENSIONS, WIDENINGS, Extension, Widening


def found(example: Example, rules: tuple[Rule, ...] = RULES) -> list[tuple[str, str, str]]:
    return [(e.text, e.type, e.value) for e in find_timeline(Document(example.sentence), example.published, rules)]


@pytest.mark.parametrize("rule", RULES, ids=lambda r: r.name)
def test_every_rule_has_examples(rule):
    assert rule.examples, f"rule {rule.name!r} has no example"


@pytest.mark.parametrize(("rule", "example"), [(r, e) for r in RULES for e in r.examples],
                         ids=lambda x: x.name if isinstance(x, Rule) else x.sentence)
def test_every_example_of_every_rule(rule, example):
    expected = (example.span, example.type, example.value)
    if rule.refers_back is None:
        assert expected in found(example, (rule,)), f"rule {rule.name!r} alone"
    else:  # alone, no rule tags the date it refers back to: its span with its unit's placeholder
        assert any(span == example.span and kind == example.type and value.startswith("XXXX")
                   for span, kind, value in found(example, (rule,))), f"rule {rule.name!r} alone"
    assert expected in found(example), "the whole tagger"


@pytest.mark.parametrize("rule", [r for r in RULES if r.needs], ids=lambda r: r.name)
def test_what_a_rule_needs_is_in_every_example(rule):
    for example in rule.examples:
        assert any(word in example.span.lower() for word in rule.needs), example.span


@pytest.mark.parametrize("rule", [r for r in RULES if not r.tensed], ids=lambda r: r.name)
def test_a_rule_not_marked_tensed_reads_no_tense(rule):
    """The tagger gives such a rule tense 0 without reading the verbs: its values must not depend on it."""
    from core.timeline.anchor import Anchor

    for example in rule.examples:
        anchor = Anchor(example.published)
        for m in rule.pattern.finditer(example.sentence):
            assert len({rule.normalize(m, anchor, tense) for tense in (-2, -1, 0, 1, 2)}) == 1, example.sentence


def test_every_rule_defined_is_run():
    from core.timeline import rules

    defined = {name for name, value in vars(rules).items() if isinstance(value, Rule)}
    assert defined == {name for name, value in vars(rules).items() if isinstance(value, Rule) and value in RULES}


def test_rule_names_are_unique():
    assert len({r.name for r in RULES}) == len(RULES)


# the words a span is widened by, before it (Widening) or after it (Extension): each has examples, names real
# rules, and its examples come out of the whole tagger as written
SPAN_CHANGES = (*WIDENINGS, *EXTENSIONS)


@pytest.mark.parametrize("change", SPAN_CHANGES, ids=lambda c: c.name)
def test_every_widening_and_extension_has_examples_and_changes_real_rules(change):
    assert change.examples, f"{change.name!r} has no example"
    assert change.rules <= {r.name for r in RULES}, change.rules - {r.name for r in RULES}


@pytest.mark.parametrize(("change", "example"), [(c, e) for c in SPAN_CHANGES for e in c.examples],
                         ids=lambda x: x.name if isinstance(x, Widening | Extension) else x.sentence)
def test_every_example_of_every_widening_and_extension(change, example):
    assert (example.span, example.type, example.value) in found(example)
