"""Change over a range, the usual day-to-day swing beside it, and the no-baseline line.

PRODUCT.md's rules: the first 4 weeks against the last 4 weeks (ranges of 8 weeks or
more), the first half against the second (ranges of 2 to 8 weeks), each side with at
least 7 values; the swing is the median of |today - yesterday| over consecutive logged
days, so a reader can see whether a change is larger than the ordinary ups and downs.
"""

from __future__ import annotations

import statistics
from collections.abc import Iterable, Sequence
from typing import NamedTuple

import pendulum

from nervelog.analysis.figure import Figure, figure_of
from nervelog.domain.models import Entry, Session
from nervelog.domain.scores import SCORES, Score

CHANGE_SIDE_DAYS = 28
"""Each side of the change on ranges of 8 weeks or more."""
CHANGE_MIN_DAYS = 14
"""Shorter ranges show no change: halves of under a week say nothing."""
CHANGE_MIN_VALUES = 7
BASELINE_DAYS = 7

NOTICEABLE_CHANGE_NOTE = (
    "For context, for pain only: a change of about 2 points or 30% on a 0-10 scale is the "
    "threshold commonly used in pain research for a noticeable change (Farrar et al., Pain "
    "2001). No such threshold is established for the numbness, tingling and mobility "
    "scales. It is a reference point, not a verdict about any one person."
)
"""The one reference for a change; percentages are given only beside it, for pain."""

NO_BASELINE_NOTE = "No stretch without sessions at the start of this range."


class ChangeSides(NamedTuple):
    """Which days a change compares: ``first`` and ``last`` as inclusive date pairs."""

    label: str
    """``first vs last 4 weeks`` or ``first vs second half``."""
    names: tuple[str, str]
    """What each side is called: ``first 4 weeks`` / ``last 4 weeks`` or the halves."""
    first: tuple[pendulum.Date, pendulum.Date]
    last: tuple[pendulum.Date, pendulum.Date]


def change_sides(start: pendulum.Date, end: pendulum.Date) -> ChangeSides | None:
    """The two sides compared over ``start``..``end``, or ``None`` under 2 weeks."""
    total = (end - start).days + 1
    if total < CHANGE_MIN_DAYS:
        return None
    if total >= 2 * CHANGE_SIDE_DAYS:
        side, label = CHANGE_SIDE_DAYS, "first vs last 4 weeks"
        names = ("first 4 weeks", "last 4 weeks")
    else:
        # An odd middle day belongs to neither half.
        side, label = total // 2, "first vs second half"
        names = ("first half", "second half")
    return ChangeSides(
        label,
        names,
        (start, start.add(days=side - 1)),
        (end.subtract(days=side - 1), end),
    )


def change_label(start: pendulum.Date, end: pendulum.Date) -> str:
    """What the change of this range compares, for headings (``change`` when none)."""
    sides = change_sides(start, end)
    return "change" if sides is None else f"change, {sides.label}"


class ScoreChange(NamedTuple):
    """Mean of the first vs the last side of a range (see ``change_sides``), for one score.

    ``points`` is ``last_mean - first_mean`` (signed); ``percent`` is that change
    relative to ``first_mean``, for pain only: the one score with a published reference
    for it (``None`` for the others, and when the first mean is 0). When the comparison
    cannot be made honestly, ``omitted_reason`` says why and ``points``/``percent`` are
    ``None``; the means and n that could be computed are still given.
    """

    score: Score
    first_mean: float | None
    first_n: int
    last_mean: float | None
    last_n: int
    points: float | None
    percent: float | None
    omitted_reason: str | None = None
    sides: str = ""
    """What was compared, e.g. ``first vs last 4 weeks``; empty under 2 weeks."""

    @property
    def omitted(self) -> bool:
        """True when no change is given."""
        return self.omitted_reason is not None

    @property
    def better(self) -> bool | None:
        """Whether the move is in the score's better direction; ``None`` if no move or omitted.

        A move that rounds to 0.0 points counts as no move.
        """
        shown = self.shown_points
        if shown is None or shown == 0:
            return None
        return (shown > 0) == self.score.higher_is_better

    @property
    def shown_points(self) -> float | None:
        """The change as printed: the difference of the two means rounded to 0.1.

        Taking it from the rounded means keeps "6.1 → 4.3" next to "1.8 points",
        never a "1.9" the reader cannot reproduce.
        """
        if self.points is None or self.first_mean is None or self.last_mean is None:
            return None
        return round(round(self.last_mean, 1) - round(self.first_mean, 1), 1)

    def sentence(self) -> str:
        """The change in words, e.g. ``pain: 6.1 → 4.2, 1.9 points lower``."""
        return f"{self.score.value}: {self.move()}"

    def move(self) -> str:
        """The change without the score's name: ``6.1 → 4.2, 1.9 points lower``."""
        if self.omitted_reason is not None:
            return f"change not shown ({self.omitted_reason})"
        assert self.first_mean is not None and self.last_mean is not None
        shown = self.shown_points
        assert shown is not None
        move = f"{self.first_mean:.1f} → {self.last_mean:.1f}"
        if self.better is None:
            return f"{move}, no change"
        # Higher or lower, never "better": whether a move is larger than the ordinary
        # ups and downs is for the reader, with the day-to-day swing printed beside it.
        way = "higher" if shown > 0 else "lower"
        return f"{move}, {abs(shown):.1f} points {way}"


