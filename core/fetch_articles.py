"""URLs to articles: a feed gives its items, each with the full text of its page; a page gives its article.

Most feeds carry a summary only, so an item's link is fetched and its article extracted (trafilatura, as for a
saved page), keeping the feed's title, date and source; when the page cannot be had, the summary stays, with a
caveat that says so. What a feed gave last time (its ETag and Last-Modified, each item's key and summary) lets
the next fetch ask only "anything new?" and fetch only the pages of new or changed items.

Requests run on a bounded pool of threads sharing one Fetcher: feeds first, then every page they need, so a
feed waiting for its pages never holds a thread a page needs.
"""

from __future__ import annotations

import hashlib
from collections.abc import Callable, Mapping, Sequence
from concurrent.futures import ThreadPoolExecutor
from dataclasses import dataclass, replace

from core.article import Article
from core.fetch import Fetcher, FetchError, Response
from core.ingest import DEFAULT_MAX_BYTES, Problem, load_bytes, with_text
from core.ingest.decode import decode
from core.ingest.errors import IngestError
from core.ingest.feed import looks_like_feed
from core.ingest.html import parse_html
from core.ingest.sanitize import sanitize_field
from core.store import FeedItem, FeedState, Store, StoreError

# An item whose feed text is shorter than this is taken for a summary, and its page is fetched for the story.
SUMMARY_CHARS = 1500

_FEED_TYPES = {"application/rss+xml", "application/atom+xml", "application/rdf+xml", "application/xml",
               "text/xml", "application/x-rss+xml"}
_JSON_TYPES = {"application/feed+json", "application/json"}
_HTML_TYPES = {"text/html", "application/xhtml+xml"}


@dataclass(frozen=True, slots=True)
class Fetched:
    """One URL's outcome: its new or changed articles, or why it failed."""

    url: str
    items: tuple[FeedItem, ...] = ()
    problems: tuple[Problem, ...] = ()  # items or pages that could not be read; the rest came
    error: str | None = None  # the URL itself could not be had or read
    not_modified: bool = False
    etag: str | None = None
    last_modified: str | None = None
    is_feed: bool = False

    @property
    def articles(self) -> list[Article]:
        return [item.article for item in self.items]

    @property
    def title(self) -> str | None:
        """The feed's title, as its items carry it for their source."""
        return next((item.article.source for item in self.items if item.article.source), None)


def fetch_all(urls: Sequence[str], fetcher: Fetcher, *, states: Mapping[str, FeedState] | None = None,
              max_bytes: int = DEFAULT_MAX_BYTES, on_done: Callable[[Fetched], None] | None = None) -> list[Fetched]:
    """Every URL's outcome, in the order given; on_done hears of each as it completes (progress, a line a feed)."""
    states = states or {}
    workers = max(1, fetcher.policy.max_connections)
    with ThreadPoolExecutor(max_workers=workers, thread_name_prefix="brief-fetch") as pool:
        firsts = list(pool.map(lambda url: _fetch_source(url, fetcher, states.get(url, FeedState()), max_bytes),
                               urls))
        # every page of every feed queued at once, so the pool stays full across feeds
        pending = [[(i, pool.submit(_full_text, first.items[i].article, fetcher, max_bytes)) for i in pages]
                   for first, pages in firsts]
        results = []
        for (first, _), futures in zip(firsts, pending, strict=True):
            result = _with_full_text(first, [(i, f.result()) for i, f in futures]) if futures else first
            results.append(result)
            if on_done is not None:
                on_done(result)
    return results


def refresh(store: Store, urls: Sequence[str], fetcher: Fetcher, *,
            on_done: Callable[[Fetched], None] | None = None) -> list[Fetched]:
    """Fetch these feeds as the store last saw them and store what is new, feed by feed as each completes, so a
    fetch cut short keeps what it had. A store that refuses a feed's results makes that feed's outcome an error."""
    states = store.feed_states()

    def save(result: Fetched) -> Fetched:
        try:
            if result.error is not None:
                store.put_feed(result.url, (), error=result.error)
            elif not result.not_modified:
                store.put_feed(result.url, result.items, title=result.title, etag=result.etag,
                               last_modified=result.last_modified)
        except StoreError as exc:
            return replace(result, error=f"not stored: {exc}")
        return result

    saved: list[Fetched] = []

    def done(result: Fetched) -> None:
        saved.append(save(result))
        if on_done is not None:
            on_done(saved[-1])

    fetch_all(urls, fetcher, states=states, on_done=done)
    return saved


