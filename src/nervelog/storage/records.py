"""The one write path: every insert, update and delete of every kind of record.

Each function runs inside the caller's transaction (``db.transaction``), through
sqlite-utils' table methods, and logs the same table-shaped history row whatever the
kind. Every record carries a global ``uid`` and a ``version`` that every write bumps; an
update or delete that names the version it was based on is refused with ``Conflict`` when
the record changed since, and nothing is written.
"""

from __future__ import annotations

import uuid
from collections.abc import Iterator, Sequence
from typing import Any, Generic

import pendulum
from sqlite_utils import Database

from nervelog.domain.dates import Clock
from nervelog.domain.errors import Conflict, RecordGone
from nervelog.driver import sqlite
from nervelog.storage.db import transaction
from nervelog.storage.history import Batch, history_row, log_change, table_row
from nervelog.storage.kinds import Kind
from nervelog.storage.rows import R, Row, check_storable, from_row, iso_datetime, to_row

IDENTITY = ("uid", "version")
"""The columns every record has beside its own: its global identity and its version."""


def new_uid() -> str:
    """A fresh global identity (a random UUID: see migration 5 for why)."""
    return str(uuid.uuid4())


def select(
    db: Database,
    kind: Kind,
    where: str | None = None,
    params: Sequence[Any] = (),
    *,
    order_by: str | None = None,
    limit: int | None = None,
) -> Iterator[Row]:
    """The rows of a kind's table, ``where`` a condition holds, in ``order_by`` order.

    Through ``db.query`` rather than ``table.rows_where``, which yields nothing for a
    missing table: a damaged journal must say so, not look empty.
    """
    sql = f"SELECT * FROM [{kind.name}]"
    if where:
        sql += f" WHERE {where}"
    if order_by:
        sql += f" ORDER BY {order_by}"
    if limit is not None:
        sql += f" LIMIT {int(limit)}"
    return db.query(sql, list(params))


def get(db: Database, kind: Kind, key: Any) -> Row | None:
    """The stored row of the ``kind`` record at ``key``, or None."""
    return next(select(db, kind, f"[{kind.key}] = ?", [key]), None)


def get_existing(db: Database, kind: Kind, key: Any) -> Row:
    """The stored row, or ``RecordGone`` naming it ("medicine 4") for the user."""
    row = get(db, kind, key)
    if row is None:
        raise gone(kind, key)
    return row


def gone(kind: Kind, key: Any) -> RecordGone:
    """The error for a record that is not (or no longer) in the journal."""
    return RecordGone(
        f"There is no {kind.noun} {key} in the journal: it may have been deleted elsewhere "
        "(another window or the command line). Nothing was changed."
    )


def insert(
    db: Database,
    now: pendulum.DateTime,
    kind: Kind,
    row: Row,
    batch: Batch | None = None,
    undoes: int | None = None,
    *,
    check: bool = True,
) -> Row:
    """Store a new record (its key kept when given and free); returns the stored row.

    A row without a ``uid`` gets a new one; an imported row keeps its own and its version,
    unless another record already has that ``uid`` (then it is a different record now).
    A kind with recording times gets them stamped ``now`` where the row has none.
    ``check=False`` (undo only) stores text that was stored before, even text a later
    nervelog refuses, such as a NUL kept from before it did.
    """
    if check:
        check_storable(history_row(kind, row))  # JSON columns checked value by value
    uid = row.get("uid")
    if not uid or db.table(kind.name).count_where("uid = ?", [uid]):
        uid = new_uid()
    values = {**row, "uid": uid, "version": row.get("version") or 1}
    if kind.stamped:
        for stamp in ("recorded_at", "updated_at"):
            values[stamp] = values.get(stamp) or iso_datetime(now)
    if kind.key == "id" and (values.get("id") is None or get(db, kind, values["id"])):
        values.pop("id", None)
    table = db.table(kind.name)
    if not table.exists():
        # sqlite-utils would create the table from the row: a damaged journal says so.
        raise sqlite.OperationalError(f"no such table: {kind.name}")
    table.insert(table_row(kind, values))
    key = values[kind.key] if kind.key in values else table.last_rowid
    stored = get_existing(db, kind, key)
    log_change(db, now, kind, key, "insert", None, stored, batch, undoes)
    return stored


