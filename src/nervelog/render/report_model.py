"""Everything a doctor's summary shows, gathered once from the journal and analysis.

The PDF, the text and Markdown reports and the TUI preview all draw from one
``ReportModel``, so they cannot disagree about a figure. Wording helpers that more
than one format needs live here too.
"""

from __future__ import annotations

from dataclasses import dataclass

import pendulum

from nervelog.analysis import (
    DEFAULT_WINDOW,
    NOTICEABLE_CHANGE_NOTE,
    RESPONSE_LABEL,
    DailySeries,
    KindResponse,
    PeriodSummary,
    ScoreChange,
    all_series,
    kind_responses,
    period_changes,
    period_summary,
    session_days,
)
from nervelog.domain.disclaimer import DISCLAIMER
from nervelog.domain.models import Entry, Session
from nervelog.domain.scores import Score
from nervelog.domain.text import printable
from nervelog.storage.repository import Journal

TITLE = "Symptom journal summary"
RESPONSE_NOTE = f"Figures {RESPONSE_LABEL}. n = number of days (or ratings) behind each figure."

__all__ = [
    "DISCLAIMER",
    "NOTICEABLE_CHANGE_NOTE",
    "RESPONSE_NOTE",
    "TITLE",
    "NoteItem",
    "ReportModel",
    "build_report",
]


@dataclass(frozen=True, slots=True)
class NoteItem:
    """A note the user wrote, with where it came from; ``text`` is verbatim but printable."""

    date: pendulum.Date
    source: str
    text: str


@dataclass(frozen=True)
class ReportModel:
    """The doctor's summary of one date range, ready to lay out in any format."""

    name: str
    start: pendulum.Date
    end: pendulum.Date
    generated_at: pendulum.DateTime
    summary: PeriodSummary
    changes: dict[Score, ScoreChange]
    series: dict[Score, DailySeries]
    session_days: frozenset[pendulum.Date]
    kind_responses: tuple[KindResponse, ...]
    window: int
    sessions: tuple[Session, ...]
    entries: tuple[Entry, ...]
    notes: tuple[NoteItem, ...]
    include_daily: bool

    @property
    def has_scores(self) -> bool:
        """True when at least one score was recorded in the range."""
        return any(s.n for s in self.summary.scores.values())

    @property
    def days(self) -> int:
        """Calendar days in the range."""
        return self.summary.days_in_range

    def range_text(self) -> str:
        """``2026-08-25 to 2026-11-22 (90 days)``."""
        days = self.days
        if days == 1:
            return f"{self.start.isoformat()} (1 day)"
        return f"{self.start.isoformat()} to {self.end.isoformat()} ({days} days)"

    def generated_text(self) -> str:
        """When the report was made, to the minute, in the user's time zone."""
        return self.generated_at.format("YYYY-MM-DD HH:mm")

    def coverage_text(self) -> str:
        """Days logged of days in range, when they were recorded, and sessions."""
        s = self.summary
        percent = round(100 * s.days_logged / s.days_in_range) if s.days_in_range else 0
        return (
            f"Days logged: {s.days_logged} of {s.days_in_range} ({percent}%). "
            f"Recorded {s.recorded.text()}. Therapy sessions: {s.sessions}."
        )

    def state_notes(self) -> list[str]:
        """Plain statements about thin data, so an almost empty report says why it is empty."""
        notes: list[str] = []
        if not self.entries and not self.sessions:
            notes.append("No entries or sessions were recorded in this range.")
        elif not self.has_scores:
            notes.append("No daily scores were recorded in this range; only what is below.")
        if self.days == 1:
            notes.append("The range is a single day, so there are no trends to show.")
        return notes

    def kinds_text(self) -> str:
        """``massage 11, physiotherapy 2`` or a statement that there were none."""
        kinds = self.summary.sessions_by_kind
        if not kinds:
            return "No therapy sessions in this range."
        return ", ".join(f"{printable(k, keep_newlines=False)} {n}" for k, n in kinds.items())


@dataclass(frozen=True)
class ReportSource:
    """What a report reads from the journal: the records of its range, the name, the time.

    Read on the thread that owns the journal; turned into a report anywhere (the app
    composes it in a worker thread).
    """

    start: pendulum.Date
    end: pendulum.Date
    entries: tuple[Entry, ...]
    sessions: tuple[Session, ...]
    name: str
    generated_at: pendulum.DateTime


def read_report_source(
    journal: Journal, start: pendulum.Date, end: pendulum.Date, name: str | None = None
) -> ReportSource:
    """Read ``start``..``end`` from the journal.

    ``name`` defaults to the journal's ``display_name`` setting. The journal's clock
    gives the generation time, so reports made with a fixed clock are reproducible.
    """
    chosen_name = journal.setting("display_name") if name is None else name
    return ReportSource(
        start=start,
        end=end,
        entries=tuple(journal.entries(start, end)),
        sessions=tuple(journal.sessions(start, end)),
        name=chosen_name,
        generated_at=journal.clock.now(),
    )


def compose_report(
    source: ReportSource, *, include_daily: bool = False, window: int = DEFAULT_WINDOW
) -> ReportModel:
    """Compute every figure the report shows from what was read."""
    start, end = source.start, source.end
    entries, sessions = list(source.entries), list(source.sessions)
    notes = [
        NoteItem(e.date, "day", printable(e.notes.strip())) for e in entries if e.notes.strip()
    ]
    series = all_series(entries, start, end)
    return ReportModel(
        name=printable(source.name.strip(), keep_newlines=False),
        start=start,
        end=end,
        generated_at=source.generated_at,
        summary=period_summary(entries, sessions, start, end),
        changes=period_changes(entries, start, end),
        series=series,
        session_days=session_days(sessions, start, end),
        kind_responses=tuple(kind_responses(series, sessions, window)),
        window=window,
        sessions=source.sessions,
        entries=source.entries,
        notes=tuple(notes),
        include_daily=include_daily,
    )


def build_report(
    journal: Journal,
    start: pendulum.Date,
    end: pendulum.Date,
    *,
    name: str | None = None,
    include_daily: bool = False,
    window: int = DEFAULT_WINDOW,
) -> ReportModel:
    """Read ``start``..``end`` from the journal and compute every figure the report shows."""
    source = read_report_source(journal, start, end, name)
    return compose_report(source, include_daily=include_daily, window=window)
