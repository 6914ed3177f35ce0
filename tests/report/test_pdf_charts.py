"""The PDF's chart block: weekly means as lines that break at gaps, daily values as dots,
never more points than fit, a timeline strip lettered by kind, labels as real text."""

from __future__ import annotations

import io
import re
from typing import Any

import pendulum
from pypdf import PdfReader

from nervelog.domain.care import Event, Medication
from nervelog.domain.models import Entry, Session
from nervelog.domain.scores import Scores
from nervelog.render.pdf_charts import ChartLayout, date_ticks, draw_chart
from nervelog.render.pdf_report import render_pdf
from nervelog.render.report_model import build_report
from nervelog.render.timeline import session_letters
from nervelog.storage import Journal

START = pendulum.date(2026, 1, 1)


class Recorder:
    """Stands in for the fpdf2 document and keeps what was drawn."""

    l_margin, r_margin, w = 14.0, 14.0, 210.0

    def __init__(self) -> None:
        self.y = 50.0
        self.texts: list[str] = []
        self.polylines: list[list[tuple[float, float]]] = []
        self.dots = 0
        self.fill = 0
        self.dashes: list[tuple[float, float]] = []

    def get_y(self) -> float:
        return self.y

    def set_y(self, y: float) -> None:
        self.y = y

    def text(self, x: float, y: float, text: str) -> None:
        self.texts.append(text)

    def polyline(self, points: list[tuple[float, float]]) -> None:
        self.polylines.append(points)

    def set_fill_color(self, grey: int) -> None:
        self.fill = grey

    def circle(self, x: float, y: float, r: float, style: str = "") -> None:
        if self.fill != 0:  # the light daily dots; means' markers are black
            self.dots += 1

    def set_dash_pattern(self, dash: float = 0, gap: float = 0) -> None:
        self.dashes.append((dash, gap))

    def get_string_width(self, text: str) -> float:
        return len(text) * 1.2

    def __getattr__(self, name: str) -> Any:
        return lambda *args, **kwargs: None  # colours, widths, rules, markers


def _journal_with(journal: Journal, days: dict[int, int], sessions: dict[int, str]) -> None:
    for offset, value in days.items():
        journal.save_entry(Entry(START.add(days=offset), Scores(numbness=value)))
    for offset, kind in sessions.items():
        journal.add_session(Session(START.add(days=offset), kind))


def test_weekly_mean_lines_break_where_a_week_has_fewer_than_four_values(
    journal: Journal,
) -> None:
    # 2026-01-01 is a Thursday: weeks (Monday first) are Jan 1-4, 5-11, 12-18, 19-25, 26-28.
    # Weeks 5-11 and 19-25 are full, 12-18 has three values: a gap between two runs.
    values = {o: 5 for o in range(4, 11)} | {11: 0, 12: 0, 13: 0} | {o: 3 for o in range(18, 25)}
    _journal_with(journal, values, {5: "massage", 19: "physiotherapy"})
    model = build_report(journal, START, START.add(days=27))
    pdf = Recorder()
    key = draw_chart(pdf, "DejaVu", model, ChartLayout())
    numbness_runs = pdf.polylines  # only numbness has values, so only its line is drawn
    assert len(numbness_runs) == 0  # each full week stands alone: two single points, no run
    assert pdf.dots == len(values)  # every daily value, 0 included, as a light dot
    assert key.daily_dots and key.means == "weekly means"
    assert ("M", "massage", 1) in key.kinds and ("P", "physiotherapy", 1) in key.kinds
    assert "M" in pdf.texts and "P" in pdf.texts
    for label in ("0", "2", "4", "6", "8", "10"):  # gridlines every 2
        assert pdf.texts.count(label) == 4


def test_consecutive_full_weeks_make_one_run_and_a_thin_week_breaks_it(
    journal: Journal,
) -> None:
    full = {o: 4 for o in range(4, 18)}  # Jan 5-18: two full weeks
    later = {o: 6 for o in range(25, 39)}  # Jan 26 - Feb 8: two full weeks
    _journal_with(journal, full | later | {20: 1}, {})  # Jan 19-25 holds one value
    model = build_report(journal, START, START.add(days=41))
    pdf = Recorder()
    draw_chart(pdf, "DejaVu", model, ChartLayout())
    assert [len(run) for run in pdf.polylines] == [2, 2]


