"""The journal app (Textual). Only this package imports textual and textual_plotext.

``run_app`` is the one entry point the CLI uses; the app itself is imported lazily so
``import nervelog.tui`` stays cheap.
"""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

from nervelog.domain.dates import Clock
from nervelog.domain.models import Entry
from nervelog.storage.repository import Journal

WRITE_WAIT_S = 3.0
"""How long a save in the app waits for another program's write before saying so.

Shorter than the command line's 10 s: the app cannot redraw while it waits, and a
message with the form kept as typed beats a screen that seems frozen.
"""


def run_app(
    journal: Journal,
    clock: Clock,
    path: Path | None,
    *,
    demo: bool = False,
    shown: Callable[[], None] | None = None,
) -> None:
    """Open the journal app on ``journal`` and block until the user quits.

    ``shown`` is called once the first screen is drawn.

    Should the app ever stop on an unexpected error, an unsaved check-in is printed
    with the command that saves it, so the day is not lost (the demo's is only shown).
    """
    from nervelog.tui.app import NervelogApp

    journal.set_busy_timeout(WRITE_WAIT_S)
    app = NervelogApp(journal, clock, journal_path=path, shown=shown)
    app.run()
    if app.return_code and app.context.draft is not None:
        report_unsaved(app.context.draft, None if demo else path)


def report_unsaved(draft: Entry, path: Path | None) -> None:
    """Print the unsaved check-in and how to save it; its note goes to a private file."""
    import sys

    from nervelog.storage.files import write_private
    from nervelog.tui.recovery import note_file_for, recovery_text

    note_file: Path | None = None
    if draft.notes.strip():
        note_file = note_file_for(draft, path)
        try:
            write_private(note_file, draft.notes.encode("utf-8"))
        except OSError:
            note_file = None
    sys.stderr.write(recovery_text(draft, path, note_file))


__all__ = ["run_app"]
