"""Hostile notes through the doctor's report and the app: shown safely, stored exactly."""

from __future__ import annotations

import asyncio
import tempfile
from pathlib import Path

import pendulum
from hostile import NOTES, PIECES, has_raw_control
from hypothesis import HealthCheck, given, settings

from conftest import invoke
from nervelog.domain.dates import FixedClock
from nervelog.domain.models import Entry, Session
from nervelog.domain.printable import printable
from nervelog.domain.scores import Scores
from nervelog.storage import Journal, memory_journal

CLOCK = FixedClock(pendulum.datetime(2026, 11, 22, 9, 30, tz="Europe/London"))
TODAY = CLOCK.today()
SLOW = settings(
    max_examples=12, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture]
)


def _squash(text: str) -> str:
    return "".join(text.split())


@SLOW
@given(note=NOTES)
def test_the_text_report_shows_notes_safely(note: str) -> None:
    with tempfile.TemporaryDirectory() as folder:
        path = Path(folder) / "journal.sqlite3"
        assert invoke(path, CLOCK, "log", "--pain", "3", "--note", note).exit_code == 0
        added = invoke(path, CLOCK, "session", "add", "massage", "--note", note, "--area", note)
        assert added.exit_code == 0 or "body" in added.output  # an all-blank area is refused
        for fmt in ("text", "md"):
            report = invoke(path, CLOCK, "report", "--format", fmt, "--daily", "--last", "30d")
            assert report.exit_code == 0, report.output
            # The text report's own page breaks are form feeds on lines of their own.
            body = report.output.replace("\n\f\n", "\n")
            assert not has_raw_control(body), report.output
        text = invoke(path, CLOCK, "report", "--format", "text", "--last", "30d").output
        # The report wraps long notes, so compare without whitespace.
        if note.strip():
            assert _squash(printable(note.strip())) in _squash(text)


def _journal_with(note: str) -> Journal:
    from nervelog.tui.app import WELCOMED

    journal = memory_journal(CLOCK)
    journal.set_setting(WELCOMED, "yes")
    journal.save_entry(Entry(date=TODAY, scores=Scores(pain=6), notes=note))
    journal.save_entry(Entry(date=TODAY.subtract(days=1), scores=Scores(pain=5), notes=note))
    journal.add_session(
        Session(date=TODAY, kind=note.strip() or "massage", provider=note, notes=note)
    )
    return journal


async def _drive_the_app(journal: Journal) -> None:
    from nervelog.tui.app import NervelogApp

    app = NervelogApp(journal, CLOCK)
    async with app.run_test(size=(100, 32)) as pilot:
        await pilot.pause()
        await pilot.press("4", "ctrl+s")  # change one score of today and save
        await pilot.pause()
        for key in ("j", "s", "t", "c", "question_mark", "escape"):
            await pilot.press(key)
            await pilot.pause()


def _check_app_keeps(note: str) -> None:
    journal = _journal_with(note)
    asyncio.run(_drive_the_app(journal))
    stored = journal.entry(TODAY)
    assert stored is not None
    assert stored.scores.numbness == 4  # the save happened ...
    assert stored.notes == note  # ... and the untouched note is byte-for-byte the same
    session = journal.sessions()[0]
    assert (session.notes, session.provider) == (note, note)


def test_the_app_survives_each_hostile_piece() -> None:
    _check_app_keeps("".join(PIECES))


@settings(max_examples=3, deadline=None)
@given(note=NOTES)
def test_the_app_survives_generated_notes(note: str) -> None:
    _check_app_keeps(note)
