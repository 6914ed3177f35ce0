"""The doctor's summary as plain text (80 columns) or Markdown.

Same content and order as the PDF. Charts are drawn by ``terminal_chart.draw_scores``
on the plotext module with colour codes stripped, so the text can be printed, pasted
into an email or saved to a file.
"""

from __future__ import annotations

import importlib
import threading

import pendulum

from nervelog.analysis import DailySeries
from nervelog.domain.scores import SCORES, Score
from nervelog.domain.text import printable, strip_escapes
from nervelog.render.chart_data import ChartData
from nervelog.render.forked import Forked
from nervelog.render.report_model import (
    DISCLAIMER,
    NOTICEABLE_CHANGE_NOTE,
    RESPONSE_NOTE,
    TITLE,
    ReportModel,
)
from nervelog.render.report_wording import (
    SCORE_TABLE_HEADERS,
    arrow_text,
    daily_rows,
    duration_text,
    figure_text,
    score_rows,
    session_details,
    session_when,
)
from nervelog.render.text_doc import TextDoc, md_escape
from nervelog.render.text_pages import paginate

WIDTH = 80
# 16 rows give every whole score its own row on the 0-10 axis (fewer merge 4 and 5).
CHART_HEIGHT = 16
_PLOTEXT_FIGURE = threading.Lock()


def _draw_charts(data: ChartData, width: int) -> list[str]:
    return score_charts_text(data.series(), data.session_days, width)


class PendingCharts(Forked[[ChartData, int], list[str]]):
    """``score_charts_text``, drawn in a child process that loads plotext meanwhile.

    Created before the journal is read, so importing plotext and drawing overlap the
    reading, analysis and layout (see ``Forked``).
    """

    def __init__(self) -> None:
        super().__init__(_draw_charts, prepare=lambda: importlib.import_module("plotext"))


def render_text(model: ReportModel, width: int = WIDTH, charts: PendingCharts | None = None) -> str:
    """The report as plain text on pages; no line is longer than ``width`` columns.

    Pages are separated by form feeds and each ends with the disclaimer and
    "page N of M", as the PDF's do. ``charts``, started earlier to have them sooner,
    is used up either way.
    """
    return paginate(_build(TextDoc(markdown=False, width=width), model, charts), width)


def render_markdown(
    model: ReportModel, width: int = WIDTH, charts: PendingCharts | None = None
) -> str:
    """The report as Markdown (tables as pipe tables, charts in code blocks).

    Markdown has no pages: the disclaimer stands at its top and at its end.
    """
    return _build(TextDoc(markdown=True, width=width), model, charts)


def score_charts_text(
    series: dict[Score, DailySeries], session_days: frozenset[pendulum.Date], width: int = WIDTH
) -> list[str]:
    """One plotext chart per score, colour codes stripped, trailing spaces removed."""
    import plotext as plt

    from nervelog.render.terminal_chart import draw_scores

    charts = []
    # plotext draws on one figure per process: the app's preview and export threads
    # take turns with it, or each would draw into the other's chart.
    with _PLOTEXT_FIGURE:
        for score in SCORES:
            plt.clear_figure()
            plt.theme("clear")
            # Outside a terminal plotext would clip the chart to a guessed size.
            plt.limitsize(False, False)
            draw_scores(plt, [series[score]], None, session_days, width, height=CHART_HEIGHT)
            built = strip_escapes(plt.build())
            charts.append("\n".join(line.rstrip()[:width] for line in built.splitlines()))
        plt.clear_figure()
    return charts


def _build(doc: TextDoc, model: ReportModel, charts: PendingCharts | None) -> str:
    with charts if charts is not None else PendingCharts() as pending:
        # The charts are drawn (in parallel where possible) while the rest is laid out.
        if model.has_scores:
            pending.send(ChartData.of(model.series, model.session_days), doc.width)
        chart_at = _build_lines(doc, model)
        if model.has_scores:
            place = TextDoc(doc.markdown, doc.width)
            for chart in pending.result():
                place.lines.append("")
                place.block(chart)
            doc.lines[chart_at:chart_at] = place.lines
    return "\n".join(doc.lines).rstrip("\n") + "\n"


