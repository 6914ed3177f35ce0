"""``nervelog log`` and ``nervelog show``: record a day and read the journal back."""

from __future__ import annotations

import click
import pendulum

from nervelog.cli.context import (
    EPILOG,
    UserError,
    current,
    friendly_errors,
    journal_options,
    range_options,
    resolve_range,
)
from nervelog.cli.format import dash, plural, table
from nervelog.domain.errors import Problem, ValidationError
from nervelog.domain.models import Entry
from nervelog.domain.scores import SCORES, Score
from nervelog.domain.text import one_line, printable
from nervelog.domain.validation import Collector, parse_date_field, parse_score
from nervelog.storage.repository import Journal


def describe_entry(entry: Entry) -> str:
    """One line summarising a day's scores."""
    parts = [f"{s.value} {dash(entry.scores.get(s))}" for s in SCORES]
    return f"{entry.date.isoformat()}  " + " · ".join(parts)


def read_note(note: str | None, note_file: click.File | None) -> str | None:
    """The note from ``--note`` or ``--note-file`` (``-`` reads standard input)."""
    if note is not None and note_file is not None:
        raise UserError("Use either --note or --note-file, not both.")
    if note_file is not None:
        try:
            text: str = note_file.read()  # type: ignore[attr-defined]
        except UnicodeDecodeError as exc:
            raise Problem(
                "--note-file", f"byte {exc.start}", "text encoded as UTF-8"
            ).error() from None
        return text.rstrip("\n")
    return note


def _score_option(score: Score) -> click.Option:
    return click.Option(
        [f"--{score.value}"],
        metavar="0-10",
        help=f"{score.label}: 0 = {score.low_anchor}, 10 = {score.high_anchor} "
        f"({score.direction}). 'skip' clears it.",
    )


@click.command(epilog=EPILOG)
@click.option(
    "--date",
    "day",
    default="today",
    show_default=True,
    metavar="DATE",
    help="The day described: YYYY-MM-DD, today, yesterday or 'N days ago'.",
)
@click.option("--note", default=None, help="A note for the day (replaces the previous note).")
@click.option(
    "--note-file",
    type=click.File("r", encoding="utf-8"),
    default=None,
    help="Read the note from a file; '-' reads standard input (keeps it out of shell history).",
)
@journal_options
@friendly_errors
def log(day: str, note: str | None, note_file: click.File | None, **raw_scores: str | None) -> None:
    """Record how today (or another day) went, over the last 24 hours on average.

    Only the scores and note you give change; the others stay as they were.

    \b
    Example:  nervelog log --pain 6 --numbness 4 --mobility 7
    """
    ctx = current()
    today = ctx.clock.today()
    problems = Collector()
    parsed_day = parse_date_field(day, today, problems)
    scores: dict[Score, int | None] = {}
    for score in SCORES:
        raw = raw_scores.get(score.value)
        if raw is not None:
            if raw.strip() == "":
                problems.add(score.value, raw, "a whole number from 0 to 10, or 'skip'")
                continue
            scores[score] = parse_score(raw, score.value, problems)
    problems.raise_if_any()
    text = read_note(note, note_file)
    if not scores and text is None:
        raise UserError(
            "Nothing to log: give at least one of --numbness, --tingling, --pain, "
            "--mobility or --note (see nervelog log --help)."
        )
    assert parsed_day is not None
    changes = {score.value: value for score, value in scores.items()}
    entry = ctx.journal().update_entry(parsed_day, changes, text)
    click.echo(f"Saved {describe_entry(entry)}")


for _score in reversed(SCORES):
    log.params.insert(1, _score_option(_score))


def show_table(journal: Journal, start: pendulum.Date, end: pendulum.Date) -> str:
    """A readable table of the days in a range that have an entry or a session."""
    entries = {e.date: e for e in journal.entries(start, end)}
    sessions: dict[pendulum.Date, list[str]] = {}
    for s in journal.sessions(start, end):
        sessions.setdefault(s.date, []).append(s.kind)
    days = sorted(set(entries) | set(sessions))
    rows = []
    for day in days:
        entry = entries.get(day)
        scores = [dash(entry.scores.get(s)) if entry else "" for s in SCORES]
        mark = "*" if entry and entry.backfilled else ""
        rows.append(
            [
                day.isoformat() + mark,
                day.format("ddd"),
                *scores,
                printable(", ".join(sessions.get(day, [])), keep_newlines=False),
                one_line(entry.notes, 30) if entry else "",
            ]
        )
    headers = ["date", "day", "numb", "ting", "pain", "mob", "sessions", "notes"]
    span = (end - start).days + 1
    lines = [
        f"{start.isoformat()} to {end.isoformat()}: {len(entries)} of {span} days logged, "
        f"{plural(sum(len(v) for v in sessions.values()), 'session')}.",
        "Scores 0-10; numbness, tingling, pain: lower is better; mobility: higher is better.",
        "",
    ]
    if rows:
        lines.append(table(headers, rows, right=(2, 3, 4, 5)))
        if any(r[0].endswith("*") for r in rows):
            lines.append("* recorded after the day had ended (backfilled)")
    else:
        lines.append("Nothing logged in this range.")
    return "\n".join(lines)


@click.command(epilog=EPILOG)
@range_options(default_last="14d")
@journal_options
@friendly_errors
def show(from_: str | None, to_: str | None, last: str | None) -> None:
    """Show logged days and sessions for a range as a table (default: the last 14 days)."""
    ctx = current()
    start, end = resolve_range(from_, to_, last, ctx.clock.today(), "14d" if not from_ else None)
    click.echo(show_table(ctx.journal(), start, end))


@click.command(epilog=EPILOG)
@journal_options
def where() -> None:
    """Print the path of the journal file in use."""
    click.echo(str(current().path()))


@click.command(epilog=EPILOG)
@journal_options
@friendly_errors
def check() -> None:
    """Check the journal's integrity and schema version."""
    from nervelog.storage.migrations import LATEST_VERSION, schema_version

    ctx = current()
    journal = ctx.journal()
    problems = journal.integrity_problems()
    version = schema_version(journal.db)
    click.echo(f"Journal:        {ctx.path()}")
    click.echo(f"Schema version: {version} (this nervelog: {LATEST_VERSION})")
    sessions = journal.db.execute("SELECT count(*) FROM session").fetchone()[0]
    click.echo(f"Entries:        {journal.count_entries()}")
    click.echo(f"Sessions:       {sessions}")
    if problems:
        for p in problems:
            click.echo(f"Problem: {p}", err=True)
        raise ValidationError([Problem("integrity", p, "ok") for p in problems])
    click.echo("Integrity:      ok")
