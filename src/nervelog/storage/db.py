"""Opening the journal file safely: private modes, WAL, and a clear error for bad files."""

from __future__ import annotations

import os
import random
import time
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

from sqlite_utils import Database

from nervelog.domain.dates import Clock
from nervelog.domain.errors import JournalError, JournalUnavailable
from nervelog.driver import sqlite
from nervelog.storage import backup, cipher
from nervelog.storage.connect import BUSY_TIMEOUT_MS, connect, journal_version
from nervelog.storage.files import SQLITE_HEADER, file_header
from nervelog.storage.migrations import LATEST_VERSION, migrate, schema_version


def _create_private_file(path: Path) -> None:
    """Create the folder (0700) and an empty file (0600) before SQLite touches them."""
    try:
        # Each folder made for it is private, not only the last (mkdir's parents=True
        # would leave the others to the umask).
        for folder in reversed([p for p in path.parents if not p.exists()]):
            folder.mkdir(mode=0o700, exist_ok=True)
        fd = os.open(path, os.O_WRONLY | os.O_CREAT | os.O_EXCL, 0o600)
        os.close(fd)
    except FileExistsError:
        pass
    except OSError as exc:
        raise JournalError(f"Cannot create the journal at {path}: {exc.strerror}.") from None


def _damaged(path: Path, what: str) -> JournalError:
    """A clear error for a journal that cannot be used, naming the newest good backup."""
    return JournalError(f"{what} It was not changed. {backup.restore_hint(path)}")


def _check_existing(path: Path) -> bool:
    """Refuse what cannot be a journal; True when the file is an encrypted one."""
    if path.is_dir():
        raise JournalError(f"{path} is a folder, not a journal file.")
    try:
        header = file_header(path)
    except OSError as exc:
        raise JournalError(f"Cannot read the journal at {path}: {exc.strerror}.") from None
    if cipher.is_encrypted(path):
        return True
    if header and header != SQLITE_HEADER:
        raise _damaged(path, f"{path} is not a nervelog journal (it is not an SQLite file).")
    return False


def open_database_and_backup(
    path: Path,
    *,
    create: bool = True,
    clock: Clock | None = None,
    unlock: cipher.Unlock | None = None,
) -> tuple[Database, Path | None]:
    """Open (creating if allowed), check and migrate the journal at ``path``.

    A quick integrity check runs first. With a ``clock``, a snapshot is taken into
    ``backups/`` before any migration and at most once a day; the path of a snapshot
    taken now is returned alongside the database.

    An encrypted journal is opened with the passphrase ``unlock`` returns (it is asked
    only for an encrypted one). Raises ``JournalError`` with a readable message for
    every way this can fail.
    """
    encrypted = False
    if not path.exists():
        if not create:
            raise JournalError(f"There is no journal at {path}.")
        _create_private_file(path)
    else:
        encrypted = _check_existing(path)
    conn: sqlite.Connection | None = None
    try:
        key = None
        if encrypted:
            if unlock is None:
                raise JournalError(
                    f"The journal at {path} is encrypted, and no passphrase was given."
                )
            key = unlock(path)
        if _unwritable(path):
            return _read_only(path, key), None
        conn = connect(path, key=key)
        conn.execute(f"PRAGMA busy_timeout = {BUSY_TIMEOUT_MS}")
        journal_version(conn, path)
        _quick_check(conn, path)
        _use_wal(conn)
        conn.execute("PRAGMA synchronous = NORMAL")
        conn.execute("PRAGMA foreign_keys = ON")
        db = wrap(conn)
        snapshot = _backup_before_migrating(db, path, clock)
        migrate(db)
        if snapshot is None:
            snapshot = _daily_backup(conn, path, clock)
    except sqlite.OperationalError as exc:
        # Full disk, I/O error, lock held too long: the file is fine, the moment is not.
        if conn is not None:
            conn.close()
        raise JournalUnavailable(
            f"Cannot open the journal at {path}: {exc}. It was not changed.",
            exc,
            path,
            BUSY_TIMEOUT_MS,
        ) from None
    except sqlite.DatabaseError as exc:
        if conn is not None:
            conn.close()
        raise _damaged(path, f"Cannot open the journal at {path}: {exc}.") from None
    except BaseException:
        if conn is not None:
            conn.close()
        raise
    return db, snapshot


def _unwritable(path: Path) -> bool:
    """Whether the journal sits on a disk nothing can write (a read-only mount)."""
    try:
        return os.statvfs(path).f_flag & os.ST_RDONLY != 0
    except (OSError, AttributeError):
        return False


def _read_only(path: Path, key: str | None) -> Database:
    """The journal on a read-only disk, opened to be read: it can be shown and exported.

    Nothing can change it there, so SQLite reads it as it is, without the side files WAL
    mode would otherwise have to create. A write is refused with a message saying the
    journal cannot be written; a journal that needs upgrading cannot be opened.
    """
    wal = path.with_name(path.name + "-wal")
    if wal.exists() and wal.stat().st_size:
        raise JournalError(
            f"The journal at {path} is on a read-only disk with changes not yet written into "
            f"it ({wal.name}): copy both to a writable folder to open it. It was not changed."
        )
    conn = connect(path, key=key, unchanging=True)
    try:
        version = journal_version(conn, path)
        if version != LATEST_VERSION:
            raise JournalError(
                f"The journal at {path} needs upgrading to be opened, but it is on a "
                "read-only disk: copy it to a writable folder. It was not changed."
            )
        _quick_check(conn, path)
    except BaseException:
        conn.close()
        raise
    return wrap(conn)


