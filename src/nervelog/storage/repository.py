"""The journal: entries, sessions and settings, and a part for each other kind of record.

Each write is one transaction that also appends to the history table, so nothing a
user typed is ever lost.
"""

from __future__ import annotations

from collections.abc import Mapping
from functools import cached_property
from pathlib import Path
from typing import TYPE_CHECKING

import pendulum

from nervelog.domain.dates import Clock, SystemClock
from nervelog.domain.errors import Problem, RecordGone
from nervelog.domain.models import Entry, Session
from nervelog.domain.settings import SETTINGS
from nervelog.driver import sqlite
from nervelog.storage.database import Database
from nervelog.storage.db import transaction
from nervelog.storage.history import Change, changes, json_row, log_change, undo_last
from nervelog.storage.phases import Phases
from nervelog.storage.rows import (
    Row,
    check_storable,
    entry_from_row,
    entry_to_row,
    first_row,
    same_row,
    session_from_row,
    session_to_dict,
    session_to_row,
    where_range,
)

if TYPE_CHECKING:
    from nervelog.storage.body_maps import SymptomMaps
    from nervelog.storage.medicines import Medicines
    from nervelog.storage.notables import Events, Questions

DEFAULT_SETTINGS = {key: s.default for key, s in SETTINGS.items()}


