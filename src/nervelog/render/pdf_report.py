"""The doctor's summary as a PDF (A4 or Letter), laid out with fpdf2.

Page 1 follows PRODUCT.md: header and disclaimer; for this appointment (questions,
medicines, events, where it is felt); one chart block; the figures; how the diary was
kept; around sessions. The full tables follow. fpdf2 is imported inside ``render_pdf``
only (see ``pdf_document`` for the page itself).
"""

from __future__ import annotations

from typing import Any, NamedTuple

from nervelog.analysis import RESPONSE_LABEL
from nervelog.domain.scores import SCORES
from nervelog.render.pdf_blocks import FONT, PdfBlocks
from nervelog.render.pdf_charts import (
    EVENT_SYMBOL,
    FALL_SYMBOL,
    MEDICINE_SYMBOL,
    ChartLayout,
    draw_chart,
)
from nervelog.render.pdf_document import new_document
from nervelog.render.report_model import (
    DISCLAIMER,
    NOTICEABLE_CHANGE_NOTE,
    RESPONSE_NOTE,
    TITLE,
    ReportModel,
)
from nervelog.render.report_tables import (
    DAILY_HEADERS,
    MEDICINE_HEADERS,
    SESSION_HEADERS,
    answered_rows,
    daily_rows,
    dose_rows,
    event_rows,
    medicine_rows,
    note_rows,
    response_rows,
    session_rows,
)
from nervelog.render.report_wording import (
    appointment_sections,
    around_lines,
    diary_lines,
    figure_line,
    figures_title,
    plural,
)

PAPER_SIZES = ("a4", "letter")
# Letter is 18 mm shorter than A4: lower panels keep the chart block whole on page 1.
CHART_LAYOUT = {"a4": ChartLayout(panel=13.0), "letter": ChartLayout(panel=10.0, gap=3.8)}
LIGHT = 235


class RenderedPdf(NamedTuple):
    """The PDF's bytes, and a line per script that no font on the machine has."""

    data: bytes
    warnings: tuple[str, ...] = ()


def render_pdf(model: ReportModel, paper: str = "a4") -> RenderedPdf:
    """The whole report as a PDF.

    Every page carries the disclaimer and "page N of M"; a table continued on a new page
    repeats its header.
    """
    if paper not in PAPER_SIZES:
        raise ValueError(f"paper must be one of {', '.join(PAPER_SIZES)}, not {paper!r}")
    pdf, fonts = new_document(model, paper)
    writer = _Writer(pdf, model, CHART_LAYOUT[paper])
    writer.page_one()
    writer.following_pages()
    return RenderedPdf(bytes(pdf.output()), tuple(fonts.warnings()))


