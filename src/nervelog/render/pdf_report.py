"""The doctor's summary as a PDF (A4 or Letter), laid out with fpdf2.

fpdf2 and matplotlib are imported inside ``render_pdf`` only (see ``pdf_document`` for
the page itself). Characters the font lacks are replaced, so a note can never make the
report fail.
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any

from nervelog.domain.scores import SCORES
from nervelog.domain.text import printable
from nervelog.render.chart_data import ChartData
from nervelog.render.chart_process import PendingChart
from nervelog.render.pdf_charts import days_per_point, max_points
from nervelog.render.pdf_document import (
    FONT,
    GREY,
    MARGIN,
    new_document,
    paper_width,
)
from nervelog.render.pdf_table import TableStyle, draw_table, safe_text
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

PAPER_SIZES = ("a4", "letter")
# Letter is 18 mm shorter than A4; a lower chart keeps page 1 on one page.
CHART_HEIGHT = {"a4": 88.0, "letter": 76.0}
CHART_DPI = 150
LIGHT = 235


def render_pdf(model: ReportModel, paper: str = "a4", chart: PendingChart | None = None) -> bytes:
    """The whole report as PDF bytes.

    Page 1 holds the overview (header, disclaimer, coverage, score table, charts,
    sessions by kind, session response); the session list, the notes and the optional
    daily table follow. Every page carries the disclaimer and "page N of M".

    ``chart`` is a ``PendingChart`` started earlier (before the journal was read) to get
    the chart sooner; this function uses it up either way.
    """
    with chart if chart is not None else PendingChart() as pending:
        if paper not in PAPER_SIZES:
            raise ValueError(f"paper must be one of {', '.join(PAPER_SIZES)}, not {paper!r}")
        width = paper_width(paper) - 2 * MARGIN
        # The chart is drawn first (in parallel where possible) while the rest of the
        # report is laid out, and put in its reserved place at the end.
        if model.has_scores:
            data = ChartData.of(model.series, model.session_days)
            pending.send(data, width, CHART_HEIGHT[paper], CHART_DPI)
        pdf = new_document(model, paper)
        writer = _Writer(pdf, model, CHART_HEIGHT[paper])
        writer.overview()
        writer.session_list()
        writer.notes()
        if model.include_daily:
            writer.daily_table()
        if writer.chart_place is not None:
            page, y = writer.chart_place
            png, _ = pending.result()
            last = pdf.page
            pdf.page = page
            pdf.image(png, x=pdf.l_margin, y=y, w=width, h=CHART_HEIGHT[paper])
            pdf.page = last
    return bytes(pdf.output())


class _Writer:
    """Lays the report's sections out one after another on an fpdf2 document."""

    def __init__(self, pdf: Any, model: ReportModel, chart_height: float) -> None:
        self.pdf = pdf
        self.model = model
        self.chart_height = chart_height
        self.width: float = pdf.w - pdf.l_margin - pdf.r_margin
        self.chart_place: tuple[int, float] | None = None
        """Page and top of the space kept for the chart image."""

    # -- building blocks ---------------------------------------------------------

    def text(self, text: str, size: float = 8.5, bold: bool = False, grey: bool = False) -> None:
        """A paragraph that wraps within the margins."""
        pdf = self.pdf
        pdf.set_font(FONT, "B" if bold else "", size)
        pdf.set_text_color(GREY if grey else 0)
        pdf.multi_cell(self.width, size * 0.45, safe_text(pdf, text), new_x="LMARGIN", new_y="NEXT")
        pdf.set_text_color(0)

    def heading(self, text: str, keep_with: float = 20) -> None:
        """A section heading, moved to the next page if nothing would fit under it."""
        pdf = self.pdf
        if pdf.will_page_break(7 + keep_with):
            pdf.add_page()
        pdf.ln(2.5)
        pdf.set_font(FONT, "B", 10.5)
        pdf.cell(self.width, 5.5, text, new_x="LMARGIN", new_y="NEXT")
        pdf.ln(0.8)

    def table(
        self,
        headings: Sequence[str],
        rows: Sequence[Sequence[str]],
        widths: Sequence[float],
        size: float = 8,
        align: Sequence[str] | None = None,
    ) -> None:
        """A table whose cells wrap; headings repeat when it runs onto another page."""
        style = TableStyle(size=size, line_height=size * 0.46, pad_x=1.2, pad_y=0.8)
        draw_table(self.pdf, FONT, headings, rows, widths, style, align)
        self.pdf.ln(1)

    # -- sections ----------------------------------------------------------------

    def overview(self) -> None:
        """Page 1: who, when, the disclaimer, coverage, scores, charts, sessions."""
        pdf, model = self.pdf, self.model
        pdf.set_font(FONT, "B", 15)
        pdf.cell(self.width, 8, TITLE, new_x="LMARGIN", new_y="NEXT")
        if model.name:
            self.text(f"Name: {model.name}", size=10, bold=True)
        self.text(
            f"Range: {model.range_text()}    Generated: {model.generated_text()}",
            size=9,
        )
        pdf.ln(1.5)
        pdf.set_font(FONT, "B", 9)
        pdf.set_fill_color(LIGHT)
        pdf.cell(self.width, 6.5, DISCLAIMER, border=1, fill=True, align="C")
        pdf.ln(8)
        for statement in model.state_notes():
            self.text(statement, size=9.5, bold=True)
        self.heading("Coverage", keep_with=5)
        self.text(model.coverage_text(), size=9)
        self.score_table()
        self.charts()
        self.heading("Therapy sessions by kind", keep_with=5)
        self.text(model.kinds_text(), size=9)
        self.response_table()

    def score_table(self) -> None:
        """Direction, mean (n), min–max and first vs last 14 days for each score."""
        model = self.model
        self.heading("Scores (0–10)")
        self.table(
            SCORE_TABLE_HEADERS,
            score_rows(model),
            (19, 27, 22, 18, 96),
            size=8,
        )
        self.text(NOTICEABLE_CHANGE_NOTE, size=7, grey=True)

    def charts(self) -> None:
        """One small chart per score on a shared date axis."""
        pdf, model = self.pdf, self.model
        self.heading("Daily scores", keep_with=self.chart_height)
        if not model.has_scores:
            self.text("No daily scores to chart in this range.", size=9)
            return
        self.chart_place = (pdf.page, pdf.get_y())
        pdf.ln(self.chart_height)
        per_point = days_per_point(model.days, max_points(self.width, CHART_DPI))
        each = (
            "one point per day" if per_point == 1 else f"each point is the mean of {per_point} days"
        )
        self.text(
            f"0–10 scale, {each}; breaks in a line are days without a value (never 0). "
            "Short marks under each panel (and, on shorter ranges, faint vertical lines): "
            "days with a therapy session.",
            size=7,
            grey=True,
        )

    def response_table(self) -> None:
        """Per kind of session: the scores around sessions, every figure with its n."""
        model = self.model
        self.heading("Around sessions", keep_with=15)
        if not model.kind_responses:
            self.text("No sessions, so nothing to show around them.", size=9)
            return
        self.text(RESPONSE_NOTE, size=7, grey=True)
        pdf = self.pdf
        pdf.ln(0.8)
        rows = []
        for kind in model.kind_responses:
            first = True
            for score in SCORES:
                r = kind.scores[score]
                figures = (
                    r.same_day,
                    r.before,
                    r.after,
                    r.next_day,
                    r.in_session_before,
                    r.in_session_after,
                )
                if not any(f.present for f in figures):
                    continue
                label = (
                    f"{printable(kind.kind, keep_newlines=False)} ({kind.sessions})"
                    if first
                    else ""
                )
                first = False
                rows.append(
                    (
                        label,
                        score.value,
                        figure_text(r.same_day),
                        arrow_text(r.before, r.after),
                        figure_text(r.next_day),
                        arrow_text(r.in_session_before, r.in_session_after),
                    )
                )
            if first:
                rows.append(
                    (
                        f"{printable(kind.kind, keep_newlines=False)} ({kind.sessions})",
                        "–",
                        "–",
                        "–",
                        "–",
                        "–",
                    )
                )
        w = model.window
        self.table(
            (
                "Kind (sessions)",
                "Score",
                "Session day",
                f"{w} day{'s' if w > 1 else ''} before → after",
                "Next day",
                "In-session rating: before → after",
            ),
            rows,
            (33, 18, 23, 40, 23, 45),
            size=7.5,
        )

    def session_list(self) -> None:
        """Every session in the range, on its own page after the overview."""
        pdf, model = self.pdf, self.model
        if pdf.page == 1:
            pdf.add_page()
        self.heading("Session list", keep_with=10)
        if not model.sessions:
            self.text("No therapy sessions in this range.", size=9)
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
        self.table(("Date", "Kind", "Duration", "Details"), rows, (30, 28, 18, 106), size=8)

    def notes(self) -> None:
        """Day notes, oldest first, verbatim; long ones wrap and run across pages."""
        model = self.model
        self.heading("Notes by date", keep_with=10)
        if not model.notes:
            self.text("No notes in this range.", size=9)
            return
        rows = [(n.date.isoformat(), n.text) for n in model.notes]
        self.table(("Date", "Note"), rows, (22, 160), size=8)

    def daily_table(self) -> None:
        """Every day of the range with its four scores; gaps shown as dashes."""
        model = self.model
        self.heading("Daily scores table", keep_with=30)
        rows = daily_rows(model)
        headings = ("Date", *(s.label for s in SCORES), "")
        self.table(
            headings,
            rows,
            (30, 22, 22, 22, 22, 64),
            size=7.5,
            align=("L", "C", "C", "C", "C", "L"),
        )
