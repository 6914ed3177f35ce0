"""The forms of the Medicines screen: each builds a ``RecordForm`` and what it stores."""

from __future__ import annotations

from nervelog.domain.care import SUGGESTED_EVENT_KINDS, Medication, Question
from nervelog.domain.care_validation import parse_event, parse_medication
from nervelog.domain.dates import parse_day
from nervelog.domain.text import one_line
from nervelog.tui.context import AppContext
from nervelog.tui.screens.record_form import Field, RecordForm

YES = {"y", "yes", "true", "1"}
DAY_HINT = "YYYY-MM-DD, today, yesterday"


def start_form(ctx: AppContext) -> RecordForm:
    """Start taking a medicine."""
    today = ctx.clock.today()

    def start(raw: dict[str, str]) -> object:
        parsed = {**raw, "as_needed": raw.get("as_needed", "").strip().lower() in YES}
        return ctx.journal.medicines.start(parse_medication(parsed, today))

    fields = [
        Field("name", "Medicine", "such as pregabalin"),
        Field("dose", "Dose", "as on the box, such as 75 mg"),
        Field("schedule", "How often", "such as twice daily"),
        Field("as_needed", "As needed?", "y if taken only when needed"),
        Field("started", "From", DAY_HINT, today.isoformat()),
        Field("reason", "Why", "optional"),
    ]
    return RecordForm(ctx, "Start a medicine", fields, start)


def event_form(ctx: AppContext) -> RecordForm:
    """Record a notable event."""
    today = ctx.clock.today()

    def add(raw: dict[str, str]) -> object:
        return ctx.journal.events.add(parse_event(raw, today))

    kinds = ", ".join(SUGGESTED_EVENT_KINDS)
    fields = [
        Field("date", "Date", DAY_HINT, today.isoformat()),
        Field("kind", "Kind", kinds, suggestions=SUGGESTED_EVENT_KINDS),
        Field("text", "What", "what happened, in a few words"),
    ]
    return RecordForm(ctx, "New event", fields, add)


def new_dose_form(ctx: AppContext, course: Medication) -> RecordForm:
    """A new dose of ``course`` from a day on (the course stops; the next one starts)."""
    today = ctx.clock.today()

    def change(raw: dict[str, str]) -> object:
        day = parse_day(raw["date"], today, "date")
        return ctx.journal.medicines.change(course.id or 0, raw["dose"], raw["schedule"], day)

    fields = [
        Field("dose", "New dose", "such as 150 mg"),
        Field("schedule", "How often", value=course.schedule),
        Field("date", "From", DAY_HINT, today.isoformat()),
    ]
    return RecordForm(ctx, f"Change the dose of {one_line(course.label, 30)}", fields, change)


def stop_form(ctx: AppContext, course: Medication) -> RecordForm:
    """Stop ``course`` on a day."""
    today = ctx.clock.today()

    def stop(raw: dict[str, str]) -> object:
        day = parse_day(raw["date"], today, "date")
        return ctx.journal.medicines.stop(course.id or 0, day, raw["reason"])

    fields = [
        Field("date", "Stop from", DAY_HINT, today.isoformat()),
        Field("reason", "Why", "optional"),
    ]
    return RecordForm(ctx, f"Stop {one_line(course.label, 30)}", fields, stop)


def answer_form(ctx: AppContext, question: Question) -> RecordForm:
    """Mark ``question`` answered, with the answer given."""
    today = ctx.clock.today()

    def answer(raw: dict[str, str]) -> object:
        day = parse_day(raw["date"], today, "date")
        return ctx.journal.questions.answer(question.id or 0, raw["answer"], day)

    fields = [
        Field("answer", "Answer", "what the doctor said (optional)", question.answer),
        Field("date", "Answered", "YYYY-MM-DD, today", today.isoformat()),
    ]
    return RecordForm(ctx, f"Answer: {one_line(question.text, 40)}", fields, answer)
