"""Fewer points for charts: bucket means, so a 10-year chart costs what a 3-month one does."""

from __future__ import annotations

from collections.abc import Sequence
from typing import NamedTuple

import pendulum

from nervelog.analysis.figure import run_figure


class Bucket(NamedTuple):
    """Consecutive calendar days ``start``..``end`` summarised by the mean of their values.

    ``n`` is how many of those days had a value; ``mean`` is ``None`` when none did, so a
    stretch with no entries stays a gap in the chart.
    """

    start: pendulum.Date
    end: pendulum.Date
    mean: float | None
    n: int


def downsample(
    days: Sequence[pendulum.Date], values: Sequence[float | None], width: int
) -> list[Bucket]:
    """At most ``width`` buckets of equal length covering ``days`` in order.

    With no more days than ``width`` every day is its own bucket. Otherwise each bucket
    spans ``ceil(len(days) / width)`` days (the last may be shorter).
    """
    if len(days) != len(values):
        raise ValueError(f"{len(days)} days but {len(values)} values")
    if width < 1:
        raise ValueError(f"width must be at least 1, not {width}")
    count = len(days)
    if count <= width:
        return [
            Bucket(day, day, value, 0 if value is None else 1)
            for day, value in zip(days, values, strict=True)
        ]
    size = -(-count // width)  # ceiling division
    buckets = []
    for first in range(0, count, size):
        last = min(first + size, count) - 1
        run = run_figure(values, first, last + 1)
        buckets.append(Bucket(days[first], days[last], run.mean, run.n))
    return buckets
