"""Views across many articles: what a batch is about.

Each index is incremental: adding an article touches only that article's entries, so a batch that grows by one
article while the dashboard is open costs one article's work.
"""

from __future__ import annotations

import re
import threading
from collections import Counter
from collections.abc import Iterable
from dataclasses import dataclass

from core.briefing import Briefing
from core.keyphrases import Keyphrase, phrase_key
from core.lexicon import is_common_word
from core.names import gender
from core.quotes import Quote
from core.timeline import TimeExpression
from core.vocabulary.titles import TITLES

_NAME_SUFFIXES = frozenset({"jr", "sr", "ii", "iii", "iv"})


@dataclass(frozen=True, slots=True)
class _FullName:
    first: str
    middle: tuple[str, ...]  # "j" in "Donald J. Trump", "rodham" in "Hillary Rodham Clinton"
    last: str


def _name_words(name: str) -> list[str]:
    """The words of a name without the titles before it and the suffixes after it ("President Donald J. Trump
    Jr." gives Donald, J., Trump)."""
    words = re.findall(r"[\w’'.-]+", name)
    while len(words) > 1 and words[0].lower().rstrip(".") in TITLES:
        words = words[1:]
    while len(words) > 1 and words[-1].lower().rstrip(".") in _NAME_SUFFIXES:
        words = words[:-1]
    return words


def _full_name(name: str) -> _FullName | None:
    """A person's full name read from a name as written ("President Donald J. Trump Jr." gives Donald, J,
    Trump); None where it does not read as one (one word, lower case, or a first word that is no given name:
    "New York", "North Korea")."""
    words = _name_words(name)
    if not 2 <= len(words) <= 4 or not all(w[:1].isupper() for w in words):
        return None
    first = words[0]
    if is_common_word(first) and gender(f"{first} {words[-1]}") is None:
        return None
    return _FullName(first.lower(), tuple(w.lower().rstrip(".") for w in words[1:-1]), words[-1].lower())


def _name_rank(name: str) -> tuple[bool, bool]:
    """How well a name shows its person: a full name before a last name alone, and without a title before it
    ("Barack Obama" over "President Barack Obama" and "Obama")."""
    words = _name_words(name)
    return len(words) > 1, len(words) == len(name.split())


def person_groups(names: Iterable[str]) -> dict[str, str]:
    """Each name's group: the names of one person across a batch share one, where the batch makes it
    unambiguous. "Donald J. Trump" and "Donald Trump" are one person (first and last name), unless the batch
    holds two middle names for them ("George H. W. Bush", "George W. Bush"); "Trump" alone is that person when
    only one person in the batch has that last name ("Clinton" stays apart when both Hillary and Bill Clinton are
    named). A name that is none of these is a group of its own."""
    names = list(dict.fromkeys(names))
    parsed = {name: _full_name(name) for name in names}
    middles: dict[tuple[str, str], set[tuple[str, ...]]] = {}
    for full in parsed.values():
        if full:
            known = middles.setdefault((full.first, full.last), set())
            if full.middle:
                known.add(full.middle)
    people_by_last: dict[str, list[str]] = {}
    groups: dict[str, str] = {}
    for name, full in parsed.items():
        if full is None:
            continue
        pair = (full.first, full.last)
        ambiguous = len(middles[pair]) > 1
        group = " ".join((full.first, *full.middle, full.last)) if ambiguous else f"{full.first} {full.last}"
        groups[name] = group
        people = people_by_last.setdefault(full.last, [])
        if group not in people and not (ambiguous and not full.middle):
            people.append(group)
    for name, full in parsed.items():
        if full is not None:
            continue
        words = _name_words(name)  # "Trump", "President Obama"
        people = people_by_last.get(words[-1].lower(), []) if len(words) == 1 and words[0][:1].isupper() else []
        groups[name] = people[0] if len(people) == 1 else speaker_key(name)
    return groups


@dataclass(frozen=True, slots=True)
class RecurringPhrase:
    phrase: str  # the form most articles use (for a person, the full name most use)
    articles: tuple[str, ...]  # article keys, in the order they were added
    forms: tuple[str, ...] = ()  # the other names of the same person in the batch ("Trump" for "Donald Trump")

    @property
    def count(self) -> int:
        return len(self.articles)


