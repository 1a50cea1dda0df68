"""Files, folders and standard input to Article records.

Every input is untrusted: each file that cannot be read becomes one Problem naming the file and the reason, and
the rest of the batch goes on.
"""

from __future__ import annotations

import dataclasses
import os
import stat
import sys
from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import BinaryIO

from core.article import EXTRACTED_CHARS, Article, content_hash
from core.ingest.dates import date_in_name, read_date
from core.ingest.decode import decode
from core.ingest.errors import IngestError
from core.ingest.feed import looks_like_feed, parse_feed
from core.ingest.html import parse_html
from core.ingest.jsonfile import parse_json, parse_jsonl
from core.ingest.markdown import parse_markdown, parse_text
from core.ingest.mojibake import repair_mojibake
from core.ingest.record import RawArticle
from core.ingest.sanitize import sanitize, sanitize_field
from core.ingest.titles import derive_title, reads_as_code

DEFAULT_MAX_BYTES = 50 * 1024 * 1024
LARGEST_MAX_MB = 2**20  # a terabyte: a limit above it means no limit, and inf or 1e400 would overflow


def size_limit(megabytes: object) -> int:
    """The size limit in bytes for a number of MB (--max-size, max_size in config.toml). Raises ValueError,
    saying what is accepted, for anything but a finite number from one byte to a terabyte."""
    import math

    if isinstance(megabytes, bool) or not isinstance(megabytes, int | float | str):
        raise ValueError("not a number of megabytes")
    try:
        number = float(megabytes)
    except ValueError:
        raise ValueError("not a number of megabytes") from None
    if not math.isfinite(number) or number * 2**20 < 1 or number > LARGEST_MAX_MB:
        raise ValueError(f"a size must be a number of megabytes from 0.000001 to {LARGEST_MAX_MB}")
    return int(number * 2**20)
STDIN = "-"

Parser = Callable[[str], list[RawArticle] | list[RawArticle | IngestError]]
# formats holding one article a file, whose file name may carry its date ("reuters_2016-09-07_talks.txt")
_ONE_DOCUMENT = (parse_text, parse_markdown, parse_html)
_BY_SUFFIX: dict[str, Parser] = {
    ".txt": parse_text, ".text": parse_text,
    ".md": parse_markdown, ".markdown": parse_markdown,
    ".html": parse_html, ".htm": parse_html, ".xhtml": parse_html,
    ".json": parse_json, ".jsonl": parse_jsonl, ".ndjson": parse_jsonl,
    ".xml": parse_feed, ".rss": parse_feed, ".atom": parse_feed,
}


def _one_suffix_per_format() -> str:
    """For messages: ".txt, .md, .html, .json, .jsonl, .xml", each format's first suffix."""
    first: dict[Parser, str] = {}
    for suffix, parser in _BY_SUFFIX.items():
        first.setdefault(parser, suffix)
    return ", ".join(first.values())


_SUFFIXES_SHOWN = _one_suffix_per_format()


@dataclass(frozen=True, slots=True)
class Problem:
    """An input that could not be read, as the one line the user sees."""

    path: str
    reason: str

    def __post_init__(self) -> None:  # the reason may quote the input or a library's error text about it
        object.__setattr__(self, "path", sanitize_field(self.path) or "?")
        object.__setattr__(self, "reason", sanitize_field(self.reason) or "unreadable")

    def __str__(self) -> str:
        return f"{self.path}: {self.reason}"


@dataclass(frozen=True, slots=True)
class Ingested:
    articles: list[Article]
    problems: list[Problem]


