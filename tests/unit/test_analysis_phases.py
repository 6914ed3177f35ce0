"""Phases side by side: mean (n) per score, coverage and sessions; overlaps allowed."""

from __future__ import annotations

from analysis_helpers import day, entry, session

from nervelog.analysis import Figure, phase_comparison
from nervelog.domain.models import Phase
from nervelog.domain.scores import Score


def test_phases_by_hand() -> None:
    entries = [
        entry(0, pain=7, mobility=3),
        entry(1, pain=6),
        entry(3, pain=4, mobility=6),
        entry(4, pain=2, mobility=7),
    ]
    sessions = [session(3), session(4), session(4, "physiotherapy")]
    phases = [
        Phase("before massage", day(0), day(2), id=1),
        Phase("weekly massage", day(2), day(4), id=2),
        Phase("not yet logged", day(10), day(12), id=3),
    ]
    before, weekly, empty = phase_comparison(entries, sessions, phases)
    assert before.scores[Score.PAIN] == Figure(6.5, 2)
    assert before.scores[Score.MOBILITY] == Figure(3.0, 1)
    assert (before.days_in_phase, before.days_logged, before.sessions) == (3, 2, 0)
    assert weekly.scores[Score.PAIN] == Figure(3.0, 2)
    assert weekly.scores[Score.MOBILITY] == Figure(6.5, 2)
    assert (weekly.days_in_phase, weekly.days_logged, weekly.sessions) == (3, 2, 3)
    assert weekly.scores[Score.TINGLING] == Figure(None, 0)
    assert empty.days_logged == 0
    assert all(f == Figure(None, 0) for f in empty.scores.values())
    assert [p.phase.name for p in (before, weekly, empty)] == [p.name for p in phases]


def test_overlapping_phases_share_days() -> None:
    entries = [entry(i, pain=i) for i in range(6)]
    a, b = phase_comparison(entries, [], [Phase("a", day(0), day(3)), Phase("b", day(2), day(5))])
    assert a.scores[Score.PAIN] == Figure(1.5, 4)
    assert b.scores[Score.PAIN] == Figure(3.5, 4)