class KeyphraseIndex:
    """Which articles hold which keyphrase concept ("tank modernisation" and "Tank Modernization" are one)."""

    def __init__(self) -> None:
        self._forms: dict[tuple[str, ...], dict[str, str]] = {}  # concept -> article key -> phrase as written
        self._concepts: dict[str, list[tuple[str, ...]]] = {}  # article key -> its concepts

    def __len__(self) -> int:
        return len(self._concepts)

    def add(self, article_key: str, keyphrases: Iterable[Keyphrase]) -> None:
        """Index one article's keyphrases, replacing what was indexed for it before."""
        self.remove(article_key)
        concepts = []
        for keyphrase in keyphrases:
            concept = phrase_key(keyphrase.phrase)
            self._forms.setdefault(concept, {})[article_key] = keyphrase.phrase
            concepts.append(concept)
        self._concepts[article_key] = concepts

    def remove(self, article_key: str) -> None:
        for concept in self._concepts.pop(article_key, ()):
            forms = self._forms.get(concept, {})
            forms.pop(article_key, None)
            if not forms:
                self._forms.pop(concept, None)

    def _merged(self) -> tuple[dict[tuple[str, ...], dict[str, str]], dict[tuple[str, ...], tuple[str, ...]]]:
        """Concept -> (article key -> phrase), with the concepts that name one person across the batch merged
        under the first of them ("Donald Trump", "Donald J. Trump", "Trump": person_groups says when the batch
        makes that unambiguous); articles in the order they were added. Also each concept's merged concept."""
        shown = {concept: Counter(forms.values()).most_common(1)[0][0] for concept, forms in self._forms.items()}
        groups = person_groups(phrase for phrase in shown.values() if all(w[:1].isupper() for w in phrase.split()))
        order = {article: n for n, article in enumerate(self._concepts)}
        first_of: dict[str, tuple[str, ...]] = {}
        merged: dict[tuple[str, ...], dict[str, str]] = {}
        member_of: dict[tuple[str, ...], tuple[str, ...]] = {}
        for concept, forms in self._forms.items():
            person = groups.get(shown[concept])
            member_of[concept] = first_of.setdefault(person, concept) if person else concept
            into = merged.setdefault(member_of[concept], {})
            for article, phrase in forms.items():
                if len(phrase.split()) > len(into.get(article, "").split()):
                    into[article] = phrase  # an article naming the person twice counts once, by its full name
        return {concept: dict(sorted(forms.items(), key=lambda item: order[item[0]]))
                for concept, forms in merged.items()}, member_of

    def recurring(self, min_articles: int = 2) -> list[RecurringPhrase]:
        """Concepts held by at least `min_articles` articles, the most widespread first."""
        found = []
        for forms in self._merged()[0].values():
            if len(forms) < min_articles:
                continue
            counts = Counter(forms.values())
            phrase = max(counts, key=lambda p: (*_name_rank(p), counts[p]))
            found.append(RecurringPhrase(phrase, tuple(forms), tuple(sorted(set(counts) - {phrase}))))
        return sorted(found, key=lambda r: (-r.count, r.phrase.lower()))

    def articles_with(self, phrase: str) -> tuple[str, ...]:
        """The articles whose keyphrases include this phrase or a variant of it (for a person, any of their
        names in the batch), for filtering the list."""
        key = phrase_key(phrase)
        if key not in self._forms:
            return ()
        merged, member_of = self._merged()
        return tuple(merged[member_of[key]])


@dataclass(frozen=True, slots=True)
class Speaker:
    """One person quoted across a batch, under all the names the batch gives them."""

    name: str  # the name shown: the form most quoted, a full name over a last name alone
    quotes: int
    articles: int
    names: tuple[str, ...]  # every name of theirs in the batch, the shown one first


@dataclass(frozen=True, slots=True)
class Attributed:
    """One quote of a speaker's, with the article it stands in."""

    article: str
    quote: Quote


@dataclass(frozen=True, slots=True)
class _Grouping:
    persons: tuple[tuple[str, ...], ...]  # each person's speaker keys
    person_of: dict[str, tuple[str, ...]]  # speaker key -> its person's keys


