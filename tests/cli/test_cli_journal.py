"""The journal commands as a user runs them: log, show, session, where, check."""

from __future__ import annotations

import re
import sqlite3
import subprocess
import sys
from collections.abc import Callable
from pathlib import Path

import pendulum
import pytest
from click.testing import Result

from nervelog.storage import open_journal

Run = Callable[..., Result]

DISCLAIMER = "Personal observations recorded by the patient. Not a diagnosis or medical advice."


def stored(journal_path: Path, day: str = "2026-11-22") -> dict[str, object] | None:
    conn = sqlite3.connect(journal_path)
    conn.row_factory = sqlite3.Row
    row = conn.execute("SELECT * FROM entry WHERE date = ?", [day]).fetchone()
    conn.close()
    return dict(row) if row else None


def test_log_today_then_change_only_what_is_given(run: Run, journal_path: Path) -> None:
    result = run("log", "--pain", "3", "--numbness", "5", "--note", "feet cold")
    assert result.exit_code == 0, result.output
    assert "numbness 5 · tingling – · pain 3 · mobility –" in result.output
    run("log", "--mobility", "7")
    row = stored(journal_path)
    assert row is not None
    assert (row["pain"], row["numbness"], row["mobility"], row["tingling"]) == (3, 5, 7, None)
    assert row["notes"] == "feet cold"
    run("log", "--pain", "skip")
    assert stored(journal_path)["pain"] is None  # type: ignore[index]


def test_log_note_from_stdin_keeps_it_out_of_history(run: Run, journal_path: Path) -> None:
    result = run("log", "--date", "yesterday", "--note-file", "-", input="private\nsecond line\n")
    assert result.exit_code == 0, result.output
    assert stored(journal_path, "2026-11-21")["notes"] == "private\nsecond line"  # type: ignore[index]


@pytest.mark.parametrize(
    "args, fragments",
    [
        (["--pain", "11"], ["pain", "'11'", "0 to 10"]),
        (["--pain", "seven"], ["pain", "'seven'", "0 to 10"]),
        (["--pain", "-1"], ["pain", "'-1'"]),
        (["--date", "2026-11-23", "--pain", "3"], ["date", "2026-11-23", "or earlier"]),
        (["--date", "2026-02-30", "--pain", "3"], ["date", "2026-02-30", "YYYY-MM-DD"]),
        ([], ["Nothing to log"]),
    ],
)
def test_bad_log_input_is_refused_with_one_clear_message(
    run: Run, journal_path: Path, args: list[str], fragments: list[str]
) -> None:
    run("log", "--pain", "4")
    result = run("log", *args)
    assert result.exit_code == 2
    assert "Traceback" not in result.output
    for fragment in fragments:
        assert fragment in result.output
    assert stored(journal_path)["pain"] == 4  # type: ignore[index]


def test_all_problems_reported_together(run: Run) -> None:
    result = run("log", "--pain", "11", "--tingling", "seven", "--date", "2026-02-30")
    assert result.exit_code == 2
    assert "pain" in result.output and "tingling" in result.output and "date" in result.output


def test_session_add_list_edit_delete(run: Run, journal_path: Path) -> None:
    result = run(
        "session", "add", "massage", "--time", "10:30", "--duration", "45",
        "--area", "left foot", "--area", "calves", "--before", "pain=6,tingling=4",
        "--after", "pain=4", "--provider", "Sam",
    )  # fmt: skip
    assert result.exit_code == 0, result.output
    assert "Added session 1" in result.output
    listing = run("session", "list").output
    assert "massage" in listing and "left foot; calves" in listing and "before" in listing
    result = run("session", "edit", "1", "duration_min=50", "after_pain=3")
    assert result.exit_code == 0, result.output
    journal = open_journal(journal_path)
    session = journal.session(1)
    assert session is not None and session.duration_min == 50 and session.after.pain == 3
    assert session.body_areas == ("left foot", "calves")
    result = run("session", "delete", "1", input="y\n")
    assert result.exit_code == 0 and "Deleted session 1" in result.output
    assert journal.session(1) is None
    assert [c.action for c in journal.history("session")] == ["insert", "update", "delete"]


