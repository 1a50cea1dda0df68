"""The article list as the analyst sees it, without a terminal: which articles are listed, in what order, under
which filter, folded into which near-duplicate groups, and what the status line counts.

A plain class with no Textual import: the screens draw it and send it keys' meanings, the tests drive it directly.
"""

from __future__ import annotations

import time
from collections import Counter, OrderedDict
from collections.abc import Sequence
from dataclasses import dataclass

from core.article import Article
from core.briefing import Briefing
from core.corpus import Corpus
from core.ingest import Problem
from core.pipeline import ExtractionFailure, cached_briefing
from core.store import StoreError
from tui.review_book import ReviewBook

STATUS_FILTERS = ("all", "new", "flagged", "read", "dismissed")
SORTS = ("date", "source", "title", "status")
RECENT_BRIEFINGS = 64  # decoded briefings kept for going back and forth; the rest are read again from the store
_STATUS_ORDER = {"flagged": 0, "new": 1, "read": 2, "dismissed": 3}


@dataclass(frozen=True, slots=True)
class Query:
    """What `/` typed: words every listed article holds somewhere, and #tags it carries."""

    words: tuple[str, ...] = ()
    tags: tuple[str, ...] = ()

    @classmethod
    def parse(cls, typed: str) -> Query:
        parts = typed.lower().split()
        tags = tuple(p[1:] for p in parts if p.startswith("#") and len(p) > 1)
        words = " ".join(p for p in parts if not p.startswith("#"))
        return cls((words,) if words else (), tags)

    def __bool__(self) -> bool:
        return bool(self.words or self.tags)


@dataclass(frozen=True, slots=True)
class Progress:
    """Background extraction: how far, how fast, and how long is left once a rate is known. Briefings read back
    from the store's cache are counted apart: a reopened batch is not "extracting" what it only reads."""

    done: int  # extracted now (or failed)
    total: int  # every article of the list
    per_second: float | None  # None until enough has been timed
    seconds_left: float | None
    cached: int = 0  # read from the cache

    @property
    def finished_part(self) -> float:
        """How much of the list has its briefing, for the progress bar: extracted and cached alike."""
        return (self.done + self.cached) / self.total if self.total else 1.0

    def __str__(self) -> str:
        if not self.done and not self.cached:
            return f"preparing {self.total} article{'s' if self.total != 1 else ''}"
        if not self.done:
            return f"{self.cached} from cache"
        text = f"extracting {self.done}/{self.total - self.cached}"
        if self.per_second:
            text += f" · {self.per_second:.1f}/s"
        if self.seconds_left is not None:
            minutes, seconds = divmod(round(self.seconds_left), 60)
            text += f" · {minutes}m{seconds:02d}s left" if minutes else f" · {seconds}s left"
        if self.cached:
            text += f" · {self.cached} from cache"
        return text