def period_change(
    entries: Iterable[Entry], score: Score, start: pendulum.Date, end: pendulum.Date
) -> ScoreChange:
    """The change of ``score`` over ``start``..``end`` (see ``change_sides``).

    Omitted (with the reason) when the range is under 2 weeks or either side has
    fewer than 7 values.
    """
    return _change(_by_ordinal(entries), score, start, end)


def _by_ordinal(entries: Iterable[Entry]) -> dict[int, Entry]:
    return {e.date.toordinal(): e for e in entries}


def _side(
    by_ordinal: dict[int, Entry], score: Score, side: tuple[pendulum.Date, pendulum.Date]
) -> Figure:
    """The mean (n) of ``score`` over the days of one side."""
    days = range(side[0].toordinal(), side[1].toordinal() + 1)
    entries = (by_ordinal.get(ordinal) for ordinal in days)
    values = (None if e is None else e.scores.get(score) for e in entries)
    return figure_of(None if v is None else float(v) for v in values)


def _change(
    by_ordinal: dict[int, Entry], score: Score, start: pendulum.Date, end: pendulum.Date
) -> ScoreChange:
    sides = change_sides(start, end)
    if sides is None:
        total = max((end - start).days + 1, 0)
        reason = (
            f"the range has {total} day{'' if total == 1 else 's'}; "
            f"a change needs at least {CHANGE_MIN_DAYS}"
        )
        return ScoreChange(score, None, 0, None, 0, None, None, reason)
    first, last = _side(by_ordinal, score, sides.first), _side(by_ordinal, score, sides.last)
    short = [
        f"{name} {'has' if name.endswith('half') else 'have'} {count} "
        f"value{'' if count == 1 else 's'}"
        for name, count in zip(sides.names, (first.n, last.n), strict=True)
        if count < CHANGE_MIN_VALUES
    ]
    if short or first.mean is None or last.mean is None:
        reason = " and ".join(short) + f"; at least {CHANGE_MIN_VALUES} each are needed"
        return ScoreChange(
            score, first.mean, first.n, last.mean, last.n, None, None, reason, sides.label
        )
    points = last.mean - first.mean
    # A percentage invites comparison with the 30% pain reference; other scales have none.
    percent = None if first.mean == 0 or score is not Score.PAIN else points / first.mean * 100
    return ScoreChange(
        score, first.mean, first.n, last.mean, last.n, points, percent, None, sides.label
    )


def period_changes(
    entries: Iterable[Entry], start: pendulum.Date, end: pendulum.Date
) -> dict[Score, ScoreChange]:
    """``period_change`` for all four scores."""
    by_ordinal = _by_ordinal(entries)
    return {score: _change(by_ordinal, score, start, end) for score in SCORES}


class DaySwing(NamedTuple):
    """The usual day-to-day swing: median |score - previous day's score|, with its n pairs."""

    median: float | None
    n: int

    def text(self) -> str:
        """``usual day-to-day swing 1.0 (n=85)`` or why there is none."""
        if self.median is None:
            return "usual day-to-day swing: – (no two consecutive days logged)"
        return f"usual day-to-day swing {self.median:.1f} (n={self.n})"


def change_and_swing(change: ScoreChange, swing: DaySwing) -> str:
    """The change with its n and the usual swing beside it, for one line per score.

    ``6.1 → 4.2, 1.9 points lower, n=28/27; usual day-to-day swing 1.0 (n=85)``:
    the same words in ``stats``, the Trends screen and the reports.
    """
    counts = "" if change.omitted else f", n={change.first_n}/{change.last_n}"
    return f"{change.move()}{counts}; {swing.text()}"


def day_to_day_swing(values: Sequence[float | None]) -> DaySwing:
    """The swing over one value per calendar day (``None`` for a gap).

    Only pairs of consecutive days that both have a value count: a gap is never
    bridged, so a week away does not read as one big day-to-day jump.
    """
    steps = [
        abs(today - yesterday)
        for yesterday, today in zip(values, values[1:], strict=False)
        if today is not None and yesterday is not None
    ]
    return DaySwing(statistics.median(steps) if steps else None, len(steps))


def no_baseline(sessions: Iterable[Session], start: pendulum.Date, end: pendulum.Date) -> bool:
    """True when the range's first therapy session falls in its first week.

    Then there is no stretch without sessions to compare with, and reports say so.
    """
    first = min((s.date for s in sessions if start <= s.date <= end), default=None)
    return first is not None and (first - start).days < BASELINE_DAYS
