"""Medicines, doses, events and questions: stored, undone, exported and imported whole."""

from __future__ import annotations

import json
import re
from dataclasses import replace

import pendulum
import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from nervelog.domain.care import Dose, Event, Medication, Question
from nervelog.domain.dates import FixedClock
from nervelog.domain.errors import RecordGone, ValidationError
from nervelog.storage import Journal, memory_journal
from nervelog.storage.export import export_json
from nervelog.storage.importing import import_data

NOW = pendulum.datetime(2026, 11, 22, 9, 30, tz="Europe/London")
CLOCK = FixedClock(NOW)
D = pendulum.date


def pregabalin(journal: Journal) -> Medication:
    return journal.medicines.start(
        Medication(name="pregabalin", dose="75 mg", schedule="twice daily", started=D(2026, 9, 1))
    )


def test_a_dose_change_stops_the_course_and_starts_the_next_that_follows_it(
    journal: Journal,
) -> None:
    first = pregabalin(journal)
    second = journal.medicines.change(first.id or 0, "150 mg", None, D(2026, 10, 3))
    old, new = journal.medicines.courses()
    assert (old.dose, old.started, old.stopped) == ("75 mg", D(2026, 9, 1), D(2026, 10, 3))
    assert (new.dose, new.started, new.stopped) == ("150 mg", D(2026, 10, 3), None)
    assert new.follows == old.id and new.schedule == "twice daily" and new == second


def test_undo_of_a_dose_change_restores_the_previous_course_in_one_step(
    journal: Journal,
) -> None:
    first = pregabalin(journal)
    journal.medicines.change(first.id or 0, "150 mg", "at night", D(2026, 10, 3))
    undone = journal.undo_last()
    assert undone is not None and len(undone.together) == 1
    # Back as it was, at a new version (1 started, 2 stopped by the change, 3 undone).
    assert journal.medicines.courses() == [replace(first, version=3)]
    # The next undo takes back the start itself, not half of the change.
    assert journal.undo_last() is not None
    assert journal.medicines.courses() == []


def test_on_the_day_of_a_dose_change_only_the_new_dose_is_taken(journal: Journal) -> None:
    first = pregabalin(journal)
    journal.medicines.change(first.id or 0, "150 mg", None, D(2026, 10, 3))
    old, new = journal.medicines.courses()
    assert not old.current_on(D(2026, 10, 3)) and new.current_on(D(2026, 10, 3))
    assert old.current_on(D(2026, 10, 2))
    assert journal.medicines.find_current("pregabalin", D(2026, 10, 3)) == new


def test_a_course_cannot_stop_before_a_dose_already_logged(journal: Journal) -> None:
    prn = journal.medicines.start(
        Medication(name="paracetamol", dose="1 g", as_needed=True, started=D(2026, 11, 1))
    )
    journal.medicines.took(Dose(medication=prn.id or 0, date=D(2026, 11, 20)))
    for attempt in (
        lambda: journal.medicines.stop(prn.id or 0, D(2026, 11, 10)),
        lambda: journal.medicines.change(prn.id or 0, "500 mg", None, D(2026, 11, 20)),
    ):
        with pytest.raises(
            ValidationError, match=r"a day after the last dose of it logged \(2026-11-20\)"
        ):
            attempt()
    assert journal.medicines.courses()[0].stopped is None


def test_a_stopped_course_cannot_be_changed_or_stopped_again(journal: Journal) -> None:
    first = pregabalin(journal)
    journal.medicines.stop(first.id or 0, D(2026, 10, 1), reason="dizzy")
    [stopped] = journal.medicines.courses()
    assert stopped.stopped == D(2026, 10, 1) and "Stopped: dizzy" in stopped.notes
    for attempt in (
        lambda: journal.medicines.stop(first.id or 0, D(2026, 10, 2)),
        lambda: journal.medicines.change(first.id or 0, "150 mg", None, D(2026, 10, 2)),
    ):
        with pytest.raises(ValidationError, match="stopped on 2026-10-01"):
            attempt()
    assert journal.medicines.courses() == [stopped]


def test_a_course_cannot_stop_before_it_started(journal: Journal) -> None:
    first = pregabalin(journal)
    with pytest.raises(ValidationError, match=r"2026-09-01 \(the start\) or later"):
        journal.medicines.stop(first.id or 0, D(2026, 8, 31))


