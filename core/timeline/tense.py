"""Whether an expression speaks of the past or the future: a weekday or a date written without its year falls on
the side of the anchor its verb points to ("resigned on Wednesday" is last Wednesday, "will meet on Thursday"
the coming one).

The verb that decides is the one nearest the expression in its sentence, not the sentence's first: in
"prosecutors had said late Thursday that the trial will open in June" Thursday is past (had said) and June is
future (will open). A verb cue is matched as a whole phrase, so "will be released" is one future cue and its
participle no past one ("expected to see lower temperatures by Saturday" is ahead). "by" or "until" right
before the expression is a deadline, ahead, unless the nearest verb is a past perfect ("had filed reports by
Wednesday", "until Thursday they had not called him"). Adverbs ("ago", "next", "tomorrow") decide only where
no verb does."""

from __future__ import annotations

import re
from dataclasses import dataclass

Tense = int  # -1 past, +1 future, 0 when the sentence does not say; -2 and +2 when the verb stands right before
ADJACENT = 2  # the tense of a verb right before the expression ("arrested on June 8"), not just near it
_ADJACENT_CHARS = 4  # at most a preposition between: "said on", "died in"

_PAST_VERBS = ("said|says?|was|were|did|began|took|made|came|went|saw|told|fell|rose|won|lost|met|left|held|gave|"
               "got|found|sent|struck|broke|paid|sold|led|ran|spoke|wrote|grew|knew|became|brought|thought|kept|"
               "stood|hit|\\w+ed")
# Future phrases stand first, so the participle of "will be released" or "is expected to be named" is read
# with its auxiliary; "had" takes its participle with it (the past perfect).
_VERB = re.compile(
    r"\b(?P<future>(?:will|shall|'ll)(?:\s+not)?(?:\s+(?:be|have|have\s+been))?(?:\s+\w+)?"
    r"|(?:may|might|should)(?:\s+not)?\s+be\s+\w+|to\s+be\s+\w+"
    r"|(?:is|are|was|were)\s+(?:expected|scheduled|due|set|going|planning|slated)\s+to(?:\s+be)?(?:\s+\w+)?"
    r"|(?:expects?|plans?|planned|intends?|set)\s+(?:to|for)(?:\s+be)?(?:\s+\w+)?"
    r"|(?:expected|scheduled|slated|due)\s+(?:to|for|in|on|by)(?:\s+be)?(?:\s+\w+)?"
    r"|going\s+to)\b"
    rf"|\b(?P<perfect>had(?:\s+(?:not|been))?(?:\s+\w+)?)\b|\b(?P<past>{_PAST_VERBS})\b", re.IGNORECASE)
_ADVERB = re.compile(r"\b(?P<future>next|tomorrow|upcoming|coming|later)\b"
                     r"|\b(?P<past>ago|last|earlier|yesterday|previously|recently)\b", re.IGNORECASE)
_DEADLINE = re.compile(r"\b(?:by|until|till|as\s+soon\s+as|(?:extended|postponed|delayed|moved|put\s+off)\s+to)"
                       r"\s+(?:the\s+)?$", re.IGNORECASE)


@dataclass(frozen=True, slots=True)
class _Cue:
    start: int  # in the sentence
    end: int
    tense: Tense
    perfect: bool = False  # "had filed": before a past moment, so a deadline with it is past too


def _cues(pattern: re.Pattern[str], sentence: str) -> tuple[_Cue, ...]:
    return tuple(_Cue(m.start(), m.end(), 1 if m.group("future") else -1, bool(m.groupdict().get("perfect")))
                 for m in pattern.finditer(sentence))


def _nearest(cues: tuple[_Cue, ...], start: int, end: int) -> _Cue | None:
    """The cue nearest [start, end); cues inside the expression are its own words, no verb's."""
    best, best_distance = None, -1
    for cue in cues:
        distance = start - cue.end if cue.end <= start else cue.start - end if cue.start >= end else -1
        if distance >= 0 and (best_distance < 0 or distance < best_distance):
            best, best_distance = cue, distance
    return best


@dataclass(frozen=True, slots=True)
class TenseCues:
    """The tense cues of one sentence, read once however many expressions it holds."""

    sentence: str
    verbs: tuple[_Cue, ...]
    adverbs: tuple[_Cue, ...]

    @classmethod
    def of(cls, sentence: str) -> TenseCues:
        return cls(sentence, _cues(_VERB, sentence), _cues(_ADVERB, sentence))

    def at(self, start: int, end: int) -> Tense:
        """-1 when the expression at [start, end) of the sentence speaks of the past, +1 of the future, 0 when
        the sentence does not say; doubled when its verb stands right before it."""
        verb = _nearest(self.verbs, start, end)
        if _DEADLINE.search(self.sentence, max(0, start - 24), start):
            return -1 if verb and verb.perfect else 1
        if verb:
            adjacent = verb.end <= start and len(self.sentence[verb.end:start].strip()) <= _ADJACENT_CHARS
            return verb.tense * (ADJACENT if adjacent else 1)
        adverb = _nearest(self.adverbs, start, end)
        return adverb.tense if adverb else 0


def tense_of(sentence: str) -> Tense:
    """The tense of a sentence as a whole: of its first verb cue, else of its first adverb."""
    cues = TenseCues.of(sentence)
    first = (cues.verbs or cues.adverbs)[:1]
    return first[0].tense if first else 0
