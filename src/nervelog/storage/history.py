"""The history of every change: nothing a user typed is ever lost.

Each insert, update and delete of a record is logged with its old and new row as JSON,
in the transaction that makes it (``storage.records``; undo is ``storage.undo``).
Changes logged as one ``Batch`` (a dose change stops one course and starts the next)
are undone together.
"""

from __future__ import annotations

import json
from typing import NamedTuple

import pendulum
from sqlite_utils import Database

from nervelog.storage.kinds import Kind
from nervelog.storage.rows import Row, iso_datetime


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


class Batch:
    """Changes made together, in one transaction, that undo must take back together."""

    def __init__(self) -> None:
        self.id: int | None = None
        """The history id of the first change logged in the batch."""


def log_change(
    db: Database,
    at: pendulum.DateTime,
    kind: Kind,
    key: object,
    action: str,
    old: Row | None,
    new: Row | None,
    batch: Batch | None = None,
    undoes: int | None = None,
) -> int:
    """Append one change to the history, inside the caller's transaction; returns its id.

    Every kind is kept in one shape: the table's row, with JSON columns as their values.
    """
    history = db.table("history")
    history.insert(
        {
            "at": iso_datetime(at),
            "record": kind.name,
            "record_key": str(key),
            "action": action,
            "old": None if old is None else _dumps(history_row(kind, old)),
            "new": None if new is None else _dumps(history_row(kind, new)),
            "undoes": undoes,
        }
    )
    change_id = int(history.last_rowid or 0)
    if batch is not None:
        if batch.id is None:
            batch.id = change_id
        history.update(change_id, {"batch": batch.id})
    return change_id


def _dumps(row: Row) -> str:
    return json.dumps(row, ensure_ascii=False)


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


def changes_in_batch(db: Database, batch: int) -> list[Change]:
    """The changes of one batch not made by an undo, newest first."""
    rows = db.query(
        "SELECT * FROM history WHERE batch = ? AND undoes IS NULL ORDER BY id DESC", [batch]
    )
    return [_change(r) for r in rows]


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


def history_row(kind: Kind, row: Row) -> Row:
    """A stored row in the shape the history keeps it: JSON columns as their values."""
    out = dict(row)
    for column in kind.json_columns:
        if isinstance(out.get(column), str):
            out[column] = json.loads(out[column])
    return out


def table_row(kind: Kind, row: Row) -> Row:
    """A history row in the shape the table stores it: JSON columns as JSON text."""
    out = dict(row)
    for column in kind.json_columns:
        if column in out and not isinstance(out[column], str):
            out[column] = json.dumps(out[column], ensure_ascii=False)
    return out
