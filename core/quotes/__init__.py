"""Quotes: who the article reports as saying what, direct and reported, each speaker named.

Rules, not a model: quotation marks are paired per paragraph, reported speech is found around the cue verbs of
news writing, and speakers are resolved to the fullest name the article uses ("he" to the most recent compatible
speaker or subject, "Kim" to "Kim Jong-un"). A quote with the wrong speaker is worse than none, so a quote whose
speaker cannot be found keeps `speaker=None` rather than a guess.

The modules are the stages, each using only those before it: quote (the result), marks, patterns, checks,
resolver, reported, direct, assembly (find_quotes). A cue verb is a row in core/vocabulary/cue_verbs.py; a
speaker's group head ("officials", "a spokeswoman") is in patterns.py.
"""

from core.quotes.assembly import find_quotes
from core.quotes.quote import Quote

__all__ = ["Quote", "find_quotes"]
