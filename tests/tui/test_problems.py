"""The app never loses what was typed: a busy, full or changed journal is a message.

Each test makes the journal refuse in a way users meet (another program holding the
write lock, a full disk, a session deleted elsewhere, a failing computation), checks
that the app stays up, says why, keeps every value on screen, and that trying again
once the cause is gone stores exactly what was typed.
"""

from __future__ import annotations

from collections.abc import Callable, Iterator
from pathlib import Path

import pendulum
import pytest
from textual.widgets import Input, Static, TextArea
from tui_helpers import screen_text, wait_for

from nervelog.domain.dates import FixedClock
from nervelog.domain.models import Entry, Session
from nervelog.domain.scores import Score, Scores

# The library nervelog uses: one process must not mix two SQLite libraries on one
# file (their POSIX locks would not see each other).
from nervelog.driver import sqlite as sqlite3
from nervelog.storage import Journal, open_journal
from nervelog.tui.app import WELCOMED, NervelogApp
from nervelog.tui.screens.checkin import CheckinScreen
from nervelog.tui.screens.session_form import SessionFormScreen
from nervelog.tui.screens.sessions import SessionsScreen
from nervelog.tui.widgets.score_row import ScoreRow

TODAY = pendulum.date(2026, 11, 22)


@pytest.fixture
def shared(file_journal: Journal) -> Journal:
    """A journal file the app uses, welcomed, giving up on a busy lock after 50 ms."""
    file_journal.set_setting(WELCOMED, "yes")
    file_journal.set_busy_timeout(0.05)
    return file_journal


@pytest.fixture
def other(journal_path: Path, shared: Journal) -> Iterator[sqlite3.Connection]:
    """A second program's connection to the same journal file."""
    conn = sqlite3.connect(journal_path, isolation_level=None)
    yield conn
    conn.close()


def app_on(journal: Journal, clock: FixedClock, journal_path: Path) -> NervelogApp:
    return NervelogApp(journal, clock, journal_path=journal_path)


def status(app: NervelogApp) -> str:
    return str(app.screen.query_one("#checkin-status", Static).render())


def form_values(app: NervelogApp) -> dict[str, int | None]:
    return {row.score.value: row.value for row in app.screen.query(ScoreRow)}


async def test_checkin_saved_while_another_program_writes_keeps_the_values(
    shared: Journal, other: sqlite3.Connection, clock: FixedClock, journal_path: Path
) -> None:
    app = app_on(shared, clock, journal_path)
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.press("3", "down", "down", "7", "n", *"Feet burning.")
        other.execute("BEGIN IMMEDIATE")  # e.g. another nervelog importing a big file
        await pilot.press("ctrl+s")
        await pilot.pause()
        assert isinstance(app.screen, CheckinScreen)
        shown = status(app)
        assert "Not saved" in shown and "busy" in shown and "ctrl+s tries again" in shown
        assert form_values(app) == {"numbness": 3, "tingling": None, "pain": 7, "mobility": None}
        assert app.screen.query_one("#note", TextArea).text == "Feet burning."
        assert shared.entry(TODAY) is None

        other.execute("ROLLBACK")  # the other program is done
        await pilot.press("ctrl+s")
        await pilot.pause()
        assert status(app).startswith("Saved")
    stored = shared.entry(TODAY)
    assert stored is not None
    assert stored.scores == Scores(numbness=3, pain=7) and stored.notes == "Feet burning."


async def test_checkin_on_a_full_disk_says_so_and_saves_once_there_is_room(
    shared: Journal, clock: FixedClock, journal_path: Path
) -> None:
    pages = shared.db.execute("PRAGMA page_count").fetchone()[0]
    shared.db.execute(f"PRAGMA max_page_count = {pages}")  # the file cannot grow
    app = app_on(shared, clock, journal_path)
    long_note = "Pins and needles from the toes to the knee. " * 400  # ~18 kB: more pages
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.press("5")
        app.screen.query_one("#note", TextArea).insert(long_note)
        await pilot.press("ctrl+s")
        await pilot.pause()
        shown = status(app)
        assert "Not saved" in shown and "disk is full" in shown
        assert form_values(app)["numbness"] == 5
        assert app.screen.query_one("#note", TextArea).text == long_note
        assert shared.entry(TODAY) is None

        shared.db.execute(f"PRAGMA max_page_count = {pages * 100}")  # space was freed
        await pilot.press("ctrl+s")
        await pilot.pause()
    stored = shared.entry(TODAY)
    assert stored is not None and stored.notes == long_note and stored.scores.numbness == 5


async def fill(app: NervelogApp, field: str, value: str) -> None:
    widget = app.screen.query_one(f"#f-{field}", Input)
    widget.value = value


def problems(app: NervelogApp) -> str:
    return str(app.screen.query_one("#problems", Static).render())