def test_doses_only_for_as_needed_medicines_taken_then(journal: Journal) -> None:
    regular = pregabalin(journal)
    prn = journal.medicines.start(
        Medication(name="paracetamol", dose="500 mg", as_needed=True, started=D(2026, 11, 1))
    )
    with pytest.raises(ValidationError, match="nervelog med change 1 --dose"):
        journal.medicines.took(Dose(medication=regular.id or 0, date=D(2026, 11, 20)))
    with pytest.raises(ValidationError, match="a day paracetamol 500 mg was taken"):
        journal.medicines.took(Dose(medication=prn.id or 0, date=D(2026, 10, 20)))
    with pytest.raises(RecordGone):
        journal.medicines.took(Dose(medication=99, date=D(2026, 11, 20)))
    taken = journal.medicines.took(
        Dose(medication=prn.id or 0, date=D(2026, 11, 20), time="22:10", amount="1 g")
    )
    assert journal.medicines.doses() == [taken]


def test_a_name_two_current_courses_share_is_ambiguous(journal: Journal) -> None:
    for dose in ("500 mg", "1 g"):
        journal.medicines.start(
            Medication(name="Paracetamol", dose=dose, as_needed=True, started=D(2026, 11, 1))
        )
    with pytest.raises(ValidationError, match=r"1 \(Paracetamol 500 mg\), 2 \(Paracetamol 1 g\)"):
        journal.medicines.find_current("paracetamol", D(2026, 11, 20))


def test_questions_are_answered_and_events_kept(journal: Journal) -> None:
    asked = journal.questions.add(Question(text="Raise gabapentin?", raised_on=D(2026, 11, 2)))
    journal.questions.add(Question(text="Is driving OK?", raised_on=D(2026, 11, 3)))
    assert journal.questions.count_open() == 2
    journal.questions.answer(asked.id or 0, "Not yet; review in March.", D(2026, 11, 20))
    assert [q.text for q in journal.questions.list()] == ["Is driving OK?"]
    assert [q.is_open for q in journal.questions.list(open_only=False)] == [True, False]
    fall = journal.events.add(Event(date=D(2026, 11, 5), kind="fall", text="Tripped on stairs"))
    assert journal.events.list(D(2026, 11, 1), D(2026, 11, 30)) == [fall]
    assert journal.events.delete(fall.id or 0) and journal.events.list() == []
    assert journal.undo_last() is not None
    assert journal.events.list() == [replace(fall, version=2)]  # back, as a new version


days = st.dates(pendulum.date(2020, 1, 1), pendulum.date(2026, 11, 22)).map(
    lambda d: pendulum.date(d.year, d.month, d.day)
)
text = st.text(st.characters(exclude_categories=("Cs",), exclude_characters="\x00"), max_size=30)
word = text.filter(lambda t: t.strip() == t and t != "")


@st.composite
def care_journal(draw: st.DrawFn) -> Journal:
    """A journal with courses (some changed, some stopped), doses, events and questions."""
    journal = memory_journal(CLOCK)
    for _ in range(draw(st.integers(0, 3))):
        start = draw(days)
        course = journal.medicines.start(
            Medication(
                name=draw(word),
                dose=draw(word),
                schedule=draw(text),
                as_needed=draw(st.booleans()),
                started=start,
                reason=draw(text),
                notes=draw(text),
            )
        )
        if draw(st.booleans()) and start < CLOCK.today():  # from the next day on
            course = journal.medicines.change(course.id or 0, draw(word), None, start.add(days=1))
        if course.as_needed and draw(st.booleans()):
            dose = Dose(medication=course.id or 0, date=course.started, amount=draw(text))
            journal.medicines.took(dose)
    for _ in range(draw(st.integers(0, 3))):
        journal.events.add(Event(date=draw(days), kind=draw(word), text=draw(word)))
    for _ in range(draw(st.integers(0, 3))):
        question = journal.questions.add(Question(text=draw(word), raised_on=D(2020, 1, 1)))
        if draw(st.booleans()):
            journal.questions.answer(question.id or 0, draw(text), draw(days))
    return journal


def everything(journal: Journal) -> tuple[object, ...]:
    return (
        journal.medicines.courses(),
        journal.medicines.doses(),
        journal.events.list(),
        journal.questions.list(open_only=False),
    )