def test_ten_years_plot_no_more_points_than_the_chart_has_room_for(journal: Journal) -> None:
    end = START.add(days=3649)
    _journal_with(journal, {o: o % 11 for o in range(0, 3650, 1)}, {})
    model = build_report(journal, START, end)
    pdf = Recorder()
    key = draw_chart(pdf, "DejaVu", model, ChartLayout())
    room = (Recorder.w - Recorder.l_margin - Recorder.r_margin - ChartLayout().label_width) * 2
    assert not key.daily_dots and pdf.dots == 0
    assert key.means == "monthly means"
    assert sum(len(run) for run in pdf.polylines) <= room


def test_kinds_sharing_an_initial_get_distinct_letters() -> None:
    letters = session_letters({"massage": 3, "manual therapy": 1, "physiotherapy": 2})
    assert letters == {"massage": "M", "manual therapy": "MA", "physiotherapy": "P"}


def test_axis_labels_and_the_timeline_key_are_text_in_the_pdf(demo: Journal) -> None:
    end = pendulum.date(2026, 11, 22)
    model = build_report(demo, end.subtract(days=89), end)
    reader = PdfReader(io.BytesIO(render_pdf(model).data))
    first = reader.pages[0].extract_text()
    for label in ("1 Sep 2026", "15 Sep", "1 Oct", "15 Oct", "1 Nov", "15 Nov"):
        assert label in first
    assert "Numbness (↓ lower is better)" in first and "Mobility (↑ higher is better)" in first
    assert "Lines: weekly means" in first and "light dots: the daily values" in first
    assert "M massage (13), P physiotherapy (2)" in first
    assert "▲ started, ◆ dose changed, ▼ stopped; ✕ fall" in first


def test_no_chart_image_is_embedded(demo: Journal) -> None:
    end = pendulum.date(2026, 11, 22)
    data = render_pdf(build_report(demo, end.subtract(days=89), end)).data
    assert b"/Subtype /Image" not in data  # vector drawing only


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


def test_the_timeline_marks_sessions_on_next_days_and_every_fall(journal: Journal) -> None:
    # Physiotherapy on Fridays and massage the next day, for 20 weeks; one acupuncture
    # the day after one of those massages. A fall on the day of a dose change, one alone.
    fridays = [1 + 7 * week for week in range(20)]
    sessions = {day: "physiotherapy" for day in fridays} | {d + 1: "massage" for d in fridays}
    _journal_with(journal, {o: 5 for o in range(0, 150)}, sessions | {45: "acupuncture"})
    meds = journal.medicines
    course = meds.start(Medication("pregabalin", "75 mg", START.add(days=10)))
    meds.change(course.id or 0, "150 mg", None, START.add(days=60))
    journal.events.add(Event(START.add(days=60), "fall", "Missed the bottom step"))
    journal.events.add(Event(START.add(days=100), "fall", "Slipped in the bathroom"))
    model = build_report(journal, START, START.add(days=149))
    pdf = Recorder()
    key = draw_chart(pdf, "DejaVu", model, ChartLayout())
    assert pdf.texts.count("P") == 20 and pdf.texts.count("M") == 20
    assert pdf.texts.count("A") == 1  # the one acupuncture session is there too
    assert pdf.texts.count("✕") == 2  # both falls, one beside the dose change
    assert pdf.texts.count("◆") == 1 and pdf.texts.count("▲") == 1
    assert key.left_out == 0


def test_a_crowded_timeline_says_how_many_marks_it_could_not_draw(journal: Journal) -> None:
    end = START.add(days=3649)
    _journal_with(journal, {}, {o: "massage" for o in range(0, 3650, 2)})
    journal.save_entry(Entry(START, Scores(pain=3)))
    model = build_report(journal, START, end)
    pdf = Recorder()
    key = draw_chart(pdf, "DejaVu", model, ChartLayout())
    drawn = pdf.texts.count("M")
    assert 0 < drawn < 1825 and key.left_out == 1825 - drawn
    words = " ".join(PdfReader(io.BytesIO(render_pdf(model).data)).pages[0].extract_text().split())
    said = re.search(r"(\d+) marks too close to others to draw apart", words)
    assert said is not None and 0 < int(said.group(1)) < 1825, words[-600:]