def test_session_errors(run: Run) -> None:
    run("session", "add", "massage")
    unknown = run("session", "edit", "1", "mood=3")
    assert (
        unknown.exit_code == 2 and "'mood'" in unknown.output and "duration_min" in unknown.output
    )
    missing = run("session", "edit", "99", "duration_min=3")
    assert missing.exit_code == 2 and "99" in missing.output
    bad = run("session", "add", "massage", "--duration", "0", "--time", "25:00", "--before", "x=1")
    assert bad.exit_code == 2
    for fragment in ("duration_min", "time", "--before"):
        assert fragment in bad.output
    declined = run("session", "delete", "1", input="n\n")
    assert declined.exit_code == 2 and "Stopped" in declined.output
    assert "massage" in run("session", "list").output


def test_show_marks_gaps_sessions_and_backfilled_days(run: Run) -> None:
    run("log", "--date", "2026-11-20", "--pain", "6", "--note", "[bold]literal[/bold]")
    run("log", "--pain", "0")
    run("session", "add", "physiotherapy", "--date", "2026-11-21")
    output = run("show", "--last", "7d").output
    assert "2026-11-16 to 2026-11-22: 2 of 7 days logged, 1 session." in output
    assert "2026-11-20*" in output, "a day recorded later is marked as backfilled"
    assert "[bold]literal[/bold]" in output
    assert "physiotherapy" in output
    line_today = next(line for line in output.splitlines() if line.startswith("2026-11-22"))
    assert line_today.split()[2:6] == ["–", "–", "0", "–"], "skipped shows –, zero shows 0"


def test_show_escapes_terminal_control_sequences(run: Run) -> None:
    run("log", "--pain", "1", "--note", "\x1b[2Jgone")
    output = run("show").output
    assert "\x1b" not in output and "\\x1b[2Jgone" in output


def test_show_range_errors(run: Run) -> None:
    result = run("show", "--from", "2026-11-20", "--to", "2026-11-10")
    assert result.exit_code == 2 and "range must run forwards" in result.output
    result = run("show", "--last", "ninety")
    assert result.exit_code == 2 and "'ninety'" in result.output


def test_where_and_check(run: Run, journal_path: Path) -> None:
    assert run("where").output.strip() == str(journal_path)
    run("log", "--pain", "2")
    output = run("check").output
    assert "Schema version: 5" in output and "Integrity:      ok" in output
    assert "Entries:        1" in output


def test_every_help_shows_the_disclaimer(run: Run) -> None:
    commands = [[], ["log"], ["show"], ["session"], ["session", "add"], ["session", "list"],
                ["session", "edit"], ["session", "delete"], ["export"], ["import"], ["where"],
                ["check"]]  # fmt: skip
    for command in commands:
        output = run(*command, "--help").output
        assert " ".join(DISCLAIMER.split()) in " ".join(output.split()), command


def test_help_lists_every_command_with_its_summary(run: Run) -> None:
    output = run("--help").output
    listed = output.split("Commands:")[1]
    names = re.findall(r"^  ([a-z]+) ", listed, flags=re.MULTILINE)
    assert names == sorted(
        ["ask", "backup", "check", "completion", "decrypt", "due", "encrypt", "event", "export",
         "history", "import", "log", "map", "med", "passphrase", "phase", "remind",
         "question", "report",
         "restore", "session", "settings", "show", "stats", "undo", "where"]
    )  # fmt: skip
    assert "Record how today (or another day) went" in listed
    assert "Make the one-page summary for your doctor" in listed


