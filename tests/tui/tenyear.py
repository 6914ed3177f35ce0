"""A ten-year journal for measuring the app: daily entries 2016-11-22..2026-11-21 and
two sessions a week, built with the journal's own import."""

from __future__ import annotations

import random
from pathlib import Path

import pendulum

from nervelog.domain.dates import FixedClock
from nervelog.domain.models import Entry, Session
from nervelog.domain.scores import Scores
from nervelog.storage import open_journal

FIRST_DAY = pendulum.date(2016, 11, 22)
LAST_DAY = pendulum.date(2026, 11, 21)
CLOCK = FixedClock(pendulum.datetime(2026, 11, 22, 9, 0, tz="Europe/London"))


def build_ten_years(path: Path, seed: int = 10) -> Path:
    """Write the ten-year journal to ``path`` (a new file) and return the path."""
    rng = random.Random(seed)

    def score() -> int | None:
        return None if rng.random() < 0.03 else max(0, min(10, round(rng.gauss(5, 2))))

    entries: list[Entry] = []
    sessions: list[Session] = []
    day = FIRST_DAY
    while day <= LAST_DAY:
        moment = pendulum.datetime(day.year, day.month, day.day, 21, tz="Europe/London")
        if rng.random() > 0.05:  # a few days missed, so there are gaps
            entries.append(
                Entry(
                    date=day,
                    scores=Scores(score(), score(), score(), score()),
                    notes=rng.choice(["", "", "Feet burned at night.", "Walked to the shop."]),
                    recorded_at=moment,
                    updated_at=moment,
                )
            )
        if day.day_of_week in (pendulum.MONDAY, pendulum.THURSDAY):
            sessions.append(
                Session(
                    date=day,
                    kind="massage" if day.day_of_week == pendulum.MONDAY else "physiotherapy",
                    time="10:30",
                    duration_min=45,
                    before=Scores(pain=score()),
                    after=Scores(pain=score()),
                    recorded_at=moment,
                    updated_at=moment,
                )
            )
        day = day.add(days=1)
    journal = open_journal(path, CLOCK)
    journal.apply_import(entries, sessions)
    journal.set_setting("welcomed", "yes")
    journal.db.conn.close()
    return path
