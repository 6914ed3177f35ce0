"""export and import from the command line."""

from __future__ import annotations

import json
import stat
from collections.abc import Callable
from pathlib import Path

from click.testing import Result

Run = Callable[..., Result]


def test_export_json_to_a_private_file_and_reimport(run: Run, tmp_path: Path) -> None:
    run("log", "--pain", "3", "--note", "ümlaut ✓ 日本")
    run("session", "add", "massage", "--area", "feet")
    out = tmp_path / "backup.json"
    result = run("export", "--out", str(out))
    assert result.exit_code == 0
    assert stat.S_IMODE(out.stat().st_mode) == 0o600
    document = json.loads(out.read_text(encoding="utf-8"))
    assert document["entries"][0]["notes"] == "ümlaut ✓ 日本"
    again = run("import", str(out))
    assert again.exit_code == 0
    assert "0 added, 0 updated, 2 unchanged" in again.output


def test_export_csv_to_stdout(run: Run) -> None:
    run("log", "--pain", "3", "--note", "=cmd|' /C calc'!A0")
    output = run("export", "--format", "entries-csv").output
    assert output.splitlines()[0] == "date,numbness,tingling,pain,mobility,notes"
    assert "'=cmd" in output
    sessions = run("export", "--format", "sessions-csv").output
    assert sessions.splitlines()[0] == "date,time,kind,duration_min,provider,body_areas,notes"


def test_import_dry_run_then_real(run: Run, tmp_path: Path) -> None:
    csv_file = tmp_path / "days.csv"
    csv_file.write_bytes(
        b"\xef\xbb\xbfdate,numbness,tingling,pain,mobility,notes\r\n2026-11-01,1,2,3,4,x\r\n"
    )
    dry = run("import", "--dry-run", str(csv_file))
    assert dry.exit_code == 0 and "Would import entries: 1 added" in dry.output
    assert "2026-11-01" not in run("show", "--from", "2026-11-01").output.split("\n", 3)[-1]
    real = run("import", str(csv_file))
    assert "Imported entries: 1 added" in real.output
    assert "2026-11-01" in run("show", "--from", "2026-11-01", "--to", "2026-11-02").output


def test_bad_import_lists_lines_and_changes_nothing(run: Run, tmp_path: Path) -> None:
    run("log", "--date", "2026-11-01", "--pain", "9")
    bad = tmp_path / "bad.csv"
    bad.write_text(
        "date,numbness,tingling,pain,mobility,notes\n2026-11-01,1,1,1,1,ok\n2026-11-02,x,1,1,1,\n"
    )
    result = run("import", str(bad))
    assert result.exit_code == 2
    assert "nothing was changed" in result.output and "line 3: numbness: 'x'" in result.output
    assert "9" in run("show", "--from", "2026-11-01", "--to", "2026-11-01").output


def test_import_from_stdin_and_missing_file(run: Run) -> None:
    data = "date,numbness,tingling,pain,mobility,notes\n2026-11-02,,,5,,\n"
    assert "1 added" in run("import", "-", input=data).output
    missing = run("import", "/nonexistent/file.csv")
    assert missing.exit_code == 2 and "No such file" in missing.output
