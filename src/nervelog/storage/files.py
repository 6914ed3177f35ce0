"""Writing files the user asked for: private (0600) and never half-written."""

from __future__ import annotations

import os
import tempfile
from pathlib import Path

from nervelog.paths import SQLITE_HEADER as SQLITE_HEADER
from nervelog.paths import file_header as file_header


def refuse_database_target(path: Path) -> None:
    """Raise ``FileExistsError`` if ``path`` is an SQLite database or one's -wal/-shm file.

    An export or report written with ``--out`` pointing at the journal (or a backup)
    would otherwise replace it.
    """
    candidates = [path]
    if path.name.endswith(("-wal", "-shm", "-journal")):
        candidates.append(path.with_name(path.name.rsplit("-", 1)[0]))
    for candidate in candidates:
        try:
            is_database = file_header(candidate) == SQLITE_HEADER
        except OSError:
            continue
        if is_database:
            raise FileExistsError(
                f"{path} is a journal or another SQLite database; choose a different file"
            )


def write_private(path: Path, data: bytes) -> None:
    """Write ``data`` to ``path`` atomically with mode 0600.

    The bytes go to a temporary file beside the target and are renamed over it, so a
    crash or a full disk leaves either the old file or the new one, never a mix.
    Raises ``FileExistsError`` rather than replace a database (see
    ``refuse_database_target``).
    """
    path = path.expanduser()
    refuse_database_target(path)
    fd, tmp = tempfile.mkstemp(prefix=f".{path.name}.", suffix=".tmp", dir=path.parent or ".")
    try:
        with os.fdopen(fd, "wb") as handle:
            handle.write(data)
            handle.flush()
            os.fsync(handle.fileno())
        os.chmod(tmp, 0o600)
        os.replace(tmp, path)
    except BaseException:
        Path(tmp).unlink(missing_ok=True)
        raise
