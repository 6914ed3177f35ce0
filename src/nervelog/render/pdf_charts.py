"""Page 1's chart block, drawn with fpdf2's own vector drawing.

One panel per score on a shared date axis: the weekly means as a black line with the
score's own dash and marker (so a black-and-white printout tells them apart), the daily
values as light dots, gridlines every 2 points, and a gap wherever there is nothing to
draw. Under the panels a timeline strip: therapy sessions lettered by kind, medicine
starts, dose changes and stops, and events. Every label is real text.
"""

from __future__ import annotations

import math
from collections.abc import Sequence
from typing import Any, NamedTuple

import pendulum

from nervelog.analysis import Bucket, monthly_means, shown_means
from nervelog.analysis.care import CHANGE, START, STOP
from nervelog.domain.printable import printable_line
from nervelog.domain.scores import SCORES, Score
from nervelog.render.report_model import ReportModel, is_fall
from nervelog.render.report_wording import ARROW
from nervelog.render.timeline import session_letters

POINTS_PER_MM = 2.0
"""Charts never plot more points than they have room for: at most two per millimetre."""
DOT_GREY = 150
GRID_GREY = 215

# Each score: dash and gap (mm; 0 = solid) and marker, told apart without colour.
STYLE: dict[Score, tuple[tuple[float, float], str]] = {
    Score.NUMBNESS: ((0.0, 0.0), "circle"),
    Score.TINGLING: ((1.6, 0.9), "square"),
    Score.PAIN: ((0.4, 0.7), "triangle"),
    Score.MOBILITY: ((3.0, 1.0), "diamond"),
}
MEDICINE_SYMBOL = {START: "▲", CHANGE: "◆", STOP: "▼"}
FALL_SYMBOL, EVENT_SYMBOL = "✕", "●"


class ChartLayout(NamedTuple):
    """Heights in mm of the chart block's parts."""

    panel: float = 13.0
    gap: float = 3.6
    strip: float = 9.8
    axis: float = 4.0
    label_width: float = 6.5

    @property
    def height(self) -> float:
        """The whole block, panels to date labels."""
        return len(SCORES) * (self.panel + self.gap) + self.strip + self.axis


class ChartKey(NamedTuple):
    """What the chart drew, for the caption under it."""

    means: str
    """``weekly means`` or ``monthly means`` (very long ranges)."""
    daily_dots: bool
    kinds: tuple[tuple[str, str, int], ...]
    """Session letter, kind, sessions."""
    left_out: int = 0
    """Timeline marks with no room to be drawn apart (very long ranges)."""


def draw_chart(pdf: Any, font: str, model: ReportModel, layout: ChartLayout) -> ChartKey:
    """Draw the chart block from the current position; the cursor ends below it."""
    x0 = pdf.l_margin + layout.label_width
    width = pdf.w - pdf.r_margin - x0
    top = pdf.get_y()
    first, last = model.start.toordinal(), model.end.toordinal()
    span = max(last - first + 1, 1)

    def x_of(ordinal: float) -> float:
        return float(x0 + (ordinal - first + 0.5) / span * width)

    room = int(width * POINTS_PER_MM)
    daily = span <= room
    means_name = "weekly means"
    for i, score in enumerate(SCORES):
        y = top + i * (layout.panel + layout.gap) + layout.gap - 0.6
        buckets: Sequence[Bucket] = model.weekly[score]
        if len(buckets) > room // 2:
            means_name = "monthly means"
            buckets = shown_means(monthly_means(model.series[score]))
        _panel_frame(pdf, font, score, x0, y, width, layout)
        series = model.series[score]

        def y_of(value: float, y: float = y) -> float:
            return y + layout.panel - value / 10 * layout.panel

        if daily:
            pdf.set_fill_color(DOT_GREY)
            for day, value in zip(series.days, series.values, strict=True):
                if value is not None:
                    pdf.circle(x_of(day.toordinal()), y_of(value), 0.42, style="F")
        points = [
            (
                x_of((b.start.toordinal() + b.end.toordinal()) / 2),
                None if b.mean is None else y_of(b.mean),
            )
            for b in buckets
        ]
        _mean_line(pdf, score, points, room)
        if series.n == 0:
            pdf.set_font(font, "", 6.5)
            pdf.set_text_color(90)
            pdf.text(x0 + width / 2 - 12, y + layout.panel / 2 + 1, "no values in this range")
            pdf.set_text_color(0)
    strip_top = top + len(SCORES) * (layout.panel + layout.gap)
    kinds, left_out = _strip(pdf, font, model, x_of, strip_top)
    _date_axis(pdf, font, model.start, model.end, x_of, strip_top + layout.strip)
    pdf.set_y(strip_top + layout.strip + layout.axis)
    return ChartKey(means_name, daily, kinds, left_out)


