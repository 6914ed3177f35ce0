"""Synthetic journals for benchmarks: daily entries, two sessions a week, some notes."""

from __future__ import annotations

import random
import sys
from pathlib import Path

import pendulum

from nervelog.domain.dates import FixedClock
from nervelog.domain.models import Entry, Session
from nervelog.domain.scores import Scores
from nervelog.storage import open_journal
from nervelog.storage.importing import apply_import

LAST_DAY = pendulum.date(2026, 11, 21)
CLOCK = FixedClock(pendulum.datetime(2026, 11, 22, 9, 0, tz="Europe/London"))


def build_journal(path: Path, years: int, seed: int = 7) -> Path:
    """Write a journal of ``years`` years of daily entries ending yesterday to ``path``."""
    rng = random.Random(seed)
    first = LAST_DAY.subtract(days=365 * years - 1)
    entries, sessions = [], []
    day = first
    while day <= LAST_DAY:

        def s() -> int:
            return max(0, min(10, round(rng.gauss(5, 2))))

        recorded = pendulum.datetime(day.year, day.month, day.day, 21, tz="Europe/London")
        entries.append(
            Entry(
                date=day,
                scores=Scores(s(), s(), s(), s()),
                notes=rng.choice(["", "", "", "Feet burned at night.", "Walked to the shop."]),
                recorded_at=recorded,
                updated_at=recorded,
            )
        )
        if day.day_of_week in (pendulum.MONDAY, pendulum.THURSDAY):
            sessions.append(
                Session(
                    date=day,
                    kind="massage" if day.day_of_week == pendulum.MONDAY else "physiotherapy",
                    time="10:30",
                    duration_min=45,
                    body_areas=("feet", "calves"),
                    before=Scores(pain=s()),
                    after=Scores(pain=s()),
                    recorded_at=recorded,
                    updated_at=recorded,
                )
            )
        day = day.add(days=1)
    journal = open_journal(path, CLOCK)
    apply_import(journal, entries, sessions)
    journal.set_setting("welcomed", "yes")  # benchmark the daily start, not the first run
    journal.db.conn.close()
    return path


if __name__ == "__main__":
    target = Path(sys.argv[1])
    build_journal(target, int(sys.argv[2]) if len(sys.argv) > 2 else 10)
    print(target)