@pytest.mark.parametrize(
    "content, fragment",
    [
        (b"hello, not a database", "not a nervelog journal"),
        (b"SQLite format 3\x00" + b"\x00" * 200, "Cannot open the journal"),
    ],
)
def test_bad_journal_file_gets_a_message_not_a_traceback(
    run: Run, journal_path: Path, content: bytes, fragment: str
) -> None:
    journal_path.parent.mkdir(parents=True)
    journal_path.write_bytes(content)
    result = run("log", "--pain", "3")
    assert result.exit_code == 2 and fragment in result.output
    assert journal_path.read_bytes() == content


def test_unreadable_journal(run: Run, journal_path: Path) -> None:
    import os

    if os.geteuid() == 0:
        pytest.skip("root can read files whatever their mode, so unreadable cannot be simulated")
    journal_path.parent.mkdir(parents=True)
    journal_path.write_bytes(b"")
    journal_path.chmod(0)
    result = run("show")
    assert result.exit_code == 2 and "Cannot" in result.output


def test_folder_as_journal(run: Run, tmp_path: Path) -> None:
    result = run("--db", str(tmp_path), "show", db=False)
    assert result.exit_code == 2 and "is a folder" in result.output


def test_newer_schema_journal_is_refused(run: Run, journal_path: Path) -> None:
    run("log", "--pain", "3")
    conn = sqlite3.connect(journal_path)
    conn.execute("PRAGMA user_version = 99")
    conn.close()
    result = run("log", "--pain", "5")
    assert result.exit_code == 2 and "schema version 99" in result.output
    conn = sqlite3.connect(journal_path)
    assert conn.execute("SELECT pain FROM entry").fetchone()[0] == 3
    conn.close()


def test_demo_never_touches_the_users_journal(run: Run, journal_path: Path) -> None:
    result = run("--demo", "show", "--last", "30d", db=False)
    assert result.exit_code == 0
    assert "2026-11-21" in result.output and "massage" in result.output
    assert "days logged" in result.output
    assert not journal_path.exists()
    default = run("where", db=False).output.strip()
    assert not Path(default).exists()


def test_demo_option_after_the_command(run: Run) -> None:
    output = run("session", "list", "--demo", db=False).output
    assert "physiotherapy" in output and "massage" in output


def test_no_command_opens_the_app_on_the_chosen_journal(
    run: Run, journal_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    from textual.app import App
    from textual.pilot import Pilot

    from nervelog.tui.app import NervelogApp

    seen: list[str] = []

    async def look(pilot: Pilot[None]) -> None:
        await pilot.pause()
        seen.append(" ".join(str(w.render()) for w in pilot.app.screen.query("Static")))
        pilot.app.exit()

    # The real app, headless: what the user would see first, then quit.
    monkeypatch.setattr(
        NervelogApp, "run", lambda self: App.run(self, headless=True, auto_pilot=look)
    )
    result = run()
    assert result.exit_code == 0, result.output
    assert "Welcome to nervelog" in seen[0]
    assert str(journal_path) in seen[0], "the welcome names the journal in use"


def test_dates_relative_to_the_fixed_today(run: Run, journal_path: Path) -> None:
    run("log", "--date", "3 days ago", "--pain", "5")
    assert stored(journal_path, pendulum.date(2026, 11, 19).isoformat()) is not None


def test_the_program_runs_a_command_with_the_garbage_collector_back_on(tmp_path: Path) -> None:
    # nervelog.launch starts with it off, to load the modules; the command itself (a
    # ten-year import, say) must not run without it.
    probe = (
        "import gc, sys\n"
        "import nervelog.cli.entries as entries\n"
        "real = entries.log.callback\n"
        "def log(*a, **k):\n"
        "    print('collector on:', gc.isenabled())\n"
        "    return real(*a, **k)\n"
        "entries.log.callback = log\n"
        "from nervelog.launch import main\n"
        f"sys.argv = ['nervelog', '--db', {str(tmp_path / 'j.sqlite3')!r}, 'log', '--pain', '2']\n"
        "gc.enable()\n"
        "main()\n"
    )
    result = subprocess.run([sys.executable, "-c", probe], capture_output=True, text=True)
    assert result.returncode == 0, result.stderr
    assert "collector on: True" in result.stdout
