"""Journals written by every earlier schema version open with every row intact."""

from __future__ import annotations

import shutil
import sqlite3
import uuid
from dataclasses import replace
from pathlib import Path
from typing import Any

import pytest

from nervelog.domain.dates import FixedClock
from nervelog.domain.errors import Conflict
from nervelog.storage import open_journal
from nervelog.storage.backup import check_journal_file, list_backups
from nervelog.storage.kinds import KINDS
from nervelog.storage.migrations import LATEST_VERSION

FIXTURES = Path(__file__).parent / "fixtures"
TABLES = (
    "entry", "session", "history", "setting", "phase",
    "medication", "dose", "event", "question", "symptom_map",
)  # fmt: skip
# Tables added by later versions start empty; every table above keeps every row.


def _rows(path: Path) -> dict[str, list[tuple[Any, ...]]]:
    conn = sqlite3.connect(path)
    try:
        tables = {r[0] for r in conn.execute("SELECT name FROM sqlite_master WHERE type='table'")}
        return {
            t: conn.execute(f"SELECT * FROM {t} ORDER BY rowid").fetchall()
            for t in TABLES
            if t in tables
        }
    finally:
        conn.close()


def test_there_is_a_fixture_for_every_earlier_version() -> None:
    assert sorted(p.name for p in FIXTURES.glob("schema_v*.sqlite3")) == [
        f"schema_v{v}.sqlite3" for v in range(1, LATEST_VERSION)
    ]


@pytest.mark.parametrize("version", range(1, LATEST_VERSION))
def test_upgrading_keeps_every_row_and_backs_up_first(
    version: int, tmp_path: Path, clock: FixedClock
) -> None:
    path = tmp_path / "journal.sqlite3"
    shutil.copyfile(FIXTURES / f"schema_v{version}.sqlite3", path)
    before = _rows(path)
    assert before["entry"] and before["session"] and before["history"]

    journal = open_journal(path, clock)
    after = _rows(path)
    for table, rows in before.items():
        # Later versions only add columns (at the end), so old values are a prefix.
        assert [row[: len(rows[0])] for row in after[table]] == rows, table
    assert journal.count_entries() == len(before["entry"])
    notes = {e.notes for e in journal.entries()}
    assert "\x1b[31mred\x1b[0m and a NUL \x00 inside" in notes
    assert "emoji 🦶🏽 and astral 𝄞 \U0010fffd" in notes
    assert len(journal.history()) == len(before["history"])

    # The snapshot taken before migrating is the untouched old journal.
    assert journal.auto_backup is not None
    assert list_backups(path) == [journal.auto_backup]
    assert check_journal_file(journal.auto_backup) == version
    assert _rows(journal.auto_backup) == before

    # The upgraded journal works: undo reverts the last change the old version recorded
    # that was neither an undo nor undone (column 7, "undoes", exists from version 3).
    reverted = {row[7] for row in before["history"] if len(row) > 7 and row[7] is not None}
    undoable = [
        row[0]
        for row in before["history"]
        if (len(row) <= 7 or row[7] is None) and row[0] not in reverted
    ]
    undone = journal.undo_last()
    assert undone is not None and undone.id == undoable[-1]


@pytest.mark.parametrize("version", range(1, LATEST_VERSION))
def test_upgrading_gives_every_record_an_identity_and_a_first_version(
    version: int, tmp_path: Path, clock: FixedClock
) -> None:
    path = tmp_path / "journal.sqlite3"
    shutil.copyfile(FIXTURES / f"schema_v{version}.sqlite3", path)
    journal = open_journal(path, clock)
    counted = 0
    for kind in KINDS:
        rows = list(journal.db.table(kind.name).rows)
        uids = [row["uid"] for row in rows]
        assert all(str(uuid.UUID(uid)) == uid for uid in uids), kind.name
        assert len(set(uids)) == len(uids) and {row["version"] for row in rows} <= {1}
        counted += len(rows)
    assert counted > 40  # the fixture's entries, sessions and the rest all checked
    # A save based on the migrated version is taken; one based on none is refused.
    day = journal.entries()[0]
    assert journal.save_entry(replace(day, notes="after the upgrade")).version == 2
    with pytest.raises(Conflict):
        journal.save_entry(replace(day, notes="from a form opened before", version=0))


@pytest.mark.parametrize("version", range(1, LATEST_VERSION))
def test_upgrading_adds_medicines_events_and_questions(
    version: int, tmp_path: Path, clock: FixedClock
) -> None:
    path = tmp_path / "journal.sqlite3"
    shutil.copyfile(FIXTURES / f"schema_v{version}.sqlite3", path)
    open_journal(path, clock).db.conn.close()
    conn = sqlite3.connect(path)
    try:

        def columns(table: str) -> list[str]:
            return [r[1] for r in conn.execute(f"PRAGMA table_info({table})")]

        assert columns("medication") == [
            "id", "name", "dose", "schedule", "as_needed", "started", "stopped",
            "reason", "notes", "follows", "uid", "version",
        ]  # fmt: skip
        assert columns("dose") == [
            "id", "medication", "date", "time", "amount", "notes", "uid", "version",
        ]  # fmt: skip
        assert columns("event") == ["id", "date", "kind", "text", "uid", "version"]
        assert columns("question") == [
            "id", "text", "raised_on", "answered_on", "answer", "uid", "version",
        ]  # fmt: skip
        assert columns("history")[-2:] == ["undoes", "batch"]
        assert columns("symptom_map") == ["id", "date", "regions", "uid", "version"]
        assert conn.execute("PRAGMA foreign_key_check").fetchall() == []
    finally:
        conn.close()
    # The upgraded history takes the new records (its CHECK was rebuilt to allow them).
    journal = open_journal(path, clock)
    maps = journal.maps.all()
    journal.maps.set_symptom("pain", {"knee": "left"}, clock.today())
    assert journal.undo_last() is not None and journal.maps.all() == maps
