"""The SQLite store: articles, cached extractions and the analyst's review state. The only module that speaks SQL.

Review state is keyed by content hash, so a moved or renamed file keeps its flags and notes; extractions are keyed
by content hash, extractor version and the metadata the extractors read, so a new extractor recomputes.
Every write is one transaction: a crash leaves either the old state or the new, never half.
"""

from __future__ import annotations

import json
import sqlite3
import threading
from collections.abc import Iterable, Iterator, Mapping, Sequence
from contextlib import contextmanager
from dataclasses import dataclass, field
from datetime import UTC, datetime
from pathlib import Path
from typing import Any

from core.article import Article
from core.review import STATUSES, Review, Status, clean_note, clean_tags, is_status, merge_notes, merge_tags

# Forward migrations: MIGRATIONS[n] takes a database from schema n to n + 1.
MIGRATIONS: tuple[tuple[str, ...], ...] = (
    (
        """CREATE TABLE articles (
            content_hash TEXT PRIMARY KEY,
            id TEXT NOT NULL,
            title TEXT, source TEXT, url TEXT, published TEXT, path TEXT,
            text TEXT NOT NULL,
            first_seen TEXT NOT NULL,
            last_seen TEXT NOT NULL)""",
        """CREATE TABLE extractions (
            content_hash TEXT NOT NULL,
            extractor_version TEXT NOT NULL,
            context TEXT NOT NULL,
            analysis TEXT NOT NULL,
            created_at TEXT NOT NULL,
            PRIMARY KEY (content_hash, extractor_version, context))""",
        """CREATE TABLE review (
            content_hash TEXT PRIMARY KEY,
            status TEXT NOT NULL DEFAULT 'new' CHECK (status IN ('new', 'read', 'flagged', 'dismissed')),
            note TEXT NOT NULL DEFAULT '',
            created_at TEXT NOT NULL,
            updated_at TEXT NOT NULL)""",
        """CREATE TABLE tags (
            content_hash TEXT NOT NULL,
            tag TEXT NOT NULL,
            PRIMARY KEY (content_hash, tag))""",
    ),
    (
        # 2: choices the dashboard remembers between runs (the theme picked in the command palette)
        """CREATE TABLE settings (
            key TEXT PRIMARY KEY,
            value TEXT NOT NULL)""",
    ),
    (
        # 3: why an article's text may not be the whole story (a thin page, a feed summary whose page failed)
        "ALTER TABLE articles ADD COLUMN caveat TEXT",
    ),
    (
        # 4: subscribed feeds' state between fetches, and which article each feed item gave
        """CREATE TABLE feeds (
            url TEXT PRIMARY KEY,
            title TEXT,
            etag TEXT,
            last_modified TEXT,
            fetched_at TEXT,
            error TEXT,
            failed_at TEXT)""",
        """CREATE TABLE feed_items (
            feed_url TEXT NOT NULL,
            item_key TEXT NOT NULL,
            summary_hash TEXT NOT NULL,
            content_hash TEXT NOT NULL,
            seen_at TEXT NOT NULL,
            PRIMARY KEY (feed_url, item_key))""",
    ),
)
SCHEMA_VERSION = len(MIGRATIONS)


@dataclass(frozen=True, slots=True)
class FeedState:
    """What the store remembers of a feed between fetches: enough to ask only for what is new."""

    etag: str | None = None
    last_modified: str | None = None
    items: Mapping[str, str] = field(default_factory=dict)  # item key (guid, else link) -> hash of what it said
    title: str | None = None
    error: str | None = None  # why the last fetch failed, if it did


@dataclass(frozen=True, slots=True)
class FeedItem:
    key: str
    summary_hash: str
    article: Article


class StoreError(Exception):
    """A database brief cannot use; the message says why and what to do."""


def _listing_key(inputs: Sequence[str]) -> str:
    return "listing\x1f" + "\x1f".join(inputs)


def _now() -> str:
    return datetime.now(UTC).isoformat(timespec="seconds")


