"""The shared score chart, drawn on plotext itself as the text report will draw it."""

from __future__ import annotations

import re

import pendulum
import plotext
import pytest

from nervelog.analysis import DailySeries, calendar_days, rolling_mean
from nervelog.domain.scores import SCORES, Score
from nervelog.render.terminal_chart import direction_title, draw_scores

START = pendulum.date(2026, 1, 1)


def series(score: Score, values: list[float | None]) -> DailySeries:
    days = calendar_days(START, START.add(days=len(values) - 1))
    return DailySeries(score, days, tuple(values))


def build(width: int = 60, height: int = 16) -> str:
    plotext.limitsize(False, False)
    plotext.plotsize(width, height)
    return re.sub(r"\x1b\[[0-9;]*m", "", plotext.build())


@pytest.fixture(autouse=True)
def _clean() -> None:
    plotext.clear_figure()


def test_never_more_points_than_columns() -> None:
    values: list[float | None] = [float(i % 11) for i in range(3650)]
    drawn = draw_scores(
        plotext,
        [series(s, values) for s in SCORES],
        {s: rolling_mean(values) for s in SCORES},
        {START.add(days=d) for d in range(0, 3650, 3)},
        80,
        height=20,
    )
    assert len(drawn.buckets) <= 80 and drawn.max_points <= 80
    out = build(80, 20)
    assert "^" in out  # session days marked


def test_gaps_stay_gaps_and_each_score_has_its_letter() -> None:
    values: list[float | None] = [5.0] * 10 + [None] * 10 + [5.0] * 10
    draw_scores(plotext, [series(Score.PAIN, values)], None, set(), 60, height=12)
    out = build(60, 12)
    row = next(line for line in out.splitlines() if "P" in line and "┤" in line)
    plot = row.split("┤", 1)[1]
    # Two separate runs of P with blank columns between them: nothing drawn in the gap.
    assert re.search(r"P+\s{5,}P+", plot), plot


def test_skipped_days_are_not_drawn_as_zero() -> None:
    values: list[float | None] = [None, 8.0, None, 8.0]
    drawn = draw_scores(plotext, [series(Score.NUMBNESS, values)], None, set(), 40, height=10)
    assert drawn.max_points == 2
    bottom = [line for line in build(40, 10).splitlines() if line.strip().startswith("0┤")]
    assert bottom and "N" not in bottom[0]


def test_direction_in_the_title() -> None:
    assert direction_title([Score.MOBILITY], 80) == "Mobility: higher is better"
    title = direction_title(list(SCORES), 100)
    assert "pain: lower is better" in title and "mobility: higher is better" in title
    assert direction_title(list(SCORES), 40) == "N T P: lower is better · M: higher is better"


def test_rolling_mean_drawn_in_lower_case() -> None:
    values: list[float | None] = [3.0, 5.0, 4.0, 6.0, 2.0, 5.0, 4.0, 6.0, 5.0, 3.0]
    draw_scores(
        plotext, [series(Score.TINGLING, values)], {Score.TINGLING: rolling_mean(values)}, set(), 60
    )
    out = build(60, 14)
    assert "t" in out.split("\n", 1)[1] and "T" in out
