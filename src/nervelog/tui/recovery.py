"""If the app ever stops on an unexpected error, the unsaved check-in is not lost.

The terminal is left with what was typed and the ``nervelog log`` command that saves
it into the same journal. A note goes to a private file beside the journal, read back
with ``--note-file``: it comes back exactly as typed, stays out of the shell history,
and no control character in it reaches the terminal.
"""

from __future__ import annotations

import shlex
from pathlib import Path

from nervelog.domain.models import Entry
from nervelog.domain.printable import printable


def note_file_for(draft: Entry, journal_path: Path | None) -> Path:
    """Where the unsaved note of ``draft`` is kept: beside the journal, or in /tmp."""
    import tempfile

    folder = journal_path.parent if journal_path is not None else Path(tempfile.gettempdir())
    return folder / f"nervelog-unsaved-note-{draft.date.isoformat()}.txt"


def recovery_text(draft: Entry, journal_path: Path | None, note_file: Path | None) -> str:
    """What the user had typed for a day, and the command that stores exactly that.

    ``note_file`` holds the note when there is one (None when it could not be written:
    then the note is shown, escaped, to copy by hand).
    """
    day = draft.date.isoformat()
    args = ["nervelog"]
    if journal_path is not None:
        args += ["--db", str(journal_path)]
    args += ["log", "--date", day]
    shown = []
    for name, value in draft.scores.as_dict().items():
        args += [f"--{name}", "skip" if value is None else str(value)]
        shown.append(f"{name} {'skipped' if value is None else value}")
    if note_file is not None:
        args += ["--note-file", str(note_file)]
        shown.append(f"the note, kept in {note_file}")
    elif draft.notes.strip():
        shown.append(f"note (not saved by this command): {printable(draft.notes)}")
    return (
        f"nervelog stopped because of an unexpected error before {day} was saved.\n"
        f"What you typed: {', '.join(shown)}.\n"
        f"To save it, run:\n  {printable(shlex.join(args))}\n"
    )
