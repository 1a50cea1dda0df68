"""What the timeline gives: one date or time expression with its TIMEX3 type and value, and the sentence it dates."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Literal

TimexType = Literal["DATE", "TIME", "DURATION", "SET"]


@dataclass(frozen=True, slots=True)
class TimeExpression:
    text: str
    start: int
    end: int
    type: str  # a TimexType; str because a cached briefing reads it back from JSON
    value: str  # TIMEX3
    sentence: str  # the sentence that holds it: the event it dates
    mod: str = ""  # TimeML's mod (APPROX, MORE_THAN, ...) from a word just before it; "" for none

    @property
    def resolved(self) -> bool:
        return self.value[:1].isdigit() and not self.value.startswith("P")
