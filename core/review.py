"""An analyst's review of one article: its status, tags and note. Plain values, apart from where they are kept
(the store imports this module, never the other way round), so the dashboard, the export and the store agree on
what a status may be."""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass
from typing import Literal, TypeGuard, get_args

from core.ingest.sanitize import sanitize, sanitize_field

Status = Literal["new", "read", "flagged", "dismissed"]
STATUSES: tuple[Status, ...] = get_args(Status)


@dataclass(frozen=True, slots=True)
class Review:
    status: Status = "new"
    tags: tuple[str, ...] = ()
    note: str = ""
    updated_at: str | None = None


def is_status(value: str) -> TypeGuard[Status]:
    """One of STATUSES: what the store checks before it writes, and a status read back must be."""
    return value in STATUSES


def clean_tags(tags: Iterable[str]) -> tuple[str, ...]:
    """Tags as stored: cleaned as article fields are (escape sequences, controls and bidi overrides out: a pasted
    tag reaches the terminal and the export), whitespace collapsed, empty ones dropped, each once, sorted."""
    return tuple(sorted({sanitize_field(t) or "" for t in tags} - {""}))


def clean_note(note: str) -> str:
    """A note as stored: cleaned as article text is (escape sequences out, each control character, bidi override
    and lone surrogate a U+FFFD, so nothing pasted into it can act on a terminal), line breaks and tabs kept."""
    return sanitize(note)


def merge_notes(read: str, current: str, mine: str) -> str:
    """The note to store when the one in the store (current) may have changed since the editor opened on `read`:
    two dashboards on one database must not silently drop each other's words. Unchanged, or already in mine:
    mine; else both, theirs first."""
    if current == read or current in mine:
        return mine
    if mine in current or mine == read:  # mine adds nothing to theirs
        return current
    return f"{current}\n\n{mine}"


def merge_tags(read: tuple[str, ...], current: tuple[str, ...], mine: tuple[str, ...]) -> tuple[str, ...]:
    """Tags after a three-way merge: what either side added is in, what either side removed is out."""
    added, removed = set(mine) - set(read), set(read) - set(mine)
    return tuple(sorted((set(current) - removed) | added))
