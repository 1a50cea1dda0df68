"""Views across many articles: what a batch is about.

Each index is incremental: adding an article touches only that article's entries, so a batch that grows by one
article while the dashboard is open costs one article's work.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Iterable
from dataclasses import dataclass

from core.keyphrases import Keyphrase, phrase_key


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
