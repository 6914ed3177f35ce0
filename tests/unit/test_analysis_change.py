"""Change over a range (first vs last 4 weeks, or halves), the day-to-day swing and the
no-baseline line, computed by hand here; worded by direction; omitted honestly when thin."""

from __future__ import annotations

from dataclasses import replace

import pendulum
import pytest
from analysis_helpers import day, entry, pain_entries

from nervelog.analysis import (
    NOTICEABLE_CHANGE_NOTE,
    change_sides,
    day_to_day_swing,
    no_baseline,
    period_change,
    period_changes,
)
from nervelog.domain.models import Session
from nervelog.domain.scores import Score


def test_ranges_of_8_weeks_or_more_compare_the_first_and_last_4_weeks() -> None:
    # 90 days: first side days 0..27, last side days 62..89; the months between count for
    # neither side.
    values = {i: 6 for i in range(7)} | {27: 8} | {40: 0} | {i: 3 for i in range(62, 69)} | {89: 5}
    c = period_change(pain_entries(values), Score.PAIN, day(0), day(89))
    # first: 6*7 + 8 = 50 / 8 = 6.25; last: 3*7 + 5 = 26 / 8 = 3.25
    assert (c.first_mean, c.first_n, c.last_mean, c.last_n) == (6.25, 8, 3.25, 8)
    assert c.sides == "first vs last 4 weeks"
    assert c.points == pytest.approx(-3.0)
    assert c.percent == pytest.approx(-3.0 / 6.25 * 100)
    assert c.sentence() == "pain: 6.2 → 3.2, 3.0 points lower"


def test_exactly_8_weeks_splits_into_two_4_week_sides() -> None:
    sides = change_sides(day(0), day(55))
    assert sides is not None and sides.label == "first vs last 4 weeks"
    assert sides.first == (day(0), day(27)) and sides.last == (day(28), day(55))


def test_ranges_of_2_to_8_weeks_compare_the_halves() -> None:
    sides = change_sides(day(0), day(54))  # 55 days: 27 + the middle day + 27
    assert sides is not None and sides.label == "first vs second half"
    assert sides.first == (day(0), day(26)) and sides.last == (day(28), day(54))
    two_weeks = change_sides(day(0), day(13))
    assert two_weeks is not None and two_weeks.first == (day(0), day(6))
    assert two_weeks.last == (day(7), day(13))
    assert change_sides(day(0), day(12)) is None


def test_the_issue_example_sentence() -> None:
    first = {i: 6 for i in range(9)} | {9: 7}  # 61 / 10 = 6.1
    last = {i: 4 for i in range(18, 26)} | {26: 5, 27: 5}  # 42 / 10 = 4.2
    c = period_change(pain_entries(first | last), Score.PAIN, day(0), day(27))
    assert c.sides == "first vs second half"
    assert c.sentence() == "pain: 6.1 → 4.2, 1.9 points lower"


def test_mobility_higher_is_better_and_lower_is_worse() -> None:
    rising = [entry(i, mobility=3) for i in range(7)] + [
        entry(i, mobility=6) for i in range(21, 28)
    ]
    c = period_change(rising, Score.MOBILITY, day(0), day(27))
    assert c.sentence() == "mobility: 3.0 → 6.0, 3.0 points higher"
    falling = [replace(e, date=day(27 - (e.date - day(0)).days)) for e in rising]
    c = period_change(falling, Score.MOBILITY, day(0), day(27))
    assert c.sentence() == "mobility: 6.0 → 3.0, 3.0 points lower"


def test_pain_higher_is_worse_and_no_change_is_said_plainly() -> None:
    worse = pain_entries({i: 2 for i in range(7)} | {i: 5 for i in range(21, 28)})
    c = period_change(worse, Score.PAIN, day(0), day(27))
    assert c.sentence() == "pain: 2.0 → 5.0, 3.0 points higher"
    assert c.percent == pytest.approx(150.0)
    same = period_change(pain_entries({i: 4 for i in range(28)}), Score.PAIN, day(0), day(27))
    assert same.points == 0 and same.better is None
    assert same.sentence() == "pain: 4.0 → 4.0, no change"


