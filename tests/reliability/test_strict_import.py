"""An import file is read exactly: what a spreadsheet or script got wrong is refused with
where and why, never guessed at, and nothing is imported (issue 28, points 5 and 6)."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from nervelog.domain.errors import ValidationError
from nervelog.storage import Journal
from nervelog.storage.importing import import_data

HEADER = "date,numbness,tingling,pain,mobility,notes\n"


def document(**lists: object) -> dict[str, object]:
    return {"format": "nervelog-journal", "version": 3, **lists}


def refused(journal: Journal, data: str) -> str:
    with pytest.raises(ValidationError) as info:
        import_data(journal, data.encode("utf-8"))
    assert journal.entries() == [] and journal.sessions() == []  # nothing imported
    return str(info.value)


def test_a_key_given_twice_is_refused(journal: Journal) -> None:
    # The second "entries" would silently replace the first: the file says two things.
    text = '{"format": "nervelog-journal", "version": 3, "entries": [{"date": "2026-11-01",'
    text += ' "pain": 3}], "entries": []}'
    assert "the key 'entries' twice in one object" in refused(journal, text)


@pytest.mark.parametrize(
    ("item", "field", "allowed"),
    [
        ({"date": "2026-11-01", "pain": "5"}, "pain", "a whole number or null"),
        ({"date": "2026-11-01", "pain": True}, "pain", "a whole number or null"),
        ({"date": "2026-11-01", "pain": 2, "imported": "yes"}, "imported", "true or false"),
        ({"date": "2026-11-01", "notes": 7}, "notes", "text or null"),
        ({"date": "yesterday", "pain": 2}, "date", "YYYY-MM-DD"),
        ({"date": "5 days ago", "pain": 2}, "date", "YYYY-MM-DD"),
    ],
)
def test_a_value_of_the_wrong_type_or_a_relative_date_is_refused(
    journal: Journal, item: dict[str, object], field: str, allowed: str
) -> None:
    message = refused(journal, json.dumps(document(entries=[item])))
    assert f"entries[0].{field}: {item[field]!r} is not allowed" in message
    assert allowed in message


def test_a_medicine_flag_must_be_true_or_false(journal: Journal) -> None:
    course = {"id": 1, "name": "paracetamol", "dose": "1 g", "started": "2026-11-01",
              "as_needed": 1}  # fmt: skip
    message = refused(journal, json.dumps(document(medications=[course])))
    assert "medications[0].as_needed: 1 is not allowed; expected true or false" in message


def test_a_relative_date_in_a_spreadsheet_is_refused(journal: Journal) -> None:
    message = refused(journal, HEADER + "2026-11-01,1,1,1,1,\nyesterday,2,2,2,2,\n")
    assert "line 3: date: 'yesterday' is not allowed; expected a date as YYYY-MM-DD" in message


def test_deep_nesting_is_a_message_not_a_crash(journal: Journal) -> None:
    text = '{"format": "nervelog-journal", "version": 3, "entries": '
    text += "[" * 100_000 + "]" * 100_000 + "}"
    assert "nested too deeply" in refused(journal, text)


def test_a_top_level_list_is_refused_without_repeating_the_file(journal: Journal) -> None:
    message = refused(journal, "[" + "1," * 100_000 + "1]")
    assert "format: 'list' is not allowed; expected 'nervelog-journal'" in message
    assert len(message) < 200


def test_a_long_refused_value_is_shown_cut_with_its_length(journal: Journal) -> None:
    long_format = "x" * 5_000
    message = refused(journal, json.dumps({"format": long_format, "version": 3}))
    assert "xxxx… (5,002 characters)" in message and len(message) < 200


def test_a_huge_bad_spreadsheet_lists_100_problems_and_counts_the_rest(
    journal: Journal, tmp_path: Path
) -> None:
    rows = "".join(f"2026-01-01,99,1,1,1,row {i}\n" for i in range(50_000))
    lines = refused(journal, HEADER + rows).splitlines()
    assert len(lines) == 101
    assert all("numbness: '99' is not allowed" in line for line in lines[:100])
    assert lines[-1] == "…and 49,900 more rows not read; fix the ones above first."
