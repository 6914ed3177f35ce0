"""Medicines, events and questions for the doctor, side by side with their keys.

Three lists, moved between with tab: medicine courses (now, then past, with the
dose changes under them), notable events (falls marked), and questions for the next
appointment. The keys act on the list that has the focus.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Sequence
from typing import ClassVar, TypeVar

from rich.text import Text
from textual.app import ComposeResult, SystemCommand
from textual.binding import Binding, BindingType
from textual.containers import Horizontal, Vertical
from textual.widgets import DataTable, Static

from nervelog.analysis.care import medicine_changes
from nervelog.domain.care import Event, Medication, Question
from nervelog.domain.text import one_line
from nervelog.tui.context import AppContext
from nervelog.tui.problems import Attempt
from nervelog.tui.screens.base import DataScreen
from nervelog.tui.screens.care_forms import (
    answer_form,
    event_form,
    new_dose_form,
    start_form,
    stop_form,
)
from nervelog.tui.screens.record_form import RecordForm

LISTS = ("courses", "events", "questions")
T = TypeVar("T")


class MedicinesScreen(DataScreen):
    """Start, change and stop medicines, log as-needed doses, events and questions."""

    CSS_PATH = "medicines.tcss"

    TITLE_TEXT = "Medicines, events and questions for the doctor"
    STATUS_LINE = "#medicines-info"
    # The keys are named on each list's border, leaving the footer to the screens.
    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("a", "add", "Add", show=False),
        Binding("n", "change", "New dose", show=False),
        Binding("x", "stop", "Stop", show=False),
        Binding("plus,equals_sign", "took", "Took a dose", show=False, key_display="+"),
        Binding("enter", "answer", "Answer", show=False),
        Binding("d", "delete", "Delete", show=False),
    ]

    def __init__(self, ctx: AppContext) -> None:
        super().__init__(ctx, id="medicines")
        self.courses: list[Medication] = []
        self.events: list[Event] = []
        self.questions: list[Question] = []

    def compose_body(self) -> ComposeResult:
        yield Static("", id="medicines-info", markup=False)
        with Horizontal(id="medicines-body"):
            with Vertical(id="medicines-left"):
                yield _table("courses", "Medicines (a add · n new dose · x stop · + took)")
                yield Static("", id="medicine-changes", markup=False)
            with Vertical(id="medicines-right"):
                yield _table("events", "Events (a add · d delete)")
                yield _table("questions", "Questions (a ask · enter answer · d delete)")

    def on_mount(self) -> None:
        """Set up the lists and read them."""
        self.table("courses").add_columns("id", "medicine", "dose", "how", "from", "stopped")
        self.table("events").add_columns("date", "kind", "what")
        self.table("questions").add_columns("asked", "question", "answer")
        self.reload()
        self.table("courses").focus()

    def table(self, name: str) -> DataTable[Text | str]:
        """One of the three lists."""
        return self.query_one(f"#{name}", DataTable)

    def focused_list(self) -> str:
        """Which list the keys act on."""
        focused = self.focused
        return str(focused.id) if focused is not None and focused.id in LISTS else "courses"

    def reload(self) -> None:
        """Read the three lists from the journal and redraw them."""
        journal = self.ctx.journal
        with Attempt(self, "Reading the journal", journal) as attempt:
            courses = journal.medicines.courses()
            events = journal.events.list()
            questions = journal.questions.list(open_only=False)
        if attempt.failed:
            self.revision = -1
            self.query_one("#medicines-info", Static).update(str(attempt.message))
            return
        self.revision = self.ctx.revision
        today = self.ctx.clock.today()
        # Taken now first, then past courses, newest first.
        self.courses = sorted(
            courses, key=lambda m: (not m.current_on(today), -m.started.toordinal())
        )
        self.events = list(reversed(events))
        self.questions = questions
        self._draw()

    def _draw(self) -> None:
        today = self.ctx.clock.today()
        courses = self.table("courses")
        courses.clear()
        for m in self.courses:
            how = "as needed" if m.as_needed else m.schedule
            # The day it was stopped: not taken from then on (as the stop form asks).
            stopped = "–" if m.stopped is None else m.stopped.format("D MMM YY")
            courses.add_row(
                str(m.id), Text(one_line(m.name, 18)), Text(one_line(m.dose, 10)),
                Text(one_line(how, 14)), m.started.format("D MMM YY"), stopped,
            )  # fmt: skip
        changes = medicine_changes(self.courses)[-4:]
        self.query_one("#medicine-changes", Static).update(
            "\n".join(f"{c.date.format('D MMM YYYY')}  {c.text()}" for c in changes)
        )
        events = self.table("events")
        events.clear()
        for e in self.events:
            kind = f"! {e.kind}" if e.kind.casefold() == "fall" else e.kind
            events.add_row(
                e.date.format("D MMM YY"), Text(one_line(kind, 12)), Text(one_line(e.text, 40))
            )
        questions = self.table("questions")
        questions.clear()
        for q in self.questions:
            answer = "open" if q.is_open else f"{q.answered_on}: {one_line(q.answer, 30)}"
            questions.add_row(q.raised_on.format("D MMM"), Text(one_line(q.text, 40)), Text(answer))
        taken = [m for m in self.courses if m.current_on(today)]
        open_count = sum(q.is_open for q in self.questions)
        medicines = "1 medicine" if len(taken) == 1 else f"{len(taken)} medicines"
        asked = "1 open question" if open_count == 1 else f"{open_count} open questions"
        self.query_one("#medicines-info", Static).update(
            f"{medicines} taken now · {asked} for the next appointment · "
            "tab moves between the lists"
        )

    def _selected(self, name: str, rows: Sequence[T]) -> T | None:
        row = self.table(name).cursor_row
        return rows[row] if row < len(rows) else None

    def selected_course(self) -> Medication | None:
        """The highlighted medicine course."""
        return self._selected("courses", self.courses)

    # -- actions -----------------------------------------------------------------------

    def _open(self, form: RecordForm) -> None:
        def saved(done: bool | None) -> None:
            if done:
                self.ctx.journal_changed()
                self.reload()

        self.app.push_screen(form, saved)

    def action_add(self) -> None:
        """Add to the focused list: a medicine, an event or a question."""
        which = self.focused_list()
        if which == "events":
            self._open(event_form(self.ctx))
        elif which == "questions":
            from nervelog.tui.screens.doses import ask_question

            ask_question(self, self.ctx, then=self.reload)
        else:
            self._open(start_form(self.ctx))

    def action_change(self) -> None:
        """Change the dose of the highlighted medicine (it stops; the next one starts)."""
        course = self.selected_course()
        if course is None or not course.current_on(self.ctx.clock.today()):
            self.notify("Pick a medicine taken now (its dose changes from a day on).", timeout=3)
            return
        self._open(new_dose_form(self.ctx, course))

    def action_stop(self) -> None:
        """Stop the highlighted medicine on a day."""
        course = self.selected_course()
        if course is None or course.stopped is not None:
            self.notify("Pick a medicine taken now to stop it.", timeout=3)
            return
        self._open(stop_form(self.ctx, course))

    def action_took(self) -> None:
        """Log one dose of the highlighted as-needed medicine, now."""
        from nervelog.tui.screens.doses import log_dose_now

        course = self.selected_course()
        if course is None or not course.as_needed:
            self.notify("Pick an as-needed medicine to log a dose of it.", timeout=3)
            return
        if log_dose_now(self, self.ctx, course):
            self.reload()

    def on_data_table_row_selected(self, event: DataTable.RowSelected) -> None:
        """Enter on a question answers it (the list takes enter before the screen)."""
        event.stop()
        if event.data_table.id == "questions":
            self.action_answer()

    def action_answer(self) -> None:
        """Mark the highlighted question answered, with the answer given."""
        question = self._selected("questions", self.questions)
        if self.focused_list() == "questions" and question is not None:
            self._open(answer_form(self.ctx, question))

    def action_delete(self) -> None:
        """Delete the highlighted event or question, after asking."""
        which = self.focused_list()
        journal = self.ctx.journal
        if which == "events":
            event = self._selected("events", self.events)
            if event is not None:
                when = event.date.format("D MMM YYYY")
                self._delete(f"the event of {when}: {one_line(event.text, 40)}", "event",
                             lambda: journal.events.delete(event.id or 0))  # fmt: skip
        elif which == "questions":
            question = self._selected("questions", self.questions)
            if question is not None:
                self._delete(f"the question “{one_line(question.text, 40)}”", "question",
                             lambda: journal.questions.delete(question.id or 0))  # fmt: skip
        else:
            self.notify(
                "Medicines are stopped (x), not deleted, so their history stays.", timeout=3
            )

    def _delete(self, what: str, noun: str, delete: Callable[[], bool]) -> None:
        self.delete_after_asking(
            f"Delete {what}?",
            delete,
            deleted=f"{noun.capitalize()} deleted.",
            gone=f"That {noun} had already been deleted elsewhere.",
        )

    def palette_commands(self) -> Iterable[SystemCommand]:
        """This screen's actions for the command palette."""
        yield SystemCommand(
            "Start a medicine", "Add a course (a on the medicines)", self._add_to("courses")
        )
        yield SystemCommand("Add an event", "A fall, a flare, an illness", self._add_to("events"))
        yield SystemCommand("Ask a question", "For the next appointment", self._add_to("questions"))
        yield SystemCommand(
            "Change the dose", "Of the highlighted medicine (n)", self.action_change
        )
        yield SystemCommand("Stop the medicine", "The highlighted one (x)", self.action_stop)
        yield SystemCommand(
            "Took a dose", "Of the highlighted as-needed medicine (+)", self.action_took
        )

    def _add_to(self, which: str) -> Callable[[], None]:
        def add() -> None:
            self.table(which).focus()
            self.action_add()

        return add


def _table(name: str, label: str) -> DataTable[Text | str]:
    table: DataTable[Text | str] = DataTable(id=name, cursor_type="row", zebra_stripes=True)
    table.border_title = label
    return table
