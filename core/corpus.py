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
from core.quotes import Quote
from core.timeline import TimeExpression


@dataclass(frozen=True, slots=True)
class RecurringPhrase:
    phrase: str  # the form most articles use
    articles: tuple[str, ...]  # article keys, in the order they were added

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

    def recurring(self, min_articles: int = 2) -> list[RecurringPhrase]:
        """Concepts held by at least `min_articles` articles, the most widespread first."""
        found = [RecurringPhrase(Counter(forms.values()).most_common(1)[0][0], tuple(forms))
                 for forms in self._forms.values() if len(forms) >= min_articles]
        return sorted(found, key=lambda r: (-r.count, r.phrase.lower()))

    def articles_with(self, phrase: str) -> tuple[str, ...]:
        """The articles whose keyphrases include this phrase or a variant of it, for filtering the list."""
        return tuple(self._forms.get(phrase_key(phrase), {}))


@dataclass(frozen=True, slots=True)
class Attributed:
    """One quote of a speaker's, with the article it stands in."""

    article: str
    quote: Quote


class SpeakerIndex:
    """Who is quoted across a batch, and saying what: answers "what has X said this week"."""

    def __init__(self) -> None:
        self._quotes: dict[str, list[Attributed]] = {}  # speaker key -> quotes
        self._names: dict[str, Counter[str]] = {}  # speaker key -> forms of the name
        self._of_article: dict[str, set[str]] = {}

    def add(self, article_key: str, quotes: Iterable[Quote]) -> None:
        """Index one article's quotes, replacing what was indexed for it before."""
        self.remove(article_key)
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
        for key in self._of_article.pop(article_key, ()):
            kept = [a for a in self._quotes.get(key, []) if a.article != article_key]
            if kept:
                self._quotes[key] = kept
                self._names[key] = Counter(a.quote.speaker for a in kept if a.quote.speaker)
            else:
                self._quotes.pop(key, None)
                self._names.pop(key, None)

    def speakers(self) -> list[tuple[str, int, int]]:
        """(speaker, quotes, articles), the most quoted first."""
        rows = [(self._names[key].most_common(1)[0][0], len(quotes), len({a.article for a in quotes}))
                for key, quotes in self._quotes.items()]
        return sorted(rows, key=lambda r: (-r[1], r[0].lower()))

    def quotes_of(self, speaker: str) -> list[Attributed]:
        return list(self._quotes.get(speaker_key(speaker), []))


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


class TimelineIndex:
    """Dated events across a batch. An event is keyed by its date value and its sentence's words, so wire copies
    of one story merge into one event that lists all their articles, and each sentence is held once."""

    def __init__(self) -> None:
        # (value, hash of the sentence's words) -> (sentence, article keys); a hash, not the words, since
        # 10,000 articles' worth of normalized sentences would take 20 MB to hold as keys
        self._events: dict[tuple[str, int], tuple[str, list[str]]] = {}
        self._of_article: dict[str, list[tuple[str, int]]] = {}

    def add(self, article_key: str, expressions: Iterable[TimeExpression]) -> None:
        """Index one article's timeline, replacing what was indexed for it before."""
        self.remove(article_key)
        keys = []
        for e in expressions:
            key = (e.value, hash(_event_key(e.sentence)))
            articles = self._events.setdefault(key, (e.sentence, []))[1]
            if article_key not in articles:
                articles.append(article_key)
                keys.append(key)
        self._of_article[article_key] = keys

    def remove(self, article_key: str) -> None:
        for key in self._of_article.pop(article_key, ()):
            articles = self._events[key][1]
            articles.remove(article_key)
            if not articles:
                del self._events[key]

    def events(self) -> list[TimelineEvent]:
        """Chronological where resolved, then the rest."""
        merged = [TimelineEvent(key[0], sentence, tuple(articles))
                  for key, (sentence, articles) in self._events.items()]
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
