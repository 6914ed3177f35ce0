"""Backups: automatic snapshots, `nervelog backup` and `nervelog restore`."""

from __future__ import annotations

import sqlite3
import stat
from pathlib import Path

import pendulum
import pytest

from conftest import Run, invoke
from journal_support import save_day
from nervelog.domain.dates import FixedClock
from nervelog.domain.errors import JournalError
from nervelog.domain.models import Entry
from nervelog.domain.scores import Scores
from nervelog.driver import sqlite
from nervelog.storage import memory_journal, open_journal
from nervelog.storage.backup import KEEP_BACKUPS, backup_folder, check_journal_file, list_backups

DAY = pendulum.date(2026, 11, 20)


def _entries(path: Path) -> list[tuple[str, int | None, str]]:
    conn = sqlite3.connect(path)
    try:
        return conn.execute("SELECT date, pain, notes FROM entry ORDER BY date").fetchall()
    finally:
        conn.close()


def _log(journal_path: Path, clock: FixedClock, pain: int, day: pendulum.Date = DAY) -> None:
    journal = open_journal(journal_path, clock)
    save_day(journal, Entry(date=day, scores=Scores(pain=pain), notes=f"pain {pain}"))
    journal.db.conn.close()


def test_a_new_empty_journal_gets_no_backup(journal_path: Path, clock: FixedClock) -> None:
    open_journal(journal_path, clock).db.conn.close()
    open_journal(journal_path, clock).db.conn.close()
    assert list_backups(journal_path) == []


def test_one_automatic_backup_a_day_private_and_consistent(
    journal_path: Path, clock: FixedClock
) -> None:
    _log(journal_path, clock, 4)
    _log(journal_path, clock, 5)  # this open takes today's snapshot, holding pain 4
    _log(journal_path, clock, 6)
    backups = list_backups(journal_path)
    assert [b.name for b in backups] == ["journal-20261122T093000.sqlite3"]
    assert _entries(backups[0]) == [("2026-11-20", 4, "pain 4")]
    assert stat.S_IMODE(backups[0].stat().st_mode) == 0o600
    assert stat.S_IMODE(backup_folder(journal_path).stat().st_mode) == 0o700
    # A snapshot is one self-contained file, not a WAL database needing side files.
    assert not Path(f"{backups[0]}-wal").exists()
    assert check_journal_file(backups[0]) >= 1

    tomorrow = FixedClock(pendulum.datetime(2026, 11, 23, 8, 0, tz="Europe/London"))
    _log(journal_path, tomorrow, 7)
    names = [b.name for b in list_backups(journal_path)]
    assert names == ["journal-20261122T093000.sqlite3", "journal-20261123T080000.sqlite3"]
    assert _entries(list_backups(journal_path)[-1]) == [("2026-11-20", 6, "pain 6")]


def test_only_the_newest_14_are_kept(journal_path: Path) -> None:
    for offset in range(KEEP_BACKUPS + 3):
        day = pendulum.datetime(2026, 10, 1, 9, 0, tz="Europe/London").add(days=offset)
        _log(journal_path, FixedClock(day), offset % 11)
    names = [b.name for b in list_backups(journal_path)]
    assert len(names) == KEEP_BACKUPS
    assert names[0] == "journal-20261004T090000.sqlite3"  # the first three were pruned
    assert names[-1] == "journal-20261017T090000.sqlite3"


def test_in_memory_and_demo_journals_make_no_backups(tmp_path: Path, clock: FixedClock) -> None:
    journal = memory_journal(clock)
    save_day(journal, Entry(date=DAY, scores=Scores(pain=1)))
    assert journal.auto_backup is None
    from nervelog.storage.demo import open_demo_journal

    demo = open_demo_journal(clock)
    demo_path = Path(demo.db.conn.execute("PRAGMA database_list").fetchone()[2])
    assert demo.count_entries() > 0
    assert list_backups(demo_path) == []


def test_backup_command_into_the_folder_and_to_a_file(
    run: Run, journal_path: Path, tmp_path: Path
) -> None:
    assert run("log", "--date", "2026-11-20", "--pain", "3").exit_code == 0
    result = run("backup")
    assert result.exit_code == 0, result.output
    assert "Backed up 1 entry, 0 sessions to" in result.output
    assert len(list_backups(journal_path)) == 1

    out = tmp_path / "copy.sqlite3"
    result = run("backup", "--out", str(out))
    assert result.exit_code == 0, result.output
    assert _entries(out) == [("2026-11-20", 3, "")]
    assert stat.S_IMODE(out.stat().st_mode) == 0o600
    again = run("backup", "--out", str(out))
    assert again.exit_code == 2 and "already exists" in again.output


