"""Snapshots of the journal: automatic and on request, restored only after a full check.

Snapshots use SQLite's online backup API, never a file copy: a copy taken while
another nervelog process is writing (or with changes still in the WAL file) could be
torn, while the backup API always produces a consistent database.

Automatic snapshots live in ``backups/`` beside the journal, named by local time so
they sort oldest to newest (``journal-20261122T093000.sqlite3``); the newest
``KEEP_BACKUPS`` are kept.
"""

from __future__ import annotations

import os
import re
import tempfile
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

import pendulum

from nervelog.domain.dates import Clock
from nervelog.domain.errors import JournalError
from nervelog.driver import sqlite
from nervelog.storage import cipher
from nervelog.storage.connect import connect, journal_version
from nervelog.storage.files import SQLITE_HEADER, file_header

BACKUP_FOLDER = "backups"
KEEP_BACKUPS = 14
STAMP = "%Y%m%dT%H%M%S"


def backup_folder(journal_path: Path) -> Path:
    """Where the automatic snapshots of ``journal_path`` are kept."""
    return journal_path.parent / BACKUP_FOLDER


def _pattern(journal_path: Path) -> re.Pattern[str]:
    stem = re.escape(journal_path.stem)
    return re.compile(rf"^{stem}-(\d{{8}}T\d{{6}})(?:_\d{{2,}})?\.sqlite3$")


def list_backups(journal_path: Path) -> list[Path]:
    """The journal's automatic snapshots, oldest first (by their time-stamped names)."""
    folder = backup_folder(journal_path)
    if not folder.is_dir():
        return []
    pattern = _pattern(journal_path)
    return sorted((p for p in folder.iterdir() if pattern.match(p.name)), key=lambda p: p.name)


def backup_day(path: Path, journal_path: Path) -> pendulum.Date | None:
    """The day a snapshot was taken, read from its name."""
    match = _pattern(journal_path).match(path.name)
    if match is None:
        return None
    stamp = match.group(1)
    return pendulum.date(int(stamp[:4]), int(stamp[4:6]), int(stamp[6:8]))


@contextmanager
def read_only(
    path: Path, *, key: str | None = None, tidy: bool = True
) -> Iterator[sqlite.Connection]:
    """A read-only connection to ``path`` (keyed with ``key`` if it is encrypted).

    Raises ``cipher.WrongPassphrase`` when the key does not open it. It leaves no
    side files behind:

    Reading a WAL-mode file (a copied journal, say) makes SQLite create empty ``-wal``
    and ``-shm`` files beside it; with ``tidy`` they are removed again if they were not
    there before. Never tidy the live journal: another nervelog process may be opening
    it and would lose its shared-memory file.
    """
    sides = [path.with_name(path.name + suffix) for suffix in ("-wal", "-shm")]
    existed = [side.exists() for side in sides]
    try:
        conn = connect(path, key=key, readonly=True)
    except BaseException:
        _tidy(sides, existed, tidy)
        raise
    try:
        yield conn
    finally:
        conn.close()
        _tidy(sides, existed, tidy)


def _tidy(sides: list[Path], existed: list[bool], tidy: bool) -> None:
    wal_empty = not sides[0].exists() or sides[0].stat().st_size == 0
    for side, was_there in zip(sides, existed, strict=True):
        if tidy and not was_there and wal_empty:
            side.unlink(missing_ok=True)


class NeedsPassphrase(JournalError):
    """The file is encrypted: checking it needs its passphrase."""


def check_journal_file(path: Path, *, key: str | None = None, tidy: bool = True) -> int:
    """Check that ``path`` is a healthy nervelog journal; returns its schema version.

    An encrypted file is read with ``key``; without one it raises ``NeedsPassphrase``.
    Raises ``JournalError`` explaining what is wrong. The file is opened read-only
    (see ``read_only`` for ``tidy``).
    """
    from nervelog.storage.migrations import LATEST_VERSION

    if not path.is_file():
        raise JournalError(f"{path} does not exist or is not a file.")
    try:
        header = file_header(path)
    except OSError as exc:
        raise JournalError(f"Cannot read {path}: {exc.strerror}.") from None
    encrypted = cipher.is_encrypted(path)
    if encrypted and key is None:
        raise NeedsPassphrase(f"{path} is encrypted; its passphrase is needed to check it.")
    if not encrypted and header != SQLITE_HEADER:
        raise JournalError(f"{path} is not a nervelog journal (it is not an SQLite file).")
    try:
        with read_only(path, key=key if encrypted else None, tidy=tidy) as conn:
            version = journal_version(conn, path)
            if not 1 <= version <= LATEST_VERSION:
                raise JournalError(
                    f"{path} uses schema version {version}; this nervelog knows versions 1 "
                    f"to {LATEST_VERSION}."
                )
            problems = [r[0] for r in conn.execute("PRAGMA integrity_check").fetchall()]
            if problems != ["ok"]:
                raise JournalError(f"{path} is damaged: {problems[0]}.")
    except sqlite.Error as exc:
        raise JournalError(f"{path} is damaged or unreadable: {exc}.") from None
    return version


