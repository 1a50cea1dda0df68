"""Whether an expression speaks of the past or the future: a weekday or a date written without its year falls on
the side of the anchor its verb points to ("resigned on Wednesday" is last Wednesday, "will meet on Thursday"
the coming one).

The verb that decides is the one nearest the expression in its sentence, not the sentence's first: in
"prosecutors had said late Thursday that the trial will open in June" Thursday is past (had said) and June is
future (will open). A verb cue is matched as a whole phrase, so "will be released" is one future cue and its
participle no past one ("expected to see lower temperatures by Saturday" is ahead). "by" or "until" right
before the expression is a deadline, ahead, unless the nearest verb is a past perfect ("had filed reports by
Wednesday", "until Thursday they had not called him"); "since" is a start, behind ("on patrol since March").
Adverbs ("ago", "next", "tomorrow") decide only where no verb does."""

from __future__ import annotations

import re
from bisect import bisect_left, bisect_right
from dataclasses import dataclass

Tense = int  # -1 past, +1 future, 0 when the sentence does not say; -2 and +2 when the verb stands right before
ADJACENT = 2  # the tense of a verb right before the expression ("arrested on June 8"), not just near it
_ADJACENT_CHARS = 4  # at most a preposition between: "said on", "died in"

_NOT_PAST = ("need", "speed", "indeed", "proceed", "exceed", "succeed", "feed", "seed", "breed", "deed", "hundred",
             "kindred", "red", "bed", "shed", "wed", "bred", "sacred", "naked", "wicked", "rugged", "wretched")
_PAST_VERBS = ("said|says?|was|were|did|began|took|made|came|went|saw|told|fell|rose|won|lost|met|left|held|gave|"
               "got|found|sent|struck|broke|paid|sold|led|ran|spoke|wrote|grew|knew|became|brought|thought|kept|"
               # a regular past: a lower-case word in -ed that is no verb's past ("need", "hundred") nor a name
               # ("United")
               "stood|hit|tore|shot|threw|drove|flew|chose|fought|caught|taught|bought|sought|felt|heard|built|sat|"
               "wore|rode|hung|fled|swore|woke|sank|sang|stole|shook|hid|dealt|meant|withdrew|overcame|upheld|"
               "(?-i:(?!(?:" + "|".join(_NOT_PAST) + ")\\b)[a-z]{2,}ed)")
# The irregular participles a present perfect takes ("has won", "have held"); the regular ones end in -ed.
_PARTICIPLES = (r"(?:done|gone|seen|taken|given|made|said|told|found|held|met|left|won|lost|run|begun|written|spoken|"
                r"become|come|brought|thought|kept|paid|sold|sent|spent|led|fallen|grown|known|risen|struck|broken|"
                r"put|set|cut|hit|had|got|gotten|[a-z]{2,}ed)")
# Future phrases stand first, so the participle of "will be released" or "is expected to be named" is read
# with its auxiliary; "had" takes its participle with it (the past perfect).
_VERB = re.compile(
    r"\b(?P<future>(?:will|shall|'ll)(?:\s+not)?(?:\s+(?:be|have|have\s+been))?(?:\s+\w+)?"
    r"|(?:can|may|might|should|would)(?:\s+not)?\s+be\s+\w+|to\s+be\s+\w+|(?:is|are)\s+to"
    r"|(?:is|are|was|were)\s+(?:expected|scheduled|due|set|going|planning|slated)\s+to(?:\s+be)?(?:\s+\w+)?"
    # "plans for" is most often the noun ("set aside vacation plans for the trip"), "set for" the participle
    r"|(?:expects?|plans?|intends?|set)\s+to(?:\s+be)?(?:\s+\w+)?|(?:expects?|set)\s+for|scheduled|slated"
    r"|(?:expected|scheduled|slated|due)\s+(?:to|for|in|on|by)(?:\s+be)?(?:\s+\w+)?"
    r"|going\s+to"
    # an intention or a likelihood looks ahead of the moment it is told at ("are less likely to vote Republican in
    # November", "planned to visit before January", "vowed to stay until the convention in July")
    r"|(?:(?P<intended>hoped|wanted|vowed|promised|pledged|planned|aimed|sought|threatened|prepared)|(?:un)?likely|"
    r"hop(?:e|es|ing)|wants?|vows?|promis(?:e|es)|pledg(?:e|es)|planning|aims?|seek(?:s|ing)?|threatens?|"
    r"prepar(?:es|ing)|ready)\s+to\s+\w+"
    # a modal before a bare verb speaks of what is yet to come ("could decide the race in November", "must win
    # in November", "may have an impact in November"); "could have been", "could have won" and "could not" look
    # back, and "May" in capitals is the month
    r"|(?-i:(?:[Cc]an|must|might|may|should)(?:\s+not|n't)?|could|would)\s+"
    rf"(?!have\s+(?:been|{_PARTICIPLES})\b|have\b(?!\s+(?-i:[a-z]))|be\b|not\b)[a-z]+)\b"
    rf"|\b(?P<perfect>had(?:\s+(?:not|been))?(?:\s+\w+)?)\b"
    # The present perfect looks back ("has been raising money, including on Thursday night"), but what it sets
    # may lie ahead ("has set Nov. 10 as the deadline", "has scheduled a news conference Thursday"): it never
    # stands for the verb right before a date, nor for a past perfect before a deadline.
    rf"|\b(?P<present_perfect>(?:has|have)(?:\s+(?:not|also|already|just|long))?\s+"
    rf"(?!(?:scheduled|slated|set|planned|expected|given|called|asked)\b)(?:been|{_PARTICIPLES}))\b"
    rf"|\b(?P<past>{_PAST_VERBS})\b", re.IGNORECASE)
