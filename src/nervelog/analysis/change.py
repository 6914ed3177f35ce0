"""Change over a range: the first 14 days against the last 14, worded by direction."""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass

import pendulum

from nervelog.analysis.figure import mean_of
from nervelog.domain.models import Entry
from nervelog.domain.scores import SCORES, Score

CHANGE_WINDOW_DAYS = 14
CHANGE_MIN_VALUES = 4

NOTICEABLE_CHANGE_NOTE = (
    "For context, for pain only: a change of about 2 points or 30% on a 0-10 scale is the "
    "threshold commonly used in pain research for a noticeable change (Farrar et al., Pain "
    "2001). No such threshold is established for the numbness, tingling and mobility "
    "scales. It is a reference point, not a verdict about any one person."
)
"""The one reference for a change; percentages are given only beside it, for pain."""


@dataclass(frozen=True, slots=True)
class ScoreChange:
    """Mean of the first vs the last 14 calendar days of a range, for one score.

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
        """The change in words, e.g. ``pain: 6.1 → 4.2, 1.9 points lower (better)``."""
        name = self.score.value
        if self.omitted_reason is not None:
            return f"{name}: change not shown ({self.omitted_reason})"
        assert self.first_mean is not None and self.last_mean is not None
        shown = self.shown_points
        assert shown is not None
        move = f"{name}: {self.first_mean:.1f} → {self.last_mean:.1f}"
        if self.better is None:
            return f"{move}, no change"
        way = "higher" if shown > 0 else "lower"
        verdict = "better" if self.better else "worse"
        return f"{move}, {abs(shown):.1f} points {way} ({verdict})"


def period_change(
    entries: Iterable[Entry], score: Score, start: pendulum.Date, end: pendulum.Date
) -> ScoreChange:
    """Compare the first 14 and the last 14 calendar days of ``start``..``end``.

    Omitted (with the reason) when the range is shorter than 28 days, since the two
    windows would then share days, or when either window has fewer than 4 values.
    """
    return _change(_by_ordinal(entries), score, start, end)


def _by_ordinal(entries: Iterable[Entry]) -> dict[int, Entry]:
    return {e.date.toordinal(): e for e in entries}


def _values(by_ordinal: dict[int, Entry], score: Score, low: int, high: int) -> list[float]:
    """The values of ``score`` on the days ``low``..``high`` (ordinals, inclusive)."""
    out = []
    for ordinal in range(low, high + 1):
        entry = by_ordinal.get(ordinal)
        if entry is not None and (value := entry.scores.get(score)) is not None:
            out.append(float(value))
    return out


def _change(
    by_ordinal: dict[int, Entry], score: Score, start: pendulum.Date, end: pendulum.Date
) -> ScoreChange:
    # Only the 28 days of the two windows are looked up, however long the range.
    low, high = start.toordinal(), end.toordinal()
    total = high - low + 1
    first = _values(by_ordinal, score, low, min(low + CHANGE_WINDOW_DAYS - 1, high))
    last = _values(by_ordinal, score, max(high - CHANGE_WINDOW_DAYS + 1, low), high)
    first_mean, last_mean = mean_of(first), mean_of(last)
    reason: str | None = None
    if total < 2 * CHANGE_WINDOW_DAYS:
        reason = (
            f"the range has {max(total, 0)} days; it needs at least {2 * CHANGE_WINDOW_DAYS} "
            f"so the first and last {CHANGE_WINDOW_DAYS} days do not overlap"
        )
    else:
        short = [
            f"{label} {CHANGE_WINDOW_DAYS} days have {count} value{'' if count == 1 else 's'}"
            for label, count in (("first", len(first)), ("last", len(last)))
            if count < CHANGE_MIN_VALUES
        ]
        if short:
            reason = " and ".join(short) + f"; at least {CHANGE_MIN_VALUES} are needed"
    if reason is not None or first_mean is None or last_mean is None:
        return ScoreChange(score, first_mean, len(first), last_mean, len(last), None, None, reason)
    points = last_mean - first_mean
    # A percentage invites comparison with the 30% pain reference; other scales have none.
    percent = None if first_mean == 0 or score is not Score.PAIN else points / first_mean * 100
    return ScoreChange(score, first_mean, len(first), last_mean, len(last), points, percent)


def period_changes(
    entries: Iterable[Entry], start: pendulum.Date, end: pendulum.Date
) -> dict[Score, ScoreChange]:
    """``period_change`` for all four scores."""
    by_ordinal = _by_ordinal(entries)
    return {score: _change(by_ordinal, score, start, end) for score in SCORES}
