"""The report's small-multiple charts: one panel per score on a shared date axis.

Drawn with matplotlib's object API (no pyplot, no GUI backend) into ONE figure, so a
ten-year report costs about what a three-month one does. The panels must survive a
black-and-white printer: every score has its own marker and line style, session days
are marked with black ticks, and a day without a value is a gap (NaN), never 0.
"""

from __future__ import annotations

import io
import math
from collections.abc import Sequence
from dataclasses import dataclass

import pendulum

from nervelog.analysis.downsample import downsample
from nervelog.domain.scores import SCORES, Score
from nervelog.render.chart_data import ChartData

MM_PER_INCH = 25.4

# One look per score; shape and dash tell them apart without colour.
STYLE: dict[Score, tuple[str, str]] = {
    Score.NUMBNESS: ("o", "-"),
    Score.TINGLING: ("s", "--"),
    Score.PAIN: ("^", "-."),
    Score.MOBILITY: ("D", ":"),
}

# Above this many marked columns the faint vertical session lines would grey out the panel.
MAX_SESSION_LINES = 80


@dataclass(frozen=True, slots=True)
class PanelPoints:
    """One score's points after downsampling: x as day ordinals, y with NaN for gaps."""

    x: tuple[float, ...]
    y: tuple[float, ...]
    days_per_point: int


def max_points(width_mm: float, dpi: int) -> int:
    """About one point per 3 pixels of plot width: more would not be visible."""
    return max(10, int(width_mm / MM_PER_INCH * dpi * 0.85 / 3))


def days_per_point(day_count: int, limit: int) -> int:
    """How many days each plotted point covers once ``day_count`` days are downsampled."""
    return 1 if day_count <= limit else -(-day_count // limit)


def panel_points(
    days: Sequence[pendulum.Date], values: Sequence[float | None], limit: int
) -> PanelPoints:
    """Daily values reduced to at most ``limit`` bucket means, placed mid-bucket."""
    buckets = downsample(days, values, limit)
    xs = tuple((b.start.toordinal() + b.end.toordinal()) / 2 for b in buckets)
    ys = tuple(math.nan if b.mean is None else b.mean for b in buckets)
    size = (buckets[0].end.toordinal() - buckets[0].start.toordinal() + 1) if buckets else 1
    return PanelPoints(xs, ys, size)


def session_marks(
    session_days: frozenset[pendulum.Date], start: pendulum.Date, days_per_point: int
) -> list[float]:
    """Where to mark session days: one mark per bucket that holds a session."""
    first = start.toordinal()
    buckets = {(d.toordinal() - first) // days_per_point for d in session_days}
    half = (days_per_point - 1) / 2
    return sorted(first + b * days_per_point + half for b in buckets)


def date_ticks(start: pendulum.Date, end: pendulum.Date) -> list[tuple[float, str]]:
    """Readable tick positions: weeks, months or years depending on the span."""
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


def score_charts_png(
    data: ChartData, width_mm: float, height_mm: float, dpi: int = 150
) -> tuple[bytes, int]:
    """The four score panels as a PNG, and how many days each plotted point covers.

    Imports matplotlib only here, so the CLI does not pay for it until a report is made.
    """
    load_matplotlib()
    from matplotlib.backends.backend_agg import FigureCanvasAgg
    from matplotlib.figure import Figure

    days = data.days
    start, end = days[0], days[-1]
    limit = max_points(width_mm, dpi)
    fig = Figure(figsize=(width_mm / MM_PER_INCH, height_mm / MM_PER_INCH), dpi=dpi)
    FigureCanvasAgg(fig)
    axes = fig.subplots(len(SCORES), 1, sharex=True)
    # Margins in millimetres, so titles and date labels keep their room at any height.
    fig.subplots_adjust(
        left=11 / width_mm,
        right=1 - 1 / width_mm,
        top=1 - 4.5 / height_mm,
        bottom=7.5 / height_mm,
        hspace=0.5 * 88 / height_mm,
    )
    ticks = date_ticks(start, end)
    per_point = 1
    for ax, score in zip(axes, SCORES, strict=True):
        points = panel_points(days, data.values[score], limit)
        per_point = points.days_per_point
        marker, line = STYLE[score]
        # Few points get full markers; many get small ones so the line stays readable.
        size = 3.2 if len(points.x) <= 120 else 1.6
        ax.plot(
            points.x,
            points.y,
            color="black",
            linestyle=line,
            linewidth=0.9,
            marker=marker,
            markersize=size,
            markerfacecolor="white" if score in (Score.TINGLING, Score.MOBILITY) else "black",
            markeredgewidth=0.6,
        )
        marks = session_marks(data.session_days, start, per_point)
        if marks and len(marks) <= MAX_SESSION_LINES:
            ax.vlines(marks, 0, 10, colors="0.72", linewidth=0.5, zorder=0)
        if marks:
            ax.plot(
                marks,
                [-0.9] * len(marks),
                linestyle="none",
                marker="|",
                markersize=4,
                color="black",
                markeredgewidth=0.8,
                clip_on=False,
            )
        ax.set_ylim(-1.4, 10.6)
        ax.set_yticks([0, 5, 10])
        ax.set_xlim(start.toordinal() - 0.8, end.toordinal() + 0.8)
        ax.grid(axis="y", color="0.85", linewidth=0.4)
        ax.tick_params(labelsize=6.5, length=2, pad=1.5)
        for side in ("top", "right"):
            ax.spines[side].set_visible(False)
        ax.set_title(
            f"{score.label} ({score.direction})", fontsize=7.5, loc="left", pad=4, weight="bold"
        )
        if all(math.isnan(v) for v in points.y):
            ax.text(
                (start.toordinal() + end.toordinal()) / 2,
                5,
                "no values in this range",
                ha="center",
                va="center",
                fontsize=7,
                color="0.3",
            )
    axes[-1].set_xticks([t for t, _ in ticks], [label for _, label in ticks])
    # Black, white and greys only: a greyscale PNG is a quarter of the RGBA one and
    # fpdf2 embeds it without splitting out an alpha channel (~50 ms less, issue 7).
    from PIL import Image

    raw = io.BytesIO()
    fig.savefig(raw, format="raw", dpi=dpi)
    pixels = (int(fig.bbox.width), int(fig.bbox.height))  # as Agg sizes its canvas
    buffer = io.BytesIO()
    Image.frombytes("RGBA", pixels, raw.getvalue()).convert("L").save(buffer, format="PNG")
    return buffer.getvalue(), per_point


def load_matplotlib() -> None:
    """Import what ``score_charts_png`` needs of matplotlib (not its 3-D toolkit)."""
    from nervelog._imports import MATPLOTLIB_3D, import_without

    import_without("matplotlib.figure", MATPLOTLIB_3D)
    import_without("matplotlib.backends.backend_agg", MATPLOTLIB_3D)
