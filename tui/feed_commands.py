"""`brief subscribe`, `unsubscribe`, `subscriptions` and `fetch`: feeds from the command line, headless.

`brief fetch` is for cron: one line per feed (what was new, or why it failed) and exit status 1 when some feed
failed. Like `brief extract`, these import no Textual.
"""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

from core.locations import database_path, subscriptions_path
from core.subscriptions import (
    Subscription,
    SubscriptionError,
    is_feed_url,
    read_opml,
    read_subscriptions,
    subscribe,
    to_opml,
    unsubscribe,
)

EXIT_OK, EXIT_FAILED = 0, 1


def _report(message: str) -> None:
    from core.ingest.sanitize import sanitize_field

    print(f"brief: {sanitize_field(message)}", file=sys.stderr)


def subscribe_parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(prog="brief subscribe", description="Subscribe to feeds (http or https).")
    parser.add_argument("urls", nargs="*", metavar="URL", help="feed URLs")
    parser.add_argument("--tag", action="append", default=[], metavar="T", help="tag the feeds (repeatable)")
    parser.add_argument("--opml", metavar="FILE", help="import the feeds of an OPML file (folders become tags)")
    return parser


def run_subscribe(args: argparse.Namespace) -> int:
    if not args.urls and not args.opml:
        _report("give feed URLs or --opml FILE")
        return 2
    status = EXIT_OK
    wanted = []
    for url in args.urls:
        if is_feed_url(url):
            wanted.append(Subscription(url, tuple(args.tag)))
        else:
            _report(f"{url}: not an http or https URL")
            status = EXIT_FAILED
    if args.opml:
        try:
            wanted += [Subscription(f.url, tuple(dict.fromkeys((*f.tags, *args.tag))))
                       for f in read_opml(Path(args.opml).read_bytes(), args.opml) if is_feed_url(f.url)]
        except OSError as exc:
            _report(f"{args.opml}: cannot read: {exc.strerror or exc}")
            return EXIT_FAILED
        except SubscriptionError as exc:
            _report(str(exc))
            return EXIT_FAILED
    try:
        added = subscribe(subscriptions_path(), wanted)
    except (SubscriptionError, OSError) as exc:
        _report(f"{subscriptions_path()}: cannot write: {getattr(exc, 'strerror', None) or exc}")
        return EXIT_FAILED
    added_urls = {feed.url for feed in added}
    for feed in wanted:
        _report(f"subscribed to {feed.url}" if feed.url in added_urls else f"{feed.url}: already subscribed")
    return status


def unsubscribe_parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(prog="brief unsubscribe", description="Stop fetching a feed.")
    parser.add_argument("url", metavar="URL")
    return parser


def run_unsubscribe(args: argparse.Namespace) -> int:
    try:
        removed = unsubscribe(subscriptions_path(), args.url)
    except OSError as exc:
        _report(f"{subscriptions_path()}: cannot write: {exc.strerror or exc}")
        return EXIT_FAILED
    if not removed:
        _report(f"{args.url}: not subscribed")
        return EXIT_FAILED
    _report(f"unsubscribed from {args.url}")
    return EXIT_OK


def subscriptions_parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(prog="brief subscriptions",
                                     description="List the feeds subscribed to, as the urls file holds them.")
    parser.add_argument("--opml", action="store_true", help="as OPML, for other feed readers")
    parser.add_argument("--db", metavar="PATH", help="the SQLite store, for the feeds' titles in OPML")
    return parser


def run_subscriptions(args: argparse.Namespace) -> int:
    subscriptions = _read()
    if subscriptions is None:
        return EXIT_FAILED
    if args.opml:
        sys.stdout.write(to_opml(subscriptions.feeds, _titles(args.db)))
    else:
        sys.stdout.write("".join(feed.line() + "\n" for feed in subscriptions.feeds))
    return EXIT_OK


def _titles(db: str | None) -> dict[str, str | None]:
    from core.store import Store, StoreError

    try:
        with Store(database_path(db), read_only=True) as store:
            return {url: state.title for url, state in store.feed_states().items()}
    except StoreError:
        return {}


def fetch_parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(prog="brief fetch", description=(
        "Fetch every subscribed feed and store what is new, headless (for cron): one line per feed; exit status "
        "1 when some feed failed."))
    parser.add_argument("--db", metavar="PATH", help="the SQLite store (default: $BRIEF_DB, else the user data dir)")
    return parser


def run_fetch(args: argparse.Namespace) -> int:
    from core.fetch import Fetcher
    from core.fetch_articles import Fetched, refresh
    from core.store import Store, StoreError

    subscriptions = _read()
    if subscriptions is None:
        return EXIT_FAILED
    if not subscriptions.feeds:
        _report("no subscriptions: add one with `brief subscribe URL`")
        return EXIT_OK
    try:
        store = Store(database_path(args.db))
    except StoreError as exc:
        _report(str(exc))
        return EXIT_FAILED

    def line(result: Fetched) -> None:
        print(feed_line(result), flush=True)

    with store, Fetcher() as fetcher:
        results = refresh(store, subscriptions.urls, fetcher, on_done=line)
    return EXIT_FAILED if any(r.error is not None for r in results) else EXIT_OK


def feed_line(result) -> str:
    """One feed's outcome as one line: `URL: 3 new`, `URL: nothing new`, `URL: failed: reason`."""
    from core.ingest.sanitize import sanitize_field

    url = sanitize_field(result.url)
    if result.error is not None:
        return f"{url}: failed: {result.error}"
    new = len(result.items)
    if not new:
        return f"{url}: nothing new"
    partial = f" ({len(result.problems)} pages not fetched, summaries kept)" if result.problems else ""
    return f"{url}: {new} new{partial}"


def _read():
    try:
        subscriptions = read_subscriptions(subscriptions_path())
    except SubscriptionError as exc:
        _report(str(exc))
        return None
    for problem in subscriptions.problems:
        _report(problem)
    return subscriptions
