"""The medicine timeline, as-needed doses per week, and what to list for a range.

Observations only: when a medicine started, changed or stopped, and how often an
as-needed one was taken. The same wording serves the command line, the app and reports.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Iterable, Sequence
from typing import NamedTuple

import pendulum

from nervelog.domain.care import Dose, Medication
from nervelog.domain.printable import printable_line

START, CHANGE, STOP = "start", "change", "stop"


class MedicineChange(NamedTuple):
    """A course starting, replacing the one before at a new dose, or stopping."""

    date: pendulum.Date
    kind: str
    """``start``, ``change`` or ``stop``."""
    course: Medication
    previous: Medication | None = None
    """For a change: the course it replaced."""

    def text(self) -> str:
        """``pregabalin 75 mg → 150 mg``, ``started paracetamol 1 g (as needed)``."""
        c = self.course
        name = printable_line(c.name)
        if self.kind == CHANGE and self.previous is not None:
            before = printable_line(self.previous.dose)
            return f"{name} {before} → {printable_line(c.dose)}"
        label = printable_line(c.label)
        if self.kind == STOP:
            return f"stopped {label}"
        how = how_taken(c)
        return f"started {label} ({how})" if how else f"started {label}"


def how_taken(course: Medication) -> str:
    """``as needed``, or the schedule as written, printable (empty when there is none)."""
    return "as needed" if course.as_needed else printable_line(course.schedule.strip())


def medicine_changes(
    courses: Sequence[Medication],
    start: pendulum.Date | None = None,
    end: pendulum.Date | None = None,
) -> list[MedicineChange]:
    """Every start, dose change and stop, by date, within ``start``..``end`` if given.

    A course that was replaced by the next dose is not "stopped": the change says it.
    """
    by_id = {c.id: c for c in courses}
    replaced = {c.follows for c in courses if c.follows is not None}
    changes = []
    for c in courses:
        previous = by_id.get(c.follows) if c.follows is not None else None
        changes.append(MedicineChange(c.started, CHANGE if previous else START, c, previous))
        if c.stopped is not None and c.id not in replaced:
            changes.append(MedicineChange(c.stopped, STOP, c))
    inside = [
        ch
        for ch in changes
        if (start is None or ch.date >= start) and (end is None or ch.date <= end)
    ]
    return sorted(inside, key=lambda ch: (ch.date, ch.course.id or 0))


def current_courses(courses: Iterable[Medication], day: pendulum.Date) -> list[Medication]:
    """The courses being taken on ``day``."""
    return [c for c in courses if c.current_on(day)]


class WeeklyDoses(NamedTuple):
    """How many as-needed doses of each medicine were logged in one week."""

    week: pendulum.Date
    """The first day of the week."""
    counts: dict[str, int]
    """Medicine name to doses logged."""


def doses_per_week(
    doses: Iterable[Dose],
    courses: Iterable[Medication],
    week_start: int = pendulum.MONDAY,
) -> list[WeeklyDoses]:
    """Doses logged per week and medicine, for the weeks that have any (oldest first)."""
    names = {c.id: printable_line(c.name) for c in courses}
    weeks: dict[pendulum.Date, Counter[str]] = {}
    for d in doses:
        first = d.date.subtract(days=(d.date.weekday() - int(week_start)) % 7)
        weeks.setdefault(first, Counter())[names.get(d.medication, f"medicine {d.medication}")] += 1
    return [WeeklyDoses(week, dict(sorted(weeks[week].items()))) for week in sorted(weeks)]