def _panel_frame(
    pdf: Any, font: str, score: Score, x0: float, y: float, width: float, layout: ChartLayout
) -> None:
    """Title, gridlines every 2 points and their labels."""
    pdf.set_font(font, "B", 7)
    arrow = ARROW[score.higher_is_better]
    pdf.text(pdf.l_margin, y - 1.0, f"{score.label} ({arrow} {score.direction})")
    pdf.set_font(font, "", 5.5)
    pdf.set_line_width(0.12)
    for value in range(0, 11, 2):
        gy = y + layout.panel - value / 10 * layout.panel
        pdf.set_draw_color(150 if value == 0 else GRID_GREY)
        pdf.line(x0, gy, x0 + width, gy)
        label = str(value)
        pdf.text(x0 - 1.2 - pdf.get_string_width(label), gy + 0.7, label)
    pdf.set_draw_color(0)


def _mean_line(
    pdf: Any, score: Score, points: Sequence[tuple[float, float | None]], room: int
) -> None:
    """The means as runs of line (a missing mean breaks the line) with markers."""
    (dash, gap), marker = STYLE[score]
    pdf.set_draw_color(0)
    pdf.set_fill_color(0)
    pdf.set_line_width(0.35)
    runs: list[list[tuple[float, float]]] = [[]]
    for x, y in points:
        if y is None:
            if runs[-1]:
                runs.append([])
            continue
        runs[-1].append((x, y))
    pdf.set_dash_pattern(dash, gap)
    for run in runs:
        if len(run) > 1:
            pdf.polyline(run)
    pdf.set_dash_pattern()
    # Markers on every point while they fit apart; on long ranges every n-th.
    every = max(1, math.ceil(len(points) / (room / 6)))
    pdf.set_line_width(0.2)
    for run in runs:
        for j, (x, y) in enumerate(run):
            if j % every == 0 or len(run) == 1:
                _marker(pdf, marker, x, y)


def _marker(pdf: Any, marker: str, x: float, y: float) -> None:
    r = 0.75
    if marker == "circle":
        pdf.circle(x, y, r, style="F")
    elif marker == "square":
        pdf.set_fill_color(255)
        pdf.rect(x - r, y - r, 2 * r, 2 * r, style="DF")
        pdf.set_fill_color(0)
    elif marker == "triangle":
        pdf.polygon(
            [(x, y - r * 1.2), (x + r * 1.1, y + r * 0.8), (x - r * 1.1, y + r * 0.8)], style="F"
        )
    else:
        pdf.set_fill_color(255)
        pdf.polygon(
            [(x, y - r * 1.2), (x + r * 1.1, y), (x, y + r * 1.2), (x - r * 1.1, y)], style="DF"
        )
        pdf.set_fill_color(0)


STRIP_LANES = 2
"""Rows per kind of mark: a session the day after another goes on the row below."""
LANE_PITCH = 2.0


def _strip(
    pdf: Any, font: str, model: ReportModel, x_of: Any, top: float
) -> tuple[tuple[tuple[str, str, int], ...], int]:
    """Sessions lettered by kind on two rows; medicines and events on the two below.

    Returns the session kinds' key and how many marks found no room (never overprinted).
    """
    kinds = model.summary.sessions_by_kind
    letters = session_letters(kinds)
    sessions_y, marks_y = top + 2.4, top + 2.4 + STRIP_LANES * LANE_PITCH
    pdf.set_font(font, "", 5.5)
    pdf.set_text_color(60)
    pdf.text(pdf.l_margin, sessions_y, "Sess.")
    pdf.text(pdf.l_margin, marks_y, "Med/ev")
    pdf.set_text_color(0)
    pdf.set_font(font, "B", 5.5)
    sessions = [
        (x_of(s.date.toordinal()), letters.get(s.kind, "?"))
        for s in sorted(model.sessions, key=lambda s: s.date)
    ]
    hidden = _lettered(pdf, sessions, sessions_y)
    # Falls first, then medicine changes, then other events: what matters most gets a place.
    marks = [(0, e.date, FALL_SYMBOL) for e in model.events if is_fall(e)]
    marks += [(1, c.date, MEDICINE_SYMBOL.get(c.kind, "◆")) for c in model.medicine_changes]
    marks += [(2, e.date, EVENT_SYMBOL) for e in model.events if not is_fall(e)]
    pdf.set_font(font, "", 5.5)
    hidden += _lettered(pdf, [(x_of(day.toordinal()), s) for _, day, s in sorted(marks)], marks_y)
    key = tuple((letters[k], printable_line(k), n) for k, n in kinds.items())
    return key, hidden


