"""Persistence: the journal file, its migrations, the repository and import/export."""

from pathlib import Path

from nervelog.domain.dates import Clock
from nervelog.storage.db import open_database, open_memory_database
from nervelog.storage.repository import Journal


def open_journal(path: Path, clock: Clock | None = None, *, create: bool = True) -> Journal:
    """Open (and migrate) the journal file at ``path``."""
    return Journal(open_database(path, create=create), clock)


def memory_journal(clock: Clock | None = None) -> Journal:
    """An empty in-memory journal."""
    return Journal(open_memory_database(), clock)


__all__ = ["Journal", "memory_journal", "open_journal"]
