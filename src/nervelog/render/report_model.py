"""Everything a doctor's summary shows, gathered once from the journal and analysis.

The PDF, the text and Markdown reports and the TUI preview all draw from one
``ReportModel``, so they cannot disagree about a figure.
"""

from __future__ import annotations

from typing import NamedTuple

import pendulum

from nervelog.analysis import (
    DEFAULT_WINDOW,
    NOTICEABLE_CHANGE_NOTE,
    RESPONSE_LABEL,
    Bucket,
    DailySeries,
    DaySwing,
    KindResponse,
    PeriodSummary,
    ScoreChange,
    all_series,
    day_to_day_swing,
    kind_responses,
    no_baseline,
    period_changes,
    period_summary,
    session_days,
    shown_means,
    weekly_means,
)
from nervelog.analysis.body_map import MapStory, map_story
from nervelog.analysis.care import (
    MedicineChange,
    WeeklyDoses,
    current_courses,
    doses_per_week,
    medicine_changes,
)
from nervelog.domain.care import Event, Medication, Question
from nervelog.domain.dates import week_start_day
from nervelog.domain.disclaimer import DISCLAIMER
from nervelog.domain.models import Entry, Session
from nervelog.domain.printable import printable, printable_line
from nervelog.domain.scores import SCORES, Score
from nervelog.render.report_source import ReportSource, read_report_source
from nervelog.storage.repository import Journal

TITLE = "Symptom journal summary"
RESPONSE_NOTE = (
    f"Figures {RESPONSE_LABEL}. n = number of session days with a value behind each figure "
    "(for in-session ratings: sessions rated)."
)

__all__ = [
    "DISCLAIMER",
    "NOTICEABLE_CHANGE_NOTE",
    "RESPONSE_NOTE",
    "TITLE",
    "NoteItem",
    "ReportModel",
    "ReportSource",
    "build_report",
    "compose_report",
    "read_report_source",
]


class NoteItem(NamedTuple):
    """A day note as typed (made printable), with every day it was written on."""

    dates: tuple[pendulum.Date, ...]
    text: str

    @property
    def date(self) -> pendulum.Date:
        """The first day the note was written."""
        return self.dates[0]

    def when(self) -> str:
        """``2026-10-03``, or ``13 days: 2026-10-03, 2026-10-05, …`` for a repeated note."""
        if len(self.dates) == 1:
            return self.dates[0].isoformat()
        return f"{len(self.dates)} days: " + ", ".join(d.isoformat() for d in self.dates)


def group_notes(entries: tuple[Entry, ...]) -> tuple[NoteItem, ...]:
    """Day notes oldest first; a note written on several days is one item with its days."""
    days: dict[str, list[pendulum.Date]] = {}
    for e in entries:
        text = printable(e.notes.strip())
        if text:
            days.setdefault(text, []).append(e.date)
    items = [NoteItem(tuple(sorted(d)), text) for text, d in days.items()]
    return tuple(sorted(items, key=lambda n: n.date))


