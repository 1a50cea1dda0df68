"""Whether a sentence speaks of the past or the future: a weekday or a date written without its year falls on
the side of the anchor its sentence points to ("resigned on Wednesday" is last Wednesday)."""

from __future__ import annotations

import re

Tense = int  # -1 past, +1 future, 0 when the sentence does not say

_PAST = re.compile(r"\b(?:said|was|were|had|did|ago|last|earlier|yesterday|began|took|made|came|went|saw|told|"
                   r"fell|rose|won|lost|met|left|held|gave|got|found|sent|struck|broke|paid|sold|led|ran|spoke|"
                   r"wrote|grew|knew|became|brought|thought|kept|stood|hit|put|set|cut|\w+ed)\b", re.IGNORECASE)
_FUTURE = re.compile(r"\b(?:will|would|shall|going to|next|plans?|expects?|scheduled|due|is to|are to|tomorrow|"
                     r"upcoming|coming)\b", re.IGNORECASE)


def tense_of(sentence: str) -> Tense:
    """-1 when the sentence speaks of the past, +1 of the future, 0 when it does not say."""
    if _FUTURE.search(sentence):
        return 1
    if _PAST.search(sentence):
        return -1
    return 0
