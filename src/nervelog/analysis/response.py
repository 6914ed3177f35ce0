"""What was observed around therapy sessions, per session and per kind of session.

These are observations only: a score that moved after a session may have moved anyway.
Every figure carries its n, and everything shown is labelled with ``RESPONSE_LABEL``.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping, Sequence
from typing import NamedTuple

import pendulum

from nervelog.analysis.figure import Figure, figure_of, run_figure
from nervelog.analysis.series import DailySeries, all_series
from nervelog.analysis.summary import kind_groups
from nervelog.domain.errors import Problem
from nervelog.domain.models import Entry, Session
from nervelog.domain.scores import SCORES, Score

RESPONSE_LABEL = "observed around sessions; does not show that the session caused it"
DEFAULT_WINDOW = 3
MIN_WINDOW = 1
MAX_WINDOW = 7


class ScoreResponse(NamedTuple):
    """One score around one session (or averaged over the sessions of one kind).

    - ``same_day``: the session day's own entry.
    - ``before`` / ``after``: mean of the ``window`` days before / after the session day
      (the session day itself is in neither).
    - ``window_change``: ``after - before``; for a kind, the mean of that difference over
      the session days where both sides had a value.
    - ``next_day``: the entry of the day after.
    - ``in_session_before`` / ``in_session_after``: the quick ratings taken just before
      and after the session, when recorded.
    """

    score: Score
    same_day: Figure
    before: Figure
    after: Figure
    window_change: Figure
    next_day: Figure
    in_session_before: Figure
    in_session_after: Figure


class SessionResponse(NamedTuple):
    """The four scores around one session; n of a single day's figure is 0 or 1."""

    session: Session
    window: int
    scores: dict[Score, ScoreResponse]


class KindResponse(NamedTuple):
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


class _Days(NamedTuple):
    """One score's value on each day from ordinal ``first`` on."""

    first: int
    values: Sequence[float | None]

    def window(self, low: int, high: int) -> Figure:
        """Mean (n) of the days ``low``..``high`` (ordinals, inclusive)."""
        return run_figure(self.values, low - self.first, high - self.first + 1)

    def value(self, ordinal: int) -> float | None:
        """One day's value; ``None`` for a gap or a day outside the range."""
        index = ordinal - self.first
        return self.values[index] if 0 <= index < len(self.values) else None


def _score_response(session: Session, score: Score, days: _Days, window: int) -> ScoreResponse:
    day = session.date.toordinal()
    before = days.window(day - window, day - 1)
    after = days.window(day + 1, day + window)
    b, a = before.mean, after.mean
    rated_before = session.before.get(score)
    rated_after = session.after.get(score)
    return ScoreResponse(
        score=score,
        same_day=figure_of([days.value(day)]),
        before=before,
        after=after,
        window_change=figure_of([None if a is None or b is None else a - b]),
        next_day=figure_of([days.value(day + 1)]),
        in_session_before=figure_of([None if rated_before is None else float(rated_before)]),
        in_session_after=figure_of([None if rated_after is None else float(rated_after)]),
    )


def _score_days(series: Mapping[Score, DailySeries]) -> dict[Score, _Days]:
    """Each score's daily values, ready for window means."""
    return {
        score: _Days(one.days[0].toordinal() if one.days else 0, one.values)
        for score, one in series.items()
    }


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
    maps = _score_days(all_series(entries, start, end))
    return [
        SessionResponse(
            session=s,
            window=window,
            scores={score: _score_response(s, score, maps[score], window) for score in SCORES},
        )
        for s in sessions
        if start <= s.date <= end
    ]


def _kind_score(score: Score, group: Sequence[Session], days: _Days, window: int) -> ScoreResponse:
    """One score averaged over a kind's sessions (see ``KindResponse`` for what counts)."""
    same: list[float | None] = []
    before: list[float | None] = []
    after: list[float | None] = []
    change: list[float | None] = []
    following: list[float | None] = []
    # Entry-based figures once per distinct session day: two sessions of the kind on one
    # day see the same days and must not weigh them twice.
    for day in sorted({s.date.toordinal() for s in group}):
        b, a = days.window(day - window, day - 1).mean, days.window(day + 1, day + window).mean
        same.append(days.value(day))
        before.append(b)
        after.append(a)
        change.append(None if a is None or b is None else a - b)
        following.append(days.value(day + 1))
    rated_before = [s.before.get(score) for s in group]
    rated_after = [s.after.get(score) for s in group]
    return ScoreResponse(
        score=score,
        same_day=figure_of(same),
        before=figure_of(before),
        after=figure_of(after),
        window_change=figure_of(change),
        next_day=figure_of(following),
        in_session_before=figure_of(None if v is None else float(v) for v in rated_before),
        in_session_after=figure_of(None if v is None else float(v) for v in rated_after),
    )


def kind_responses(
    series: Mapping[Score, DailySeries],
    sessions: Iterable[Session],
    window: int = DEFAULT_WINDOW,
) -> list[KindResponse]:
    """The sessions on the days of ``series`` grouped by kind (case-insensitive), averaged.

    ``series`` are the four scores' daily series of the range (``all_series``). Most
    sessions first. The same figures as averaging ``session_responses`` by kind.
    """
    check_window(window)
    days = next(iter(series.values())).days if series else ()
    if not days:
        return []
    start, end = days[0], days[-1]
    maps = _score_days(series)
    return [
        KindResponse(
            kind=group[0].kind.strip(),
            sessions=len(group),
            days=len({s.date for s in group}),
            window=window,
            scores={score: _kind_score(score, group, maps[score], window) for score in SCORES},
        )
        for group in kind_groups(s for s in sessions if start <= s.date <= end)
    ]
