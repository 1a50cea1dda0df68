"""Names in an article: where they are mentioned, their fullest form, and whether they are people.

Quotes need it to name speakers ("Kim" is "Kim Jong-un", "President Trump" is "Donald Trump") and to resolve
"he" and "she"; the summary's actors are built on the same mentions.
"""

from __future__ import annotations

import re
from bisect import bisect_left
from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from functools import cache, cached_property, lru_cache
from typing import Any

from core.lexicon import parts_of_speech
from core.vocabulary.boilerplate import SECTION_LABEL
from core.vocabulary.calendar import MONTHS, WEEKDAYS
from core.vocabulary.cue_verbs import headline_forms
from core.vocabulary.function_words import PERSONAL_PRONOUNS
from core.vocabulary.titles import ABBREVIATED_TITLES, FEMALE_TITLES, MALE_TITLES, TITLES

# Head words that make a name an organization rather than a person.
ORGANIZATION_WORDS = frozenset(
    "agency ministry department party news post times journal press service services council committee "
    "commission bank inc corp corporation company co ltd group university college institute association union "
    "army navy force forces guard police court house senate congress parliament assembly office campaign "
    "foundation center centre network organization organisation administration government bureau board "
    "federation league club church reuters ap afp cnn bbc nbc abc cbs fox msnbc npr media tribune herald "
    "gazette telegraph guardian daily weekly review magazine radio television tv agency fund authority "
    "commission command cabinet kremlin pentagon nato fbi cia un eu opec who unicef energy motors airlines "
    "airways holdings technologies systems industries partners capital securities international global labs "
    "pharmaceuticals foods bancorp financial insurance telecom communications".split())
CONNECTORS = frozenset({"of", "the", "for", "and", "de", "del", "da", "van", "von", "der", "al", "bin", "la", "le"})
# A capitalized word; a full stop only after an initial, an acronym or a title, so "Ukraine. Analysts" is two.
_NAME_WORD = rf"(?:(?:[A-Z]\.){{2,}}|[A-Z]\.(?=\s+[A-Z])|(?:{'|'.join(ABBREVIATED_TITLES)})\.|[A-Z][\w'’-]*)"
# Never from inside a word ("comScore" is no "Score"), and at most nine words: a run of capitals ("THE UNITED
# STATES SAID THE ...") would otherwise be one name that every pattern holding NAME backtracks over, word by word.
NAME = re.compile(rf"(?<![\w’'])(?:{_NAME_WORD})(?:[ \t]+(?:(?:of|the|for|and|de|del|da|van|von|der|al|bin|la|le)"
                  rf"[ \t]+){{0,3}}{_NAME_WORD}){{0,8}}")
# Capitalized words that begin sentences without naming anything.
NOT_NAMES = frozenset((
    *"the a an and but or so yet if when while after before during since although though as at in on by for "
     "with from to of this that these those there here it its his her their our my your he she they we i you "
     "however meanwhile moreover nevertheless therefore thus also still then now today yesterday tomorrow "
     "last next earlier later instead indeed even only just according without despite amid among under over "
     "some many most several all both each every no not one two three four five such what which who whom whose "
     "why how where".split(),
    *WEEKDAYS, *MONTHS, "mr", "mrs", "ms", "dr"))


@dataclass(frozen=True, slots=True)
class Mention:
    start: int
    end: int
    text: str  # as written, titles included
    name: str  # without titles or a leading "The"
    titles: tuple[str, ...]


def clean_name(text: str) -> tuple[str, tuple[str, ...]]:
    """A mention's name and the titles before it: "President Donald Trump" -> ("Donald Trump", ("President",))."""
    start, end, titles = _name_bounds(text)
    return text[start:end], titles


_ACRONYM_END = re.compile(r"(?<![\w.])(?:[A-Z]\.){2,}$")  # "U.S.", "D.C.": the last full stop is the acronym's


