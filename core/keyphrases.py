"""Keyphrases: what an article is about, in the phrases a reader would write down.

YAKE is the scorer: unsupervised, statistical, one document at a time, no model to download. Plain YAKE ranks
fragments ("Jong-un has called", "Korea ’s tank") and near-duplicates ("North", "Korea", "North Korea") among its
best, so its candidates pass through filters that keep noun-phrase-like spans, and one entry is kept per concept.
Each rule was measured on the shared evaluation sets (score.py), on one half and confirmed on the other.
"""

from __future__ import annotations

import math
import re
from dataclasses import dataclass
from functools import cache, lru_cache
from itertools import pairwise
from operator import attrgetter

from core.article import Article
from core.lexicon import parts_of_speech
from core.vocabulary.boilerplate import MARKUP_TAG, SECTION_LABEL
from core.vocabulary.calendar import MONTHS, WEEKDAYS
from core.vocabulary.captions import CAPTION_LINE, CREDIT_IN_BRACKETS, CREDIT_WORDS, PICTURE_NOUNS
from core.vocabulary.datelines import DATELINE
from core.vocabulary.titles import TITLES

DEFAULT_TOP = 10
_CANDIDATE_POOL = 6  # candidates examined per phrase wanted: enough after the filters, cheap to check

# Words that make a phrase a date or a quantity rather than a topic (the timeline shows those).
_TEMPORAL = frozenset((*WEEKDAYS, *MONTHS, *"today yesterday tomorrow tonight week weeks month months year years day "
                                            "days time times".split()))
_QUANTITIES = frozenset(
    "million millions billion billions thousand thousands hundred hundreds percent cent mph miles mile "
    "acres acre feet foot pounds tons dollars cents kilometers km ".split())
# Titles and abbreviations that begin or end a name without being one ("Sgt. Don", "spokesman Rep").
_ABBREVIATIONS = frozenset(
    "mr mrs ms dr sgt rep sen gov gen lt col capt st jr sr inc corp co ltd no vs ".split())
_POSSESSIVES = frozenset({"'s", "’s", "s", "'", "’"})
_ACRONYM = re.compile(r"(?:[A-Za-z]\.){2,}")
_PUNCTUATION = re.compile(r"[.,;:!?]")
_HAS_WORD = re.compile(r"\w")
# The same tokens YAKE's candidates are made of, with punctuation as tokens of its own, so that a candidate can be
# found in the text and a possessive or a full stop inside it shows.
_TOKEN = re.compile(r"(?:[A-Za-z]\.){2,}|[\w'’-]+|[^\w\s]")
_WORD = re.compile(r"[\w'’-]+")
_SENTENCE_MARKS = frozenset('.!?"“”:;()')
_ARTICLES = frozenset({"the", "a", "an"})
# British and American spellings fold together ("modernisation", "armoured", "centre").
_SPELLINGS = ((re.compile(r"isation"), "ization"), (re.compile(r"is(e|ed|es|ing)$"), r"iz\1"),
              (re.compile(r"our(s|ed|ing)?$"), r"or\1"), (re.compile(r"tre(s)?$"), r"ter\1"))
# A common single word is a weaker keyphrase than a rare one: YAKE's score is multiplied by
# exp(_COMMONNESS * (zipf - 4)), zipf being the word's frequency in general English (wordfreq).
_COMMONNESS = 0.6


@dataclass(frozen=True, slots=True)
class Keyphrase:
    phrase: str
    score: float  # relevance in 0..1, higher is better; the article's best phrase scores 1


@dataclass(frozen=True, slots=True)
class _Candidate:
    phrase: str
    key: tuple[str, ...]  # folded words: case, inflection and spelling variants share a key
    weight: float  # YAKE's score, adjusted; lower is better

    @property
    def is_name(self) -> bool:
        return all(word[:1].isupper() for word in self.phrase.split())


def find_keyphrases(article: Article, top: int = DEFAULT_TOP) -> list[Keyphrase]:
    """The article's top keyphrases, best first, one per concept."""
    text = scoring_text(article.title, article.text)
    if not text.strip() or top <= 0:
        return []
    candidates = _candidates(text, top * _CANDIDATE_POOL)
    chosen = _one_per_concept(candidates, top)
    if not chosen:
        return []
    best = chosen[0].weight
    return [Keyphrase(c.phrase, round(best / c.weight, 4) if c.weight > 0 else 1.0) for c in chosen]


