"""Hostile notes and import files: nothing crashes, nothing leaks, notes come back exactly."""

from __future__ import annotations

import csv
import io
import json
import tempfile
from pathlib import Path
from typing import Any

import pendulum
import pytest
from click.testing import Result
from hostile import NOTES, ONE_MB_NOTE, PIECES, has_raw_control
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from conftest import Run, invoke
from nervelog.domain.dates import FixedClock
from nervelog.domain.errors import ValidationError
from nervelog.domain.models import Entry, Session
from nervelog.domain.scores import Scores
from nervelog.storage import Journal, memory_journal
from nervelog.storage.export import FORMULA_PREFIXES, ExportFormat, export_text
from nervelog.storage.import_file import MAX_IMPORT_BYTES
from nervelog.storage.importing import import_data

CLOCK = FixedClock(pendulum.datetime(2026, 11, 22, 9, 30, tz="Europe/London"))
TODAY = CLOCK.today()
FAST = settings(
    max_examples=40, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture]
)


def _fill(journal: Journal, notes: list[str]) -> None:
    for i, note in enumerate(notes):
        day = TODAY.subtract(days=i)
        journal.save_entry(Entry(date=day, scores=Scores(pain=i % 11), notes=note))
        journal.add_session(Session(date=day, kind="massage", notes=note, provider=note[:50]))


def _round_trip(journal: Journal, fmt: ExportFormat) -> tuple[Journal, str]:
    text = export_text(journal, fmt)
    again = memory_journal(CLOCK)
    import_data(again, text.encode("utf-8"))
    return again, text


def _dump(journal: Journal) -> dict[str, list[object]]:
    """Everything that must survive an export and import, in order."""
    return {
        "entries": [(e.date, e.scores, e.notes) for e in journal.entries()],
        "sessions": [(s.date, s.kind, s.notes, s.provider) for s in journal.sessions()],
    }


@FAST
@given(notes=st.lists(NOTES, min_size=1, max_size=4))
def test_notes_come_back_exactly_through_json_and_csv(notes: list[str]) -> None:
    journal = memory_journal(CLOCK)
    _fill(journal, notes)
    stored = _dump(journal)
    assert [e[2] for e in stored["entries"]] == list(reversed(notes))

    again, _ = _round_trip(journal, ExportFormat.JSON)
    assert _dump(again) == stored

    entries, entries_csv = _round_trip(journal, ExportFormat.ENTRIES_CSV)
    assert _dump(entries)["entries"] == stored["entries"]
    sessions, sessions_csv = _round_trip(journal, ExportFormat.SESSIONS_CSV)
    assert _dump(sessions)["sessions"] == stored["sessions"]

    # No cell a spreadsheet would run as a formula.
    for text in (entries_csv, sessions_csv):
        for row in csv.reader(io.StringIO(text, newline="")):
            assert not any(cell.startswith(FORMULA_PREFIXES) for cell in row), row


def _cli(folder: Path, *args: str, input: str | None = None) -> Result:
    return invoke(folder / "journal.sqlite3", CLOCK, *args, input=input)


@FAST
@given(note=NOTES)
def test_the_cli_shows_hostile_notes_safely_and_exports_them_exactly(note: str) -> None:
    with tempfile.TemporaryDirectory() as folder:
        where = Path(folder)
        logged = _cli(where, "log", "--pain", "3", "--note", note)
        assert logged.exit_code == 0, logged.output
        added = _cli(where, "session", "add", "massage", "--provider", note, "--note", note)
        assert added.exit_code == 0, added.output
        for args in (("show",), ("session", "list"), ("history",), ("stats", "--last", "7d")):
            shown = _cli(where, *args)
            assert shown.exit_code == 0, (args, shown.output)
            assert not has_raw_control(shown.output), (args, shown.output)
        exported = json.loads(_cli(where, "export").output)
        assert exported["entries"][0]["notes"] == note
        assert exported["sessions"][0]["notes"] == note
        assert exported["sessions"][0]["provider"] == note


def test_a_one_megabyte_note_survives_every_route(tmp_path: Path) -> None:
    # Through the repository the note is stored exactly as given...
    journal = memory_journal(CLOCK)
    journal.save_entry(Entry(date=TODAY, scores=Scores(pain=2), notes=ONE_MB_NOTE))
    for fmt in (ExportFormat.JSON, ExportFormat.ENTRIES_CSV):
        again, _ = _round_trip(journal, fmt)
        same = _dump(again) == _dump(journal)
        assert same, fmt  # (no diff shown: it would be 1 MB long)

    # ... and through the CLI, where --note-file reads text with universal newlines.
    note_file = tmp_path / "note.txt"
    note_file.write_text(ONE_MB_NOTE, encoding="utf-8", newline="")
    assert _cli(tmp_path, "log", "--pain", "2", "--note-file", str(note_file)).exit_code == 0
    stored = json.loads(_cli(tmp_path, "export").output)["entries"][0]["notes"]
    expected = ONE_MB_NOTE.replace("\r\n", "\n").replace("\r", "\n").rstrip("\n")
    assert stored == expected, "the note changed on the way in"
    shown = _cli(tmp_path, "show")
    assert shown.exit_code == 0 and not has_raw_control(shown.output)
    for fmt in ("json", "entries-csv"):
        out = tmp_path / f"export.{fmt}"
        assert _cli(tmp_path, "export", "--format", fmt, "--out", str(out)).exit_code == 0
        other = tmp_path / fmt
        other.mkdir()
        imported = _cli(other, "import", str(out))
        assert imported.exit_code == 0, imported.output[:500]
        back = json.loads(_cli(other, "export").output)["entries"][0]["notes"]
        assert back == stored, f"the note changed through {fmt}"


