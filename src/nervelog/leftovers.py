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

_TEMPORARY = re.compile(r"\.(?:(?P<pid>\d+)\.)?(?:\w+\.tmp|converting)(?:-journal|-wal|-shm)?$")
"""The end of a temporary copy's name; one from before names held the process id has none."""


def temporary_name(target: Path, ending: str = "converting") -> Path:
    """Where a temporary copy of ``target`` is written by this process."""
    return target.with_name(f".{target.name}.{os.getpid()}.{ending}")


def temporary_prefix(target: Path) -> str:
    """The prefix of a ``tempfile.mkstemp`` name for a copy of ``target`` (with ``.tmp``)."""
    return f".{target.name}.{os.getpid()}."


def leftovers(journal_path: Path) -> list[Path]:
    """Temporary copies of the journal, or of its snapshots, whose writer is gone.

    Only names made from the journal's own are considered: the folder may be anyone's
    (``--db ~/journal.sqlite3``), and nothing else in it is nervelog's to remove.
    """
    found = []
    places = ((journal_path.parent, f".{journal_path.name}."),
              (journal_path.parent / "backups", f".{journal_path.stem}-"))  # fmt: skip
    for folder, prefix in places:
        try:
            names = sorted(p for p in folder.iterdir() if p.name.startswith(prefix))
        except OSError:
            continue
        for path in names:
            match = _TEMPORARY.search(path.name)
            if match and not (match["pid"] and _running(int(match["pid"]))):
                found.append(path)
    return found


def remove_leftovers(journal_path: Path) -> list[Path]:
    """Remove what ``leftovers`` finds; returns what was removed."""
    removed = []
    for path in leftovers(journal_path):
        try:
            path.unlink()
        except OSError:  # gone already, or on a disk that cannot be written
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
