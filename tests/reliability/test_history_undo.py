"""`nervelog history` lists what changed; `nervelog undo` walks the changes back."""

from __future__ import annotations

from dataclasses import replace

import pendulum
import pytest

from conftest import Run
from journal_support import save_day
from nervelog.domain.errors import JournalError
from nervelog.domain.models import Entry, Phase, Session
from nervelog.domain.scores import Scores
from nervelog.storage import Journal


def test_history_lists_changes_readably(run: Run) -> None:
    run("log", "--date", "2026-11-20", "--pain", "5", "--note", "first")
    run("log", "--date", "2026-11-20", "--pain", "6")
    run("log", "--date", "2026-11-21", "--numbness", "2")
    result = run("history")
    assert result.exit_code == 0, result.output
    lines = result.output.splitlines()
    assert lines[0].startswith("#1    2026-11-22 09:30  entry 2026-11-20 added: ")
    assert "pain 5" in lines[0] and "note “first”" in lines[0]
    assert lines[1].endswith("entry 2026-11-20 changed: pain 5 → 6")
    assert "entry 2026-11-21 added" in lines[2]

    only_day = run("history", "--date", "2026-11-20").output.splitlines()
    assert len(only_day) == 2 and all("2026-11-20" in line for line in only_day)
    assert "No recorded changes for 2026-11-19." in run("history", "--date", "2026-11-19").output
    assert run("history", "--date", "x", "--session", "1").exit_code == 2


def test_history_of_a_session_and_the_limit(run: Run) -> None:
    added = run("session", "add", "massage", "--date", "2026-11-20")
    assert added.exit_code == 0, added.output
    for day in range(1, 25):
        run("log", "--date", f"2026-10-{day:02d}", "--pain", "3")
    session = run("history", "--session", "1").output
    assert "session 1 (massage, 2026-11-20) added" in session
    limited = run("history").output.splitlines()
    assert limited[0] == "The newest 20 of 25 changes (--limit 0 shows all):"
    assert len(limited) == 21
    assert len(run("history", "--limit", "0").output.splitlines()) == 25


def test_undo_walks_back_one_change_at_a_time(run: Run) -> None:
    run("log", "--date", "2026-11-20", "--pain", "5", "--note", "first")
    run("log", "--date", "2026-11-20", "--pain", "6", "--note", "second")

    first = run("undo")
    assert first.exit_code == 0, first.output
    assert first.output.startswith("Undid change #2 from 2026-11-22 09:30: entry 2026-11-20")
    row = run("show", "--from", "2026-11-20").output.splitlines()[5]
    assert row.split() == ["2026-11-20*", "Fri", "–", "–", "5", "–", "first"]

    second = run("undo")
    assert "Undid change #1" in second.output
    assert "Nothing logged in this range." in run("show", "--from", "2026-11-20").output

    nothing = run("undo")
    assert nothing.exit_code == 2
    assert "Nothing to undo" in nothing.output
    history = run("history").output
    assert "undo of #2: entry 2026-11-20 changed: pain 6 → 5" in history
    assert "undo of #1: entry 2026-11-20 deleted" in history


def test_undo_of_sessions_and_phases_restores_them_exactly(journal: Journal) -> None:
    day = pendulum.date(2026, 11, 20)
    session = journal.add_session(
        Session(date=day, kind="massage", body_areas=("left foot", "نعل القدم"), notes="ok")
    )
    journal.update_session(replace(session, notes="changed", duration_min=30))
    journal.delete_session(session.id or 0)
    phase = journal.phases.add(Phase(name="weekly", start=day, end=day))
    journal.phases.delete(phase.id or 0)

    assert journal.undo_last() is not None  # the phase comes back
    assert [p.name for p in journal.phases.list()] == ["weekly"]
    assert journal.undo_last() is not None  # ... and goes again
    assert journal.phases.list() == []
    assert journal.undo_last() is not None  # the deleted session returns as last edited
    restored = journal.session(session.id or 0)
    assert restored is not None
    assert (restored.notes, restored.duration_min) == ("changed", 30)
    assert restored.body_areas == ("left foot", "نعل القدم")
    assert journal.undo_last() is not None  # the edit is reverted
    assert journal.session(session.id or 0) == replace(session, version=4)  # as first stored
    assert journal.undo_last() is not None  # and the session was never added
    assert journal.sessions() == []
    assert journal.undo_last() is None


def test_undo_refuses_when_the_record_changed_outside_history(journal: Journal) -> None:
    day = pendulum.date(2026, 11, 20)
    save_day(journal, Entry(date=day, scores=Scores(pain=4)))
    journal.db.execute("UPDATE entry SET pain = 9")  # not through the repository
    with pytest.raises(JournalError, match="cannot be undone safely"):
        journal.undo_last()
    stored = journal.entry(day)
    assert stored is not None and stored.scores.pain == 9
    assert len(journal.history()) == 1


def test_undo_works_on_changes_made_before_a_migration_added_a_column(journal: Journal) -> None:
    day = pendulum.date(2026, 11, 20)
    save_day(journal, Entry(date=day, scores=Scores(pain=4)))
    save_day(journal, Entry(date=day, scores=Scores(pain=6)))
    # What a later migration does: a new column the logged rows know nothing about.
    journal.db.execute("ALTER TABLE entry ADD COLUMN later_column TEXT")
    journal.db.execute("ALTER TABLE session ADD COLUMN later_column TEXT")
    journal.add_session(Session(date=day, kind="massage"))
    journal.db.execute("ALTER TABLE session DROP COLUMN later_column")
    journal.db.execute("ALTER TABLE session ADD COLUMN even_later TEXT")

    assert journal.undo_last() is not None  # the session added before the last column
    assert journal.sessions() == []
    assert journal.undo_last() is not None  # pain 6 back to 4
    stored = journal.entry(day)
    assert stored is not None and stored.scores.pain == 4
