"""Temporary copies a stopped command left behind: found and removed at the next start.

Every temporary copy of a journal or a backup is named with the id of the process that
writes it (``.NAME.PID.converting``, ``.NAME.PID.xxxx.tmp``). A copy whose process is gone
was left by a command that was killed (a closed terminal, a power cut): the next
nervelog command removes it, so a plain copy of an encrypted journal never outlives the
command that made it by more than that. A copy whose process still runs is its work in
progress and is left alone.
"""

from __future__ import annotations

import os
import re
from pathlib import Path

_TEMPORARY = re.compile(r"^\..+\.(?P<pid>\d+)\.(?:\w+\.tmp|converting)(?:-journal|-wal|-shm)?$")


def temporary_name(target: Path, ending: str = "converting") -> Path:
    """Where a temporary copy of ``target`` is written by this process."""
    return target.with_name(f".{target.name}.{os.getpid()}.{ending}")


def temporary_prefix(target: Path) -> str:
    """The prefix of a ``tempfile.mkstemp`` name for a copy of ``target`` (with ``.tmp``)."""
    return f".{target.name}.{os.getpid()}."


def leftovers(journal_path: Path) -> list[Path]:
    """Temporary copies beside the journal or among its backups whose writer is gone."""
    found = []
    # The journal's folder and its backups/ (storage.backup, which writes through here).
    for folder in (journal_path.parent, journal_path.parent / "backups"):
        try:
            names = sorted(p for p in folder.iterdir() if p.name.startswith("."))
        except OSError:
            continue
        for path in names:
            match = _TEMPORARY.match(path.name)
            if match and not _running(int(match["pid"])):
                found.append(path)
    return found


def remove_leftovers(journal_path: Path) -> list[Path]:
    """Remove what ``leftovers`` finds; returns what was removed."""
    removed = []
    for path in leftovers(journal_path):
        try:
            path.unlink()
        except FileNotFoundError:
            continue
        removed.append(path)
    return removed


def _running(pid: int) -> bool:
    if pid == os.getpid():
        return True
    try:
        os.kill(pid, 0)
    except ProcessLookupError:
        return False
    except OSError:  # another user's process: alive
        return True
    return True
