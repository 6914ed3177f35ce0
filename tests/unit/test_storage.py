"""The journal file: migrations, modes, constraints, history and bad files."""

from __future__ import annotations

import stat
from dataclasses import replace
from pathlib import Path

import pendulum
import pytest

from journal_support import save_day
from nervelog.domain.dates import FixedClock
from nervelog.domain.errors import JournalError
from nervelog.domain.models import Entry, Session
from nervelog.domain.scores import Scores

# The library nervelog uses: one process must not mix two SQLite libraries on one
# file (their POSIX locks would not see each other).
from nervelog.driver import sqlite as sqlite3
from nervelog.paths import ENV_VAR, journal_path
from nervelog.storage import Journal, open_journal
from nervelog.storage.migrations import LATEST_VERSION, migrate, schema_version

DAY = pendulum.date(2026, 11, 20)


def columns(journal: Journal, table: str) -> set[str]:
    return {str(r[1]) for r in journal.db.execute(f"PRAGMA table_info({table})")}


def test_migrations_create_the_documented_columns(file_journal: Journal) -> None:
    db = file_journal.db
    assert columns(file_journal, "entry") == {
        "date", "numbness", "tingling", "pain", "mobility", "notes", "recorded_at", "updated_at", "imported",
        "uid", "version",
    }  # fmt: skip
    session_columns = columns(file_journal, "session")
    assert {"id", "date", "time", "kind", "duration_min", "provider", "body_areas", "notes"} <= (
        session_columns
    )
    assert {
        f"{w}_{s}" for w in ("before", "after") for s in ("pain", "mobility")
    } <= session_columns
    assert {"at", "record", "record_key", "action", "old", "new"} <= columns(
        file_journal, "history"
    )
    assert columns(file_journal, "setting") == {"key", "value", "uid", "version"}
    assert columns(file_journal, "phase") == {"id", "name", "start", "end", "uid", "version"}
    assert schema_version(db) == LATEST_VERSION


def test_migrating_twice_changes_nothing(journal_path: Path, clock: FixedClock) -> None:
    first = open_journal(journal_path, clock)
    save_day(first, Entry(date=DAY, scores=Scores(pain=4)))
    first.db.conn.close()
    again = open_journal(journal_path, clock)
    assert migrate(again.db) == 0
    assert schema_version(again.db) == LATEST_VERSION
    assert again.entry(DAY) is not None and again.entry(DAY).scores.pain == 4  # type: ignore[union-attr]


def test_file_and_folder_are_private(file_journal: Journal, journal_path: Path) -> None:
    assert stat.S_IMODE(journal_path.stat().st_mode) == 0o600
    assert stat.S_IMODE(journal_path.parent.stat().st_mode) == 0o700


def test_schema_refuses_out_of_range_scores_even_without_validation(file_journal: Journal) -> None:
    with pytest.raises(sqlite3.IntegrityError):
        file_journal.db.execute(
            "INSERT INTO entry (date, pain, recorded_at, updated_at) VALUES ('2026-11-01', 11, 'x', 'x')"
        )
    with pytest.raises(sqlite3.IntegrityError):
        file_journal.db.execute(
            "INSERT INTO session (date, kind, duration_min, recorded_at, updated_at) "
            "VALUES ('2026-11-01', 'massage', 601, 'x', 'x')"
        )


def test_saving_keeps_first_recorded_time_and_logs_history(clock: FixedClock) -> None:
    from nervelog.storage import memory_journal

    journal = memory_journal(clock)
    save_day(journal, Entry(date=DAY, scores=Scores(pain=6), notes="first"))
    later = FixedClock(clock.moment.add(hours=3))
    journal.clock = later
    saved = save_day(journal, Entry(date=DAY, scores=Scores(pain=4), notes="second"))
    assert saved.recorded_at == clock.moment.replace(microsecond=0)
    assert saved.updated_at == later.moment.replace(microsecond=0)
    assert journal.delete_entry(DAY)
    changes = journal.history("entry", DAY.isoformat())
    assert [c.action for c in changes] == ["insert", "update", "delete"]
    assert changes[1].old is not None and changes[1].old["notes"] == "first"
    assert changes[1].new is not None and changes[1].new["pain"] == 4
    assert changes[2].old is not None and changes[2].old["notes"] == "second"
    assert journal.entry(DAY) is None


def test_saving_an_identical_day_writes_no_history(journal: Journal) -> None:
    save_day(journal, Entry(date=DAY, scores=Scores(pain=6)))
    save_day(journal, Entry(date=DAY, scores=Scores(pain=6)))
    assert len(journal.history("entry")) == 1


