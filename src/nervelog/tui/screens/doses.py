"""The check-in's medicines and questions: a dose in two keys (``d``, then the
medicine's digit), a question in one (``a``), and the line that shows both."""

from __future__ import annotations

from collections.abc import Callable
from typing import ClassVar

import pendulum
from textual.app import ComposeResult
from textual.binding import Binding, BindingType
from textual.containers import Vertical
from textual.screen import ModalScreen
from textual.widget import Widget
from textual.widgets import Static

from nervelog.domain.care import Dose, Medication
from nervelog.domain.printable import printable_line
from nervelog.tui.context import AppContext
from nervelog.tui.problems import Attempt


def log_dose_now(node: Widget, ctx: AppContext, course: Medication) -> bool:
    """Store one dose of ``course`` taken now; a refusal is a message. True when stored."""
    now = ctx.clock.now()
    dose = Dose(medication=course.id or 0, date=now.date(), time=now.format("HH:mm"))
    with Attempt(node, "Logging the dose", ctx.journal) as attempt:
        ctx.journal.medicines.took(dose)
    if attempt.failed:
        return False
    ctx.journal_changed()
    node.notify(f"Logged {label_of(course)} at {dose.time}.", timeout=3)
    return True


def label_of(course: Medication) -> str:
    """A course as the check-in names it, on one line; the line wraps, so nothing is cut
    (and no text-width tables load before the check-in first shows)."""
    return printable_line(course.label)


def care_line(node: Widget, ctx: AppContext, day: pendulum.Date) -> str:
    """``As-needed doses: paracetamol 1 g at 22:10 (d: log one) · 2 open questions (a: ask one)``."""
    journal = ctx.journal
    with Attempt(node, "Reading the medicines", journal) as attempt:
        courses = {c.id: c for c in journal.medicines.courses()}
        doses = journal.medicines.doses(day, day)
        open_questions = journal.questions.count_open()
        latest = journal.maps.on(day)
    if attempt.failed:
        return ""
    taken = ", ".join(
        f"{label_of(courses[d.medication])}{' at ' + d.time if d.time else ''}"
        for d in doses
        if d.medication in courses
    )
    as_needed = any(c.as_needed and c.current_on(day) for c in courses.values())
    doses_part = f"As-needed doses: {taken or 'none'}" + (" (d: log one)" if as_needed else "")
    plural = "" if open_questions == 1 else "s"
    asked = f"{open_questions} open question{plural} for your next appointment (a: ask one)"
    mapped = f"map last updated {latest.date.format('D MMM')}" if latest else "no map yet"
    return f"{doses_part} · {asked} · {mapped} (w: the map)"


def pick_and_log_dose(node: Widget, ctx: AppContext, then: Callable[[], None]) -> None:
    """Ask which as-needed medicine was just taken (a digit), log it, then call ``then``."""
    today = ctx.clock.today()
    with Attempt(node, "Reading the medicines", ctx.journal) as attempt:
        courses = [
            c for c in ctx.journal.medicines.courses() if c.as_needed and c.current_on(today)
        ]
    if attempt.failed:
        return
    if not courses:
        node.notify(
            "No as-needed medicine is recorded: add one on the Medicines screen (m).", timeout=4
        )
        return

    def picked(course: Medication | None) -> None:
        if course is not None and log_dose_now(node, ctx, course):
            then()

    node.app.push_screen(DosePicker(courses), picked)


def ask_question(node: Widget, ctx: AppContext, then: Callable[[], None]) -> None:
    """A one-line form for a question for the next appointment; ``then`` once stored."""
    from nervelog.domain.care_validation import parse_question
    from nervelog.tui.screens.record_form import Field, RecordForm

    today = ctx.clock.today()

    def ask(raw: dict[str, str]) -> object:
        return ctx.journal.questions.add(parse_question({**raw, "raised_on": today}, today))

    def saved(done: bool | None) -> None:
        if done:
            ctx.journal_changed()
            then()

    title = "A question for the next appointment"
    node.app.push_screen(RecordForm(ctx, title, [Field("text", "Question")], ask), saved)


class DosePicker(ModalScreen[Medication | None]):
    """Which as-needed medicine was taken: a digit picks it, esc leaves."""

    CSS_PATH = "medicines.tcss"

    BINDINGS: ClassVar[list[BindingType]] = [
        *(Binding(str(i), f"pick({i})", show=False) for i in range(1, 10)),
        Binding("escape", "pick(0)", "Cancel"),
    ]

    def __init__(self, courses: list[Medication]) -> None:
        super().__init__()
        self.courses = courses[:9]

    def compose(self) -> ComposeResult:
        lines = ["Which did you take just now? (esc: none)", ""]
        lines += [f"  {i}  {label_of(c)}" for i, c in enumerate(self.courses, start=1)]
        with Vertical(classes="dialog"):
            yield Static("\n".join(lines), markup=False)

    def action_pick(self, number: int) -> None:
        """Answer with the numbered medicine (0 or a number not listed: none)."""
        self.dismiss(self.courses[number - 1] if 0 < number <= len(self.courses) else None)