def _reason(exc: sqlite3.Error) -> str:
    """What a user can act on, in place of SQLite's wording."""
    code = getattr(exc, "sqlite_errorcode", None)
    if code == sqlite3.SQLITE_FULL:
        return "the disk is full"
    if code is not None and code & 0xFF == sqlite3.SQLITE_READONLY:
        return "the database is read-only"
    return str(exc)


class Store:
    """One open database. Safe to share between threads: each call holds a lock for its transaction.

    `read_only` opens without writing anything, not even a migration: for a database on a read-only disk or made
    by a newer brief, which can still be browsed. Any failed read or write raises StoreError with the reason.
    """

    def __init__(self, path: str | Path, *, read_only: bool = False, stand_in_for: str | None = None) -> None:
        self.path = str(path)
        self.read_only = read_only
        # the database this empty in-memory store stands in for, because it could not be read: whatever is
        # written here is lost at exit, so the dashboard must not call it saved
        self.stand_in_for = stand_in_for
        try:
            if read_only:
                self._db = self._connect_read_only()
            else:
                if self.path != ":memory:":
                    Path(self.path).parent.mkdir(parents=True, exist_ok=True)
                self._db = sqlite3.connect(self.path, timeout=10, isolation_level=None, check_same_thread=False)
                if self.path != ":memory:":
                    self._db.execute("PRAGMA journal_mode = WAL")
                self._db.execute("PRAGMA synchronous = NORMAL")
            self._db.execute("PRAGMA busy_timeout = 10000")
            self._lock = threading.RLock()
            if read_only:
                self._check_readable()
            else:
                self._migrate()
        except sqlite3.Error as exc:
            raise StoreError(f"{self.path}: cannot open the database: {_reason(exc)}") from None
        except OSError as exc:
            raise StoreError(f"{self.path}: cannot open the database: {exc.strerror or exc}") from None

    def _connect_read_only(self) -> sqlite3.Connection:
        """mode=ro first; on a read-only disk, where SQLite cannot make the WAL's shared-memory file, immutable."""
        try:
            return self._connect_uri("mode=ro")
        except sqlite3.Error:
            return self._connect_uri("immutable=1")

    def _connect_uri(self, option: str) -> sqlite3.Connection:
        db = sqlite3.connect(f"{Path(self.path).absolute().as_uri()}?{option}", uri=True, timeout=10,
                             isolation_level=None, check_same_thread=False)
        try:
            db.execute("PRAGMA query_only = ON")
            db.execute("SELECT count(*) FROM sqlite_master").fetchone()
        except sqlite3.Error:
            db.close()
            raise
        return db

    def close(self) -> None:
        with self._lock:
            self._db.close()

    def __enter__(self) -> Store:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()

    @property
    def schema_version(self) -> int:
        return int(self._db.execute("PRAGMA user_version").fetchone()[0])

    @contextmanager
    def _transaction(self) -> Iterator[sqlite3.Connection]:
        with self._lock:
            try:
                self._db.execute("BEGIN IMMEDIATE")
                try:
                    yield self._db
                    self._db.execute("COMMIT")
                except BaseException:
                    if self._db.in_transaction:
                        self._db.execute("ROLLBACK")
                    raise
            except sqlite3.Error as exc:
                raise StoreError(f"{self.path}: not saved: {_reason(exc)}") from None

    @contextmanager
    def _reading(self) -> Iterator[sqlite3.Connection]:
        with self._lock:
            try:
                yield self._db
            except sqlite3.Error as exc:
                raise StoreError(f"{self.path}: cannot read: {_reason(exc)}") from None

    def _check_readable(self) -> None:
        """A read-only database must at least hold the tables brief reads; later schemas only add to them."""
        version = self.schema_version
        if version < SCHEMA_VERSION:
            raise StoreError(f"{self.path}: an older schema ({version}) that cannot be upgraded read-only")
        self._db.execute("SELECT count(*) FROM articles").fetchone()

    def _migrate(self) -> None:
        version = self.schema_version
        if version > SCHEMA_VERSION:
            raise StoreError(f"{self.path}: made by a newer brief (schema {version}; this one knows up to "
                             f"{SCHEMA_VERSION}); upgrade brief or use another --db")
        for target in range(version + 1, SCHEMA_VERSION + 1):
            with self._transaction() as db:
                for statement in MIGRATIONS[target - 1]:
                    db.execute(statement)
                db.execute(f"PRAGMA user_version = {target}")

    # ------------------------------------------------------------------ articles

    def put_articles(self, articles: Iterable[Article]) -> None:
        with self._transaction() as db:
            self._put_article_rows(db, articles, _now())

    @staticmethod
    def _put_article_rows(db: sqlite3.Connection, articles: Iterable[Article], now: str) -> None:
        rows = [(a.content_hash, a.id, a.title, a.source, a.url, a.published, a.path, a.text, now, now, a.caveat)
                for a in articles]
        db.executemany(
            """INSERT INTO articles (content_hash, id, title, source, url, published, path, text, first_seen,
               last_seen, caveat) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
               ON CONFLICT (content_hash) DO UPDATE SET id = excluded.id, title = excluded.title,
               source = excluded.source, url = excluded.url, published = excluded.published,
               path = excluded.path, last_seen = excluded.last_seen, caveat = excluded.caveat""", rows)

    def articles(self) -> list[Article]:
        with self._reading():
            rows = self._db.execute(
                "SELECT id, title, source, url, published, text, path, content_hash, caveat FROM articles "
                "ORDER BY first_seen, rowid").fetchall()
        return [Article(*row) for row in rows]

    def set_listing(self, inputs: Sequence[str], articles: Iterable[Article]) -> None:
        """Remember which articles these inputs gave, in order, so the next start can list them before reading
        a single file."""
        self.set_setting(_listing_key(inputs), json.dumps([[a.content_hash, a.id] for a in articles]))

    def listing(self, inputs: Sequence[str]) -> list[Article]:
        """The articles these inputs gave last time, as far as the store still holds them."""
        value = self.setting(_listing_key(inputs))
        if value is None:
            return []
        listed = [(h, i) for h, i in json.loads(value)]
        rows: dict[str, tuple[Any, ...]] = {}
        with self._reading() as db:
            hashes = list(dict.fromkeys(h for h, _ in listed))
            for start in range(0, len(hashes), 500):
                chunk = hashes[start:start + 500]
                for row in db.execute(
                        "SELECT content_hash, title, source, url, published, text, path, caveat FROM articles "
                        f"WHERE content_hash IN ({', '.join('?' * len(chunk))})", chunk):
                    rows[row[0]] = row
        return [Article(identity, r[1], r[2], r[3], r[4], r[5], r[6], digest, r[7]) for digest, identity in listed
                if (r := rows.get(digest)) is not None]

    # ------------------------------------------------------------------ feeds

    def feed_states(self) -> dict[str, FeedState]:
        with self._reading() as db:
            items: dict[str, dict[str, str]] = {}
            for url, key, said in db.execute("SELECT feed_url, item_key, summary_hash FROM feed_items"):
                items.setdefault(url, {})[key] = said
            rows = db.execute("SELECT url, etag, last_modified, title, error FROM feeds").fetchall()
        return {url: FeedState(etag, modified, items.get(url, {}), title, error)
                for url, etag, modified, title, error in rows}

    def put_feed(self, url: str, items: Sequence[FeedItem], *, title: str | None = None, etag: str | None = None,
                 last_modified: str | None = None, error: str | None = None) -> None:
        """One feed's fetch in one transaction: its new and changed items' articles, which article each item
        gave, and the feed's state; a failure keeps the state it had and records why.

        An item seen before with other content (the story was edited) gets the review state of what it was, so
        a flag or a note follows the story, unless the new content has review state of its own."""
        now = _now()
        with self._transaction() as db:
            if error is not None:
                db.execute("""INSERT INTO feeds (url, error, failed_at) VALUES (?, ?, ?)
                              ON CONFLICT (url) DO UPDATE SET error = excluded.error, failed_at = excluded.failed_at""",
                           (url, error, now))
                return
            self._put_article_rows(db, [item.article for item in items], now)
            for item in items:
                old = db.execute("SELECT content_hash FROM feed_items WHERE feed_url = ? AND item_key = ?",
                                 (url, item.key)).fetchone()
                if old and old[0] != item.article.content_hash:
                    self._carry_review(db, old[0], item.article.content_hash)
                db.execute("INSERT OR REPLACE INTO feed_items VALUES (?, ?, ?, ?, ?)",
                           (url, item.key, item.summary_hash, item.article.content_hash, now))
            db.execute("""INSERT INTO feeds (url, title, etag, last_modified, fetched_at) VALUES (?, ?, ?, ?, ?)
                          ON CONFLICT (url) DO UPDATE SET title = coalesce(excluded.title, title),
                          etag = excluded.etag, last_modified = excluded.last_modified,
                          fetched_at = excluded.fetched_at, error = NULL, failed_at = NULL""",
                       (url, title, etag, last_modified, now))

    @staticmethod
    def _carry_review(db: sqlite3.Connection, old: str, new: str) -> None:
        if db.execute("SELECT 1 FROM review WHERE content_hash = ?", (new,)).fetchone():
            return
        db.execute("""INSERT INTO review (content_hash, status, note, created_at, updated_at)
                      SELECT ?, status, note, created_at, updated_at FROM review WHERE content_hash = ?""",
                   (new, old))
        db.execute("INSERT OR IGNORE INTO tags SELECT ?, tag FROM tags WHERE content_hash = ?", (new, old))

    def feed_articles(self, urls: Iterable[str]) -> list[Article]:
        """The latest article of every item of these feeds, in the order they were first seen."""
        wanted = list(dict.fromkeys(urls))
        if not wanted:
            return []
        with self._reading() as db:
            rows = db.execute(
                f"""SELECT a.id, a.title, a.source, a.url, a.published, a.text, a.path, a.content_hash, a.caveat
                    FROM feed_items i JOIN articles a ON a.content_hash = i.content_hash
                    WHERE i.feed_url IN ({', '.join('?' * len(wanted))})
                    ORDER BY a.first_seen, a.rowid""", wanted).fetchall()
        seen: set[str] = set()
        articles = []
        for row in rows:
            if row[7] not in seen:
                seen.add(row[7])
                articles.append(Article(*row))
        return articles

    # ------------------------------------------------------------------ extractions

    def get_analyses(self, keys: Iterable[tuple[str, str]],
                     extractor_version: str) -> dict[tuple[str, str], dict[str, Any]]:
        """Cached analyses for (content hash, context) keys; missing keys are absent from the result."""
        wanted = list(keys)
        found: dict[tuple[str, str], dict[str, Any]] = {}
        with self._reading():
            for start in range(0, len(wanted), 400):
                chunk = wanted[start:start + 400]
                clause = " OR ".join("(content_hash = ? AND context = ?)" for _ in chunk)
                params = [value for key in chunk for value in key]
                for content, context, analysis in self._db.execute(
                        f"SELECT content_hash, context, analysis FROM extractions "
                        f"WHERE extractor_version = ? AND ({clause})", [extractor_version, *params]):
                    found[(content, context)] = json.loads(analysis)
        return found

    def put_analyses(self, rows: Iterable[tuple[str, str, dict[str, Any]]], extractor_version: str) -> None:
        now = _now()
        with self._transaction() as db:
            db.executemany(
                "INSERT OR REPLACE INTO extractions VALUES (?, ?, ?, ?, ?)",
                [(content, extractor_version, context, json.dumps(analysis, ensure_ascii=False), now)
                 for content, context, analysis in rows])

    # ------------------------------------------------------------------ settings

    def setting(self, key: str) -> str | None:
        with self._reading():
            row = self._db.execute("SELECT value FROM settings WHERE key = ?", (key,)).fetchone()
        return row[0] if row else None

    def set_setting(self, key: str, value: str) -> None:
        with self._transaction() as db:
            db.execute("INSERT OR REPLACE INTO settings VALUES (?, ?)", (key, value))

    # ------------------------------------------------------------------ review state

    def review(self, content_hash: str) -> Review:
        return self.reviews([content_hash]).get(content_hash, Review())

    def reviews(self, content_hashes: Iterable[str] | None = None) -> dict[str, Review]:
        """Review state by content hash; articles never reviewed are absent (their state is `Review()`)."""
        with self._reading():
            rows = self._db.execute("SELECT content_hash, status, note, updated_at FROM review").fetchall()
            tags: dict[str, list[str]] = {}
            for content, tag in self._db.execute("SELECT content_hash, tag FROM tags ORDER BY tag"):
                tags.setdefault(content, []).append(tag)
        wanted = None if content_hashes is None else set(content_hashes)
        result = {content: Review(status, tuple(tags.get(content, ())), note, updated)
                  for content, status, note, updated in rows if wanted is None or content in wanted}
        for content in tags.keys() - result.keys():
            if wanted is None or content in wanted:
                result[content] = Review(tags=tuple(tags[content]))
        return result

    def set_status(self, content_hashes: str | Iterable[str], status: Status) -> None:
        if not is_status(status):
            raise ValueError(f"unknown status {status!r}; one of {', '.join(STATUSES)}")
        hashes = [content_hashes] if isinstance(content_hashes, str) else list(content_hashes)
        now = _now()
        with self._transaction() as db:
            db.executemany(
                """INSERT INTO review (content_hash, status, created_at, updated_at) VALUES (?, ?, ?, ?)
                   ON CONFLICT (content_hash) DO UPDATE SET status = excluded.status,
                   updated_at = excluded.updated_at""", [(h, status, now, now) for h in hashes])

    def set_note(self, content_hash: str, note: str, *, expected: str | None = None) -> str:
        """Store the note and return it as stored. With expected (the note as the caller read it), a note that
        another brief on this database saved since is not overwritten: the two are kept, theirs first."""
        note = clean_note(note)
        now = _now()
        with self._transaction() as db:
            if expected is not None:
                row = db.execute("SELECT note FROM review WHERE content_hash = ?", (content_hash,)).fetchone()
                note = merge_notes(expected, row[0] if row else "", note)
            db.execute(
                """INSERT INTO review (content_hash, note, created_at, updated_at) VALUES (?, ?, ?, ?)
                   ON CONFLICT (content_hash) DO UPDATE SET note = excluded.note,
                   updated_at = excluded.updated_at""", (content_hash, note, now, now))
        return note

    def set_tags(self, content_hash: str, tags: Iterable[str], *, expected: Iterable[str] | None = None) -> tuple[
            str, ...]:
        """Store the tags and return them as stored. With expected (the tags as the caller read them), tags that
        another brief added or removed since stay added or removed (a three-way merge)."""
        clean = clean_tags(tags)
        with self._transaction() as db:
            if expected is not None:
                current = [t for (t,) in db.execute("SELECT tag FROM tags WHERE content_hash = ?", (content_hash,))]
                clean = merge_tags(clean_tags(expected), tuple(current), clean)
            db.execute("DELETE FROM tags WHERE content_hash = ?", (content_hash,))
            db.executemany("INSERT INTO tags VALUES (?, ?)", [(content_hash, t) for t in clean])
        return clean


def open_for_browsing(path: str | Path) -> tuple[Store, str | None]:
    """The store the dashboard works with, and what is wrong with it if anything.

    An analyst who cannot save should still be able to read: a database that cannot be written (a read-only disk,
    a newer brief's schema) is opened read-only, and one that cannot be read at all is replaced by an empty store
    in memory. The message says which, so nobody believes a flag was saved when it was not.
    """
    try:
        return Store(path), None
    except StoreError as exc:
        problem = str(exc)
    try:
        return Store(path, read_only=True), f"{problem}; browsing it read-only, changes will not be saved"
    except StoreError:
        return Store(":memory:", stand_in_for=str(path)), f"{problem}; nothing will be saved this session"
