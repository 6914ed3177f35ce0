"""``nervelog event`` (falls, flares, illnesses) and ``nervelog question`` / ``ask``."""

from __future__ import annotations

import click

from nervelog.cli.context import EPILOG, RECORD_ID, current, range_options, resolve_range
from nervelog.cli.options import (
    DATE_HELP,
    YES_OPTION,
    date_option,
    delete_confirmed,
    existing,
    journal_command,
)
from nervelog.domain.care import SUGGESTED_EVENT_KINDS, Event, Question
from nervelog.domain.care_validation import parse_event, parse_question
from nervelog.domain.dates import parse_day
from nervelog.domain.printable import printable_line


def event_text(e: Event) -> str:
    """``fall: Tripped on the stairs``, on one printable line."""
    return f"{printable_line(e.kind)}: {printable_line(e.text)}"


@click.group(epilog=EPILOG)
def event() -> None:
    """Notable events: a fall, a flare, an illness, an appointment.

    \b
    Example:
      nervelog event add fall "Tripped on the stairs, bruised knee"
      nervelog event list --last 90d
    """


@event.command("add", epilog=EPILOG)
@click.argument("kind")
@click.argument("text")
@date_option(DATE_HELP)
@journal_command
def event_add(kind: str, text: str, day: str) -> None:
    """Record an event of KIND (fall, flare, illness, injury, procedure, appointment, other).

    \b
    Example:  nervelog event add fall "Tripped on the stairs" --date yesterday
    """
    ctx = current()
    stored = ctx.journal().events.add(
        parse_event({"date": day, "kind": kind, "text": text}, ctx.clock.today())
    )
    click.echo(f"Added event {stored.id}: {stored.date} {event_text(stored)}")
    if stored.kind not in SUGGESTED_EVENT_KINDS:
        click.echo(f"(Kind is free text; suggested kinds: {', '.join(SUGGESTED_EVENT_KINDS)}.)")


@event.command("list", epilog=EPILOG)
@range_options(default_last="90d")
@journal_command
def event_list(from_: str | None, to_: str | None, last: str | None) -> None:
    """List the events of a range (default: the last 90 days), falls marked first.

    \b
    Example:  nervelog event list --last 6m
    """
    ctx = current()
    start, end = resolve_range(from_, to_, last, ctx.clock.today(), "90d")
    events = ctx.journal().events.list(start, end)
    if not events:
        click.echo(f"No events from {start} to {end}.")
        return
    for e in events:
        mark = "!" if e.kind.casefold() == "fall" else " "
        click.echo(f"{mark} {e.id:>4}  {e.date}  {event_text(e)}")


@event.command("delete", epilog=EPILOG)
@click.argument("event_id", metavar="ID", type=RECORD_ID)
@YES_OPTION
@journal_command
def event_delete(event_id: int, yes: bool) -> None:
    """Delete event ID, after asking (the history keeps a copy; `nervelog undo` restores it)."""
    events = current().journal().events
    found = existing(events.get(event_id), event_id, "the id of an event (see nervelog event list)")
    question = f"Delete {found.date} {event_text(found)}?"
    delete_confirmed("event", event_id, question, yes, events.delete)


@click.group(epilog=EPILOG)
def question() -> None:
    """Questions to ask at the next appointment (`nervelog ask TEXT` adds one).

    \b
    Example:
      nervelog ask "Could the gabapentin dose go up?"
      nervelog question list
      nervelog question answer 1 "Discussed; to review at the next visit"
    """


def _add_question(text: str) -> None:
    ctx = current()
    today = ctx.clock.today()
    stored = ctx.journal().questions.add(parse_question({"text": text, "raised_on": today}, today))
    open_count = ctx.journal().questions.count_open()
    click.echo(f"Added question {stored.id} for your next appointment ({open_count} open).")


@question.command("add", epilog=EPILOG)
@click.argument("text")
@journal_command
def question_add(text: str) -> None:
    """Note a question for the next appointment.

    \b
    Example:  nervelog question add "Is it safe to drive on pregabalin?"
    """
    _add_question(text)


@click.command("ask", epilog=EPILOG)
@click.argument("text")
@journal_command
def ask(text: str) -> None:
    """Note a question for the next appointment (short for `question add`).

    \b
    Example:  nervelog ask "Could the gabapentin dose go up?"
    """
    _add_question(text)


def question_line(q: Question) -> str:
    """``   3  2026-11-02  Could the dose go up?`` with the answer when there is one."""
    line = f"{q.id:>4}  {q.raised_on}  {printable_line(q.text)}"
    if not q.is_open:
        answer = f": {printable_line(q.answer)}" if q.answer.strip() else ""
        line += f"\n      answered {q.answered_on}{answer}"
    return line


@question.command("list", epilog=EPILOG)
@click.option("--all", "everything", is_flag=True, help="Answered questions too.")
@journal_command
def question_list(everything: bool) -> None:
    """List the open questions (with --all, the answered ones too).

    \b
    Example:  nervelog question list --all
    """
    questions = current().journal().questions.list(open_only=not everything)
    if not questions:
        click.echo("No questions." if everything else "No open questions.")
        return
    for q in questions:
        click.echo(question_line(q))


@question.command("answer", epilog=EPILOG)
@click.argument("question_id", metavar="ID", type=RECORD_ID)
@click.argument("answer", default="")
@date_option("When it was answered: " + DATE_HELP)
@journal_command
def question_answer(question_id: int, answer: str, day: str) -> None:
    """Mark question ID answered, with the ANSWER given (optional).

    \b
    Example:  nervelog question answer 1 "Yes, from next week"
    """
    ctx = current()
    when = parse_day(day, ctx.clock.today(), "date")
    answered = ctx.journal().questions.answer(question_id, answer, when)
    click.echo(f"Question {answered.id} answered on {when}.")


@question.command("delete", epilog=EPILOG)
@click.argument("question_id", metavar="ID", type=RECORD_ID)
@YES_OPTION
@journal_command
def question_delete(question_id: int, yes: bool) -> None:
    """Delete question ID, after asking (the history keeps a copy)."""
    questions = current().journal().questions
    expected = "the id of a question (see nervelog question list)"
    found = existing(questions.get(question_id), question_id, expected)
    prompt = f"Delete the question “{printable_line(found.text)}”?"
    delete_confirmed("question", question_id, prompt, yes, questions.delete)
