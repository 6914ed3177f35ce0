"""Period summary: mean (n), min, max per score, coverage, backfilled, sessions by kind."""

from __future__ import annotations

import pendulum
from analysis_helpers import day, entry, session

from nervelog.analysis import ScoreSummary, period_summary
from nervelog.domain.models import Entry
from nervelog.domain.scores import Score


def late(offset: int) -> pendulum.DateTime:
    """Recorded the morning after day ``offset``: a backfilled entry."""
    d = day(offset + 1)
    return pendulum.datetime(d.year, d.month, d.day, 8, 0, tz="Europe/London")


def on_the_day(offset: int) -> pendulum.DateTime:
    """Recorded in the evening of day ``offset`` itself."""
    d = day(offset)
    return pendulum.datetime(d.year, d.month, d.day, 21, 0, tz="Europe/London")


def test_summary_by_hand() -> None:
    entries = [
        entry(0, pain=6, mobility=3, recorded=on_the_day(0)),
        entry(1, pain=3, numbness=2, recorded=late(1)),
        Entry(date=day(2)),  # logged with every score skipped (a note, say)
        entry(4, pain=5, mobility=8, recorded=late(4)),
        entry(9, pain=10),  # outside the range
    ]
    sessions = [session(0), session(3, "Massage "), session(3, "physiotherapy"), session(9)]
    s = period_summary(entries, sessions, day(0), day(6))
    assert (s.days_in_range, s.days_logged, s.backfilled) == (7, 4, 2)
    assert s.scores[Score.PAIN] == ScoreSummary(Score.PAIN, 14 / 3, 3, 3, 6)
    assert s.scores[Score.MOBILITY] == ScoreSummary(Score.MOBILITY, 5.5, 2, 3, 8)
    assert s.scores[Score.NUMBNESS] == ScoreSummary(Score.NUMBNESS, 2.0, 1, 2, 2)
    # Never recorded: no mean, no min, no max - and certainly not 0.
    assert s.scores[Score.TINGLING] == ScoreSummary(Score.TINGLING, None, 0, None, None)
    # "Massage " and "massage" are one kind, under the first spelling seen.
    assert s.sessions_by_kind == {"massage": 2, "physiotherapy": 1}
    assert s.sessions == 3


def test_summary_of_a_range_with_no_data() -> None:
    s = period_summary([entry(20, pain=4)], [session(20)], day(0), day(13))
    assert (s.days_in_range, s.days_logged, s.backfilled, s.sessions) == (14, 0, 0, 0)
    assert all(v.mean is None and v.n == 0 for v in s.scores.values())
    assert s.sessions_by_kind == {}


def test_summary_of_one_value() -> None:
    s = period_summary([entry(0, tingling=7)], [], day(0), day(0))
    assert s.days_in_range == 1
    assert s.scores[Score.TINGLING] == ScoreSummary(Score.TINGLING, 7.0, 1, 7, 7)
