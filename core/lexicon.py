"""The English lexicon every extractor asks "what can this word be?" (lemminflect's parts of speech), one cache
for all of them."""

from __future__ import annotations

from functools import lru_cache


@lru_cache(maxsize=200_000)
def parts_of_speech(word: str) -> frozenset[str]:
    """Universal POS tags the word can carry, lower-cased; empty for words the lexicon does not know (names)."""
    import lemminflect

    return frozenset(lemminflect.getAllLemmas(word.lower()))


def is_common_word(word: str) -> bool:
    """An English word of the lexicon ("Sure", "Analysts"), so not by itself a name."""
    return bool(parts_of_speech(word))