async def test_session_form_saved_while_busy_stays_open_with_what_was_typed(
    shared: Journal, other: sqlite3.Connection, clock: FixedClock, journal_path: Path
) -> None:
    app = app_on(shared, clock, journal_path)
    async with app.run_test(size=(100, 40)) as pilot:
        await pilot.press("s", "a")
        await pilot.pause()
        await pilot.press(*"massage")
        await fill(app, "provider", "Sam")
        await fill(app, "after_pain", "3")
        other.execute("BEGIN IMMEDIATE")
        await pilot.press("ctrl+s")
        await pilot.pause()
        assert isinstance(app.screen, SessionFormScreen)
        assert "busy" in problems(app) and "ctrl+s tries again" in problems(app)
        assert app.screen.query_one("#f-kind", Input).value == "massage"
        assert app.screen.query_one("#f-provider", Input).value == "Sam"
        assert shared.sessions() == []

        other.execute("ROLLBACK")
        await pilot.press("ctrl+s")
        await pilot.pause()
        assert isinstance(app.screen, SessionsScreen)
    [stored] = shared.sessions()
    assert (stored.kind, stored.provider, stored.after) == ("massage", "Sam", Scores(pain=3))


async def test_a_session_deleted_elsewhere_while_edited_can_be_saved_as_new(
    shared: Journal, clock: FixedClock, journal_path: Path
) -> None:
    original = shared.add_session(Session(date=TODAY, kind="massage", provider="Sam"))
    app = app_on(shared, clock, journal_path)
    async with app.run_test(size=(100, 40)) as pilot:
        await pilot.press("s")
        await pilot.pause()
        await pilot.press("e")
        await pilot.pause()
        assert isinstance(app.screen, SessionFormScreen)
        elsewhere = open_journal(journal_path, clock)  # e.g. `nervelog session delete 1`
        assert elsewhere.delete_session(original.id or 0)
        elsewhere.db.conn.close()
        await fill(app, "provider", "Sam and Alex")
        await pilot.press("ctrl+s")
        await pilot.pause()
        assert isinstance(app.screen, SessionFormScreen)
        shown = problems(app)
        assert "deleted elsewhere" in shown and "as a new session" in shown
        assert app.screen.query_one("#f-provider", Input).value == "Sam and Alex"
        assert shared.sessions() == []

        await pilot.press("ctrl+s")
        await pilot.pause()
        assert isinstance(app.screen, SessionsScreen)
    [stored] = shared.sessions()
    assert (stored.kind, stored.provider) == ("massage", "Sam and Alex")


async def test_deleting_a_day_while_busy_keeps_it_and_works_later(
    shared: Journal, other: sqlite3.Connection, clock: FixedClock, journal_path: Path
) -> None:
    shared.save_entry(Entry(date=TODAY, scores=Scores(pain=4)))
    app = app_on(shared, clock, journal_path)
    async with app.run_test(size=(100, 30)) as pilot:
        await pilot.press("j")
        await pilot.pause()
        other.execute("BEGIN IMMEDIATE")
        await pilot.press("d", "y")
        await pilot.pause()
        shown = str(app.screen.query_one("#journal-range", Static).render())
        assert shown.startswith("Not deleted:") and "busy" in shown
        assert shared.entry(TODAY) is not None

        other.execute("ROLLBACK")
        await pilot.press("d", "y")
        await pilot.pause()
        assert shared.entry(TODAY) is None
        assert "0 of 30 days logged" in screen_text(app)


def figures(app: NervelogApp) -> str:
    return str(app.screen.query_one("#figures-text", Static).render())


def preview(app: NervelogApp) -> str:
    return str(app.screen.query_one("#summary-text", Static).render())


