"""Stage 3, speaker checks: a match names a speaker only if its mention reads as a noun phrase (no verb in it, no
preposition first, no cue that a determiner makes a noun); a match that fails is no attribution at all."""

from __future__ import annotations

import re
from functools import lru_cache

from core.lexicon import is_common_word, parts_of_speech
from core.names import NOT_NAMES
from core.quotes.patterns import GROUP_HEAD, cue_of, named_patterns
from core.vocabulary.function_words import (
    ASIDES,
    AUXILIARIES,
    COORDINATORS,
    DETERMINERS,
    PERSONAL_PRONOUNS,
    PREPOSITIONS,
    QUANTIFIERS,
    SUBORDINATORS,
)

_FUNCTION_WORDS = DETERMINERS | PREPOSITIONS | frozenset("there here what which who as".split())


def valid(m: re.Match[str] | None) -> re.Match[str] | None:
    """A match whose speaker is a word like "The" or a possessive ("Kim’s remarks show") names nobody."""
    if m is None:
        return None
    groups = m.groupdict()
    mention = next((groups[k] for k in ("speaker", "speaker2", "speaker3", "speaker4") if groups.get(k)), "")
    words = mention.split()
    role = re.split(r"\b(?:who|which|that|whose|whom)\b", groups.get("role") or "x")[0].split() or ["who"]
    if role[0].lower() in COORDINATORS or _holds_a_verb([*role, "x"]):
        return None  # "Burlington, Iowa, and, citing ...", "Iowa, on Sunday, Mrs. Clinton tried to expand ...,"
    if groups.get("role") and (cue_of(m) or "").endswith("ing") and not is_progressive(m):
        return None  # "Chastened by the analyses, as well as complaints, Trump revised his plan, promising ..."
    if _cue_names_speakers(m, words):
        return None
    if mention in ("who", "which") and m.re is named_patterns()["mid"]:
        return None if _cue_in_a_name(m) else m  # "Priebus, who has said ...": the name before it
    if not words or words[-1].endswith(("’s", "'s", "‘s", "’", "'")) or mention.lower() in _FUNCTION_WORDS \
            or not re.search(r"\w", mention) or _participle(words) \
            or (len(words) == 1 and parts_of_speech(mention.lower()) == {"ADV"}) \
            or (len(words) == 1 and words[0].lower() in NOT_NAMES and not is_pronoun(words[0])) \
            or (words[0].lower() in PREPOSITIONS and not _approximately(words)) \
            or _cue_is_a_noun(words) or _holds_a_verb(words) or _no_noun_phrase(mention, words):
        return None
    return None if _cue_in_a_name(m) else m


def _cue_names_speakers(m: re.Match[str], words: list[str]) -> bool:
    """The cue is a noun: of those who say ("the funding system, which advocates say is unfair": a verb of saying
    follows it), or of a label after a lone determiner ("Another challenge: most states have ...")."""
    name = next((g for g in ("cue", "cue2", "cue4") if m.groupdict().get(g)), None)
    if name is None:
        return False
    after = m.string[m.end(name):m.end(name) + 20]
    return _SAYING_NEXT.match(after) is not None or (
        len(words) == 1 and words[0].lower() in (*QUANTIFIERS, "another") and after.lstrip().startswith(":"))


_SAYING_NEXT = re.compile(r"\s+(?:say|says|said|argue|argues|argued|contend|contends|believe|believes|warn|warned)\b")


def _no_noun_phrase(mention: str, words: list[str]) -> bool:
    """What no noun phrase is: a quotation (masked: "''xx xxx"), punctuation and function words ("-- and"), or
    words ending on an adverb ("as you very aptly pointed out")."""
    if _MASKED_QUOTATION.search(mention) or all(w.lower().strip(".,-—–") in _NOT_A_NOUN for w in words):
        return True
    return len(words) > 1 and words[-1][:1].islower() and parts_of_speech(words[-1]) == {"ADV"}


_MASKED_QUOTATION = re.compile(r"(?:''|[“\"])\s*x+\b")
_NOT_A_NOUN = _FUNCTION_WORDS | {"", *COORDINATORS}


def first_valid(pattern: re.Pattern[str], s: str, pos: int = 0) -> re.Match[str] | None:
    """The first match whose speaker names someone: where "In a series of posts Sunday, Mr. Frum, a former
    speechwriter, wrote:" reads first as a speaker "In a series ...", the search goes on after the lead-in."""
    while (m := pattern.search(s, pos)) is not None:
        if valid(m):
            return m
        comma = s.find(",", m.start())
        if comma < 0:
            return None
        pos = comma + 1
    return None


def _participle(words: list[str]) -> bool:
    """"speaking at a rally", "Following initial reports": a speaker never opens on a present participle
    ("retired Army Gen. Bednarek" may open on a past one, "Polling of union voters shows" on a noun, and
    "Browning", "Manning Sr." are names)."""
    word = words[0]
    opens = word[:1].islower() or (len(words) > 1 and words[1][:1].islower() and words[1] != "of"
                                   and words[-1].lower() not in PERSONAL_PRONOUNS)  # "Speaking ... he" is "he"
    return opens and word.endswith("ing") and "VERB" in parts_of_speech(word.lower())


