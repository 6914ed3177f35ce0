"""Daily series keep gaps as gaps; rolling, weekly and monthly means carry their n."""

from __future__ import annotations

import pytest
from analysis_helpers import day, entry, pain_entries, session

from nervelog.analysis import (
    Bucket,
    calendar_days,
    daily_series,
    monthly_means,
    rolling_mean,
    session_days,
    weekly_means,
)
from nervelog.domain.scores import Score


def test_missing_days_are_gaps_never_zero() -> None:
    entries = pain_entries({0: 6, 2: 4, 5: 0})
    series = daily_series(entries, Score.PAIN, day(0), day(6))
    assert series.days == calendar_days(day(0), day(6))
    assert series.values == (6.0, None, 4.0, None, None, 0.0, None)
    assert series.n == 3
    assert series.present() == [(day(0), 6.0), (day(2), 4.0), (day(5), 0.0)]


def test_range_with_no_data_is_all_gaps() -> None:
    series = daily_series(pain_entries({20: 5}), Score.PAIN, day(0), day(3))
    assert series.values == (None, None, None, None)
    assert series.n == 0


def test_score_skipped_every_day_is_all_gaps_while_others_have_values() -> None:
    entries = [entry(0, pain=5), entry(1, pain=6)]
    assert daily_series(entries, Score.MOBILITY, day(0), day(1)).values == (None, None)
    assert daily_series(entries, Score.PAIN, day(0), day(1)).values == (5.0, 6.0)


def test_one_day_range_and_backwards_range() -> None:
    assert daily_series(pain_entries({0: 3}), Score.PAIN, day(0), day(0)).values == (3.0,)
    assert daily_series(pain_entries({0: 3}), Score.PAIN, day(1), day(0)).values == ()


def test_rolling_mean_needs_four_values_in_seven_calendar_days() -> None:
    values = [2.0, None, 4.0, 6.0, None, 8.0, None, None, None, 1.0]
    # day 5: window days 0..5 -> 2,4,6,8 -> 5.0
    # day 6: days 0..6 -> same four values -> 5.0
    # day 7: days 1..7 -> 4,6,8 (3 values) -> not shown
    # day 9: days 3..9 -> 6,8,1 -> not shown
    assert rolling_mean(values) == [None, None, None, None, None, 5.0, 5.0, None, None, None]


def test_rolling_mean_can_fill_a_gap_day_from_its_window() -> None:
    values = [1.0, 2.0, 3.0, 4.0, None]
    # The gap day shows the mean of the window ending on it (1..4), the one allowed
    # way a rolling series has a point where the daily series had none.
    assert rolling_mean(values) == [None, None, None, 2.5, 2.5]


def test_rolling_mean_custom_window_and_bad_arguments() -> None:
    assert rolling_mean([1.0, 3.0, None], window=2, min_values=1) == [1.0, 2.0, 3.0]
    with pytest.raises(ValueError):
        rolling_mean([1.0], window=0)


def test_session_days_include_range_edges_and_count_a_shared_day_once() -> None:
    sessions = [
        session(0),
        session(3, "massage"),
        session(3, "physiotherapy"),
        session(6),
        session(7),
        session(-1),
    ]
    assert session_days(sessions, day(0), day(6)) == frozenset({day(0), day(3), day(6)})


def test_weekly_means_clip_to_the_range_and_carry_n() -> None:
    # DAY0 is a Monday; the range starts on the Wednesday before it.
    entries = pain_entries({-5: 8, -4: 6, 0: 2, 1: 4, 3: 6, 9: 3})
    series = daily_series(entries, Score.PAIN, day(-5), day(10))
    assert weekly_means(series) == [
        Bucket(day(-5), day(-1), 7.0, 2),
        Bucket(day(0), day(6), 4.0, 3),
        Bucket(day(7), day(10), 3.0, 1),
    ]


def test_weekly_means_respect_a_sunday_week_start() -> None:
    series = daily_series(pain_entries({0: 2, 6: 8}), Score.PAIN, day(0), day(6))
    # Sunday = 6 in pendulum's numbering: Mon..Sat form one week, Sunday the next.
    assert weekly_means(series, week_start=6) == [
        Bucket(day(0), day(5), 2.0, 1),
        Bucket(day(6), day(6), 8.0, 1),
    ]


def test_monthly_means_leave_empty_months_as_gaps() -> None:
    # DAY0 is 2026-11-02; offset -2 is 31 October, +29 is 1 December.
    entries = pain_entries({-2: 9, 0: 4, 10: 6, 29: 1})
    series = daily_series(entries, Score.PAIN, day(-2), day(30))
    assert monthly_means(series) == [
        Bucket(day(-2), day(-2), 9.0, 1),
        Bucket(day(-1), day(28), 5.0, 2),
        Bucket(day(29), day(30), 1.0, 1),
    ]
    empty = daily_series([], Score.PAIN, day(0), day(3))
    assert monthly_means(empty) == [Bucket(day(0), day(3), None, 0)]
