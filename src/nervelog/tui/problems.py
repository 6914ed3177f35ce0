"""The app's error boundary: a journal problem becomes a message, never a closed app.

Every save, delete, undo and load in the app runs inside ``Attempt``. A busy, full,
damaged or read-only journal, a validation error or a record deleted elsewhere is
shown in the words the command line uses; anything unexpected is shown too (and its
traceback logged), and what the user typed stays on screen.
"""

from __future__ import annotations

import traceback
from types import TracebackType

from textual.widget import Widget

from nervelog.advice import explain
from nervelog.storage.repository import Journal


def problem_message(exc: BaseException, doing: str, journal: Journal) -> str:
    """What went wrong with ``doing`` (for example "Saving"), in plain words."""
    known = explain(exc, journal.file(), journal.busy_timeout_ms())
    if known is not None:
        return known
    if isinstance(exc, OSError):
        return f"{doing} failed: {exc.strerror or exc}. Nothing was changed."
    return (
        f"{doing} failed because of an unexpected problem ({type(exc).__name__}: {exc}). "
        "Nothing was changed."
    )


class Attempt:
    """``with Attempt(screen, "Saving", journal) as attempt:`` — a failure becomes a notification.

    After the block, ``attempt.failed`` says whether it failed and ``attempt.message``
    holds the words shown, for the screen to repeat next to the user's input.
    """

    def __init__(self, node: Widget, doing: str, journal: Journal) -> None:
        self.node = node
        self.doing = doing
        self.journal = journal
        self.message: str | None = None
        """The words shown for a failure."""
        self.error: Exception | None = None
        """What was raised, for screens that act on the kind of problem."""

    @property
    def failed(self) -> bool:
        """True when the block raised."""
        return self.error is not None

    def __enter__(self) -> Attempt:
        return self

    def __exit__(
        self,
        exc_type: type[BaseException] | None,
        exc: BaseException | None,
        tb: TracebackType | None,
    ) -> bool:
        if exc is None or not isinstance(exc, Exception):
            return False  # success, or KeyboardInterrupt / cancellation: not ours
        self.error = exc
        self.message = problem_message(exc, self.doing, self.journal)
        if explain(exc) is None:
            self.node.log.error("".join(traceback.format_exception(exc)))
        self.node.notify(self.message, title=f"{self.doing} failed", severity="error", timeout=15)
        return True
