"""Medicine courses and as-needed doses: start, change the dose, stop, log a dose taken.

A dose change is one transaction and one batch of history: the course is stopped and
the next one, which ``follows`` it, starts the same day; undo takes both back at once.
"""

from __future__ import annotations

from dataclasses import replace

import pendulum

from nervelog.domain.care import Dose, Medication
from nervelog.domain.errors import Problem
from nervelog.storage import records
from nervelog.storage.db import transaction
from nervelog.storage.history import Batch
from nervelog.storage.kinds import DOSE, MEDICATION
from nervelog.storage.rows import from_row, to_row, where_range


class Medicines(records.JournalPart[Medication]):
    """The journal's medicine courses and doses (``journal.medicines``)."""

    kind, record = MEDICATION, Medication

    # -- reading ---------------------------------------------------------------------

    def courses(self, *, current_only: bool = False) -> list[Medication]:
        """Every course, by start day (only those not stopped, with ``current_only``)."""
        return self.where("stopped IS NULL" if current_only else None)

    def course(self, medication_id: int) -> Medication | None:
        """One course by id."""
        return self.get(medication_id)

    def doses(
        self, start: pendulum.Date | None = None, end: pendulum.Date | None = None
    ) -> list[Dose]:
        """As-needed doses taken in a date range (inclusive), in date and time order."""
        where, params = where_range(start, end)
        rows = records.select(self.db, DOSE, where, params, order_by=DOSE.order_by)
        return [from_row(Dose, r) for r in rows]

    def find_current(self, name_or_id: str, day: pendulum.Date) -> Medication:
        """The course meant by an id or a name, among those being taken on ``day``.

        Raises ``ValidationError`` for an unknown id or name, and for a name two current
        courses share (naming both ids).
        """
        text = name_or_id.strip()
        if text.isascii() and text.isdigit():
            found = self.course(int(text)) if int(text) < 2**63 else None
            if found is None:
                raise Problem(
                    "medicine", text, "the id of a medicine (see nervelog med list)"
                ).error()
            return found
        matches = [
            m for m in self.courses() if m.name.casefold() == text.casefold() and m.current_on(day)
        ]
        if not matches:
            names = sorted({m.name for m in self.courses() if m.current_on(day)})
            listed = ", ".join(names) if names else "none recorded"
            raise Problem("medicine", text, f"a medicine taken on {day} ({listed})").error()
        if len(matches) > 1:
            ids = ", ".join(f"{m.id} ({m.label})" for m in matches)
            raise Problem("medicine", text, f"one course: give its id, one of {ids}").error()
        return matches[0]

    # -- writing ---------------------------------------------------------------------

    def start(self, medication: Medication) -> Medication:
        """Store a new course; returns it with its id."""
        return self.add(medication)

    def change(
        self,
        medication_id: int,
        dose: str,
        schedule: str | None,
        day: pendulum.Date,
    ) -> Medication:
        """Stop a course on ``day`` and start the next, at ``dose``, that follows it."""
        with transaction(self.db):
            old = self._current(medication_id, day, "changed")
            if not dose.strip():
                raise Problem("dose", dose, "the new dose, such as 150 mg").error()
            batch = Batch()
            now = self.clock.now()
            records.update(
                self.db, now, MEDICATION, old.id, {"stopped": day.isoformat()}, batch=batch
            )
            following = replace(
                old,
                id=None,
                uid="",
                version=0,
                dose=dose.strip(),
                schedule=old.schedule if schedule is None else schedule.strip(),
                started=day,
                stopped=None,
                notes="",
                follows=old.id,
            )
            new = records.insert(self.db, now, MEDICATION, to_row(following), batch)
        return from_row(Medication, new)

    def stop(self, medication_id: int, day: pendulum.Date, reason: str = "") -> Medication:
        """Stop a course on ``day``; a reason is kept in its notes."""
        with transaction(self.db):
            old = self._current(medication_id, day, "stopped")
            notes = old.notes
            if reason.strip():
                notes = f"{notes}\nStopped: {reason.strip()}".strip()
            changes = {"stopped": day.isoformat(), "notes": notes}
            new = records.update(self.db, self.clock.now(), MEDICATION, medication_id, changes)
        return from_row(Medication, new)

    def took(self, dose: Dose) -> Dose:
        """Log one dose of an as-needed course taken; returns it with its id."""
        with transaction(self.db):
            course = from_row(
                Medication, records.get_existing(self.db, MEDICATION, dose.medication)
            )
            if not course.as_needed:
                raise Problem(
                    "medicine",
                    course.label,
                    "an as-needed medicine; for a regular one, record a dose change with "
                    f"nervelog med change {course.id} --dose ...",
                ).error()
            if not course.current_on(dose.date):
                raise Problem(
                    "date",
                    dose.date.isoformat(),
                    f"a day {course.label} was taken ({_span(course)})",
                ).error()
            new = records.insert(self.db, self.clock.now(), DOSE, to_row(dose))
        return from_row(Dose, new)

    def _current(self, medication_id: int, day: pendulum.Date, verb: str) -> Medication:
        course = from_row(Medication, records.get_existing(self.db, MEDICATION, medication_id))
        if course.stopped is not None:
            raise Problem(
                "medicine",
                f"{medication_id} ({course.label})",
                f"a course still being taken; this one stopped on {course.stopped} "
                "and cannot be " + verb,
            ).error()
        if day < course.started:
            raise Problem("date", day.isoformat(), f"{course.started} (the start) or later").error()
        if verb == "changed" and day == course.started:
            # The new dose would replace this one before a day of it was taken.
            allowed = f"a day after {course.started}, its start (else it was never taken)"
            raise Problem("date", day.isoformat(), allowed).error()
        last = self.db.execute(
            "SELECT max(date) FROM dose WHERE medication = ?", [medication_id]
        ).fetchone()[0]
        if last is not None and day.isoformat() <= last:
            raise Problem(
                "date", day.isoformat(), f"a day after the last dose of it logged ({last})"
            ).error()
        return course


def _span(course: Medication) -> str:
    end = "ongoing" if course.stopped is None else f"to {course.stopped}"
    return f"from {course.started} {end}"
