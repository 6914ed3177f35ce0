"""`nervelog med`, `event`, `question` and `ask`, as a user types them, errors included."""

from __future__ import annotations

import pytest

from conftest import Run


def test_start_change_stop_and_list_a_medicine(run: Run) -> None:
    started = run("med", "start", "pregabalin", "--dose", "75 mg", "--schedule", "twice daily",
                  "--date", "2026-09-01", "--reason", "burning feet")  # fmt: skip
    assert started.exit_code == 0, started.output
    assert "Started pregabalin 75 mg, twice daily (medicine 1) on 2026-09-01." in started.output
    changed = run("med", "change", "1", "--dose", "150 mg", "--date", "2026-10-03")
    assert "pregabalin 75 mg → 150 mg on 2026-10-03 (now medicine 2)" in changed.output
    now = run("med", "list").output
    assert "150 mg" in now and "75 mg" not in now
    everything = run("med", "list", "--all").output
    assert "2026-09-01  started pregabalin 75 mg (twice daily)" in everything
    assert "2026-10-03  pregabalin 75 mg → 150 mg" in everything
    stopped = run("med", "stop", "2", "--date", "2026-11-01", "--reason", "dizzy")
    assert "Stopped pregabalin 150 mg, twice daily (medicine 2) on 2026-11-01." in stopped.output
    assert run("med", "list").output.strip() == "No medicines taken now."
    # "stopped" as the report and the stop form say: the first day it was not taken.
    [header, _, first, second, *_] = run("med", "list", "--all").output.splitlines()
    assert header.split() == ["id", "medicine", "dose", "schedule", "from", "stopped"]
    assert first.split()[-2:] == ["2026-09-01", "2026-10-03"]
    assert second.split()[-2:] == ["2026-10-03", "2026-11-01"]


def test_undo_takes_back_a_whole_dose_change(run: Run) -> None:
    run("med", "start", "pregabalin", "--dose", "75 mg", "--date", "2026-09-01")
    run("med", "change", "1", "--dose", "150 mg", "--date", "2026-10-03")
    undone = run("undo").output
    assert "medicine 2 (pregabalin, 150 mg) added" in undone
    assert (
        "with change #2: medicine 1 (pregabalin, 75 mg) changed: stopped – → 2026-10-03" in undone
    )
    listed = run("med", "list").output
    assert "75 mg" in listed and "150 mg" not in listed


@pytest.mark.parametrize(
    "args, message",
    [
        (["med", "start", " ", "--dose", "1 g"], "name: ' ' is not allowed"),
        (["med", "start", "x", "--dose", "1 g", "--date", "2026-11-23"], "today (2026-11-22) or earlier"),
        (["med", "change", "9", "--dose", "2 g"], "There is no medicine 9"),
        (["med", "stop", "1", "--date", "2026-08-01"], "2026-09-01 (the start) or later"),
        (["med", "took", "pregabalin"], "an as-needed medicine; for a regular one, record a dose change with nervelog med change 1"),
        (["med", "took", "ibuprofen"], "a medicine taken on 2026-11-22 (paracetamol, pregabalin)"),
        (["med", "took", "paracetamol", "--time", "25:00"], "time: '25:00' is not allowed"),
        (["med", "start", "x", "--dose", "a\x00b"], "a NUL character at character 2"),
        (["event", "add", "fall", ""], "text: '' is not allowed"),
        (["event", "delete", "7", "--yes"], "the id of an event"),
        (["ask", "  "], "text: '  ' is not allowed"),
        (["question", "answer", "5"], "There is no question 5"),
    ],
)  # fmt: skip
def test_bad_input_is_one_clear_message_and_changes_nothing(
    run: Run, args: list[str], message: str
) -> None:
    run("med", "start", "pregabalin", "--dose", "75 mg", "--date", "2026-09-01")
    run("med", "start", "paracetamol", "--dose", "500 mg", "--as-needed", "--date", "2026-09-01")
    before = run("history", "--limit", "0").output
    result = run(*args)
    assert result.exit_code == 2, result.output
    assert message in result.output and "Traceback" not in result.output
    assert run("history", "--limit", "0").output == before


def test_a_stopped_course_cannot_change_and_took_lists_ids_of_a_shared_name(run: Run) -> None:
    run("med", "start", "paracetamol", "--dose", "500 mg", "--as-needed", "--date", "2026-09-01")
    run("med", "start", "Paracetamol", "--dose", "1 g", "--as-needed", "--date", "2026-09-02")
    ambiguous = run("med", "took", "paracetamol")
    assert ambiguous.exit_code == 2
    assert "1 (paracetamol 500 mg), 2 (Paracetamol 1 g)" in ambiguous.output
    took = run("med", "took", "2", "--time", "22:10", "--amount", "1 g")
    assert (
        "Logged a dose of Paracetamol 1 g, as needed (medicine 2) on 2026-11-22 at 22:10"
        in took.output
    )
    run("med", "stop", "1", "--date", "2026-10-01")
    again = run("med", "change", "1", "--dose", "1 g")
    assert again.exit_code == 2 and "stopped on 2026-10-01 and cannot be changed" in again.output