def phrase_key(phrase: str) -> tuple[str, ...]:
    """The concept a phrase names: phrases with the same key are variants of one another across articles too."""
    return tuple(_fold(word) for word in phrase.split())


def scoring_text(title: str | None, body: str) -> str:
    """Title and body as YAKE reads them. The title, recased if it is in capitals and ended like a sentence, goes
    after the body: measured on the evaluation sets, a title read first (where YAKE's position feature weighs it
    most) cost 0.017 F1@10 on DUC-2001 against none at all, and a title read last cost 0.005 while keeping the
    phrases only a headline holds. A title derived from the body's first sentence is not counted twice."""
    if not title or not title.strip() or body.lstrip().startswith(title.strip().rstrip("…")):
        return _flatten(body)
    title = recase_title(title.strip(), body)
    if title[-1] not in ".!?":
        title += "."
    return _flatten(f"{body}\n{title}" if body.strip() else title)


# A line break and the spaces around it, matched from the first space of a run only: searched from every space,
# a run of 100,000 spaces with no line break in it took 21 s.
_LINE_BREAK = re.compile(r"(?<!\s)\s*\n\s*")
# No keyphrase word is this long; YAKE's tokenizer copies a token several times over (a 5 MB token raised
# MemoryError under a memory limit), so such tokens are left out of what it reads.
_HUGE_TOKEN = re.compile(r"\S{200,}")


def _flatten(text: str) -> str:
    """The text as one line, without what is no part of the story: markup, photo credits, and the dateline a
    paragraph opens with ("LOS ANGELES, Sept. 28 (UPI) -- "), caption lines ("Photo: Getty Images"), section
    labels ("ABSTRACT.")."""
    text = SECTION_LABEL.sub("", CAPTION_LINE.sub("", CREDIT_IN_BRACKETS.sub(" ", MARKUP_TAG.sub(" ", text))))
    text = "\n".join(_without_dateline(line) for line in text.split("\n"))
    return _HUGE_TOKEN.sub(" ", _LINE_BREAK.sub(" ", text))


def _without_dateline(line: str) -> str:
    dateline = DATELINE.match(line) if line[:1].isupper() or line[:1] == "(" else None
    return line[dateline.end():] if dateline else line


def recase_title(title: str, body: str) -> str:
    """A headline in capitals or Title Case written as the body writes its words, so YAKE does not take every
    title word for a proper noun."""
    words = [w for w in _WORD.findall(title) if w.lower() not in _stopwords()]
    if len(words) < 2 or sum(w[:1].isupper() for w in words) < 0.8 * len(words):
        return title
    forms: dict[str, dict[str, int]] = {}
    for sentence in re.split(r"(?<=[.!?])\s+", body):
        for word in _WORD.findall(sentence)[1:]:  # a sentence's first word is capitalized whatever it is
            counts = forms.setdefault(word.lower(), {})
            counts[word] = counts.get(word, 0) + 1

    def body_form(match: re.Match[str]) -> str:
        counts = forms.get(match.group(0).lower())
        return max(counts, key=counts.__getitem__) if counts else match.group(0).lower()

    recased = _WORD.sub(body_form, title)
    return recased[:1].upper() + recased[1:]


def _candidates(text: str, wanted: int) -> list[_Candidate]:
    """YAKE's candidates that read as phrases, best first, until `wanted` have passed."""
    from yake.data import DataCore

    core = DataCore(text=text, stopword_set=_stopwords(), config={"windows_size": 1, "n": 3})
    core.build_single_terms_features(features=None)
    core.build_mult_terms_features(features=None)
    # All ranked, the valid ones picked on the way: only the first hundred or so are ever read, and a stable sort
    # keeps the valid ones in the order a sort of them alone would give.
    ranked = sorted(core.candidates.values(), key=attrgetter("h"))
    index = _TokenIndex(text)
    passed: list[_Candidate] = []
    for candidate in ranked:
        if not candidate.is_valid():
            continue
        words = candidate.kw.split()
        if not _reads_as_phrase(words) or not index.stands_alone(words):
            continue
        phrase = _without_edge_quotes(candidate.kw)
        if not phrase:
            continue
        weight = candidate.h
        if len(words) == 1 and words[0][:1].islower():
            weight *= math.exp(_COMMONNESS * (_zipf(words[0].lower()) - 4))
        passed.append(_Candidate(phrase, phrase_key(phrase), weight))
        if len(passed) >= wanted:
            break
    passed.sort(key=lambda c: c.weight)
    return passed


