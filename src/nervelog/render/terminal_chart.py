"""One chart of the daily scores, drawn on any plotext-like ``plt``.

The same function draws the trends chart in the app (a textual-plotext ``Plot``) and
the chart in the 80-column text report (the ``plotext`` module itself), so both show
the same thing the same way:

- at most one point per chart column: days are averaged into buckets first;
- the weekly means (weeks with at least 4 values) carry the trend as lines, each
  score with its own capital letter as marker (``N T P M``), so the chart reads without
  colour; the daily values are light dots (``·``); when a column already averages a
  week or more, the column means are the line and there are no dots;
- missing days stay gaps (a line is broken, never drawn through them);
- under the chart a timeline: sessions lettered by kind (lower case, ``m`` massage…),
  and below them medicine starts, dose changes and stops ``*`` and events ``!``;
- "lower is better" / "higher is better" is in the title.

Nothing here imports plotext: the caller passes ``plt`` in.
"""

from __future__ import annotations

from collections.abc import Collection, Mapping, Sequence
from typing import Any, NamedTuple

import pendulum

from nervelog.analysis import Bucket, DailySeries, downsample, shown_means, weekly_means
from nervelog.domain.scores import Score

MEDICINE_MARKER = "*"
"""Marks a bucket in which a medicine started, changed dose or stopped."""
EVENT_MARKER = "!"
"""Marks a bucket with a notable event (a fall, a flare...)."""
Y_AXIS_COLUMNS = 6
"""Columns plotext takes for the y-axis labels and frame."""
DAILY_MARKER = "·"
SESSION_Y = -1.0
CARE_Y = -2.2
Y_LIMITS = (-2.8, 10.4)
WEEK = 7


def value_marker(score: Score) -> str:
    """The marker of a score's means line: its capital initial."""
    return score.value[0].upper()


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


def daily_dots_shown(days: int, columns: int) -> bool:
    """True when a column holds less than a week, so daily values add to the weekly line."""
    return -(-days // columns) < WEEK


class DrawnChart(NamedTuple):
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
    width: int,
    *,
    height: int | None = None,
    session_kinds: Mapping[pendulum.Date, str] | None = None,
    medicine_days: Collection[pendulum.Date] = (),
    event_days: Collection[pendulum.Date] = (),
    week_start: int = pendulum.MONDAY,
) -> DrawnChart:
    """Draw the score series on ``plt``, fitted to ``width`` columns (and ``height`` rows).

    ``series_list`` are daily series over the same days; ``session_kinds`` maps each
    session day to the kind shown for it, lettered as ``timeline.kind_letters`` does.
    Returns what was drawn; nothing is printed or shown.
    """
    from nervelog.render.timeline import kind_letters

    plt.clear_figure()
    if height is not None:
        plt.plotsize(width, height)
    columns = max(8, width - Y_AXIS_COLUMNS)
    scores = [s.score for s in series_list]
    chart_title = direction_title(scores, width)
    plt.title(chart_title)
    plt.ylim(*Y_LIMITS)
    plt.yticks([0, 2, 4, 6, 8, 10])
    buckets: list[Bucket] = []
    most = 0
    for series in series_list:
        if not series.days:
            continue
        buckets = downsample(series.days, series.values, columns)
        marker = value_marker(series.score)
        if not daily_dots_shown(len(series.days), columns):
            most = max(most, _draw(plt, [b.mean for b in buckets], marker, line=True))
            continue
        most = max(most, _draw(plt, [b.mean for b in buckets], DAILY_MARKER, color="gray"))
        most = max(most, _draw_weekly(plt, series, buckets, marker, week_start))
    if buckets:
        kinds = session_kinds or {}
        for kind, letter in kind_letters(kinds).items():
            days = [d for d, k in kinds.items() if k == kind]
            _mark_days(plt, buckets, days, SESSION_Y, letter[0].lower())
        # Drawn in this order, so an event shows over a medicine change in a shared column.
        _mark_days(plt, buckets, medicine_days, CARE_Y, MEDICINE_MARKER)
        _mark_days(plt, buckets, event_days, CARE_Y, EVENT_MARKER)
        plt.xlim(-0.5, len(buckets) - 0.5)
        positions, labels = _date_ticks(buckets, max(2, columns // 12))
        plt.xticks(positions, labels)
    return DrawnChart(buckets, most, chart_title)


def _draw_weekly(
    plt: Any, series: DailySeries, buckets: Sequence[Bucket], marker: str, week_start: int
) -> int:
    """The weekly means as a line, each placed in the column of the week's middle day."""
    first = series.days[0].toordinal()
    per_column = buckets[0].end.toordinal() - buckets[0].start.toordinal() + 1
    column_means: list[float | None] = [None] * len(buckets)
    for week in shown_means(weekly_means(series, week_start)):
        if week.mean is None:
            continue
        middle = (week.start.toordinal() + week.end.toordinal()) // 2
        column_means[min((middle - first) // per_column, len(buckets) - 1)] = week.mean
    # A gap between two weekly points is only a gap when a week in between is missing.
    runs: list[list[int]] = []
    for i, mean in enumerate(column_means):
        if mean is None:
            continue
        if runs and (i - runs[-1][-1]) * per_column <= WEEK + WEEK // 2:
            runs[-1].append(i)
        else:
            runs.append([i])
    return sum(_draw_run(plt, run, [column_means[i] for i in run], marker) for run in runs)


def _mark_days(
    plt: Any, buckets: Sequence[Bucket], days: Collection[pendulum.Date], y: float, marker: str
) -> None:
    """``marker`` at height ``y`` under each column that holds one of ``days``."""
    ordinals = {d.toordinal() for d in days}
    marked = [
        i
        for i, b in enumerate(buckets)
        if any(o in ordinals for o in range(b.start.toordinal(), b.end.toordinal() + 1))
    ]
    if marked:
        plt.scatter(marked, [y] * len(marked), marker=marker)


def _draw(
    plt: Any,
    values: Sequence[float | None],
    marker: str,
    *,
    line: bool = False,
    color: str | None = None,
) -> int:
    """Plot the present values, one call per unbroken run; returns the points drawn."""
    return sum(_draw_run(plt, xs, ys, marker, line=line, color=color) for xs, ys in _runs(values))


def _draw_run(
    plt: Any,
    xs: Sequence[int],
    ys: Sequence[float | None],
    marker: str,
    *,
    line: bool = True,
    color: str | None = None,
) -> int:
    """One unbroken run: a line (when ``line`` and it has two points or more), else points."""
    style = {"color": color} if color else {}
    if line and len(xs) > 1:
        plt.plot(xs, ys, marker=marker, **style)
    else:
        plt.scatter(xs, ys, marker=marker, **style)
    return len(xs)