def test_events_and_questions(run: Run) -> None:
    added = run("event", "add", "fall", "Tripped on the stairs", "--date", "2026-11-20")
    assert "Added event 1: 2026-11-20 fall: Tripped on the stairs" in added.output
    run("event", "add", "flare", "Burning feet all day", "--date", "2026-11-21")
    listed = run("event", "list").output.splitlines()
    assert listed[0].startswith("!") and "fall: Tripped" in listed[0]
    assert "flare: Burning" in listed[1]
    assert "Deleted event 2." in run("event", "delete", "2", input="y\n").output

    assert (
        "Added question 1 for your next appointment (1 open)."
        in run("ask", "Could the gabapentin dose go up?").output
    )
    run("question", "add", "Is driving OK?")
    run("question", "answer", "2", "Yes, if not drowsy")
    assert "Is driving OK?" not in run("question", "list").output
    everything = run("question", "list", "--all").output
    assert "answered 2026-11-22: Yes, if not drowsy" in everything
    assert run("question", "delete", "1", input="n\n").exit_code == 2  # said no: kept
    assert "gabapentin" in run("question", "list").output


def test_show_and_stats_list_medicines_doses_events_and_questions(run: Run) -> None:
    run("log", "--pain", "5")
    run("med", "start", "pregabalin", "--dose", "75 mg", "--date", "2026-09-01")
    run("med", "change", "1", "--dose", "150 mg", "--date", "2026-11-10")
    run("med", "start", "paracetamol", "--dose", "500 mg", "--as-needed", "--date", "2026-11-01")
    for day in ("2026-11-16", "2026-11-18", "2026-11-19"):
        run("med", "took", "paracetamol", "--date", day)
    run("event", "add", "flare", "Bad night", "--date", "2026-11-15")
    run("event", "add", "fall", "Slipped", "--date", "2026-11-18")
    run("ask", "Raise the dose?")
    for command in (["show", "--last", "30d"], ["stats", "--last", "30d"]):
        output = run(*command).output
        assert "2026-11-10  pregabalin 75 mg → 150 mg" in output
        assert "week of 2026-11-16: paracetamol 3" in output
        assert output.index("fall: Slipped") < output.index("flare: Bad night")  # falls first
        assert (
            "Open questions for the next appointment (1)" in output and "Raise the dose?" in output
        )


def test_a_phase_from_a_medicine_course(run: Run) -> None:
    run("med", "start", "pregabalin", "--dose", "75 mg", "--date", "2026-09-01")
    run("med", "change", "1", "--dose", "150 mg", "--date", "2026-10-03")
    assert (
        "Added phase 1: since pregabalin 150 mg, 2026-10-03 to 2026-11-22"
        in run("phase", "add", "--from-med", "2").output
    )
    assert (
        "on pregabalin 75 mg, 2026-09-01 to 2026-10-03"
        in run("phase", "add", "--from-med", "1").output
    )
    both = run("phase", "add", "x", "--from-med", "1", "--from", "2026-01-01")
    assert both.exit_code == 2 and "not both" in both.output


def test_every_new_command_has_an_example_and_the_disclaimer(run: Run) -> None:
    for command in (["med"], ["med", "start"], ["med", "change"], ["med", "stop"], ["med", "took"],
                    ["med", "list"], ["event", "add"], ["event", "list"], ["event", "delete"],
                    ["question", "add"], ["question", "list"], ["question", "answer"],
                    ["question", "delete"], ["ask"]):  # fmt: skip
        text = " ".join(run(*command, "--help").output.split())
        assert "Not a diagnosis or medical advice." in text, command
        if command[-1] not in ("delete",):
            assert "Example" in text, command


@pytest.mark.parametrize(
    "args",
    [
        ["med", "change", "99999999999999999999", "--dose", "1 g"],
        ["med", "stop", "0"],
        ["med", "took", "99999999999999999999"],
        ["event", "delete", "99999999999999999999", "--yes"],
        ["question", "answer", "99999999999999999999"],
        ["phase", "add", "--from-med", "99999999999999999999"],
        ["session", "edit", "99999999999999999999", "kind=massage"],
    ],
)
def test_an_id_sqlite_cannot_hold_is_a_message_not_a_traceback(run: Run, args: list[str]) -> None:
    result = run(*args)
    assert result.exit_code == 2, result.output
    assert "Traceback" not in result.output and "Error:" in result.output
