"""Subscriptions, kept as newsboat keeps them: a `urls` file, one feed a line, its tags after it.

    # comments and blank lines are kept as written
    https://example.org/feed.xml world "long reads"

A plain file an analyst can edit, diff and copy between machines (and share with newsboat); brief only appends
to it and removes the lines of a feed unsubscribed from. OPML, the exchange format of feed readers, is read and
written for import and export; its folders and categories become tags.
"""

from __future__ import annotations

import shlex
import xml.etree.ElementTree as ElementTree
from collections.abc import Iterable, Mapping
from dataclasses import dataclass
from pathlib import Path

from core.files import write_atomic
from core.ingest.sanitize import sanitize_field


@dataclass(frozen=True, slots=True)
class Subscription:
    url: str
    tags: tuple[str, ...] = ()

    def line(self) -> str:
        return " ".join([self.url, *(shlex.quote(tag) if _needs_quotes(tag) else tag for tag in self.tags)])


@dataclass(frozen=True, slots=True)
class Subscriptions:
    feeds: list[Subscription]
    problems: list[str]  # lines that could not be read, each naming its line

    @property
    def urls(self) -> list[str]:
        return [feed.url for feed in self.feeds]


class SubscriptionError(Exception):
    """A urls or OPML file that cannot be used; the message names it and says why."""


def is_feed_url(url: str) -> bool:
    return url.lower().startswith(("http://", "https://"))


def read_subscriptions(path: Path) -> Subscriptions:
    """The feeds of a urls file (none when it does not exist). newsboat's other kinds of line (query:, exec:,
    filter:) are reported, not fetched: brief fetches http and https feeds only."""
    try:
        text = path.read_text(encoding="utf-8")
    except FileNotFoundError:
        return Subscriptions([], [])
    except (OSError, UnicodeDecodeError) as exc:
        raise SubscriptionError(f"{path}: cannot read: {getattr(exc, 'strerror', None) or exc}") from None
    feeds: list[Subscription] = []
    problems: list[str] = []
    for number, line in enumerate(text.splitlines(), start=1):
        if not line.strip() or line.lstrip().startswith("#"):
            continue
        try:
            url, *tags = shlex.split(line)
        except ValueError as exc:
            problems.append(f"{path}: line {number}: {exc}")
            continue
        if not is_feed_url(url):
            problems.append(f"{path}: line {number}: {sanitize_field(url)}: not fetched (brief fetches http and "
                            f"https feeds only)")
            continue
        feeds.append(Subscription(url, tuple(tags)))
    return Subscriptions(feeds, problems)


def subscribe(path: Path, feeds: Iterable[Subscription]) -> list[Subscription]:
    """Append the feeds not yet subscribed to; a feed already there keeps its line. Returns those added."""
    current = set(read_subscriptions(path).urls)
    added = []
    for feed in feeds:
        if feed.url not in current:
            current.add(feed.url)
            added.append(feed)
    if added:
        text = path.read_text(encoding="utf-8") if path.exists() else ""
        if text and not text.endswith("\n"):
            text += "\n"
        path.parent.mkdir(parents=True, exist_ok=True)
        write_atomic(path, text + "".join(feed.line() + "\n" for feed in added))
    return added


def unsubscribe(path: Path, url: str) -> bool:
    """Remove the feed's lines, keeping every other line as written. False when it was not subscribed."""
    if not path.exists():
        return False
    lines = path.read_text(encoding="utf-8").splitlines(keepends=True)
    kept = [line for line in lines if _line_url(line) != url]
    if len(kept) == len(lines):
        return False
    write_atomic(path, "".join(kept))
    return True


def _line_url(line: str) -> str | None:
    if not line.strip() or line.lstrip().startswith("#"):
        return None
    try:
        words = shlex.split(line)
    except ValueError:
        return None
    return words[0] if words else None


def _needs_quotes(tag: str) -> bool:
    return not tag or any(c.isspace() or c in "\"'#\\" for c in tag)


# ---------------------------------------------------------------------------------------------------- OPML


def read_opml(data: bytes, name: str) -> list[Subscription]:
    """Every outline with an xmlUrl; the titles of the folders it sits in and its category become its tags.
    Entity declarations are refused, as in feeds (no expansion, no external entities)."""
    if b"<!ENTITY" in data or b"<!DOCTYPE" in data:
        raise SubscriptionError(f"{name}: entity and DOCTYPE declarations are not accepted in OPML")
    try:
        root = ElementTree.fromstring(data)
    except ElementTree.ParseError as exc:
        raise SubscriptionError(f"{name}: not OPML: {exc}") from None
    body = root.find("body")
    if root.tag != "opml" or body is None:
        raise SubscriptionError(f"{name}: not OPML: no <opml> with a <body>")
    found: list[Subscription] = []

    def walk(element: ElementTree.Element, folders: tuple[str, ...]) -> None:
        for outline in element.findall("outline"):
            url = (outline.get("xmlUrl") or "").strip()
            if url:
                categories = [c.strip() for c in (outline.get("category") or "").replace("/", ",").split(",")]
                tags = tuple(dict.fromkeys(t for t in (*folders, *categories) if t))
                found.append(Subscription(url, tags))
            else:
                folder = sanitize_field(outline.get("title") or outline.get("text"))
                walk(outline, (*folders, folder) if folder else folders)

    walk(body, ())
    return found


def to_opml(feeds: Iterable[Subscription], titles: Mapping[str, str | None]) -> str:
    """OPML 2.0 that other feed readers import: one outline a feed, titled as the feed titles itself when brief
    has fetched it, its tags as the category."""
    root = ElementTree.Element("opml", version="2.0")
    head = ElementTree.SubElement(root, "head")
    ElementTree.SubElement(head, "title").text = "brief subscriptions"
    body = ElementTree.SubElement(root, "body")
    for feed in feeds:
        title = titles.get(feed.url) or feed.url
        attributes = {"type": "rss", "text": title, "title": title, "xmlUrl": feed.url}
        if feed.tags:
            attributes["category"] = ",".join(feed.tags)
        ElementTree.SubElement(body, "outline", attributes)
    ElementTree.indent(root)
    return '<?xml version="1.0" encoding="utf-8"?>\n' + ElementTree.tostring(root, encoding="unicode") + "\n"