class ArticleListModel:
    def __init__(self, book: ReviewBook) -> None:
        self.book = book
        self.articles: list[Article] = []
        self.loaded = False  # the inputs have been read once
        self.problems: list[Problem | ExtractionFailure] = []
        self.failed: set[str] = set()  # keys of the articles the extractors failed on (counted as done)
        self.extracted: set[str] = set()  # keys whose briefing arrived, extracted in this run
        self.cached: set[str] = set()  # keys whose briefing arrived from the store's cache
        self.corpus = Corpus()  # what the list, the filter and the corpus views need of every briefing
        self.recent: OrderedDict[str, Briefing] = OrderedDict()  # the last briefings shown or arrived
        self.query = Query()
        self.typed = ""  # the search as typed, for the status line
        self.phrase_filter: tuple[str, tuple[str, ...]] | None = None
        self.groups: dict[str, tuple[str, ...]] = {}  # article key -> its near-duplicate group, first stands for it
        self.expanded: set[str] = set()  # groups shown in full
        self.status_filter = "all"
        self.sort_by = "date"
        self._haystacks: dict[str, str] = {}  # article key -> what the search looks through
        self._timing: tuple[float, int] | None = None  # (when, how many were extracted) as extraction started
        self._took: float | None = None  # seconds the last batch took, once every article is extracted

    # ------------------------------------------------------------------ contents

    def set_articles(self, articles: Sequence[Article], reviews) -> None:
        self.articles = list(articles)
        self.book.reviews = dict(reviews)
        self._haystacks.clear()

    def add_articles(self, articles: Sequence[Article], reviews) -> None:
        self.articles.extend(articles)
        self.book.reviews.update(reviews)

    def by_key(self, key: str) -> Article | None:
        return next((a for a in self.articles if a.key == key), None)

    def arrived(self, briefing: Briefing) -> None:
        """A briefing indexed: the search looks through its keyphrases and speakers from now on, and the status
        line counts it, as extracted or as read from the cache."""
        key = briefing.article.key
        self._haystacks.pop(key, None)
        if key not in self.extracted and key not in self.cached:
            (self.cached if briefing.from_cache else self.extracted).add(key)

    def review_changed(self, article: Article) -> None:
        """Tags or a note changed: the search finds them from now on."""
        self._haystacks.pop(article.key, None)

    def keep(self, briefing: Briefing) -> None:
        self.recent[briefing.article.key] = briefing
        self.recent.move_to_end(briefing.article.key)
        while len(self.recent) > RECENT_BRIEFINGS:
            self.recent.popitem(last=False)

    def briefing(self, article: Article) -> Briefing | None:
        """The article's briefing if it has been extracted: recently shown, or read back from the store."""
        found = self.recent.get(article.key)
        if found is None and article.key in self.corpus:
            try:
                found = cached_briefing(article, self.book.store)
            except StoreError:
                found = None
        if found is not None:
            self.keep(found)
        return found

    # ------------------------------------------------------------------ what is listed

    def status(self, article: Article) -> str:
        return self.book.status(article)

    def search(self, typed: str) -> None:
        self.typed = typed.strip()
        self.query = Query.parse(typed)

    def next_status_filter(self) -> None:
        self.status_filter = STATUS_FILTERS[(STATUS_FILTERS.index(self.status_filter) + 1) % len(STATUS_FILTERS)]

    def next_sort(self) -> None:
        self.sort_by = SORTS[(SORTS.index(self.sort_by) + 1) % len(SORTS)]

    def clear_filters(self) -> None:
        self.search("")
        self.status_filter = "all"
        self.phrase_filter = None

    def visible(self) -> list[Article]:
        shown = [a for a in self.articles if self.passes(a) and not self.folded(a)]
        return self.in_order(shown)

    def in_order(self, articles: Sequence[Article]) -> list[Article]:
        key = {
            "date": lambda a: (a.published or "",),
            "source": lambda a: ((a.source or "").lower(), a.published or ""),
            "title": lambda a: ((a.title or "").lower(),),
            "status": lambda a: (_STATUS_ORDER[self.status(a)],),
        }[self.sort_by]
        return sorted(articles, key=key, reverse=self.sort_by == "date")

    def passes(self, article: Article) -> bool:
        if self.phrase_filter is not None and article.key not in self.phrase_filter[1]:
            return False
        if self.status_filter != "all" and self.status(article) != self.status_filter:
            return False
        if not self.query:
            return True
        if self.query.tags:
            tags = {t.lower() for t in self.book.review(article).tags}
            if not all(any(t == tag or t.startswith(tag) for t in tags) for tag in self.query.tags):
                return False
        haystack = self.haystack(article)
        return all(word in haystack for word in self.query.words)

    def haystack(self, article: Article) -> str:
        """What the search looks through, built once per article (again when its briefing arrives or its tags
        and note change), not on every keystroke of the search."""
        found = self._haystacks.get(article.key)
        if found is None:
            review = self.book.review(article)
            parts = [article.title or "", article.source or "", article.text, *review.tags, review.note]
            digest = self.corpus.digests.get(article.key)
            if digest is not None:
                parts += [*digest.keyphrases, *digest.speakers]
            found = self._haystacks[article.key] = "\n".join(parts).lower()
        return found

    def folded(self, article: Article) -> bool:
        """A copy hidden under its group's first article, unless the group is expanded."""
        group = self.groups.get(article.key)
        return group is not None and group[0] != article.key and group[0] not in self.expanded

    def similar_counts(self) -> dict[str, int]:
        return {group[0]: len(group) - 1 for group in self.groups.values() if group[0] not in self.expanded}

    def acted_on(self, article: Article) -> list[Article]:
        """The article, or its whole group when the row stands folded for its copies."""
        group = self.groups.get(article.key)
        if not group or group[0] != article.key or article.key in self.expanded:
            return [article]
        by_key = {a.key: a for a in self.articles}
        return [by_key[k] for k in group if k in by_key]

    def toggle_group(self, article: Article) -> bool:
        """Show or fold the article's group; False when it has no near-duplicates."""
        group = self.groups.get(article.key)
        if not group:
            return False
        self.expanded ^= {group[0]}
        return True

    def set_groups(self, groups: dict[str, tuple[str, ...]]) -> bool:
        """Near-duplicate groups found in the background; True when they changed what is listed."""
        listed = {a.key for a in self.articles}  # the files may have changed since the groups were computed
        kept = {key: tuple(k for k in group if k in listed) for key, group in groups.items() if key in listed}
        kept = {key: group for key, group in kept.items() if len(group) > 1}
        if kept == self.groups:
            return False
        self.groups = kept
        return True

    def next_new(self, listed: Sequence[Article], start: int, step: int) -> Article | None:
        """The next (step 1) or previous (-1) new article after row `start`, wrapping round; None if none is."""
        for offset in range(1, len(listed) + 1):
            article = listed[(start + step * offset) % len(listed)]
            if self.status(article) == "new":
                return article
        return None

    def flagged_in_order(self) -> list[Article]:
        """What `e` exports: the flagged articles, in the order the list sorts them."""
        return self.in_order([a for a in self.articles if self.status(a) == "flagged"])

    # ------------------------------------------------------------------ the status line

    def counts(self) -> Counter:
        return Counter(self.status(a) for a in self.articles)

    def extraction_started(self, now: float | None = None) -> None:
        self._timing = (time.monotonic() if now is None else now, self.done())
        self._took = None

    def finished(self, now: float | None = None) -> str | None:
        """Once the batch started by extraction_started() has every briefing: "extracted 300 in 31 s", "300 from
        cache", or both ("extracted 12 in 3 s · 288 from cache"); else None."""
        if self._timing is None or self.done() + len(self.cached) < len(self.articles) or not self.articles:
            return None
        if self._took is None:
            self._took = (time.monotonic() if now is None else now) - self._timing[0]
        parts = []
        if self.extracted or not self.cached:
            parts.append(f"extracted {len(self.extracted)} in {self._took:.0f} s")
        if self.cached:
            parts.append(f"{len(self.cached)} from cache")
        return " · ".join(parts)

    def done(self) -> int:
        """Articles extracted in this run, or failed: the work the status line counts (the cached are apart)."""
        return min(len(self.extracted) + len(self.failed), len(self.articles))

    def extraction_failed(self, failure: ExtractionFailure) -> bool:
        """One article the extractors failed on, kept for the problems view and the exit report; False when it
        was heard of before."""
        if failure.article.key in self.failed:
            return False
        self.failed.add(failure.article.key)
        self.problems.append(failure)
        return True

    def progress(self, now: float | None = None) -> Progress | None:
        """None before extraction started and once every article has its briefing; the rate and time left once
        two seconds have been timed."""
        cached = min(len(self.cached), len(self.articles))
        done, total = self.done(), len(self.articles)
        if self._timing is None or done + cached >= total:
            return None
        rate = left = None
        since, at_start = self._timing
        elapsed = (time.monotonic() if now is None else now) - since
        if elapsed >= 2 and done > at_start:
            rate = (done - at_start) / elapsed
            left = (total - cached - done) / rate
        return Progress(done, total, rate, left, cached)

    def status_parts(self, shown: int, progress: str | None = None) -> list[str]:
        """The status line's parts, most wanted first, since at 80 columns its end is cut: the counts, the filters,
        then `progress` (extraction's or its end), what could not be read or saved, and the sort last."""
        total = len(self.articles)
        counts = self.counts()
        parts = [f"{shown} of {total} articles" if shown != total else f"{total} article{'s' if total != 1 else ''}",
                 f"{counts['new']} new", f"{counts['flagged']} flagged"]
        if self.status_filter != "all":
            parts.append(f"showing: {self.status_filter}")
        if self.typed:
            parts.append(f"search: {self.typed}")
        if self.phrase_filter is not None:
            parts.append(f"phrase: {self.phrase_filter[0]} (1 clears)")
        if not self.loaded:
            parts.append("reading the inputs…")
        if progress:
            parts.append(progress)
        if self.problems:
            parts.append(f"{len(self.problems)} could not be read (p)" if not self.failed
                         else f"{len(self.problems)} problems (p)")
        if self.book.unsaved:
            parts.append(f"{len(self.book.unsaved)} unsaved")
        return [*parts, f"sort: {self.sort_by}"]
