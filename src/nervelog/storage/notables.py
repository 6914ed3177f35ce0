"""Notable events (falls first, for the doctor) and questions for the next appointment."""

from __future__ import annotations

import pendulum

from nervelog.domain.care import Event, Question
from nervelog.domain.dates import parse_iso_date
from nervelog.domain.errors import Problem
from nervelog.storage import records
from nervelog.storage.db import transaction
from nervelog.storage.rows import Row, where_range


def event_to_row(e: Event) -> Row:
    """An event as a table row."""
    return {"id": e.id, "date": e.date.isoformat(), "kind": e.kind, "text": e.text}


def event_from_row(row: Row) -> Event:
    """An event from a table row."""
    return Event(id=row["id"], date=parse_iso_date(row["date"]), kind=row["kind"], text=row["text"])


def question_to_row(q: Question) -> Row:
    """A question as a table row."""
    return {
        "id": q.id,
        "text": q.text,
        "raised_on": q.raised_on.isoformat(),
        "answered_on": None if q.answered_on is None else q.answered_on.isoformat(),
        "answer": q.answer,
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
    )


class Events(records.JournalPart):
    """The journal's notable events (``journal.events``)."""

    def list(
        self, start: pendulum.Date | None = None, end: pendulum.Date | None = None
    ) -> list[Event]:
        """Events in a date range (inclusive), by date."""
        where, params = where_range(start, end)
        sql = f"SELECT * FROM event{where} ORDER BY date, id"
        return [event_from_row(r) for r in self.db.query(sql, params)]

    def get(self, event_id: int) -> Event | None:
        """One event by id."""
        rows = list(self.db.query("SELECT * FROM event WHERE id = ?", [event_id]))
        return event_from_row(rows[0]) if rows else None

    def add(self, event: Event) -> Event:
        """Store an event; returns it with its id."""
        return event._replace(id=self._insert("event", event_to_row(event)))

    def delete(self, event_id: int) -> bool:
        """Delete an event (history keeps it); False when there was none."""
        return self._delete("event", event_id)


class Questions(records.JournalPart):
    """Questions for the next appointment (``journal.questions``)."""

    def list(self, *, open_only: bool = True) -> list[Question]:
        """Open questions (or all, answered ones last), oldest first."""
        where = " WHERE answered_on IS NULL" if open_only else ""
        sql = f"SELECT * FROM question{where} ORDER BY answered_on IS NOT NULL, raised_on, id"
        return [question_from_row(r) for r in self.db.query(sql)]

    def get(self, question_id: int) -> Question | None:
        """One question by id."""
        rows = list(self.db.query("SELECT * FROM question WHERE id = ?", [question_id]))
        return question_from_row(rows[0]) if rows else None

    def count_open(self) -> int:
        """How many questions wait for an answer."""
        return int(
            self.db.execute("SELECT count(*) FROM question WHERE answered_on IS NULL").fetchone()[0]
        )

    def add(self, question: Question) -> Question:
        """Store a question; returns it with its id."""
        return question._replace(id=self._insert("question", question_to_row(question)))

    def answer(self, question_id: int, answer: str, day: pendulum.Date) -> Question:
        """Mark a question answered on ``day``, with the answer given (may be empty)."""
        with transaction(self.db) as conn:
            old = question_from_row(
                records.fetch_existing(conn, "question", question_id, f"question {question_id}")
            )
            if day < old.raised_on:
                raise Problem(
                    "date", day.isoformat(), f"{old.raised_on} (when it was asked) or later"
                ).error()
            changes = {"answered_on": day.isoformat(), "answer": answer}
            new = records.update(conn, self.clock.now(), "question", question_to_row(old), changes)
        return question_from_row(new)

    def delete(self, question_id: int) -> bool:
        """Delete a question (history keeps it); False when there was none."""
        return self._delete("question", question_id)
