"""``nervelog log``: record a day; ``where`` and ``check``: which journal, and is it sound.

Kept free of table layout (``show`` has its own module), so ``log`` loads only what it uses.
"""

from __future__ import annotations

import click

from nervelog.cli.context import EPILOG, UserError, current, journal_options
from nervelog.cli.format import dash
from nervelog.cli.options import DATE_HELP, date_option, journal_command, note_options, read_note
from nervelog.domain.errors import Problem, ValidationError
from nervelog.domain.models import Entry
from nervelog.domain.scores import SCORES, Score
from nervelog.domain.validation import Collector, parse_date_field, parse_score


def describe_entry(entry: Entry) -> str:
    """One line summarising a day's scores."""
    parts = [f"{s.value} {dash(entry.scores.get(s))}" for s in SCORES]
    return f"{entry.date.isoformat()}  " + " · ".join(parts)


def _score_option(score: Score) -> click.Option:
    return click.Option(
        [f"--{score.value}"],
        metavar="0-10",
        help=f"{score.label}: 0 = {score.low_anchor}, 10 = {score.high_anchor} "
        f"({score.direction}). 'skip' clears it.",
    )


@click.command(epilog=EPILOG)
@date_option("The day described: " + DATE_HELP)
@note_options(
    "A note for the day (replaces the previous note).",
    "Read the note from a file; '-' reads standard input (keeps it out of shell history).",
)
@journal_command
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


@click.command(epilog=EPILOG)
@journal_options
def where() -> None:
    """Print the path of the journal file in use."""
    click.echo(str(current().path()))


@click.command(epilog=EPILOG)
@journal_command
def check() -> None:
    """Check the journal's integrity and schema version."""
    from nervelog.storage.cipher import is_encrypted
    from nervelog.storage.migrations import LATEST_VERSION

    ctx = current()
    journal = ctx.journal()
    problems = journal.integrity_problems()
    version = journal.schema_version()
    click.echo(f"Journal:        {ctx.path()}")
    click.echo(f"Schema version: {version} (this nervelog: {LATEST_VERSION})")
    encrypted = is_encrypted(ctx.path())
    click.echo(f"Encrypted:      {'yes (SQLCipher 4)' if encrypted else 'no'}")
    click.echo(f"Entries:        {journal.count_entries()}")
    click.echo(f"Sessions:       {journal.count_sessions()}")
    if encrypted:
        from nervelog.cli.encryption import copies

        for copy in copies(ctx.path()):
            if not is_encrypted(copy):
                click.echo(f"Not encrypted:  {copy} (nervelog encrypt encrypts it)")
            elif not journal.opens(copy):
                click.echo(f"Under another passphrase: {copy} (nervelog passphrase can change it)")
    if problems:
        for p in problems:
            click.echo(f"Problem: {p}", err=True)
        raise ValidationError([Problem("integrity", p, "ok") for p in problems])
    click.echo("Integrity:      ok")