def ingest(paths: Iterable[str | os.PathLike[str]], *, max_bytes: int = DEFAULT_MAX_BYTES,
           stdin: bytes | None = None, stop: Callable[[], bool] | None = None) -> Ingested:
    """All articles under the paths in the order found; the same content without an id of its own only once.

    `stdin` is what standard input held, read by a caller that must give the terminal back to the keyboard
    before this runs (the dashboard); without it `-` reads standard input here. `stop` is asked between files,
    so a program that is quitting need not wait for 20,000 files to be read: what was read so far is returned.
    """
    articles: list[Article] = []
    problems: list[Problem] = []
    seen: set[str] = set()
    for item in iter_ingest(paths, max_bytes=max_bytes, stdin=stdin):
        if stop is not None and stop():
            break
        if isinstance(item, Problem):
            problems.append(item)
        elif item.key not in seen:
            seen.add(item.key)
            articles.append(item)
    return Ingested(articles, problems)


def iter_ingest(paths: Iterable[str | os.PathLike[str]], *, max_bytes: int = DEFAULT_MAX_BYTES,
                stdin: bytes | None = None) -> Iterator[Article | Problem]:
    """Articles and problems as they are found, for callers that show progress. URLs (http and https) are
    fetched, all of them together when the first is reached, and their articles come in their place."""
    paths = list(paths)
    fetched: dict[str, list[Article | Problem]] | None = None
    for path in paths:
        if is_url(path):
            if fetched is None:
                fetched = _fetch_urls([str(p) for p in paths if is_url(p)], max_bytes)
            yield from fetched[str(path)]
        elif str(path) == STDIN:
            yield from (_load_stdin(max_bytes) if stdin is None
                        else load_bytes(stdin, "<stdin>", max_bytes=max_bytes))
        else:
            found = False
            for file in _walk(Path(path)):
                found = True
                if isinstance(file, Problem):
                    yield file
                else:
                    yield from load_file(file, max_bytes=max_bytes)
            if not found:
                yield Problem(_display(Path(path)), "no article files in this folder")


def is_url(path: str | os.PathLike[str]) -> bool:
    return isinstance(path, str) and path.lower().startswith(("http://", "https://"))


def _fetch_urls(urls: list[str], max_bytes: int) -> dict[str, list[Article | Problem]]:
    """Each URL's articles (a feed's items with their pages' full text, a page's article) and problems."""
    from core.fetch import Fetcher, FetchPolicy
    from core.fetch_articles import fetch_all

    found: dict[str, list[Article | Problem]] = {}
    with Fetcher(FetchPolicy(max_bytes=max_bytes)) as fetcher:
        for result in fetch_all(list(dict.fromkeys(urls)), fetcher, max_bytes=max_bytes):
            shown = sanitize_field(result.url) or "?"
            if result.error is not None:
                found[result.url] = [Problem(shown, result.error)]
            else:
                found[result.url] = [*result.articles, *result.problems]
    return found


def _walk(path: Path) -> Iterator[Path | Problem]:
    if not os.path.lexists(path):
        yield Problem(_display(path), "no such file or directory")
    elif path.is_dir():
        yield from _walk_dir(path)
    elif not path.exists():
        yield Problem(_display(path), "broken symbolic link")
    else:
        yield path


def _walk_dir(folder: Path, visited: set[tuple[int, int]] | None = None) -> Iterator[Path | Problem]:
    """Recursive in name order, hidden entries skipped, each real directory once (so symlink loops end)."""
    visited = set() if visited is None else visited
    try:
        stat = folder.stat()
        if (stat.st_dev, stat.st_ino) in visited:
            return
        visited.add((stat.st_dev, stat.st_ino))
        entries = sorted(folder.iterdir(), key=lambda p: p.name)
    except OSError as exc:
        yield Problem(_display(folder), _os_reason(exc))
        return
    for entry in entries:
        if entry.name.startswith("."):
            continue
        try:
            if entry.is_dir():
                yield from _walk_dir(entry, visited)
            elif not entry.exists():
                yield Problem(_display(entry), "broken symbolic link")
            elif entry.suffix.lower() in _BY_SUFFIX:
                yield entry
        except OSError as exc:
            yield Problem(_display(entry), _os_reason(exc))


_RAISE_LIMIT = "(raise it with --max-size, or max_size in config.toml)"


