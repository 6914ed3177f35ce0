"""The report's table rows, shared by the PDF, text and Markdown versions.

Every figure with its n, an en dash for nothing (never 0), the patient's text printable.
"""

from __future__ import annotations

from nervelog.analysis import KindResponse
from nervelog.analysis.care import how_taken
from nervelog.domain.printable import printable, printable_line
from nervelog.domain.scores import SCORES
from nervelog.render.report_model import ReportModel
from nervelog.render.report_wording import (
    arrow_text,
    duration_text,
    event_kind,
    figure_text,
    score_with_arrow,
    session_details,
    session_when,
)

DAILY_HEADERS = ("Date", *(score_with_arrow(s).capitalize() for s in SCORES), "Also that day")


def daily_rows(model: ReportModel) -> list[tuple[str, ...]]:
    """One row per calendar day: date and weekday, the four scores, and what else is there."""
    by_day = {e.date: e for e in model.entries}
    rows: list[tuple[str, ...]] = []
    for day in model.series[SCORES[0]].days:
        entry = by_day.get(day)
        values = [
            "–" if entry is None or (v := entry.scores.get(s)) is None else str(v) for s in SCORES
        ]
        flags = []
        if entry is not None and entry.backfilled:
            flags.append("backfilled")
        if entry is not None and entry.imported:
            flags.append("imported")
        if entry is not None and entry.notes.strip():
            flags.append("note")
        if day in model.session_days:
            flags.append("session")
        rows.append((f"{day.isoformat()} {day.format('ddd')}", *values, ", ".join(flags)))
    return rows


MEDICINE_HEADERS = ("Medicine", "How taken", "Started", "Stopped", "Reason, notes")


def medicine_rows(model: ReportModel) -> list[tuple[str, ...]]:
    """Every course taken in the range, oldest first."""
    rows: list[tuple[str, ...]] = []
    for c in model.courses:
        notes = " · ".join(t.strip() for t in (c.reason, c.notes) if t.strip())
        rows.append(
            (
                printable_line(c.label),
                how_taken(c) or "–",
                c.started.isoformat(),
                "ongoing" if c.stopped is None else c.stopped.isoformat(),
                printable(notes) or "–",
            )
        )
    return rows


def dose_rows(model: ReportModel) -> list[tuple[str, str]]:
    """As-needed doses per week: ``2026-10-05``, ``paracetamol 3, ibuprofen 1``."""
    return [
        (w.week.isoformat(), ", ".join(f"{name} {n}" for name, n in w.counts.items()))
        for w in model.weekly_doses
    ]


def event_rows(model: ReportModel) -> list[tuple[str, str, str]]:
    """Every event of the range, falls first."""
    return [(e.date.isoformat(), event_kind(e), printable(e.text)) for e in model.events]


def answered_rows(model: ReportModel) -> list[tuple[str, str, str]]:
    """Questions answered in the range: raised, the question, answered on and the answer."""
    return [
        (
            q.raised_on.isoformat(),
            printable(q.text),
            f"{q.answered_on.isoformat() if q.answered_on else '–'}: {printable(q.answer) or '–'}",
        )
        for q in model.answered_questions
    ]


def note_rows(model: ReportModel) -> list[tuple[str, str]]:
    """Day notes as typed; a note written on several days once, with its count and days."""
    return [
        (n.date.isoformat(), n.text if len(n.dates) == 1 else f"{n.text}\n[written on {n.when()}]")
        for n in model.notes
    ]


SESSION_HEADERS = ("Date", "Kind", "Duration", "Details")


def session_rows(model: ReportModel) -> list[tuple[str, str, str, str]]:
    """Every session of the range: when, kind, duration and the rest."""
    return [
        (session_when(s), printable_line(s.kind), duration_text(s), session_details(s))
        for s in model.sessions
    ]


def kind_rows(kind: KindResponse) -> list[tuple[str, ...]]:
    """Per score of one kind: session day, before → after, next day, in-session ratings."""
    rows: list[tuple[str, ...]] = []
    for score in SCORES:
        r = kind.scores[score]
        rows.append(
            (
                score_with_arrow(score),
                figure_text(r.same_day),
                arrow_text(r.before, r.after),
                figure_text(r.next_day),
                arrow_text(r.in_session_before, r.in_session_after),
            )
        )
    return rows


def response_rows(model: ReportModel) -> list[tuple[str, ...]]:
    """``kind_rows`` of every kind, the kind (with its sessions) on its first row."""
    rows: list[tuple[str, ...]] = []
    for kind in model.kind_responses:
        label = f"{printable_line(kind.kind)} ({kind.sessions})"
        for row in kind_rows(kind):
            rows.append((label, *row))
            label = ""
    return rows
