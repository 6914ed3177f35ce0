"""The one place a journal file is opened, and the one check that it is a nervelog journal.

Plain or encrypted (SQLCipher 4, keyed here), read-write or read-only: every connection
to a journal file (the app's, the command line's, a backup's, a restore's, a conversion's)
comes from ``connect``. Only ``nervelog due``, which runs in a shell prompt, keeps a
read-only query of its own.
"""

from __future__ import annotations

from pathlib import Path

from nervelog.domain.errors import JournalError
from nervelog.driver import sqlite
from nervelog.paths import APPLICATION_ID

BUSY_TIMEOUT_MS = 10_000
"""How long a write waits for another program's write before giving up."""


class WrongPassphrase(JournalError):
    """The passphrase does not open this journal (or the file is not a journal)."""


def sql_text(text: str) -> str:
    """``text`` as an SQL string literal, for the statements that take no parameters."""
    return "'" + text.replace("'", "''") + "'"


def key_pragma(passphrase: str) -> str:
    """``PRAGMA key = '...'`` (a PRAGMA takes no parameters)."""
    return f"PRAGMA key = {sql_text(passphrase)}"


def connect(
    path: Path,
    *,
    key: str | None = None,
    readonly: bool = False,
    unchanging: bool = False,
    timeout: float = BUSY_TIMEOUT_MS / 1000,
) -> sqlite.Connection:
    """Open the journal file at ``path``, keyed with ``key`` (None: a plain file).

    ``readonly`` opens it so that nothing can be written through the connection;
    ``unchanging`` too, for a file nobody can change (on a read-only disk), which SQLite
    then reads without the side files it would have to create. The connection is in
    autocommit mode: nervelog issues its own ``BEGIN IMMEDIATE``. Raises
    ``WrongPassphrase`` when the key does not open the file.
    """
    mode = "immutable=1" if unchanging else "mode=ro" if readonly else ""
    target = f"{path.resolve().as_uri()}?{mode}" if mode else str(path)
    conn = sqlite.connect(target, uri=bool(mode), isolation_level=None, timeout=timeout)
    # SQLCipher logs a failed key to stderr by default; WrongPassphrase says it once.
    conn.execute("PRAGMA cipher_log_level = NONE")
    try:
        if key is not None:
            conn.execute(key_pragma(key))
        try:
            conn.execute("SELECT count(*) FROM sqlite_master").fetchone()
        except sqlite.DatabaseError:
            if key is None:
                raise
            raise WrongPassphrase(
                f"The passphrase does not open the journal at {path} (or a newer SQLCipher "
                "than this nervelog's 4 encrypted it). Nothing was changed."
            ) from None
    except BaseException:
        conn.close()
        raise
    return conn


def journal_version(conn: sqlite.Connection, path: Path) -> int:
    """The schema version of the nervelog journal ``conn`` reads; 0 for a new, empty file.

    Raises ``JournalError`` for an SQLite file that is not a nervelog journal.
    """
    # One read transaction, so both come from the same moment even if another nervelog
    # process is creating this journal right now.
    conn.execute("BEGIN")
    try:
        app_id = conn.execute("PRAGMA application_id").fetchone()[0]
        version = int(conn.execute("PRAGMA user_version").fetchone()[0])
        tables = conn.execute("SELECT count(*) FROM sqlite_master").fetchone()[0]
    finally:
        conn.execute("COMMIT")
    if tables and app_id != APPLICATION_ID:
        raise JournalError(
            f"{path} is an SQLite file but not a nervelog journal. It was not changed."
        )
    return version
