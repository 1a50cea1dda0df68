"""Article in, Briefing out: every extractor run once, cached in the store, in parallel for batches.

extract() is a pure function of the article and the extractor version, which is what makes caching by content
hash safe and a process pool give the same answers as one process.
"""

from __future__ import annotations

import hashlib
import os
from collections.abc import Callable, Iterator, Sequence
from concurrent.futures import ProcessPoolExecutor

from core import keyphrases, quotes, summary, timeline
from core.article import Article
from core.briefing import Briefing
from core.names import NameBook
from core.store import Store
from core.text import Document

EXTRACTOR_VERSION = f"kp{keyphrases.VERSION}.t{timeline.VERSION}.q{quotes.VERSION}.s{summary.VERSION}"


def extract(article: Article) -> Briefing:
    doc = Document(article.text)
    names = NameBook(article.text)
    found_quotes = quotes.find_quotes(doc, names)
    return Briefing(
        article=article,
        extractor_version=EXTRACTOR_VERSION,
        keyphrases=tuple(keyphrases.find_keyphrases(article)),
        timeline=tuple(timeline.find_timeline(doc, article.published)),
        quotes=tuple(found_quotes),
        summary=summary.summarize(doc, found_quotes, names),
    )


def cache_context(article: Article) -> str:
    """The metadata the extractors read besides the text (the title weighs keyphrases, the date anchors the
    timeline): a cached result is reused only when these match too."""
    return hashlib.sha256(f"{article.title}\x1f{article.published}".encode()).hexdigest()[:16]


def extract_many(
    articles: Sequence[Article],
    *,
    workers: int = 1,
    store: Store | None = None,
    on_result: Callable[[Briefing], None] | None = None,
) -> list[Briefing]:
    """Briefings in the articles' order; cached ones come from the store, new ones are computed and stored."""
    cached = {}
    if store is not None:
        keys = [(a.content_hash, cache_context(a)) for a in articles]
        cached = store.get_analyses(keys, EXTRACTOR_VERSION)
    results: dict[int, Briefing] = {}
    todo: list[int] = []
    for index, article in enumerate(articles):
        analysis = cached.get((article.content_hash, cache_context(article)))
        if analysis is None:
            todo.append(index)
        else:
            results[index] = Briefing.from_analysis(article, EXTRACTOR_VERSION, analysis)
            if on_result:
                on_result(results[index])
    for index, briefing in zip(todo, _compute([articles[i] for i in todo], workers), strict=True):
        results[index] = briefing
        if on_result:
            on_result(briefing)
    if store is not None and todo:
        store.put_articles(articles[i] for i in todo)
        store.put_analyses(((results[i].article.content_hash, cache_context(results[i].article),
                             results[i].analysis_json()) for i in todo), EXTRACTOR_VERSION)
    return [results[i] for i in range(len(articles))]


_POOL_WORTH_IT = 8  # below this many articles, starting worker processes costs more than it saves


def _compute(articles: list[Article], workers: int) -> Iterator[Briefing]:
    if workers <= 1 or len(articles) < _POOL_WORTH_IT:
        yield from map(extract, articles)
        return
    chunk = max(1, min(32, len(articles) // (workers * 4)))
    with ProcessPoolExecutor(max_workers=min(workers, len(articles))) as pool:
        yield from pool.map(extract, articles, chunksize=chunk)


def default_workers() -> int:
    return os.cpu_count() or 1