class Journal:
    """A person's journal, backed by one SQLite database."""

    def __init__(self, db: Database, clock: Clock | None = None) -> None:
        self.db = db
        self.clock: Clock = clock or SystemClock()
        self.auto_backup: Path | None = None
        """The snapshot taken when this journal was opened, if one was."""
        self.phases = Phases(db, self.clock)
        """Named stretches of days ("weekly massage") to compare."""

    # The care and map parts load on first use: `nervelog log` and the entry commands
    # never need them or their record classes (README, "Performance": the budget of
    # `log`). Each part takes the journal's clock then.

    @cached_property
    def medicines(self) -> Medicines:
        """Medicine courses and as-needed doses."""
        from nervelog.storage.medicines import Medicines

        return Medicines(self.db, self.clock)

    @cached_property
    def events(self) -> Events:
        """Notable events: falls, flares, illnesses, appointments."""
        from nervelog.storage.notables import Events

        return Events(self.db, self.clock)

    @cached_property
    def questions(self) -> Questions:
        """Questions for the next appointment."""
        from nervelog.storage.notables import Questions

        return Questions(self.db, self.clock)

    @cached_property
    def maps(self) -> SymptomMaps:
        """Where numbness, tingling and pain are felt, as dated snapshots."""
        from nervelog.storage.body_maps import SymptomMaps

        return SymptomMaps(self.db, self.clock)

    # -- history -----------------------------------------------------------------

    def _log(
        self,
        conn: sqlite.Connection,
        record: str,
        key: object,
        action: str,
        old: Row | None,
        new: Row | None,
    ) -> None:
        log_change(conn, self.clock.now(), record, key, action, old, new)

    def history(self, record: str | None = None, key: str | None = None) -> list[Change]:
        """Recorded changes, oldest first, optionally for one record."""
        return changes(self.db, record, key)

    def undo_last(self) -> Change | None:
        """Revert the newest change not yet undone (see ``storage.history.undo_last``)."""
        return undo_last(self.db, self.clock.now())

    # -- entries -------------------------------------------------------------------

    def entry(self, day: pendulum.Date) -> Entry | None:
        """The entry for one day, if logged."""
        rows = list(self.db.query("SELECT * FROM entry WHERE date = ?", [day.isoformat()]))
        return entry_from_row(rows[0]) if rows else None

    def entries(
        self, start: pendulum.Date | None = None, end: pendulum.Date | None = None
    ) -> list[Entry]:
        """Entries in a date range (inclusive), oldest first."""
        where, params = where_range(start, end)
        return [
            entry_from_row(r)
            for r in self.db.query(f"SELECT * FROM entry{where} ORDER BY date", params)
        ]

    def count_entries(self) -> int:
        """How many days have an entry."""
        return int(self.db.execute("SELECT count(*) FROM entry").fetchone()[0])

    def date_span(self) -> tuple[pendulum.Date, pendulum.Date] | None:
        """The first and last day with an entry or a session."""
        row = self.db.execute(
            "SELECT min(d), max(d) FROM "
            "(SELECT date AS d FROM entry UNION ALL SELECT date FROM session)"
        ).fetchone()
        if row[0] is None:
            return None
        return pendulum.Date.fromisoformat(row[0]), pendulum.Date.fromisoformat(row[1])

    def save_entry(self, entry: Entry) -> Entry:
        """Insert or replace the entry for its day; the old version goes to history."""
        with transaction(self.db) as conn:
            return self.store_entry(conn, entry)

    def update_entry(
        self, day: pendulum.Date, scores: Mapping[str, int | None], notes: str | None
    ) -> Entry:
        """Change the given scores (``None`` = skipped) and note of a day; keep the rest.

        Read and write happen in one transaction, so two processes changing different
        scores of one day both keep their change. A day with nothing in it is not
        created: it would count as a logged day.
        """
        with transaction(self.db) as conn:
            old = first_row(conn.execute("SELECT * FROM entry WHERE date = ?", [day.isoformat()]))
            base = entry_from_row(old) if old is not None else Entry(date=day)
            new_scores = base.scores.replace(**scores)
            new_notes = base.notes if notes is None else notes
            if old is None and new_scores.is_empty and not new_notes:
                raise Problem(
                    "scores",
                    "all skipped",
                    f"at least one score or a note, as {day} has no entry yet",
                ).error()
            # updated_at=None: store_entry stamps the time of this change.
            changed = base._replace(scores=new_scores, notes=new_notes, updated_at=None)
            return self.store_entry(conn, changed)

    def store_entry(self, conn: sqlite.Connection, entry: Entry) -> Entry:
        """Insert or replace an entry inside the caller's transaction (see ``save_entry``)."""
        now = self.clock.now()
        old_rows = conn.execute("SELECT * FROM entry WHERE date = ?", [entry.date.isoformat()])
        old = first_row(old_rows)
        if old is not None:
            before = entry_from_row(old)
            # An imported day edited later still has no recording time of its own.
            stored = entry._replace(
                recorded_at=before.recorded_at,
                updated_at=entry.updated_at or now,
                imported=before.imported or entry.imported,
            )
        else:
            stored = entry._replace(
                recorded_at=entry.recorded_at or now, updated_at=entry.updated_at or now
            )
        new = entry_to_row(stored)
        check_storable(new)
        if old is not None and same_row(old, new, ("recorded_at", "updated_at", "imported")):
            return entry_from_row(old)
        columns = ", ".join(new)
        conn.execute(
            f"INSERT OR REPLACE INTO entry ({columns}) VALUES ({', '.join('?' * len(new))})",
            list(new.values()),
        )
        self._log(conn, "entry", new["date"], "update" if old else "insert", old, new)
        return entry_from_row(new)

    def delete_entry(self, day: pendulum.Date) -> bool:
        """Delete one day's entry; returns False if there was none."""
        with transaction(self.db) as conn:
            old = first_row(conn.execute("SELECT * FROM entry WHERE date = ?", [day.isoformat()]))
            if old is None:
                return False
            conn.execute("DELETE FROM entry WHERE date = ?", [day.isoformat()])
            self._log(conn, "entry", day.isoformat(), "delete", old, None)
            return True

    # -- sessions ------------------------------------------------------------------

    def session(self, session_id: int) -> Session | None:
        """One session by id."""
        rows = list(self.db.query("SELECT * FROM session WHERE id = ?", [session_id]))
        return session_from_row(rows[0]) if rows else None

    def sessions(
        self, start: pendulum.Date | None = None, end: pendulum.Date | None = None
    ) -> list[Session]:
        """Sessions in a date range (inclusive), in date and time order."""
        where, params = where_range(start, end)
        sql = f"SELECT * FROM session{where} ORDER BY date, coalesce(time, ''), id"
        return [session_from_row(r) for r in self.db.query(sql, params)]

    def add_session(self, session: Session) -> Session:
        """Store a new session; returns it with its id."""
        with transaction(self.db) as conn:
            return self.store_session(conn, session)

    def store_session(self, conn: sqlite.Connection, session: Session) -> Session:
        """Add a session inside the caller's transaction (see ``add_session``)."""
        now = self.clock.now()
        stored = session._replace(
            recorded_at=session.recorded_at or now, updated_at=session.updated_at or now
        )
        row = session_to_row(stored)
        check_storable(session_to_dict(stored))
        if row["id"] is None:
            del row["id"]
        cursor = conn.execute(
            f"INSERT INTO session ({', '.join(row)}) VALUES ({', '.join('?' * len(row))})",
            list(row.values()),
        )
        new_id = int(cursor.lastrowid or 0)
        result = stored._replace(id=new_id)
        self._log(conn, "session", new_id, "insert", None, json_row(session_to_row(result)))
        return result

    def update_session(self, session: Session) -> Session:
        """Replace a stored session (matched by id); the old version goes to history."""
        if session.id is None:
            raise ValueError("update_session needs a session with an id")
        with transaction(self.db) as conn:
            old = first_row(conn.execute("SELECT * FROM session WHERE id = ?", [session.id]))
            if old is None:
                raise RecordGone(
                    f"Session {session.id} is no longer in the journal: it was deleted "
                    "elsewhere (another window or the command line). Nothing was saved."
                )
            stored = session._replace(
                recorded_at=session_from_row(old).recorded_at, updated_at=self.clock.now()
            )
            new = session_to_row(stored)
            check_storable(session_to_dict(stored))
            if same_row(old, new, ("recorded_at", "updated_at")):
                return session_from_row(old)
            assignments = ", ".join(f"{k} = ?" for k in new if k != "id")
            conn.execute(
                f"UPDATE session SET {assignments} WHERE id = ?",
                [v for k, v in new.items() if k != "id"] + [session.id],
            )
            self._log(conn, "session", session.id, "update", json_row(old), json_row(new))
            return session_from_row(new)

    def delete_session(self, session_id: int) -> bool:
        """Delete a session; returns False if there was none."""
        with transaction(self.db) as conn:
            old = first_row(conn.execute("SELECT * FROM session WHERE id = ?", [session_id]))
            if old is None:
                return False
            conn.execute("DELETE FROM session WHERE id = ?", [session_id])
            self._log(conn, "session", session_id, "delete", json_row(old), None)
            return True

    def set_busy_timeout(self, seconds: float) -> None:
        """How long a write waits for another program's write to finish before giving up."""
        self.db.execute(f"PRAGMA busy_timeout = {int(seconds * 1000)}")

    # -- settings ------------------------------------------------------------------

    def setting(self, key: str) -> str:
        """A setting's value, or its default."""
        row = self.db.execute("SELECT value FROM setting WHERE key = ?", [key]).fetchone()
        return str(row[0]) if row else DEFAULT_SETTINGS.get(key, "")

    def set_setting(self, key: str, value: str) -> None:
        """Store a setting."""
        with transaction(self.db) as conn:
            conn.execute("INSERT OR REPLACE INTO setting (key, value) VALUES (?, ?)", [key, value])

    # -- integrity -----------------------------------------------------------------

    def integrity_problems(self) -> list[str]:
        """Messages from SQLite's integrity and foreign-key checks; empty when healthy."""
        rows = [str(r[0]) for r in self.db.execute("PRAGMA integrity_check").fetchall()]
        problems = [r for r in rows if r != "ok"]
        problems += [
            f"foreign key: {r}" for r in self.db.execute("PRAGMA foreign_key_check").fetchall()
        ]
        return problems
