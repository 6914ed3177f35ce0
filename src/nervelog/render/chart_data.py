"""What a report's charts show, in one piece that travels cheaply to a chart process."""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from datetime import date

import pendulum

from nervelog.analysis import DailySeries, calendar_days
from nervelog.domain.scores import Score


@dataclass(frozen=True, slots=True)
class ChartData:
    """One value (or ``None``) per calendar day, per score, and the session days."""

    days: tuple[pendulum.Date, ...]
    values: Mapping[Score, Sequence[float | None]]
    session_days: frozenset[pendulum.Date]

    @classmethod
    def of(
        cls, series: Mapping[Score, DailySeries], session_days: frozenset[pendulum.Date]
    ) -> ChartData:
        """The chart of daily series that share their days (``all_series``)."""
        days = next(iter(series.values())).days if series else ()
        return cls(days, {s: one.values for s, one in series.items()}, session_days)

    def series(self) -> dict[Score, DailySeries]:
        """The values as daily series."""
        return {s: DailySeries(s, self.days, tuple(v)) for s, v in self.values.items()}

    def __reduce__(self) -> tuple[object, ...]:
        # Sent to a chart process: ten years of dates as two numbers and the session days
        # as ordinals pickle in a fraction of the time the Date objects would (issue 7).
        first = self.days[0].toordinal() if self.days else 0
        sessions = tuple(d.toordinal() for d in self.session_days)
        values = {s: tuple(v) for s, v in self.values.items()}
        return (_rebuild, (first, len(self.days), values, sessions))


def _date(ordinal: int) -> pendulum.Date:
    plain = date.fromordinal(ordinal)
    return pendulum.Date(plain.year, plain.month, plain.day)


def _rebuild(
    first: int, count: int, values: dict[Score, tuple[float | None, ...]], sessions: tuple[int, ...]
) -> ChartData:
    days = calendar_days(_date(first), _date(first + count - 1)) if count else ()
    return ChartData(days, values, frozenset(_date(o) for o in sessions))
