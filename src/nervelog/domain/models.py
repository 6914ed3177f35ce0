"""The journal's daily records: entries, sessions and phases.

Storage converts rows at its boundary. Medicines, doses, events and questions are in
``nervelog.domain.care``. Records are frozen dataclasses: immutable and compared by
value, but never equal to a plain tuple. Each carries its global ``uid`` and the
``version`` it was read at, so a write can say what it was based on.
"""

from __future__ import annotations

from dataclasses import dataclass

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
    scores: Scores = Scores()
    notes: str = ""
    recorded_at: pendulum.DateTime | None = None
    updated_at: pendulum.DateTime | None = None
    imported: bool = False
    """Came from a CSV file, which holds no recording time: never called backfilled."""
    uid: str = ""
    """The record's global identity (empty until stored)."""
    version: int = 0
    """The stored version this copy was read at (0: not stored yet)."""

    @property
    def backfilled(self) -> bool:
        """Recorded after the day it describes had ended (in the recorder's time zone)."""
        if self.recorded_at is None or self.imported:
            return False
        return self.recorded_at.date() > self.date


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
    before: Scores = Scores()
    after: Scores = Scores()
    recorded_at: pendulum.DateTime | None = None
    updated_at: pendulum.DateTime | None = None
    uid: str = ""
    """The record's global identity (empty until stored)."""
    version: int = 0
    """The stored version this copy was read at (0: not stored yet)."""

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
    uid: str = ""
    """The record's global identity (empty until stored)."""
    version: int = 0
    """The stored version this copy was read at (0: not stored yet)."""