@lru_cache(maxsize=50_000)  # asked again of every mention's name as it is resolved (NameBook.canonical, the actors)
def _name_bounds(text: str) -> tuple[int, int, tuple[str, ...]]:
    words = list(re.finditer(r"\S+", text))
    titles: list[str] = []
    while len(words) > 1 and (words[0].group().lower() in NOT_NAMES or (
            words[0].group().lower().rstrip(".") in TITLES and not _one_organization_word(words[1:]))):
        titles.append(words.pop(0).group())  # "President Trump" is Trump; "State Department" stays itself
    while len(words) > 1 and words[-1].group().lower() in CONNECTORS:
        words.pop()
    inner = [i for i, w in enumerate(words[:-1]) if w.group().lower().rstrip(".") in TITLES]
    rest = words[inner[-1] + 1:] if inner else []
    if 1 <= len(rest) <= 3 and rest[0].group()[:1].isupper() and rest[0].group().lower() not in CONNECTORS \
            and not any(w.group().lower() == "and" for w in words) \
            and not _one_organization_word(rest):
        # "Army Lt. Gen. Mick Bednarek" is Mick Bednarek; "State Department" stays itself
        titles.extend(w.group() for w in words[:inner[-1] + 1])
        words = words[inner[-1] + 1:]
    if not words:
        return 0, 0, ()
    end = words[-1].end()
    if text[end - 2:end] in ("’s", "'s") and end - 2 > words[0].start():  # "Kim’s" names Kim
        end -= 2
    while end > words[0].start() and text[end - 1] in ".,’'" and not _ACRONYM_END.search(text, 0, end):
        end -= 1
    return words[0].start(), end, tuple(t for t in titles if t.lower() not in NOT_NAMES)


def _one_organization_word(words: list[re.Match[str]]) -> bool:
    """What follows a title is one organization word ("State Department", "General Motors"): no person's name."""
    return len(words) == 1 and words[0].group().lower().strip(".,") in ORGANIZATION_WORDS


# Words that, capitalized in a Title Case headline, end a name: "Obama Says Museum Will Tell ..." is no name.
_HEADLINE_VERBS = frozenset((*headline_forms(), *"will would could should can may might must is are was were has "
                                                  "have had hits to".split()))


def _name_runs(text: str) -> Iterator[tuple[int, str]]:
    """NAME matches, cut where a headline verb stands among the capitalized words."""
    for match in NAME.finditer(text):
        raw, offset = match.group(), match.start()
        if _HEADLINE_VERBS.isdisjoint(raw.lower().split()):  # most names: nothing to cut, no word to walk
            yield offset, raw
            continue
        cut = 0
        for word in re.finditer(r"\S+", raw):
            if word.group().lower() in _HEADLINE_VERBS:
                if word.start() > cut:
                    yield offset + cut, raw[cut:word.start()].rstrip()
                cut = word.end() + 1
        if cut < len(raw):
            yield offset + cut, raw[cut:]


def person_of_place(raw: str) -> tuple[str, str] | None:
    """"Ana Ruiz of Chile" is a person and a place; "Bank of England" stays one name (None)."""
    head, sep, tail = raw.partition(" of ")
    if sep and len(head.split()) >= 2 and not is_organization(head) and gender(clean_name(head)[0]) is not None:
        return head, tail
    return None


def people_together(raw: str) -> tuple[str, str] | None:
    """"Donald Trump and Hillary Clinton" is two people, each with a given name; "Procter and Gamble" or "Bank of
    America and Merrill Lynch" stays as written (None)."""
    head, sep, tail = raw.partition(" and ")
    if not sep or " and " in tail:
        return None
    people = [clean_name(part) for part in (head, tail)]
    if all(len(name.split()) >= 2 and not is_organization(name) and gender(name, titles) is not None
           for name, titles in people):
        return head, tail
    return None


def _people_apart(runs: Iterable[tuple[int, str]]) -> Iterator[tuple[int, str]]:
    for at, raw in runs:
        together = people_together(raw)
        parts = [(at, together[0]), (at + len(together[0]) + len(" and "), together[1])] if together else [(at, raw)]
        for start, part in parts:
            apart = person_of_place(part)
            if apart:
                yield start, apart[0]
                yield start + len(apart[0]) + len(" of "), apart[1]
            else:
                yield start, part


def find_mentions(text: str) -> list[Mention]:
    """Capitalized name sequences, sentence-initial function words, lone titles, a pronoun's contraction ("I’m")
    and the page's section labels ("LETTERS.") left out."""
    mentions = []
    labels = [label.span() for label in SECTION_LABEL.finditer(text)]
    for at, raw in _people_apart(_name_runs(text)):
        start, end, titles = _name_bounds(raw)
        name = raw[start:end]
        if any(a <= at + start < b for a, b in labels):
            continue
        first = name.split()[0].lower().rstrip(".") if name else ""
        if re.split("[’']", first)[0] in PERSONAL_PRONOUNS:
            continue
        if name and _imperative_lead(text, at + start, name):
            cut = name.index(" ") + 1
            name, start = name[cut:], start + cut
            first = name.split()[0].lower()
        if not name or first in NOT_NAMES or (first in TITLES and len(name.split()) == 1):
            continue
        mentions.append(Mention(at + start, at + end, raw, name, titles))
    return mentions


