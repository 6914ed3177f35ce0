"""Edge cases found in review: each once printed a traceback, lost data or misled."""

from __future__ import annotations

import contextlib
import json
import sqlite3
from collections.abc import Callable
from pathlib import Path

import pendulum
import pytest
from click.testing import CliRunner, Result

from nervelog.cli import CliContext, cli
from nervelog.domain.dates import FixedClock

Run = Callable[..., Result]


@pytest.mark.parametrize("command", [["export"], ["report", "--format", "text"]])
def test_out_never_overwrites_the_journal(run: Run, journal_path: Path, command: list[str]) -> None:
    run("log", "--pain", "4")
    before = dump(journal_path)
    result = run(*command, "--out", str(journal_path))
    assert result.exit_code == 2
    assert "SQLite database" in result.output and "Traceback" not in result.output
    # The same journal, row for row (its bytes may differ: SQLite checkpoints its log
    # into the file whenever a connection closes).
    assert dump(journal_path) == before
    assert "4" in run("show").output


def dump(path: Path) -> list[str]:
    with contextlib.closing(sqlite3.connect(path)) as conn:
        return list(conn.iterdump())


def test_own_sessions_csv_reimports_as_unchanged(run: Run, tmp_path: Path) -> None:
    run("session", "add", "massage", "--before", "pain=6", "--after", "pain=4", "--area", "feet")
    exported = tmp_path / "sessions.csv"
    run("export", "--format", "sessions-csv", "--out", str(exported))
    result = run("import", str(exported))
    assert "0 added, 0 updated, 1 unchanged" in result.output
    assert run("session", "list").output.count("massage") == 1


def test_log_stamps_updated_at_on_every_change(journal_path: Path, clock: FixedClock) -> None:
    def log_at(moment: pendulum.DateTime, *args: str) -> None:
        CliRunner().invoke(
            cli, ["--db", str(journal_path), "log", *args], obj=CliContext(clock=FixedClock(moment))
        )

    log_at(clock.moment, "--pain", "6")
    log_at(clock.moment.add(hours=2), "--pain", "5")
    conn = sqlite3.connect(journal_path)
    recorded, updated = conn.execute("SELECT recorded_at, updated_at FROM entry").fetchone()
    conn.close()
    assert recorded.startswith("2026-11-22T09:30:00")
    assert updated.startswith("2026-11-22T11:30:00")


@pytest.mark.parametrize("span", ["99999y", "101y", "40000d"])
def test_huge_periods_are_refused_not_crashed(run: Run, span: str) -> None:
    for command in (["show"], ["session", "list"], ["stats"]):
        result = run(*command, "--last", span)
        assert result.exit_code == 2, (command, result.output)
        assert "up to 100y" in result.output


def test_dates_before_1900_are_refused(run: Run) -> None:
    result = run("log", "--date", "1026-11-22", "--pain", "3")
    assert result.exit_code == 2 and "1900-01-01 or later" in result.output


def test_skipping_everything_on_an_empty_day_creates_nothing(run: Run) -> None:
    result = run("log", "--pain", "skip")
    assert result.exit_code == 2 and "at least one score or a note" in result.output
    assert "0 of 14 days logged" in run("show").output


def test_note_file_that_is_not_utf8(run: Run, tmp_path: Path) -> None:
    note = tmp_path / "note.txt"
    note.write_bytes("caf\xe9".encode("latin-1"))
    result = run("log", "--pain", "2", "--note-file", str(note))
    assert result.exit_code == 2 and "--note-file" in result.output and "UTF-8" in result.output


def _journal_file(tmp_path: Path, entries: list[object], sessions: list[object]) -> Path:
    path = tmp_path / "in.json"
    document = {
        "format": "nervelog-journal",
        "version": 1,
        "entries": entries,
        "sessions": sessions,
    }
    path.write_text(json.dumps(document, indent=2))
    return path


def test_import_problems_in_one_row_are_all_reported(run: Run, tmp_path: Path) -> None:
    path = _journal_file(
        tmp_path,
        [{"date": "2026-11-01", "pain": 12, "mood": 3, "recorded_at": "2026-11-01T10:00:00"}],
        [{"date": "2026-11-01", "kind": "massage", "id": 10**20}],
    )
    output = run("import", str(path)).output
    for fragment in ("pain", "'mood'", "recorded_at", "UTC offset", "id"):
        assert fragment in output, fragment


def test_duplicate_days_name_both_lines(run: Run, tmp_path: Path) -> None:
    data = "date,numbness,tingling,pain,mobility,notes\n2026-11-01,1,,,,\n2026-11-01,2,,,,\n"
    output = run("import", "-", input=data).output
    assert "line 3: date: '2026-11-01'" in output and "already on line 2" in output


