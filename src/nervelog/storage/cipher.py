"""Encrypted journals: SQLCipher 4, through sqlcipher3, with SQLCipher's own defaults.

An encrypted journal has no SQLite header: every page, the first included, is
ciphertext. ``convert`` rewrites a journal from plain to encrypted, back, or under a
new passphrase, so that an interruption at any moment leaves either the old file or
the new one, each whole (issue 16).
"""

from __future__ import annotations

import os
from collections.abc import Callable
from pathlib import Path

import sqlcipher3.dbapi2 as sqlcipher

from nervelog.domain.errors import JournalError
from nervelog.leftovers import temporary_name
from nervelog.paths import is_encrypted as is_encrypted
from nervelog.storage.connect import connect, sql_text

SQLCIPHER_VERSION = "4"
"""The SQLCipher major version whose file format this nervelog reads and writes."""

Unlock = Callable[[Path], str]
"""Gives the passphrase of the encrypted journal at a path (it may ask the user)."""


def export_to(conn: sqlcipher.Connection, target: Path, key: str | None) -> None:
    """Copy everything in ``conn``'s journal into the empty file ``target``.

    ``key`` None keeps the journal's own passphrase (SQLCipher's rule for ATTACH
    without KEY); ``""`` writes a plain file. Schema version and application id go too.
    """
    clause = "" if key is None else f" KEY {sql_text(key)}"
    conn.execute(f"ATTACH DATABASE ? AS target{clause}", [str(target)])
    try:
        # One transaction: every table is read as of one moment, even while another
        # nervelog writes. Only the copy is written, so no journal spans both files.
        conn.execute("BEGIN")
        try:
            conn.execute("SELECT sqlcipher_export('target')")
            for pragma in ("user_version", "application_id"):
                value = int(conn.execute(f"PRAGMA main.{pragma}").fetchone()[0])
                conn.execute(f"PRAGMA target.{pragma} = {value}")
        except BaseException:
            conn.execute("ROLLBACK")
            raise
        conn.execute("COMMIT")
    finally:
        conn.execute("DETACH DATABASE target")


def _tables(conn: sqlcipher.Connection, schema: str) -> list[str]:
    rows = conn.execute(
        f"SELECT name FROM {schema}.sqlite_master WHERE type = 'table'"
        " AND name NOT LIKE 'sqlite_%' ORDER BY name"
    )
    return [str(r[0]) for r in rows]


def _differences(conn: sqlcipher.Connection) -> list[str]:
    """What differs between ``main`` and ``target``, table by table, row for row."""
    problems = []
    tables = _tables(conn, "main")
    if _tables(conn, "target") != tables:
        return ["the copy does not have the same tables"]
    for table in tables:
        q = f'"{table}"'
        counts = conn.execute(
            f"SELECT (SELECT count(*) FROM main.{q}), (SELECT count(*) FROM target.{q}),"
            f" (SELECT count(*) FROM (SELECT * FROM main.{q} EXCEPT SELECT * FROM target.{q}))"
        ).fetchone()
        if counts[0] != counts[1] or counts[2]:
            problems.append(f"table {table}: {counts[0]} rows, the copy {counts[1]}")
    for pragma in ("user_version", "application_id"):
        a = conn.execute(f"PRAGMA main.{pragma}").fetchone()[0]
        b = conn.execute(f"PRAGMA target.{pragma}").fetchone()[0]
        if a != b:
            problems.append(f"{pragma} {a}, the copy {b}")
    return problems


def convert(path: Path, old: str | None, new: str | None) -> None:
    """Rewrite the journal at ``path`` keyed with ``new`` (None: plain), then swap it in.

    The copy is made while this process holds the journal exclusively, compared with
    the original row for row, flushed to disk and renamed over the original in one
    step. Raises ``JournalError`` (nothing changed) when another program has the
    journal open, the passphrase is wrong or the copy differs.
    """
    if new == "":
        raise ValueError("an empty passphrase would leave the journal readable by anyone")
    tmp = temporary_name(path)
    leftovers = [tmp, tmp.with_name(f"{tmp.name}-journal")]
    for stale in leftovers:  # from an interrupted conversion: never the journal itself
        stale.unlink(missing_ok=True)
    conn = connect(path, key=old)
    try:
        hold(conn, path)
        os.close(os.open(tmp, os.O_WRONLY | os.O_CREAT | os.O_EXCL, 0o600))
        export_to(conn, tmp, new or "")
        conn.execute(f"ATTACH DATABASE ? AS target KEY {sql_text(new or '')}", [str(tmp)])
        try:
            problems = _differences(conn)
        finally:
            conn.execute("DETACH DATABASE target")
        if problems:
            raise JournalError(
                f"The converted copy of {path} did not match ({'; '.join(problems)}). "
                "Nothing was changed."
            )
        check = connect(tmp, key=new)
        try:
            if check.execute("PRAGMA quick_check").fetchone()[0] != "ok":
                raise JournalError(f"The converted copy of {path} is damaged. Nothing was changed.")
        finally:
            check.close()
        _fsync(tmp)
        os.replace(tmp, path)
        _fsync(path.parent)
    except BaseException:
        for stale in leftovers:
            stale.unlink(missing_ok=True)
        raise
    finally:
        conn.close()


def hold(conn: sqlcipher.Connection, path: Path) -> None:
    """Keep every other program from writing the journal until ``conn`` closes.

    Leaving WAL mode needs every other connection closed: that is how we know no other
    nervelog has the old file open, to write into it after the swap. In exclusive
    locking mode the shared lock the first read takes is then kept: others may read
    but not write.
    """
    conn.execute("PRAGMA locking_mode = EXCLUSIVE")
    try:
        mode = conn.execute("PRAGMA journal_mode = DELETE").fetchone()[0]
    except sqlcipher.OperationalError as exc:
        if "locked" not in str(exc) and "busy" not in str(exc):
            raise  # a full disk, say: not another program (nervelog.advice words it)
        mode = "wal"
    if mode != "delete":
        raise JournalError(
            f"The journal at {path} is open in another program (the nervelog app?). "
            "Close it and try again. Nothing was changed."
        )
    conn.execute("SELECT count(*) FROM sqlite_master").fetchone()


def refuse_if_open(path: Path, passphrase: str | None) -> None:
    """Raise ``JournalError`` now if another program has the journal open.

    ``convert`` checks again under its own hold; this lets a command say so before it
    asks the user for a new passphrase they would type for nothing.
    """
    conn = connect(path, key=passphrase)
    try:
        hold(conn, path)
        conn.execute("PRAGMA journal_mode = WAL")  # as it was: only looked, nothing changed
    finally:
        conn.close()


def _fsync(path: Path) -> None:
    fd = os.open(path, os.O_RDONLY)
    try:
        os.fsync(fd)
    finally:
        os.close(fd)