def test_restore_checks_the_file_and_keeps_the_current_journal(
    run: Run, journal_path: Path, tmp_path: Path
) -> None:
    run("log", "--date", "2026-11-20", "--pain", "3")
    saved = tmp_path / "saved.sqlite3"
    run("backup", "--out", str(saved))
    run("log", "--date", "2026-11-21", "--pain", "8")

    result = run("restore", str(saved), input="y\n")
    assert result.exit_code == 0, result.output
    assert "the journal now holds 1 entry, 0 sessions" in result.output
    assert _entries(journal_path) == [("2026-11-20", 3, "")]
    kept = Path(result.output.split("kept as ")[1].split()[0])
    assert kept.parent == backup_folder(journal_path)
    assert [e[0] for e in _entries(kept)] == ["2026-11-20", "2026-11-21"]


@pytest.mark.parametrize(
    ("content", "message"),
    [
        (b"", "not an SQLite file"),
        (b"my shopping list", "not an SQLite file"),
        (b"SQLite format 3\x00" + b"\x00" * 50, "damaged|not a nervelog journal"),
    ],
)
def test_restore_refuses_bad_files_and_changes_nothing(
    run: Run, journal_path: Path, tmp_path: Path, content: bytes, message: str
) -> None:
    run("log", "--date", "2026-11-20", "--pain", "3")
    before = _entries(journal_path)
    bad = tmp_path / "bad.sqlite3"
    bad.write_bytes(content)
    result = run("restore", "--yes", str(bad))
    assert result.exit_code == 2
    assert result.exception is None or isinstance(result.exception, SystemExit)
    assert "Traceback" not in result.output
    import re

    assert re.search(message, result.output), result.output
    assert _entries(journal_path) == before


def test_restore_refuses_other_databases_and_newer_schemas(
    run: Run, journal_path: Path, tmp_path: Path
) -> None:
    run("log", "--date", "2026-11-20", "--pain", "3")
    other = tmp_path / "other.db"
    conn = sqlite3.connect(other)
    conn.execute("CREATE TABLE t (x)")
    conn.commit()
    conn.close()
    assert "not a nervelog journal" in run("restore", "--yes", str(other)).output

    newer = tmp_path / "newer.sqlite3"
    run("backup", "--out", str(newer))
    conn = sqlite3.connect(newer)
    conn.execute("PRAGMA user_version = 99")
    conn.close()
    result = run("restore", "--yes", str(newer))
    assert result.exit_code == 2 and "schema version 99" in result.output
    assert _entries(journal_path) == [("2026-11-20", 3, "")]


def _damage(path: Path) -> None:
    """Overwrite the middle of the file, as a failing disk might."""
    data = bytearray(path.read_bytes())
    data[4096:12288] = b"\xde\xad\xbe\xef" * 2048
    path.write_bytes(bytes(data))


def test_a_damaged_journal_names_the_newest_good_backup_and_is_not_touched(
    journal_path: Path, clock: FixedClock
) -> None:
    journal = open_journal(journal_path, clock)
    for offset in range(60):
        save_day(
            journal,
            Entry(date=DAY.subtract(days=offset), scores=Scores(pain=offset % 11), notes="x" * 500),
        )
    journal.db.conn.close()
    _log(journal_path, clock, 2)  # takes today's snapshot
    good = list_backups(journal_path)[-1]
    _damage(journal_path)
    damaged = journal_path.read_bytes()

    result = invoke(journal_path, clock, "show")
    assert result.exit_code == 2
    assert "Traceback" not in result.output
    assert "damaged" in result.output or "malformed" in result.output
    assert f"nervelog restore {good}" in result.output
    assert journal_path.read_bytes() == damaged

    restored = invoke(journal_path, clock, "restore", "--yes", str(good))
    assert restored.exit_code == 0, restored.output
    assert "kept as" in restored.output and "replaced" in restored.output
    assert len(_entries(journal_path)) == 60
    moved = Path(restored.output.split("kept as ")[1].split()[0])
    assert moved.read_bytes() == damaged  # the damaged file is kept, unchanged