async def test_a_failing_trends_computation_is_a_message_and_the_app_goes_on(
    shared: Journal, clock: FixedClock, journal_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    def broken(*_: object) -> None:
        raise RuntimeError("the figures could not be computed")

    monkeypatch.setattr("nervelog.tui.screens.trends.TrendData", broken)
    app = app_on(shared, clock, journal_path)
    async with app.run_test(size=(120, 40)) as pilot:
        await pilot.press("t")
        await wait_for(pilot, lambda: "cannot be shown" in figures(app))
        assert "could not be computed" in figures(app)
        await pilot.press("c", "6", "ctrl+s")  # the rest of the app still works
        await pilot.pause()
        assert app.is_running
    stored = shared.entry(TODAY)
    assert stored is not None and stored.scores.get(Score.NUMBNESS) == 6


async def test_an_unreadable_journal_on_trends_and_summary_is_a_message(
    shared: Journal, other: sqlite3.Connection, clock: FixedClock, journal_path: Path
) -> None:
    other.execute("DROP TABLE session")  # damage, as a broken tool or disk might do
    app = app_on(shared, clock, journal_path)
    async with app.run_test(size=(120, 40)) as pilot:
        await pilot.press("t")
        await wait_for(pilot, lambda: "cannot be shown" in figures(app))
        assert "no such table: session" in figures(app)
        await pilot.press("r")
        await wait_for(pilot, lambda: "cannot be shown" in preview(app))
        assert "no such table: session" in preview(app)
        await pilot.press("c", "2", "ctrl+s")
        await pilot.pause()
        assert app.is_running
    stored = shared.entry(TODAY)
    assert stored is not None and stored.scores.numbness == 2


async def test_a_failing_summary_is_a_message_and_the_app_goes_on(
    shared: Journal, clock: FixedClock, journal_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    def broken(*_: object, **__: object) -> None:
        raise ValueError("no figures today")

    monkeypatch.setattr("nervelog.tui.screens.summary.compose_report", broken)
    app = app_on(shared, clock, journal_path)
    async with app.run_test(size=(120, 40)) as pilot:
        await pilot.press("r")
        await wait_for(pilot, lambda: "cannot be shown" in preview(app))
        assert "no figures today" in preview(app)
        await pilot.press("s")
        await pilot.pause()
        assert isinstance(app.screen, SessionsScreen)


async def test_an_unexpected_error_leaves_what_was_typed_and_the_command_to_save_it(
    shared: Journal,
    clock: FixedClock,
    journal_path: Path,
    monkeypatch: pytest.MonkeyPatch,
    capsys: pytest.CaptureFixture[str],
) -> None:
    import shlex

    from click.testing import CliRunner

    from nervelog.cli import CliContext, cli
    from nervelog.tui import report_unsaved

    def bug(_: CheckinScreen) -> None:
        raise RuntimeError("a bug nervelog did not foresee")

    monkeypatch.setattr(CheckinScreen, "action_leave_note", bug)
    note = "Feet \x1b[31mburning\x1b[0m\nafter the walk"
    app = app_on(shared, clock, journal_path)
    with pytest.raises(RuntimeError):
        async with app.run_test(size=(80, 24)) as pilot:
            await pilot.press("4", "down", "1", "0", "down", "down", "x", "n")
            app.screen.query_one("#note", TextArea).insert(note)
            await pilot.press("escape")  # the bug: the app has to stop
            await pilot.pause()
    assert app.return_code == 1 and app.context.draft is not None
    report_unsaved(app.context.draft, journal_path)
    printed = capsys.readouterr().err
    assert "before 2026-11-22 was saved" in printed
    assert "numbness 4, tingling 10, pain skipped, mobility skipped" in printed
    assert "\x1b" not in printed  # the note's escape codes never reach the terminal

    # The printed command stores exactly what was on screen, in the same journal.
    command = shlex.split(printed.split("run:\n")[1].strip())
    assert command[:3] == ["nervelog", "--db", str(journal_path)]
    result = CliRunner().invoke(cli, command[1:], obj=CliContext(clock=clock))
    assert result.exit_code == 0, result.output
    stored = shared.entry(TODAY)
    assert stored is not None and stored.scores == Scores(numbness=4, tingling=10)
    assert stored.notes == note


def entries_unreadable(
    journal: Journal, monkeypatch: pytest.MonkeyPatch
) -> Callable[[pendulum.Date], Entry | None]:
    """Make reading a day fail as a failing disk would; returns the real reader."""
    read = journal.entry

    def unreadable(day: pendulum.Date) -> Entry | None:
        raise sqlite3.OperationalError("disk I/O error")

    monkeypatch.setattr(journal, "entry", unreadable)
    return read


async def test_a_day_that_could_not_be_read_is_not_replaced_unseen(
    shared: Journal, clock: FixedClock, journal_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    shared.save_entry(Entry(date=TODAY, scores=Scores(pain=8, mobility=3), notes="earlier"))
    read = entries_unreadable(shared, monkeypatch)
    app = app_on(shared, clock, journal_path)
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.pause()
        monkeypatch.setattr(shared, "entry", read)
        await pilot.press("5", "ctrl+s")
        await pilot.pause()
        assert "already has an entry (numbness –, tingling –, pain 8, mobility 3)" in status(app)
        assert form_values(app)["numbness"] == 5
        stored = shared.entry(TODAY)
        assert stored is not None and stored.scores == Scores(pain=8, mobility=3)
        await pilot.press("ctrl+s")  # the user has seen it: now it is replaced
        await pilot.pause()
    stored = shared.entry(TODAY)
    assert stored is not None and stored.scores == Scores(numbness=5)
    assert shared.history("entry", TODAY.isoformat())[0].new is not None  # the old one kept


async def test_a_journal_unreadable_at_start_still_takes_the_days_scores_later(
    shared: Journal, clock: FixedClock, journal_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    read = entries_unreadable(shared, monkeypatch)
    app = app_on(shared, clock, journal_path)
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.pause()
        assert isinstance(app.screen, CheckinScreen)
        assert "disk I/O error" in status(app) and "(today)" in screen_text(app)
        monkeypatch.setattr(shared, "entry", read)  # the disk is back
        await pilot.press("5", "ctrl+s")
        await pilot.pause()
        assert status(app).startswith("Saved")
    stored = shared.entry(TODAY)
    assert stored is not None and stored.scores == Scores(numbness=5)
