"""The report's words and table rows, shared by the PDF, text and Markdown versions.

So the formats say the same thing in the same words: every figure with its n, an en
dash for nothing (never 0), the patient's text printable.
"""

from __future__ import annotations

from nervelog.analysis import (
    Figure,
    ScoreChange,
)
from nervelog.domain.models import Session
from nervelog.domain.scores import SCORES, Scores
from nervelog.domain.text import printable
from nervelog.render.report_model import ReportModel


def number(value: float | None) -> str:
    """One decimal, or an en dash for nothing (never 0)."""
    return "–" if value is None else f"{value:.1f}"


def figure_text(figure: Figure) -> str:
    """``5.2 (n=12)`` or an en dash."""
    return "–" if figure.mean is None else f"{figure.mean:.1f} (n={figure.n})"


def arrow_text(before: Figure, after: Figure) -> str:
    """``5.0 → 3.7 (n=6/6)`` or an en dash when either side is missing."""
    if before.mean is None or after.mean is None:
        return "–"
    return f"{before.mean:.1f} → {after.mean:.1f} (n={before.n}/{after.n})"


def mean_text(mean: float | None, n: int) -> str:
    """Mean with its n for the score table."""
    return "–" if mean is None else f"{mean:.1f} (n={n})"


def range_cell(low: int | None, high: int | None) -> str:
    """``3–7`` or an en dash."""
    return "–" if low is None or high is None else f"{low}–{high}"


def change_text(change: ScoreChange) -> str:
    """First vs last 14 days for a table cell, worded by the score's direction."""
    if change.omitted_reason is not None:
        return f"not shown: {change.omitted_reason}"
    # sentence() is "pain: 6.1 → 4.2, 1.9 points lower (better)"; the table names the score.
    tail = change.sentence().split(": ", 1)[1]
    percent = "" if change.percent is None else f", {abs(change.percent):.0f}%"
    if change.better is None:
        percent = ""
    return f"{tail}{percent}; n={change.first_n}/{change.last_n}"


def ratings_text(scores: Scores) -> str:
    """In-session quick ratings, e.g. ``tingling 5, pain 6``; empty when none."""
    return ", ".join(f"{s.value} {v}" for s in SCORES if (v := scores.get(s)) is not None)


def session_details(session: Session) -> str:
    """Provider, body areas, quick ratings and notes of one session, printable."""
    parts: list[str] = []
    if session.provider.strip():
        parts.append(printable(session.provider.strip(), keep_newlines=False))
    if session.body_areas:
        parts.append(printable(", ".join(session.body_areas), keep_newlines=False))
    before, after = ratings_text(session.before), ratings_text(session.after)
    if before or after:
        parts.append(f"rated before: {before or '–'}; after: {after or '–'}")
    if session.notes.strip():
        parts.append(printable(session.notes.strip()))
    return " · ".join(parts)


def session_when(session: Session) -> str:
    """``2026-10-03 10:30`` (time when recorded)."""
    return (
        f"{session.date.isoformat()} {session.time}" if session.time else session.date.isoformat()
    )


def duration_text(session: Session) -> str:
    """``45 min`` or an en dash."""
    return "–" if session.duration_min is None else f"{session.duration_min} min"


SCORE_TABLE_HEADERS = ("Score", "Better is", "Mean (n)", "Min–max", "First vs last 14 days")


def score_rows(model: ReportModel) -> list[tuple[str, ...]]:
    """The score table's rows (the same in the PDF and the text report)."""
    rows: list[tuple[str, ...]] = []
    for score in SCORES:
        s = model.summary.scores[score]
        rows.append(
            (
                score.label,
                score.direction,
                mean_text(s.mean, s.n),
                range_cell(s.min, s.max),
                change_text(model.changes[score]),
            )
        )
    return rows


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
