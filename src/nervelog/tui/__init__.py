"""The journal app (Textual). Only this package imports textual and textual_plotext.

``run_app`` is the one entry point the CLI uses; the app itself is imported lazily so
``import nervelog.tui`` stays cheap.
"""

from __future__ import annotations

from pathlib import Path

from nervelog.domain.dates import Clock
from nervelog.storage.repository import Journal

WRITE_WAIT_S = 3.0
"""How long a save in the app waits for another program's write before saying so.

Shorter than the command line's 10 s: the app cannot redraw while it waits, and a
message with the form kept as typed beats a screen that seems frozen.
"""


def run_app(journal: Journal, clock: Clock, path: Path | None) -> None:
    """Open the journal app on ``journal`` and block until the user quits.

    Should the app ever stop on an unexpected error, an unsaved check-in is printed
    with the command that saves it, so the day is not lost.
    """
    import sys

    from nervelog.tui.app import NervelogApp
    from nervelog.tui.recovery import recovery_text

    journal.set_busy_timeout(WRITE_WAIT_S)
    app = NervelogApp(journal, clock, journal_path=path)
    app.run()
    if app.return_code and app.context.draft is not None:
        sys.stderr.write(recovery_text(app.context.draft))


__all__ = ["run_app"]
