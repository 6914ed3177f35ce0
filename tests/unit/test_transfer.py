"""Import and export: lossless JSON, spreadsheet-friendly CSV, all-or-nothing import."""

from __future__ import annotations

import csv
import io
import json
import uuid

import pendulum
import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from nervelog.domain.dates import FixedClock
from nervelog.domain.errors import ValidationError
from nervelog.domain.models import Entry, Session
from nervelog.domain.scores import Scores
from nervelog.storage import Journal, memory_journal
from nervelog.storage.export import (
    ENTRY_HEADER,
    export_entries_csv,
    export_json,
    export_sessions_csv,
)
from nervelog.storage.importing import apply_import, import_data

NOW = pendulum.datetime(2026, 11, 22, 9, 30, tz="Europe/London")
CLOCK = FixedClock(NOW)

# -- strategies for any valid journal ---------------------------------------------------

score = st.one_of(st.none(), st.integers(0, 10))
scores = st.builds(Scores, score, score, score, score)
days = st.dates(pendulum.date(2000, 1, 1), pendulum.date(2026, 11, 22)).map(
    lambda d: pendulum.date(d.year, d.month, d.day)
)
text = st.text(st.characters(exclude_categories=("Cs",), exclude_characters="\x00"), max_size=40)
moments = st.datetimes(min_value=pendulum.datetime(2000, 1, 1).naive(), max_value=NOW.naive()).map(
    lambda d: pendulum.instance(d, tz=pendulum.fixed_timezone(7200)).replace(microsecond=0)
)
entries = st.builds(
    Entry, date=days, scores=scores, notes=text, recorded_at=moments, updated_at=moments
)
sessions = st.builds(
    Session,
    id=st.none(),  # the journal gives ids
    date=days,
    kind=text.filter(lambda k: k.strip() == k and k != ""),
    time=st.one_of(st.none(), st.times().map(lambda t: t.strftime("%H:%M"))),
    duration_min=st.one_of(st.none(), st.integers(1, 600)),
    provider=text,
    body_areas=st.lists(text.filter(lambda a: a.strip() == a and a != "" and ";" not in a)).map(
        tuple
    ),
    notes=text,
    before=scores,
    after=scores,
    recorded_at=moments,
    updated_at=moments,
)


def fill(journal: Journal, day_entries: list[Entry], day_sessions: list[Session]) -> None:
    unique = {e.date: e for e in day_entries}
    apply_import(journal, unique.values(), day_sessions)


def snapshot(journal: Journal) -> tuple[list[Entry], list[Session]]:
    return journal.entries(), journal.sessions()


