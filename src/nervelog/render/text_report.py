"""The doctor's summary as plain text (80 columns) or Markdown.

Same content and order as the PDF. Charts are drawn by ``terminal_chart.draw_scores``
on the plotext module with colour codes stripped, so the text can be printed, pasted
into an email or saved to a file.
"""

from __future__ import annotations

import threading

from nervelog.analysis import RESPONSE_LABEL
from nervelog.domain.printable import printable_line
from nervelog.domain.scores import SCORES
from nervelog.domain.text import strip_escapes
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
    kind_rows,
    medicine_rows,
    note_rows,
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
from nervelog.render.terminal_chart import DAILY_MARKER, EVENT_MARKER, MEDICINE_MARKER
from nervelog.render.text_doc import TextDoc, md_escape
from nervelog.render.text_pages import paginate
from nervelog.render.timeline import kind_letters, session_kind_days

WIDTH = 80
# 16 rows give every whole score its own row on the 0-10 axis (fewer merge 4 and 5).
CHART_HEIGHT = 16
_PLOTEXT_FIGURE = threading.Lock()


def render_text(model: ReportModel, width: int = WIDTH) -> str:
    """The report as plain text on pages; no line is longer than ``width`` columns.

    Pages are separated by form feeds and each ends with the disclaimer and
    "page N of M", as the PDF's do.
    """
    doc = TextDoc(markdown=False, width=width)
    _build(doc, model)
    return paginate(doc.lines, width, doc.tables)


def render_markdown(model: ReportModel, width: int = WIDTH) -> str:
    """The report as Markdown (tables as pipe tables, charts in code blocks).

    Markdown has no pages: the disclaimer stands at its top and at its end.
    """
    doc = TextDoc(markdown=True, width=width)
    _build(doc, model)
    return "\n".join(doc.lines).rstrip("\n") + "\n"


def score_charts_text(model: ReportModel, width: int = WIDTH) -> list[str]:
    """One plotext chart per score, colour codes stripped, trailing spaces removed."""
    import plotext as plt

    from nervelog.render.terminal_chart import draw_scores

    kinds = session_kind_days(model.sessions)
    medicines = {c.date for c in model.medicine_changes}
    events = {e.date for e in model.events}
    charts = []
    # plotext draws on one figure per process: the app's preview and export threads
    # take turns with it, or each would draw into the other's chart.
    with _PLOTEXT_FIGURE:
        for score in SCORES:
            draw_scores(
                plt,
                [model.series[score]],
                width,
                session_kinds=kinds,
                medicine_days=medicines,
                event_days=events,
                week_start=model.week_start,
            )
            # The report's size, not the terminal's, so a report saved from a narrow
            # terminal keeps whole charts (after draw_scores, which clears the figure).
            plt.limitsize(False, False)
            plt.plotsize(width, CHART_HEIGHT)
            built = strip_escapes(plt.build())
            charts.append("\n".join(line.rstrip()[:width] for line in built.splitlines()))
        plt.clear_figure()
    return charts


def _build(doc: TextDoc, model: ReportModel) -> None:
    """Lay out the whole report in ``doc``, in PRODUCT.md's order."""
    _page_one(doc, model)
    if model.has_scores:
        for chart in score_charts_text(model, doc.width):
            doc.blank()
            doc.block(chart)
    _after_chart(doc, model)
    doc.heading("Around sessions in detail")
    _responses(doc, model)
    _sessions(doc, model)
    _care(doc, model)
    _notes(doc, model)
    if model.include_daily:
        _daily(doc, model)
    if doc.markdown:  # plain text gets it in every page's footer instead
        doc.rule()
        doc.para(DISCLAIMER)


def _text(doc: TextDoc, text: str) -> str:
    return md_escape(text) if doc.markdown else text