_ADVERB = re.compile(r"\b(?P<future>next|tomorrow|upcoming|coming|later)\b"
                     r"|\b(?P<past>ago|last|earlier|yesterday|previously|recently)\b", re.IGNORECASE)
_DEADLINE = re.compile(r"\b(?:by|until|till|(through)|effective|as\s+soon\s+as|"
                       r"(?:extended|postponed|delayed|moved|put\s+off)\s+to)"
                       r"\s+(?:the\s+)?$", re.IGNORECASE)
# "since" right before an expression: the start of what has gone on until now, always before the anchor ("searching
# since shortly after the Oct. 23 slaying" in a May story is last October's), whatever the verb.
_SINCE = re.compile(r"\bsince\s+(?:(?:shortly|soon|just|right|long)\s+)?(?:(?:after|before)\s+)?(?:the\s+)?"
                    r"(?:(?:early|late|mid)[\s-]+)?$", re.IGNORECASE)


# A participle in -ed after an article or a possessive is an adjective, no verb: "the reduced dividend is payable
# Jan. 2", "on a still unspecified date in January" ("this" and "that" are as often pronouns: "this happened").
_ADJECTIVE_AFTER = re.compile(r"\b(?:the|a|an|its|their|his|her|our|your)\s+(?:still\s+|newly\s+)?$", re.IGNORECASE)

# A participle after a present or bare "be" is a passive of now or of what is to come, no past: "when the case is
# heard in May", "until the votes are tallied March 15".
_PRESENT_PASSIVE = re.compile(r"\b(?:is|are|am|be|being)\s+(?:\w+ly\s+)?$", re.IGNORECASE)

# "to be" after these says what something is or was taken to be, not what is to come: "seemed to be of two minds",
# "appears to be embracing", "is said to be ill".
_SEEMS = re.compile(r"\b(?:seem|appear|prove|happen|claim|say|believe|think|know|report|allege|consider|use)"
                    r"(?:s|ed|d)?\s+$|\b(?:said|thought|known|used)\s+$", re.IGNORECASE)

_EXTENDS = re.compile(r"(?:extend|renew|prolong|postpon|delay|defer)\w*$", re.IGNORECASE)

_CLAUSE_CHARS = 60  # a past perfect this near a deadline is its clause's verb ("had filed reports by Wednesday")
_CLAUSE_OPENER = re.compile(r"\b(?:that|which|who|whom|whose|when|where|if|because|while|although|whether|but)\b"
                            r"|[,;:—–]", re.IGNORECASE)
_QUOTE_MARK = re.compile(r"[\"“”`]|''")  # "''" closes a quotation in wire copy; one "'" is an apostrophe


@dataclass(frozen=True, slots=True)
class _Cue:
    start: int  # in the sentence
    end: int
    tense: Tense
    perfect: bool = False  # "had filed": before a past moment, so a deadline with it is past too
    doubles: bool = True  # whether right before an expression it is its verb ("arrested on June 8")
    # An intention told in the past ("planned to"): ahead of a date after it, but after a date it is that day's
    # telling ("On Friday, the government planned to send aid").
    told: bool = False


