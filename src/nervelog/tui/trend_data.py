"""What the trends screen shows for one range, computed off the UI thread.

A thin adapter over ``nervelog.analysis``: the daily series are built once over the whole
journal and sliced per range, so a range switch costs only the
slice and the range's change and session figures.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from dataclasses import dataclass

import pendulum

from nervelog.analysis import (
    DailySeries,
    DaySwing,
    KindResponse,
    ScoreChange,
    all_series,
    day_to_day_swing,
    kind_responses,
    no_baseline,
    period_changes,
    session_days,
)
from nervelog.analysis.care import MedicineChange, medicine_changes
from nervelog.domain.care import Event, Medication
from nervelog.domain.models import Entry, Session
from nervelog.domain.scores import SCORES, Score
from nervelog.render.timeline import session_kind_days
from nervelog.tui.ranges import TREND_RANGES, Range

DEFAULT_RANGE = "3m"


@dataclass(frozen=True, eq=False)
class TrendView:
    """Everything drawn for one range (compared and hashed by identity)."""

    range: Range
    start: pendulum.Date
    end: pendulum.Date
    series: dict[Score, DailySeries]
    session_days: frozenset[pendulum.Date]
    session_kinds: Mapping[pendulum.Date, str]
    """Each session day and the kind lettered for it on the timeline."""
    changes: dict[Score, ScoreChange]
    swings: dict[Score, DaySwing]
    baseline: bool
    """False when the range's first session falls in its first week."""
    kinds: list[KindResponse]
    logged: int
    medicine_changes: list[MedicineChange]
    """Medicine starts, dose changes and stops in the range, marked ``*`` on the chart."""
    events: list[Event]
    """Notable events in the range, marked ``!`` on the chart."""


class TrendData:
    """The whole journal's entries and sessions, with per-range views cached."""

    def __init__(
        self,
        entries: list[Entry],
        sessions: list[Session],
        today: pendulum.Date,
        courses: Sequence[Medication] = (),
        events: Sequence[Event] = (),
    ):
        self.entries = entries
        self.sessions = sessions
        self.today = today
        self.courses = courses
        self.events = events
        starts = [entries[0].date] if entries else []
        if sessions:
            starts.append(sessions[0].date)
        self.first = min(starts, default=today)
        self._full = all_series(entries, self.first, today)
        self._views: dict[str, TrendView] = {}

    def cached(self, key: str) -> TrendView | None:
        """The view of a range if already computed."""
        return self._views.get(key)

    def view(self, key: str) -> TrendView:
        """The view of a range (computed on first use)."""
        if key in self._views:
            return self._views[key]
        rng = next(r for r in TREND_RANGES if r.key == key)
        start = max(rng.start(self.today, self.first), self.first)
        offset = (start - self.first).days
        series = {
            s: DailySeries(s, full.days[offset:], full.values[offset:])
            for s, full in self._full.items()
        }
        inside = [e for e in self.entries if e.date >= start]
        view = TrendView(
            range=rng,
            start=start,
            end=self.today,
            series=series,
            session_days=session_days(self.sessions, start, self.today),
            session_kinds=session_kind_days(
                s for s in self.sessions if start <= s.date <= self.today
            ),
            changes=period_changes(inside, start, self.today),
            swings={s: day_to_day_swing(series[s].values) for s in SCORES},
            baseline=not no_baseline(self.sessions, start, self.today),
            kinds=kind_responses(series, self.sessions),
            logged=len(inside),
            medicine_changes=medicine_changes(self.courses, start, self.today),
            events=[e for e in self.events if start <= e.date <= self.today],
        )
        self._views[key] = view
        return view
