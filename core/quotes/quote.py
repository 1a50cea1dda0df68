"""The result of the quotes extractor: one quote, its span in the text, its kind, its speaker and cue."""

from __future__ import annotations

from dataclasses import dataclass

# What stands in for the attribution between the parts of an interrupted quotation when its words are shown alone
PART_GAP = " … "


@dataclass(frozen=True, slots=True)
class Quote:
    text: str
    start: int
    end: int
    kind: str  # "direct", "reported" or "mixed"
    speaker: str | None
    speaker_role: str | None
    cue: str | None
    # the quoted words alone, as (start, end) pairs, when the quotation is interrupted by its own attribution
    # ("“A,” she said. “B.”"); `text`, `start` and `end` span the whole extent, the attribution included
    parts: tuple[tuple[int, int], ...] = ()

    @property
    def quoted_words(self) -> str:
        """What the speaker said, without an attribution standing inside the quotation: the parts joined by an
        ellipsis, or the whole text."""
        if not self.parts:
            return self.text
        return PART_GAP.join(self.text[start - self.start:end - self.start] for start, end in self.parts)
