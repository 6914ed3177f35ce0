"""Notable events (falls first, for the doctor) and questions for the next appointment."""

from __future__ import annotations

import pendulum

from nervelog.domain.care import Event, Question
from nervelog.domain.errors import Problem
from nervelog.storage import records
from nervelog.storage.db import transaction
from nervelog.storage.kinds import EVENT, QUESTION
from nervelog.storage.rows import from_row, where_range


class Events(records.JournalPart[Event]):
    """The journal's notable events (``journal.events``)."""

    kind, record = EVENT, Event

    def list(
        self, start: pendulum.Date | None = None, end: pendulum.Date | None = None
    ) -> list[Event]:
        """Events in a date range (inclusive), by date."""
        return self.where(*where_range(start, end))


class Questions(records.JournalPart[Question]):
    """Questions for the next appointment (``journal.questions``)."""

    kind, record = QUESTION, Question

    def list(self, *, open_only: bool = True) -> list[Question]:
        """Open questions (or all, answered ones last), oldest first."""
        return self.where("answered_on IS NULL" if open_only else None)

    def count_open(self) -> int:
        """How many questions wait for an answer."""
        return self.db.table("question").count_where("answered_on IS NULL")

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