def test_a_row_breaking_a_rule_opens_is_reported_by_check_and_rules_still_hold(
    journal_path: Path, clock: FixedClock
) -> None:
    # The check on open reads the file's structure; row rules are for `nervelog check`.
    _log(journal_path, clock, 4)
    conn = sqlite3.connect(journal_path)
    conn.execute("PRAGMA ignore_check_constraints = ON")
    conn.execute("UPDATE entry SET pain = 12")  # as another program might
    conn.commit()
    conn.close()

    shown = invoke(journal_path, clock, "show")
    assert shown.exit_code == 0, shown.output
    checked = invoke(journal_path, clock, "check")
    assert "CHECK constraint failed in entry" in checked.output
    # Opening left SQLite's rules on: a bad score is still refused, nothing written.
    journal = open_journal(journal_path, clock)
    with pytest.raises(sqlite.IntegrityError, match="CHECK"):
        journal.db.execute("UPDATE entry SET numbness = 11")
    journal.db.conn.close()
    assert _entries(journal_path) == [("2026-11-20", 12, "pain 4")]


def test_a_non_journal_file_gets_a_clear_message(journal_path: Path, clock: FixedClock) -> None:
    journal_path.parent.mkdir(parents=True)
    journal_path.write_bytes(b"\x89PNG\r\n\x1a\n" + bytes(range(256)) * 10)
    result = invoke(journal_path, clock, "show")
    assert result.exit_code == 2
    assert "not a nervelog journal" in result.output
    assert "No backup of it was found" in result.output
    assert journal_path.read_bytes().startswith(b"\x89PNG")


def test_opening_fails_cleanly_when_the_newest_backup_is_damaged_too(
    journal_path: Path, clock: FixedClock
) -> None:
    _log(journal_path, clock, 1)
    _log(journal_path, clock, 2)
    later = FixedClock(pendulum.datetime(2026, 11, 23, 9, 0, tz="Europe/London"))
    _log(journal_path, later, 3)
    older, newer = list_backups(journal_path)
    newer.write_bytes(b"not a database any more")
    _damage(journal_path)
    with pytest.raises(JournalError, match=f"newest good backup is {older}"):
        open_journal(journal_path, later)


def test_restore_onto_a_new_machine_and_stale_temp_files_are_cleared(
    journal_path: Path, clock: FixedClock, tmp_path: Path
) -> None:
    import os

    _log(journal_path, clock, 4)
    saved = tmp_path / "saved.sqlite3"
    assert invoke(journal_path, clock, "backup", "--out", str(saved)).exit_code == 0

    fresh = tmp_path / "new-machine" / "journal.sqlite3"
    result = invoke(fresh, clock, "restore", "--yes", str(saved))
    assert result.exit_code == 0, result.output
    assert "kept as" not in result.output  # there was nothing to keep
    assert _entries(fresh) == [("2026-11-20", 4, "pain 4")]
    assert stat.S_IMODE(fresh.stat().st_mode) == 0o600

    folder = backup_folder(journal_path)
    folder.mkdir(exist_ok=True)
    # Half-written snapshots: of a process that is gone (and one from before names held
    # the process), removed by the next command; of a running one (this), left alone.
    gone = folder / ".journal-20261101T090000.sqlite3.999999999.abc.tmp"
    older = folder / ".journal-20261101T090000.sqlite3.xyz.tmp"
    running = folder / f".journal-20261122T092900.sqlite3.{os.getpid()}.def.tmp"
    someone_elses = journal_path.parent / ".notes.txt.123.tmp"
    for path in (gone, older, running, someone_elses):
        path.write_bytes(b"half a snapshot")
    result = invoke(journal_path, clock, "backup")
    assert result.exit_code == 0
    assert not gone.exists() and not older.exists() and running.exists()
    assert someone_elses.exists()
    assert f"Removed {gone}" in result.output


def test_restore_asks_first_and_refuses_the_demo(
    run: Run, journal_path: Path, tmp_path: Path
) -> None:
    run("log", "--date", "2026-11-20", "--pain", "3")
    saved = tmp_path / "saved.sqlite3"
    run("backup", "--out", str(saved))
    run("log", "--date", "2026-11-21", "--pain", "8")
    declined = run("restore", str(saved), input="n\n")
    assert declined.exit_code == 2 and "Replace the journal at" in declined.output
    assert len(_entries(journal_path)) == 2
    demo = run("--demo", "restore", "--yes", str(saved))
    assert demo.exit_code == 2 and "demo journal cannot be restored" in demo.output


def test_checking_a_copied_live_journal_leaves_no_side_files(
    journal_path: Path, clock: FixedClock, tmp_path: Path
) -> None:
    import shutil

    _log(journal_path, clock, 5)
    copy = tmp_path / "copied-by-hand.sqlite3"
    shutil.copyfile(journal_path, copy)  # a WAL-mode file, as a user might copy it
    assert check_journal_file(copy) >= 1
    assert sorted(p.name for p in tmp_path.iterdir() if p.name.startswith("copied")) == [
        "copied-by-hand.sqlite3"
    ]
