"""Putting a snapshot back: checked first, the current journal kept, swapped in one step."""

from __future__ import annotations

import os
import re
from pathlib import Path
from typing import NamedTuple

from nervelog.domain.dates import Clock
from nervelog.domain.errors import JournalError
from nervelog.driver import sqlite
from nervelog.storage import cipher
from nervelog.storage.backup import (
    STAMP,
    backup_folder,
    check_journal_file,
    make_backup,
    read_only,
    write_snapshot,
)
from nervelog.storage.connect import connect


class RestoreResult(NamedTuple):
    """What ``restore_journal`` did."""

    restored_from: Path
    schema_version: int
    previous: Path | None
    """Where the journal that was replaced now lives (None if there was none)."""


def restore_journal(
    source: Path,
    journal_path: Path,
    clock: Clock,
    *,
    source_key: str | None = None,
    journal_key: str | None = None,
) -> RestoreResult:
    """Replace the journal at ``journal_path`` with the snapshot ``source``.

    ``source`` is fully checked first; an encrypted one is read with ``source_key``, an
    encrypted journal with ``journal_key``. The journal becomes the snapshot exactly,
    encrypted or not. The current journal is snapshotted into ``backups/`` (or, if it
    is too damaged for that, moved there unchanged) before it is replaced, and the
    replacement is atomic: the journal is at every moment either the old one or the
    restored one.
    """
    version = check_journal_file(source, key=source_key)
    if journal_path.exists() and source.resolve() == journal_path.resolve():
        raise JournalError(f"{source} is the journal itself; choose a backup file.")
    previous: Path | None = None
    current_ok = False
    if journal_path.exists():
        try:
            check_journal_file(journal_path, key=journal_key, tidy=False)
            current_ok = True
        except JournalError:
            current_ok = False
    try:
        with read_only(source, key=source_key) as src:
            if not current_ok:
                if journal_path.exists():
                    previous = _move_aside(journal_path, clock)
                write_snapshot(src, journal_path)
            else:
                live = connect(journal_path, key=journal_key)
                try:
                    if source_key == journal_key:
                        previous = make_backup(live, journal_path, clock)
                        # The backup API replaces every page of the live journal in
                        # one transaction, under SQLite's own locks, so a reader or a
                        # crash never sees a mix of old and new.
                        src.backup(live)
                    else:
                        # Pages under another key cannot be copied in place: the
                        # restored file is renamed over the journal, which no other
                        # program may have open meanwhile.
                        cipher.hold(live, journal_path)
                        previous = make_backup(live, journal_path, clock)
                        write_snapshot(src, journal_path)
                finally:
                    live.close()
    except (OSError, sqlite.Error) as exc:
        raise JournalError(
            f"Could not restore {source}: {exc}. The journal was not replaced."
        ) from None
    return RestoreResult(source, version, previous)


def replaced_journals(journal_path: Path) -> list[Path]:
    """The journals a restore replaced and kept in ``backups/`` (``...-replaced.sqlite3``)."""
    folder = backup_folder(journal_path)
    if not folder.is_dir():
        return []
    stem = re.escape(journal_path.stem)
    pattern = re.compile(rf"^{stem}-\d{{8}}T\d{{6}}-replaced(?:_\d{{2,}})?\.sqlite3$")
    return sorted(p for p in folder.iterdir() if pattern.match(p.name))


def _move_aside(journal_path: Path, clock: Clock) -> Path:
    """Keep a damaged journal (and its WAL files) unchanged in ``backups/``."""
    folder = backup_folder(journal_path)
    folder.mkdir(mode=0o700, parents=True, exist_ok=True)
    stamp = clock.now().strftime(STAMP)
    target = folder / f"{journal_path.stem}-{stamp}-replaced.sqlite3"
    number = 1
    while target.exists():
        target = folder / f"{journal_path.stem}-{stamp}-replaced_{number:02d}.sqlite3"
        number += 1
    for suffix in ("-wal", "-shm"):
        side = journal_path.with_name(journal_path.name + suffix)
        if side.exists():
            os.replace(side, target.with_name(target.name + suffix))
    os.replace(journal_path, target)
    return target
