"""Every kind of record goes through one write path: kept, changed, versioned, undone.

On a plain and an encrypted journal alike, for each kind the journal describes: insert,
update and delete through ``storage.records``; ``nervelog history`` names each change;
one undo at a time takes each back. And a write based on a version that has changed
since is refused with both versions, never applied.
"""

from __future__ import annotations

import uuid
from collections.abc import Iterator
from dataclasses import replace
from pathlib import Path
from typing import Any

import pendulum
import pytest
from click.testing import CliRunner

from nervelog.cli import cli
from nervelog.cli.change_text import conflict_text, describe_change
from nervelog.domain.dates import FixedClock
from nervelog.domain.errors import Conflict
from nervelog.domain.models import Session
from nervelog.storage import Journal, open_journal
from nervelog.storage import records as one_path
from nervelog.storage.cipher import convert
from nervelog.storage.db import transaction
from nervelog.storage.kinds import KINDS, Kind

PASS = "a passphrase for the record model"
STAMP = "2026-11-20T20:15:00+00:00"
# For each kind: a first row, then a change a person could make to it.
SAMPLES: dict[str, tuple[dict[str, Any], dict[str, Any]]] = {
    "entry": (
        {"date": "2026-11-20", "pain": 6, "notes": "feet burning", "recorded_at": STAMP,
         "updated_at": STAMP},
        {"pain": 4},
    ),
    "session": (
        {"date": "2026-11-20", "kind": "massage", "body_areas": ["left foot", "نعل القدم"],
         "recorded_at": STAMP, "updated_at": STAMP},
        {"notes": "much less tingling after"},
    ),
    "phase": ({"name": "weekly massage", "start": "2026-11-01", "end": "2026-11-20"},
              {"name": "twice-weekly massage"}),
    "medication": ({"name": "pregabalin", "dose": "75 mg", "started": "2026-11-01"},
                   {"schedule": "twice daily"}),
    "dose": ({"medication": 1, "date": "2026-11-20", "amount": "1 tablet"}, {"time": "21:30"}),
    "event": ({"date": "2026-11-19", "kind": "fall", "text": "tripped on the stairs"},
              {"text": "tripped on the last stair"}),
    "question": ({"text": "ask about gabapentin", "raised_on": "2026-11-18"},
                 {"answered_on": "2026-11-20", "answer": "not yet"}),
    "symptom_map": ({"date": "2026-11-20", "regions": {"pain": {"sole": "both"}}},
                    {"regions": {"pain": {"sole": "left", "toes": "both"}}}),
    "setting": ({"key": "display_name", "value": "Ana Lima"}, {"value": "Ana M. Lima"}),
}  # fmt: skip


def test_every_kind_of_record_has_a_sample_here() -> None:
    # A new kind without one fails here, not in a user's history or undo.
    assert sorted(SAMPLES) == sorted(kind.name for kind in KINDS)


@pytest.fixture(params=["plain", "encrypted"])
def any_journal(
    request: pytest.FixtureRequest, tmp_path: Path, clock: FixedClock
) -> Iterator[Journal]:
    path = tmp_path / "journal.sqlite3"
    open_journal(path, clock).db.conn.close()
    unlock = None
    if request.param == "encrypted":
        convert(path, None, PASS)
        unlock = lambda _path: PASS  # noqa: E731
    journal = open_journal(path, clock, unlock=unlock)
    # The course the sample dose is of (id 1).
    with transaction(journal.db):
        one_path.insert(journal.db, clock.now(), _kind("medication"),
                        {"name": "paracetamol", "dose": "500 mg", "started": "2026-11-01",
                         "as_needed": 1})  # fmt: skip
    yield journal
    journal.db.conn.close()


def _kind(name: str) -> Kind:
    return next(kind for kind in KINDS if kind.name == name)


@pytest.mark.parametrize("kind", KINDS, ids=lambda kind: kind.name)
def test_insert_update_delete_then_history_and_undo(
    kind: Kind, any_journal: Journal, clock: FixedClock
) -> None:
    db, now = any_journal.db, clock.now()
    first, change = SAMPLES[kind.name]
    before = len(any_journal.history())
    with transaction(db):
        added = one_path.insert(db, now, kind, first)
    key = added[kind.key]
    assert str(uuid.UUID(added["uid"])) == added["uid"] and added["version"] == 1
    with transaction(db):
        changed = one_path.update(db, now, kind, key, change, based_on=1)
    assert changed["version"] == 2 and changed["uid"] == added["uid"]
    with transaction(db):
        assert one_path.delete(db, now, kind, key, based_on=2) is not None
    assert one_path.get(db, kind, key) is None

    # The history names each change by the kind's noun and key, in order.
    logged = any_journal.history()[before:]
    assert [c.action for c in logged] == ["insert", "update", "delete"]
    lines = [describe_change(c) for c in logged]
    assert all(f"{kind.noun} {key}" in line for line in lines), lines
    assert "added" in lines[0] and "changed" in lines[1] and "deleted" in lines[2]

    # One undo at a time: back as changed (same identity), then as first, then gone.
    assert any_journal.undo_last() is not None
    restored = one_path.get(db, kind, key)
    assert restored is not None and restored["uid"] == added["uid"]
    assert _content(kind, restored) == _content(kind, changed)
    assert any_journal.undo_last() is not None
    restored = one_path.get(db, kind, key)
    assert restored is not None and _content(kind, restored) == _content(kind, added)
    assert any_journal.undo_last() is not None
    assert one_path.get(db, kind, key) is None


