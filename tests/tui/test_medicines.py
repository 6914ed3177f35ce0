"""Medicines, doses, events and questions in the app, driven from the keyboard."""

from __future__ import annotations

import pendulum
from textual.widgets import DataTable, Input, Static
from tui_helpers import AppFactory, screen_text, wait_for

from nervelog.domain.care import Dose, Medication, Question
from nervelog.storage import Journal
from nervelog.tui.screens.checkin import CheckinScreen
from nervelog.tui.screens.doses import DosePicker
from nervelog.tui.screens.medicines import MedicinesScreen
from nervelog.tui.screens.record_form import RecordForm

TODAY = pendulum.date(2026, 11, 22)


def care_line(app: object) -> str:
    from textual.app import App

    assert isinstance(app, App)
    return str(app.screen.query_one("#checkin-care", Static).render())


async def test_an_as_needed_dose_from_the_check_in_in_two_keys(
    welcomed: Journal, make_app: AppFactory
) -> None:
    welcomed.medicines.start(Medication(name="pregabalin", dose="75 mg", started=TODAY))
    welcomed.medicines.start(
        Medication(name="paracetamol", dose="1 g", as_needed=True, started=TODAY)
    )
    welcomed.medicines.start(
        Medication(name="ibuprofen", dose="400 mg", as_needed=True, started=TODAY)
    )
    app = make_app(welcomed)
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.pause()
        assert "As-needed doses: none (d: log one)" in care_line(app)
        await pilot.press("d")
        await pilot.pause()
        assert isinstance(app.screen, DosePicker)
        assert "2  ibuprofen 400 mg" in screen_text(app)  # regular medicines are not offered
        await pilot.press("2")
        await pilot.pause()
        assert isinstance(app.screen, CheckinScreen)
        assert "As-needed doses: ibuprofen 400 mg at 09:30" in care_line(app)
    [dose] = welcomed.medicines.doses()
    assert dose.date == TODAY and dose.time == "09:30" and dose.medication == 3


async def test_a_question_jotted_on_the_check_in_is_counted(
    welcomed: Journal, make_app: AppFactory
) -> None:
    app = make_app(welcomed)
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.press("a")
        await pilot.pause()
        assert isinstance(app.screen, RecordForm)
        await pilot.press(*"Could the dose go up?")
        await pilot.pause()
        # Label and field on one line: the form brings its own styles to the check-in.
        shown = screen_text(app).splitlines()
        assert any("Question" in line and "Could the dose go up?" in line for line in shown)
        await pilot.press("ctrl+s")
        await pilot.pause()
        assert isinstance(app.screen, CheckinScreen)
        assert "1 open question for your next appointment" in care_line(app)
    [question] = welcomed.questions.list()
    assert question.text == "Could the dose go up?" and question.raised_on == TODAY


async def fill(app: object, values: dict[str, str]) -> None:
    from textual.app import App

    assert isinstance(app, App)
    for name, value in values.items():
        app.screen.query_one(f"#f-{name}", Input).value = value


async def test_start_and_change_a_medicine_with_problems_shown_in_the_form(
    welcomed: Journal, make_app: AppFactory
) -> None:
    app = make_app(welcomed)
    async with app.run_test(size=(100, 30)) as pilot:
        await pilot.press("m", "a")
        await pilot.pause()
        await fill(app, {"name": "pregabalin", "dose": "", "started": "2026-12-01"})
        await pilot.press("ctrl+s")
        await pilot.pause()
        problems = str(app.screen.query_one("#problems", Static).render())
        assert "dose: '' is not allowed" in problems and "started: '2026-12-01'" in problems
        assert app.screen.query_one("#f-name", Input).value == "pregabalin"  # kept as typed
        await fill(app, {"dose": "75 mg", "schedule": "twice daily", "started": "2026-09-01"})
        await pilot.press("ctrl+s")
        await pilot.pause()
        assert isinstance(app.screen, MedicinesScreen)
        assert "pregabalin" in screen_text(app)

        await pilot.press("n")  # a new dose for the highlighted medicine
        await pilot.pause()
        await fill(app, {"dose": "150 mg", "date": "2026-10-03"})
        await pilot.press("ctrl+s")
        await pilot.pause()
        await wait_for(pilot, lambda: "pregabalin 75 mg → 150 mg" in screen_text(app))
    old, new = welcomed.medicines.courses()
    assert (old.dose, old.stopped, new.dose, new.follows) == (
        "75 mg",
        pendulum.date(2026, 10, 3),
        "150 mg",
        old.id,
    )


async def test_answer_and_delete_questions_on_the_medicines_screen(
    welcomed: Journal, make_app: AppFactory
) -> None:
    welcomed.questions.add(Question(text="Driving on pregabalin?", raised_on=TODAY))
    welcomed.questions.add(Question(text="See a podiatrist?", raised_on=TODAY))
    app = make_app(welcomed)
    async with app.run_test(size=(100, 30)) as pilot:
        await pilot.press("m")
        await pilot.pause()
        app.screen.query_one("#questions", DataTable).focus()
        await pilot.press("enter")
        await pilot.pause()
        await fill(app, {"answer": "Yes, once settled"})
        await pilot.press("ctrl+s")
        await pilot.pause()
        screen = app.screen
        assert isinstance(screen, MedicinesScreen)
        assert "1 open question for" in screen_text(app)
        # Open questions come first: the podiatrist one is now the first row.
        assert [q.text for q in screen.questions][0] == "See a podiatrist?"
        screen.query_one("#questions", DataTable).move_cursor(row=0)
        await pilot.press("d")  # asks first
        await pilot.pause()
        await pilot.press("y")
        await pilot.pause()
    [answered] = welcomed.questions.list(open_only=False)
    assert answered.text == "Driving on pregabalin?" and answered.answer == "Yes, once settled"
    assert answered.answered_on == TODAY


async def test_stop_asks_from_which_day_it_is_not_taken(
    welcomed: Journal, make_app: AppFactory
) -> None:
    """The form's wording matches the rule: a course stopped on a day is not taken that
    day, so a day with a dose logged is refused, naming the dose's day."""
    course = welcomed.medicines.start(
        Medication(name="paracetamol", dose="1 g", started=TODAY.subtract(days=9), as_needed=True)
    )
    welcomed.medicines.took(Dose(medication=course.id or 0, date=TODAY.subtract(days=2)))
    app = make_app(welcomed)
    async with app.run_test(size=(100, 30)) as pilot:
        await pilot.press("m")
        await pilot.pause()
        await pilot.press("x")
        await wait_for(pilot, lambda: "Stop from" in screen_text(app))
        assert isinstance(app.screen, RecordForm) and "Last day" not in screen_text(app)
        await fill(app, {"date": "2 days ago"})
        await pilot.press("ctrl+s")
        await pilot.pause()
        problems = str(app.screen.query_one("#problems", Static).render())
        assert "a day after the last dose of it logged (2026-11-20)" in problems
        assert app.screen.query_one("#f-date", Input).value == "2 days ago"
        await fill(app, {"date": "yesterday"})
        await pilot.press("ctrl+s")
        await wait_for(pilot, lambda: isinstance(app.screen, MedicinesScreen))
    [stopped] = welcomed.medicines.courses()
    assert stopped.stopped == TODAY.subtract(days=1)
