"""One chart of the daily scores, drawn on any plotext-like ``plt``.

The same function draws the trends chart in the app (a textual-plotext ``Plot``) and
the chart in the 80-column text report (the ``plotext`` module itself), so both show
the same thing the same way:

- at most one point per chart column: days are averaged into buckets first;
- missing days stay gaps (a line is broken, never drawn through them);
- every score has its own letter as marker (values ``N T P M``, 7-day means
  ``n t p m``), so the chart reads without colour and in black-and-white print;
- session days are marked ``^`` along the bottom, medicine starts, dose changes and
  stops ``*``, and notable events ``!`` (an event shows over a medicine change, which
  shows over a session, when they share a column);
- "lower is better" / "higher is better" is in the title.

Nothing here imports plotext: the caller passes ``plt`` in.
"""

from __future__ import annotations

from collections.abc import Collection, Mapping, Sequence
from dataclasses import dataclass
from typing import Any

import pendulum

from nervelog.analysis import ROLLING_WINDOW, Bucket, DailySeries, downsample
from nervelog.domain.scores import Score

SESSION_MARKER = "^"
"""Marks a bucket that holds at least one session day."""
MEDICINE_MARKER = "*"
"""Marks a bucket in which a medicine started, changed dose or stopped."""
EVENT_MARKER = "!"
"""Marks a bucket with a notable event (a fall, a flare...)."""
Y_AXIS_COLUMNS = 6
"""Columns plotext takes for the y-axis labels and frame."""
SESSION_Y = -1.0
Y_LIMITS = (-1.6, 10.4)


def value_marker(score: Score) -> str:
    """The marker of a score's values: its capital initial."""
    return score.value[0].upper()


def mean_marker(score: Score) -> str:
    """The marker of a score's rolling mean: its lower-case initial."""
    return score.value[0]


def direction_title(scores: Sequence[Score], width: int) -> str:
    """Which way is better, for the scores shown, fitted to ``width`` columns."""
    if len(scores) == 1:
        return f"{scores[0].label}: {scores[0].direction}"
    groups: dict[str, list[Score]] = {}
    for score in scores:
        groups.setdefault(score.direction, []).append(score)
    long = " · ".join(f"{', '.join(s.value for s in g)}: {d}" for d, g in groups.items())
    if len(long) <= width:
        return long
    return " · ".join(f"{' '.join(value_marker(s) for s in g)}: {d}" for d, g in groups.items())


def mean_adds_detail(days: int, columns: int) -> bool:
    """True when a column holds fewer days than the rolling window, so its mean says more."""
    return -(-days // columns) < ROLLING_WINDOW


@dataclass(frozen=True)
class DrawnChart:
    """What was drawn: the buckets behind each x position, and the most points in a series."""

    buckets: list[Bucket]
    max_points: int
    title: str


def _runs(values: Sequence[float | None]) -> list[tuple[list[int], list[float]]]:
    """Consecutive stretches of present values, so gaps stay gaps."""
    runs: list[tuple[list[int], list[float]]] = []
    xs: list[int] = []
    ys: list[float] = []
    for i, value in enumerate(values):
        if value is None:
            if xs:
                runs.append((xs, ys))
                xs, ys = [], []
            continue
        xs.append(i)
        ys.append(value)
    if xs:
        runs.append((xs, ys))
    return runs


def _date_ticks(buckets: Sequence[Bucket], count: int) -> tuple[list[int], list[str]]:
    if not buckets:
        return [], []
    span = (buckets[-1].end - buckets[0].start).days
    fmt = "D MMM" if span <= 200 else "MMM YY"
    count = max(2, min(count, len(buckets)))
    step = max(1, (len(buckets) - 1) // (count - 1))
    positions = list(range(0, len(buckets), step))
    return positions, [buckets[p].start.format(fmt) for p in positions]


def draw_scores(
    plt: Any,
    series_list: Sequence[DailySeries],
    rolling: Mapping[Score, Sequence[float | None]] | None,
    session_days: Collection[pendulum.Date],
    width: int,
    *,
    height: int | None = None,
    show_values: bool = True,
    title: str | None = None,
    medicine_days: Collection[pendulum.Date] = (),
    event_days: Collection[pendulum.Date] = (),
) -> DrawnChart:
    """Draw the score series on ``plt``, fitted to ``width`` columns (and ``height`` rows).

    ``series_list`` are daily series over the same days; ``rolling`` maps a score to
    its rolling mean, one value per day of the series (``None`` where not shown).
    Returns what was drawn; nothing is printed or shown.
    """
    plt.clear_figure()
    if height is not None:
        plt.plotsize(width, height)
    columns = max(8, width - Y_AXIS_COLUMNS)
    scores = [s.score for s in series_list]
    chart_title = title if title is not None else direction_title(scores, width)
    plt.title(chart_title)
    plt.ylim(*Y_LIMITS)
    plt.yticks([0, 2, 4, 6, 8, 10])
    buckets: list[Bucket] = []
    most = 0
    for series in series_list:
        if not series.days:
            continue
        if show_values:
            buckets = downsample(series.days, series.values, columns)
            most = max(most, _draw(plt, [b.mean for b in buckets], value_marker(series.score)))
        means = rolling.get(series.score) if rolling else None
        if means is not None and show_values and not mean_adds_detail(len(series.days), columns):
            means = None  # each column already averages a week or more
        if means is not None:
            mean_buckets = downsample(series.days, means, columns)
            buckets = buckets or mean_buckets
            most = max(
                most,
                _draw(plt, [b.mean for b in mean_buckets], mean_marker(series.score), line=True),
            )
    # Along the bottom; drawn in this order, so the last one shows in a shared column.
    for days, marker in (
        (session_days, SESSION_MARKER),
        (medicine_days, MEDICINE_MARKER),
        (event_days, EVENT_MARKER),
    ):
        ordinals = {d.toordinal() for d in days}
        marked = [i for i, b in enumerate(buckets) if _holds_any(b, ordinals)] if days else []
        if marked:
            plt.scatter(marked, [SESSION_Y] * len(marked), marker=marker)
    if buckets:
        plt.xlim(-0.5, len(buckets) - 0.5)
        positions, labels = _date_ticks(buckets, max(2, columns // 12))
        plt.xticks(positions, labels)
    return DrawnChart(buckets, most, chart_title)


def _holds_any(bucket: Bucket, ordinals: set[int]) -> bool:
    first, last = bucket.start.toordinal(), bucket.end.toordinal()
    return any(o in ordinals for o in range(first, last + 1))


def _draw(plt: Any, values: Sequence[float | None], marker: str, *, line: bool = False) -> int:
    """Plot the present values, one call per unbroken run; returns the points drawn."""
    drawn = 0
    for xs, ys in _runs(values):
        drawn += len(xs)
        if line and len(xs) > 1:
            plt.plot(xs, ys, marker=marker)
        else:
            plt.scatter(xs, ys, marker=marker)
    return drawn
