"""The journal app (Textual). Only this package imports textual and textual_plotext.

``run_app`` is the one entry point the CLI uses; the app itself is imported lazily so
``import nervelog.tui`` stays cheap.
"""

from __future__ import annotations

from pathlib import Path

from nervelog.domain.dates import Clock
from nervelog.storage.repository import Journal


def run_app(journal: Journal, clock: Clock, path: Path | None) -> None:
    """Open the journal app on ``journal`` and block until the user quits."""
    from nervelog.tui.app import NervelogApp

    NervelogApp(journal, clock, journal_path=path).run()


__all__ = ["run_app"]
