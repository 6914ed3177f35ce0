"""A full disk or an unwritable folder: a clear message, and the journal as it was.

Tests run as root, for whom file modes do not stop writes, so a full disk is simulated
two ways: SQLite's ``max_page_count`` (the journal cannot grow) and, for whole CLI
commands in a forked child, ``RLIMIT_FSIZE`` (the kernel refuses to grow any file).
"""

from __future__ import annotations

import json
import resource
import signal
from pathlib import Path
from typing import Any

import pendulum
import pytest

from conftest import in_child, invoke
from journal_support import save_day
from nervelog.advice import explain
from nervelog.domain.dates import FixedClock
from nervelog.domain.errors import JournalError
from nervelog.domain.models import Entry
from nervelog.domain.scores import Scores

# The library nervelog uses: one process must not mix two SQLite libraries on one
# file (their POSIX locks would not see each other).
from nervelog.driver import sqlite as sqlite3
from nervelog.storage import open_journal
from nervelog.storage.backup import list_backups
from nervelog.storage.importing import import_data


def _rows(path: Path) -> list[tuple[Any, ...]]:
    conn = sqlite3.connect(path)
    try:
        assert conn.execute("PRAGMA integrity_check").fetchone()[0] == "ok"
        return (
            conn.execute("SELECT * FROM entry ORDER BY date").fetchall()
            + conn.execute("SELECT * FROM history ORDER BY id").fetchall()
        )
    finally:
        conn.close()


@pytest.fixture
def filled(journal_path: Path, clock: FixedClock) -> Path:
    """A journal with 50 days, already backed up today (so opening writes nothing)."""
    journal = open_journal(journal_path, clock)
    for i in range(50):
        save_day(
            journal,
            Entry(date=clock.today().subtract(days=i), scores=Scores(pain=i % 11), notes="ok"),
        )
    journal.db.conn.close()
    open_journal(journal_path, clock).db.conn.close()
    assert len(list_backups(journal_path)) == 1
    return journal_path


def _big_import(folder: Path, today: pendulum.Date) -> Path:
    entries = [
        {"date": today.subtract(days=100 + i).isoformat(), "pain": 1, "notes": "n" * 2000}
        for i in range(1000)
    ]
    path = folder / "big.json"
    path.write_text(json.dumps({"format": "nervelog-journal", "version": 1, "entries": entries}))
    return path


def _with_file_limit(
    journal_path: Path,
    clock: FixedClock,
    *args: str,
    limit: int | None = None,
    input: str | None = None,
) -> tuple[int, str]:
    """Run a CLI command in a child whose files cannot grow past ``limit`` bytes.

    By default the limit is just above the journal's current size: room for the
    command's small bookkeeping writes, but not for what it wants to store.
    """
    if limit is None:
        limit = 16 * 1024 + max(
            p.stat().st_size for p in journal_path.parent.rglob("*") if p.is_file()
        )

    def command() -> tuple[int, str]:
        # Without this the kernel kills the process instead of failing the write.
        signal.signal(signal.SIGXFSZ, signal.SIG_IGN)
        resource.setrlimit(resource.RLIMIT_FSIZE, (limit, resource.RLIM_INFINITY))
        result = invoke(journal_path, clock, *args, input=input)
        return result.exit_code, result.output

    outcome: tuple[int, str] = in_child(command)
    return outcome


def test_a_full_journal_refuses_an_import_clearly(filled: Path, clock: FixedClock) -> None:
    before = _rows(filled)
    journal = open_journal(filled, clock)
    pages = journal.db.execute("PRAGMA page_count").fetchone()[0]
    journal.db.execute(f"PRAGMA max_page_count = {pages + 2}")
    data = _big_import(filled.parent, clock.today()).read_bytes()
    with pytest.raises(JournalError, match="full.*Nothing was changed"):
        import_data(journal, data)
    # The same connection carries on working once there is room again.
    journal.db.execute("PRAGMA max_page_count = 1073741823")
    save_day(journal, Entry(date=clock.today(), scores=Scores(pain=0), notes="room again"))
    journal.db.conn.close()
    after = _rows(filled)
    assert len(after) == len(before) + 1  # only the last save, which replaced one day


def test_cli_import_on_a_full_disk(filled: Path, clock: FixedClock) -> None:
    before = _rows(filled)
    big = _big_import(filled.parent.parent, clock.today())
    code, output = _with_file_limit(filled, clock, "import", str(big))
    assert code == 2, output
    assert "Could not save to the journal" in output and "Nothing was changed" in output
    assert "Traceback" not in output
    assert _rows(filled) == before


def test_cli_log_of_a_huge_note_on_a_full_disk(filled: Path, clock: FixedClock) -> None:
    before = _rows(filled)
    code, output = _with_file_limit(filled, clock, "log", "--pain", "2", "--note", "x" * 2**20)
    assert code == 2, output
    assert "Could not save to the journal" in output
    assert _rows(filled) == before


