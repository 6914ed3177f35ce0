"""If the app ever stops on an unexpected error, the unsaved check-in is not lost.

The terminal is left with what was typed and the ``nervelog log`` command that saves it.
"""

from __future__ import annotations

import shlex

from nervelog.domain.models import Entry
from nervelog.domain.text import printable


def recovery_text(draft: Entry) -> str:
    """What the user had typed for a day, and the command that stores exactly that."""
    day = draft.date.isoformat()
    args = ["nervelog", "log", "--date", day]
    shown = []
    for name, value in draft.scores.as_dict().items():
        args += [f"--{name}", "skip" if value is None else str(value)]
        shown.append(f"{name} {'skipped' if value is None else value}")
    # Always given, so a note the user emptied is emptied in the journal too.
    args += ["--note", draft.notes]
    if draft.notes.strip():
        shown.append(f"note: {printable(draft.notes)}")
    return (
        f"nervelog stopped because of an unexpected error before {day} was saved.\n"
        f"What you typed: {', '.join(shown)}.\n"
        f"To save it, run:\n  {printable(shlex.join(args))}\n"
    )
