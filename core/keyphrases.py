"""Keyphrases: what an article is about, in the phrases a reader would write down.

YAKE is the scorer: unsupervised, statistical, one document at a time, no model to download.
"""

from __future__ import annotations

from dataclasses import dataclass

from core.article import Article

VERSION = "1"
DEFAULT_TOP = 10


@dataclass(frozen=True, slots=True)
class Keyphrase:
    phrase: str
    score: float  # relevance in 0..1, higher is better


def find_keyphrases(article: Article, top: int = DEFAULT_TOP) -> list[Keyphrase]:
    """The article's top keyphrases, best first."""
    import yake

    text = "\n\n".join(part for part in (article.title, article.text) if part)
    if not text.strip():
        return []
    extractor = yake.KeywordExtractor(lan="en", n=3, top=top)
    return [Keyphrase(phrase, relevance(score)) for phrase, score in extractor.extract_keywords(text)]


def relevance(yake_score: float) -> float:
    """YAKE scores run from 0 (best) upward without bound; map them into 0..1 with higher better."""
    return round(1.0 / (1.0 + max(yake_score, 0.0)), 4)
