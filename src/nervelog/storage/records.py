"""Writing one record and its history row together: the pattern every table shares.

For the tables keyed by an integer ``id`` (medication, dose, event, question): each
function runs inside the caller's transaction, checks the text can be stored, and logs
the old and new row, so undo and ``nervelog history`` cover them like entries.
"""

from __future__ import annotations

import pendulum

from nervelog.domain.dates import Clock
from nervelog.domain.errors import RecordGone
from nervelog.driver import sqlite
from nervelog.storage.database import Database
from nervelog.storage.db import transaction
from nervelog.storage.history import Batch, log_change
from nervelog.storage.rows import Row, check_storable, first_row


class JournalPart:
    """One kind of record of the journal (``journal.medicines``, ``journal.events``...)."""

    def __init__(self, db: Database, clock: Clock) -> None:
        self.db = db
        self.clock = clock

    def _insert(self, record: str, row: Row) -> int:
        """Store a new row in a transaction of its own (with its history); returns the id."""
        with transaction(self.db) as conn:
            return insert(conn, self.clock.now(), record, row)

    def _delete(self, record: str, record_id: int) -> bool:
        """Delete a row in a transaction of its own (history keeps it); False when none."""
        with transaction(self.db) as conn:
            return delete(conn, self.clock.now(), record, record_id)


def fetch(conn: sqlite.Connection, record: str, record_id: int) -> Row | None:
    """The stored row of ``record`` ``record_id``, or None."""
    return first_row(conn.execute(f"SELECT * FROM {record} WHERE id = ?", [record_id]))


def fetch_by(conn: sqlite.Connection, record: str, column: str, value: object) -> Row | None:
    """The stored row of ``record`` whose ``column`` is ``value`` (a unique column), or None."""
    return first_row(conn.execute(f'SELECT * FROM {record} WHERE "{column}" = ?', [value]))


def fetch_existing(conn: sqlite.Connection, record: str, record_id: int, what: str) -> Row:
    """The stored row, or ``RecordGone`` naming ``what`` ("medicine 4") for the user."""
    row = fetch(conn, record, record_id)
    if row is None:
        raise RecordGone(
            f"There is no {what} in the journal (see its list command). Nothing was changed."
        )
    return row


def insert(
    conn: sqlite.Connection,
    now: pendulum.DateTime,
    record: str,
    row: Row,
    batch: Batch | None = None,
) -> int:
    """Store a new row (its ``id`` kept when given and free); returns the id."""
    check_storable(row)
    values = dict(row)
    if values.get("id") is not None and fetch(conn, record, int(values["id"])) is not None:
        values["id"] = None
    if values.get("id") is None:
        values.pop("id", None)
    columns = ", ".join(f'"{c}"' for c in values)
    cursor = conn.execute(
        f"INSERT INTO {record} ({columns}) VALUES ({', '.join('?' * len(values))})",
        list(values.values()),
    )
    new_id = int(cursor.lastrowid or 0)
    stored = fetch(conn, record, new_id)
    log_change(conn, now, record, new_id, "insert", None, stored, batch)
    return new_id


def update(
    conn: sqlite.Connection,
    now: pendulum.DateTime,
    record: str,
    old: Row,
    changes: Row,
    batch: Batch | None = None,
) -> Row:
    """Change some columns of a stored row (``old``); returns the new row."""
    check_storable(changes)
    new = {**old, **changes}
    if new == old:
        return old
    assignments = ", ".join(f'"{c}" = ?' for c in changes)
    conn.execute(f"UPDATE {record} SET {assignments} WHERE id = ?", [*changes.values(), old["id"]])
    log_change(conn, now, record, old["id"], "update", old, new, batch)
    return new


def delete(conn: sqlite.Connection, now: pendulum.DateTime, record: str, record_id: int) -> bool:
    """Delete a row; False when there was none."""
    old = fetch(conn, record, record_id)
    if old is None:
        return False
    conn.execute(f"DELETE FROM {record} WHERE id = ?", [record_id])
    log_change(conn, now, record, record_id, "delete", old, None)
    return True
