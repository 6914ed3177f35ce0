"""First 14 vs last 14 days, worded by direction; omitted honestly when too thin."""

from __future__ import annotations

import pendulum
import pytest
from analysis_helpers import day, entry, pain_entries

from nervelog.analysis import NOTICEABLE_CHANGE_NOTE, period_change, period_changes
from nervelog.domain.scores import Score


def test_pain_lower_is_better() -> None:
    entries = pain_entries({0: 6, 1: 7, 2: 6, 13: 5, 14: 4, 25: 4, 26: 5, 27: 3, 20: 0})
    # first 14 days (0..13): 6,7,6,5 -> 6.0 (n 4); last 14 days (14..27): 4,0,4,5,3 -> 3.2 (n 5)
    c = period_change(entries, Score.PAIN, day(0), day(27))
    assert (c.first_mean, c.first_n, c.last_mean, c.last_n) == (6.0, 4, 3.2, 5)
    assert c.points == pytest.approx(-2.8)
    assert c.percent == pytest.approx(-2.8 / 6 * 100)
    assert c.omitted_reason is None
    assert c.better is True
    assert c.sentence() == "pain: 6.0 → 3.2, 2.8 points lower (better)"


def test_the_issue_example_sentence() -> None:
    first = {i: 6 for i in range(9)} | {9: 7}  # 61 / 10 = 6.1
    last = {i: 4 for i in range(18, 26)} | {26: 5, 27: 5}  # 42 / 10 = 4.2
    c = period_change(pain_entries(first | last), Score.PAIN, day(0), day(27))
    assert c.sentence() == "pain: 6.1 → 4.2, 1.9 points lower (better)"


def test_mobility_higher_is_better_and_lower_is_worse() -> None:
    rising = [entry(i, mobility=v) for i, v in ((0, 3), (1, 3), (2, 4), (3, 4))] + [
        entry(i, mobility=v) for i, v in ((24, 5), (25, 5), (26, 6), (27, 6))
    ]
    c = period_change(rising, Score.MOBILITY, day(0), day(27))
    assert c.sentence() == "mobility: 3.5 → 5.5, 2.0 points higher (better)"
    falling = [e.with_changes(date=day(27 - (e.date - day(0)).days)) for e in rising]
    c = period_change(falling, Score.MOBILITY, day(0), day(27))
    assert c.sentence() == "mobility: 5.5 → 3.5, 2.0 points lower (worse)"


def test_pain_higher_is_worse() -> None:
    entries = pain_entries({0: 2, 1: 2, 2: 2, 3: 2, 24: 5, 25: 5, 26: 5, 27: 5})
    c = period_change(entries, Score.PAIN, day(0), day(27))
    assert c.sentence() == "pain: 2.0 → 5.0, 3.0 points higher (worse)"
    assert c.percent == pytest.approx(150.0)


def test_no_change_is_said_plainly() -> None:
    entries = pain_entries({0: 4, 1: 4, 2: 4, 3: 4, 24: 4, 25: 4, 26: 4, 27: 4})
    c = period_change(entries, Score.PAIN, day(0), day(27))
    assert c.points == 0 and c.better is None
    assert c.sentence() == "pain: 4.0 → 4.0, no change"


def test_omitted_when_either_side_has_fewer_than_four_values() -> None:
    entries = pain_entries({0: 6, 1: 6, 2: 6, 20: 3, 21: 3, 22: 3, 23: 3})
    c = period_change(entries, Score.PAIN, day(0), day(27))
    assert (c.first_n, c.last_n, c.points, c.percent) == (3, 4, None, None)
    assert c.omitted_reason == "first 14 days have 3 values; at least 4 are needed"
    assert c.sentence() == (
        "pain: change not shown (first 14 days have 3 values; at least 4 are needed)"
    )


def test_omitted_for_a_score_never_recorded_and_for_a_range_with_no_data() -> None:
    entries = pain_entries({i: 5 for i in range(28)})
    c = period_change(entries, Score.NUMBNESS, day(0), day(27))
    assert (c.first_mean, c.first_n, c.last_mean, c.last_n) == (None, 0, None, 0)
    assert c.omitted_reason == (
        "first 14 days have 0 values and last 14 days have 0 values; at least 4 are needed"
    )
    empty = period_change([], Score.PAIN, day(100), day(200))
    assert empty.omitted and empty.points is None


def test_omitted_when_the_range_is_too_short_for_two_separate_windows() -> None:
    entries = pain_entries({i: 5 for i in range(27)})
    c = period_change(entries, Score.PAIN, day(0), day(26))
    assert c.omitted_reason is not None and "27 days" in c.omitted_reason
    one_day = period_change(pain_entries({0: 5}), Score.PAIN, day(0), day(0))
    assert one_day.omitted and one_day.first_n == 1


def test_window_edges_by_the_calendar_day() -> None:
    # Day 13 belongs to the first window, day 14 to the last; the rest of a long range to
    # neither.
    values = {10: 1, 11: 1, 12: 1, 13: 1, 14: 9, 40: 0, 56: 3, 57: 3, 58: 3, 59: 3}
    c = period_change(pain_entries(values), Score.PAIN, day(0), day(59))
    assert (c.first_mean, c.first_n, c.last_mean, c.last_n) == (1.0, 4, 3.0, 4)


def test_percent_is_not_given_from_a_zero_start() -> None:
    entries = pain_entries({0: 0, 1: 0, 2: 0, 3: 0, 24: 1, 25: 1, 26: 1, 27: 1})
    c = period_change(entries, Score.PAIN, day(0), day(27))
    assert c.points == 1.0 and c.percent is None


def test_all_four_scores_and_the_reference_note() -> None:
    assert set(period_changes([], day(0), day(27))) == set(Score)
    assert "Farrar" in NOTICEABLE_CHANGE_NOTE and "2001" in NOTICEABLE_CHANGE_NOTE
    assert "2 points or 30%" in NOTICEABLE_CHANGE_NOTE


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
