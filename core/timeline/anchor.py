"""The publication date every relative expression resolves against ("yesterday", "last week", "Tuesday"), and
the X placeholders TimeML writes when there is none."""

from __future__ import annotations

from datetime import date, timedelta


class Anchor:
    """The publication date, or None: every resolver goes through here, so no anchor means X placeholders."""

    def __init__(self, published: str | None) -> None:
        self.day: date | None = None
        if published:
            try:
                self.day = date.fromisoformat(published[:10])
            except ValueError:
                self.day = None

    def shift_days(self, days: int) -> str:
        return (self.day + timedelta(days=days)).isoformat() if self.day else "XXXX-XX-XX"

    def year(self, offset: int = 0) -> str:
        return f"{self.day.year + offset:04d}" if self.day else "XXXX"

    def month(self, offset: int = 0) -> str:
        if not self.day:
            return "XXXX-XX"
        index = self.day.year * 12 + self.day.month - 1 + offset
        return f"{index // 12:04d}-{index % 12 + 1:02d}"

    def week(self, offset: int = 0) -> str:
        if not self.day:
            return "XXXX-WXX"
        year, week, _ = (self.day + timedelta(weeks=offset)).isocalendar()
        return f"{year:04d}-W{week:02d}"

    def quarter(self, offset: int = 0) -> str:
        if not self.day:
            return "XXXX-QX"
        index = self.day.year * 4 + (self.day.month - 1) // 3 + offset
        return f"{index // 4:04d}-Q{index % 4 + 1}"

    def weekday(self, weekday: int, direction: int) -> str:
        """The weekday nearest the anchor in the tense's direction; the anchor's own day counts as either."""
        if not self.day:
            return f"XXXX-WXX-{weekday}"
        delta = weekday - self.day.isoweekday()
        if direction < 0 and delta > 0:
            delta -= 7
        elif direction > 0 and delta < 0:
            delta += 7
        return (self.day + timedelta(days=delta)).isoformat()

    def month_day(self, month: int, day: int, tense: int = 0) -> str:
        return f"{self._year_of(month, day, tense)}-{month:02d}-{day:02d}"

    def month_of_year(self, month: int, tense: int = 0) -> str:
        return f"{self._year_of(month, None, tense)}-{month:02d}"

    def _year_of(self, month: int, day: int | None, tense: int) -> str:
        """A date written without its year falls in the anchor's year, unless the sentence's tense points across
        the new year ("Nov. 25" in a January story about the past is last November)."""
        if not self.day:
            return "XXXX"
        here = (self.day.month, self.day.day if day is not None else 0)
        there = (month, day or 0)
        if tense < 0 and there > here and month - self.day.month > 2:
            return self.year(-1)
        if tense > 0 and there < here and self.day.month - month > 2:
            return self.year(1)
        if tense == 0 and abs(month - self.day.month) > 6:  # the nearest December to a January is last year's
            return self.year(-1 if month > self.day.month else 1)
        return self.year()
