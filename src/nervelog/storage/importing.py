"""Storing an import: all or nothing, matched against what the journal already holds.

Entries replace the stored day when they differ; sessions are matched by content, so
importing the same file twice changes nothing and an import never overwrites a session.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import replace
from typing import NamedTuple

from nervelog.domain.models import Entry, Session
from nervelog.storage import records
from nervelog.storage.db import transaction
from nervelog.storage.import_care import NO_CARE, CareRecords, apply_care
from nervelog.storage.import_file import decode_import, parse_import
from nervelog.storage.kinds import ENTRY, SESSION
from nervelog.storage.repository import Journal
from nervelog.storage.rows import from_row, same_row, to_row


class ImportResult(NamedTuple):
    """What an import did (or, for a dry run, would do)."""

    kind: str
    added: int
    updated: int
    unchanged: int
    dry_run: bool


def import_data(journal: Journal, data: bytes, *, dry_run: bool = False) -> ImportResult:
    """Validate and store an import file all-or-nothing; raises ``ValidationError``."""
    batch = parse_import(decode_import(data), journal.clock.today())
    added, updated, unchanged = apply_import(
        journal,
        batch.entries,
        batch.sessions,
        batch.care,
        dry_run=dry_run,
        # The sessions CSV has no quick-rating columns: match on what it does hold.
        session_ratings=batch.kind != "sessions",
    )
    return ImportResult(batch.kind, added, updated, unchanged, dry_run)


# What an imported entry may differ in from the stored day and still be the same entry.
_STAMPS = ("recorded_at", "updated_at", "imported", "uid", "version")


class _DryRun(Exception):
    """Raised inside a transaction to roll a dry run back."""


def apply_import(
    journal: Journal,
    entries: Iterable[Entry],
    sessions: Iterable[Session],
    care: CareRecords = NO_CARE,
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
    sessions CSV), so a stored session still matches its own exported row. Medicines,
    doses, events and questions are matched by content too (see ``import_care``).
    """
    added = updated = unchanged = 0
    try:
        db = journal.db
        with transaction(db):
            for entry in entries:
                before = records.get(db, ENTRY, entry.date.isoformat())
                if before is not None and same_row(before, to_row(entry), _STAMPS):
                    unchanged += 1
                    continue
                journal.store_entry(entry)
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
                    rows = records.select(db, SESSION, "date = ?", [day])
                    existing[day] = [from_row(Session, r) for r in rows]
                match = next(
                    (s for s in existing[day] if s.same_content(session, ratings=session_ratings)),
                    None,
                )
                if match is not None:
                    existing[day].remove(match)
                    unchanged += 1
                    continue
                if session.id is not None and records.get(db, SESSION, session.id):
                    session = replace(session, id=None)
                journal.store_session(session)
                added += 1
            care_added, care_unchanged = apply_care(db, journal.clock.now(), care)
            added += care_added
            unchanged += care_unchanged
            if dry_run:
                raise _DryRun
    except _DryRun:
        pass
    return added, updated, unchanged