def _mb(size: int) -> str:
    return f"{size / 2**20:.0f} MB" if size >= 2**20 else f"{size / 2**20:.2f} MB"


def load_file(path: Path, *, max_bytes: int = DEFAULT_MAX_BYTES) -> Iterator[Article | Problem]:
    """One file's articles. Only a regular file is opened: a FIFO's open() blocks until a writer comes (for
    good, in a folder nobody writes to), and a device may never end (/dev/zero)."""
    shown = _display(path)
    try:
        info = path.stat()
        if not stat.S_ISREG(info.st_mode):
            yield Problem(shown, f"{_file_kind(info.st_mode)}, not a regular file; not read")
            return
        if info.st_size > max_bytes:
            yield Problem(shown, f"{_mb(info.st_size)} is over the size limit of {_mb(max_bytes)} {_RAISE_LIMIT}")
            return
        # O_NONBLOCK as a belt: should the file be swapped for a FIFO after the check, open() still returns
        fd = os.open(path, os.O_RDONLY | getattr(os, "O_NONBLOCK", 0) | getattr(os, "O_NOCTTY", 0))
        with open(fd, "rb") as f:
            if not stat.S_ISREG(os.fstat(fd).st_mode):
                yield Problem(shown, f"{_file_kind(os.fstat(fd).st_mode)}, not a regular file; not read")
                return
            data = read_at_most(f, max_bytes + 1)
    except OSError as exc:
        yield Problem(shown, _os_reason(exc))
        return
    yield from load_bytes(data, shown, path.suffix.lower(), max_bytes=max_bytes)


_CHUNK = 1 << 20


def read_at_most(stream: BinaryIO, limit: int) -> bytes:
    """Up to limit bytes, a megabyte at a time: read(limit) allocates all of it first, and a --max-size of
    24,106 MB was a MemoryError on a file of one line."""
    chunks: list[bytes] = []
    left = limit
    while left > 0:
        chunk = stream.read(min(_CHUNK, left))
        if not chunk:
            break
        chunks.append(chunk)
        left -= len(chunk)
    return b"".join(chunks)


def _file_kind(mode: int) -> str:
    kinds = ((stat.S_ISFIFO, "a named pipe"), (stat.S_ISCHR, "a character device"), (stat.S_ISBLK, "a block device"),
             (stat.S_ISSOCK, "a socket"), (stat.S_ISDIR, "a directory"))
    return next((name for test, name in kinds if test(mode)), "a special file")


def load_bytes(data: bytes, name: str, suffix: str = "", *, max_bytes: int = DEFAULT_MAX_BYTES) -> Iterator[
        Article | Problem]:
    """One input's bytes to articles; the parser is chosen by suffix, or by content where the suffix says nothing."""
    if len(data) > max_bytes:
        yield Problem(name, f"over the size limit of {_mb(max_bytes)} {_RAISE_LIMIT}")
        return
    try:
        text = decode(data)
        parser = _parser_for(suffix, text)
        if parser is parse_text and suffix and suffix not in _BY_SUFFIX:
            # only a file named on the command line comes here with a suffix no parser has (a folder's walk
            # passes such files by): its content is no format either, so reading it as text would be a guess
            raise IngestError(f"{suffix} is not a format brief reads ({_SUFFIXES_SHOWN}); "
                              "rename it .txt to read it as text")
        records = parser(text)
    except IngestError as exc:
        yield Problem(name, str(exc))
        return
    except RecursionError:
        yield Problem(name, "nested too deeply to read")
        return
    for record in records:
        if isinstance(record, IngestError):
            yield Problem(name, str(record))
            continue
        published, date_problem = read_date(record.published)
        if date_problem is not None:  # the article loads without it: the text is what matters
            where = f"{record.where}: " if record.where else ""
            yield Problem(name, f"{where}{date_problem}; left out")
        if published is None and parser in _ONE_DOCUMENT:
            published = date_in_name(name)
        article = _article(record, name, published)
        if article is None:
            where = f"{record.where}: " if record.where else ""
            yield Problem(name, f"{where}no text and no title")
        else:
            yield article


