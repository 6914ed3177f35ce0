"""No control, escape, bidi or invisible character typed into any field reaches a terminal
or a report (issue 28, point 1): every command that shows records, both text reports and
the PDF's text layer, with the same hostile text in every text field of every kind."""

from __future__ import annotations

import re
import shutil
import subprocess
from pathlib import Path

import pytest

from conftest import Run

HOSTILE = "k\x1b]0;PWN\x07\x1b[2J\u202e\u2066\u200b\x9b\x7f\x08\r\ufeffz"
"""A title change, a screen clear, a right-to-left override, an isolate, a zero-width
space, a C1 introducer, DEL, backspace, carriage return and a byte-order mark."""
# What may never be printed: C0 controls but newline, tab and the report's form feed
# between pages; DEL and C1; bidi embeddings, overrides and isolates; invisible marks.
RAW = re.compile("[\x00-\x08\x0b\x0d-\x1f\x7f-\x9f\u202a-\u202e\u2066-\u2069\u200b\u2060\ufeff]")


@pytest.fixture
def hostile_journal(run: Run) -> Run:
    """Every kind of record, with the hostile text in each of its text fields."""
    written = [
        run("log", "--pain", "3", "--note", HOSTILE),
        run("log", "--date", "yesterday", "--pain", "5", "--note", HOSTILE),
        run("session", "add", HOSTILE, "--provider", HOSTILE, "--area", HOSTILE,
            "--note", HOSTILE),
        run("med", "start", HOSTILE, "--dose", HOSTILE, "--as-needed", "--reason", HOSTILE),
        run("med", "took", "1", "--amount", HOSTILE, "--note", HOSTILE),
        run("event", "add", "fall", HOSTILE),
        run("event", "add", HOSTILE, "tripped"),
        run("ask", HOSTILE),
        run("phase", "add", HOSTILE, "--from", "2026-11-01", "--to", "2026-11-20"),
    ]  # fmt: skip
    assert all(r.exit_code == 0 for r in written), [r.output for r in written]
    return run


COMMANDS = [
    ["show"], ["show", "--last", "30d"], ["history"], ["session", "list"], ["med", "list"],
    ["event", "list"], ["question", "list", "--all"], ["phase", "list"], ["stats"],
    ["stats", "--each-session"], ["report", "--format", "text", "--daily"],
    ["report", "--format", "md", "--daily"], ["undo"],
]  # fmt: skip


@pytest.mark.parametrize("command", COMMANDS, ids=" ".join)
def test_no_raw_control_reaches_the_output(hostile_journal: Run, command: list[str]) -> None:
    output = hostile_journal(*command).output
    assert "PWN" in output or command == ["undo"]  # the hostile text is shown...
    assert RAW.findall(output) == []  # ...as escapes, never raw


@pytest.mark.skipif(
    shutil.which("pdftotext") is None,
    reason="pdftotext (poppler-utils) is not installed; .ci/run installs it",
)
def test_no_raw_control_reaches_the_pdf_text(hostile_journal: Run, tmp_path: Path) -> None:
    pdf = tmp_path / "r.pdf"
    assert hostile_journal("report", "--daily", "--out", str(pdf)).exit_code == 0
    text = subprocess.run(
        ["pdftotext", "-layout", str(pdf), "-"], capture_output=True, text=True, check=True
    ).stdout
    assert "PWN" in text and RAW.findall(text) == []