class SpeakerIndex:
    """Who is quoted across a batch, and saying what: answers "what has X said this week"."""

    def __init__(self) -> None:
        self._quotes: dict[str, list[Attributed]] = {}  # speaker key -> quotes
        self._names: dict[str, Counter[str]] = {}  # speaker key -> forms of the name
        self._of_article: dict[str, set[str]] = {}
        # grouped over the whole batch once and kept until the batch changes: grouping costs the whole batch, and
        # a view asks for every speaker's person
        self._grouping: _Grouping | None = None

    def add(self, article_key: str, quotes: Iterable[Quote]) -> None:
        """Index one article's quotes, replacing what was indexed for it before."""
        self.remove(article_key)  # which also forgets the grouping
        keys = set()
        for quote in quotes:
            if not quote.speaker:
                continue
            key = speaker_key(quote.speaker)
            self._quotes.setdefault(key, []).append(Attributed(article_key, quote))
            self._names.setdefault(key, Counter())[quote.speaker] += 1
            keys.add(key)
        self._of_article[article_key] = keys

    def remove(self, article_key: str) -> None:
        self._grouping = None
        for key in self._of_article.pop(article_key, ()):
            kept = [a for a in self._quotes.get(key, []) if a.article != article_key]
            if kept:
                self._quotes[key] = kept
                self._names[key] = Counter(a.quote.speaker for a in kept if a.quote.speaker)
            else:
                self._quotes.pop(key, None)
                self._names.pop(key, None)

    def _people(self) -> _Grouping:
        """Speaker keys by person: one person's names across the batch together ("Donald Trump", "Donald J.
        Trump", "Trump"), grouped from the whole batch, since one more article can make a last name ambiguous;
        computed once after each change to the batch, however many speakers are asked about."""
        if self._grouping is None:
            shown = {key: self._names[key].most_common(1)[0][0] for key in self._quotes}
            groups = person_groups(shown.values())
            people: dict[str, list[str]] = {}
            for key, name in shown.items():
                people.setdefault(groups[name], []).append(key)
            persons = tuple(tuple(keys) for keys in people.values())
            self._grouping = _Grouping(persons, {key: keys for keys in persons for key in keys})
        return self._grouping

    def _shown_name(self, keys: tuple[str, ...]) -> str:
        """The name a person is shown by: the form most quoted, a full name over a last name alone."""
        forms: Counter[str] = Counter()
        for key in keys:
            forms.update(self._names[key])
        return max(forms, key=lambda name: (*_name_rank(name), forms[name], -len(name)))

    def speakers(self) -> list[tuple[str, int, int]]:
        """(speaker, quotes, articles), the most quoted first; one person's names across the batch are one row."""
        return [(person.name, person.quotes, person.articles) for person in self.people()]

    def people(self) -> list[Speaker]:
        """Each person quoted in the batch with every name the batch gives them, the most quoted first: what
        the speakers view shows, from one grouping of the batch."""
        rows = []
        for keys in self._people().persons:
            quotes = [a for key in keys for a in self._quotes[key]]
            rows.append(Speaker(self._shown_name(keys), len(quotes), len({a.article for a in quotes}),
                                self._names_of(keys)))
        return sorted(rows, key=lambda r: (-r.quotes, r.name.lower()))

    def names_of(self, speaker: str) -> tuple[str, ...]:
        """Every name the batch gives this speaker's person, the one shown first."""
        keys = self._keys_of(speaker)
        return self._names_of(keys) if keys else ()

    def _names_of(self, keys: tuple[str, ...]) -> tuple[str, ...]:
        shown = self._shown_name(keys)
        forms = {name for key in keys for name in self._names[key]}
        return (shown, *sorted(forms - {shown}))

    def quotes_of(self, speaker: str) -> list[Attributed]:
        """The quotes of the speaker's person under all its names, in the order they were added."""
        keys = set(self._keys_of(speaker))
        return [a for key, quotes in self._quotes.items() if key in keys for a in quotes]

    def _keys_of(self, speaker: str) -> tuple[str, ...]:
        return self._people().person_of.get(speaker_key(speaker), ())