_SENTENCE_START = re.compile(r"(?:^|[.!?][\"”’)]?\s+|[\n(“\"]\s*)$")


def _imperative_lead(text: str, at: int, name: str) -> bool:
    """A sentence that opens with a verb before a name ("(See Sexton’s timeline below)", "Ask Trump"): the verb
    is no part of the name. Only a word that is a verb and never a noun or a given name, so "Trump Tower" and
    "Will Hurd" keep theirs."""
    first = name.split()[0]
    if " " not in name or not _SENTENCE_START.search(text, max(0, at - 3), at):
        return False
    tags = parts_of_speech(first)
    return "VERB" in tags and "NOUN" not in tags and _gender_detector().get_gender(first) == "unknown"


def is_organization(name: str) -> bool:
    words = [w.lower().strip(".,") for w in name.split()]
    return any(w in ORGANIZATION_WORDS for w in words) or (len(words) == 1 and name.isupper() and len(name) > 1)


def gender(name: str, titles: tuple[str, ...] = ()) -> str | None:
    """'male', 'female' or None when unknown; only a title or a given name that is clearly one or the other."""
    for title in titles:
        t = title.lower().rstrip(".")
        if t in MALE_TITLES:
            return "male"
        if t in FEMALE_TITLES:
            return "female"
    words = name.split()
    if len(words) < 2:
        return None
    guess = _gender_detector().get_gender(words[0])
    return guess if guess in ("male", "female") else None


@cache
def _gender_detector() -> Any:  # gender_guesser ships no types
    import gender_guesser.detector

    return gender_guesser.detector.Detector(case_sensitive=False)


class NameBook:
    """Every name an article uses, to turn a mention into the fullest form the article gives it."""

    def __init__(self, text: str, story_start: int = 0) -> None:
        """`story_start`: where the story begins after the headline and deck its text may open with. Names are
        read from there on: a Title Case headline reads as one long name ("Barack Obama Just Nominated A Muslim")
        that would become an actor and a pronoun's antecedent."""
        self.mentions = [m for m in find_mentions(text) if m.start >= story_start]

    @cached_property
    def _full_names(self) -> dict[str, list[Mention]]:
        """Multi-word person names by their first and by their last word, in text order. Two names joined by "and",
        each also written on its own, are no one's full name: "Sanders" is not "Clinton and Sanders", nor "Iowa"
        "Iowa and Ohio"; "Gamble" is "Procter and Gamble", whose "Procter" never stands alone."""
        alone = {m.name for m in self.mentions}
        index: dict[str, list[Mention]] = {}
        for m in self.mentions:
            words = m.name.split()
            head, joined, tail = m.name.partition(" and ")
            if joined and {head, tail} <= alone:
                continue
            if len(words) > 1 and not is_organization(m.name):
                for key in {words[0].lower(), words[-1].lower()}:
                    index.setdefault(key, []).append(m)
        return index

    def canonical(self, name: str, before: int | None = None) -> str:
        """The fullest name the article uses for `name`: a surname or given name maps to the full name that
        contains it as its first or last word, the one mentioned most recently before `before` if several do."""
        name, _ = clean_name(name)
        words = name.split()
        if len(words) != 1:
            return name
        key = words[0].lower()
        matches = self._full_names.get(key)
        if not matches:
            return name
        if before is not None:
            earlier = bisect_left(self._full_name_starts[key], before)  # a name said a thousand times: no scan
            if earlier:
                return matches[earlier - 1].name
        return self._most_used[key]

    @cached_property
    def _full_name_starts(self) -> dict[str, list[int]]:
        return {key: [m.start for m in matches] for key, matches in self._full_names.items()}

    @cached_property
    def _most_used(self) -> dict[str, str]:
        """For each first or last word, the full name that holds it most often (the first so used, on a tie)."""
        found = {}
        for key, matches in self._full_names.items():
            counts: dict[str, int] = {}
            for m in matches:
                counts[m.name] = counts.get(m.name, 0) + 1
            found[key] = max(counts, key=counts.__getitem__)
        return found

    @cached_property
    def _titles(self) -> dict[str, tuple[str, ...]]:
        found: dict[str, list[str]] = {}
        for m in self.mentions:
            if m.titles:
                titles = found.setdefault(self.canonical(m.name, m.start), [])
                titles.extend(t for t in m.titles if t not in titles)
        return {name: tuple(titles) for name, titles in found.items()}

    def titles_of(self, full_name: str) -> tuple[str, ...]:
        return self._titles.get(full_name, ())

    def gender_of(self, full_name: str) -> str | None:
        return gender(full_name, self.titles_of(full_name))
