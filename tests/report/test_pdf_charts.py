"""The PDF's score charts: gaps stay gaps, long ranges are averaged, ticks stay in range."""

from __future__ import annotations

import io
import math
import os
import pickle
import sys

import pendulum
import pytest
from PIL import Image

from nervelog.analysis import calendar_days
from nervelog.domain.scores import SCORES
from nervelog.render.chart_data import ChartData
from nervelog.render.chart_process import PendingChart
from nervelog.render.pdf_charts import (
    date_ticks,
    days_per_point,
    max_points,
    panel_points,
    score_charts_png,
    session_marks,
)

START = pendulum.date(2026, 1, 1)


def test_missing_days_are_gaps_never_zero() -> None:
    days = calendar_days(START, START.add(days=5))
    points = panel_points(days, [4.0, None, None, 6.0, 0.0, None], limit=100)
    assert points.days_per_point == 1
    assert [None if math.isnan(y) else y for y in points.y] == [4.0, None, None, 6.0, 0.0, None]


def test_ten_years_are_averaged_to_the_chart_width() -> None:
    days = calendar_days(START, START.add(days=3649))
    values = [float(i % 11) for i in range(len(days))]
    limit = max_points(182, 150)
    points = panel_points(days, values, limit)
    assert len(points.x) <= limit
    assert points.days_per_point == days_per_point(len(days), limit) > 1
    assert all(0 <= y <= 10 for y in points.y)


def test_session_marks_one_per_bucket_with_a_session() -> None:
    sessions = frozenset({START, START.add(days=1), START.add(days=9)})
    assert session_marks(sessions, START, 1) == [
        START.toordinal(),
        START.add(days=1).toordinal(),
        START.add(days=9).toordinal(),
    ]
    # With 5 days per point the first two sessions share a bucket.
    assert len(session_marks(sessions, START, 5)) == 2


def test_date_ticks_fall_inside_the_range() -> None:
    for length in (1, 10, 30, 90, 365, 3 * 365, 3650):
        end = START.add(days=length - 1)
        ticks = date_ticks(START, end)
        assert ticks, length
        assert all(START.toordinal() <= t <= end.toordinal() for t, _ in ticks)
        assert len(ticks) <= 16
        positions = [t for t, _ in ticks]
        assert len(set(positions)) == len(positions), length  # no label drawn over another
        if length >= 14:
            assert len(ticks) >= 3, length  # enough to read dates off the axis


def test_a_year_is_labelled_by_months_and_ninety_days_by_half_months() -> None:
    end = pendulum.date(2026, 11, 22)
    year = [label for _, label in date_ticks(end.subtract(days=364), end)]
    assert year == ["Jan 2026", "Mar", "May", "Jul", "Sep", "Nov"]
    quarter = [label for _, label in date_ticks(end.subtract(days=89), end)]
    assert quarter == ["1 Sep 2026", "15 Sep", "1 Oct", "15 Oct", "1 Nov", "15 Nov"]


@pytest.mark.parametrize("width, height, dpi", [(182, 88, 150), (187.9, 70.3, 200), (40, 30, 72)])
def test_chart_png_is_greyscale_at_the_requested_size(
    width: float, height: float, dpi: int
) -> None:
    days = calendar_days(START, START.add(days=29))
    data = ChartData(days, {s: [5.0] * 30 for s in SCORES}, frozenset({START}))
    image = Image.open(io.BytesIO(score_charts_png(data, width, height, dpi)[0]))
    # Greyscale prints the same and is a quarter of the size of RGBA.
    assert image.mode == "L"
    assert abs(image.size[0] - width / 25.4 * dpi) <= 1
    assert abs(image.size[1] - height / 25.4 * dpi) <= 1
    assert image.getextrema() == (0, 255)  # black lines on white, not a blank image


@pytest.mark.skipif(
    sys.platform != "linux" or (os.cpu_count() or 1) < 2,
    reason="charts are drawn in a child process only on Linux with more than one core",
)
def test_the_chart_drawn_in_the_child_is_the_one_drawn_here() -> None:
    days = calendar_days(START, START.add(days=89))
    values = {
        s: [None if i % 7 == 3 else float((i + n) % 11) for i in range(90)]
        for n, s in enumerate(SCORES)
    }
    data = ChartData(days, values, frozenset({START.add(days=10)}))
    png, per_point = score_charts_png(data, 182, 88, 100)
    assert per_point == 1
    pending = PendingChart()
    # Without a child this would compare the function with itself.
    assert pending._pid is not None, "the chart was not drawn in a child process"
    pending.send(data, 182, 88, 100)
    assert pending.result() == (png, 1)


def test_chart_data_travels_to_the_chart_process_intact() -> None:
    days = calendar_days(START, START.add(days=3649))
    values = {s: tuple(None if i % 5 == 0 else float(i % 11) for i in range(3650)) for s in SCORES}
    data = ChartData(days, values, frozenset({START, START.add(days=100)}))
    sent = pickle.dumps(data)
    assert pickle.loads(sent) == data
    # Dates travel as ordinals, a third less to send (and far less work) than as objects.
    assert len(sent) < 0.7 * len(pickle.dumps((data.days, data.values, data.session_days)))
    empty = ChartData((), {s: () for s in SCORES}, frozenset())
    assert pickle.loads(pickle.dumps(empty)) == empty
