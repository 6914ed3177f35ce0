"""The care records: medicine courses, doses, events, questions (frozen dataclasses).

Apart from ``nervelog.domain.models`` so that commands that never touch them (``nervelog
log``) do not build their classes (README, "Performance").
"""

from __future__ import annotations

from dataclasses import dataclass

import pendulum

SUGGESTED_EVENT_KINDS: tuple[str, ...] = (
    "fall",
    "flare",
    "illness",
    "injury",
    "procedure",
    "appointment",
    "other",
)


@dataclass(frozen=True, slots=True)
class Medication:
    """One course of one medicine: a dose on a schedule, from a day until stopped.

    A dose change stops one course and starts the next on the same day; the new
    course ``follows`` the old one, so the timeline reads "75 mg → 150 mg on 3 Mar".
    """

    name: str
    dose: str
    started: pendulum.Date
    id: int | None = None
    schedule: str = ""
    as_needed: bool = False
    """Taken when needed (PRN): each dose taken is logged as a ``Dose``."""
    stopped: pendulum.Date | None = None
    reason: str = ""
    notes: str = ""
    follows: int | None = None
    uid: str = ""
    """The record's global identity (empty until stored)."""
    version: int = 0
    """The stored version this copy was read at (0: not stored yet)."""

    @property
    def label(self) -> str:
        """``pregabalin 75 mg`` (the name and dose as typed)."""
        return f"{self.name} {self.dose}".strip()

    def current_on(self, day: pendulum.Date) -> bool:
        """True when the course was being taken on ``day``.

        ``stopped`` is the day it stopped: from then on it is not taken, so on the day of
        a dose change only the new course is current.
        """
        return self.started <= day and (self.stopped is None or day < self.stopped)


@dataclass(frozen=True, slots=True)
class Dose:
    """One dose of an as-needed medicine, taken on a day."""

    medication: int
    date: pendulum.Date
    id: int | None = None
    time: str | None = None
    amount: str = ""
    notes: str = ""
    uid: str = ""
    """The record's global identity (empty until stored)."""
    version: int = 0
    """The stored version this copy was read at (0: not stored yet)."""


@dataclass(frozen=True, slots=True)
class Event:
    """A notable dated thing: a fall, a flare, an illness, an appointment."""

    date: pendulum.Date
    kind: str
    text: str
    id: int | None = None
    uid: str = ""
    """The record's global identity (empty until stored)."""
    version: int = 0
    """The stored version this copy was read at (0: not stored yet)."""


@dataclass(frozen=True, slots=True)
class Question:
    """Something to ask at the next appointment, and its answer once given."""

    text: str
    raised_on: pendulum.Date
    id: int | None = None
    answered_on: pendulum.Date | None = None
    answer: str = ""
    uid: str = ""
    """The record's global identity (empty until stored)."""
    version: int = 0
    """The stored version this copy was read at (0: not stored yet)."""

    @property
    def is_open(self) -> bool:
        """Not answered yet."""
        return self.answered_on is None