@settings(max_examples=60, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(st.lists(entries, max_size=8), st.lists(sessions, max_size=6))
def test_json_round_trip_gives_back_the_same_journal(
    day_entries: list[Entry], day_sessions: list[Session]
) -> None:
    original = memory_journal(CLOCK)
    fill(original, day_entries, day_sessions)
    exported = export_json(original)
    copy = memory_journal(CLOCK)
    import_data(copy, exported.encode("utf-8"))
    assert snapshot(copy) == snapshot(original)
    assert export_json(copy) == exported


def test_json_shape_is_documented_format(journal: Journal) -> None:
    journal.save_entry(Entry(date=pendulum.date(2026, 11, 20), scores=Scores(pain=3)))
    journal.add_session(
        Session(date=pendulum.date(2026, 11, 20), kind="massage", body_areas=("a",))
    )
    document = json.loads(export_json(journal))
    assert document["format"] == "nervelog-journal" and document["version"] == 3
    assert [k for k in document if k.endswith("s")] == [
        "entries", "sessions", "medications", "doses", "events", "questions", "symptom_maps",
    ]  # fmt: skip
    assert document["exported_at"].startswith("2026-11-22T09:30:00+00:00")
    [entry] = document["entries"]
    assert entry["pain"] == 3 and entry["numbness"] is None
    [session] = document["sessions"]
    assert session["body_areas"] == ["a"]
    # Version 3: each record's global identity (a UUID) and its version travel with it.
    assert str(uuid.UUID(entry["uid"])) == entry["uid"] and entry["version"] == 1
    assert session["uid"] != entry["uid"] and session["version"] == 1


def test_csv_with_bom_and_crlf_imports(journal: Journal) -> None:
    data = (
        "\ufeffdate,numbness,tingling,pain,mobility,notes\r\n"
        '2026-11-01,3,,5,7,"two\r\nlines"\r\n'
        "2026-11-02,0,0,0,10,\r\n"
    ).encode()
    result = import_data(journal, data)
    assert (result.kind, result.added) == ("entries", 2)
    first = journal.entry(pendulum.date(2026, 11, 1))
    assert first is not None
    assert first.scores == Scores(numbness=3, tingling=None, pain=5, mobility=7)
    assert first.notes == "two\r\nlines"
    second = journal.entry(pendulum.date(2026, 11, 2))
    assert second is not None and second.scores == Scores(0, 0, 0, 10)


def test_sessions_csv_round_trip(journal: Journal) -> None:
    journal.add_session(
        Session(
            date=pendulum.date(2026, 11, 3),
            kind="physiotherapy",
            time="15:00",
            duration_min=45,
            provider="City Physio",
            body_areas=("ankles", "left foot"),
            notes='=HYPERLINK("x")',
        )
    )
    exported = export_sessions_csv(journal)
    rows = list(csv.reader(io.StringIO(exported)))
    assert rows[0] == ["date", "time", "kind", "duration_min", "provider", "body_areas", "notes"]
    assert rows[1][5] == "ankles;left foot"
    copy = memory_journal(CLOCK)
    import_data(copy, exported.encode())
    [restored] = copy.sessions()
    assert restored.same_content(journal.sessions()[0])


@pytest.mark.parametrize(
    "dangerous", ["=1+1", "+SUM(A1)", "-2+3", "@cmd", "\tx", "\rx", "'=quoted"]
)
def test_formula_cells_are_neutralised_and_restored(journal: Journal, dangerous: str) -> None:
    day = pendulum.date(2026, 11, 5)
    journal.save_entry(Entry(date=day, scores=Scores(pain=2), notes=dangerous))
    exported = export_entries_csv(journal)
    [header, row] = list(csv.reader(io.StringIO(exported)))
    assert tuple(header) == ENTRY_HEADER
    assert row[-1].startswith("'"), "a spreadsheet must see this cell as text"
    copy = memory_journal(CLOCK)
    import_data(copy, exported.encode())
    assert copy.entry(day).notes == dangerous  # type: ignore[union-attr]


def test_import_is_all_or_nothing_and_reports_every_bad_line(journal: Journal) -> None:
    data = (
        b"date,numbness,tingling,pain,mobility,notes\n"
        b"2026-11-01,3,3,3,3,fine\n"
        b"2026-11-02,11,3,3,3,bad score\n"
        b"2026-11-03,3,3,3,3,fine\n"
        b"2030-01-01,3,3,3,3,future\n"
        b"2026-11-04,3,3\n"
    )
    with pytest.raises(ValidationError) as info:
        import_data(journal, data)
    lines = sorted(p.line for p in info.value.problems if p.line is not None)
    assert lines == [3, 5, 6]
    message = str(info.value)
    assert "line 3: numbness: '11'" in message and "line 5: date: '2030-01-01'" in message
    assert journal.entries() == []


def test_identical_reimport_changes_nothing(journal: Journal) -> None:
    journal.save_entry(Entry(date=pendulum.date(2026, 11, 1), scores=Scores(pain=4), notes="n"))
    journal.add_session(Session(date=pendulum.date(2026, 11, 1), kind="massage"))
    journal.add_session(Session(date=pendulum.date(2026, 11, 1), kind="massage"))
    exported = export_json(journal).encode()
    history_before = len(journal.history())
    result = import_data(journal, exported)
    assert (result.added, result.updated, result.unchanged) == (0, 0, 3)
    assert len(journal.history()) == history_before
    assert len(journal.sessions()) == 2


def test_dry_run_reports_and_stores_nothing(journal: Journal) -> None:
    data = b"date,numbness,tingling,pain,mobility,notes\n2026-11-01,1,2,3,4,\n"
    result = import_data(journal, data, dry_run=True)
    assert (result.added, result.dry_run) == (1, True)
    assert journal.entries() == [] and journal.history() == []


@pytest.mark.parametrize(
    "data, fragment",
    [
        (b"", "empty"),
        (b"   \n", "empty"),
        (b"\x00\x01\x02binary", "binary"),
        (b"\xff\xfe\xfa not utf8", "UTF-8"),
        (b"day,pain\n2026-11-01,3\n", "header"),
        (b'{"format": "nervelog-journal", "version": 1, "entries": [', "valid JSON"),
        (b'{"format": "other"}', "format"),
        (b'{"format": "nervelog-journal", "version": 9}', "version"),
        (b"[1, 2]", "format"),  # JSON, but not an export
    ],
)
def test_malformed_files_get_a_clear_problem(journal: Journal, data: bytes, fragment: str) -> None:
    with pytest.raises(ValidationError, match=fragment):
        import_data(journal, data)
    assert journal.entries() == []


def test_unknown_json_field_is_named(journal: Journal) -> None:
    document = {
        "format": "nervelog-journal",
        "version": 1,
        "entries": [{"date": "2026-11-01", "pain": 3, "mood": 5}],
        "sessions": [],
    }
    with pytest.raises(ValidationError, match="'mood'"):
        import_data(journal, json.dumps(document, indent=2).encode())