@pytest.mark.parametrize(
    "args",
    [("log", "--pain", "1", "--note", "a\x00b"), ("session", "add", "massage", "--note", "\x00")],
)
def test_nul_in_a_note_is_refused_clearly(run: Run, args: tuple[str, ...]) -> None:
    result = run(*args)
    assert result.exit_code == 2
    assert "a NUL character at character" in result.output
    assert "Traceback" not in result.output
    assert "Nothing logged" in run("show").output


def test_nul_or_invalid_bytes_in_an_import_are_refused_with_the_line(
    run: Run, tmp_path: Path
) -> None:
    document = {
        "format": "nervelog-journal",
        "version": 1,
        "entries": [
            {"date": "2026-11-20", "pain": 1, "notes": "fine"},
            {"date": "2026-11-21", "notes": "a\x00b"},
        ],
    }
    path = tmp_path / "nul.json"
    path.write_text(json.dumps(document, indent=4))
    result = run("import", str(path))
    assert result.exit_code == 2
    assert "entries[1].notes" in result.output and "NUL" in result.output
    invalid = run("log", "--note", "bad \udcff byte")  # what the shell passes for byte 0xff
    assert invalid.exit_code == 2 and "not UTF-8" in invalid.output
    assert "Nothing logged" in run("show").output


# -- hostile import files ---------------------------------------------------------------


def _sample_journal() -> Journal:
    journal = memory_journal(CLOCK)
    _fill(journal, list(PIECES[:8]))
    return journal


SAMPLE_EXPORTS = {fmt: export_text(_sample_journal(), fmt).encode() for fmt in ExportFormat}


def _import_or_refuse(data: bytes) -> None:
    """Import into a journal with one day in it: all of it, or (refused) none of it."""
    journal = memory_journal(CLOCK)
    journal.save_entry(Entry(date=TODAY, scores=Scores(pain=5), notes="mine"))
    before = _dump(journal)
    try:
        import_data(journal, data)
    except ValidationError as exc:
        assert str(exc)  # a message for the user
        assert _dump(journal) == before
        assert len(journal.history()) == 1


@FAST
@given(data=st.binary(max_size=3000))
def test_binary_garbage_is_refused_or_imported_never_crashes(data: bytes) -> None:
    _import_or_refuse(data)


@FAST
@given(fmt=st.sampled_from(list(ExportFormat)), cut=st.floats(0, 1))
def test_truncated_exports_are_all_or_nothing(fmt: ExportFormat, cut: float) -> None:
    data = SAMPLE_EXPORTS[fmt]
    _import_or_refuse(data[: int(len(data) * cut)])


@FAST
@given(
    fmt=st.sampled_from(list(ExportFormat)),
    position=st.integers(0, 10_000),
    junk=st.binary(min_size=1, max_size=20),
)
def test_corrupted_exports_are_all_or_nothing(
    fmt: ExportFormat, position: int, junk: bytes
) -> None:
    data = SAMPLE_EXPORTS[fmt]
    at = position % len(data)
    _import_or_refuse(data[:at] + junk + data[at + len(junk) :])


@FAST
@given(header=st.text(st.characters(exclude_categories=("Cs",)), max_size=80))
def test_a_wrong_header_is_named(header: str) -> None:
    data = (header.replace("\x00", "") + "\r\n2026-11-20,1,2,3,4,note\r\n").encode()
    try:
        import_data(memory_journal(CLOCK), data)
    except ValidationError as exc:
        assert str(exc)


@pytest.mark.parametrize(
    ("content", "message"),
    [
        (b"", "empty"),
        (b" \n\t\r\n", "empty"),
        (b"\xef\xbb\xbf", "empty"),
        (b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR", "binary data"),
        (b"\xff\xfe\x00d\x00a", "UTF-8"),
        (b"date,pain\r\n2026-11-20,3\r\n", "header"),
        (b'{"format": "nervelog-journal", "version": 1, "entries": [{"date": "2026-11-', "json"),
        (b'{"format": "something-else"}', "format"),
    ],
)
def test_bad_import_files_get_a_clear_message(
    run: Run, tmp_path: Path, content: bytes, message: str
) -> None:
    run("log", "--pain", "4")
    path = tmp_path / "bad-import"
    path.write_bytes(content)
    result = run("import", str(path))
    assert result.exit_code == 2, result.output
    assert "was not imported; nothing was changed" in result.output
    assert message in result.output
    assert "Traceback" not in result.output
    assert run("history").output.count("\n") == 1


def test_an_enormous_import_is_refused_before_it_is_read(
    run: Run, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    huge = tmp_path / "huge.json"
    with huge.open("wb") as handle:
        handle.truncate(MAX_IMPORT_BYTES + 1)  # sparse: no disk space, but 200 MB long
    opened: list[Path] = []
    real_open = Path.open

    def spy_open(self: Path, *args: Any, **kwargs: Any) -> Any:
        if self == huge:
            opened.append(self)
        return real_open(self, *args, **kwargs)

    monkeypatch.setattr(Path, "open", spy_open)
    result = run("import", str(huge))
    assert result.exit_code == 2
    assert "at most 200 MB" in result.output
    assert opened == [], "the file was opened although its size alone rules it out"


def test_an_enormous_stream_is_read_only_up_to_the_limit(
    run: Run, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr("nervelog.storage.import_file.MAX_IMPORT_BYTES", 1024)
    result = run("import", "-", input="date,numbness,tingling,pain,mobility,notes\r\n" * 100)
    assert result.exit_code == 2
    assert "1025 bytes" in result.output  # it stopped one byte past the limit
