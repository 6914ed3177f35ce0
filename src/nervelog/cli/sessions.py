"""``nervelog session``: add, list, edit and delete therapy sessions."""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import replace

import click

from nervelog.cli.context import EPILOG, RECORD_ID, UserError, current, range_options, resolve_range
from nervelog.cli.format import dash
from nervelog.cli.options import (
    DATE_HELP,
    YES_OPTION,
    date_option,
    delete_confirmed,
    existing,
    journal_command,
    note_options,
    read_note,
)
from nervelog.cli.table import table
from nervelog.domain.errors import Problem, ValidationError
from nervelog.domain.models import SUGGESTED_KINDS, Session
from nervelog.domain.printable import printable_line
from nervelog.domain.scores import SCORES
from nervelog.domain.text import one_line
from nervelog.domain.validation import SESSION_FIELDS, parse_session, unknown_fields
from nervelog.storage.repository import Journal
from nervelog.storage.rows import to_row


def parse_ratings(text: str | None, prefix: str) -> dict[str, str]:
    """``"pain=6, tingling=4"`` as ``{"before_pain": "6", ...}``; unknown names are refused."""
    if not text:
        return {}
    names = [s.value for s in SCORES]
    out: dict[str, str] = {}
    problems = []
    for part in text.replace(";", ",").split(","):
        if not part.strip():
            continue
        name, sep, value = part.partition("=")
        name = name.strip().lower()
        if not sep or name not in names:
            problems.append(
                Problem(
                    f"--{prefix.rstrip('_')}",
                    part.strip(),
                    "score=value pairs such as 'pain=6,tingling=4' with scores " + ", ".join(names),
                )
            )
            continue
        if prefix + name in out:  # "pain=3,pain=4": which was meant?
            problems.append(Problem(f"--{prefix.rstrip('_')}", part.strip(), "each score once"))
            continue
        out[prefix + name] = value.strip()
    if problems:
        raise ValidationError(problems)
    return out


def session_line(s: Session) -> list[str]:
    """A session as table cells."""
    ratings = []
    for label, scores in (("before", s.before), ("after", s.after)):
        if not scores.is_empty:
            values = ",".join(f"{k[:4]}={v}" for k, v in scores.as_dict().items() if v is not None)
            ratings.append(f"{label} {values}")
    return [
        str(s.id),
        s.date.isoformat(),
        dash(s.time),
        printable_line(s.kind),
        dash(s.duration_min),
        one_line(s.provider, 18),
        one_line("; ".join(s.body_areas), 18),
        "; ".join(ratings),
    ]


def sessions_table(sessions: list[Session]) -> str:
    """Sessions as a readable table."""
    if not sessions:
        return "No sessions in this range."
    headers = ["id", "date", "time", "kind", "min", "provider", "areas", "ratings"]
    return table(headers, [session_line(s) for s in sessions], right=(0, 4))


@click.group(epilog=EPILOG)
def session() -> None:
    """Add, list, edit and delete therapy sessions (several per day are fine)."""