@dataclass(frozen=True, slots=True)
class _Cues:
    """One kind of cue of a sentence in text order, with their ends and starts for bisection."""

    cues: tuple[_Cue, ...]
    ends: tuple[int, ...]
    starts: tuple[int, ...]

    @classmethod
    def of(cls, pattern: re.Pattern[str], sentence: str) -> _Cues:
        cues = tuple(_Cue(m.start(), m.end(), 1 if m.group("future") else -1, bool(m.groupdict().get("perfect")),
                          not m.groupdict().get("present_perfect"), bool(m.groupdict().get("intended")))
                     for m in pattern.finditer(sentence)
                     if not (m.group("past") and m.group("past").lower().endswith("ed")
                             and _ADJECTIVE_AFTER.search(sentence, max(0, m.start() - 16), m.start()))
                     and not (m.group("future") and m.group("future")[:2].lower() == "to"
                              and _SEEMS.search(sentence, max(0, m.start() - 16), m.start()))
                     and not (m.group("past") and _PRESENT_PASSIVE.search(sentence, max(0, m.start() - 16),
                                                                          m.start())))
        return cls(cues, tuple(c.end for c in cues), tuple(c.start for c in cues))

    def nearest(self, sentence: str, start: int, end: int) -> _Cue | None:
        """The cue nearest [start, end): the last one ending before it or the first one starting after it
        (cues inside it are its own words, no verb's). A quotation mark between them parts a quotation's words
        from the verb that reports it ("'He will leave Thursday,' Castro said": will, not said). Found by
        bisection, so a sentence of thousands of dates and verbs (a text without full stops) stays linear."""
        candidates = []
        i = bisect_right(self.ends, start)
        if i > 0 and not _QUOTE_MARK.search(sentence, self.ends[i - 1], start):
            candidates.append((start - self.ends[i - 1], self.cues[i - 1]))
        j = bisect_left(self.starts, end)
        if j < len(self.cues) and not _QUOTE_MARK.search(sentence, end, self.starts[j]):
            # a verb after a clause opens (a conjunction, a comma) is that clause's ("warnings on Thursday that
            # strikes could follow", "to back her in November, she has not")
            across = bool(_CLAUSE_OPENER.search(sentence, end, self.starts[j]))
            if not (across and candidates):
                candidates.append((self.starts[j] - end, self.cues[j]))
        return min(candidates, key=lambda c: c[0])[1] if candidates else None


@dataclass(frozen=True, slots=True)
class TenseCues:
    """The tense cues of one sentence, read once however many expressions it holds."""

    sentence: str
    verbs: _Cues
    adverbs: _Cues

    @classmethod
    def of(cls, sentence: str) -> TenseCues:
        return cls(sentence, _Cues.of(_VERB, sentence), _Cues.of(_ADVERB, sentence))

    def at(self, start: int, end: int) -> Tense:
        """-1 when the expression at [start, end) of the sentence speaks of the past, +1 of the future, 0 when
        the sentence does not say; doubled when its verb stands right before it."""
        if _SINCE.search(self.sentence, max(0, start - 40), start):
            return -ADJACENT
        verb = self.verbs.nearest(self.sentence, start, end)
        deadline = _DEADLINE.search(self.sentence, max(0, start - 24), start)
        if deadline:
            in_clause = verb is not None and abs(verb.start - start) <= _CLAUSE_CHARS
            # "through" ends a span that has run where its verb looks back ("primaries held through Tuesday"),
            # unless the verb moves an end ahead ("extended loans through January")
            looks_back = verb is not None and (verb.perfect or (
                verb.tense < 0 and deadline.group(1) is not None
                and not _EXTENDS.match(self.sentence, verb.start, verb.end)))
            return -1 if looks_back and in_clause else 1
        if verb and verb.told and verb.start >= end:
            return -1
        if verb:
            adjacent = (verb.doubles and verb.end <= start
                        and len(self.sentence[verb.end:start].strip()) <= _ADJACENT_CHARS)
            return verb.tense * (ADJACENT if adjacent else 1)
        adverb = self.adverbs.nearest(self.sentence, start, end)
        return adverb.tense if adverb else 0


def tense_of(sentence: str) -> Tense:
    """The tense of a sentence as a whole: of its first verb cue, else of its first adverb."""
    cues = TenseCues.of(sentence)
    first = (cues.verbs.cues or cues.adverbs.cues)[:1]
    return first[0].tense if first else 0
