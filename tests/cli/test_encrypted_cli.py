"""Commands on an encrypted journal, unlocked by NERVELOG_PASSPHRASE_COMMAND."""

from __future__ import annotations

import stat
from collections.abc import Callable
from pathlib import Path

import pytest
from click.testing import Result

from nervelog.domain.dates import FixedClock
from nervelog.storage import open_journal
from nervelog.storage.backup import list_backups
from nervelog.storage.cipher import convert

Run = Callable[..., Result]
PASS = "a long 'quoted' passphrase"
NOTE = "burning soles after the walk"


@pytest.fixture
def encrypted(journal_path: Path, clock: FixedClock, tmp_path: Path) -> Path:
    """An encrypted journal with two days in it; returns the script printing its passphrase."""
    journal = open_journal(journal_path, clock)
    journal.update_entry(clock.today().subtract(days=2), {"pain": 6}, NOTE)
    journal.update_entry(clock.today().subtract(days=1), {"pain": 5}, None)
    journal.db.conn.close()
    convert(journal_path, None, PASS)
    script = tmp_path / "print-passphrase"
    script.write_text(f"#!/bin/sh\nprintf '%s\\n' \"{PASS}\"\n", encoding="utf-8")
    script.chmod(script.stat().st_mode | stat.S_IEXEC)
    return script


def test_every_day_commands_work_once_unlocked(
    run: Run, encrypted: Path, journal_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("NERVELOG_PASSPHRASE_COMMAND", str(encrypted))
    assert run("due").output == "nervelog: today not logged yet (last entry yesterday)\n"
    logged = run("log", "--pain", "3", "--note", "better today")
    assert logged.exit_code == 0, logged.output
    assert run("due").exit_code == 0
    shown = run("show", "--last", "7d").output
    assert "burning soles" in shown and "better today" in shown
    check = run("check").output
    assert "Encrypted:      yes (SQLCipher 4)" in check and "Integrity:      ok" in check
    data = journal_path.read_bytes()
    assert not data.startswith(b"SQLite format 3") and b"better today" not in data


def test_the_daily_backup_of_an_encrypted_journal_is_encrypted(
    run: Run, encrypted: Path, journal_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("NERVELOG_PASSPHRASE_COMMAND", str(encrypted))
    assert run("log", "--pain", "4").exit_code == 0  # the day's first open backs up
    backups = list_backups(journal_path)
    assert len(backups) == 1
    data = backups[0].read_bytes()
    assert not data.startswith(b"SQLite format 3") and NOTE.encode() not in data
    assert stat.S_IMODE(backups[0].stat().st_mode) == 0o600


def test_a_wrong_passphrase_is_exit_2_and_changes_nothing(
    run: Run, encrypted: Path, journal_path: Path, monkeypatch: pytest.MonkeyPatch, tmp_path: Path
) -> None:
    wrong = tmp_path / "wrong"
    wrong.write_text("#!/bin/sh\necho guess\n", encoding="utf-8")
    wrong.chmod(0o700)
    monkeypatch.setenv("NERVELOG_PASSPHRASE_COMMAND", str(wrong))
    before = journal_path.read_bytes()
    for args in (["log", "--pain", "3"], ["show"], ["due"], ["check"]):
        result = run(*args)
        assert result.exit_code == 2, args
        assert f"The passphrase does not open the journal at {journal_path}" in result.output
        assert "Traceback" not in result.output
    assert journal_path.read_bytes() == before
    assert list_backups(journal_path) == []


def test_without_a_terminal_or_a_command_it_says_how_to_unlock(
    run: Run, encrypted: Path, journal_path: Path
) -> None:
    result = run("log", "--pain", "3")
    assert result.exit_code == 2
    assert f"The journal at {journal_path} is encrypted" in result.output
    assert "NERVELOG_PASSPHRASE_COMMAND" in result.output


def test_a_failing_passphrase_command_is_named(
    run: Run, encrypted: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("NERVELOG_PASSPHRASE_COMMAND", "false")
    result = run("show")
    assert result.exit_code == 2
    assert "NERVELOG_PASSPHRASE_COMMAND failed (exit status 1)" in result.output
