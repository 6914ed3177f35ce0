"""Where the journal lives: ``--db``, then ``NERVELOG_DB``, then the user data folder."""

from __future__ import annotations

import os
from pathlib import Path

# "NVLG": marks the file as a nervelog journal so other SQLite files are refused. Here,
# outside the storage package, so `nervelog due` can check it without loading storage.
APPLICATION_ID = 0x4E564C47
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