def speaker_key(name: str) -> str:
    """Speakers are one across articles when their names match without case, articles and punctuation."""
    words = [w for w in re.findall(r"[\w’'-]+", name.lower()) if w not in ("the", "a", "an")]
    return " ".join(words)


@dataclass(frozen=True, slots=True)
class TimelineEvent:
    """One dated event across a batch: the same sentence reported by several articles is one event."""

    value: str
    sentence: str
    articles: tuple[str, ...]
    type: str = "DATE"  # TimeML's type and mod, so the value reads as the pane reads it ("every Tuesday", a SET)
    mod: str = ""


class TimelineIndex:
    """Dated events across a batch. An event is keyed by its date value and its sentence's words, so wire copies
    of one story merge into one event that lists all their articles, and each sentence is held once."""

    def __init__(self) -> None:
        # (value, hash of the sentence's words) -> (sentence, type, mod, article keys); a hash, not the words,
        # since 10,000 articles' worth of normalized sentences would take 20 MB to hold as keys
        self._events: dict[tuple[str, int], tuple[str, str, str, list[str]]] = {}
        self._of_article: dict[str, list[tuple[str, int]]] = {}

    def add(self, article_key: str, expressions: Iterable[TimeExpression]) -> None:
        """Index one article's timeline, replacing what was indexed for it before."""
        self.remove(article_key)
        keys = []
        for e in expressions:
            key = (e.value, hash(_event_key(e.sentence)))
            articles = self._events.setdefault(key, (e.sentence, e.type, e.mod, []))[3]
            if article_key not in articles:
                articles.append(article_key)
                keys.append(key)
        self._of_article[article_key] = keys

    def remove(self, article_key: str) -> None:
        for key in self._of_article.pop(article_key, ()):
            articles = self._events[key][3]
            articles.remove(article_key)
            if not articles:
                del self._events[key]

    def events(self) -> list[TimelineEvent]:
        """Chronological where resolved, then the rest."""
        merged = [TimelineEvent(key[0], sentence, tuple(articles), kind, mod)
                  for key, (sentence, kind, mod, articles) in self._events.items()]
        resolved = sorted((e for e in merged if e.value[:1].isdigit()), key=lambda e: e.value)
        return resolved + [e for e in merged if not e.value[:1].isdigit()]


def merged_timeline(timelines: Iterable[tuple[str, Iterable[TimeExpression]]]) -> list[TimelineEvent]:
    """The events of many articles' timelines at once."""
    index = TimelineIndex()
    for article_key, expressions in timelines:
        index.add(article_key, expressions)
    return index.events()


@dataclass(frozen=True, slots=True)
class Digest:
    """What an article list and its filter need of a briefing: kept for every article, where whole briefings are
    not (10,000 of them take most of a gigabyte)."""

    keyphrases: tuple[str, ...]
    speakers: tuple[str, ...]


class Corpus:
    """Everything a dashboard shows across a batch, built one briefing at a time and holding none of them."""

    def __init__(self) -> None:
        self.lock = threading.RLock()  # held while adding; readers that walk the indexes hold it too
        self.digests: dict[str, Digest] = {}
        self.keyphrases = KeyphraseIndex()
        self.speakers = SpeakerIndex()
        self.timeline = TimelineIndex()

    def __len__(self) -> int:
        return len(self.digests)

    def __contains__(self, article_key: object) -> bool:
        return article_key in self.digests

    def add(self, article_key: str, briefing: Briefing) -> Digest:
        digest = Digest(tuple(k.phrase for k in briefing.keyphrases),
                        tuple(dict.fromkeys(q.speaker for q in briefing.quotes if q.speaker)))
        with self.lock:
            self.keyphrases.add(article_key, briefing.keyphrases)
            self.speakers.add(article_key, briefing.quotes)
            self.timeline.add(article_key, briefing.timeline)
            self.digests[article_key] = digest
        return digest

    def snapshot(self) -> dict[str, Digest]:
        with self.lock:
            return dict(self.digests)


def _event_key(sentence: str) -> str:
    return " ".join(re.findall(r"\w+", sentence.lower()))
