"""The history of every change, and undo: nothing a user typed is ever lost.

Each insert, update and delete of a record is logged with its old and new row as JSON,
in the transaction that makes it. Undo reverts the newest change not yet undone and is
itself logged, pointing at the change it reverted. Changes logged as one ``Batch``
(a dose change stops one course and starts the next) are undone together.
"""

from __future__ import annotations

import json
from typing import NamedTuple

import pendulum

from nervelog.domain.errors import JournalError
from nervelog.driver import sqlite
from nervelog.storage.database import Database
from nervelog.storage.db import transaction
from nervelog.storage.rows import Row, first_row, iso_datetime


class Change(NamedTuple):
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
    batch: int | None = None
    """The first change of the batch this one was made with, if any."""
    together: tuple[Change, ...] = ()
    """From ``undo_last``: the other changes of its batch, undone with it."""


# Where each kind of record lives and the column its history key refers to.
TABLES = {
    "entry": ("entry", "date"),
    "session": ("session", "id"),
    "phase": ("phase", "id"),
    "medication": ("medication", "id"),
    "dose": ("dose", "id"),
    "event": ("event", "id"),
    "question": ("question", "id"),
    "symptom_map": ("symptom_map", "id"),
}


class Batch:
    """Changes made together, in one transaction, that undo must take back together."""

    def __init__(self) -> None:
        self.id: int | None = None
        """The history id of the first change logged in the batch."""


def log_change(
    conn: sqlite.Connection,
    at: pendulum.DateTime,
    record: str,
    key: object,
    action: str,
    old: Row | None,
    new: Row | None,
    batch: Batch | None = None,
) -> int:
    """Append one change to the history, inside the caller's transaction; returns its id."""
    cursor = conn.execute(
        "INSERT INTO history (at, record, record_key, action, old, new) VALUES (?,?,?,?,?,?)",
        (
            iso_datetime(at),
            record,
            str(key),
            action,
            None if old is None else json.dumps(old, ensure_ascii=False),
            None if new is None else json.dumps(new, ensure_ascii=False),
        ),
    )
    change_id = int(cursor.lastrowid or 0)
    if batch is not None:
        if batch.id is None:
            batch.id = change_id
        conn.execute("UPDATE history SET batch = ? WHERE id = ?", [batch.id, change_id])
    return change_id


def changes(db: Database, record: str | None = None, key: str | None = None) -> list[Change]:
    """Recorded changes, oldest first, optionally for one record."""
    sql, params = "SELECT * FROM history", []
    if record is not None:
        sql += " WHERE record = ?"
        params.append(record)
        if key is not None:
            sql += " AND record_key = ?"
            params.append(key)
    rows = db.query(sql + " ORDER BY id", params)
    return [_change(r) for r in rows]


def last_undoable(db: Database) -> Change | None:
    """The newest change that is not an undo and has not been undone."""
    rows = db.query(
        "SELECT * FROM history WHERE undoes IS NULL AND id NOT IN "
        "(SELECT undoes FROM history WHERE undoes IS NOT NULL) ORDER BY id DESC LIMIT 1"
    )
    return next((_change(r) for r in rows), None)


def undo_last(db: Database, now: pendulum.DateTime) -> Change | None:
    """Revert the newest change not yet undone; returns it (None if there is none).

    The revert is itself recorded in history, pointing at the change it undid, so
    repeated undos walk further back and nothing is ever lost. A change made in a batch
    is reverted with the rest of its batch (listed in ``together``). Raises
    ``JournalError`` if a record no longer matches what its change left (it was changed
    outside nervelog's history), leaving the journal unchanged. A change made before a
    migration added a column is compared on the columns it knew.
    """
    with transaction(db) as conn:
        change = last_undoable(db)
        if change is None:
            return None
        members = [change]
        if change.batch is not None:
            rows = db.query(
                "SELECT * FROM history WHERE batch = ? AND undoes IS NULL ORDER BY id DESC",
                [change.batch],
            )
            members = [_change(r) for r in rows]
        reverts = Batch() if len(members) > 1 else None
        for member in members:
            _revert(conn, now, member, reverts)
        others = tuple(m for m in members if m.id != change.id)
        return change._replace(together=others)


def _revert(
    conn: sqlite.Connection, now: pendulum.DateTime, change: Change, batch: Batch | None
) -> None:
    table, column = TABLES[change.record]
    key: object = change.record_key if column == "date" else int(change.record_key)
    found = first_row(conn.execute(f'SELECT * FROM {table} WHERE "{column}" = ?', [key]))
    current = None if found is None else _history_row(change.record, found)
    if not _matches(current, change.new):
        raise JournalError(
            f"The {change.record} {change.record_key} has changed since that change "
            "was recorded, so it cannot be undone safely. Nothing was changed."
        )
    target = change.old
    try:
        if target is None:
            conn.execute(f'DELETE FROM {table} WHERE "{column}" = ?', [key])
            action = "delete"
        else:
            row = _db_row(change.record, target)
            columns = ", ".join(f'"{c}"' for c in row)
            conn.execute(
                f"INSERT OR REPLACE INTO {table} ({columns}) VALUES ({', '.join('?' * len(row))})",
                list(row.values()),
            )
            action = "insert" if current is None else "update"
    except sqlite.IntegrityError:
        raise JournalError(
            f"The {change.record} {change.record_key} cannot be undone while other records "
            "refer to it (such as the doses of a medicine). Nothing was changed."
        ) from None
    revert = log_change(conn, now, change.record, change.record_key, action, current, target, batch)
    conn.execute("UPDATE history SET undoes = ? WHERE id = ?", [change.id, revert])


def _matches(current: Row | None, recorded: Row | None) -> bool:
    """True when the stored row is still what the change left, on the columns both have.

    A migration may add a column after a change was logged; the new column is not
    evidence of a change made outside nervelog.
    """
    if current is None or recorded is None:
        return current is recorded
    shared = current.keys() & recorded.keys()
    return all(current[k] == recorded[k] for k in shared)


def json_row(row: Row) -> Row:
    """A session row for history, ``body_areas`` as a list rather than JSON text."""
    out = dict(row)
    if isinstance(out.get("body_areas"), str):
        out["body_areas"] = json.loads(out["body_areas"])
    return out


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
        batch=r.get("batch"),
    )


def _history_row(record: str, row: Row) -> Row:
    """A stored row in the shape history keeps it."""
    return json_row(row) if record == "session" else dict(row)


def _db_row(record: str, row: Row) -> Row:
    """A history row in the shape the table stores it."""
    out = dict(row)
    if record == "session" and isinstance(out.get("body_areas"), list):
        out["body_areas"] = json.dumps(out["body_areas"], ensure_ascii=False)
    return out