@session.command("add", epilog=EPILOG)
@click.argument("kind")
@date_option(DATE_HELP)
@click.option("--time", metavar="HH:MM", help="Start time, 24-hour.")
@click.option("--duration", metavar="MIN", help="Length in minutes (1-600).")
@click.option("--provider", default="", help="Who gave the session.")
@click.option(
    "--area",
    "areas",
    multiple=True,
    metavar="AREA",
    help="A body area treated; repeat for several.",
)
@note_options("Notes about the session.", "Read the notes from a file; '-' reads standard input.")
@click.option(
    "--before", metavar="RATINGS", help="Quick ratings just before, e.g. 'pain=6,tingling=4'."
)
@click.option("--after", metavar="RATINGS", help="Quick ratings just after, e.g. 'pain=4'.")
@journal_command
def session_add(
    kind: str,
    day: str,
    time: str | None,
    duration: str | None,
    provider: str,
    areas: tuple[str, ...],
    note: str | None,
    note_file: click.File | None,
    before: str | None,
    after: str | None,
) -> None:
    """Add a session of KIND (for example: massage, physiotherapy, acupuncture).

    \b
    Example:
      nervelog session add massage --duration 45 --area "left foot" \\
        --before pain=6 --after pain=4
    """
    ctx = current()
    problems: list[Problem] = []
    ratings: dict[str, str] = {}
    for text, prefix in ((before, "before_"), (after, "after_")):
        try:
            ratings.update(parse_ratings(text, prefix))
        except ValidationError as exc:
            problems += exc.problems
    raw: dict[str, object] = {
        "date": day,
        "kind": kind,
        "time": time,
        "duration_min": duration,
        "provider": provider,
        "body_areas": list(areas),
        "notes": read_note(note, note_file) or "",
        **ratings,
    }
    try:
        parsed = parse_session(raw, ctx.clock.today())
    except ValidationError as exc:
        problems += exc.problems
    if problems:
        raise ValidationError(problems)
    stored = ctx.journal().add_session(parsed)
    kind = printable_line(stored.kind)
    click.echo(f"Added session {stored.id}: {stored.date.isoformat()} {kind}")
    if stored.kind not in SUGGESTED_KINDS:
        click.echo(f"(Kind '{kind}' is free text; suggested kinds: {', '.join(SUGGESTED_KINDS)}.)")


@session.command("list", epilog=EPILOG)
@range_options(default_last=None)
@journal_command
def session_list(from_: str | None, to_: str | None, last: str | None) -> None:
    """List sessions (default: all of them)."""
    ctx = current()
    journal = ctx.journal()
    start, end = resolve_range(from_, to_, last, ctx.clock.today(), None, journal)
    click.echo(sessions_table(journal.sessions(start, end)))


def stored_session(journal: Journal, session_id: int) -> Session:
    """Session ``session_id``, or the error that there is none."""
    expected = "the id of an existing session (see nervelog session list)"
    return existing(journal.session(session_id), session_id, expected)


def edit_session(journal: Journal, session_id: int, changes: Mapping[str, str]) -> Session:
    """Apply ``field=value`` changes to a stored session, validating the result."""
    old = stored_session(journal, session_id)
    if unknown := unknown_fields(changes, SESSION_FIELDS):
        raise ValidationError(unknown)
    raw: dict[str, object] = {**to_row(old), "body_areas": list(old.body_areas), **changes}
    for key in ("id", "recorded_at", "updated_at"):
        raw.pop(key, None)
    updated = parse_session(raw, journal.clock.today())
    # Based on the version read above: a change made elsewhere meanwhile is refused.
    return journal.update_session(replace(updated, id=session_id, uid=old.uid, version=old.version))


@session.command("edit", epilog=EPILOG)
@click.argument("session_id", metavar="ID", type=RECORD_ID)
@click.argument("changes", metavar="FIELD=VALUE...", nargs=-1, required=True)
@journal_command
def session_edit(session_id: int, changes: tuple[str, ...]) -> None:
    """Change fields of session ID.

    \b
    Example:  nervelog session edit 4 duration_min=50 after_pain=3

    Fields: date, time, kind, duration_min, provider, body_areas (';'-separated), notes,
    before_numbness ... after_mobility. An empty value clears an optional field.
    """
    parsed: dict[str, str] = {}
    for change in changes:
        name, sep, value = change.partition("=")
        if not sep:
            raise UserError(f"{change!r} is not FIELD=VALUE (for example duration_min=45).")
        parsed[name.strip()] = value
    stored = edit_session(current().journal(), session_id, parsed)
    click.echo(f"Updated session {stored.id}.")
    click.echo(sessions_table([stored]))


@session.command("delete", epilog=EPILOG)
@click.argument("session_id", metavar="ID", type=RECORD_ID)
@YES_OPTION
@journal_command
def session_delete(session_id: int, yes: bool) -> None:
    """Delete session ID (the history table keeps a copy)."""
    journal = current().journal()
    found = stored_session(journal, session_id)
    if not yes:
        click.echo(sessions_table([found]))
    delete_confirmed("session", session_id, "Delete this session?", yes, journal.delete_session)
