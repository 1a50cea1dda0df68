"""Texts that are odd but turn up (a press release in capitals, a transcript with no full stops, a chain of
relative clauses, one sentence of commas): the whole extraction of each, timed against plain YAKE on the same text.
Rules that backtrack word by word over such a text cost seconds where YAKE costs milliseconds; this shows it."""

from __future__ import annotations

from collections.abc import Sequence

from core.article import Article
from core.ingest import load_bytes

HOSTILE = {
    "capitals": " ".join(["THE UNITED STATES SAID"] * 2000),
    "no full stops": " ".join(["analysts said the plan would fail and"] * 1500),
    "relative clauses": " ".join(["a man who said that a woman who claimed"] * 800) + ".",
    "commas": ", ".join(["the officials of the ministry said"] * 800) + ".",
    # 100 KB each, every one a sentence that never ends: quadratic before (issue 19), linear now
    "Mr.": "Mr. " * 25_000,  # each stop searched back to the sentence's start: 87 s
    "U.S.": "U.S. " * 20_000,
    "weekdays": "Monday and " * 9_000,  # a copy of the sentence for each of 9,000 dates: 16.5 s, 1.27 GB
    "clock times": "3:45 p.m. EST " * 7_000,  # and each date checked against every other: 32 s
    "quotation marks": '"a" said ' * 10_000,  # each quotation's attribution sought in the whole sentence: 120 s
    # 20 KB: a comma before every cue, each a possible apposition: content-first attribution tried at every comma
    # was 37 times YAKE; it is tried only at the commas near a cue and an end now
    "appositions": "Kim, a, said " * 1_500,
}


def hostile_articles() -> dict[str, Article]:
    found = {}
    for label, text in HOSTILE.items():
        [article] = [a for a in load_bytes(text.encode(), f"{label}.txt", ".txt") if isinstance(a, Article)]
        found[label] = article
    return found


def bench_hostile(articles: Sequence[Article]) -> dict[str, float]:
    """Per text: extraction ms and its ratio to plain YAKE's ms on the same text (`articles` is not used)."""
    from bench.run import per_article_ms, plain_yake
    from core.pipeline import extract

    figures: dict[str, float] = {}
    for label, article in hostile_articles().items():
        baseline = per_article_ms(plain_yake, [article], repeats=1)
        ours = per_article_ms(extract, [article], repeats=1)
        figures[f"{label} ms"] = ours
        figures[f"{label} ratio"] = ours / baseline
    return figures
