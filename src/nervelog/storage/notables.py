"""Notable events (falls first, for the doctor) and questions for the next appointment."""

from __future__ import annotations

import pendulum

from nervelog.domain.care import Event, Question
from nervelog.domain.dates import parse_iso_date
from nervelog.domain.errors import Problem
from nervelog.storage import records
from nervelog.storage.db import transaction
from nervelog.storage.kinds import EVENT, QUESTION
from nervelog.storage.rows import Row, identity, identity_of, where_range


def event_to_row(e: Event) -> Row:
    """An event as a table row."""
    return {
        "id": e.id,
        "date": e.date.isoformat(),
        "kind": e.kind,
        "text": e.text,
        **identity(e),
    }


def event_from_row(row: Row) -> Event:
    """An event from a table row."""
    return Event(
        id=row["id"],
        date=parse_iso_date(row["date"]),
        kind=row["kind"],
        text=row["text"],
        **identity_of(row),
    )


def question_to_row(q: Question) -> Row:
    """A question as a table row."""
    return {
        "id": q.id,
        "text": q.text,
        "raised_on": q.raised_on.isoformat(),
        "answered_on": None if q.answered_on is None else q.answered_on.isoformat(),
        "answer": q.answer,
        **identity(q),
    }


def question_from_row(row: Row) -> Question:
    """A question from a table row."""
    answered = row["answered_on"]
    return Question(
        id=row["id"],
        text=row["text"],
        raised_on=parse_iso_date(row["raised_on"]),
        answered_on=None if answered is None else parse_iso_date(answered),
        answer=row["answer"],
        **identity_of(row),
    )


class Events(records.JournalPart):
    """The journal's notable events (``journal.events``)."""

    def list(
        self, start: pendulum.Date | None = None, end: pendulum.Date | None = None
    ) -> list[Event]:
        """Events in a date range (inclusive), by date."""
        where, params = where_range(start, end)
        rows = records.select(self.db, EVENT, where, params, order_by="date, id")
        return [event_from_row(r) for r in rows]

    def get(self, event_id: int) -> Event | None:
        """One event by id."""
        row = records.get(self.db, EVENT, event_id)
        return None if row is None else event_from_row(row)

    def add(self, event: Event) -> Event:
        """Store an event; returns it with its id."""
        return event_from_row(self._insert(EVENT, event_to_row(event)))

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
        return [question_from_row(r) for r in rows]

    def get(self, question_id: int) -> Question | None:
        """One question by id."""
        row = records.get(self.db, QUESTION, question_id)
        return None if row is None else question_from_row(row)

    def count_open(self) -> int:
        """How many questions wait for an answer."""
        return self.db.table("question").count_where("answered_on IS NULL")

    def add(self, question: Question) -> Question:
        """Store a question; returns it with its id."""
        return question_from_row(self._insert(QUESTION, question_to_row(question)))

    def answer(self, question_id: int, answer: str, day: pendulum.Date) -> Question:
        """Mark a question answered on ``day``, with the answer given (may be empty)."""
        with transaction(self.db):
            old = question_from_row(records.get_existing(self.db, QUESTION, question_id))
            if day < old.raised_on:
                raise Problem(
                    "date", day.isoformat(), f"{old.raised_on} (when it was asked) or later"
                ).error()
            changes = {"answered_on": day.isoformat(), "answer": answer}
            new = records.update(self.db, self.clock.now(), QUESTION, question_id, changes)
        return question_from_row(new)

    def delete(self, question_id: int) -> bool:
        """Delete a question (history keeps it); False when there was none."""
        return self._delete(QUESTION, question_id)