class _Writer(PdfBlocks):
    """Lays the report's sections out one after another on an fpdf2 document."""

    def __init__(self, pdf: Any, model: ReportModel, layout: ChartLayout) -> None:
        super().__init__(pdf)
        self.model = model
        self.layout = layout

    # -- page 1 ------------------------------------------------------------------

    def page_one(self) -> None:
        """PRODUCT.md's page 1, in its order; what does not fit continues on page 2."""
        pdf, model = self.pdf, self.model
        pdf.set_font(FONT, "B", 14)
        pdf.cell(self.width, 7, TITLE, new_x="LMARGIN", new_y="NEXT")
        if model.who_text():
            self.text(model.who_text(), size=10, bold=True)
        self.text(f"Range: {model.range_text()}    Generated: {model.generated_text()}", size=8.5)
        pdf.ln(1)
        pdf.set_font(FONT, "B", 8.5)
        pdf.set_fill_color(LIGHT)
        pdf.cell(self.width, 5.5, DISCLAIMER, border=1, fill=True, align="C")
        pdf.ln(6.5)
        for statement in model.state_notes():
            self.text(statement, size=9, bold=True)
        self.heading("For this appointment", keep_with=10)
        for title, lines in appointment_sections(model):
            self.heading(title, keep_with=5, size=8.5)
            self.items(lines)
        self.chart_block()
        figures = [figure_line(model, score) for score in SCORES]
        # The reference line under the figures (three lines of small print) goes with them.
        self.section(figures_title(model), figures, extra=10)
        self.text(NOTICEABLE_CHANGE_NOTE, size=6.8, grey=True)
        self.section("How the diary was kept", diary_lines(model))
        self.section("Around sessions", around_lines(model), aside=f"({RESPONSE_LABEL})")

    def chart_block(self) -> None:
        """The four score panels and the timeline strip, kept whole on one page."""
        pdf, model = self.pdf, self.model
        self.heading("Scores over time (0–10)", keep_with=self.layout.height + 8)
        if not model.has_scores:
            self.text("No daily scores to chart in this range.", size=8.5)
            return
        key = draw_chart(pdf, FONT, model, self.layout)
        lines = (
            f"Lines: {key.means} (a {key.means.split()[0][:-2]} with fewer than 4 values is "
            "left out, so the line breaks); "
            + (
                "light dots: the daily values. "
                if key.daily_dots
                else "daily values are not drawn at this length (more days than the chart has "
                "room for). "
            )
            + "Gaps are days without a value, never 0."
        )
        sessions = ", ".join(f"{letter} {kind} ({n})" for letter, kind, n in key.kinds)
        strip = (
            f"Timeline: sessions by kind{': ' + sessions if sessions else ' (none)'}; "
            f"medicine {MEDICINE_SYMBOL['start']} started, {MEDICINE_SYMBOL['change']} dose "
            f"changed, {MEDICINE_SYMBOL['stop']} stopped; {FALL_SYMBOL} fall, {EVENT_SYMBOL} "
            "other event."
        )
        if key.left_out:
            strip += (
                f" {plural(key.left_out, 'mark')} too close to others "
                "to draw apart; every session, medicine change and event is listed in full."
            )
        self.text(lines, size=6.5, grey=True)
        self.text(strip, size=6.5, grey=True)

    # -- following pages -----------------------------------------------------------

    def following_pages(self) -> None:
        """The full tables, each starting on page 2 or later."""
        pdf = self.pdf
        if pdf.page == 1:
            pdf.add_page()
        self.response_table()
        self.session_list()
        self.medicines()
        self.heading("Events", keep_with=10)
        if self.model.events:
            self.table(("Date", "Kind", "What happened"), event_rows(self.model), (22, 25, 135))
        else:
            self.text("No notable events recorded in this range.", size=9)
        self.heading("Answered questions", keep_with=10)
        if self.model.answered_questions:
            self.table(
                ("Raised", "Question", "Answered: answer"),
                answered_rows(self.model),
                (20, 75, 87),
            )
        else:
            self.text("No questions were answered in this range.", size=9)
        self.notes()
        if self.model.include_daily:
            self.daily_table()

    def response_table(self) -> None:
        """Per kind of session: the scores around sessions, every figure with its n."""
        model = self.model
        self.heading("Around sessions in detail", keep_with=15)
        if not model.kind_responses:
            self.text("No sessions, so nothing to show around them.", size=9)
            return
        self.text(RESPONSE_NOTE, size=7, grey=True)
        self.pdf.ln(0.8)
        self.table(
            (
                "Kind (sessions)",
                "Score",
                "Session day",
                f"{plural(model.window, 'day')} before → after",
                "Next day",
                "In-session rating: before → after",
            ),
            response_rows(model),
            (31, 21, 22, 40, 22, 46),
            size=7.5,
        )

    def session_list(self) -> None:
        """Every session in the range."""
        model = self.model
        self.heading("Session list", keep_with=10)
        if not model.sessions:
            self.text("No therapy sessions in this range.", size=9)
            return
        self.table(SESSION_HEADERS, session_rows(model), (30, 28, 18, 106), size=8)

    def medicines(self) -> None:
        """Every course taken in the range, and as-needed doses per week."""
        model = self.model
        self.heading("Medicines and doses", keep_with=10)
        if not model.courses:
            self.text("No medicines recorded for this range.", size=9)
        else:
            self.table(MEDICINE_HEADERS, medicine_rows(model), (40, 28, 22, 22, 70))
        if model.weekly_doses:
            self.table(("Week of", "As-needed doses logged"), dose_rows(model), (22, 160))

    def notes(self) -> None:
        """Day notes, oldest first, verbatim; a note repeated on several days once."""
        model = self.model
        self.heading("Notes by date", keep_with=10)
        if not model.notes:
            self.text("No notes in this range.", size=9)
            return
        self.table(("Date", "Note"), note_rows(model), (22, 160), size=8)

    def daily_table(self) -> None:
        """Every day of the range with its four scores; gaps shown as dashes."""
        model = self.model
        self.heading("Daily scores table", keep_with=30)
        self.table(
            DAILY_HEADERS,
            daily_rows(model),
            (30, 22, 22, 22, 22, 64),
            size=7.5,
            align=("L", "C", "C", "C", "C", "L"),
        )
