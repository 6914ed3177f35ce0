"""The journal: entries, sessions and settings, and a part for each other kind of record.

Each write is one transaction that also appends to the history table, so nothing a
user typed is ever lost.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import replace
from functools import cached_property
from pathlib import Path
from typing import TYPE_CHECKING

import pendulum
from sqlite_utils import Database

from nervelog.domain.dates import Clock, SystemClock
from nervelog.domain.errors import Problem
from nervelog.domain.models import Entry, Session
from nervelog.domain.settings import SETTINGS
from nervelog.storage import records
from nervelog.storage.db import transaction
from nervelog.storage.history import Change, changes
from nervelog.storage.journal_file import JournalFile
from nervelog.storage.kinds import ENTRY, SESSION, SETTING
from nervelog.storage.phases import Phases
from nervelog.storage.rows import from_row, same_row, to_row, where_range

if TYPE_CHECKING:
    from nervelog.storage.body_maps import SymptomMaps
    from nervelog.storage.medicines import Medicines
    from nervelog.storage.notables import Events, Questions

DEFAULT_SETTINGS = {key: s.default for key, s in SETTINGS.items()}
# What a save stamps itself: a save that changes only these changes nothing.
_TIMES = ("recorded_at", "updated_at", "imported", "uid", "version")


class Journal(JournalFile):
    """A person's journal, backed by one SQLite database."""

    def __init__(self, db: Database, clock: Clock | None = None) -> None:
        super().__init__(db)
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

    def history(self, record: str | None = None, key: str | None = None) -> list[Change]:
        """Recorded changes, oldest first, optionally for one record."""
        return changes(self.db, record, key)

    def undo_last(self) -> Change | None:
        """Revert the newest change not yet undone (see ``storage.undo.undo_last``)."""
        from nervelog.storage.undo import undo_last

        return undo_last(self.db, self.clock.now())

    # -- entries -------------------------------------------------------------------

    def entry(self, day: pendulum.Date) -> Entry | None:
        """The entry for one day, if logged."""
        row = records.get(self.db, ENTRY, day.isoformat())
        return None if row is None else from_row(Entry, row)

    def entries(
        self, start: pendulum.Date | None = None, end: pendulum.Date | None = None
    ) -> list[Entry]:
        """Entries in a date range (inclusive), oldest first."""
        where, params = where_range(start, end)
        rows = records.select(self.db, ENTRY, where, params, order_by=ENTRY.order_by)
        return [from_row(Entry, r) for r in rows]

    def count_entries(self) -> int:
        """How many days have an entry."""
        return self.db.table("entry").count

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
        """Store the entry for its day, based on the version it was read at.

        ``entry.version`` is the version the caller read (0: the day had no entry then).
        If the day's entry changed, appeared or went since, ``Conflict`` or
        ``RecordGone`` is raised and nothing is written.
        """
        with transaction(self.db):
            return self.store_entry(entry, based_on=entry.version)

    def update_entry(
        self, day: pendulum.Date, scores: Mapping[str, int | None], notes: str | None
    ) -> Entry:
        """Change the given scores (``None`` = skipped) and note of a day; keep the rest.

        Read and write happen in one transaction, so two processes changing different
        scores of one day both keep their change. A day with nothing in it is not
        created: it would count as a logged day.
        """
        with transaction(self.db):
            base = self.entry(day) or Entry(date=day)
            new_scores = base.scores.replace(**scores)
            new_notes = base.notes if notes is None else notes
            if base.version == 0 and new_scores.is_empty and not new_notes:
                raise Problem(
                    "scores",
                    "all skipped",
                    f"at least one score or a note, as {day} has no entry yet",
                ).error()
            # updated_at=None: the write path stamps the time of this change.
            changed = replace(base, scores=new_scores, notes=new_notes, updated_at=None)
            return self.store_entry(changed, based_on=base.version)

    def store_entry(self, entry: Entry, based_on: int | None = None) -> Entry:
        """Insert or replace an entry inside the caller's transaction (see ``save_entry``).

        ``based_on=None`` (an import) replaces whatever the day holds.
        """
        now = self.clock.now()
        key = entry.date.isoformat()
        old = records.get(self.db, ENTRY, key)
        if old is None:
            if based_on:
                raise records.gone(ENTRY, key)
            return from_row(Entry, records.insert(self.db, now, ENTRY, to_row(entry)))
        before = from_row(Entry, old)
        # An imported day edited later still has no recording time of its own.
        new = to_row(replace(entry, imported=before.imported or entry.imported))
        if based_on in (None, before.version) and same_row(old, new, _TIMES):
            return before
        return from_row(Entry, records.update(self.db, now, ENTRY, key, new, based_on=based_on))

    def delete_entry(self, day: pendulum.Date, based_on: int | None = None) -> bool:
        """Delete one day's entry; returns False if there was none.

        With ``based_on`` (the version read), an entry changed since is kept: ``Conflict``.
        """
        with transaction(self.db):
            old = records.delete(
                self.db, self.clock.now(), ENTRY, day.isoformat(), based_on=based_on
            )
            return old is not None

    # -- sessions ------------------------------------------------------------------

    def session(self, session_id: int) -> Session | None:
        """One session by id."""
        row = records.get(self.db, SESSION, session_id)
        return None if row is None else from_row(Session, row)

    def sessions(
        self, start: pendulum.Date | None = None, end: pendulum.Date | None = None
    ) -> list[Session]:
        """Sessions in a date range (inclusive), in date and time order."""
        where, params = where_range(start, end)
        rows = records.select(self.db, SESSION, where, params, order_by=SESSION.order_by)
        return [from_row(Session, r) for r in rows]

    def add_session(self, session: Session) -> Session:
        """Store a new session; returns it with its id."""
        with transaction(self.db):
            return self.store_session(session)

    def store_session(self, session: Session) -> Session:
        """Add a session inside the caller's transaction (see ``add_session``)."""
        return from_row(
            Session, records.insert(self.db, self.clock.now(), SESSION, to_row(session))
        )

    def update_session(self, session: Session) -> Session:
        """Replace a stored session (matched by id), based on the version it was read at.

        If it changed or went since ``session.version``, ``Conflict`` or ``RecordGone``
        is raised and nothing is written; the old version goes to history.
        """
        if session.id is None:
            raise ValueError("update_session needs a session with an id")
        with transaction(self.db):
            changes = to_row(replace(session, updated_at=None))
            row = records.update(
                self.db, self.clock.now(), SESSION, session.id, changes, based_on=session.version
            )
            return from_row(Session, row)

    def delete_session(self, session_id: int, based_on: int | None = None) -> bool:
        """Delete a session; returns False if there was none.

        With ``based_on`` (the version read), a session changed since is kept: ``Conflict``.
        """
        with transaction(self.db):
            old = records.delete(self.db, self.clock.now(), SESSION, session_id, based_on=based_on)
            return old is not None

    def count_sessions(self) -> int:
        """How many sessions are logged."""
        return self.db.table("session").count

    # -- settings ------------------------------------------------------------------

    def setting(self, key: str) -> str:
        """A setting's value, or its default."""
        row = records.get(self.db, SETTING, key)
        return str(row["value"]) if row else DEFAULT_SETTINGS.get(key, "")

    def set_setting(self, key: str, value: str) -> None:
        """Store a setting (history keeps the value it replaced).

        The app's own state on this device (the welcome seen, the theme) is not something
        the person wrote down: it is stored outside the history, so ``undo`` never takes
        back a theme instead of the last thing they typed.
        """
        if key not in SETTINGS:
            self.db.table("setting").upsert({"key": key, "value": value}, pk="key")
            return
        with transaction(self.db):
            if records.get(self.db, SETTING, key) is None:
                records.insert(self.db, self.clock.now(), SETTING, {"key": key, "value": value})
            else:
                records.update(self.db, self.clock.now(), SETTING, key, {"value": value})
