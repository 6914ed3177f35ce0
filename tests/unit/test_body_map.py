"""Symptom maps: regions and sides as typed, snapshots that hold until the next, the
changes worded as a person would say them (expected sentences written by hand)."""

from __future__ import annotations

import json

import pendulum
import pytest

from nervelog.analysis.body_map import map_story
from nervelog.domain.body_map import SymptomMap, parse_regions
from nervelog.domain.errors import ValidationError
from nervelog.render.body_figure import figure_text
from nervelog.storage import Journal, memory_journal
from nervelog.storage.export import export_json
from nervelog.storage.importing import import_data

D = pendulum.date


def test_regions_sides_and_groups() -> None:
    assert parse_regions(["toes", "left-fingers", "right-knee"]) == {
        "toes": "both", "fingers": "left", "knee": "right",
    }  # fmt: skip
    assert parse_regions(["left-foot"]) == {"toes": "left", "sole": "left", "top of foot": "left"}
    # Left and right of the same region make both.
    assert parse_regions(["left-palm", "right-palm", "lower-back"]) == {
        "palm": "both", "lower back": "both",
    }  # fmt: skip


@pytest.mark.parametrize(
    "tokens, message",
    [
        (["elbow"], "one of toes, sole, top-of-foot"),
        (["left-lower-back"], "lower-back without a side"),
        (["left-right-knee"], "one side at most"),
        ([], "to clear a map, use clear"),
    ],
)
def test_bad_regions_are_named(tokens: list[str], message: str) -> None:
    with pytest.raises(ValidationError, match=message):
        parse_regions(tokens)


def test_a_map_holds_from_its_day_until_the_next(journal: Journal) -> None:
    journal.maps.set_symptom("tingling", {"toes": "both"}, D(2026, 3, 1))
    journal.maps.set_symptom("tingling", {"toes": "both", "fingers": "left"}, D(2026, 4, 3))
    assert journal.maps.on(D(2026, 2, 28)) is None
    first = journal.maps.on(D(2026, 3, 1))
    assert first is not None and first.of("tingling") == {"toes": "both"}
    held = journal.maps.on(D(2026, 4, 2))  # the day before the next map
    assert held is not None and held.date == D(2026, 3, 1)
    latest = journal.maps.on(D(2026, 4, 3))
    assert latest is not None and latest.of("tingling")["fingers"] == "left"


def test_two_maps_on_one_day_the_later_replaces_the_earlier(journal: Journal) -> None:
    journal.maps.set_symptom("pain", {"knee": "right"}, D(2026, 5, 9))
    journal.maps.set_symptom("pain", {"knee": "both"}, D(2026, 5, 9))
    [only] = journal.maps.all()
    assert only.of("pain") == {"knee": "both"}
    assert journal.undo_last() is not None
    [restored] = journal.maps.all()
    assert restored.of("pain") == {"knee": "right"}


def test_changes_are_worded_by_what_was_added_removed_and_which_side() -> None:
    maps = [
        SymptomMap(D(2026, 3, 1), {"tingling": {"toes": "both"}, "numbness": {"knee": "right"}}),
        SymptomMap(
            D(2026, 4, 3),
            {
                "tingling": {"toes": "both", "fingers": "left", "palm": "left"},
                "numbness": {"knee": "right"},
            },
        ),  # fmt: skip
        SymptomMap(
            D(2026, 5, 9), {"tingling": {"toes": "left", "fingers": "left", "palm": "left"}}
        ),
    ]
    # The very first map says where a symptom was first marked, not that it spread.
    [first] = [s for c in map_story(maps, None, D(2026, 3, 1)).changes for s in c.sentences()
               if s.startswith("tingling")]  # fmt: skip
    assert first == "tingling first marked in the toes on both sides on 1 Mar 2026"
    story = map_story(maps, D(2026, 3, 15), D(2026, 6, 1))
    assert story.at_start == maps[0] and story.at_end == maps[2]
    sentences = [s for change in story.changes for s in change.sentences()]
    assert sentences == [
        "tingling spread to the left fingers and palm on 3 Apr 2026",
        "numbness no longer in the right knee from 9 May 2026",
        "tingling in the toes: both sides → left from 9 May 2026",
    ]
    # A range that starts on a map's day begins with that map, not its changes.
    assert [c.date for c in map_story(maps, D(2026, 4, 3), D(2026, 6, 1)).changes] == [
        D(2026, 5, 9), D(2026, 5, 9),
    ]  # fmt: skip


def test_the_figure_fills_the_right_side_seen_from_the_front_and_the_back() -> None:
    lines = figure_text({"knee": "right"}, mark="#")
    knees = next(line for line in lines if "#" in line)
    front, back = knees[:15], knees[19:]
    # From the front the person's right is on the viewer's left; from the back, on the right.
    assert front.index("#") < 7 and back.index("#") > 7


def test_json_round_trip_keeps_the_maps(journal: Journal) -> None:
    journal.maps.set_symptom("tingling", {"toes": "both", "fingers": "left"}, D(2026, 3, 1))
    journal.maps.set_symptom("numbness", {"lower back": "both"}, D(2026, 4, 3))
    exported = export_json(journal)
    copy = memory_journal(journal.clock)
    import_data(copy, exported.encode())
    assert copy.maps.all() == journal.maps.all()
    assert import_data(copy, exported.encode()).added == 0


def test_two_maps_of_one_day_in_a_file_are_refused(journal: Journal) -> None:
    document = json.loads(export_json(journal))
    document["symptom_maps"] = [
        {"date": "2026-03-01", "regions": {"pain": {"knee": "left"}}},
        {"date": "2026-03-01", "regions": {"pain": {"knee": "right"}}},
    ]
    with pytest.raises(
        ValidationError,
        match="symptom_maps\\[1\\].date: '2026-03-01' is not allowed; expected one map a day",
    ):
        import_data(journal, json.dumps(document).encode())


def test_a_bad_map_in_a_file_is_named_with_its_line(journal: Journal) -> None:
    document = json.loads(export_json(journal))
    document["symptom_maps"] = [
        {"date": "2026-03-01", "regions": {"tingling": {"elbow": "left", "lower back": "left"}}}
    ]
    with pytest.raises(ValidationError) as info:
        import_data(journal, json.dumps(document, indent=2).encode())
    message = str(info.value)
    assert "symptom_maps[0].regions.tingling.elbow" in message
    assert (
        "symptom_maps[0].regions.tingling.lower back: 'left' is not allowed; expected both"
        in message
    )
    assert journal.maps.all() == []