def _content(kind: Kind, row: dict[str, Any]) -> dict[str, Any]:
    """What the person typed: everything but the version (an undo makes a new one)."""
    return {k: v for k, v in row.items() if k != "version"}


@pytest.mark.parametrize("kind", KINDS, ids=lambda kind: kind.name)
def test_a_write_based_on_an_older_version_changes_nothing(
    kind: Kind, any_journal: Journal, clock: FixedClock
) -> None:
    db, now = any_journal.db, clock.now()
    first, change = SAMPLES[kind.name]
    with transaction(db):
        added = one_path.insert(db, now, kind, first)
        key = added[kind.key]
        one_path.update(db, now, kind, key, change, based_on=1)  # made elsewhere
    stored = one_path.get(db, kind, key)
    logged = len(any_journal.history())
    for write in (
        lambda: one_path.update(db, now, kind, key, first, based_on=1),
        lambda: one_path.delete(db, now, kind, key, based_on=1),
    ):
        with pytest.raises(Conflict) as refused, transaction(db):
            write()
        assert refused.value.stored == stored and refused.value.based_on == 1
    assert one_path.get(db, kind, key) == stored and len(any_journal.history()) == logged


def test_the_lost_update_is_refused_with_both_versions(
    journal_path: Path, clock: FixedClock
) -> None:
    """The app lists session 1; `session edit` changes its time on the command line; the
    app's edit of the note, made on the list it still shows, must not put the old time
    back."""
    app_side = open_journal(journal_path, clock)
    shown = app_side.add_session(
        Session(date=pendulum.date(2026, 11, 20), kind="massage", time="10:00", duration_min=45)
    )
    result = CliRunner().invoke(
        cli, ["--db", str(journal_path), "session", "edit", "1", "time=10:30", "duration_min=50"]
    )
    assert result.exit_code == 0, result.output

    with pytest.raises(Conflict) as refused:
        app_side.update_session(replace(shown, notes="felt lighter afterwards"))
    stored = app_side.session(1)
    assert stored is not None and (stored.time, stored.duration_min) == ("10:30", 50)
    assert stored.notes == ""
    # Both versions are reported: what is stored now and what would have been written.
    text = conflict_text(refused.value)
    assert "session 1" in text and "Nothing was saved" in text
    assert "time: stored now 10:30; yours 10:00" in text
    assert "duration_min: stored now 50; yours 45" in text
    assert "notes: stored now –; yours “felt lighter afterwards”" in text
    # Based on what is stored now, the same edit is taken.
    saved = app_side.update_session(replace(stored, notes="felt lighter afterwards"))
    assert (saved.time, saved.notes, saved.version) == ("10:30", "felt lighter afterwards", 3)


def test_every_sqlite_utils_call_works_on_an_encrypted_journal(
    tmp_path: Path, clock: FixedClock
) -> None:
    """sqlite-utils catches the standard library's sqlite3 errors, which sqlcipher3's are
    not: each call nervelog makes through it runs here on an encrypted journal."""
    from nervelog.domain.care import Event, Question
    from nervelog.storage.export import export_json
    from nervelog.storage.importing import import_data

    path = tmp_path / "journal.sqlite3"
    open_journal(path, clock).close()
    convert(path, None, PASS)
    journal = open_journal(path, clock, unlock=lambda _path: PASS)
    day = pendulum.date(2026, 11, 20)
    journal.update_entry(day, {"pain": 5}, "numb toes")  # table.insert, history
    journal.update_entry(day, {"pain": 4}, None)  # table.update
    journal.add_session(Session(date=day, kind="massage"))
    journal.events.add(Event(date=day, kind="fall", text="tripped"))
    journal.questions.add(Question(text="ask about gabapentin", raised_on=day))
    journal.set_setting("display_name", "Ana")
    assert (journal.count_entries(), journal.count_sessions()) == (1, 1)  # table.count
    assert journal.questions.count_open() == 1  # table.count_where
    assert journal.delete_session(1)  # table.delete
    assert journal.undo_last() is not None and journal.count_sessions() == 1
    exported = export_json(journal)  # db.query, through records.select
    copy = open_journal(tmp_path / "copy.sqlite3", clock)
    assert import_data(copy, exported.encode()).added == 4  # entry, session, event, question
    assert export_json(copy).split('"entries"')[1] == exported.split('"entries"')[1]
    journal.close()
    assert PASS.encode() not in path.read_bytes() and b"numb toes" not in path.read_bytes()
