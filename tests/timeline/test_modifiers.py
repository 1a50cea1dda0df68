"""TimeML's mod from a qualifying word: the span holds the word as TimeBank draws it, the value stays the quantity's,
the dashboard says "about"."""

import pytest

from core.text import Document
from core.timeline import find_timeline


def _found(sentence: str) -> dict[str, tuple[str, str]]:
    return {e.text: (e.value, e.mod) for e in find_timeline(Document(sentence), "2016-05-03")}


@pytest.mark.parametrize(("sentence", "span", "value", "mod"), [
    ("The talks lasted about eight months, and then they broke down.", "about eight months", "P8M", "APPROX"),
    ("The strike has gone on for more than 30 days now.", "more than 30 days", "P30D", "MORE_THAN"),
    ("She was held for nearly a year without charge.", "nearly a year", "P1Y", "LESS_THAN"),
    ("The talks lasted eight months.", "eight months", "P8M", ""),
    ("Prices rose over the past two years, the bank said.", "the past two years", "P2Y", ""),
])
def test_the_modifier_before_an_expression_is_its_mod(sentence, span, value, mod):
    assert _found(sentence)[span] == (value, mod)


@pytest.mark.parametrize(("text", "start", "mod"), [
    ("for nearly two years", len("for "), "LESS_THAN"),  # the span opens with the word
    ("for nearly two years", len("for nearly "), "LESS_THAN"),  # the word stands before the span
    ("over the past two years", len("over "), ""),
    ("for two years", len("for "), ""),
])
def test_the_word_may_open_the_span_or_stand_before_it(text, start, mod):
    from core.timeline.modifier import modifier

    assert modifier(text, start) == mod