def _fetch_source(url: str, fetcher: Fetcher, state: FeedState, max_bytes: int) -> tuple[Fetched, list[int]]:
    """The URL's articles as the response gives them, and the indexes of the items whose pages are wanted."""
    try:
        response = fetcher.get(url, etag=state.etag, last_modified=state.last_modified)
    except FetchError as exc:
        return Fetched(url, error=str(exc)), []
    if response.not_modified:
        return Fetched(url, not_modified=True, etag=state.etag, last_modified=state.last_modified,
                       is_feed=True), []
    suffix, is_feed = _kind(response)
    articles: list[Article] = []
    problems: list[Problem] = []
    for found in load_bytes(response.content, sanitize_field(url) or "?", suffix, max_bytes=max_bytes):
        if isinstance(found, Problem):
            problems.append(found)
        else:
            articles.append(found)
    if not articles and problems:
        return Fetched(url, error=problems[0].reason, etag=response.etag, last_modified=response.last_modified), []
    items = []
    for article in articles:
        if not is_feed and not article.url:
            article = replace(article, url=response.url)
        key = _item_key(article)
        said = _summary_hash(article)
        if is_feed and state.items.get(key) == said:
            continue  # the feed says of it what it said last time: nothing to fetch, nothing new
        items.append(FeedItem(key, said, article))
    pages = [i for i, item in enumerate(items) if is_feed and _wants_page(item.article)]
    return Fetched(url, tuple(items), tuple(problems), etag=response.etag, last_modified=response.last_modified,
                   is_feed=is_feed), pages


def _with_full_text(fetched: Fetched, outcomes: list[tuple[int, tuple[Article, Problem | None]]]) -> Fetched:
    items = list(fetched.items)
    problems = list(fetched.problems)
    for index, (article, problem) in outcomes:
        items[index] = replace(items[index], article=article)
        if problem is not None:
            problems.append(problem)
    return replace(fetched, items=tuple(items), problems=tuple(problems))


def _full_text(article: Article, fetcher: Fetcher, max_bytes: int) -> tuple[Article, Problem | None]:
    """The item with its page's article text, or with its summary and a caveat (and a problem line) saying why."""
    url = article.url or ""
    try:
        response = fetcher.get(url)
        if len(response.content) > max_bytes:
            raise IngestError("over the size limit")
        [page] = parse_html(decode(response.content))
    except (FetchError, IngestError) as exc:
        caveat = f"the feed's summary only: the page could not be fetched ({exc})"
        return with_text(article, article.text, caveat), Problem(url, str(exc))
    if len(page.text.strip()) <= len(article.text.strip()):
        return article, None  # the page holds less than the feed did: a teaser page, a paywall
    return with_text(article, page.text, page.caveat), None


def _kind(response: Response) -> tuple[str, bool]:
    """The suffix ingest should read the body as, and whether it is a feed."""
    media = response.content_type
    if media in _FEED_TYPES:
        return ".xml", True
    head = response.content[:4096].decode("utf-8", "replace")
    if media in _JSON_TYPES or (media not in _HTML_TYPES and head.lstrip().startswith("{")):
        return ".json", "jsonfeed.org/version/" in head
    if looks_like_feed(head):
        return ".xml", True
    if media in _HTML_TYPES:
        return ".html", False
    return "", False


def _item_key(article: Article) -> str:
    own_id = article.id != article.content_hash[:16]
    return article.id if own_id else (article.url or article.id)


def _summary_hash(article: Article) -> str:
    return hashlib.sha256(f"{article.title}\x1f{article.published}\x1f{article.text}".encode()).hexdigest()[:32]


def _wants_page(article: Article) -> bool:
    return article.url is not None and article.url.lower().startswith(("http://", "https://")) \
        and len(article.text) < SUMMARY_CHARS