def wrap(conn: sqlite.Connection) -> Database:
    """sqlite-utils over a connection nervelog opened (plain or SQLCipher).

    ``execute_plugins=False``: the default scans every installed package's entry points
    (15-33 ms) for plugins nervelog never uses.
    """
    return Database(conn, execute_plugins=False)


def _use_wal(conn: sqlite.Connection) -> None:
    """Switch the journal to WAL mode (once; the mode is stored in the file).

    The switch needs a brief exclusive lock, and SQLite reports "database is locked"
    at once, without waiting on the busy timeout, when another process opening the
    same new or upgraded journal holds it; so wait and retry here.
    """
    deadline = time.monotonic() + BUSY_TIMEOUT_MS / 1000
    while True:
        try:
            if conn.execute("PRAGMA journal_mode").fetchone()[0] != "wal":
                conn.execute("PRAGMA journal_mode = WAL")
            return
        except sqlite.OperationalError as exc:
            if "locked" not in str(exc) or time.monotonic() > deadline:
                raise
            time.sleep(random.uniform(0.005, 0.03))


def _quick_check(conn: sqlite.Connection, path: Path) -> None:
    """Refuse a damaged journal before anything writes to it.

    The file's structure only: each row's CHECK rules, which SQLite enforces on every
    write, took 9 of its 11 ms on ten years (README, "Performance": `log`'s budget).
    """
    conn.execute("PRAGMA ignore_check_constraints = ON")
    try:
        rows = [str(r[0]) for r in conn.execute("PRAGMA quick_check").fetchall()]
    finally:
        conn.execute("PRAGMA ignore_check_constraints = OFF")
    if rows != ["ok"]:
        raise _damaged(path, f"The journal at {path} is damaged ({rows[0]}).")


def _backup_before_migrating(db: Database, path: Path, clock: Clock | None) -> Path | None:
    """Snapshot a journal that a migration is about to change; refuse to migrate without one."""
    version = schema_version(db)
    # Version 0 is a brand-new empty file: nothing to lose.
    if clock is None or version == 0 or version >= LATEST_VERSION:
        return None
    try:
        return backup.make_backup(db.conn, path, clock)
    except (OSError, sqlite.Error) as exc:
        raise JournalError(
            f"The journal at {path} needs upgrading, but a backup could not be made first "
            f"({exc}). It was not changed."
        ) from None


def _daily_backup(conn: sqlite.Connection, path: Path, clock: Clock | None) -> Path | None:
    """At most one automatic snapshot a day, and none of an empty journal."""
    if clock is None or backup.backed_up_today(path, clock.today()) or not backup.has_data(conn):
        return None
    try:
        return backup.make_backup(conn, path, clock)
    except (OSError, sqlite.Error):
        # A failed routine snapshot (full disk, read-only folder) must not stop the
        # user from reading or writing their journal; tomorrow's open tries again.
        return None


def open_memory_database() -> Database:
    """A migrated in-memory journal, for tests and previews."""
    conn = sqlite.connect(":memory:", isolation_level=None)
    db = wrap(conn)
    migrate(db)
    return db


@contextmanager
def transaction(db: Database) -> Iterator[sqlite.Connection]:
    """One all-or-nothing write.

    BEGIN IMMEDIATE takes the write lock up front, so two nervelog processes queue on
    the busy timeout instead of failing half-way with "database is locked". A write
    the disk refuses (full, read-only, I/O error) becomes a ``JournalError`` saying
    nothing was saved, which is true: SQLite rolls the whole transaction back.
    """
    conn = db.conn
    try:
        conn.execute("BEGIN IMMEDIATE")
    except sqlite.DatabaseError as exc:
        raise _write_error(conn, exc) from None
    try:
        yield conn
    except BaseException as exc:
        # After SQLITE_FULL and some I/O errors SQLite has already rolled back.
        if conn.in_transaction:
            conn.execute("ROLLBACK")
        # Integrity and programming errors are bugs or constraint checks: keep them.
        if isinstance(exc, sqlite.DatabaseError) and type(exc) in _DISK_ERRORS:
            raise _write_error(conn, exc) from None
        raise
    else:
        try:
            conn.execute("COMMIT")
        except sqlite.DatabaseError as exc:
            if conn.in_transaction:
                conn.execute("ROLLBACK")
            raise _write_error(conn, exc) from None


_DISK_ERRORS = (sqlite.OperationalError, sqlite.DatabaseError)


def _write_error(conn: sqlite.Connection, exc: sqlite.DatabaseError) -> JournalUnavailable:
    """The error for a write SQLite could not make (``nervelog.advice`` says what to do)."""
    return JournalUnavailable(
        f"Could not save to the journal: {exc}. Nothing was changed; the journal is as "
        "it was before.",
        exc,
        path_of(conn),
        busy_timeout(conn),
    )


def busy_timeout(conn: sqlite.Connection) -> int:
    """How long a write on ``conn`` waits for another program's, in milliseconds."""
    try:
        return int(conn.execute("PRAGMA busy_timeout").fetchone()[0])
    except sqlite.Error:
        return BUSY_TIMEOUT_MS


def path_of(conn: sqlite.Connection) -> Path | None:
    """The file behind ``conn`` (None in memory, or when SQLite cannot say)."""
    try:
        row = conn.execute("PRAGMA database_list").fetchone()
    except sqlite.Error:
        return None
    return Path(row[2]) if row and row[2] else None
