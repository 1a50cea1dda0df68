"""Timeline: every date and time expression, normalized to TimeML TIMEX3 values and resolved against the
publication date, with the sentence (the event) it dates.

A rule tagger written for news: patterns for the forms news writes dates in, spans drawn as TempEval-3 draws them
(no "on" or "since", no trailing punctuation), and relative expressions resolved against the anchor. With no anchor
a relative value keeps X placeholders rather than a guess.

Modules, in the order they depend on one another: expression (the result type), anchor (the publication date and
its arithmetic), tense (past or future of a sentence), rules (each rule: pattern, normalizer, examples), tagger
(runs the rules, keeps the longest). A new date form is a Rule in rules.py; the words it is built of (months,
weekdays, number words) live in core/vocabulary.
"""

from core.timeline.expression import TimeExpression
from core.timeline.tagger import find_timeline

__all__ = ["TimeExpression", "find_timeline"]