def _approximately(words: list[str]) -> bool:
    """"About four out of 10 voters", "Over 40 percent": a preposition that rounds a number."""
    return len(words) > 1 and words[0].lower() in ("about", "over", "under") and (
        words[1][:1].isdigit() or words[1].lower() in QUANTIFIERS)


def _holds_a_verb(words: list[str]) -> bool:
    """A speaker is a noun phrase, not a clause: "Bradley Cranston stood at his pulpit" or "Trump despises what he"
    hold a verb that is nothing else. A participle may stand in one ("veterans interviewed at rallies")."""
    return any(w[:1].islower() and not w.endswith(("ed", "ing")) and parts_of_speech(w) == {"VERB"}
               for w in words[:-1])


def _cue_is_a_noun(words: list[str]) -> bool:
    """The word before the cue makes the cue a noun: "across the four states", "made similar comments" (alone,
    as in "but few believe" or "as some have speculated", it is the speaker)."""
    while words and words[0].lower() in (*COORDINATORS, "as"):
        words = words[1:]
    word = words[-1] if len(words) > 1 else ""
    w = word.lower()
    if not word[:1].islower() or words[-2].lower() == "in":  # "one in five say" is a share of people
        return False
    if w in QUANTIFIERS or w[:1].isdigit() or parts_of_speech(w) == {"ADJ"}:
        return True
    # "the caustic chant": an adjective after a determiner qualifies the cue; "the official said" is a speaker,
    # and so is "observers in Virginia and around the country say", a noun phrase that ends on one
    return len(words) == 2 and words[0].lower() in DETERMINERS and \
        "ADJ" in parts_of_speech(w) and not GROUP_HEAD.fullmatch(w)


def _cue_in_a_name(m: re.Match[str]) -> bool:
    """The cue matched part of a name, not a verb: "The United States has been lobbying", "Islamic State claimed".
    A capitalized verb form reads as a verb only in a Title Case headline ("..., Lindsey Graham Says")."""
    name = next((g for g in ("cue", "cue2", "cue4") if m.groupdict().get(g)), None)
    if name is None:
        return False
    cue = m.group(name)
    first_word = _WORD.search(m.string)
    if not cue[:1].isupper() or first_word is None or first_word.start() >= m.start(name):
        return False  # a lower-case cue, or one that opens the text
    return not _title_case(m.string)


_WORD = re.compile(r"\S")


@lru_cache(maxsize=8)
def _title_case(text: str) -> bool:
    """At least 60% of the words capitalized; asked once per text, not once per capitalized cue in it."""
    words = [w for w in text.split() if w[:1].isalpha()]
    return sum(w[:1].isupper() for w in words) >= 0.6 * len(words)


def without_name_lead(m: re.Match[str] | None, s: str) -> re.Match[str] | None:
    """A name before the first comma is the speaker ("Jean-Marc Ayrault, the foreign minister, said"), not a
    lead-in like "During the inspection,"."""
    if m is None or not m.group("lead"):
        return m
    lead = m.group("lead").split()
    if all(w[:1].isupper() for w in lead) and lead[0].lower() not in NOT_NAMES and (
            len(lead) > 1 or not is_common_word(lead[0])):
        return named_patterns()["speaker_first_named"].match(s)
    if any(w.lower() in AUXILIARIES for w in lead) and lead[0].lower() not in _LEAD_IN_OPENERS:
        return None  # "Michigan was only doing what others do, he told the court": a clause, reported after
    if named_patterns()["cue_that"].search(m.group("lead")):
        return None  # "Regulators worried that if the deal failed, the firm could ...": a report of its own
    return m


_LEAD_IN_OPENERS = SUBORDINATORS | PREPOSITIONS


def is_progressive(m: re.Match[str]) -> bool:
    """The -ing cue is a verb of its speaker's: "is saying", "has been arguing"."""
    cue = next((g for g in ("cue", "cue4") if m.groupdict().get(g)), None)
    key = next((k for k in ("speaker", "speaker4") if m.groupdict().get(k)), None)
    if cue is None or key is None or m.start(cue) < m.end(key):
        return False
    return any(w.lower() in ("is", "are", "was", "were", "be", "been", "am") for w in
               m.string[m.end(key):m.start(cue)].split())


def is_passive(m: re.Match[str]) -> bool:
    """The cue is passive: "was asked", "were told", "had been told"; "was saying" is not."""
    cue = next((g for g in ("cue", "cue4") if m.groupdict().get(g)), None)
    key = next((k for k in ("speaker", "speaker4") if m.groupdict().get(k)), None)
    if cue is None or key is None or m.start(cue) < m.end(key) or m.group(cue).endswith("ing"):
        return False
    between = m.string[m.end(key):m.start(cue)].split()
    return bool(between) and between[-1].lower() in ("was", "were", "is", "are", "be", "been", "being")


def is_role(text: str) -> bool:
    """An apposition that says who someone is ("a top scholar in Seoul"), not an aside ("however")."""
    words = text.split()
    if not words or words[0].lower() in ("who", "which", "whose", "whom", "that"):
        return False  # a relative clause tells what they did ("who endorsed Mr. Rubio"), not who they are
    return len(words) > 1 or words[0].lower() not in ASIDES


def is_pronoun(mention: str) -> bool:
    return mention.lower() in PERSONAL_PRONOUNS