def _lettered(pdf: Any, marks: Sequence[tuple[float, str]], y: float) -> int:
    """Draw each mark centred on its x, on the first of the lanes where it touches no
    other mark; a mark with no room on any lane is left out. Returns how many were."""
    taken: list[list[tuple[float, float]]] = [[] for _ in range(STRIP_LANES)]
    left_out = 0
    for x, text in marks:
        half = pdf.get_string_width(text) / 2 + 0.15
        span = (x - half, x + half)
        lane = next(
            (
                i
                for i, spans in enumerate(taken)
                if all(b < span[0] or a > span[1] for a, b in spans)
            ),
            None,
        )
        if lane is None:
            left_out += 1
            continue
        taken[lane].append(span)
        pdf.text(x - half + 0.15, y + lane * LANE_PITCH, text)
    return left_out


def _date_axis(
    pdf: Any, font: str, start: pendulum.Date, end: pendulum.Date, x_of: Any, y: float
) -> None:
    pdf.set_font(font, "", 6)
    pdf.set_draw_color(120)
    pdf.set_line_width(0.12)
    previous = -1e9
    for ordinal, label in date_ticks(start, end):
        x = x_of(ordinal)
        w = pdf.get_string_width(label)
        if x - w / 2 < previous + 1.5:
            continue
        pdf.line(x, y - 0.8, x, y)
        pdf.text(x - w / 2, y + 2.6, label)
        previous = x + w / 2
    pdf.set_draw_color(0)


def date_ticks(start: pendulum.Date, end: pendulum.Date) -> list[tuple[float, str]]:
    """Readable tick positions: days, weeks, months or years depending on the span."""
    span = end.toordinal() - start.toordinal() + 1
    ticks: list[tuple[float, str]] = []
    if span <= 21:
        step = 1 if span <= 8 else 3
        for o in range(start.toordinal(), end.toordinal() + 1, step):
            d = pendulum.Date.fromordinal(o)
            ticks.append((o, f"{d.day} {d.format('MMM')}"))
    elif span <= 70:
        day = start.add(days=(7 - start.weekday()) % 7)  # Mondays
        while day <= end:
            ticks.append((day.toordinal(), f"{day.day} {day.format('MMM')}"))
            day = day.add(weeks=1)
    elif span <= 120:
        # The 1st and 15th of each month; the first label carries the year.
        for o in range(start.toordinal(), end.toordinal() + 1):
            d = pendulum.Date.fromordinal(o)
            if d.day in (1, 15):
                label = f"{d.day} {d.format('MMM')}"
                ticks.append((o, f"{label} {d.year}" if not ticks else label))
    elif span <= 3 * 366:
        # Every month, or every 2nd, 3rd or 4th; January (and the first label) with the year.
        months = 1 if span <= 200 else 2 if span <= 400 else 3 if span <= 730 else 4
        day = pendulum.Date(start.year, start.month, 1)
        if day < start:
            day = day.add(months=1)
        while day <= end:
            if (day.month - 1) % months == 0 or months == 1:
                label = day.format("MMM YYYY") if day.month == 1 or not ticks else day.format("MMM")
                ticks.append((day.toordinal(), label))
            day = day.add(months=1)
    else:
        years = max(1, math.ceil(span / 365 / 10))
        year = start.year if (start.month, start.day) == (1, 1) else start.year + 1
        while year <= end.year:
            if (year - start.year) % years == 0 or years == 1:
                ticks.append((pendulum.Date(year, 1, 1).toordinal(), str(year)))
            year += 1
    return ticks