def _page_one(doc: TextDoc, model: ReportModel) -> None:
    """Header, disclaimer and "For this appointment", in PRODUCT.md's page-1 order."""
    doc.title(TITLE)
    fields = [model.who_text()] if model.who_text() else []
    fields += [f"Range: {model.range_text()} · Generated: {model.generated_text()}"]
    for field_line in fields:
        # Markdown would join consecutive lines into one paragraph; a list keeps them apart.
        doc.para(f"- {_text(doc, field_line)}" if doc.markdown else field_line)
    doc.blank()
    doc.strong(DISCLAIMER)
    for statement in model.state_notes():
        doc.blank()
        doc.strong(statement)
    doc.heading("For this appointment")
    for title, lines in appointment_sections(model):
        doc.subheading(title)
        for line in lines:
            doc.item(line)
    doc.heading("Scores over time")
    if model.has_scores:
        letters = kind_letters(session_kind_days(model.sessions))
        kinds = ", ".join(
            f"{letter[0].lower()} {printable_line(kind)}" for kind, letter in letters.items()
        )
        doc.para(
            "One chart per score, 0–10. The line (marked with the score's initial) joins "
            f"the weekly means of weeks with at least 4 values; {DAILY_MARKER} are the daily "
            "values (averaged when a column covers several days); a break is a stretch "
            "without values, never 0. Under each chart, sessions by kind"
            f"{': ' + _text(doc, kinds) if kinds else ' (none)'}; below them "
            f"{MEDICINE_MARKER} medicine started, changed or stopped, {EVENT_MARKER} event."
        )
    else:
        doc.para("No daily scores to chart in this range.")


def _after_chart(doc: TextDoc, model: ReportModel) -> None:
    """The figures, how the diary was kept and around sessions."""
    doc.heading(figures_title(model))
    for score in SCORES:
        doc.item(figure_line(model, score))
    doc.blank()
    doc.para(NOTICEABLE_CHANGE_NOTE)
    doc.heading("How the diary was kept")
    for line in diary_lines(model):
        doc.item(line)
    doc.heading("Around sessions")
    doc.para(f"{RESPONSE_LABEL[0].upper()}{RESPONSE_LABEL[1:]}.")
    for line in around_lines(model):
        doc.item(line)


def _responses(doc: TextDoc, model: ReportModel) -> None:
    if not model.kind_responses:
        doc.para("No sessions, so nothing to show around them.")
        return
    doc.para(RESPONSE_NOTE)
    around = f"{plural(model.window, 'day')} before → after"
    for kind in model.kind_responses:
        doc.blank()
        label = _text(doc, printable_line(kind.kind))
        doc.strong(f"{label} ({plural(kind.sessions, 'session')} on {plural(kind.days, 'day')})")
        doc.blank()
        doc.table(
            ("Score", "Session day", around, "Next day", "In-session rating"),
            kind_rows(kind),
            (10, 11, 21, 10, doc.width - 10 - 11 - 21 - 10 - 8 - 2),
            indent="  ",
        )


def _sessions(doc: TextDoc, model: ReportModel) -> None:
    doc.heading("Session list")
    if not model.sessions:
        doc.para("No therapy sessions in this range.")
        return
    doc.table(SESSION_HEADERS, session_rows(model), (16, 13, 8, doc.width - 16 - 13 - 8 - 6))


def _care(doc: TextDoc, model: ReportModel) -> None:
    """Medicines and doses, events and answered questions: the full lists."""
    doc.heading("Medicines and doses")
    if model.courses:
        doc.table(MEDICINE_HEADERS, medicine_rows(model), (18, 12, 10, 10, doc.width - 58))
    else:
        doc.para("No medicines recorded for this range.")
    if model.weekly_doses:
        doc.blank()
        doc.table(("Week of", "As-needed doses logged"), dose_rows(model), (10, doc.width - 12))
    doc.heading("Events")
    if model.events:
        doc.table(("Date", "Kind", "What happened"), event_rows(model), (10, 12, doc.width - 26))
    else:
        doc.para("No notable events recorded in this range.")
    doc.heading("Answered questions")
    if model.answered_questions:
        doc.table(
            ("Raised", "Question", "Answered: answer"),
            answered_rows(model),
            (10, 30, doc.width - 44),
        )
    else:
        doc.para("No questions were answered in this range.")


def _notes(doc: TextDoc, model: ReportModel) -> None:
    doc.heading("Notes by date")
    if not model.notes:
        doc.para("No notes in this range.")
        return
    doc.table(("Date", "Note"), note_rows(model), (10, doc.width - 12))


def _daily(doc: TextDoc, model: ReportModel) -> None:
    doc.heading("Daily scores table")
    doc.table(DAILY_HEADERS, daily_rows(model), (14, 8, 8, 8, 8, doc.width - 14 - 32 - 10))
