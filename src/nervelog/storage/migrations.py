"""Numbered schema migrations, applied in order on every open.

The schema version lives in ``PRAGMA user_version``; each migration runs in its own
transaction together with the version bump, so a journal is never half-migrated.
"""

from __future__ import annotations

from collections.abc import Callable

from sqlite_utils import Database

from nervelog.domain.errors import JournalError

# "NVLG": marks the file as a nervelog journal so other SQLite files are refused.
APPLICATION_ID = 0x4E564C47


def _score_columns(prefix: str = "") -> str:
    return ",\n".join(
        f"{prefix}{name} INTEGER CHECK ({prefix}{name} IS NULL OR "
        f"({prefix}{name} BETWEEN 0 AND 10 AND typeof({prefix}{name}) = 'integer'))"
        for name in ("numbness", "tingling", "pain", "mobility")
    )


def m001_initial(db: Database) -> None:
    """Entries, sessions, the change history and settings."""
    db.execute(
        f"""CREATE TABLE entry (
            date TEXT PRIMARY KEY CHECK (date GLOB '[0-9][0-9][0-9][0-9]-[0-9][0-9]-[0-9][0-9]'),
            {_score_columns()},
            notes TEXT NOT NULL DEFAULT '',
            recorded_at TEXT NOT NULL,
            updated_at TEXT NOT NULL
        )"""
    )
    db.execute(
        f"""CREATE TABLE session (
            id INTEGER PRIMARY KEY,
            date TEXT NOT NULL CHECK (date GLOB '[0-9][0-9][0-9][0-9]-[0-9][0-9]-[0-9][0-9]'),
            time TEXT CHECK (time IS NULL OR time GLOB '[0-2][0-9]:[0-5][0-9]'),
            kind TEXT NOT NULL CHECK (length(kind) > 0),
            duration_min INTEGER CHECK (duration_min IS NULL OR duration_min BETWEEN 1 AND 600),
            provider TEXT NOT NULL DEFAULT '',
            body_areas TEXT NOT NULL DEFAULT '[]',
            notes TEXT NOT NULL DEFAULT '',
            {_score_columns("before_")},
            {_score_columns("after_")},
            recorded_at TEXT NOT NULL,
            updated_at TEXT NOT NULL
        )"""
    )
    db.execute("CREATE INDEX session_date ON session(date)")
    db.execute(
        """CREATE TABLE history (
            id INTEGER PRIMARY KEY,
            at TEXT NOT NULL,
            record TEXT NOT NULL CHECK (record IN ('entry', 'session', 'phase')),
            record_key TEXT NOT NULL,
            action TEXT NOT NULL CHECK (action IN ('insert', 'update', 'delete')),
            old TEXT,
            new TEXT
        )"""
    )
    db.execute("CREATE INDEX history_record ON history(record, record_key)")
    db.execute("CREATE TABLE setting (key TEXT PRIMARY KEY, value TEXT NOT NULL)")


def m002_phases(db: Database) -> None:
    """Named date ranges ("before massage", "weekly massage") to compare."""
    db.execute(
        """CREATE TABLE phase (
            id INTEGER PRIMARY KEY,
            name TEXT NOT NULL CHECK (length(name) > 0),
            start TEXT NOT NULL,
            "end" TEXT NOT NULL,
            CHECK (start <= "end")
        )"""
    )


def m003_undo(db: Database) -> None:
    """History rows written by ``nervelog undo`` name the change they revert."""
    db.execute("ALTER TABLE history ADD COLUMN undoes INTEGER REFERENCES history(id)")


MIGRATIONS: tuple[Callable[[Database], None], ...] = (m001_initial, m002_phases, m003_undo)
LATEST_VERSION = len(MIGRATIONS)


def schema_version(db: Database) -> int:
    """The journal's schema version (0 for a new, empty file)."""
    row = db.execute("PRAGMA user_version").fetchone()
    return int(row[0])


def migrate(db: Database) -> int:
    """Apply every pending migration; returns how many ran.

    Raises ``JournalError`` if the file was written by a newer nervelog.
    """
    _refuse_newer(schema_version(db))
    if schema_version(db) == LATEST_VERSION:
        return 0  # the usual case: no lock taken, so opening never waits on a writer
    conn = db.conn
    ran = 0
    while True:
        # The version is read again under the write lock: another nervelog process
        # opening the same journal at the same moment may have just migrated it.
        conn.execute("BEGIN IMMEDIATE")
        try:
            current = schema_version(db)
            _refuse_newer(current)
            if current == LATEST_VERSION:
                conn.execute("COMMIT")
                return ran
            MIGRATIONS[current](db)
            conn.execute(f"PRAGMA application_id = {APPLICATION_ID}")
            conn.execute(f"PRAGMA user_version = {current + 1}")
            conn.execute("COMMIT")
            ran += 1
        except BaseException:
            if conn.in_transaction:
                conn.execute("ROLLBACK")
            raise


def _refuse_newer(current: int) -> None:
    if current > LATEST_VERSION:
        raise JournalError(
            f"This journal uses schema version {current}, but this nervelog only knows "
            f"versions up to {LATEST_VERSION}. Upgrade nervelog to open it; "
            "the file was not changed."
        )
