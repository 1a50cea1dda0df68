"""Article in, Briefing out: every extractor run once, cached in the store, in parallel for batches.

extract() is a pure function of the article and the extractor version, which is what makes caching by content
hash safe and a process pool give the same answers as one process.
"""

from __future__ import annotations

import hashlib
import os
from collections.abc import Callable, Iterator, Sequence
from concurrent.futures import FIRST_COMPLETED, Future, wait
from dataclasses import dataclass
from itertools import islice

from core import keyphrases, quotes, summary, timeline
from core.article import Article
from core.briefing import Briefing
from core.extractor_version import extractor_version
from core.ingest.sanitize import sanitize_field
from core.names import NameBook
from core.store import Store, StoreError
from core.text import Document
from core.worker_pool import PoolClosed, TaskFailed, WorkerPool


def extract(article: Article) -> Briefing:
    read = article.extracted_part()  # a bound on one article's time and memory; offsets stay those of the text
    doc = Document(read.text)
    story_start = summary.body_start(doc, read.title)  # after the headline the text may open with
    names = NameBook(read.text, story_start)
    found_quotes = quotes.find_quotes(doc, names)
    return Briefing(
        article=article,
        extractor_version=extractor_version(),
        keyphrases=tuple(keyphrases.find_keyphrases(read)),
        timeline=tuple(timeline.find_timeline(doc, read.published)),
        quotes=tuple(found_quotes),
        summary=summary.summarize(doc, found_quotes, names, read.title, story_start),
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


ExtractionPool = WorkerPool["Briefing | ExtractionFailure"]  # processes that run extract_or_failure


def extract_or_failure(article: Article) -> Briefing | ExtractionFailure:
    """extract(), with any error of the extractors turned into a failure of this article alone. Run in the
    worker, so the batch goes on past it."""
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
    workers: int = 0,
    pool: ExtractionPool | None = None,
    store: Store | None = None,
    on_store_error: Callable[[StoreError], None] | None = None,
    on_failure: Callable[[ExtractionFailure], None] | None = None,
    urgent: bool = False,
) -> list[Briefing]:
    """Briefings in the articles' order; cached ones come from the store, new ones are computed and stored.
    An article the extractors fail on is left out and reported to on_failure (raised without one). `urgent`
    puts the work before what the pool is already doing (the article the analyst is looking at)."""
    results: list[Briefing | None] = [None] * len(articles)
    for index, briefing in _extract_indexed(articles, workers, pool, store, on_store_error, on_failure, urgent):
        results[index] = briefing
    return [b for b in results if b is not None]


def iter_extract(
    articles: Sequence[Article],
    *,
    workers: int = 0,
    pool: ExtractionPool | None = None,
    store: Store | None = None,
    on_store_error: Callable[[StoreError], None] | None = None,
    on_failure: Callable[[ExtractionFailure], None] | None = None,
) -> Iterator[Briefing]:
    """Each briefing as soon as it is ready (cached ones first, marked `from_cache`, then in the order they
    finish), holding none of them: a batch of any size streams through in bounded memory.

    The work runs in `pool` if given, else in a pool of `workers` processes made for the call, else (workers=0)
    in this process. An article whose extraction fails, runs past ARTICLE_SECONDS or needs more than ARTICLE_MEMORY
    is reported to on_failure, and the rest go on; without on_failure the first failure is raised as
    ExtractionError.

    New results are stored every _SAVE_EVERY articles, so a run killed half-way keeps what it finished and the
    next run resumes from there. A store that fails (a full disk) is reported to on_store_error once and then
    left alone: the briefings still come, only not cached. Without on_store_error the error is raised.
    """
    for _, briefing in _extract_indexed(articles, workers, pool, store, on_store_error, on_failure, False):
        yield briefing


def extraction_pool(workers: int) -> ExtractionPool:
    """Processes that extract articles, started on first use and bounded per article (see core/worker_pool.py)."""
    return WorkerPool(extract_or_failure, workers, seconds=ARTICLE_SECONDS, memory_bytes=ARTICLE_MEMORY)


