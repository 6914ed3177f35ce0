"""`nervelog due`: silent and 0 once today is logged, one line and 1 before; never writes."""

from __future__ import annotations

import hashlib
from collections.abc import Callable
from pathlib import Path

import pendulum
from click.testing import CliRunner, Result

from nervelog.cli import CliContext, cli
from nervelog.domain.dates import FixedClock

# The library nervelog uses: one process must not mix two SQLite libraries on one
# file (their POSIX locks would not see each other).
from nervelog.driver import sqlite as sqlite3
from nervelog.paths import APPLICATION_ID

Run = Callable[..., Result]


def at(journal: Path, moment: pendulum.DateTime, *args: str) -> Result:
    """Run nervelog on ``journal`` with the clock stopped at ``moment``."""
    return CliRunner().invoke(
        cli,
        ["--db", str(journal), *args],
        obj=CliContext(clock=FixedClock(moment)),
        catch_exceptions=False,
    )


def london(day: int, hour: int, minute: int) -> pendulum.DateTime:
    return pendulum.datetime(2026, 11, day, hour, minute, tz="Europe/London")


def fingerprint(folder: Path) -> dict[str, str]:
    """Every file under ``folder`` (the journal, its backups) and its bytes' hash.

    SQLite's -wal and -shm files are left out: a reader needs them to see what a writer
    has not yet merged into the journal, and creates them empty when they are missing.
    """
    return {
        str(p.relative_to(folder)): hashlib.sha256(p.read_bytes()).hexdigest()
        for p in sorted(folder.rglob("*"))
        if p.is_file() and not p.name.endswith(("-wal", "-shm"))
    }


def test_before_and_after_logging_today(run: Run) -> None:
    run("log", "--date", "2 days ago", "--pain", "4")
    before = run("due")
    assert before.exit_code == 1
    assert before.output == "nervelog: today not logged yet (last entry 2 days ago)\n"
    run("log", "--pain", "3")
    after = run("due")
    assert (after.exit_code, after.output) == (0, "")


def test_a_day_logged_yesterday_says_yesterday(run: Run) -> None:
    run("log", "--date", "yesterday", "--note", "tired")
    result = run("due")
    assert (result.exit_code, result.output) == (
        1,
        "nervelog: today not logged yet (last entry yesterday)\n",
    )


def test_quiet_prints_nothing_and_keeps_the_status(run: Run) -> None:
    run("log", "--date", "yesterday", "--pain", "2")
    assert (run("due", "--quiet").exit_code, run("due", "--quiet").output) == (1, "")
    run("log", "--pain", "2")
    assert (run("due", "-q").exit_code, run("due", "-q").output) == (0, "")


def test_no_journal_yet_is_not_logged_and_is_not_created(run: Run, journal_path: Path) -> None:
    result = run("due")
    assert result.exit_code == 1
    assert result.output == "nervelog: today not logged yet (no entries yet)\n"
    assert not journal_path.exists() and not journal_path.parent.exists()


def test_an_empty_journal_has_no_entries_yet(run: Run, journal_path: Path) -> None:
    run("check")  # creates the journal, with nothing in it
    assert journal_path.exists()
    assert run("due").output == "nervelog: today not logged yet (no entries yet)\n"


def test_midnight_turns_a_logged_day_into_a_due_one(journal_path: Path) -> None:
    at(journal_path, london(22, 23, 50), "log", "--pain", "5")
    assert at(journal_path, london(22, 23, 59), "due").exit_code == 0
    next_day = at(journal_path, london(23, 0, 1), "due")
    assert next_day.exit_code == 1
    assert next_day.output == "nervelog: today not logged yet (last entry yesterday)\n"


def test_due_never_writes_the_journal_or_takes_a_backup(journal_path: Path) -> None:
    at(journal_path, london(20, 9, 0), "log", "--pain", "5")
    at(journal_path, london(21, 9, 0), "log", "--pain", "4")  # a day's first open backs up
    folder = journal_path.parent
    before = fingerprint(folder)
    # The next day's first open would take that day's backup; `due` must not.
    assert at(journal_path, london(22, 9, 0), "due").exit_code == 1
    assert fingerprint(folder) == before
    with sqlite3.connect(journal_path) as conn:
        assert conn.execute("SELECT count(*) FROM entry").fetchone()[0] == 2


def test_a_file_that_is_not_a_journal_is_exit_status_2(run: Run, journal_path: Path) -> None:
    journal_path.parent.mkdir(parents=True)
    journal_path.write_text("my shopping list\n", encoding="utf-8")
    result = run("due")
    assert result.exit_code == 2
    assert f"Cannot read the journal at {journal_path}" in result.output
    assert journal_path.read_text(encoding="utf-8") == "my shopping list\n"


def test_a_folder_given_as_the_journal_is_named(run: Run, tmp_path: Path) -> None:
    result = run("--db", str(tmp_path), "due", db=False)
    assert result.exit_code == 2 and f"{tmp_path} is a folder" in result.output


def test_demo_has_its_last_day_yesterday(run: Run) -> None:
    result = run("--demo", "due", db=False)
    assert (result.exit_code, result.output) == (
        1,
        "nervelog: today not logged yet (last entry yesterday)\n",
    )


def test_an_empty_file_is_a_journal_not_yet_begun(run: Run, journal_path: Path) -> None:
    journal_path.parent.mkdir(parents=True)
    journal_path.touch()
    result = run("due")
    assert (result.exit_code, result.output) == (
        1,
        "nervelog: today not logged yet (no entries yet)\n",
    )


def test_another_sqlite_file_is_not_taken_for_a_journal(run: Run, journal_path: Path) -> None:
    journal_path.parent.mkdir(parents=True)
    with sqlite3.connect(journal_path) as conn:
        conn.execute("CREATE TABLE entry (date TEXT)")  # someone else's, same table name
    result = run("due")
    assert result.exit_code == 2
    assert f"{journal_path} is not a nervelog journal" in result.output


def test_a_journal_held_locked_is_a_message_not_a_hang(run: Run, journal_path: Path) -> None:
    journal_path.parent.mkdir(parents=True)
    holder = sqlite3.connect(journal_path, isolation_level=None)
    holder.execute(f"PRAGMA application_id = {APPLICATION_ID}")
    holder.execute("CREATE TABLE entry (date TEXT PRIMARY KEY)")
    holder.execute("BEGIN EXCLUSIVE")  # as a program rewriting the file would
    try:
        result = run("due")
    finally:
        holder.execute("ROLLBACK")
        holder.close()
    assert result.exit_code == 2
    assert "database is locked" in result.output and "It was not changed" in result.output
