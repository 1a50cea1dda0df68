"""Closed classes of English words: the grammar around names and verbs rather than the content."""

from __future__ import annotations

AUXILIARIES = frozenset(
    "is are was were be been being will would can could should must may might has have had do does did "
    "won't can't didn't doesn't isn't wasn't aren't weren't hasn't haven't wouldn't shouldn't".split())
COORDINATORS = ("and", "but", "or", "so", "yet")
PERSONAL_PRONOUNS = frozenset({"he", "she", "they", "it", "we", "i", "him", "her", "them", "us", "me"})
QUANTIFIERS = frozenset("one two three four five six seven eight nine ten several many few all both each every "
                        "some any no other these those such".split())
