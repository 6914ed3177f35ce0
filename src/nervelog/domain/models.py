"""The journal's records as frozen dataclasses; storage converts rows at its boundary."""

from __future__ import annotations

from dataclasses import dataclass, field, replace

import pendulum

from nervelog.domain.scores import Scores

SUGGESTED_KINDS: tuple[str, ...] = (
    "massage",
    "physiotherapy",
    "acupuncture",
    "chiropractic",
    "reflexology",
    "occupational therapy",
    "TENS",
    "exercise class",
)


@dataclass(frozen=True, slots=True)
class Entry:
    """How one calendar day went: the four scores and a note."""

    date: pendulum.Date
    scores: Scores = field(default_factory=Scores)
    notes: str = ""
    recorded_at: pendulum.DateTime | None = None
    updated_at: pendulum.DateTime | None = None
    imported: bool = False
    """Came from a CSV file, which holds no recording time: never called backfilled."""

    @property
    def backfilled(self) -> bool:
        """Recorded after the day it describes had ended (in the recorder's time zone)."""
        if self.recorded_at is None or self.imported:
            return False
        return self.recorded_at.date() > self.date

    def with_changes(self, **changes: object) -> Entry:
        """A copy with some fields changed."""
        return replace(self, **changes)  # type: ignore[arg-type]


@dataclass(frozen=True, slots=True)
class Session:
    """One therapy session; several may fall on the same day."""

    date: pendulum.Date
    kind: str
    id: int | None = None
    time: str | None = None
    duration_min: int | None = None
    provider: str = ""
    body_areas: tuple[str, ...] = ()
    notes: str = ""
    before: Scores = field(default_factory=Scores)
    after: Scores = field(default_factory=Scores)
    recorded_at: pendulum.DateTime | None = None
    updated_at: pendulum.DateTime | None = None

    def with_changes(self, **changes: object) -> Session:
        """A copy with some fields changed."""
        return replace(self, **changes)  # type: ignore[arg-type]

    def same_content(self, other: Session, *, ratings: bool = True) -> bool:
        """True when everything the user typed is equal (ids and timestamps aside).

        With ``ratings=False`` the before/after quick ratings are ignored, for formats
        (the sessions CSV) that do not carry them.
        """
        if ratings:
            return _content(self) == _content(other)
        return _content(self)[:-2] == _content(other)[:-2]


def _content(s: Session) -> tuple[object, ...]:
    return (
        s.date,
        s.kind,
        s.time,
        s.duration_min,
        s.provider,
        s.body_areas,
        s.notes,
        s.before,
        s.after,
    )


@dataclass(frozen=True, slots=True)
class Phase:
    """A named stretch of time the user wants to compare with others."""

    name: str
    start: pendulum.Date
    end: pendulum.Date
    id: int | None = None


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

    def with_changes(self, **changes: object) -> Medication:
        """A copy with some fields changed."""
        return replace(self, **changes)  # type: ignore[arg-type]

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

    def with_changes(self, **changes: object) -> Dose:
        """A copy with some fields changed."""
        return replace(self, **changes)  # type: ignore[arg-type]


@dataclass(frozen=True, slots=True)
class Event:
    """A notable dated thing: a fall, a flare, an illness, an appointment."""

    date: pendulum.Date
    kind: str
    text: str
    id: int | None = None

    def with_changes(self, **changes: object) -> Event:
        """A copy with some fields changed."""
        return replace(self, **changes)  # type: ignore[arg-type]


@dataclass(frozen=True, slots=True)
class Question:
    """Something to ask at the next appointment, and its answer once given."""

    text: str
    raised_on: pendulum.Date
    id: int | None = None
    answered_on: pendulum.Date | None = None
    answer: str = ""

    def with_changes(self, **changes: object) -> Question:
        """A copy with some fields changed."""
        return replace(self, **changes)  # type: ignore[arg-type]

    @property
    def is_open(self) -> bool:
        """Not answered yet."""
        return self.answered_on is None
