"""Small hand-made journals for the analysis tests."""

from __future__ import annotations

import pendulum

from nervelog.domain.models import Entry, Session
from nervelog.domain.scores import Scores

# A Monday, so weeks line up with the calendar in the tests.
DAY0 = pendulum.date(2026, 11, 2)


def day(offset: int) -> pendulum.Date:
    """``DAY0`` plus ``offset`` days."""
    return DAY0.add(days=offset)


def entry(
    offset: int,
    *,
    numbness: int | None = None,
    tingling: int | None = None,
    pain: int | None = None,
    mobility: int | None = None,
    recorded: pendulum.DateTime | None = None,
) -> Entry:
    """An entry ``offset`` days after ``DAY0`` with the scores given (others skipped)."""
    return Entry(
        date=day(offset),
        scores=Scores(numbness=numbness, tingling=tingling, pain=pain, mobility=mobility),
        recorded_at=recorded,
    )


def pain_entries(values: dict[int, int]) -> list[Entry]:
    """Entries with only a pain score, keyed by day offset."""
    return [entry(offset, pain=value) for offset, value in sorted(values.items())]


def session(
    offset: int,
    kind: str = "massage",
    *,
    before: Scores | None = None,
    after: Scores | None = None,
    sid: int | None = None,
) -> Session:
    """A session ``offset`` days after ``DAY0``."""
    return Session(
        date=day(offset),
        kind=kind,
        id=sid,
        before=before or Scores(),
        after=after or Scores(),
    )
