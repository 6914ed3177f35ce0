"""What was observed around therapy sessions, per session and per kind of session.

These are observations only: a score that moved after a session may have moved anyway.
Every figure carries its n, and everything shown is labelled with ``RESPONSE_LABEL``.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from dataclasses import dataclass

import pendulum

from nervelog.analysis.figure import NO_FIGURE, Figure, figure_of
from nervelog.analysis.summary import kind_key
from nervelog.domain.errors import Problem
from nervelog.domain.models import Entry, Session
from nervelog.domain.scores import SCORES, Score

RESPONSE_LABEL = "observed around sessions; does not show that the session caused it"
DEFAULT_WINDOW = 3
MIN_WINDOW = 1
MAX_WINDOW = 7


@dataclass(frozen=True, slots=True)
class ScoreResponse:
    """One score around one session (or averaged over the sessions of one kind).

    - ``same_day``: the session day's own entry.
    - ``before`` / ``after``: mean of the ``window`` days before / after the session day
      (the session day itself is in neither).
    - ``window_change``: ``after - before``; for a kind, the mean of that difference over
      the session days where both sides had a value.
    - ``next_day``: the entry of the day after.
    - ``in_session_before`` / ``in_session_after`` / ``in_session_change``: the quick
      ratings taken just before and after the session, when recorded.
    """

    score: Score
    same_day: Figure
    before: Figure
    after: Figure
    window_change: Figure
    next_day: Figure
    in_session_before: Figure
    in_session_after: Figure
    in_session_change: Figure


@dataclass(frozen=True, slots=True)
class SessionResponse:
    """The four scores around one session; n of a single day's figure is 0 or 1."""

    session: Session
    window: int
    scores: dict[Score, ScoreResponse]


@dataclass(frozen=True, slots=True)
class KindResponse:
    """The sessions of one kind, averaged.

    Entry-based figures (same day, before, after, next day) average over distinct
    session *days*, so two sessions of a kind on one day do not count that day twice;
    their n is the number of such days with a value. In-session figures average over
    sessions; their n is the number of sessions with a rating.
    """

    kind: str
    sessions: int
    days: int
    window: int
    scores: dict[Score, ScoreResponse]


def check_window(window: int) -> int:
    """``window`` if it is a whole number of days from 1 to 7; otherwise a ValidationError."""
    if (
        isinstance(window, bool)
        or not isinstance(window, int)
        or not (MIN_WINDOW <= window <= MAX_WINDOW)
    ):
        raise Problem(
            "window", window, f"a whole number of days from {MIN_WINDOW} to {MAX_WINDOW}"
        ).error()
    return window


# Single-day figures of whole-number scores, built once: a ten-year report makes tens of
# thousands of them, and frozen dataclasses are slow to construct.
_ONE_DAY = {float(v): Figure(float(v), 1) for v in range(-10, 11)}


def _single(value: float | None) -> Figure:
    if value is None:
        return NO_FIGURE
    known = _ONE_DAY.get(value)
    return known if known is not None else Figure(value, 1)


def _difference(before: Figure, after: Figure) -> Figure:
    if before.mean is None or after.mean is None:
        return NO_FIGURE
    return _single(after.mean - before.mean)


class _Days:
    """One score's values by day, with running totals so any window's mean is O(1).

    Scores are whole numbers, so the running sums are exact integers and each mean is
    the correctly rounded value of the true mean.
    """

    def __init__(self, by_ordinal: dict[int, int]) -> None:
        self.values = by_ordinal
        self.first = min(by_ordinal, default=0)
        last = max(by_ordinal, default=-1)
        self.sums = [0]
        self.counts = [0]
        for ordinal in range(self.first, last + 1):
            value = by_ordinal.get(ordinal)
            self.sums.append(self.sums[-1] + (value or 0))
            self.counts.append(self.counts[-1] + (value is not None))

    def day(self, ordinal: int) -> Figure:
        value = self.values.get(ordinal)
        return NO_FIGURE if value is None else _single(float(value))

    def window(self, low: int, high: int) -> Figure:
        """Mean (n) of the days ``low``..``high`` (ordinals, inclusive)."""
        lo = max(low - self.first, 0)
        hi = min(high - self.first + 1, len(self.sums) - 1)
        if lo >= hi:
            return NO_FIGURE
        count = self.counts[hi] - self.counts[lo]
        if count == 0:
            return NO_FIGURE
        return Figure((self.sums[hi] - self.sums[lo]) / count, count)