def test_session_history_for_insert_update_delete(journal: Journal) -> None:
    stored = journal.add_session(Session(date=DAY, kind="massage", body_areas=("calves",)))
    assert stored.id is not None
    journal.update_session(replace(stored, duration_min=45))
    assert journal.delete_session(stored.id)
    changes = journal.history("session", str(stored.id))
    assert [c.action for c in changes] == ["insert", "update", "delete"]
    assert changes[0].new is not None and changes[0].new["body_areas"] == ["calves"]
    assert changes[1].new is not None and changes[1].new["duration_min"] == 45
    assert journal.session(stored.id) is None


def test_a_failed_write_changes_nothing(journal: Journal) -> None:
    save_day(journal, Entry(date=DAY, scores=Scores(pain=6)))
    bad = Entry(date=DAY, scores=Scores(pain=99))  # bypasses validation; the schema refuses it
    with pytest.raises(sqlite3.IntegrityError):
        save_day(journal, bad)
    assert journal.entry(DAY).scores.pain == 6  # type: ignore[union-attr]
    assert len(journal.history()) == 1


def test_path_order_cli_then_env_then_user_folder(
    monkeypatch: pytest.MonkeyPatch, tmp_path: Path
) -> None:
    monkeypatch.setenv(ENV_VAR, str(tmp_path / "env.sqlite3"))
    assert journal_path(str(tmp_path / "cli.sqlite3")) == tmp_path / "cli.sqlite3"
    assert journal_path(None) == tmp_path / "env.sqlite3"
    monkeypatch.delenv(ENV_VAR)
    default = journal_path(None)
    assert default.name == "journal.sqlite3" and "nervelog" in default.parts


def test_non_sqlite_file_is_refused_and_untouched(tmp_path: Path) -> None:
    path = tmp_path / "notes.txt"
    path.write_text("my shopping list")
    with pytest.raises(JournalError, match="not a nervelog journal"):
        open_journal(path)
    assert path.read_text() == "my shopping list"


def test_other_sqlite_database_is_refused(tmp_path: Path) -> None:
    path = tmp_path / "other.db"
    conn = sqlite3.connect(path)
    conn.execute("CREATE TABLE t (x)")
    conn.commit()
    conn.close()
    with pytest.raises(JournalError, match="not a nervelog journal"):
        open_journal(path)


def test_newer_schema_is_refused_and_untouched(journal_path: Path, clock: FixedClock) -> None:
    open_journal(journal_path, clock).db.conn.close()
    conn = sqlite3.connect(journal_path)
    conn.execute(f"PRAGMA user_version = {LATEST_VERSION + 1}")
    conn.close()
    before = journal_path.read_bytes()
    with pytest.raises(JournalError, match="newer|Upgrade nervelog"):
        open_journal(journal_path)
    assert journal_path.read_bytes() == before


def test_wal_and_busy_timeout(file_journal: Journal) -> None:
    assert file_journal.db.execute("PRAGMA journal_mode").fetchone()[0] == "wal"
    assert file_journal.db.execute("PRAGMA busy_timeout").fetchone()[0] >= 5000
    assert file_journal.db.execute("PRAGMA foreign_keys").fetchone()[0] == 1


def test_settings_have_defaults(journal: Journal) -> None:
    assert journal.setting("paper_size") == "a4"
    journal.set_setting("display_name", "Ana Lima")
    assert journal.setting("display_name") == "Ana Lima"


def test_settings_a_person_makes_are_in_the_history_the_apps_own_state_is_not(
    journal: Journal,
) -> None:
    journal.set_setting("welcomed", "yes")  # the app's own: the welcome was seen
    journal.set_setting("display_name", "Ana")
    journal.set_setting("display_name", "Ana Lima")
    journal.set_setting("theme", "light")  # the app's own, on this device
    assert [(c.record, c.record_key, c.action) for c in journal.history()] == [
        ("setting", "display_name", "insert"),
        ("setting", "display_name", "update"),
    ]
    # So undo takes back the name the person changed, not the theme.
    assert journal.undo_last() is not None
    assert journal.setting("display_name") == "Ana" and journal.setting("theme") == "light"


def test_every_folder_made_for_a_new_journal_is_private(tmp_path: Path, clock: FixedClock) -> None:
    path = tmp_path / "a" / "b" / "c" / "journal.sqlite3"
    open_journal(path, clock).close()
    for folder in (tmp_path / "a", tmp_path / "a" / "b", tmp_path / "a" / "b" / "c"):
        assert stat.S_IMODE(folder.stat().st_mode) == 0o700, folder
    assert stat.S_IMODE(path.stat().st_mode) == 0o600