@pytest.mark.parametrize("value", ["--5", "-0", "+3"])
def test_a_signed_score_is_refused_without_a_traceback(run: Run, value: str) -> None:
    result = run("log", f"--pain={value}")
    assert result.exit_code == 2
    assert f"pain: '{value}' is not allowed" in result.output
    assert "0 to 10" in result.output
    assert "0 of 1 days logged" in run("show", "--last", "1d").output


def test_an_import_with_signed_scores_names_every_one_and_imports_nothing(
    run: Run, tmp_path: Path
) -> None:
    source = tmp_path / "entries.csv"
    source.write_text(
        "date,numbness,tingling,pain,mobility,notes\n2026-11-01,--5,-0,+3,4,x\n2026-11-02,1,2,3,4,y\n"
    )
    result = run("import", str(source))
    assert result.exit_code == 2
    for field, value in (("numbness", "--5"), ("tingling", "-0"), ("pain", "+3")):
        assert f"line 2: {field}: '{value}' is not allowed" in result.output
    assert "2026-11-02" not in run("show", "--last", "100d").output


def test_session_list_columns_line_up_with_wide_characters(run: Run) -> None:
    from nervelog.domain.text import display_width

    run("session", "add", "massage", "--provider", "Sam", "--duration", "45")
    run("session", "add", "指圧マッサージ", "--provider", "田中さん 👍🏽", "--duration", "30")
    lines = run("session", "list").output.splitlines()
    header = next(line for line in lines if line.startswith("id"))
    rows = [line for line in lines if "Sam" in line or "田中" in line]
    assert len(rows) == 2

    def column_of(line: str, text: str) -> int:
        return display_width(line[: line.index(text)])

    # Each row's provider starts in the display column of the "provider" heading.
    assert column_of(rows[0], "Sam") == column_of(header, "provider")
    assert column_of(rows[1], "田中") == column_of(header, "provider")


def test_escape_sequences_in_a_session_kind_never_reach_the_terminal(run: Run) -> None:
    run("log", "--pain", "5")
    run("session", "add", "massage\x1b[2J\x1b[31m", "--provider", "Sam\x07")
    for args in (["report", "--format", "text"], ["session", "list"], ["stats"], ["history"]):
        output = run(*args).output
        assert "\x1b" not in output and "\x07" not in output, args
        assert "massage\\x1b[2J" in output, args


@pytest.mark.parametrize(
    "command",
    [
        ["session", "edit", "１", "kind=yoga"],  # full-width one
        ["session", "delete", "١", "--yes"],  # Arabic-Indic one
        ["question", "answer", "１", "not yet"],
    ],
)
def test_only_ascii_digits_name_a_record(run: Run, command: list[str]) -> None:
    run("session", "add", "massage")
    run("ask", "Could the dose go up?")
    result = run(*command)
    assert result.exit_code == 2 and "in the digits 0-9" in result.output
    assert "yoga" not in run("session", "list").output
    assert "not yet" not in run("question", "list", "--all").output


def test_a_score_rated_twice_in_one_option_is_refused(run: Run) -> None:
    result = run("session", "add", "massage", "--before", "pain=3,pain=4")
    assert result.exit_code == 2
    assert "--before: 'pain=4' is not allowed; expected each score once" in result.output
    assert run("session", "list").output.strip() == "No sessions in this range."


def test_history_shows_an_escape_typed_into_a_dose_amount(run: Run) -> None:
    run("med", "start", "paracetamol", "--dose", "1 g", "--as-needed")
    run("med", "took", "paracetamol", "--amount", "1 g\x1b]0;PWN\x07\x1b[2J")
    output = run("history").output
    assert "\x1b" not in output and "\x07" not in output
    assert "amount “1 g\\x1b]0;PWN\\x07\\x1b[2J”" in output


@pytest.mark.parametrize("command", [["export"], ["report", "--format", "text"]])
def test_out_replaces_an_existing_file_only_with_force(
    run: Run, tmp_path: Path, command: list[str]
) -> None:
    run("log", "--pain", "4")
    out = tmp_path / "kept.txt"
    out.write_text("someone's earlier file\n", encoding="utf-8")
    refused = run(*command, "--out", str(out))  # no terminal to ask on: refused
    assert refused.exit_code == 2
    assert f"{out} exists: add --force to replace it. Nothing was written." in refused.output
    assert out.read_text(encoding="utf-8") == "someone's earlier file\n"
    assert run(*command, "--out", str(out), "--force").exit_code == 0
    assert "someone's earlier file" not in out.read_text(encoding="utf-8")


@pytest.mark.parametrize(
    ("command", "said"),
    [
        (["history", "--limit", "５"], "'５' is not a count"),
        (["stats", "--window", "３"], "window: '３' is not allowed"),
    ],
)
def test_only_ascii_digits_are_numbers_in_options(run: Run, command: list[str], said: str) -> None:
    result = run(*command)
    assert result.exit_code == 2 and said in result.output
