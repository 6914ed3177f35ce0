"""The journal: every read and write of entries, sessions, phases and settings.

Each write is one transaction that also appends to the history table, so nothing a
user typed is ever lost.
"""

from __future__ import annotations

import json
import sqlite3
from collections.abc import Iterable, Iterator, Mapping
from dataclasses import dataclass
from pathlib import Path

import pendulum
from sqlite_utils import Database

from nervelog.domain.dates import Clock, SystemClock
from nervelog.domain.errors import JournalError, Problem, ValidationError
from nervelog.domain.models import Entry, Phase, Session
from nervelog.domain.validation import STORABLE_TEXT, unstorable
from nervelog.storage.db import transaction
from nervelog.storage.rows import (
    Row,
    entry_from_row,
    entry_to_row,
    iso_datetime,
    phase_from_row,
    phase_to_row,
    session_from_row,
    session_to_dict,
    session_to_row,
)

DEFAULT_SETTINGS = {"display_name": "", "paper_size": "a4", "week_start": "monday"}


class _DryRun(Exception):
    """Raised inside a transaction to roll a dry run back."""


@dataclass(frozen=True)
class Change:
    """One recorded insert, update or delete."""

    id: int
    at: str
    record: str
    record_key: str
    action: str
    old: Row | None
    new: Row | None
    undoes: int | None = None
    """For a change made by ``undo_last``: the id of the change it reverted."""


# Where each kind of record lives and the column its history key refers to.
_TABLES = {"entry": ("entry", "date"), "session": ("session", "id"), "phase": ("phase", "id")}


def _where_range(start: pendulum.Date | None, end: pendulum.Date | None) -> tuple[str, list[str]]:
    clauses, params = [], []
    if start is not None:
        clauses.append("date >= ?")
        params.append(start.isoformat())
    if end is not None:
        clauses.append("date <= ?")
        params.append(end.isoformat())
    return (" WHERE " + " AND ".join(clauses) if clauses else ""), params


