"""Persistence: the journal file, its migrations, the repository and import/export."""

import sys
from pathlib import Path


def _import_sqlite_utils_without_numpy() -> None:
    """Import sqlite_utils without letting it import numpy and pandas.

    sqlite_utils imports numpy and pandas at import time whenever they are installed
    (matplotlib brings numpy), only to map their types to column types, which nervelog
    never passes. That costs ~200 ms on every ``nervelog log``; hiding the two modules
    for the length of the import makes sqlite_utils skip them. They stay importable
    afterwards (the PDF chart imports numpy through matplotlib).
    """
    hidden = [name for name in ("numpy", "pandas") if name not in sys.modules]
    for name in hidden:
        sys.modules[name] = None  # type: ignore[assignment]  # the import-blocking marker
    try:
        import sqlite_utils  # noqa: F401
    finally:
        for name in hidden:
            if sys.modules.get(name, False) is None:
                del sys.modules[name]


_import_sqlite_utils_without_numpy()

# These import sqlite_utils, so they come after it.
from nervelog.domain.dates import Clock, SystemClock  # noqa: E402
from nervelog.storage.db import open_database_and_backup, open_memory_database  # noqa: E402
from nervelog.storage.repository import Journal  # noqa: E402


def open_journal(path: Path, clock: Clock | None = None, *, create: bool = True) -> Journal:
    """Open, check and migrate the journal file at ``path``.

    A snapshot goes into ``backups/`` beside it before any migration and at most once a
    day (see ``storage.backup``); ``Journal.auto_backup`` names one taken by this open.
    """
    db, snapshot = open_database_and_backup(path, create=create, clock=clock or SystemClock())
    journal = Journal(db, clock)
    journal.auto_backup = snapshot
    return journal


def memory_journal(clock: Clock | None = None) -> Journal:
    """An empty in-memory journal."""
    return Journal(open_memory_database(), clock)


__all__ = ["Journal", "memory_journal", "open_journal"]
