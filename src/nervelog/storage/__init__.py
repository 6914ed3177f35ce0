"""Persistence: the journal file, its migrations, the repository and import/export."""

from pathlib import Path

from nervelog.domain.dates import Clock, SystemClock
from nervelog.storage.cipher import Unlock
from nervelog.storage.db import open_database_and_backup, open_memory_database
from nervelog.storage.repository import Journal


def open_journal(
    path: Path, clock: Clock | None = None, *, create: bool = True, unlock: Unlock | None = None
) -> Journal:
    """Open, check and migrate the journal file at ``path``.

    A snapshot goes into ``backups/`` beside it before any migration and at most once a
    day (see ``storage.backup``); ``Journal.auto_backup`` names one taken by this open.
    ``unlock`` gives the passphrase of an encrypted journal (see ``storage.cipher``).
    """
    db, snapshot = open_database_and_backup(
        path, create=create, clock=clock or SystemClock(), unlock=unlock
    )
    journal = Journal(db, clock)
    journal.auto_backup = snapshot
    return journal


def memory_journal(clock: Clock | None = None) -> Journal:
    """An empty in-memory journal."""
    return Journal(open_memory_database(), clock)


__all__ = ["Journal", "memory_journal", "open_journal"]
