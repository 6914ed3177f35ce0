"""``nervelog settings``: what reports print in their header, checked before it is kept."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

import pytest
from click.testing import Result
from pypdf import PdfReader

Run = Callable[..., Result]


def test_settings_list_their_defaults_and_purpose(run: Run) -> None:
    result = run("settings")
    assert result.exit_code == 0, result.output
    rows = {line.split()[0]: line for line in result.output.splitlines()[2:]}
    assert set(rows) == {"display_name", "date_of_birth", "patient_id", "paper_size", "week_start"}
    assert rows["paper_size"].split()[1] == "a4"
    assert rows["date_of_birth"].split()[1] == "–"


def test_date_of_birth_and_patient_id_print_in_the_report_header(run: Run, tmp_path: Path) -> None:
    assert run("settings", "set", "display_name", "Alex Example").exit_code == 0
    assert run("settings", "set", "date_of_birth", "1961-04-02").exit_code == 0
    assert run("settings", "set", "patient_id", "NHS 943 476 5919").exit_code == 0
    run("log", "--pain", "4")
    out = tmp_path / "r.pdf"
    assert run("report", "--out", str(out)).exit_code == 0
    first = PdfReader(out).pages[0].extract_text()
    assert "Name: Alex Example · Born: 1961-04-02 · ID: NHS 943 476 5919" in first
    text = run("report", "--format", "text").output
    assert "Name: Alex Example · Born: 1961-04-02 · ID: NHS 943 476 5919" in text


@pytest.mark.parametrize(
    ("args", "message"),
    [
        (["date_of_birth", "2026-11-23"], "date_of_birth: '2026-11-23' is not allowed"),
        (["date_of_birth", "1961-02-30"], "expected a date YYYY-MM-DD, not in the future"),
        (["paper_size", "a5"], "paper_size: 'a5' is not allowed; expected a4 or letter"),
        (["week_start", "friday"], "expected monday, sunday or saturday"),
        (["patient_id", "x" * 41], "expected one line of up to 40 characters"),
        (["patient_id", "a\nb"], "patient_id: 'a\\nb' is not allowed"),
        (["colour", "red"], "setting: 'colour' is not allowed; expected one of display_name"),
    ],
)
def test_bad_values_are_refused_and_change_nothing(run: Run, args: list[str], message: str) -> None:
    before = run("settings").output
    result = run("settings", "set", *args)
    assert result.exit_code == 2
    assert message in result.output and "Traceback" not in result.output
    assert run("settings").output == before


def test_unset_puts_the_default_back(run: Run) -> None:
    run("settings", "set", "paper_size", "Letter")
    assert "letter" in run("settings").output
    assert run("settings", "unset", "paper_size").exit_code == 0
    rows = {line.split()[0]: line for line in run("settings").output.splitlines()[2:]}
    assert rows["paper_size"].split()[1] == "a4"
    assert run("settings", "unset", "nope").exit_code == 2