_stdin_read: list[tuple[object, bytes]] = []  # (the stream, its bytes): a pipe gives its bytes once only, and a
# rescan of the inputs must neither wait on it nor find it empty


def _load_stdin(max_bytes: int) -> Iterator[Article | Problem]:
    stream = sys.stdin.buffer if sys.stdin is not None else None
    if not _stdin_read or _stdin_read[0][0] is not stream:
        try:
            data = read_at_most(stream, max_bytes + 1) if stream is not None else b""
        except (OSError, ValueError) as exc:  # ValueError: stdin closed
            yield Problem("<stdin>", _os_reason(exc) if isinstance(exc, OSError) else "closed")
            return
        _stdin_read[:] = [(stream, data)]
    yield from load_bytes(_stdin_read[0][1], "<stdin>", max_bytes=max_bytes)


def _parser_for(suffix: str, text: str) -> Parser:
    if suffix in (".txt", ".text", "") and looks_like_feed(text):
        return parse_feed
    if suffix in _BY_SUFFIX:
        return _BY_SUFFIX[suffix]
    head = text.lstrip()[:512].lower()
    if head.startswith(("{", "[")):
        lines = [line for line in text.strip().split("\n") if line.strip()]
        return parse_jsonl if len(lines) > 1 and all(line.lstrip().startswith("{") for line in lines[:2]) \
            else parse_json
    if looks_like_feed(text):
        return parse_feed
    if head.startswith(("<!doctype html", "<html")) or "<body" in head:
        return parse_html
    if head.startswith("---\n"):
        return parse_markdown
    return parse_text


def _article(record: RawArticle, name: str, published: str | None) -> Article | None:
    """The cleaned article; a headline with no body is kept (feeds and dumps carry such items), nothing is not.

    A title that reads as script is no title: one is derived from the text instead."""
    text = sanitize(repair_mojibake(record.text))
    title = _field(record.title)
    if title and reads_as_code(title):
        title = None
    title = title or derive_title(text)
    if not text.strip() and not title:
        return None
    digest = content_hash(title, text)
    caveats = [sanitize_field(record.caveat)]
    if len(text) > EXTRACTED_CHARS:
        caveats.append(f"only the first {EXTRACTED_CHARS:,} of its {len(text):,} characters are extracted")
    return Article(
        id=sanitize_field(record.id) or digest[:16],
        title=title,
        source=_field(record.source),
        url=sanitize_field(record.url),
        published=published,
        text=text,
        path=name,
        content_hash=digest,
        caveat="; ".join(c for c in caveats if c) or None,
    )


def with_text(article: Article, text: str, caveat: str | None = None) -> Article:
    """The same article (title, date, source, link, id) with another body, cleaned as ingest cleans any: a feed
    item's summary replaced by the full text of its page."""
    clean = sanitize(repair_mojibake(text))
    return dataclasses.replace(article, text=clean, content_hash=content_hash(article.title, clean),
                               caveat=sanitize_field(caveat))


def _field(value: object) -> str | None:
    return sanitize_field(repair_mojibake(value) if isinstance(value, str) else value)


def input_names(paths: Iterable[str | os.PathLike[str]]) -> list[str]:
    """The inputs as ingest names them (and as the store remembers what they gave)."""
    return [STDIN if str(p) == STDIN else (sanitize_field(str(p)) or "?") if is_url(p) else _display(Path(p))
            for p in paths]


def _display(path: Path) -> str:
    """The path as one printable line: a newline or escape in a file name must not reach the terminal."""
    return sanitize_field(os.fsdecode(path).encode("utf-8", "backslashreplace").decode("utf-8")) or "?"


def _os_reason(exc: OSError) -> str:
    return exc.strerror.lower() if exc.strerror else str(exc)