def _score_response(session: Session, score: Score, days: _Days, window: int) -> ScoreResponse:
    day = session.date.toordinal()
    before = days.window(day - window, day - 1)
    after = days.window(day + 1, day + window)
    rated_before = session.before.get(score)
    rated_after = session.after.get(score)
    in_before = _single(None if rated_before is None else float(rated_before))
    in_after = _single(None if rated_after is None else float(rated_after))
    return ScoreResponse(
        score=score,
        same_day=days.day(day),
        before=before,
        after=after,
        window_change=_difference(before, after),
        next_day=days.day(day + 1),
        in_session_before=in_before,
        in_session_after=in_after,
        in_session_change=_difference(in_before, in_after),
    )


def _clip(entries: Iterable[Entry], start: pendulum.Date, end: pendulum.Date) -> list[Entry]:
    return [e for e in entries if start <= e.date <= end]


def session_responses(
    entries: Iterable[Entry],
    sessions: Iterable[Session],
    start: pendulum.Date,
    end: pendulum.Date,
    window: int = DEFAULT_WINDOW,
) -> list[SessionResponse]:
    """The response around each session in ``start``..``end``, in the sessions' order.

    Only entries inside ``start``..``end`` are used, so a session near either edge of the
    range has fewer days behind its before/after figures (its n says so). Windows of
    nearby sessions may overlap; each session uses its own window regardless.
    """
    check_window(window)
    inside = _clip(entries, start, end)
    maps = {
        score: _Days(
            {e.date.toordinal(): v for e in inside if (v := e.scores.get(score)) is not None}
        )
        for score in SCORES
    }
    return [
        SessionResponse(
            session=s,
            window=window,
            scores={score: _score_response(s, score, maps[score], window) for score in SCORES},
        )
        for s in sessions
        if start <= s.date <= end
    ]


def _mean_figure(figures: Iterable[Figure]) -> Figure:
    """Mean over the items that have a value; n = how many items had one."""
    return figure_of(f.mean for f in figures)


def _aggregate(score: Score, group: Sequence[SessionResponse]) -> ScoreResponse:
    per_session = [r.scores[score] for r in group]
    # One response per distinct day for entry-based figures: they are identical for
    # sessions on the same day and must not be weighted twice.
    by_day: dict[pendulum.Date, ScoreResponse] = {}
    for r in group:
        by_day.setdefault(r.session.date, r.scores[score])
    per_day = list(by_day.values())
    return ScoreResponse(
        score=score,
        same_day=_mean_figure(r.same_day for r in per_day),
        before=_mean_figure(r.before for r in per_day),
        after=_mean_figure(r.after for r in per_day),
        window_change=_mean_figure(r.window_change for r in per_day),
        next_day=_mean_figure(r.next_day for r in per_day),
        in_session_before=_mean_figure(r.in_session_before for r in per_session),
        in_session_after=_mean_figure(r.in_session_after for r in per_session),
        in_session_change=_mean_figure(r.in_session_change for r in per_session),
    )


def responses_by_kind(responses: Sequence[SessionResponse]) -> list[KindResponse]:
    """Per-session responses grouped by kind (case-insensitive), most sessions first."""
    groups: dict[str, list[SessionResponse]] = {}
    for r in responses:
        groups.setdefault(kind_key(r.session.kind), []).append(r)
    ordered = sorted(groups.items(), key=lambda kv: (-len(kv[1]), kv[0]))
    return [
        KindResponse(
            kind=group[0].session.kind.strip(),
            sessions=len(group),
            days=len({r.session.date for r in group}),
            window=group[0].window,
            scores={score: _aggregate(score, group) for score in SCORES},
        )
        for _, group in ordered
    ]
