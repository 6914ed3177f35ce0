"""What a person can do about a problem with their journal: the words the command line
and the app share, so a problem reads the same in both."""

from __future__ import annotations

from pathlib import Path

from nervelog.domain.errors import JournalError, JournalUnavailable, ValidationError
from nervelog.driver import sqlite
from nervelog.storage.connect import BUSY_TIMEOUT_MS


def explain(
    exc: BaseException, journal_file: Path | None = None, busy_ms: int = BUSY_TIMEOUT_MS
) -> str | None:
    """The plain words for a problem the user can act on, or None for a bug.

    ``journal_file`` and ``busy_ms`` (the journal's busy wait) let the words name its
    backup and how long it waited. A constraint failure is a bug, not something the
    user can act on: None.
    """
    if isinstance(exc, JournalUnavailable):
        return f"{exc} {advice(exc.cause, exc.path, exc.busy_ms)}"
    if isinstance(exc, ValidationError | JournalError):
        return str(exc)
    if isinstance(exc, sqlite.Error) and not isinstance(exc, sqlite.IntegrityError):
        return (
            f"The journal could not be used: {exc}. Nothing was changed. "
            f"{advice(exc, journal_file, busy_ms)}"
        )
    return None


def advice(exc: BaseException, path: Path | None, busy_ms: int = BUSY_TIMEOUT_MS) -> str:
    """What the user can do about SQLite's error ``exc``: each cause gets its own advice.

    Only a full disk is told to free space; a damaged file is pointed at its newest
    good backup, since waiting or freeing space would not help it.
    """
    name = getattr(exc, "sqlite_errorname", "") or ""
    if name.startswith(("SQLITE_BUSY", "SQLITE_LOCKED")) or "locked" in str(exc):
        return (
            f"Another program kept the journal busy for over {busy_ms / 1000:g} s; "
            "try again in a moment."
        )
    if name == "SQLITE_FULL":
        return "The disk is full: free disk space, then try again."
    if name.startswith(("SQLITE_READONLY", "SQLITE_CANTOPEN", "SQLITE_PERM", "SQLITE_AUTH")):
        return "The journal or its folder cannot be written: check its permissions and try again."
    if name.startswith(("SQLITE_CORRUPT", "SQLITE_NOTADB")):
        from nervelog.storage.backup import restore_hint

        hint = restore_hint(path) if path is not None else ""
        return f"The journal file is damaged. {hint}".rstrip()
    if name.startswith("SQLITE_IOERR"):
        # A file-size limit or a full disk while growing the file shows up as an I/O error.
        return "The disk refused the write (is it full?): free disk space or check the disk, then try again."
    return "Try again; if it keeps failing, run nervelog check."