class ReportModel(NamedTuple):
    """The doctor's summary of one date range, ready to lay out in any format."""

    name: str
    start: pendulum.Date
    end: pendulum.Date
    generated_at: pendulum.DateTime
    summary: PeriodSummary
    changes: dict[Score, ScoreChange]
    swings: dict[Score, DaySwing]
    baseline: bool
    """False when the range's first session falls in its first week."""
    series: dict[Score, DailySeries]
    weekly: dict[Score, tuple[Bucket, ...]]
    """Weekly means of each score (weeks with fewer than 4 values have ``mean`` None)."""
    session_days: frozenset[pendulum.Date]
    kind_responses: tuple[KindResponse, ...]
    window: int
    sessions: tuple[Session, ...]
    entries: tuple[Entry, ...]
    notes: tuple[NoteItem, ...]
    include_daily: bool
    date_of_birth: str = ""
    patient_id: str = ""
    open_questions: tuple[Question, ...] = ()
    answered_questions: tuple[Question, ...] = ()
    """Questions answered within the range."""
    medicines_now: tuple[Medication, ...] = ()
    """Courses being taken on the last day of the range."""
    medicine_changes: tuple[MedicineChange, ...] = ()
    courses: tuple[Medication, ...] = ()
    """Every course taken on at least one day of the range."""
    weekly_doses: tuple[WeeklyDoses, ...] = ()
    events: tuple[Event, ...] = ()
    """Events of the range, falls first, then by date."""
    map_story: MapStory | None = None
    week_start: int = pendulum.MONDAY
    """The weekday weeks start on (the ``week_start`` setting)."""

    @property
    def has_scores(self) -> bool:
        """True when at least one score was recorded in the range."""
        return any(s.n for s in self.summary.scores.values())

    @property
    def days(self) -> int:
        """Calendar days in the range."""
        return self.summary.days_in_range

    @property
    def falls(self) -> int:
        """How many of the range's events are falls."""
        return sum(1 for e in self.events if is_fall(e))

    def range_text(self) -> str:
        """``2026-08-25 to 2026-11-22 (90 days)``."""
        days = self.days
        if days == 1:
            return f"{self.start.isoformat()} (1 day)"
        return f"{self.start.isoformat()} to {self.end.isoformat()} ({days} days)"

    def generated_text(self) -> str:
        """When the report was made, to the minute, in the user's time zone."""
        return self.generated_at.format("YYYY-MM-DD HH:mm")

    def who_text(self) -> str:
        """``Name: Alex Example · Born: 1961-04-02 · ID: NHS 943 476 5919`` (what is set)."""
        parts = [
            f"{label}: {value}"
            for label, value in (
                ("Name", self.name),
                ("Born", self.date_of_birth),
                ("ID", self.patient_id),
            )
            if value
        ]
        return " · ".join(parts)

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


def is_fall(event: Event) -> bool:
    """Falls matter most to a doctor: they are listed first and counted."""
    return event.kind.strip().casefold() == "fall"


def compose_report(
    source: ReportSource, *, include_daily: bool = False, window: int = DEFAULT_WINDOW
) -> ReportModel:
    """Compute every figure the report shows from what was read."""
    start, end = source.start, source.end
    entries, sessions = list(source.entries), list(source.sessions)
    series = all_series(entries, start, end)
    week_start = week_start_day(source.week_start)
    weekly = {s: tuple(shown_means(weekly_means(series[s], week_start))) for s in SCORES}
    courses = source.courses
    in_range = tuple(
        c for c in courses if c.started <= end and (c.stopped is None or c.stopped > start)
    )
    clean = printable_line  # every field the user wrote is made printable once, here
    return ReportModel(
        name=clean(source.name.strip()),
        date_of_birth=clean(source.date_of_birth.strip()),
        patient_id=clean(source.patient_id.strip()),
        start=start,
        end=end,
        generated_at=source.generated_at,
        summary=period_summary(entries, sessions, start, end),
        changes=period_changes(entries, start, end),
        swings={s: day_to_day_swing(series[s].values) for s in SCORES},
        baseline=not no_baseline(sessions, start, end),
        series=series,
        weekly=weekly,
        session_days=session_days(sessions, start, end),
        kind_responses=tuple(kind_responses(series, sessions, window)),
        window=window,
        sessions=source.sessions,
        entries=source.entries,
        notes=group_notes(source.entries),
        include_daily=include_daily,
        open_questions=tuple(q for q in source.questions if q.answered_on is None),
        answered_questions=tuple(
            q
            for q in source.questions
            if q.answered_on is not None and start <= q.answered_on <= end
        ),
        medicines_now=tuple(current_courses(courses, end)),
        medicine_changes=tuple(medicine_changes(courses, start, end)),
        courses=in_range,
        weekly_doses=tuple(doses_per_week(source.doses, courses, week_start)),
        events=tuple(sorted(source.events, key=lambda e: (not is_fall(e), e.date, e.id or 0))),
        map_story=map_story(source.maps, start, end) if source.maps else None,
        week_start=week_start,
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
