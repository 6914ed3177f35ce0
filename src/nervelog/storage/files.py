"""Writing files the user asked for: private (0600) and never half-written."""

from __future__ import annotations

import errno
import os
import stat
import sys
import tempfile
from pathlib import Path
from typing import BinaryIO

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
    crash or a full disk leaves either the old file or the new one, never a mix. A
    symbolic link is followed: the file it names is written, the link stays.

    ``-``, standard output (``/dev/stdout``) and a pipe (``>(wc -c)``, a named pipe) are
    written as a stream, never read or replaced. Anything else that is not a regular
    file (a device, a socket, a folder) is refused with ``OSError``, never replaced.
    Raises ``FileExistsError`` rather than replace a database (see
    ``refuse_database_target``).
    """
    path = path.expanduser()
    if str(path) == "-":
        _stream(sys.stdout.buffer, data)
        return
    try:
        found = path.stat()  # follows links: /dev/stdout is one
    except FileNotFoundError:
        found = None
    if found is not None and not stat.S_ISREG(found.st_mode):
        if stat.S_ISFIFO(found.st_mode) or _is_standard_output(found):
            with path.open("wb") as handle:
                _stream(handle, data)
            return
        raise OSError(
            errno.EINVAL,
            "it is not a regular file (nervelog writes files, pipes and standard output, "
            "and replaces no device or folder)",
        )
    path = path.resolve() if path.is_symlink() else path
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


def _is_standard_output(found: os.stat_result) -> bool:
    """Whether ``found`` is this process's standard output (a terminal, say)."""
    try:
        return os.path.samestat(found, os.fstat(sys.stdout.fileno()))
    except (OSError, ValueError):
        return False


def _stream(handle: BinaryIO, data: bytes) -> None:
    handle.write(data)
    handle.flush()
