"""``nervelog phase add|list|delete`` and the side-by-side comparison."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

from click.testing import Result

from nervelog.domain.dates import FixedClock
from nervelog.storage import open_journal

Run = Callable[..., Result]


def test_add_list_delete(run: Run, journal_path: Path, clock: FixedClock) -> None:
    for day, pain, mobility in (
        ("2026-10-01", 7, 3),
        ("2026-10-02", 6, None),
        ("2026-10-10", 4, 6),
        ("2026-10-11", 2, 7),
    ):
        args = ["log", "--date", day, "--pain", str(pain)]
        args += ["--mobility", str(mobility)] if mobility is not None else []
        assert run(*args).exit_code == 0
    assert run("session", "add", "massage", "--date", "2026-10-10").exit_code == 0

    result = run("phase", "add", "before massage", "--from", "2026-10-01", "--to", "2026-10-09")
    assert result.exit_code == 0, result.output
    assert "Added phase 1: before massage, 2026-10-01 to 2026-10-09" in result.output
    run("phase", "add", "weekly massage", "--from", "2026-10-10", "--to", "2026-10-31")

    result = run("phase", "list")
    assert result.exit_code == 0, result.output
    lines = result.output.splitlines()
    first = next(line for line in lines if line.startswith(" 1") or line.startswith("1 "))
    assert first.split()[-6:] == ["2026-10-01", "2026-10-09", "2", "of", "9", "0"]
    before = next(line for line in lines if line.startswith("before massage") and "(" in line)
    assert before.split()[2:] == ["–", "(0)", "–", "(0)", "6.5", "(2)", "3.0", "(1)"]
    weekly = next(line for line in lines if line.startswith("weekly massage") and "(" in line)
    assert weekly.split()[-4:] == ["3.0", "(2)", "6.5", "(2)"]
    assert "mobility (higher)" in result.output and "pain (lower)" in result.output

    result = run("phase", "delete", "1")
    assert result.exit_code == 0 and "Deleted phase 1." in result.output
    journal = open_journal(journal_path, clock)
    assert [p.name for p in journal.phases.list()] == ["weekly massage"]
    journal.db.conn.close()


def test_list_with_no_phases(run: Run) -> None:
    result = run("phase", "list")
    assert result.exit_code == 0
    assert "No phases yet" in result.output


def test_a_phase_may_end_in_the_future(run: Run) -> None:
    result = run("phase", "add", "twice weekly", "--from", "yesterday", "--to", "2026-12-31")
    assert result.exit_code == 0, result.output
    assert "2026-11-21 to 2026-12-31" in result.output


def test_bad_phases_are_refused_with_every_problem(run: Run) -> None:
    result = run("phase", "add", " ", "--from", "2026-10-10", "--to", "2026-10-01")
    assert result.exit_code == 2
    assert "name: ' ' is not allowed" in result.output
    assert "to: '2026-10-01' is not allowed; expected 2026-10-10 (the start) or later" in (
        result.output
    )
    result = run("phase", "add", "x", "--from", "2026-02-30", "--to", "nonsense")
    assert result.exit_code == 2
    assert "from: '2026-02-30' is not allowed" in result.output
    assert "to: 'nonsense' is not allowed" in result.output
    result = run("phase", "add", "x", "--from", "2027-01-01", "--to", "2027-02-01")
    assert result.exit_code == 2 and "today (2026-11-22) or earlier" in result.output


def test_deleting_an_unknown_phase(run: Run) -> None:
    result = run("phase", "delete", "42")
    assert result.exit_code == 2
    assert "the id of an existing phase" in result.output