def newest_good_backup(journal_path: Path) -> Path | None:
    """The newest automatic snapshot that passes a full check, if any.

    An encrypted snapshot cannot be checked without its passphrase; it counts, and
    ``restore`` checks it once given the passphrase.
    """
    for path in reversed(list_backups(journal_path)):
        try:
            check_journal_file(path)
        except NeedsPassphrase:
            return path
        except JournalError:
            continue
        return path
    return None


def restore_hint(journal_path: Path) -> str:
    """A sentence naming the newest good backup, for error messages about a bad journal."""
    good = newest_good_backup(journal_path)
    if good is None:
        return "No backup of it was found."
    which = "newest backup (encrypted)" if cipher.is_encrypted(good) else "newest good backup"
    return f"The {which} is {good}; to use it run: nervelog restore {good}"


def write_snapshot(source: sqlite.Connection, target: Path) -> Path:
    """Write a consistent snapshot of ``source`` to ``target`` (0600, never half-written).

    The snapshot goes to a temporary file beside ``target`` and is renamed over it only
    once complete. It is switched out of WAL mode so it is one self-contained file.
    """
    target.parent.mkdir(mode=0o700, parents=True, exist_ok=True)
    # Named for this process: if it is killed, the next command removes the copy.
    from nervelog.leftovers import temporary_prefix

    fd, tmp_name = tempfile.mkstemp(
        prefix=temporary_prefix(target), suffix=".tmp", dir=target.parent
    )
    os.close(fd)
    tmp = Path(tmp_name)
    try:
        os.chmod(tmp, 0o600)
        if _is_encrypted(source):
            # Under the journal's own passphrase: a backup is no easier to read than it.
            cipher.export_to(source, tmp, key=None)
        else:
            dest = connect(tmp)
            try:
                source.backup(dest)
                dest.execute("PRAGMA journal_mode = DELETE")
            finally:
                dest.close()
        with tmp.open("rb") as handle:
            os.fsync(handle.fileno())
        os.replace(tmp, target)
    except BaseException:
        tmp.unlink(missing_ok=True)
        raise
    return target


def _is_encrypted(conn: sqlite.Connection) -> bool:
    """Whether ``conn`` reads an encrypted file (an in-memory journal never is)."""
    file = conn.execute("PRAGMA database_list").fetchone()[2]
    return bool(file) and cipher.is_encrypted(Path(file))


def _free_name(journal_path: Path, moment: pendulum.DateTime) -> Path:
    folder = backup_folder(journal_path)
    base = f"{journal_path.stem}-{moment.strftime(STAMP)}"
    candidate = folder / f"{base}.sqlite3"
    number = 1
    # "_01" sorts after "." so a second snapshot in the same second still sorts last.
    while candidate.exists():
        candidate = folder / f"{base}_{number:02d}.sqlite3"
        number += 1
    return candidate


def make_backup(conn: sqlite.Connection, journal_path: Path, clock: Clock) -> Path:
    """Snapshot the open journal into its ``backups/`` folder and prune old snapshots."""
    folder = backup_folder(journal_path)
    folder.mkdir(mode=0o700, parents=True, exist_ok=True)
    os.chmod(folder, 0o700)
    target = write_snapshot(conn, _free_name(journal_path, clock.now()))
    prune_backups(journal_path)
    return target


def prune_backups(journal_path: Path, keep: int = KEEP_BACKUPS) -> list[Path]:
    """Delete all but the newest ``keep`` snapshots; returns the deleted paths.

    (Half-written copies left by a killed snapshot are ``nervelog.leftovers``' to remove.)
    """
    old = list_backups(journal_path)[:-keep] if keep > 0 else list_backups(journal_path)
    for path in old:
        path.unlink(missing_ok=True)
    return old


def backed_up_today(journal_path: Path, today: pendulum.Date) -> bool:
    """Whether the newest snapshot was taken today (or, with a clock skew, later)."""
    backups = list_backups(journal_path)
    if not backups:
        return False
    day = backup_day(backups[-1], journal_path)
    return day is not None and day >= today


def has_data(conn: sqlite.Connection) -> bool:
    """Whether the journal holds anything worth a snapshot."""
    row = conn.execute(
        "SELECT EXISTS (SELECT 1 FROM entry) OR EXISTS (SELECT 1 FROM session) "
        "OR EXISTS (SELECT 1 FROM history)"
    ).fetchone()
    return bool(row[0])