def _build_lines(doc: TextDoc, model: ReportModel) -> int:
    """Lay out everything but the charts; returns the line where they go."""
    doc.title(TITLE)
    name = md_escape(model.name) if doc.markdown else model.name
    fields = [f"Name: {name}"] if model.name else []
    fields += [f"Range: {model.range_text()}", f"Generated: {model.generated_text()}"]
    for field_line in fields:
        # Markdown would join consecutive lines into one paragraph; a list keeps them apart.
        doc.para(f"- {field_line}" if doc.markdown else field_line)
    doc.blank()
    doc.strong(DISCLAIMER)
    for statement in model.state_notes():
        doc.blank()
        doc.strong(statement)

    doc.heading("Coverage")
    doc.para(model.coverage_text())

    doc.heading("Scores (0–10)")
    doc.table(
        SCORE_TABLE_HEADERS,
        score_rows(model),
        (8, 16, 10, 7, doc.width - 8 - 16 - 10 - 7 - 8),
    )
    doc.blank()
    doc.para(NOTICEABLE_CHANGE_NOTE)

    doc.heading("Daily scores")
    if model.has_scores:
        doc.para(
            "One chart per score, 0–10. Letters are the values (averaged when a column "
            "covers several days); breaks are days without a value; ^ marks session days."
        )
    else:
        doc.para("No daily scores to chart in this range.")
    chart_at = len(doc.lines)  # the charts go here once drawn (if there are scores)

    doc.heading("Therapy sessions by kind")
    doc.para(md_escape(model.kinds_text()) if doc.markdown else model.kinds_text())

    _responses(doc, model)
    _sessions(doc, model)
    _notes(doc, model)
    if model.include_daily:
        _daily(doc, model)

    if doc.markdown:  # plain text gets it in every page's footer instead
        doc.rule()
        doc.para(DISCLAIMER)
    return chart_at


def _responses(doc: TextDoc, model: ReportModel) -> None:
    doc.heading("Around sessions")
    if not model.kind_responses:
        doc.para("No sessions, so nothing to show around them.")
        return
    doc.para(RESPONSE_NOTE)
    w = model.window
    around = f"{w} day{'s' if w > 1 else ''} before → after"
    for kind in model.kind_responses:
        doc.blank()
        sessions = f"{kind.sessions} session{'s' if kind.sessions != 1 else ''}"
        days = f"{kind.days} day{'s' if kind.days != 1 else ''}"
        kind_name = printable(kind.kind, keep_newlines=False)
        label = md_escape(kind_name) if doc.markdown else kind_name
        doc.strong(f"{label} ({sessions} on {days})")
        doc.blank()
        rows = []
        for score in SCORES:
            r = kind.scores[score]
            rows.append(
                (
                    score.value,
                    figure_text(r.same_day),
                    arrow_text(r.before, r.after),
                    figure_text(r.next_day),
                    arrow_text(r.in_session_before, r.in_session_after),
                )
            )
        doc.table(
            ("Score", "Session day", around, "Next day", "In-session rating"),
            rows,
            (8, 11, 21, 10, doc.width - 8 - 11 - 21 - 10 - 8 - 2),
            indent="  ",
        )


def _sessions(doc: TextDoc, model: ReportModel) -> None:
    doc.heading("Session list")
    if not model.sessions:
        doc.para("No therapy sessions in this range.")
        return
    rows = [
        (
            session_when(s),
            printable(s.kind, keep_newlines=False),
            duration_text(s),
            session_details(s),
        )
        for s in model.sessions
    ]
    doc.table(
        ("Date", "Kind", "Duration", "Details"),
        rows,
        (16, 13, 8, doc.width - 16 - 13 - 8 - 6),
    )


def _notes(doc: TextDoc, model: ReportModel) -> None:
    doc.heading("Notes by date")
    if not model.notes:
        doc.para("No notes in this range.")
        return
    rows = [(n.date.isoformat(), n.text) for n in model.notes]
    doc.table(("Date", "Note"), rows, (10, doc.width - 12))


def _daily(doc: TextDoc, model: ReportModel) -> None:
    doc.heading("Daily scores table")
    rows = daily_rows(model)
    doc.table(
        ("Date", *(s.label for s in SCORES), ""),
        rows,
        (14, 8, 8, 8, 8, doc.width - 14 - 32 - 10),
    )