def test_omitted_when_either_side_has_fewer_than_seven_values() -> None:
    values = {i: 6 for i in range(6)} | {i: 3 for i in range(62, 90)}
    c = period_change(pain_entries(values), Score.PAIN, day(0), day(89))
    assert (c.first_n, c.last_n, c.points, c.percent) == (6, 28, None, None)
    assert c.first_mean == 6.0  # what could be computed is still given
    assert c.sentence() == (
        "pain: change not shown (first 4 weeks have 6 values; at least 7 each are needed)"
    )
    halves = period_change(pain_entries({0: 1, 20: 2}), Score.PAIN, day(0), day(27))
    assert halves.omitted_reason == (
        "first half has 1 value and second half has 1 value; at least 7 each are needed"
    )


def test_omitted_under_two_weeks_and_for_a_score_never_recorded() -> None:
    c = period_change(pain_entries({i: 5 for i in range(13)}), Score.PAIN, day(0), day(12))
    assert c.omitted_reason == "the range has 13 days; a change needs at least 14"
    never = period_change(pain_entries({i: 5 for i in range(28)}), Score.NUMBNESS, day(0), day(27))
    assert (never.first_n, never.last_n, never.points) == (0, 0, None)


def test_percentages_only_for_pain_the_one_score_with_a_reference() -> None:
    from nervelog.domain.models import Entry
    from nervelog.domain.scores import SCORES, Scores

    start = pendulum.date(2026, 1, 1)
    entries = [
        Entry(
            date=start.add(days=i),
            scores=Scores(
                numbness=6 if i < 14 else 3,
                tingling=6 if i < 14 else 3,
                pain=6 if i < 14 else 3,
                mobility=3 if i < 14 else 6,
            ),
        )  # fmt: skip
        for i in range(28)
    ]
    changes = period_changes(entries, start, start.add(days=27))
    assert changes[Score.PAIN].percent == -50.0  # 6 -> 3, by hand
    assert all(changes[s].percent is None for s in SCORES if s is not Score.PAIN)
    assert changes[Score.NUMBNESS].points == -3.0  # the points are still given
    assert "No such threshold is established for the numbness, tingling and mobility" in (
        NOTICEABLE_CHANGE_NOTE
    )
    assert "Farrar" in NOTICEABLE_CHANGE_NOTE and "2 points or 30%" in NOTICEABLE_CHANGE_NOTE


def test_percent_is_not_given_from_a_zero_start() -> None:
    entries = pain_entries({i: 0 for i in range(7)} | {i: 1 for i in range(21, 28)})
    c = period_change(entries, Score.PAIN, day(0), day(27))
    assert c.points == 1.0 and c.percent is None


def test_day_to_day_swing_is_the_median_of_consecutive_differences() -> None:
    # Pairs: 5→7 (2), 7→6 (1), gap, 2→2 (0), 2→5 (3): median of 0,1,2,3 = 1.5, n = 4.
    swing = day_to_day_swing([5, 7, 6, None, 2, 2, 5])
    assert (swing.median, swing.n) == (1.5, 4)
    assert swing.text() == "usual day-to-day swing 1.5 (n=4)"


def test_a_gap_is_never_bridged_by_the_swing() -> None:
    swing = day_to_day_swing([1, None, 9, None, 1])
    assert (swing.median, swing.n) == (None, 0)
    assert "no two consecutive days" in swing.text()


def _session(offset: int) -> Session:
    return Session(date=day(offset), kind="massage")


def test_no_baseline_when_the_first_session_falls_in_the_first_week() -> None:
    assert no_baseline([_session(6), _session(20)], day(0), day(89))
    assert not no_baseline([_session(7)], day(0), day(89))
    assert not no_baseline([], day(0), day(89))
    # A session before the range does not count as the range's first.
    assert not no_baseline([_session(-3), _session(30)], day(0), day(89))
