"""Numbered schema migrations, applied in order on every open.

The schema version lives in ``PRAGMA user_version``; each migration runs in its own
transaction together with the version bump, so a journal is never half-migrated.
"""

from __future__ import annotations

import uuid
from collections.abc import Callable

from sqlite_utils import Database

from nervelog.domain.errors import JournalError
from nervelog.paths import APPLICATION_ID as APPLICATION_ID
from nervelog.storage.kinds import KINDS


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


_DATE = "GLOB '[0-9][0-9][0-9][0-9]-[0-9][0-9]-[0-9][0-9]'"
# The kinds of record version 4's history took (frozen here: later kinds need no rebuild).
_V4_RECORDS = (
    "entry",
    "session",
    "phase",
    "medication",
    "dose",
    "event",
    "question",
    "symptom_map",
)


def m004_medicines(db: Database) -> None:
    """Medicines and their doses, notable events, questions for the doctor, symptom maps.

    Their ids are never reused (AUTOINCREMENT), so the history of "medicine 4" is always
    about one course. The history learns the new records (SQLite cannot change a CHECK, so the table is
    rebuilt with every row kept) and a ``batch`` column: changes made together, such
    as stopping one course and starting the next for a dose change, undo together.
    """
    db.execute(
        f"""CREATE TABLE medication (
            id INTEGER PRIMARY KEY AUTOINCREMENT,
            name TEXT NOT NULL CHECK (length(trim(name)) > 0),
            dose TEXT NOT NULL CHECK (length(trim(dose)) > 0),
            schedule TEXT NOT NULL DEFAULT '',
            as_needed INTEGER NOT NULL DEFAULT 0 CHECK (as_needed IN (0, 1)),
            started TEXT NOT NULL CHECK (started {_DATE}),
            stopped TEXT CHECK (stopped IS NULL OR (stopped {_DATE} AND stopped >= started)),
            reason TEXT NOT NULL DEFAULT '',
            notes TEXT NOT NULL DEFAULT '',
            follows INTEGER REFERENCES medication(id)
        )"""
    )
    db.execute(
        f"""CREATE TABLE dose (
            id INTEGER PRIMARY KEY AUTOINCREMENT,
            medication INTEGER NOT NULL REFERENCES medication(id),
            date TEXT NOT NULL CHECK (date {_DATE}),
            time TEXT CHECK (time IS NULL OR time GLOB '[0-2][0-9]:[0-5][0-9]'),
            amount TEXT NOT NULL DEFAULT '',
            notes TEXT NOT NULL DEFAULT ''
        )"""
    )
    db.execute("CREATE INDEX dose_date ON dose(date)")
    db.execute(
        f"""CREATE TABLE event (
            id INTEGER PRIMARY KEY AUTOINCREMENT,
            date TEXT NOT NULL CHECK (date {_DATE}),
            kind TEXT NOT NULL CHECK (length(trim(kind)) > 0),
            text TEXT NOT NULL CHECK (length(trim(text)) > 0)
        )"""
    )
    db.execute("CREATE INDEX event_date ON event(date)")
    db.execute(
        f"""CREATE TABLE question (
            id INTEGER PRIMARY KEY AUTOINCREMENT,
            text TEXT NOT NULL CHECK (length(trim(text)) > 0),
            raised_on TEXT NOT NULL CHECK (raised_on {_DATE}),
            answered_on TEXT CHECK (answered_on IS NULL OR
                (answered_on {_DATE} AND answered_on >= raised_on)),
            answer TEXT NOT NULL DEFAULT ''
        )"""
    )
    # One row per day a map was made; ``regions`` is JSON: symptom -> {region: side}.
    db.execute(
        f"""CREATE TABLE symptom_map (
            id INTEGER PRIMARY KEY AUTOINCREMENT,
            date TEXT NOT NULL UNIQUE CHECK (date {_DATE}),
            regions TEXT NOT NULL CHECK (json_valid(regions))
        )"""
    )
    # Entries that came from a spreadsheet (CSV) have no recording time of their own.
    db.execute(
        "ALTER TABLE entry ADD COLUMN imported INTEGER NOT NULL DEFAULT 0 "
        "CHECK (imported IN (0, 1))"
    )
    records = ", ".join(f"'{r}'" for r in _V4_RECORDS)
    # Made under a new name that it references itself by: the rename below rewrites that
    # reference, and dropping the old table leaves no row pointing at it.
    db.execute(
        f"""CREATE TABLE history_new (
            id INTEGER PRIMARY KEY,
            at TEXT NOT NULL,
            record TEXT NOT NULL CHECK (record IN ({records})),
            record_key TEXT NOT NULL,
            action TEXT NOT NULL CHECK (action IN ('insert', 'update', 'delete')),
            old TEXT,
            new TEXT,
            undoes INTEGER REFERENCES history_new(id),
            batch INTEGER
        )"""
    )
    db.execute(
        "INSERT INTO history_new (id, at, record, record_key, action, old, new, undoes) "
        "SELECT id, at, record, record_key, action, old, new, undoes FROM history"
    )
    db.execute("DROP TABLE history")
    db.execute("ALTER TABLE history_new RENAME TO history")
    db.execute("CREATE INDEX history_record ON history(record, record_key)")


def m005_identity_and_version(db: Database) -> None:
    """Every record gets a global identity (``uid``) and a ``version`` every write bumps.

    The identity is a random UUID (version 4, from the standard library): it travels with
    the record through export, import, backup and sync, and, unlike a ULID, tells nobody
    when the record was made. The version lets a write say what it was based on, so a
    change made elsewhere in the meantime is refused rather than overwritten. The history
    no longer lists the kinds of record it takes (a CHECK that SQLite cannot alter), so
    a new kind needs no rebuild of it; every row is kept.
    """
    for kind in KINDS:
        db.execute(f"ALTER TABLE {kind.name} ADD COLUMN uid TEXT")
        db.execute(
            f"ALTER TABLE {kind.name} ADD COLUMN version INTEGER NOT NULL DEFAULT 1 "
            "CHECK (version >= 1)"
        )
        rowids = [r[0] for r in db.execute(f"SELECT rowid FROM {kind.name}").fetchall()]
        for rowid in rowids:
            db.execute(
                f"UPDATE {kind.name} SET uid = ? WHERE rowid = ?", [str(uuid.uuid4()), rowid]
            )
        db.execute(f"CREATE UNIQUE INDEX {kind.name}_uid ON {kind.name}(uid)")
    db.execute(
        """CREATE TABLE history_new (
            id INTEGER PRIMARY KEY,
            at TEXT NOT NULL,
            record TEXT NOT NULL CHECK (length(record) > 0),
            record_key TEXT NOT NULL,
            action TEXT NOT NULL CHECK (action IN ('insert', 'update', 'delete')),
            old TEXT,
            new TEXT,
            undoes INTEGER REFERENCES history_new(id),
            batch INTEGER
        )"""
    )
    db.execute("INSERT INTO history_new SELECT * FROM history")
    db.execute("DROP TABLE history")
    db.execute("ALTER TABLE history_new RENAME TO history")
    db.execute("CREATE INDEX history_record ON history(record, record_key)")


MIGRATIONS: tuple[Callable[[Database], None], ...] = (
    m001_initial,
    m002_phases,
    m003_undo,
    m004_medicines,
    m005_identity_and_version,
)
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
