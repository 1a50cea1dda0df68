"""Timeline: every date and time expression, normalized to TimeML TIMEX3 values and resolved against the
publication date, with the sentence (the event) it dates.

A rule tagger written for news: patterns for the forms news writes dates in, spans drawn as TimeML draws them
(with "nearly" or "early", without "on" or "since", no trailing punctuation), and relative expressions resolved
against the anchor. With no anchor
a relative value keeps X placeholders rather than a guess.

Modules, in the order they depend on one another: expression (the result type), anchor (the publication date and
its arithmetic), tense (past or future of an expression, from the verb nearest it), rules (each rule: pattern,
normalizer, examples), spans (words before an expression drawn into its span: "nearly", "early", "the end of"),
modifier (TimeML's mod from such a word), tagger (runs the rules, keeps the longest, puts a time of day written
without its date on the day its sentence names, fills "later that year" from the date before it, widens the
spans). A new date form is a Rule in rules.py; the words it is built of (months, weekdays, number words) live in
core/vocabulary.
"""

from core.timeline.expression import TimeExpression
from core.timeline.tagger import find_timeline

__all__ = ["TimeExpression", "find_timeline"]
