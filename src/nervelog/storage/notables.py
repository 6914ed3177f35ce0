"""Notable events (falls first, for the doctor) and questions for the next appointment."""

from __future__ import annotations

import pendulum

from nervelog.domain.care import Event, Question
from nervelog.domain.errors import Problem
from nervelog.storage import records
from nervelog.storage.db import transaction
from nervelog.storage.kinds import EVENT, QUESTION
from nervelog.storage.rows import from_row, to_row, where_range


class Events(records.JournalPart):
    """The journal's notable events (``journal.events``)."""

    def list(
        self, start: pendulum.Date | None = None, end: pendulum.Date | None = None
    ) -> list[Event]:
        """Events in a date range (inclusive), by date."""
        where, params = where_range(start, end)
        rows = records.select(self.db, EVENT, where, params, order_by="date, id")
        return [from_row(Event, r) for r in rows]

    def get(self, event_id: int) -> Event | None:
        """One event by id."""
        row = records.get(self.db, EVENT, event_id)
        return None if row is None else from_row(Event, row)

    def add(self, event: Event) -> Event:
        """Store an event; returns it with its id."""
        return from_row(Event, self._insert(EVENT, to_row(event)))

    def delete(self, event_id: int) -> bool:
        """Delete an event (history keeps it); False when there was none."""
        return self._delete(EVENT, event_id)


class Questions(records.JournalPart):
    """Questions for the next appointment (``journal.questions``)."""

    def list(self, *, open_only: bool = True) -> list[Question]:
        """Open questions (or all, answered ones last), oldest first."""
        rows = records.select(
            self.db,
            QUESTION,
            "answered_on IS NULL" if open_only else None,
            order_by="answered_on IS NOT NULL, raised_on, id",
        )
        return [from_row(Question, r) for r in rows]

    def get(self, question_id: int) -> Question | None:
        """One question by id."""
        row = records.get(self.db, QUESTION, question_id)
        return None if row is None else from_row(Question, row)

    def count_open(self) -> int:
        """How many questions wait for an answer."""
        return self.db.table("question").count_where("answered_on IS NULL")

    def add(self, question: Question) -> Question:
        """Store a question; returns it with its id."""
        return from_row(Question, self._insert(QUESTION, to_row(question)))

    def answer(self, question_id: int, answer: str, day: pendulum.Date) -> Question:
        """Mark a question answered on ``day``, with the answer given (may be empty)."""
        with transaction(self.db):
            old = from_row(Question, records.get_existing(self.db, QUESTION, question_id))
            if day < old.raised_on:
                raise Problem(
                    "date", day.isoformat(), f"{old.raised_on} (when it was asked) or later"
                ).error()
            changes = {"answered_on": day.isoformat(), "answer": answer}
            new = records.update(self.db, self.clock.now(), QUESTION, question_id, changes)
        return from_row(Question, new)

    def delete(self, question_id: int) -> bool:
        """Delete a question (history keeps it); False when there was none."""
        return self._delete(QUESTION, question_id)