@settings(max_examples=40, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(care_journal())
def test_json_round_trip_keeps_every_medicine_dose_event_and_question(original: Journal) -> None:
    exported = export_json(original)
    copy = memory_journal(CLOCK)
    import_data(copy, exported.encode("utf-8"))
    assert everything(copy) == everything(original)
    # Importing the same file again changes nothing.
    again = import_data(copy, exported.encode("utf-8"))
    assert again.added == 0 and everything(copy) == everything(original)


def test_ids_that_are_taken_move_and_references_follow(journal: Journal) -> None:
    source = memory_journal(CLOCK)
    first = pregabalin(source)
    source.medicines.change(first.id or 0, "150 mg", None, D(2026, 10, 3))
    prn = source.medicines.start(
        Medication(name="paracetamol", dose="1 g", as_needed=True, started=D(2026, 9, 1))
    )
    source.medicines.took(Dose(medication=prn.id or 0, date=D(2026, 11, 1)))
    # The target journal already uses ids 1-3 for other courses.
    for name in ("duloxetine", "amitriptyline", "capsaicin cream"):
        journal.medicines.start(Medication(name=name, dose="x", started=D(2026, 1, 1)))
    import_data(journal, export_json(source).encode("utf-8"))
    courses = {m.label: m for m in journal.medicines.courses()}
    assert courses["pregabalin 150 mg"].follows == courses["pregabalin 75 mg"].id
    [dose] = journal.medicines.doses()
    assert dose.medication == courses["paracetamol 1 g"].id


@pytest.mark.parametrize(
    "change, message",
    [
        (lambda doc: doc["medications"][1].update(follows=2), "medications[1].follows: 2"),
        (lambda doc: doc["medications"][0].update(follows=2), "medications[0].follows: 2"),
        (lambda doc: doc["medications"][1].update(id=1), "medications[1].id: 1 is not allowed; expected an id no other"),
        (lambda doc: doc["doses"][0].update(date="2026-08-01"), "doses[0].date: '2026-08-01'"),
        (lambda doc: doc["doses"][0].update(medication=1), "doses[0].date"),
        (lambda doc: doc["medications"][0].update(id="99999999999999999999"), "medications[0].id"),
    ],
)  # fmt: skip
def test_a_file_breaking_the_journals_rules_is_refused_whole(
    journal: Journal, change: object, message: str
) -> None:
    source = memory_journal(CLOCK)
    first = pregabalin(source)
    source.medicines.change(first.id or 0, "150 mg", None, D(2026, 10, 3))
    prn = source.medicines.start(
        Medication(name="paracetamol", dose="1 g", as_needed=True, started=D(2026, 9, 1))
    )
    source.medicines.took(Dose(medication=prn.id or 0, date=D(2026, 11, 1)))
    document = json.loads(export_json(source))
    assert callable(change)
    change(document)
    with pytest.raises(ValidationError, match=re.escape(message)):
        import_data(journal, json.dumps(document, indent=2).encode())
    assert everything(journal) == ([], [], [], [])


def test_a_version_1_file_still_imports(journal: Journal) -> None:
    document = {
        "format": "nervelog-journal",
        "version": 1,
        "entries": [{"date": "2026-11-20", "pain": 4, "notes": "v1"}],
        "sessions": [],
    }
    result = import_data(journal, json.dumps(document).encode())
    assert result.added == 1 and journal.medicines.courses() == []


def test_bad_care_items_are_all_reported_with_their_lines_and_nothing_is_stored(
    journal: Journal,
) -> None:
    source = memory_journal(CLOCK)
    pregabalin(source)
    source.events.add(Event(date=D(2026, 11, 5), kind="fall", text="stairs"))
    document = json.loads(export_json(source))
    document["medications"][0]["stopped"] = "2026-08-01"  # before it started
    document["medications"][0]["colour"] = "blue"  # unknown field
    document["events"][0]["text"] = ""
    document["doses"] = [{"id": 1, "medication": 42, "date": "2026-11-01"}]
    document["questions"] = [{"text": "ok?", "raised_on": "2027-01-01"}]
    text = json.dumps(document, indent=2)
    with pytest.raises(ValidationError) as info:
        import_data(journal, text.encode())
    message = str(info.value)
    lines = text.splitlines()
    medication_line = next(i for i, line in enumerate(lines, 1) if '"name": "pregabalin"' in line)
    assert f"line {medication_line - 2}: medications[0].stopped: '2026-08-01'" in message
    assert "medications[0].field: 'colour'" in message
    assert "events[0].text: '' is not allowed" in message
    assert "doses[0].medication: 42 is not allowed; expected the id of a medication" in message
    assert "questions[0].raised_on: '2027-01-01'" in message
    assert everything(journal) == ([], [], [], [])


def test_a_dose_change_on_the_first_day_is_refused(journal: Journal) -> None:
    # It would leave a course of zero days: one that was never taken.
    first = pregabalin(journal)
    with pytest.raises(ValidationError, match="a day after .*its start"):
        journal.medicines.change(first.id or 0, "150 mg", None, first.started)
    assert journal.medicines.courses() == [first]
