"""Benchmarks: each times brief against a baseline measured in the same run and prints the ratio.

    python -m bench.run                 # all
    python -m bench.run keyphrases      # one
"""

from __future__ import annotations

import argparse
import platform
import time
from collections.abc import Callable, Sequence
from functools import cache

from bench.batch import bench_batch, bench_large_store, bench_pipeline
from bench.batch_view import bench_batch_view
from bench.cold_batch import bench_cold_batch
from bench.corpus import news_articles
from bench.duplicates import bench_duplicates
from bench.fetch import bench_fetch
from bench.first_screen import bench_first_screen
from bench.hostile import bench_hostile
from bench.pathological import bench_pathological
from core.article import Article


def per_article_ms(fn: Callable[[Article], object], articles: Sequence[Article], repeats: int = 3) -> float:
    """Best of `repeats` passes, in ms per article; the best pass is the one least disturbed by the machine."""
    best = float("inf")
    for _ in range(repeats):
        start = time.perf_counter()
        for article in articles:
            fn(article)
        best = min(best, time.perf_counter() - start)
    return 1000 * best / len(articles)


@cache
def _yake_extractor():
    import yake

    return yake.KeywordExtractor(lan="en", n=3, top=10)


def plain_yake(article: Article) -> list:
    """The baseline as score.py runs it: one extractor, title and text joined."""
    text = "\n\n".join(x for x in (article.title, article.text) if x)
    return _yake_extractor().extract_keywords(text)


def against_yake(label: str, fn: Callable[[Article], object], articles: Sequence[Article]) -> dict[str, float]:
    """`fn` and plain YAKE timed on the same articles in this run, both warmed first (lexicons and caches load
    once per process)."""
    for article in articles[:5]:
        plain_yake(article)
        fn(article)
    baseline = per_article_ms(plain_yake, articles)
    ours = per_article_ms(fn, articles)
    return {"plain YAKE ms/article": baseline, f"{label} ms/article": ours, "ratio": ours / baseline}


def bench_keyphrases(articles: Sequence[Article]) -> dict[str, float]:
    """Bar: 1.5 times plain YAKE."""
    from core.keyphrases import find_keyphrases

    return against_yake("keyphrases", find_keyphrases, articles)


def bench_quotes(articles: Sequence[Article]) -> dict[str, float]:
    """Quotes have no library baseline; the bar is absolute (10 ms per article), shown beside plain YAKE's cost."""
    from core.names import NameBook
    from core.quotes import find_quotes
    from core.text import Document

    return against_yake("quotes", lambda a: find_quotes(Document(a.text), NameBook(a.text)), articles)


def bench_summary(articles: Sequence[Article]) -> dict[str, float]:
    """The summary on top of the quotes it reuses (the quotes' own cost is in `quotes`); bar: 20 ms per article."""
    from core.names import NameBook
    from core.quotes import find_quotes
    from core.summary import summarize
    from core.text import Document

    prepared = {}
    for article in articles:
        doc, names = Document(article.text), NameBook(article.text)
        prepared[id(article)] = (doc, names, find_quotes(doc, names))

    def summary(article: Article):
        doc, names, quotes = prepared[id(article)]
        return summarize(Document(doc.text), quotes, names)

    return against_yake("summary", summary, articles)


def bench_timeline(articles: Sequence[Article]) -> dict[str, float]:
    """Timeline tagging; bar: 5 ms per article."""
    from core.text import Document
    from core.timeline import find_timeline

    return against_yake("timeline", lambda a: find_timeline(Document(a.text), a.published), articles)


BENCHMARKS = {"keyphrases": bench_keyphrases, "timeline": bench_timeline, "quotes": bench_quotes,
              "summary": bench_summary, "duplicates": bench_duplicates, "first_screen": bench_first_screen,
              "batch": bench_batch, "pipeline": bench_pipeline, "store": bench_large_store,
              "hostile": bench_hostile, "fetch": bench_fetch, "pathological": bench_pathological,
              "cold_batch": bench_cold_batch, "batch_view": bench_batch_view}


def main(argv: Sequence[str] | None = None) -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("names", nargs="*", choices=[*BENCHMARKS, []], help="benchmarks to run (default: all)")
    parser.add_argument("--articles", type=int, default=200, help="articles to time on")
    args = parser.parse_args(argv)
    articles = news_articles(args.articles)
    words = sum(len(a.text.split()) for a in articles) / len(articles)
    print(f"{platform.node()} · {platform.processor() or platform.machine()} · Python {platform.python_version()}"
          f" · {len(articles)} articles, {words:.0f} words on average")
    for name in args.names or BENCHMARKS:
        figures = BENCHMARKS[name](articles)
        print(f"{name:12s} " + "  ".join(f"{k}={v:.3f}" for k, v in figures.items()), flush=True)


if __name__ == "__main__":
    main()
