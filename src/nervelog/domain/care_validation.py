"""Medicines, doses, events and questions from raw values, every problem reported at once.

The same rules serve the command line, the app and imports: names and texts must be
given, dates are never in the future, a course never stops before it starts.
"""

from __future__ import annotations

from collections.abc import Mapping

import pendulum

from nervelog.domain.care import Dose, Event, Medication, Question
from nervelog.domain.dates import is_valid_time
from nervelog.domain.validation import Collector, parse_date_field, parse_text

MEDICATION_FIELDS = (
    "id",
    "name",
    "dose",
    "schedule",
    "as_needed",
    "started",
    "stopped",
    "reason",
    "notes",
    "follows",
)
DOSE_FIELDS = ("id", "medication", "date", "time", "amount", "notes")
EVENT_FIELDS = ("id", "date", "kind", "text")
QUESTION_FIELDS = ("id", "text", "raised_on", "answered_on", "answer")


def _required(raw: Mapping[str, object], field: str, allowed: str, problems: Collector) -> str:
    text = parse_text(raw.get(field), field, problems).strip()
    if not text and field not in {p.field for p in problems.problems}:
        problems.add(field, raw.get(field), allowed)
    return text


def _optional_day(
    raw: Mapping[str, object], field: str, today: pendulum.Date, problems: Collector
) -> pendulum.Date | None:
    value = raw.get(field)
    if value is None or value == "":
        return None
    return parse_date_field(value, today, problems, field)


def _time(raw: Mapping[str, object], problems: Collector) -> str | None:
    time = parse_text(raw.get("time"), "time", problems).strip() or None
    if time is not None and not is_valid_time(time):
        problems.add("time", time, "a 24-hour time as HH:MM, or empty")
        return None
    return time


def parse_id(
    value: object, field: str, problems: Collector, *, required: bool = False
) -> int | None:
    """A record id (a positive whole number), or None when not given and not required."""
    if value is None and not required:
        return None
    if isinstance(value, int) and not isinstance(value, bool) and 1 <= value < 2**63:
        return value
    text = value.strip() if isinstance(value, str) else ""
    if text.isascii() and text.isdigit() and 1 <= int(text) < 2**63:
        return int(text)
    problems.add(field, value, "a positive whole number" + ("" if required else " or null"))
    return None


def parse_medication(
    raw: Mapping[str, object], today: pendulum.Date, line: int | None = None
) -> Medication:
    """Build a ``Medication``; raises ``ValidationError`` listing every problem."""
    problems = Collector(line)
    name = _required(raw, "name", "the medicine's name, such as pregabalin", problems)
    dose = _required(raw, "dose", "the dose as written on the box, such as 75 mg", problems)
    started = parse_date_field(raw.get("started"), today, problems, "started")
    stopped = _optional_day(raw, "stopped", today, problems)
    if started is not None and stopped is not None and stopped < started:
        problems.add("stopped", stopped.isoformat(), f"{started.isoformat()} (the start) or later")
    as_needed = raw.get("as_needed", False)
    if not isinstance(as_needed, bool):
        problems.add("as_needed", as_needed, "true or false")
        as_needed = False
    follows = parse_id(raw.get("follows"), "follows", problems)
    medication = Medication(
        name=name,
        dose=dose,
        started=started or today,
        schedule=parse_text(raw.get("schedule"), "schedule", problems),
        as_needed=as_needed,
        stopped=stopped,
        reason=parse_text(raw.get("reason"), "reason", problems),
        notes=parse_text(raw.get("notes"), "notes", problems),
        follows=follows,
        id=parse_id(raw.get("id"), "id", problems),
    )
    problems.raise_if_any()
    return medication


def parse_dose(raw: Mapping[str, object], today: pendulum.Date, line: int | None = None) -> Dose:
    """Build a ``Dose``; raises ``ValidationError`` listing every problem."""
    problems = Collector(line)
    medication = parse_id(raw.get("medication"), "medication", problems, required=True)
    day = parse_date_field(raw.get("date"), today, problems)
    dose = Dose(
        medication=medication or 0,
        date=day or today,
        time=_time(raw, problems),
        amount=parse_text(raw.get("amount"), "amount", problems),
        notes=parse_text(raw.get("notes"), "notes", problems),
        id=parse_id(raw.get("id"), "id", problems),
    )
    problems.raise_if_any()
    return dose


def parse_event(raw: Mapping[str, object], today: pendulum.Date, line: int | None = None) -> Event:
    """Build an ``Event``; raises ``ValidationError`` listing every problem."""
    problems = Collector(line)
    day = parse_date_field(raw.get("date"), today, problems)
    kind = _required(raw, "kind", "a kind such as fall, flare, illness or appointment", problems)
    text = _required(raw, "text", "a few words on what happened", problems)
    event = Event(
        date=day or today, kind=kind, text=text, id=parse_id(raw.get("id"), "id", problems)
    )
    problems.raise_if_any()
    return event


def parse_question(
    raw: Mapping[str, object], today: pendulum.Date, line: int | None = None
) -> Question:
    """Build a ``Question``; raises ``ValidationError`` listing every problem."""
    problems = Collector(line)
    text = _required(raw, "text", "the question to ask", problems)
    raised = parse_date_field(raw.get("raised_on"), today, problems, "raised_on")
    answered = _optional_day(raw, "answered_on", today, problems)
    if raised is not None and answered is not None and answered < raised:
        problems.add("answered_on", answered.isoformat(), f"{raised.isoformat()} or later")
    question = Question(
        text=text,
        raised_on=raised or today,
        answered_on=answered,
        answer=parse_text(raw.get("answer"), "answer", problems),
        id=parse_id(raw.get("id"), "id", problems),
    )
    problems.raise_if_any()
    return question
