"""What every screen of the app is built with: one small object, handed in.

Screens never reach up to the app for the journal or the clock, and never reopen the
journal file: file and in-memory journals take the same path through the code.
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

from nervelog.domain.dates import Clock
from nervelog.domain.models import Entry
from nervelog.storage.repository import Journal


@dataclass
class AppContext:
    """The journal, the clock and where things live; shared by the app's screens."""

    journal: Journal
    clock: Clock
    journal_path: Path | None = None
    """The journal's file, shown to the user (None for an in-memory journal)."""
    export_dir: Path | None = None
    """Where the Summary screen writes exports; None means the current folder."""
    revision: int = 0
    """Bumped on every write, so screens showing data know to reload."""
    draft: Entry | None = None
    """The check-in as typed and not yet saved, so an unexpected error cannot lose it."""

    def journal_changed(self) -> None:
        """Record that the journal was written to; data screens reload when next shown."""
        self.revision += 1

    def export_folder(self) -> Path:
        """The folder exports go to now."""
        return self.export_dir or Path.cwd()
