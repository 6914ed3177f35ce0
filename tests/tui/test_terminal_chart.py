"""The shared score chart, drawn on plotext itself as the text report will draw it."""

from __future__ import annotations

import re

import pendulum
import plotext
import pytest

from nervelog.analysis import DailySeries, calendar_days
from nervelog.domain.scores import SCORES, Score
from nervelog.render.terminal_chart import direction_title, draw_scores

START = pendulum.date(2026, 1, 5)  # a Monday: weeks are days 0-6, 7-13, ...


def series(score: Score, values: list[float | None]) -> DailySeries:
    days = calendar_days(START, START.add(days=len(values) - 1))
    return DailySeries(score, days, tuple(values))


def build(width: int = 60, height: int = 16) -> str:
    plotext.limitsize(False, False)
    plotext.plotsize(width, height)
    return re.sub(r"\x1b\[[0-9;]*m", "", plotext.build())


def plot_rows(out: str) -> list[str]:
    """The plot area of each row with a y label, keyed by nothing: just the rows."""
    return [line.split("┤", 1)[1] for line in out.splitlines() if "┤" in line]


@pytest.fixture(autouse=True)
def _clean() -> None:
    plotext.clear_figure()


def test_never_more_points_than_columns_and_sessions_lettered_by_kind() -> None:
    values: list[float | None] = [float(i % 11) for i in range(3650)]
    kinds = {START.add(days=d): "massage" for d in range(0, 3650, 3)}
    drawn = draw_scores(
        plotext, [series(s, values) for s in SCORES], 80, height=20, session_kinds=kinds
    )
    assert len(drawn.buckets) <= 80 and drawn.max_points <= 4 * 80
    out = build(80, 20)
    under = out.split(" 0┤", 1)[1].split("└", 1)[0]
    assert "m" in under  # massage days marked under the chart


def test_gaps_stay_gaps_in_the_weekly_line() -> None:
    # Weeks 0 and 1 full, weeks 2 and 3 empty, weeks 4 and 5 full.
    values: list[float | None] = [5.0] * 14 + [None] * 14 + [5.0] * 14
    draw_scores(plotext, [series(Score.PAIN, values)], 60, height=12)
    row = next(r for r in plot_rows(build(60, 12)) if "P" in r)
    # Two separate runs of the P line with blank columns between them.
    assert re.search(r"P+[\s·]{5,}P+", row), row


def test_skipped_days_are_not_drawn_as_zero() -> None:
    values: list[float | None] = [None, 8.0, None, 8.0]
    drawn = draw_scores(plotext, [series(Score.NUMBNESS, values)], 40, height=10)
    assert drawn.max_points == 2  # two daily dots; no week has 4 values, so no line
    out = build(40, 10)
    bottom = [line for line in out.splitlines() if line.strip().startswith("0┤")]
    assert bottom and "·" not in bottom[0] and "N" not in bottom[0]
    assert "N" not in out.split("\n", 1)[1].replace("Numbness", "")


def test_direction_in_the_title() -> None:
    assert direction_title([Score.MOBILITY], 80) == "Mobility: higher is better"
    title = direction_title(list(SCORES), 100)
    assert "pain: lower is better" in title and "mobility: higher is better" in title
    assert direction_title(list(SCORES), 40) == "N T P: lower is better · M: higher is better"


def test_weekly_means_are_the_line_and_daily_values_light_dots() -> None:
    # Week 0: 2,2,2,2,2,2,2 (mean 2); week 1: 8 x7 (mean 8).
    values: list[float | None] = [2.0] * 7 + [8.0] * 7
    draw_scores(plotext, [series(Score.TINGLING, values)], 60, height=14)
    rows = plot_rows(build(60, 14))
    assert any("T" in r for r in rows)  # the weekly line, marked by the score's initial
    assert any("·" in r for r in rows)  # the daily values
