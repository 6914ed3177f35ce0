"""Problems with user input, reported all at once and in plain words."""

from __future__ import annotations

from collections.abc import Iterable
from pathlib import Path
from typing import NamedTuple


class Problem(NamedTuple):
    """One thing wrong with the input: which field, what was given, what is allowed."""

    field: str
    value: object
    allowed: str
    line: int | None = None

    def __str__(self) -> str:
        where = f"line {self.line}: " if self.line is not None else ""
        return f"{where}{self.field}: {shown(self.value)} is not allowed; expected {self.allowed}"

    def error(self) -> ValidationError:
        """This problem as an exception."""
        return ValidationError([self])


SHOWN_LENGTH = 80
"""How much of a refused value a message repeats: enough to find it, never a whole file."""


def shown(value: object) -> str:
    """``value`` as a message shows it (its ``repr``), cut to ``SHOWN_LENGTH`` characters."""
    text = repr(value)
    if len(text) <= SHOWN_LENGTH:
        return text
    return f"{text[: SHOWN_LENGTH - 20]}… ({len(text):,} characters)"


class ValidationError(ValueError):
    """Raised with every problem found, so the user can fix them in one go."""

    def __init__(self, problems: Iterable[Problem], *, more: str = "") -> None:
        self.problems = list(problems)
        self.more = more
        """What was not listed (``"…and 2,417 more problems"``), or empty."""
        super().__init__("\n".join([*(str(p) for p in self.problems), *([more] if more else [])]))


class JournalError(Exception):
    """The journal file cannot be used (missing, unreadable, not a journal, too new)."""


class JournalUnavailable(JournalError):
    """SQLite could not open, read or write the journal just now: nothing was changed.

    ``cause`` is SQLite's own error; ``nervelog.advice`` says what a person can do about
    it (free disk space, wait, check permissions, restore a backup).
    """

    def __init__(self, message: str, cause: Exception, path: Path | None, busy_ms: int) -> None:
        super().__init__(message)
        self.cause = cause
        self.path = path
        self.busy_ms = busy_ms


class RecordGone(JournalError):
    """The record being changed is no longer in the journal (deleted elsewhere)."""


class Conflict(JournalError):
    """A write based on a version of a record that has changed since: nothing was written.

    ``stored`` is the record as it is now; ``attempted`` what would have been written
    (None for a delete), both as rows, so the caller can show the two side by side.
    """

    def __init__(
        self,
        noun: str,
        key: object,
        stored: dict[str, object],
        attempted: dict[str, object] | None,
        based_on: int,
    ) -> None:
        self.noun = noun
        self.key = key
        self.stored = stored
        self.attempted = attempted
        self.based_on = based_on
        verb = "saved" if attempted is not None else "deleted"
        super().__init__(
            f"The {noun} {key} was changed elsewhere after it was read here (read at "
            f"version {based_on}, now version {stored.get('version')}). Nothing was {verb}."
        )
