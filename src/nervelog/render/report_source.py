"""What a report reads from the journal, read once on the thread that owns the journal.

The app reads on its own thread and composes the report in a worker, so this is kept
apart from ``report_model``, which only computes.
"""

from __future__ import annotations

from typing import NamedTuple

import pendulum

from nervelog.domain.body_map import SymptomMap
from nervelog.domain.care import Dose, Event, Medication, Question
from nervelog.domain.models import Entry, Session
from nervelog.storage.repository import Journal


class ReportSource(NamedTuple):
    """The records of a report's range, the settings it prints, and the time it was made."""

    start: pendulum.Date
    end: pendulum.Date
    entries: tuple[Entry, ...]
    sessions: tuple[Session, ...]
    name: str
    generated_at: pendulum.DateTime
    courses: tuple[Medication, ...] = ()
    """Every medicine course (the timeline needs those that started before the range)."""
    doses: tuple[Dose, ...] = ()
    events: tuple[Event, ...] = ()
    questions: tuple[Question, ...] = ()
    """Every question, open or answered."""
    maps: tuple[SymptomMap, ...] = ()
    date_of_birth: str = ""
    patient_id: str = ""
    week_start: str = "monday"


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
        courses=tuple(journal.medicines.courses()),
        doses=tuple(journal.medicines.doses(start, end)),
        events=tuple(journal.events.list(start, end)),
        questions=tuple(journal.questions.list(open_only=False)),
        maps=tuple(journal.maps.all()),
        date_of_birth=journal.setting("date_of_birth"),
        patient_id=journal.setting("patient_id"),
        week_start=journal.setting("week_start"),
    )
