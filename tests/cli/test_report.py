"""``nervelog report`` as a user runs it: files written, output printed, clear errors."""

from __future__ import annotations

import io
import stat
from collections.abc import Callable
from pathlib import Path

import pytest
from click.testing import Result
from pypdf import PdfReader

from nervelog.domain.dates import FixedClock
from nervelog.domain.disclaimer import DISCLAIMER
from nervelog.storage import open_journal
from nervelog.storage.demo import load_demo

Run = Callable[..., Result]
DEFAULT_NAME = "nervelog-summary-2026-08-25-to-2026-11-22.pdf"


@pytest.fixture
def demo_db(journal_path: Path, clock: FixedClock) -> Path:
    """The test journal file filled with the demo data."""
    journal = open_journal(journal_path, clock)
    load_demo(journal)
    journal.db.conn.close()
    return journal_path


def test_default_is_a_private_pdf_of_the_last_90_days_in_this_folder(
    run: Run, demo_db: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.chdir(tmp_path)
    result = run("report")
    assert result.exit_code == 0, result.output
    written = tmp_path / DEFAULT_NAME
    assert result.output.strip() == f"Wrote {DEFAULT_NAME}"
    assert stat.S_IMODE(written.stat().st_mode) == 0o600
    reader = PdfReader(io.BytesIO(written.read_bytes()))
    first = reader.pages[0].extract_text()
    assert "2026-08-25 to 2026-11-22 (90 days)" in first
    assert DISCLAIMER in first


def test_text_goes_to_standard_output(run: Run, demo_db: Path) -> None:
    result = run("report", "--format", "text", "--last", "30d", "--name", "Alex")
    assert result.exit_code == 0, result.output
    assert result.output.startswith("Symptom journal summary\n")
    assert "Name: Alex" in result.output
    assert "2026-10-24 to 2026-11-22 (30 days)" in result.output
    assert max(len(line) for line in result.output.splitlines()) <= 80


def test_markdown_to_a_file(run: Run, demo_db: Path, tmp_path: Path) -> None:
    out = tmp_path / "summary.md"
    result = run("report", "--format", "md", "--out", str(out), "--daily")
    assert result.exit_code == 0, result.output
    assert out.read_text(encoding="utf-8").startswith("# Symptom journal summary")
    assert "## Daily scores table" in out.read_text(encoding="utf-8")
    assert stat.S_IMODE(out.stat().st_mode) == 0o600


def test_settings_give_the_default_name_and_paper(
    run: Run, demo_db: Path, tmp_path: Path, clock: FixedClock
) -> None:
    journal = open_journal(demo_db, clock)
    journal.set_setting("display_name", "Sam Settings")
    journal.set_setting("paper_size", "letter")
    journal.db.conn.close()
    out = tmp_path / "r.pdf"
    assert run("report", "--out", str(out)).exit_code == 0
    page = PdfReader(io.BytesIO(out.read_bytes())).pages[0]
    assert round(float(page.mediabox.width)) == 612
    assert "Name: Sam Settings" in page.extract_text()
    again = ("report", "--out", str(out), "--paper", "a4", "--name", "Other", "--force")
    assert run(*again).exit_code == 0
    page = PdfReader(io.BytesIO(out.read_bytes())).pages[0]
    assert round(float(page.mediabox.width)) == 595
    assert "Name: Other" in page.extract_text()


def test_from_and_to(run: Run, demo_db: Path) -> None:
    result = run("report", "--format", "text", "--from", "2026-10-01", "--to", "2026-10-31")
    assert "2026-10-01 to 2026-10-31 (31 days)" in result.output


@pytest.mark.parametrize(
    ("args", "message"),
    [
        (("--last", "soon"), "a length such as 30d"),
        (("--last", "0d"), "a length such as 30d"),
        (("--paper", "a5"), "'a5' is not one of 'a4', 'letter'"),
        (("--format", "docx"), "'docx' is not one of"),
        (("--from", "2026-11-01", "--last", "30d"), "either --last or --from"),
        (("--from", "2026-11-10", "--to", "2026-11-01"), "the range must run forwards"),
        (("--to", "2027-01-01"), "today (2026-11-22) or earlier"),
    ],
)
def test_bad_options_exit_2_with_a_clear_message(
    run: Run, demo_db: Path, args: tuple[str, ...], message: str
) -> None:
    result = run("report", "--format", "text", *args)
    assert result.exit_code == 2
    assert message in result.output


def test_unwritable_out_exits_2_and_writes_nothing(run: Run, demo_db: Path, tmp_path: Path) -> None:
    target = tmp_path / "missing-folder" / "report.pdf"
    result = run("report", "--out", str(target))
    assert result.exit_code == 2
    assert f"Cannot write {target}" in result.output
    assert "Nothing was written." in result.output
    assert not target.parent.exists()


def test_empty_journal_still_gives_a_report(run: Run, tmp_path: Path) -> None:
    out = tmp_path / "empty.pdf"
    result = run("report", "--out", str(out))
    assert result.exit_code == 0, result.output
    text = PdfReader(io.BytesIO(out.read_bytes())).pages[0].extract_text()
    assert "No entries or sessions were recorded in this range." in text


def test_help_lists_the_options_and_the_disclaimer(run: Run) -> None:
    result = run("report", "--help")
    for option in ("--from", "--to", "--last", "--format", "--out", "--paper", "--name", "--daily"):
        assert option in result.output
    assert DISCLAIMER in " ".join(result.output.split())


def test_text_report_does_not_load_the_pdf_libraries(demo_db: Path) -> None:
    # In a fresh interpreter: the text report must not pay for fpdf2 or matplotlib.
    # (Which days it covers does not matter here, so the real clock is harmless.)
    import subprocess
    import sys

    script = (
        "import sys\n"
        "from nervelog.cli import cli\n"
        f"cli(['--db', {str(demo_db)!r}, 'report', '--format', 'text', '--last', '30d'],"
        " prog_name='nervelog', standalone_mode=False)\n"
        "print('LOADED', sorted(m for m in ('fpdf', 'matplotlib') if m in sys.modules))\n"
    )
    done = subprocess.run(
        [sys.executable, "-c", script], capture_output=True, text=True, timeout=60, check=True
    )
    assert "Symptom journal summary" in done.stdout
    assert "LOADED []" in done.stdout