class Journal:
    """A person's journal, backed by one SQLite database."""

    def __init__(self, db: Database, clock: Clock | None = None) -> None:
        self.db = db
        self.clock: Clock = clock or SystemClock()
        self.auto_backup: Path | None = None
        """The snapshot taken when this journal was opened, if one was."""

    # -- history -----------------------------------------------------------------

    def _log(
        self,
        conn: sqlite3.Connection,
        record: str,
        key: object,
        action: str,
        old: Row | None,
        new: Row | None,
    ) -> None:
        conn.execute(
            "INSERT INTO history (at, record, record_key, action, old, new) VALUES (?,?,?,?,?,?)",
            (
                iso_datetime(self.clock.now()),
                record,
                str(key),
                action,
                None if old is None else json.dumps(old, ensure_ascii=False),
                None if new is None else json.dumps(new, ensure_ascii=False),
            ),
        )

    def history(self, record: str | None = None, key: str | None = None) -> list[Change]:
        """Recorded changes, oldest first, optionally for one record."""
        sql, params = "SELECT * FROM history", []
        if record is not None:
            sql += " WHERE record = ?"
            params.append(record)
            if key is not None:
                sql += " AND record_key = ?"
                params.append(key)
        rows = self.db.query(sql + " ORDER BY id", params)
        return [_change(r) for r in rows]

    def last_undoable(self) -> Change | None:
        """The newest change that is not an undo and has not been undone."""
        rows = self.db.query(
            "SELECT * FROM history WHERE undoes IS NULL AND id NOT IN "
            "(SELECT undoes FROM history WHERE undoes IS NOT NULL) ORDER BY id DESC LIMIT 1"
        )
        return next((_change(r) for r in rows), None)

    def undo_last(self) -> Change | None:
        """Revert the newest change not yet undone; returns it (None if there is none).

        The revert is itself recorded in history, pointing at the change it undid, so
        repeated undos walk further back and nothing is ever lost. Raises
        ``JournalError`` if the record no longer matches what that change left (it was
        changed outside nervelog's history), leaving the journal unchanged.
        """
        with transaction(self.db) as conn:
            change = self.last_undoable()
            if change is None:
                return None
            table, column = _TABLES[change.record]
            key: object = change.record_key if column == "date" else int(change.record_key)
            found = _first_dict(conn.execute(f'SELECT * FROM {table} WHERE "{column}" = ?', [key]))
            current = None if found is None else _history_row(change.record, found)
            if current != change.new:
                raise JournalError(
                    f"The {change.record} {change.record_key} has changed since that change "
                    "was recorded, so it cannot be undone safely. Nothing was changed."
                )
            target = change.old
            if target is None:
                conn.execute(f'DELETE FROM {table} WHERE "{column}" = ?', [key])
                action = "delete"
            else:
                row = _db_row(change.record, target)
                columns = ", ".join(f'"{c}"' for c in row)
                conn.execute(
                    f"INSERT OR REPLACE INTO {table} ({columns}) "
                    f"VALUES ({', '.join('?' * len(row))})",
                    list(row.values()),
                )
                action = "insert" if current is None else "update"
            self._log(conn, change.record, change.record_key, action, current, target)
            conn.execute(
                "UPDATE history SET undoes = ? WHERE id = last_insert_rowid()", [change.id]
            )
            return change

    # -- entries -------------------------------------------------------------------

    def entry(self, day: pendulum.Date) -> Entry | None:
        """The entry for one day, if logged."""
        rows = list(self.db.query("SELECT * FROM entry WHERE date = ?", [day.isoformat()]))
        return entry_from_row(rows[0]) if rows else None

    def entries(
        self, start: pendulum.Date | None = None, end: pendulum.Date | None = None
    ) -> list[Entry]:
        """Entries in a date range (inclusive), oldest first."""
        where, params = _where_range(start, end)
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
            return self._save_entry(conn, entry)

    def update_entry(
        self, day: pendulum.Date, scores: Mapping[str, int | None], notes: str | None
    ) -> Entry:
        """Change the given scores (``None`` = skipped) and note of a day; keep the rest.

        Read and write happen in one transaction, so two processes changing different
        scores of one day both keep their change. A day with nothing in it is not
        created: it would count as a logged day.
        """
        with transaction(self.db) as conn:
            old = _first_dict(conn.execute("SELECT * FROM entry WHERE date = ?", [day.isoformat()]))
            base = entry_from_row(old) if old is not None else Entry(date=day)
            new_scores = base.scores.replace(**scores)
            new_notes = base.notes if notes is None else notes
            if old is None and new_scores.is_empty and not new_notes:
                raise Problem(
                    "scores",
                    "all skipped",
                    f"at least one score or a note, as {day} has no entry yet",
                ).error()
            # updated_at=None: _save_entry stamps the time of this change.
            changed = base.with_changes(scores=new_scores, notes=new_notes, updated_at=None)
            return self._save_entry(conn, changed)

    def _save_entry(self, conn: sqlite3.Connection, entry: Entry) -> Entry:
        now = self.clock.now()
        old_rows = conn.execute("SELECT * FROM entry WHERE date = ?", [entry.date.isoformat()])
        old = _first_dict(old_rows)
        if old is not None:
            stored = entry.with_changes(
                recorded_at=entry_from_row(old).recorded_at, updated_at=entry.updated_at or now
            )
        else:
            stored = entry.with_changes(
                recorded_at=entry.recorded_at or now, updated_at=entry.updated_at or now
            )
        new = entry_to_row(stored)
        _check_storable(new)
        if old is not None and _same(old, new, ("recorded_at", "updated_at")):
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
            old = _first_dict(conn.execute("SELECT * FROM entry WHERE date = ?", [day.isoformat()]))
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
        where, params = _where_range(start, end)
        sql = f"SELECT * FROM session{where} ORDER BY date, coalesce(time, ''), id"
        return [session_from_row(r) for r in self.db.query(sql, params)]

    def add_session(self, session: Session) -> Session:
        """Store a new session; returns it with its id."""
        with transaction(self.db) as conn:
            return self._add_session(conn, session)

    def _add_session(self, conn: sqlite3.Connection, session: Session) -> Session:
        now = self.clock.now()
        stored = session.with_changes(
            recorded_at=session.recorded_at or now, updated_at=session.updated_at or now
        )
        row = session_to_row(stored)
        _check_storable(session_to_dict(stored))
        if row["id"] is None:
            del row["id"]
        cursor = conn.execute(
            f"INSERT INTO session ({', '.join(row)}) VALUES ({', '.join('?' * len(row))})",
            list(row.values()),
        )
        new_id = int(cursor.lastrowid or 0)
        result = stored.with_changes(id=new_id)
        self._log(conn, "session", new_id, "insert", None, _json_row(session_to_row(result)))
        return result

    def update_session(self, session: Session) -> Session:
        """Replace a stored session (matched by id); the old version goes to history."""
        if session.id is None:
            raise ValueError("update_session needs a session with an id")
        with transaction(self.db) as conn:
            old = _first_dict(conn.execute("SELECT * FROM session WHERE id = ?", [session.id]))
            if old is None:
                raise KeyError(session.id)
            stored = session.with_changes(
                recorded_at=session_from_row(old).recorded_at, updated_at=self.clock.now()
            )
            new = session_to_row(stored)
            _check_storable(session_to_dict(stored))
            if _same(old, new, ("recorded_at", "updated_at")):
                return session_from_row(old)
            assignments = ", ".join(f"{k} = ?" for k in new if k != "id")
            conn.execute(
                f"UPDATE session SET {assignments} WHERE id = ?",
                [v for k, v in new.items() if k != "id"] + [session.id],
            )
            self._log(conn, "session", session.id, "update", _json_row(old), _json_row(new))
            return session_from_row(new)

    def delete_session(self, session_id: int) -> bool:
        """Delete a session; returns False if there was none."""
        with transaction(self.db) as conn:
            old = _first_dict(conn.execute("SELECT * FROM session WHERE id = ?", [session_id]))
            if old is None:
                return False
            conn.execute("DELETE FROM session WHERE id = ?", [session_id])
            self._log(conn, "session", session_id, "delete", _json_row(old), None)
            return True

    # -- bulk ----------------------------------------------------------------------

    def apply_import(
        self,
        entries: Iterable[Entry],
        sessions: Iterable[Session],
        *,
        dry_run: bool = False,
        session_ratings: bool = True,
    ) -> tuple[int, int, int]:
        """Store imported records in ONE transaction; returns (added, updated, unchanged).

        With ``dry_run`` the very same work is done and then rolled back, so the counts
        are exactly what a real import would report.

        Entries replace the stored day when they differ. Sessions are matched by content:
        an identical stored session is left alone, anything else is added (keeping its id
        when that id is free), so an import never overwrites a session. Pass
        ``session_ratings=False`` when the source cannot hold the quick ratings (the
        sessions CSV), so a stored session still matches its own exported row.
        """
        added = updated = unchanged = 0
        try:
            with transaction(self.db) as conn:
                for entry in entries:
                    before = _first_dict(
                        conn.execute("SELECT * FROM entry WHERE date = ?", [entry.date.isoformat()])
                    )
                    if before is not None and _same(
                        before, entry_to_row(entry), ("recorded_at", "updated_at")
                    ):
                        unchanged += 1
                        continue
                    self._save_entry(conn, entry)
                    if before is None:
                        added += 1
                    else:
                        updated += 1
                # Each stored session can match one imported session, so two identical
                # sessions on one day in the file are both kept.
                existing: dict[str, list[Session]] = {}
                for session in sessions:
                    day = session.date.isoformat()
                    if day not in existing:
                        rows = conn.execute("SELECT * FROM session WHERE date = ?", [day])
                        existing[day] = [session_from_row(r) for r in _dicts(rows)]
                    match = next(
                        (
                            s
                            for s in existing[day]
                            if s.same_content(session, ratings=session_ratings)
                        ),
                        None,
                    )
                    if match is not None:
                        existing[day].remove(match)
                        unchanged += 1
                        continue
                    if session.id is not None:
                        taken = conn.execute(
                            "SELECT 1 FROM session WHERE id = ?", [session.id]
                        ).fetchone()
                        if taken:
                            session = session.with_changes(id=None)
                    self._add_session(conn, session)
                    added += 1
                if dry_run:
                    raise _DryRun
        except _DryRun:
            pass
        return added, updated, unchanged

    # -- phases --------------------------------------------------------------------

    def phases(self) -> list[Phase]:
        """All named phases, by start date."""
        return [phase_from_row(r) for r in self.db.query("SELECT * FROM phase ORDER BY start, id")]

    def add_phase(self, phase: Phase) -> Phase:
        """Store a new phase; returns it with its id."""
        with transaction(self.db) as conn:
            row = phase_to_row(phase)
            _check_storable(row)
            del row["id"]
            cursor = conn.execute(
                'INSERT INTO phase (name, start, "end") VALUES (?, ?, ?)',
                [row["name"], row["start"], row["end"]],
            )
            stored = Phase(
                name=phase.name, start=phase.start, end=phase.end, id=int(cursor.lastrowid or 0)
            )
            self._log(conn, "phase", stored.id, "insert", None, phase_to_row(stored))
            return stored

    def delete_phase(self, phase_id: int) -> bool:
        """Delete a phase; returns False if there was none."""
        with transaction(self.db) as conn:
            old = _first_dict(conn.execute("SELECT * FROM phase WHERE id = ?", [phase_id]))
            if old is None:
                return False
            conn.execute("DELETE FROM phase WHERE id = ?", [phase_id])
            self._log(conn, "phase", phase_id, "delete", old, None)
            return True

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