_EDGE_QUOTES = "'’‘`"


def _without_edge_quotes(phrase: str) -> str:
    """A phrase without the quotation mark or apostrophe at its ends ("Rangers’" from "the Rangers’ coach",
    "crazy system’" from a quotation's end)."""
    return phrase.strip(_EDGE_QUOTES).strip()


def _reads_as_phrase(words: list[str]) -> bool:
    lower = [w.lower() for w in words]
    stopwords = _stopwords()
    return not (
        any(map(_never_in_phrase, lower))
        # a possessive inside the phrase ("Rangers’ coach"): a fragment of "the Rangers’ coach said"
        or any(w[-1] in _EDGE_QUOTES for w in words[:-1])
        # shouted: a dateline, a heading or a transcript cue in capitals ("LOS ANGELES", "END VIDEO CLIP"); the
        # same words written as the story writes them are a candidate of their own
        or (len(words) > 1 and all(w.isupper() and len(w) > 1 for w in words))
        or (len(words) == 1 and lower[0].strip(_EDGE_QUOTES) in PICTURE_NOUNS)
        # a name and then its verb ("Syria remains", "Marian Gaborik left"): a clause, not a phrase
        or any(a[:1].isupper() and b[:1].islower() and _is_inflected_verb(b) for a, b in pairwise(words))
        or _is_adverb(lower[0]) or _is_adverb(lower[-1])
        or lower[0] in _ABBREVIATIONS or lower[-1] in _ABBREVIATIONS
        or lower[0] in _QUANTITIES or lower[-1] in _QUANTITIES
        or any(w in stopwords and w != "of" for w in lower[1:-1])
        # a common word running into a name is a clause fragment ("spokesman Don Finley", "path Hurricane Hugo")
        or any(a[:1].islower() and b[:1].isupper() for a, b in pairwise(words))
    )


@lru_cache(maxsize=200_000)
def _never_in_phrase(word: str) -> bool:
    """A lower-cased word no keyphrase holds wherever it stands: a possessive or a lone mark, a photo credit's
    word, punctuation (an acronym's full stops aside), a verb form, a date word. One cached answer a word: these
    are asked of every word of a hundred candidates an article."""
    return (word in _POSSESSIVES or not _HAS_WORD.search(word)
            or word.strip(_EDGE_QUOTES) in CREDIT_WORDS
            or (_PUNCTUATION.search(word) is not None and not _ACRONYM.fullmatch(word))
            or _is_verb(word)
            or word in _TEMPORAL)


