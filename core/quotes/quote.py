"""The result of the quotes extractor: one quote, its span in the text, its kind, its speaker and cue."""

from __future__ import annotations

from dataclasses import dataclass


@dataclass(frozen=True, slots=True)
class Quote:
    text: str
    start: int
    end: int
    kind: str  # "direct", "reported" or "mixed"
    speaker: str | None
    speaker_role: str | None
    cue: str | None