def _dicts(cursor: sqlite3.Cursor) -> Iterator[Row]:
    names = [d[0] for d in cursor.description]
    for values in cursor.fetchall():
        yield dict(zip(names, values, strict=True))


def _first_dict(cursor: sqlite3.Cursor) -> Row | None:
    return next(_dicts(cursor), None)


def _json_row(row: Row) -> Row:
    """A session row for history, ``body_areas`` as a list rather than JSON text."""
    out = dict(row)
    if isinstance(out.get("body_areas"), str):
        out["body_areas"] = json.loads(out["body_areas"])
    return out


def _check_storable(row: Row) -> None:
    """Refuse text that SQLite cannot store or that could not be exported faithfully.

    Validation refuses it too (with line numbers); this is the backstop for callers
    that build models directly, such as ``nervelog log --note``.
    """
    problems = []
    for key, value in row.items():
        texts = value if isinstance(value, list | tuple) else [value]
        for text in texts:
            if isinstance(text, str) and (reason := unstorable(text)) is not None:
                problems.append(Problem(key, reason, STORABLE_TEXT))
                break
    if problems:
        raise ValidationError(problems)


def _change(r: Row) -> Change:
    return Change(
        id=r["id"],
        at=r["at"],
        record=r["record"],
        record_key=r["record_key"],
        action=r["action"],
        old=None if r["old"] is None else json.loads(r["old"]),
        new=None if r["new"] is None else json.loads(r["new"]),
        undoes=r.get("undoes"),
    )


def _history_row(record: str, row: Row) -> Row:
    """A stored row in the shape history keeps it."""
    return _json_row(row) if record == "session" else dict(row)


def _db_row(record: str, row: Row) -> Row:
    """A history row in the shape the table stores it."""
    out = dict(row)
    if record == "session" and isinstance(out.get("body_areas"), list):
        out["body_areas"] = json.dumps(out["body_areas"], ensure_ascii=False)
    return out


def _same(a: Row, b: Row, ignore: tuple[str, ...]) -> bool:
    return all(a.get(k) == v for k, v in b.items() if k not in ignore and k != "id")