ARTICLE_SECONDS = 60.0  # one article's extraction is stopped past this and reported (SECURITY.md)
ARTICLE_MEMORY = 2 * 2**30  # bytes one article's extraction may map beyond a warmed worker's own


def cached_briefing(article: Article, store: Store) -> Briefing | None:
    """The stored briefing of one article, or None; never computes. Raises StoreError."""
    analysis = store.get_analyses([(article.content_hash, cache_context(article))], extractor_version())
    found = analysis.get((article.content_hash, cache_context(article)))
    return None if found is None else Briefing.from_analysis(article, extractor_version(), found)


_LOOKUP_CHUNK = 400  # cached analyses decoded at a time: 10,000 at once would hold 10,000 decoded dicts


def _extract_indexed(articles: Sequence[Article], workers: int, pool: ExtractionPool | None,
                     store: Store | None, on_store_error: Callable[[StoreError], None] | None,
                     on_failure: Callable[[ExtractionFailure], None] | None,
                     urgent: bool) -> Iterator[tuple[int, Briefing]]:
    todo: list[int] = []
    for start in range(0, len(articles), _LOOKUP_CHUNK):
        indices = range(start, min(start + _LOOKUP_CHUNK, len(articles)))
        cached = {}
        if store is not None:
            try:
                cached = store.get_analyses([(articles[i].content_hash, cache_context(articles[i]))
                                             for i in indices], extractor_version())
            except StoreError as exc:
                _store_failed(exc, on_store_error)
                store = None
        for index in indices:
            article = articles[index]
            analysis = cached.get((article.content_hash, cache_context(article)))
            if analysis is None:
                todo.append(index)
            else:
                yield index, Briefing.from_analysis(article, extractor_version(), analysis)
    unsaved: list[Briefing] = []
    for index, outcome in _compute(articles, todo, workers, pool, urgent):
        if isinstance(outcome, ExtractionFailure):
            if on_failure is None:
                raise ExtractionError(str(outcome))
            on_failure(outcome)
            continue
        yield index, outcome
        if store is not None:
            unsaved.append(outcome)
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
                            for b in briefings), extractor_version())
    except StoreError as exc:
        _store_failed(exc, on_store_error)
        return None
    return store


def _store_failed(exc: StoreError, on_store_error: Callable[[StoreError], None] | None) -> None:
    if on_store_error is None:
        raise exc
    on_store_error(exc)


_IN_FLIGHT_PER_WORKER = 4  # tasks handed to the pool ahead of results: workers never idle, memory stays bounded


def _compute(articles: Sequence[Article], todo: list[int], workers: int,
             pool: ExtractionPool | None,
             urgent: bool) -> Iterator[tuple[int, Briefing | ExtractionFailure]]:
    """(index, briefing or failure) for each index in todo, in the order they finish."""
    if pool is None and workers <= 0:
        for index in todo:
            yield index, extract_or_failure(articles[index])
        return
    if not todo:
        return
    own = pool is None
    running = pool or extraction_pool(min(workers, len(todo)))
    try:
        yield from _through_pool(articles, todo, running, running.size * _IN_FLIGHT_PER_WORKER, urgent)
    finally:
        if own:
            running.close()


def _through_pool(articles: Sequence[Article], todo: list[int], pool: ExtractionPool,
                  window: int, urgent: bool) -> Iterator[tuple[int, Briefing | ExtractionFailure]]:
    waiting = iter(todo)
    in_flight: dict[Future[Briefing | ExtractionFailure], int] = {}
    for index in islice(waiting, window):
        in_flight[pool.submit(articles[index], urgent=urgent)] = index
    while in_flight:
        done, _ = wait(in_flight, return_when=FIRST_COMPLETED)
        for future in done:
            index = in_flight.pop(future)
            try:
                yield index, future.result()
            except TaskFailed as exc:  # past its time or memory, or its process died
                yield index, ExtractionFailure(articles[index], str(exc))
            except PoolClosed:
                return
            for following in islice(waiting, 1):
                in_flight[pool.submit(articles[following], urgent=urgent)] = following


def default_workers() -> int:
    return os.cpu_count() or 1
