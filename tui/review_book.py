"""Review state (status, tags, note per article) as the dashboard keeps it: written to the store at once, kept
and retried when the store refuses, and undoable several steps deep.

A plain class with no Textual import, so it is tested without a terminal. Undoing writes the earlier values back
through the same path as any change, so an undo is persisted (and retried) like the change it undoes.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable
from contextlib import suppress
from dataclasses import dataclass

from core.article import Article
from core.review import Review, Status, clean_note, clean_tags
from core.store import Store, StoreError

UNDO_DEPTH = 50


@dataclass(frozen=True, slots=True)
class Step:
    """One change as the analyst made it: what it was called and every article's review before it."""

    label: str
    before: tuple[tuple[Article, Review], ...]


class ReviewBook:
    def __init__(self, store: Store) -> None:
        self.store = store
        self.reviews: dict[str, Review] = {}  # content hash -> review
        # changes the store refused (a full disk), by (content hash, field): retried on every later write and at
        # exit, and printed on the terminal if they still fail, so no note is silently dropped
        self.unsaved: dict[tuple[str, str], tuple[str, Callable[[], None]]] = {}
        self.steps: list[Step] = []
        self.failure: str | None = None  # why the last write failed, if it did
        self._batches = 0  # names the waiting write of a change to many articles at once
        self.merged = False  # the last note or tags saved met another brief's change to them, and kept both

    def review(self, article: Article) -> Review:
        return self.reviews.get(article.content_hash, Review())

    def status(self, article: Article) -> str:
        return self.review(article).status

    def save(self, key: tuple[str, str], description: str, write: Callable[[], None]) -> bool:
        """Write one change, after any the store refused before; a refused change waits for the next try."""
        self.unsaved[key] = (description, write)
        self.failure = self.retry_unsaved()
        return self.failure is None

    def retry_unsaved(self) -> str | None:
        """Try every waiting change in order; the first failure stops the round and is returned. A store that
        stands in memory for a database that cannot be read saves nothing for good: its changes stay waiting."""
        for key, (_, write) in list(self.unsaved.items()):
            try:
                write()
            except StoreError as exc:
                return str(exc)
            if self.store.stand_in_for is None:
                del self.unsaved[key]
        if self.store.stand_in_for is not None:
            return f"{self.store.stand_in_for}: not saved: the database cannot be read"
        return None

    def fresh(self, article: Article) -> Review:
        """The review as the store holds it now (another brief on this database may have written since the
        list was read), unless a change of ours to its note or tags is still waiting to be saved."""
        key = article.content_hash
        if (key, "note") not in self.unsaved and (key, "tags") not in self.unsaved:
            with suppress(StoreError):
                self.reviews[key] = self.store.review(key)
        return self.review(article)

    # ------------------------------------------------------------------ changes

    def set_status(self, articles: Iterable[Article], status: Status, label: str | None = None,
                   record: bool = True) -> bool:
        """Give the articles a status, as one undoable step unless `record` is False (reading an article marks
        it read by itself: undo is for what the analyst decided); True when the store took it."""
        changed = [a for a in dict.fromkeys(articles) if self.status(a) != status]
        if not changed:
            return True
        if record:
            self._remember(label or status, changed)
        return self._write_status(changed, status)

    def set_tags(self, article: Article, tags: Iterable[str], expected: tuple[str, ...] | None = None) -> bool:
        """With expected (the tags as the editor opened on them), another brief's change since is merged in."""
        self._remember("tags", [article])
        return self._write_tags(article, clean_tags(tags), expected)

    def set_note(self, article: Article, note: str, expected: str | None = None) -> bool:
        """With expected (the note as the editor opened on it), another brief's note saved since is kept too."""
        self._remember("note", [article])
        return self._write_note(article, clean_note(note), expected)

    def undo(self) -> Step | None:
        """Put back the reviews of the last step; the step, or None when there is nothing to undo."""
        if not self.steps:
            return None
        step = self.steps.pop()
        by_status: dict[Status, list[Article]] = {}
        for article, before in step.before:
            now = self.review(article)
            if now.status != before.status:
                by_status.setdefault(before.status, []).append(article)
            if now.tags != before.tags:
                self._write_tags(article, before.tags)
            if now.note != before.note:
                self._write_note(article, before.note)
        for status, articles in by_status.items():
            self._write_status(articles, status)
        return step

    def _remember(self, label: str, articles: list[Article]) -> None:
        self.steps.append(Step(label, tuple((a, self.review(a)) for a in articles)))
        del self.steps[:-UNDO_DEPTH]

    def _write_status(self, articles: list[Article], status: Status) -> bool:
        for article in articles:
            old = self.review(article)
            self.reviews[article.content_hash] = Review(status, old.tags, old.note, old.updated_at)
        hashes = [a.content_hash for a in articles]
        first = articles[0]
        self._batches += len(articles) > 1
        more = f" and {len(articles) - 1} more" if len(articles) > 1 else ""
        return self.save((first.content_hash if len(articles) == 1 else f"batch {self._batches}", "status"),
                         f"{status}: {first.title or first.id}{more}",
                         lambda: self.store.set_status(hashes, status))

    def _write_tags(self, article: Article, tags: tuple[str, ...], expected: tuple[str, ...] | None = None) -> bool:
        stored: list[tuple[str, ...]] = []
        saved = self.save((article.content_hash, "tags"), f"tags on {article.title or article.id}: " + ", ".join(tags),
                          lambda: stored.append(self.store.set_tags(article.content_hash, tags, expected=expected)))
        kept = stored[-1] if stored else tags
        self.merged = kept != tags
        old = self.review(article)
        self.reviews[article.content_hash] = Review(old.status, kept, old.note, old.updated_at)
        return saved

    def _write_note(self, article: Article, note: str, expected: str | None = None) -> bool:
        stored: list[str] = []
        saved = self.save((article.content_hash, "note"), f"note on {article.title or article.id}:\n{note}",
                          lambda: stored.append(self.store.set_note(article.content_hash, note, expected=expected)))
        kept = stored[-1] if stored else note
        self.merged = kept != note
        old = self.review(article)
        self.reviews[article.content_hash] = Review(old.status, old.tags, kept, old.updated_at)
        return saved