class _TokenIndex:
    """Where each token stands in the text, to check a candidate against the text it came from."""

    def __init__(self, text: str) -> None:
        self.tokens = _TOKEN.findall(text)
        self.positions: dict[str, list[int]] = {}
        for i, token in enumerate(self.tokens):
            self.positions.setdefault(token, []).append(i)

    def stands_alone(self, words: list[str]) -> bool:
        """True if the words occur together in the text at least once without being part of a longer name.

        A candidate that never occurs as written lost a possessive or punctuation on the way ("Korea tank" from
        "Korea’s tank"); one whose every occurrence runs on into more capitalized words is a truncated name
        ("Madison County Memorial" from "Madison County Memorial Hospital").
        """
        size, tokens = len(words), self.tokens
        cap_first, cap_last = words[0][:1].isupper(), words[-1][:1].isupper()
        for i in self.positions.get(words[0], ()):
            if tokens[i:i + size] != words:
                continue
            after = tokens[i + size] if i + size < len(tokens) else ""
            runs_on = (cap_last and after[:1].isupper()) or (cap_first and self._name_before(i, words[0]))
            if not runs_on:
                return True
        return False

    def _name_before(self, i: int, first: str) -> bool:
        """The capitalized token before position i goes with the candidate: a name's first word ("New" in "New
        York City doctor"; a stopword capitalized inside a sentence is one, but for an article: "Washington Post"
        is whole without "The"), or a title whose "of" joins it ("Secretary of State" before "John Kerry", where
        the candidate starts at "State"). A title before a candidate that opens with a title is the first half of
        one role ("Vice" before "President Joe Biden"): the candidate would name the wrong office."""
        tokens = self.tokens
        before = tokens[i - 1] if i > 0 else ""
        if before.lower().rstrip(".") in TITLES:
            # a role before the name ("State" before "John Kerry") is not part of it; one before a role is
            return first.lower().rstrip(".") in TITLES
        if before[:1].isupper():
            opens_sentence = i < 2 or tokens[i - 2] in _SENTENCE_MARKS
            return not ((opens_sentence or before.lower() in _ARTICLES) and before.lower() in _stopwords())
        return before == "of" and i > 1 and tokens[i - 2][:1].isupper() and first.lower() in TITLES


def _one_per_concept(candidates: list[_Candidate], top: int) -> list[_Candidate]:
    """Best first. Dropped: a variant of a chosen phrase, one whose words all stand in a better one ("Korea" under
    "North Korea"), and one that only lengthens a better phrase ("tank modernization efforts" under "tank
    modernization"). A short name is shown as its full form ("Kim" as "Kim Jong-un")."""
    chosen: list[_Candidate] = []
    for candidate in candidates:
        words = set(candidate.key)
        if any(words <= set(c.key) or (len(c.key) > 1 and set(c.key) <= words) for c in chosen):
            continue
        short = next((i for i, c in enumerate(chosen) if c.is_name and len(c.key) == 1 and candidate.is_name
                      and c.key[0] in (candidate.key[0], candidate.key[-1])), None)
        if short is not None:
            chosen[short] = _Candidate(candidate.phrase, candidate.key, chosen[short].weight)
            continue
        chosen.append(candidate)
        if len(chosen) == top:
            break
    return chosen


@cache
def _stopwords() -> frozenset[str]:
    import yake

    return frozenset(yake.KeywordExtractor(lan="en").stopword_set)


@lru_cache(maxsize=200_000)
def _is_verb(word: str) -> bool:
    """Only a verb form in the lexicon ("called", "has"); "tanks" and "sweeping" can be nouns or adjectives."""
    tags = parts_of_speech(word)
    return bool(tags) and tags <= {"VERB", "AUX"}


@lru_cache(maxsize=200_000)
def _is_inflected_verb(word: str) -> bool:
    """An inflected verb form with no plural-noun reading: after a name it makes a clause ("remains", "left"),
    where a plural noun makes a phrase ("Clinton emails", "Trump rallies")."""
    import lemminflect

    lemmas = lemminflect.getAllLemmas(word.lower())
    verb, noun = lemmas.get("VERB"), lemmas.get("NOUN")
    return bool(verb) and verb[0] != word.lower() and not (noun and noun[0] != word.lower())


@lru_cache(maxsize=200_000)
def _is_adverb(word: str) -> bool:
    tags = parts_of_speech(word)
    return bool(tags) and tags <= {"ADV"}


@lru_cache(maxsize=200_000)
def _fold(word: str) -> str:
    """Case, spelling, plural and demonym folded: "Modernisations" and "modernization" share a key, and so do
    "Korean" and "Korea"."""
    import lemminflect

    folded = word.lower()
    for pattern, replacement in _SPELLINGS:
        folded = pattern.sub(replacement, folded)
    lemmas = lemminflect.getLemma(folded, upos="NOUN")
    folded = lemmas[0] if lemmas else folded
    if len(folded) > 4 and folded.endswith("an"):  # "Korean" to "Korea", "Russian" to "Russia"
        folded = folded[:-1]
    return folded


@lru_cache(maxsize=200_000)
def _zipf(word: str) -> float:
    from wordfreq import zipf_frequency

    return zipf_frequency(word, "en")
