"""An analyst's review of one article: its status, tags and note. Plain values, apart from where they are kept
(the store imports this module, never the other way round), so the dashboard, the export and the store agree on
what a status may be."""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass
from typing import Literal, TypeGuard, get_args

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
    """Tags as stored: whitespace collapsed, empty ones dropped, each once, sorted."""
    return tuple(sorted({" ".join(t.split()) for t in tags} - {""}))
