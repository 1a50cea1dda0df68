"""Article in, Briefing out: every extractor run once, cached in the store, in parallel for batches.

extract() is a pure function of the article and the extractor version, which is what makes caching by content
hash safe and a process pool give the same answers as one process.
"""

from __future__ import annotations

import hashlib
import os
from collections.abc import Callable, Iterator, Sequence
from concurrent.futures import ProcessPoolExecutor
from dataclasses import dataclass

from core import keyphrases, quotes, summary, timeline
from core.article import Article
from core.briefing import Briefing
from core.ingest.sanitize import sanitize_field
from core.names import NameBook
from core.store import Store, StoreError
from core.text import Document

EXTRACTOR_VERSION = f"kp{keyphrases.VERSION}.t{timeline.VERSION}.q{quotes.VERSION}.s{summary.VERSION}"


def extract(article: Article) -> Briefing:
    read = article.extracted_part()  # a bound on one article's time and memory; offsets stay those of the text
    doc = Document(read.text)
    names = NameBook(read.text)
    found_quotes = quotes.find_quotes(doc, names)
    return Briefing(
        article=article,
        extractor_version=EXTRACTOR_VERSION,
        keyphrases=tuple(keyphrases.find_keyphrases(read)),
        timeline=tuple(timeline.find_timeline(doc, read.published)),
        quotes=tuple(found_quotes),
        summary=summary.summarize(doc, found_quotes, names),
    )


@dataclass(frozen=True, slots=True)
class ExtractionFailure:
    """An article the extractors failed on, as the one line the user sees: one hostile article must not take
    the rest of the batch, or the dashboard and the note being typed in it, down with it."""

    article: Article
    reason: str

    def __str__(self) -> str:
        title = f" ({self.article.title})" if self.article.title else ""
        return f"{self.article.path or self.article.id}{title}: not extracted: {self.reason}"


class ExtractionError(Exception):
    """Raised for an ExtractionFailure when the caller gave no on_failure to hear of it."""


def extract_or_failure(article: Article) -> Briefing | ExtractionFailure:
    """extract(), with any error of the extractors turned into a failure of this article alone. Run in the
    worker, so a pool's map goes on past it."""
    try:
        return extract(article)
    except (Exception, RecursionError) as exc:  # every error of the extractors is this article's problem
        detail = (sanitize_field(str(exc)) or "")[:200]  # an exception's text may quote the article
        return ExtractionFailure(article, f"{type(exc).__name__}: {detail}" if detail else type(exc).__name__)


def cache_context(article: Article) -> str:
    """The metadata the extractors read besides the text (the title weighs keyphrases, the date anchors the
    timeline): a cached result is reused only when these match too."""
    return hashlib.sha256(f"{article.title}\x1f{article.published}".encode()).hexdigest()[:16]


def extract_many(
    articles: Sequence[Article],
    *,
    workers: int = 1,
    store: Store | None = None,
    on_store_error: Callable[[StoreError], None] | None = None,
    on_failure: Callable[[ExtractionFailure], None] | None = None,
) -> list[Briefing]:
    """Briefings in the articles' order; cached ones come from the store, new ones are computed and stored.
    An article the extractors fail on is left out and reported to on_failure (raised without one)."""
    results: list[Briefing | None] = [None] * len(articles)
    for index, briefing in _extract_indexed(articles, workers, store, on_store_error, on_failure):
        results[index] = briefing
    return [b for b in results if b is not None]


def iter_extract(
    articles: Sequence[Article],
    *,
    workers: int = 1,
    store: Store | None = None,
    on_store_error: Callable[[StoreError], None] | None = None,
    on_failure: Callable[[ExtractionFailure], None] | None = None,
) -> Iterator[Briefing]:
    """Each briefing as soon as it is ready (cached ones first), holding none of them: a batch of any size
    streams through in bounded memory.

    New results are stored every _SAVE_EVERY articles, so a run killed half-way keeps what it finished and the
    next run resumes from there. A store that fails (a full disk) is reported to on_store_error once and then
    left alone: the briefings still come, only not cached. Without on_store_error the error is raised.
    An article the extractors fail on is reported to on_failure and the others go on (raised without one).
    """
    for _, briefing in _extract_indexed(articles, workers, store, on_store_error, on_failure):
        yield briefing


def cached_briefing(article: Article, store: Store) -> Briefing | None:
    """The stored briefing of one article, or None; never computes. Raises StoreError."""
    analysis = store.get_analyses([(article.content_hash, cache_context(article))], EXTRACTOR_VERSION)
    found = analysis.get((article.content_hash, cache_context(article)))
    return None if found is None else Briefing.from_analysis(article, EXTRACTOR_VERSION, found)


_LOOKUP_CHUNK = 400  # cached analyses decoded at a time: 10,000 at once would hold 10,000 decoded dicts


def _extract_indexed(articles: Sequence[Article], workers: int, store: Store | None,
                     on_store_error: Callable[[StoreError], None] | None,
                     on_failure: Callable[[ExtractionFailure], None] | None) -> Iterator[tuple[int, Briefing]]:
    todo: list[int] = []
    for start in range(0, len(articles), _LOOKUP_CHUNK):
        indices = range(start, min(start + _LOOKUP_CHUNK, len(articles)))
        cached = {}
        if store is not None:
            try:
                cached = store.get_analyses([(articles[i].content_hash, cache_context(articles[i]))
                                             for i in indices], EXTRACTOR_VERSION)
            except StoreError as exc:
                _store_failed(exc, on_store_error)
                store = None
        for index in indices:
            article = articles[index]
            analysis = cached.get((article.content_hash, cache_context(article)))
            if analysis is None:
                todo.append(index)
            else:
                yield index, Briefing.from_analysis(article, EXTRACTOR_VERSION, analysis)
    unsaved: list[Briefing] = []
    for index, briefing in zip(todo, _compute([articles[i] for i in todo], workers), strict=True):
        if isinstance(briefing, ExtractionFailure):
            if on_failure is None:
                raise ExtractionError(str(briefing))
            on_failure(briefing)
            continue
        yield index, briefing
        if store is not None:
            unsaved.append(briefing)
            if len(unsaved) >= _SAVE_EVERY:
                store = _save(store, unsaved, on_store_error)
                unsaved = []
    if store is not None and unsaved:
        _save(store, unsaved, on_store_error)


_SAVE_EVERY = 50  # results per store transaction: few enough to lose little to a crash, enough to cost little


def _save(store: Store, briefings: list[Briefing],
          on_store_error: Callable[[StoreError], None] | None) -> Store | None:
    try:
        store.put_articles(b.article for b in briefings)
        store.put_analyses(((b.article.content_hash, cache_context(b.article), b.analysis_json())
                            for b in briefings), EXTRACTOR_VERSION)
    except StoreError as exc:
        _store_failed(exc, on_store_error)
        return None
    return store


def _store_failed(exc: StoreError, on_store_error: Callable[[StoreError], None] | None) -> None:
    if on_store_error is None:
        raise exc
    on_store_error(exc)


_POOL_WORTH_IT = 8  # below this many articles, starting worker processes costs more than it saves


def _compute(articles: list[Article], workers: int) -> Iterator[Briefing | ExtractionFailure]:
    if workers <= 1 or len(articles) < _POOL_WORTH_IT:
        yield from map(extract_or_failure, articles)
        return
    chunk = max(1, min(32, len(articles) // (workers * 4)))
    with ProcessPoolExecutor(max_workers=min(workers, len(articles))) as pool:
        yield from pool.map(extract_or_failure, articles, chunksize=chunk)


def default_workers() -> int:
    return os.cpu_count() or 1
