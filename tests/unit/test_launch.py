"""The program's first lines start a PDF report's chart early, and only for that."""

from __future__ import annotations

import os
import subprocess
import sys
import time
from pathlib import Path

import pytest

from nervelog.launch import wants_pdf_report


@pytest.mark.parametrize(
    "command",
    [
        "report",
        "report --last 1y --out r.pdf",
        "--db j.sqlite3 report --format pdf",
        "--demo report --paper letter",
        "--db=j.sqlite3 report --format=pdf",
    ],
)
def test_a_pdf_report_is_recognised(command: str) -> None:
    assert wants_pdf_report(command.split())


@pytest.mark.parametrize(
    "command",
    [
        "",
        "log --pain 3",
        "report --format text",
        "report --format=md",
        "report --help",
        "--db report log",
        "export --format json --out report",
        "--help",
    ],
)
def test_anything_else_is_not(command: str) -> None:
    assert not wants_pdf_report(command.split())


def run_program(*args: str) -> subprocess.CompletedProcess[str]:
    """``python -m nervelog ARGS`` in its own process group; fails if anything outlives it."""
    process = subprocess.Popen(
        [sys.executable, "-m", "nervelog", *args],
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        text=True,
        start_new_session=True,
    )
    out, err = process.communicate(timeout=120)
    time.sleep(0.2)
    with pytest.raises(ProcessLookupError):  # no chart process left behind
        os.killpg(process.pid, 0)
    return subprocess.CompletedProcess(process.args, process.returncode, out, err)


def test_the_program_makes_a_pdf_report_with_the_early_chart(tmp_path: Path) -> None:
    db, pdf = tmp_path / "j.sqlite3", tmp_path / "r.pdf"
    assert run_program("--db", str(db), "log", "--pain", "4").returncode == 0
    result = run_program("--db", str(db), "report", "--last", "30d", "--out", str(pdf))
    assert result.returncode == 0, result.stderr
    assert pdf.read_bytes().startswith(b"%PDF") and f"Wrote {pdf}" in result.stdout


def test_a_report_refused_before_drawing_leaves_no_chart_process(tmp_path: Path) -> None:
    result = run_program("--db", str(tmp_path / "j.sqlite3"), "report", "--last", "soon")
    assert result.returncode == 2
    assert "last: 'soon' is not allowed" in result.stderr and "Traceback" not in result.stderr
