"""Undo: revert the newest change not yet undone, through the one write path.

The revert is itself recorded in the history, pointing at the change it undid, so
repeated undos walk further back and nothing is ever lost.
"""

from __future__ import annotations

from typing import Any

import pendulum
from sqlite_utils import Database

from nervelog.domain.errors import JournalError
from nervelog.driver import sqlite
from nervelog.storage import records
from nervelog.storage.db import transaction
from nervelog.storage.history import Batch, Change, changes_in_batch, history_row, last_undoable
from nervelog.storage.kinds import kind_named


def undo_last(db: Database, now: pendulum.DateTime) -> Change | None:
    """Revert the newest change not yet undone; returns it (None if there is none).

    A change made in a batch is reverted with the rest of its batch (listed in
    ``together``). Raises ``JournalError`` if a record no longer matches what its change
    left (it was changed outside nervelog's history), leaving the journal unchanged. A
    change made before a migration added a column is compared on the columns it knew.
    """
    with transaction(db):
        change = last_undoable(db)
        if change is None:
            return None
        members = [change] if change.batch is None else changes_in_batch(db, change.batch)
        reverts = Batch() if len(members) > 1 else None
        for member in members:
            _revert(db, now, member, reverts)
        others = tuple(m for m in members if m.id != change.id)
        return change._replace(together=others)


def _revert(db: Database, now: pendulum.DateTime, change: Change, batch: Batch | None) -> None:
    kind = kind_named(change.record)
    key: Any = change.record_key if kind.key != "id" else int(change.record_key)
    found = records.get(db, kind, key)
    current = None if found is None else history_row(kind, found)
    # Older history kept some JSON columns as text: compare and restore their values.
    if not _matches(current, None if change.new is None else history_row(kind, change.new)):
        raise JournalError(
            f"The {kind.noun} {change.record_key} has changed since that change "
            "was recorded, so it cannot be undone safely. Nothing was changed."
        )
    target = None if change.old is None else history_row(kind, change.old)
    # What was stored once is put back as it was, even text later versions refuse.
    try:
        if target is None:
            records.delete(db, now, kind, key, batch=batch, undoes=change.id)
        elif current is None:
            # Back as it was, with its identity, at a version after the one deleted.
            again = {**target, "version": int(target.get("version") or 0) + 1}
            records.insert(db, now, kind, again, batch, undoes=change.id, check=False)
        else:
            records.update(db, now, kind, key, target, batch=batch, undoes=change.id, check=False)
    except sqlite.IntegrityError:
        raise JournalError(
            f"The {kind.noun} {change.record_key} cannot be undone while other records "
            "refer to it (such as the doses of a medicine). Nothing was changed."
        ) from None


def _matches(current: dict[str, Any] | None, recorded: dict[str, Any] | None) -> bool:
    """True when the stored row is still what the change left, on the columns both have.

    A migration may add a column after a change was logged; the new column is not
    evidence of a change made outside nervelog. Nor is the version alone: undoing a later
    change puts the earlier content back at a new version.
    """
    if current is None or recorded is None:
        return current is recorded
    # An undo puts content back at a new version: the content is what must match.
    shared = (current.keys() & recorded.keys()) - {"version"}
    return all(current[k] == recorded[k] for k in shared)
