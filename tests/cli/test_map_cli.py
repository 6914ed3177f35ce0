"""`nervelog map`, as typed, with every kind of bad input."""

from __future__ import annotations

import pytest

from conftest import Run


def test_set_show_and_history(run: Run) -> None:
    first = run("map", "set", "tingling", "toes", "sole", "--date", "2026-03-01")
    assert first.exit_code == 0, first.output
    assert "tingling: toes (both sides), sole (both sides)" in first.output
    run("map", "set", "tingling", "toes", "sole", "left-fingers", "--date", "2026-04-03")
    run("map", "set", "numbness", "right-knee", "--date", "2026-04-03")
    run("map", "clear", "numbness", "--date", "2026-05-09")
    shown = run("map", "show").output
    assert "Map made on 2026-05-09, holding on 2026-11-22" in shown
    assert "tingling: toes (both sides), sole (both sides), left fingers" in shown
    assert "numbness: not marked" in shown and "FRONT" in shown and "BACK" in shown
    assert max(len(line) for line in shown.splitlines()) <= 80
    earlier = run("map", "show", "--date", "2026-04-10", "--symptom", "numbness").output
    assert "numbness: right knee" in earlier
    history = run("map", "history").output.splitlines()
    assert history == [
        "tingling: + toes (both sides), + sole (both sides) on 1 Mar 2026",
        # Symptoms changed on one day are listed in the map's order: numbness first.
        "numbness: + right knee on 3 Apr 2026",
        "tingling: + left fingers on 3 Apr 2026",
        "numbness: − right knee on 9 May 2026",
    ]


@pytest.mark.parametrize(
    "args, message",
    [
        (["map", "set", "tingling", "elbow"], "one of toes, sole, top-of-foot"),
        (["map", "set", "tingling", "left-lower-back"], "lower-back without a side"),
        (["map", "set", "mobility", "toes"], "one of numbness, tingling, pain"),
        (["map", "set", "pain"], "to clear a map, use clear"),
        (["map", "set", "pain", "toes", "--date", "2026-11-23"], "today (2026-11-22) or earlier"),
        (["map", "clear", "itching"], "one of numbness, tingling, pain"),
    ],
)
def test_bad_input_is_one_message_and_changes_nothing(
    run: Run, args: list[str], message: str
) -> None:
    run("map", "set", "pain", "sole")
    before = run("map", "history").output
    result = run(*args)
    assert result.exit_code == 2 and message in result.output, result.output
    assert run("map", "history").output == before


def test_show_and_stats_tell_where_it_is_felt_and_how_that_changed(run: Run) -> None:
    run("map", "set", "tingling", "toes", "--date", "2026-09-01")
    run("map", "set", "tingling", "toes", "left-fingers", "left-palm", "--date", "2026-11-03")
    for command in (["show", "--last", "30d"], ["stats", "--last", "30d"]):
        output = run(*command).output
        assert "tingling: toes (both sides), left fingers, left palm" in output
        assert "tingling spread to the left fingers and palm on 3 Nov 2026" in output


def test_history_and_undo_name_a_map_by_its_day_and_where_symptoms_were_marked(
    run: Run,
) -> None:
    run("map", "set", "tingling", "toes", "--date", "2026-11-20")
    run("map", "set", "tingling", "toes", "left-fingers", "--date", "2026-11-20")
    history = run("history")
    assert history.exit_code == 0, history.output
    lines = history.output.splitlines()
    assert "symptom map 1 (2026-11-20) added: numbness: not marked; tingling: toes" in lines[-2]
    assert lines[-1].endswith(
        "symptom map 1 (2026-11-20) changed: tingling: toes (both sides) → toes (both sides),"
        " left fingers"
    )
    undone = run("undo")
    assert undone.exit_code == 0, undone.output
    assert "symptom map 1 (2026-11-20) changed:" in undone.output
    assert "tingling: toes (both sides)\n" in run("map", "show").output
    assert "undo of #" in run("history").output.splitlines()[-1]


def test_history_and_undo_describe_every_kind_of_record(run: Run) -> None:
    """One change of each kind the history keeps; each reads as a line, and undo takes
    every one back without an error."""
    commands = [
        ["log", "--pain", "4", "--date", "2026-11-20"],
        ["session", "add", "massage", "--date", "2026-11-20"],
        ["phase", "add", "weekly massage", "--from", "2026-11-01", "--to", "2026-11-20"],
        ["med", "start", "paracetamol", "--dose", "1 g", "--as-needed", "--date", "2026-11-01"],
        ["med", "took", "paracetamol", "--date", "2026-11-20"],
        ["event", "add", "fall", "Tripped on the stairs", "--date", "2026-11-20"],
        ["ask", "Could the dose go up?"],
        ["map", "set", "pain", "sole", "--date", "2026-11-20"],
    ]
    for command in commands:
        assert run(*command).exit_code == 0, command
    history = run("history")
    assert history.exit_code == 0, history.output
    lines = history.output.splitlines()
    nouns = ["entry", "session", "phase", "medicine", "dose", "event", "question", "symptom map"]
    assert len(lines) == len(nouns)
    for line, noun in zip(lines, nouns, strict=True):
        assert f" {noun} " in line and " added" in line, line
    for _ in commands:
        undone = run("undo")
        assert undone.exit_code == 0 and undone.output.startswith("Undid change #"), undone.output
    assert "Nothing to undo" in run("undo").output
