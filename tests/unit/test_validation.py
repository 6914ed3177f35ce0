"""Validation: scores, dates, sessions; every problem reported at once."""

from __future__ import annotations

import pendulum
import pytest

from nervelog.domain.dates import parse_day, parse_span
from nervelog.domain.errors import ValidationError
from nervelog.domain.scores import Score
from nervelog.domain.validation import Collector, parse_entry, parse_score, parse_session

TODAY = pendulum.date(2026, 11, 22)


@pytest.mark.parametrize("raw, expected", [(0, 0), (10, 10), ("0", 0), ("10", 10), (" 7 ", 7)])
def test_scores_on_the_scale_are_accepted(raw: object, expected: int) -> None:
    problems = Collector()
    assert parse_score(raw, "pain", problems) == expected
    assert problems.problems == []


@pytest.mark.parametrize(
    "raw", [-1, 11, "-1", "11", "seven", "7.5", 3.0, True, "٣", "--5", "-0", "+3", " -0 "]
)
def test_scores_off_the_scale_are_refused_with_field_and_value(raw: object) -> None:
    problems = Collector()
    assert parse_score(raw, "pain", problems) is None
    [problem] = problems.problems
    assert problem.field == "pain" and problem.value == raw
    assert "0 to 10" in str(problem)


@pytest.mark.parametrize("raw", [None, "", "skip", "  "])
def test_skipped_is_none_never_zero(raw: object) -> None:
    problems = Collector()
    assert parse_score(raw, "pain", problems) is None
    assert problems.problems == []


def test_zero_is_kept_distinct_from_skipped() -> None:
    entry = parse_entry({"date": "2026-11-20", "pain": "0", "numbness": ""}, TODAY)
    assert entry.scores.pain == 0
    assert entry.scores.numbness is None


def test_entry_reports_every_problem_at_once() -> None:
    with pytest.raises(ValidationError) as info:
        parse_entry({"date": "2026-02-30", "pain": "11", "tingling": "seven"}, TODAY)
    fields = [p.field for p in info.value.problems]
    assert fields == ["date", "tingling", "pain"]


@pytest.mark.parametrize(
    "text, expected",
    [
        ("today", TODAY),
        ("yesterday", pendulum.date(2026, 11, 21)),
        ("3 days ago", pendulum.date(2026, 11, 19)),
        ("1 day ago", pendulum.date(2026, 11, 21)),
        ("2024-02-29", pendulum.date(2024, 2, 29)),
        ("2026-11-22", TODAY),
    ],
)
def test_dates_in_every_documented_form(text: str, expected: pendulum.Date) -> None:
    assert parse_day(text, TODAY) == expected


@pytest.mark.parametrize(
    "text", ["2026-11-23", "tomorrow", "2025-02-29", "2026-13-01", "22/11/2026", ""]
)
def test_future_and_impossible_dates_are_refused(text: str) -> None:
    with pytest.raises(ValidationError) as info:
        parse_day(text, TODAY)
    assert info.value.problems[0].field == "date"
    assert repr(text) in str(info.value)


def test_future_date_message_says_what_is_allowed() -> None:
    with pytest.raises(ValidationError, match=r"today \(2026-11-22\) or earlier"):
        parse_day("2026-11-23", TODAY)


@pytest.mark.parametrize(
    "text, first",
    [
        ("90d", "2026-08-25"),
        ("2w", "2026-11-09"),
        # Calendar months and years, the same definition everywhere (not 180 or 365 days).
        ("6m", "2026-05-23"),
        ("1m", "2026-10-23"),
        ("1y", "2025-11-23"),
    ],
)
def test_spans_end_on_the_day_and_count_calendar_months(text: str, first: str) -> None:
    assert parse_span(text).start(TODAY).isoformat() == first


def test_six_months_back_from_the_end_of_august_starts_in_march() -> None:
    # 31 Aug minus six months is 28 Feb (no 31 Feb), so the span starts on 1 Mar.
    assert parse_span("6m").start(pendulum.date(2026, 8, 31)) == pendulum.date(2026, 3, 1)


@pytest.mark.parametrize("text", ["0d", "ninety", "90", "-3d", "101y", "1201m"])
def test_bad_spans(text: str) -> None:
    with pytest.raises(ValidationError):
        parse_span(text)


def test_session_fields_validated_together() -> None:
    raw = {"date": "today", "kind": "", "time": "25:00", "duration_min": "601", "after_pain": "12"}
    with pytest.raises(ValidationError) as info:
        parse_session(raw, TODAY)
    assert {p.field for p in info.value.problems} == {"kind", "time", "duration_min", "after_pain"}


def test_session_accepts_full_record() -> None:
    session = parse_session(
        {
            "date": "2026-11-20",
            "kind": "massage",
            "time": "09:05",
            "duration_min": "600",
            "body_areas": "left foot; ; calves",
            "before_pain": "6",
            "after_pain": 4,
        },
        TODAY,
    )
    assert session.duration_min == 600
    assert session.body_areas == ("left foot", "calves")
    assert session.before.get(Score.PAIN) == 6 and session.after.get(Score.PAIN) == 4
    assert session.before.get(Score.NUMBNESS) is None


def test_directions_and_wording() -> None:
    assert Score.MOBILITY.direction == "higher is better"
    assert Score.PAIN.direction == "lower is better"
    assert Score.TINGLING.high_anchor == "the most intense pins-and-needles imaginable"


@pytest.mark.parametrize("typed", ["５ days ago", "٣ days ago", "2 days ago\u0660"])
def test_only_ascii_digits_count_in_a_relative_day(typed: str) -> None:
    # Full-width and Arabic-Indic digits look like numbers but are not what was meant.
    with pytest.raises(ValidationError, match="a real date"):
        parse_day(typed, pendulum.date(2026, 11, 22))


@pytest.mark.parametrize("typed", ["５d", "١w"])
def test_only_ascii_digits_count_in_a_span(typed: str) -> None:
    with pytest.raises(ValidationError):
        parse_span(typed)


def test_only_ascii_digits_count_in_a_session_time() -> None:
    raw = {"date": "2026-11-20", "kind": "massage", "time": "１０:３０"}
    with pytest.raises(ValidationError, match="time"):
        parse_session(raw, pendulum.date(2026, 11, 22))
