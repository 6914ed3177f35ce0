"""Session response: figures around each session with n, and per kind averages."""

from __future__ import annotations

import pytest
from analysis_helpers import day, entry, pain_entries, session

from nervelog.analysis import (
    NO_FIGURE,
    RESPONSE_LABEL,
    Figure,
    all_series,
    check_window,
    kind_responses,
    session_responses,
)
from nervelog.domain.errors import ValidationError
from nervelog.domain.scores import Score, Scores


def test_one_session_by_hand() -> None:
    # days 7, 8, 9 before; day 10 the session; 11, 12, 13 after (day 12 not logged).
    entries = pain_entries({6: 9, 7: 6, 8: 5, 10: 4, 11: 3, 13: 2, 14: 9})
    s = session(10, before=Scores(pain=6), after=Scores(pain=3, mobility=7))
    (r,) = session_responses(entries, [s], day(0), day(20))
    pain = r.scores[Score.PAIN]
    assert pain.same_day == Figure(4.0, 1)
    assert pain.before == Figure(5.5, 2)
    assert pain.after == Figure(2.5, 2)
    assert pain.window_change == Figure(-3.0, 1)
    assert pain.next_day == Figure(3.0, 1)
    assert pain.in_session_before == Figure(6.0, 1)
    assert pain.in_session_after == Figure(3.0, 1)
    mobility = r.scores[Score.MOBILITY]
    # Only an "after" rating, and no day entries at all.
    assert mobility.in_session_after == Figure(7.0, 1)
    assert mobility.in_session_before == NO_FIGURE
    assert mobility.same_day == mobility.before == mobility.after == NO_FIGURE


def test_window_of_one_day() -> None:
    entries = pain_entries({8: 9, 9: 6, 10: 4, 11: 3, 12: 1})
    (r,) = session_responses(entries, [session(10)], day(0), day(20), window=1)
    pain = r.scores[Score.PAIN]
    assert (pain.before, pain.after) == (Figure(6.0, 1), Figure(3.0, 1))


def test_sessions_on_the_first_and_last_day_of_the_range_use_only_days_inside_it() -> None:
    entries = pain_entries({-1: 9, 0: 5, 1: 4, 2: 3, 8: 7, 9: 6, 10: 8, 11: 1})
    first, last = session_responses(entries, [session(0), session(10)], day(0), day(10))
    # Day -1 lies outside the range, so the first session has nothing before it.
    assert first.scores[Score.PAIN].before == NO_FIGURE
    assert first.scores[Score.PAIN].after == Figure(3.5, 2)  # days 1 and 2: 4, 3
    assert first.scores[Score.PAIN].window_change == NO_FIGURE
    # Day 11 lies outside the range, so the last session has no after and no next day.
    assert last.scores[Score.PAIN].before == Figure(6.5, 2)
    assert last.scores[Score.PAIN].same_day == Figure(8.0, 1)
    assert last.scores[Score.PAIN].after == NO_FIGURE
    assert last.scores[Score.PAIN].next_day == NO_FIGURE


def test_sessions_outside_the_range_are_left_out() -> None:
    responses = session_responses([], [session(-1), session(3), session(11)], day(0), day(10))
    assert [r.session.date for r in responses] == [day(3)]


def test_overlapping_windows_each_use_their_own_days() -> None:
    entries = pain_entries({7: 8, 8: 7, 9: 6, 10: 5, 11: 4, 12: 3, 13: 2, 14: 1, 15: 0})
    sessions = [session(10), session(12)]
    a, b = session_responses(entries, sessions, day(0), day(20))
    # Day 11 is in A's "after" and in B's "before".
    assert a.scores[Score.PAIN].before == Figure(7.0, 3)
    assert a.scores[Score.PAIN].after == Figure(3.0, 3)
    assert b.scores[Score.PAIN].before == Figure(5.0, 3)
    assert b.scores[Score.PAIN].after == Figure(1.0, 3)
    (kind,) = kind_responses(all_series(entries, day(0), day(20)), sessions)
    pain = kind.scores[Score.PAIN]
    assert (kind.sessions, kind.days) == (2, 2)
    assert pain.before == Figure(6.0, 2)
    assert pain.after == Figure(2.0, 2)
    assert pain.window_change == Figure(-4.0, 2)
    assert pain.same_day == Figure(4.0, 2)
    assert pain.next_day == Figure(3.0, 2)


def test_two_sessions_on_one_day_count_that_day_once_per_kind() -> None:
    entries = pain_entries({4: 6, 5: 5, 6: 4, 9: 5, 10: 7})
    sessions = [
        session(5, before=Scores(pain=6), after=Scores(pain=4)),
        session(5, "Massage", before=Scores(pain=5), after=Scores(pain=2)),
        session(9, before=Scores(pain=8)),
        session(5, "physiotherapy"),
    ]
    assert len(session_responses(entries, sessions, day(0), day(12))) == 4
    massage, physio = kind_responses(all_series(entries, day(0), day(12)), sessions)
    assert (massage.kind, massage.sessions, massage.days) == ("massage", 3, 2)
    pain = massage.scores[Score.PAIN]
    # Entry-based figures: day 5 (same day 5) and day 9 (same day 5), day 5 once.
    assert pain.same_day == Figure(5.0, 2)
    assert pain.next_day == Figure(5.5, 2)  # day 6 = 4, day 10 = 7
    # In-session ratings are per session: before 6, 5, 8; after 4, 2.
    assert pain.in_session_before == Figure(19 / 3, 3)
    assert pain.in_session_after == Figure(3.0, 2)
    assert (physio.kind, physio.sessions, physio.days) == ("physiotherapy", 1, 1)
    assert physio.scores[Score.PAIN].same_day == Figure(5.0, 1)


def test_kind_with_no_data_at_all_has_empty_figures_not_zeros() -> None:
    (kind,) = kind_responses(all_series([], day(0), day(10)), [session(3)])
    for r in kind.scores.values():
        assert r.same_day == r.before == r.after == r.next_day == NO_FIGURE
        assert r.in_session_before == r.in_session_after == NO_FIGURE


def test_score_all_null_leaves_other_scores_alone() -> None:
    entries = [entry(4, pain=3, mobility=None), entry(5, pain=4), entry(6, pain=5)]
    (r,) = session_responses(entries, [session(5)], day(0), day(10))
    assert r.scores[Score.PAIN].window_change == Figure(2.0, 1)
    assert r.scores[Score.MOBILITY].window_change == NO_FIGURE


@pytest.mark.parametrize("bad", [0, 8, -3, True, 2.5])
def test_window_outside_one_to_seven_is_refused(bad: object) -> None:
    with pytest.raises(ValidationError, match="whole number of days from 1 to 7"):
        check_window(bad)  # type: ignore[arg-type]
    with pytest.raises(ValueError):
        session_responses([], [], day(0), day(1), window=bad)  # type: ignore[arg-type]
    with pytest.raises(ValueError):
        kind_responses(all_series([], day(0), day(1)), [], window=bad)  # type: ignore[arg-type]


def test_the_label_says_observation_not_cause() -> None:
    assert RESPONSE_LABEL == "observed around sessions; does not show that the session caused it"
    assert [check_window(n) for n in (1, 7)] == [1, 7]


def test_sessions_outside_the_range_make_no_kind() -> None:
    sessions = [session(-1, "yoga"), session(11, "yoga")]
    assert kind_responses(all_series([], day(0), day(10)), sessions) == []