def update(
    db: Database,
    now: pendulum.DateTime,
    kind: Kind,
    key: Any,
    changes: Row,
    *,
    based_on: int | None = None,
    batch: Batch | None = None,
    undoes: int | None = None,
    check: bool = True,
) -> Row:
    """Change some columns of a stored record; returns the new row.

    ``based_on`` is the version the caller read: if the record has changed since,
    ``Conflict`` is raised and nothing is written. A change that changes nothing writes
    nothing (no new version, no history). A kind with recording times keeps the first
    and gets ``updated_at`` stamped ``now`` unless ``changes`` gives one.
    """
    old = get_existing(db, kind, key)
    _check_version(kind, key, old, changes, based_on)
    if check:
        check_storable(history_row(kind, changes))
    kept = (*IDENTITY, kind.key, "recorded_at") if kind.stamped else (*IDENTITY, kind.key)
    content = table_row(kind, {k: v for k, v in changes.items() if k not in kept})
    if kind.stamped and content.get("updated_at") is None:
        content.pop("updated_at", None)
    if all(old.get(k) == v for k, v in content.items()):
        return old
    if kind.stamped:
        content.setdefault("updated_at", iso_datetime(now))
    content["version"] = int(old["version"]) + 1
    db.table(kind.name).update(key, content)
    new = {**old, **content}
    log_change(db, now, kind, key, "update", old, new, batch, undoes)
    return new


def delete(
    db: Database,
    now: pendulum.DateTime,
    kind: Kind,
    key: Any,
    *,
    based_on: int | None = None,
    batch: Batch | None = None,
    undoes: int | None = None,
) -> Row | None:
    """Delete a record (history keeps it); returns the deleted row, None when none.

    With ``based_on``, a record changed since that version is not deleted: ``Conflict``.
    """
    old = get(db, kind, key)
    if old is None:
        return None
    _check_version(kind, key, old, None, based_on)
    db.table(kind.name).delete(key)
    log_change(db, now, kind, key, "delete", old, None, batch, undoes)
    return old


def _check_version(
    kind: Kind, key: Any, stored: Row, attempted: Row | None, based_on: int | None
) -> None:
    if based_on is not None and int(stored["version"]) != based_on:
        raise Conflict(
            kind.noun,
            key,
            stored,
            None if attempted is None else {**stored, **table_row(kind, attempted)},
            based_on,
        )


class JournalPart(Generic[R]):
    """One kind of record of the journal (``journal.events``, ``journal.questions``...):
    read, added and deleted through the one write path, each write a transaction."""

    kind: Kind
    record: type[R]

    def __init__(self, db: Database, clock: Clock) -> None:
        self.db = db
        self.clock = clock

    def get(self, key: Any) -> R | None:
        """One record by its key (an id), or None."""
        row = get(self.db, self.kind, key)
        return None if row is None else from_row(self.record, row)

    def where(self, condition: str | None = None, params: Sequence[Any] = ()) -> list[R]:
        """The records for which ``condition`` holds (all by default), in the kind's order."""
        rows = select(self.db, self.kind, condition, params, order_by=self.kind.order_by)
        return [from_row(self.record, row) for row in rows]

    def add(self, record: R) -> R:
        """Store a new record (history keeps it); returns it as stored, with its id."""
        with transaction(self.db):
            return from_row(
                self.record, insert(self.db, self.clock.now(), self.kind, to_row(record))
            )

    def delete(self, key: Any, based_on: int | None = None) -> bool:
        """Delete a record (history keeps it); False when there was none.

        With ``based_on`` (the version read), one changed since is kept: ``Conflict``.
        """
        with transaction(self.db):
            old = delete(self.db, self.clock.now(), self.kind, key, based_on=based_on)
            return old is not None
