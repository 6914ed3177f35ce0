"""The journal file: where it lives (``--db``, ``NERVELOG_DB``, the user data folder),
and what kind of file it is.

Kept free of the storage layer, so `nervelog due` can use it without loading storage.
"""

from __future__ import annotations

import os
from pathlib import Path

# "NVLG": marks the file as a nervelog journal so other SQLite files are refused.
APPLICATION_ID = 0x4E564C47
SQLITE_HEADER = b"SQLite format 3\x00"
ENV_VAR = "NERVELOG_DB"
FILE_NAME = "journal.sqlite3"


def default_journal_path() -> Path:
    """The journal in the platform's per-user data folder."""
    # Imported here so commands that are given --db never touch platformdirs.
    from platformdirs import user_data_path

    return user_data_path("nervelog", appauthor=False) / FILE_NAME


def journal_path(cli_path: str | os.PathLike[str] | None = None) -> Path:
    """Resolve the journal path in the documented order."""
    if cli_path:
        return Path(cli_path).expanduser()
    env = os.environ.get(ENV_VAR, "").strip()
    if env:
        return Path(env).expanduser()
    return default_journal_path()


def file_header(path: Path) -> bytes:
    """The first bytes of ``path``, enough to tell an SQLite file from anything else.

    Raises ``OSError`` when the file cannot be read.
    """
    with path.open("rb") as handle:
        return handle.read(len(SQLITE_HEADER))


def is_encrypted(path: Path) -> bool:
    """True for a file that looks like an SQLCipher database.

    Its bytes are indistinguishable from random ones, but it is whole pages (1 KiB at
    least, 4 KiB by default) and has no SQLite header: a text file or a truncated
    journal is not mistaken for one, and keeps its own clearer message.
    """
    try:
        header = file_header(path)
        size = path.stat().st_size
    except OSError:
        return False
    return size >= 1024 and size % 512 == 0 and header != SQLITE_HEADER
