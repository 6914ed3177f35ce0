"""Entries from a spreadsheet have no recording time: never called backfilled."""

from __future__ import annotations

import pendulum

from nervelog.analysis.summary import period_summary
from nervelog.domain.dates import FixedClock
from nervelog.domain.models import Entry
from nervelog.domain.scores import Scores
from nervelog.storage import Journal, memory_journal
from nervelog.storage.export import export_json
from nervelog.storage.importing import import_data

D = pendulum.date
TZ = "Europe/London"


def at(day: pendulum.Date, days_later: int, hour: int = 21) -> pendulum.DateTime:
    return pendulum.datetime(day.year, day.month, day.day, hour, tz=TZ).add(days=days_later)


def test_recording_counts_on_the_day_next_day_later_and_imported(journal: Journal) -> None:
    days = [D(2026, 11, d) for d in range(1, 5)]
    for day, late in zip(days, (0, 1, 3, 5), strict=True):
        moment = at(day, late, hour=9 if late else 21)
        journal.save_entry(
            Entry(date=day, scores=Scores(pain=4), recorded_at=moment, updated_at=moment)
        )
    csv = "date,numbness,tingling,pain,mobility,notes\n2026-11-10,1,2,3,4,\n2026-11-11,1,2,3,4,\n"
    import_data(journal, csv.encode())
    summary = period_summary(journal.entries(), [], D(2026, 11, 1), D(2026, 11, 30))
    recorded = summary.recorded
    # By hand: 1 on the day, 1 the next day, 2 later (3 and 5 days: median 4), 2 imported.
    assert (recorded.on_the_day, recorded.next_day, recorded.later) == (1, 1, 2)
    assert recorded.later_median_days == 4 and recorded.imported == 2
    assert summary.backfilled == 3  # the imported days are not among them
    assert recorded.text() == (
        "on the day 1, the next day 1, later 2 (median 4 days after); "
        "imported (recording time unknown) 2"
    )


def test_imported_days_stay_imported_through_edits_and_a_json_round_trip(
    journal: Journal, clock: FixedClock
) -> None:
    import_data(journal, b"date,numbness,tingling,pain,mobility,notes\n2026-10-01,1,2,3,4,x\n")
    [entry] = journal.entries()
    assert entry.imported and not entry.backfilled
    journal.update_entry(D(2026, 10, 1), {"pain": 5}, None)  # edited in the app or with log
    [edited] = journal.entries()
    assert edited.imported and edited.scores.pain == 5
    copy = memory_journal(clock)
    import_data(copy, export_json(journal).encode())
    assert copy.entries() == journal.entries()
    # The same CSV again changes nothing, although the stored day was edited since.
    again = import_data(
        journal, b"date,numbness,tingling,pain,mobility,notes\n2026-10-01,1,2,5,4,x\n"
    )
    assert (again.added, again.updated, again.unchanged) == (0, 0, 1)
