"""Dates as the user types them, and the clock everything reads "today" from."""

from __future__ import annotations

import re
from typing import NamedTuple, Protocol

import pendulum

from nervelog.domain.errors import Problem


class Clock(Protocol):
    """Where "now" comes from; tests inject a fixed one."""

    def now(self) -> pendulum.DateTime:
        """The current moment, with the local UTC offset."""
        ...

    def today(self) -> pendulum.Date:
        """The current calendar day where the user is."""
        ...


class SystemClock:
    """The real clock, in the machine's local time zone."""

    def now(self) -> pendulum.DateTime:
        """The current local time."""
        return pendulum.now()

    def today(self) -> pendulum.Date:
        """Today's local date."""
        return pendulum.today().date()


class FixedClock(NamedTuple):
    """A clock stopped at one moment, for tests and reproducible reports."""

    moment: pendulum.DateTime

    def now(self) -> pendulum.DateTime:
        """The fixed moment."""
        return self.moment

    def today(self) -> pendulum.Date:
        """The fixed moment's date."""
        return self.moment.date()


_ISO_DATE = re.compile(r"^[0-9]{4}-[0-9]{2}-[0-9]{2}$")
_DAYS_AGO = re.compile(r"^(\d{1,5})\s*days?\s+ago$", re.ASCII)
DATE_FORMATS = "YYYY-MM-DD, 'today', 'yesterday' or 'N days ago'"
# Earlier days are almost surely a typo (1026 for 2026), not a symptom journal entry.
EARLIEST_DAY = pendulum.date(1900, 1, 1)
MAX_SPAN_DAYS = 100 * 365
_MAX_SPAN_COUNT = {"d": MAX_SPAN_DAYS, "w": MAX_SPAN_DAYS // 7, "m": 100 * 12, "y": 100}


def parse_iso_date(text: str) -> pendulum.Date:
    """Parse a strict ``YYYY-MM-DD`` date; raises ``ValueError`` otherwise."""
    if not _ISO_DATE.match(text):
        raise ValueError(text)
    return pendulum.Date.fromisoformat(text)


def parse_day(text: str, today: pendulum.Date, field: str = "date") -> pendulum.Date:
    """Parse a day the user typed, refusing impossible and future dates.

    Raises ``Problem.error`` (a ``ValidationError``) naming the field, the value
    and what is allowed.
    """
    cleaned = text.strip().lower()
    day: pendulum.Date
    if cleaned == "today":
        day = today
    elif cleaned == "yesterday":
        day = today.subtract(days=1)
    elif match := _DAYS_AGO.match(cleaned):
        day = today.subtract(days=int(match.group(1)))
    else:
        try:
            day = parse_iso_date(cleaned)
        except ValueError:
            raise Problem(field, text, f"a real date as {DATE_FORMATS}").error() from None
    if day > today:
        raise Problem(field, text, f"today ({today.isoformat()}) or earlier").error()
    if day < EARLIEST_DAY:
        raise Problem(field, text, f"{EARLIEST_DAY.isoformat()} or later").error()
    return day


_TIME = re.compile(r"^([01]\d|2[0-3]):([0-5]\d)$", re.ASCII)


def is_valid_time(text: str) -> bool:
    """True for a 24-hour ``HH:MM`` time."""
    return bool(_TIME.match(text))


_LAST = re.compile(r"^(\d{1,5})\s*([dwmy])$", re.ASCII)


class Span(NamedTuple):
    """A length of time that ends on a day: ``90d``, ``12w``, ``6m`` (calendar months), ``1y``.

    The one definition of "6 months" for the command line, the Trends and the Summary
    screens: six calendar months back from the last day, not 180 days.
    """

    length: int
    unit: str
    """``d``, ``w``, ``m`` or ``y``."""

    def start(self, end: pendulum.Date) -> pendulum.Date:
        """The first day of this span when it ends on (and includes) ``end``."""
        if self.unit == "d":
            return end.subtract(days=self.length - 1)
        if self.unit == "w":
            return end.subtract(days=7 * self.length - 1)
        if self.unit == "m":
            return end.subtract(months=self.length).add(days=1)
        return end.subtract(years=self.length).add(days=1)


def parse_span(text: str, field: str = "last") -> Span:
    """Read ``90d``, ``12w``, ``6m`` or ``1y`` (up to 100 years)."""
    match = _LAST.match(text.strip().lower())
    allowed = "a length such as 30d, 12w, 6m or 1y, up to 100y"
    if not match or int(match.group(1)) == 0:
        raise Problem(field, text, allowed).error()
    count, unit = int(match.group(1)), match.group(2)
    if count > _MAX_SPAN_COUNT[unit]:
        raise Problem(field, text, allowed).error()
    return Span(count, unit)


WEEK_STARTS = {"monday": pendulum.MONDAY, "sunday": pendulum.SUNDAY, "saturday": pendulum.SATURDAY}
"""The ``week_start`` setting's allowed values and the weekday each means."""


def week_start_day(setting: str) -> int:
    """The weekday a ``week_start`` setting names (Monday when unset or unknown)."""
    return int(WEEK_STARTS.get(setting.strip().lower(), pendulum.MONDAY))
