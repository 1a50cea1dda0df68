"""The publication date every relative expression resolves against ("yesterday", "last week", "Tuesday"), and
the X placeholders TimeML writes when there is none."""

from __future__ import annotations

from datetime import date, timedelta

from core.vocabulary.calendar import SEASON_STARTS

_NEAR_AHEAD_DAYS = 2  # how far ahead a weekday naming an event may lie


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

    def weekday_near(self, weekday: int) -> str:
        """The weekday at most two days after the anchor, else the latest before it (the anchor's own day counts):
        news names an event by its day when it is just ahead ("Tuesday's primary" on a Sunday) or behind ("Thursday's
        referendum" on a Monday)."""
        if not self.day:
            return f"XXXX-WXX-{weekday}"
        ahead = (weekday - self.day.isoweekday()) % 7
        return self.shift_days(ahead if ahead <= _NEAR_AHEAD_DAYS else ahead - 7)

    def weekday_of_week(self, weekday: int, weeks: int) -> str:
        """The weekday in the anchor's week moved by `weeks`: "last Friday" is the previous week's Friday, as
        TimeBank reads it, even on a Saturday."""
        if not self.day:
            return f"XXXX-WXX-{weekday}"
        return (self.day + timedelta(days=weekday - self.day.isoweekday(), weeks=weeks)).isoformat()

    def named_month(self, month: int, which: int) -> str:
        """"last May" (-1): the latest May before the anchor's month; "this May" (0): the anchor's year's;
        "next May" (+1): the first after the anchor's month."""
        if not self.day:
            return f"XXXX-{month:02d}"
        if which < 0:
            return f"{self.year(-1 if month >= self.day.month else 0)}-{month:02d}"
        if which > 0:
            return f"{self.year(1 if month <= self.day.month else 0)}-{month:02d}"
        return f"{self.year()}-{month:02d}"

    def season(self, code: str, which: int) -> str:
        """"last fall" (-1): the latest fall over before the anchor's day (in a June story, the year before's);
        "this fall" (0): the anchor's year's; "next fall" (+1): the first not yet begun."""
        if not self.day:
            return f"XXXX-{code}"
        start, month = SEASON_STARTS[code], self.day.month
        if which < 0:
            return f"{self.year(-1 if month < start + 3 else 0)}-{code}"
        if which > 0:
            return f"{self.year(1 if month >= start else 0)}-{code}"
        return f"{self.year()}-{code}"

    def weekend(self, tense: int) -> str:
        """The weekend nearest the anchor in the tense's direction (the past one when the tense is unknown)."""
        if not self.day:
            return "XXXX-WXX-WE"
        weekend_now = self.day.isoweekday() >= 6
        return f"{self.week(0 if weekend_now or tense > 0 else -1)}-WE"

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
        # A date a month or two ahead in a past-tense sentence is most often still ahead ("payable Dec. 7", "a
        # hearing on June 3"), unless its verb stands right before it ("arrested on June 8").
        margin = -1 if abs(tense) >= 2 else 2
        if tense < 0 and there > here and month - self.day.month > margin:
            return self.year(-1)
        if tense > 0 and there < here and self.day.month - month > margin:
            return self.year(1)
        if tense == 0 and abs(month - self.day.month) > 6:  # the nearest December to a January is last year's
            return self.year(-1 if month > self.day.month else 1)
        return self.year()
