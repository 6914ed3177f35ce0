"""Opening the journal file safely: private modes, WAL, and a clear error for bad files."""

from __future__ import annotations

import os
import sqlite3
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

from sqlite_utils import Database

from nervelog.domain.errors import JournalError
from nervelog.storage.migrations import APPLICATION_ID, migrate

SQLITE_HEADER = b"SQLite format 3\x00"
BUSY_TIMEOUT_MS = 10_000


def _create_private_file(path: Path) -> None:
    """Create the folder (0700) and an empty file (0600) before SQLite touches them."""
    try:
        if not path.parent.exists():
            path.parent.mkdir(mode=0o700, parents=True, exist_ok=True)
        fd = os.open(path, os.O_WRONLY | os.O_CREAT | os.O_EXCL, 0o600)
        os.close(fd)
    except FileExistsError:
        pass
    except OSError as exc:
        raise JournalError(f"Cannot create the journal at {path}: {exc.strerror}.") from None


def _check_existing(path: Path) -> None:
    if path.is_dir():
        raise JournalError(f"{path} is a folder, not a journal file.")
    try:
        with path.open("rb") as handle:
            header = handle.read(len(SQLITE_HEADER))
    except OSError as exc:
        raise JournalError(f"Cannot read the journal at {path}: {exc.strerror}.") from None
    if header and header != SQLITE_HEADER:
        raise JournalError(
            f"{path} is not a nervelog journal (it is not an SQLite file). It was not changed."
        )


def open_database(path: Path, *, create: bool = True) -> Database:
    """Open (creating if allowed) and migrate the journal at ``path``.

    Raises ``JournalError`` with a readable message for every way this can fail.
    """
    if not path.exists():
        if not create:
            raise JournalError(f"There is no journal at {path}.")
        _create_private_file(path)
    else:
        _check_existing(path)
    try:
        # isolation_level=None: we issue BEGIN IMMEDIATE ourselves (see transaction()).
        conn = sqlite3.connect(path, isolation_level=None, timeout=BUSY_TIMEOUT_MS / 1000)
        conn.execute(f"PRAGMA busy_timeout = {BUSY_TIMEOUT_MS}")
        app_id = conn.execute("PRAGMA application_id").fetchone()[0]
        tables = conn.execute("SELECT count(*) FROM sqlite_master").fetchone()[0]
        if tables and app_id != APPLICATION_ID:
            conn.close()
            raise JournalError(
                f"{path} is an SQLite file but not a nervelog journal. It was not changed."
            )
        conn.execute("PRAGMA journal_mode = WAL")
        conn.execute("PRAGMA synchronous = NORMAL")
        conn.execute("PRAGMA foreign_keys = ON")
        db = Database(conn)
        migrate(db)
    except sqlite3.DatabaseError as exc:
        raise JournalError(
            f"Cannot open the journal at {path}: {exc}. It was not changed."
        ) from None
    return db


def open_memory_database() -> Database:
    """A migrated in-memory journal, for tests and previews."""
    conn = sqlite3.connect(":memory:", isolation_level=None)
    db = Database(conn)
    migrate(db)
    return db


@contextmanager
def transaction(db: Database) -> Iterator[sqlite3.Connection]:
    """One all-or-nothing write.

    BEGIN IMMEDIATE takes the write lock up front, so two nervelog processes queue on
    the busy timeout instead of failing half-way with "database is locked".
    """
    conn = db.conn
    conn.execute("BEGIN IMMEDIATE")
    try:
        yield conn
    except BaseException:
        conn.execute("ROLLBACK")
        raise
    else:
        conn.execute("COMMIT")