def test_cli_export_and_backup_on_a_full_disk(
    filled: Path, clock: FixedClock, tmp_path: Path
) -> None:
    journal = open_journal(filled, clock)
    save_day(journal, Entry(date=clock.today(), scores=Scores(pain=1), notes="z" * 200_000))
    journal.db.conn.close()
    before = _rows(filled)
    out = tmp_path / "export.json"
    # Reading the journal writes nothing, so these commands get far less room.
    small = 64 * 1024
    code, output = _with_file_limit(filled, clock, "export", "--out", str(out), limit=small)
    assert code == 2, output
    assert f"Cannot write {out}: File too large. Nothing was written." in output
    assert not out.exists() and not list(tmp_path.glob(".export.json.*"))

    code, output = _with_file_limit(
        filled, clock, "backup", "--out", str(tmp_path / "b.db"), limit=small
    )
    assert code == 2, output
    assert "Could not write the backup" in output and "journal was not changed" in output
    assert not (tmp_path / "b.db").exists() and not list(tmp_path.glob(".b.db.*"))
    assert _rows(filled) == before


def test_an_unwritable_folder_for_an_export(
    filled: Path, clock: FixedClock, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    def refuse(*_: object, **__: object) -> None:
        raise PermissionError(13, "Permission denied")

    monkeypatch.setattr("nervelog.storage.files.tempfile.mkstemp", refuse)
    out = tmp_path / "export.csv"
    result = invoke(filled, clock, "export", "--format", "entries-csv", "--out", str(out))
    assert result.exit_code == 2
    assert f"Cannot write {out}: Permission denied. Nothing was written." in result.output
    assert not out.exists()


def test_no_room_even_to_open_is_not_called_damage(filled: Path, clock: FixedClock) -> None:
    before = _rows(filled)
    # Opening a WAL journal needs its 32 kB shared-memory file; allow far less.
    (filled.parent / "journal.sqlite3-shm").unlink(missing_ok=True)
    code, output = _with_file_limit(filled, clock, "show", limit=4096)
    assert code == 2, output
    assert "free disk space" in output
    assert "restore" not in output  # restoring a backup would not help here
    assert _rows(filled) == before


def test_a_journal_held_busy_too_long_says_so(filled: Path, clock: FixedClock) -> None:
    before = _rows(filled)
    other = sqlite3.connect(filled, isolation_level=None)
    other.execute("BEGIN IMMEDIATE")  # another program holds the write lock
    try:
        journal = open_journal(filled, clock)
        journal.set_busy_timeout(0.05)  # not the real 10 s, to keep it quick
        # The message gives the wait that was really used.
        with pytest.raises(JournalError) as info:
            save_day(journal, Entry(date=clock.today(), scores=Scores(pain=1)))
        # What the command line and the app say about it.
        assert "busy for over 0.05 s; try again" in (explain(info.value) or "")
    finally:
        other.execute("ROLLBACK")
        other.close()
    assert _rows(filled) == before


def test_a_damaged_journal_is_pointed_at_its_backup_not_told_to_free_disk_space(
    journal_path: Path, clock: FixedClock
) -> None:
    from nervelog.storage import Journal
    from nervelog.storage.db import wrap

    journal = open_journal(journal_path, clock)
    for i in range(200):
        day = clock.today().subtract(days=i)
        save_day(journal, Entry(date=day, scores=Scores(pain=3), notes="n" * 300))
    reopened = open_journal(journal_path, clock)  # takes the day's snapshot, now it has data
    good = reopened.auto_backup
    assert good is not None
    reopened.db.conn.close()
    journal.db.conn.execute("PRAGMA wal_checkpoint(TRUNCATE)")
    journal.db.conn.close()
    data = bytearray(journal_path.read_bytes())
    for page in range(3 * 4096, len(data), 4096):  # scribble over the tree pages
        data[page + 8 : page + 200] = b"\xff" * 192
    journal_path.write_bytes(bytes(data))
    # Opened without the checks open_journal runs, as if damage happened while open.
    damaged = Journal(wrap(sqlite3.connect(journal_path, isolation_level=None)), clock)
    with pytest.raises(JournalError) as info:
        damaged.save_entry(Entry(date=clock.today().subtract(days=300), scores=Scores(pain=1)))
    message = explain(info.value) or ""  # what the command line and the app say
    assert "Nothing was changed" in message
    assert "disk space" not in message
    assert "damaged" in message and f"nervelog restore {good}" in message


@pytest.mark.parametrize("limit", [4 * 1024, 64 * 1024])
def test_encrypting_on_a_full_disk_says_so_and_changes_nothing(
    filled: Path, clock: FixedClock, limit: int
) -> None:
    from nervelog.storage.cipher import is_encrypted

    before = _rows(filled)
    passphrase = "a long enough passphrase"
    code, output = _with_file_limit(
        filled, clock, "encrypt", limit=limit, input=f"{passphrase}\n{passphrase}\n"
    )
    assert code == 2, output
    assert "another program" not in output  # it is not busy: the disk is full
    assert "disk" in output and "Nothing was changed" in output
    assert not is_encrypted(filled) and _rows(filled) == before
