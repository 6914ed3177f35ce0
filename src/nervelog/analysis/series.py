"""Daily series with gaps, rolling means and weekly/monthly means.

A day without a value is ``None``: a gap, never 0 and never filled in from its neighbours.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from typing import NamedTuple

import pendulum

from nervelog.analysis.downsample import Bucket
from nervelog.analysis.figure import run_figure
from nervelog.domain.models import Entry, Session
from nervelog.domain.scores import SCORES, Score

ROLLING_WINDOW = 7
ROLLING_MIN_VALUES = 4
MEAN_MIN_VALUES = 4
"""A weekly (or monthly) mean is shown only when this many of its days have a value."""


class DailySeries(NamedTuple):
    """One score, one value per calendar day from ``days[0]`` to ``days[-1]``."""

    score: Score
    days: tuple[pendulum.Date, ...]
    values: tuple[float | None, ...]

    @property
    def n(self) -> int:
        """How many days have a value."""
        return sum(1 for v in self.values if v is not None)

    def present(self) -> list[tuple[pendulum.Date, float]]:
        """The days that have a value, with it, in date order."""
        return [(d, v) for d, v in zip(self.days, self.values, strict=True) if v is not None]


def calendar_days(start: pendulum.Date, end: pendulum.Date) -> tuple[pendulum.Date, ...]:
    """Every calendar day from ``start`` to ``end`` inclusive (empty if ``end < start``)."""
    return tuple(
        pendulum.Date.fromordinal(o) for o in range(start.toordinal(), end.toordinal() + 1)
    )


def values_by_day(entries: Iterable[Entry], score: Score) -> dict[pendulum.Date, float]:
    """The days on which ``score`` has a value, mapped to that value."""
    out: dict[pendulum.Date, float] = {}
    for entry in entries:
        value = entry.scores.get(score)
        if value is not None:
            out[entry.date] = float(value)
    return out


def daily_series(
    entries: Iterable[Entry], score: Score, start: pendulum.Date, end: pendulum.Date
) -> DailySeries:
    """One value per calendar day ``start``..``end``; ``None`` where nothing was recorded."""
    by_day = values_by_day(entries, score)
    days = calendar_days(start, end)
    return DailySeries(score, days, tuple(by_day.get(d) for d in days))


def all_series(
    entries: Iterable[Entry], start: pendulum.Date, end: pendulum.Date
) -> dict[Score, DailySeries]:
    """The daily series of all four scores over the same days."""
    days = calendar_days(start, end)  # built once and shared: the costly part for long ranges
    first = start.toordinal()
    columns: list[list[float | None]] = [[None] * len(days) for _ in SCORES]
    # One pass over the entries for all four scores: ten years are 3,650 of them.
    for entry in entries:
        index = entry.date.toordinal() - first
        if 0 <= index < len(days):
            for column, value in zip(columns, entry.scores, strict=True):
                if value is not None:
                    column[index] = float(value)
    return {
        score: DailySeries(score, days, tuple(column))
        for score, column in zip(SCORES, columns, strict=True)
    }


def rolling_mean(
    values: Sequence[float | None],
    window: int = ROLLING_WINDOW,
    min_values: int = ROLLING_MIN_VALUES,
) -> list[float | None]:
    """For each day, the mean of the ``window`` calendar days ending on it.

    ``values`` must hold one item per consecutive calendar day. A day's mean is shown
    only when at least ``min_values`` days of its window have a value; otherwise
    ``None``. Days before the start of ``values`` count as missing.
    """
    if window < 1 or min_values < 1:
        raise ValueError("window and min_values must be at least 1")
    out: list[float | None] = []
    for i in range(len(values)):
        week = run_figure(values, i - window + 1, i + 1)
        out.append(week.mean if week.n >= min_values else None)
    return out


def session_days(
    sessions: Iterable[Session], start: pendulum.Date, end: pendulum.Date
) -> frozenset[pendulum.Date]:
    """The days ``start``..``end`` with at least one session, for marking on a chart."""
    return frozenset(s.date for s in sessions if start <= s.date <= end)


def _grouped(series: DailySeries, keys: Sequence[int]) -> list[Bucket]:
    """Buckets of consecutive days sharing a key (the days are consecutive, so are keys)."""
    buckets: list[Bucket] = []
    first = 0
    for i in range(1, len(keys) + 1):
        if i == len(keys) or keys[i] != keys[first]:
            run = run_figure(series.values, first, i)
            buckets.append(Bucket(series.days[first], series.days[i - 1], run.mean, run.n))
            first = i
    return buckets


def weekly_means(series: DailySeries, week_start: int = pendulum.MONDAY) -> list[Bucket]:
    """The mean of each calendar week (starting on ``week_start``), with its n.

    The first and last buckets are clipped to the series' days, so ``start``/``end``
    say exactly which days stand behind each mean.
    """
    offset = int(week_start)
    # The ordinal of the week's first day identifies the week without building dates.
    keys = [d.toordinal() - (d.weekday() - offset) % 7 for d in series.days]
    return _grouped(series, keys)


def monthly_means(series: DailySeries) -> list[Bucket]:
    """The mean of each calendar month, with its n (first/last month clipped to the series)."""
    keys = [d.year * 12 + d.month for d in series.days]
    return _grouped(series, keys)


def shown_means(buckets: Sequence[Bucket], min_values: int = MEAN_MIN_VALUES) -> list[Bucket]:
    """The buckets with the mean of any holding fewer than ``min_values`` values taken out.

    A chart then breaks its line there instead of drawing a mean of one or two days.
    """
    return [b if b.n >= min_values else Bucket(b.start, b.end, None, b.n) for b in buckets]
