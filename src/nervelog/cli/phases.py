"""``nervelog phase``: name stretches of time and compare their means side by side."""

from __future__ import annotations

import click
import pendulum

from nervelog.analysis import PhaseSummary, phase_comparison
from nervelog.cli.context import EPILOG, RECORD_ID, UserError, current
from nervelog.cli.options import journal_command
from nervelog.cli.stats import with_n
from nervelog.cli.table import table
from nervelog.domain.dates import DATE_FORMATS, parse_day, parse_iso_date
from nervelog.domain.errors import Problem, ValidationError
from nervelog.domain.models import Phase
from nervelog.domain.scores import SCORES
from nervelog.domain.text import one_line

NAME_MAX = 80


def parse_phase(name: str, from_: str, to_: str, today: pendulum.Date) -> Phase:
    """A phase from what the user typed, with every problem reported at once.

    The start must not be in the future; the end may be (a phase still planned to run),
    given as YYYY-MM-DD.
    """
    problems: list[Problem] = []
    cleaned = name.strip()
    if not cleaned or len(cleaned) > NAME_MAX or "\n" in cleaned:
        problems.append(Problem("name", name, f"a name of 1 to {NAME_MAX} characters on one line"))
    start = end = None
    try:
        start = parse_day(from_, today, "from")
    except ValidationError as exc:
        problems += exc.problems
    try:
        end = _phase_end(to_, today)
    except ValidationError as exc:
        problems += exc.problems
    if start is not None and end is not None and start > end:
        problems.append(Problem("to", to_, f"{start.isoformat()} (the start) or later"))
    if problems:
        raise ValidationError(problems)
    assert start is not None and end is not None
    return Phase(name=cleaned, start=start, end=end)


def _phase_end(text: str, today: pendulum.Date) -> pendulum.Date:
    try:
        return parse_iso_date(text.strip())
    except ValueError:
        pass
    try:
        return parse_day(text, today, "to")
    except ValidationError:
        raise Problem("to", text, f"a real date as {DATE_FORMATS}").error() from None


def phases_table(summaries: list[PhaseSummary]) -> str:
    """The phases with their dates, coverage and sessions."""
    rows = [
        [
            str(p.phase.id),
            one_line(p.phase.name, 30),
            p.phase.start.isoformat(),
            p.phase.end.isoformat(),
            f"{p.days_logged} of {p.days_in_phase}",
            str(p.sessions),
        ]
        for p in summaries
    ]
    headers = ["id", "phase", "from", "to", "days logged", "sessions"]
    return table(headers, rows, right=(0, 4, 5))


def comparison_table(summaries: list[PhaseSummary]) -> str:
    """Per-phase means with n for every score, side by side."""
    headers = ["phase"] + [
        f"{s.value} ({'higher' if s.higher_is_better else 'lower'})" for s in SCORES
    ]
    rows = [[one_line(p.phase.name, 30)] + [with_n(p.scores[s]) for s in SCORES] for p in summaries]
    return table(headers, rows, right=range(1, len(headers)))


@click.group(epilog=EPILOG)
def phase() -> None:
    """Name stretches of time ("before massage", "weekly massage") and compare them."""


@phase.command("add", epilog=EPILOG)
@click.argument("name", required=False)
@click.option("--from", "from_", metavar="DATE", help="First day of the phase.")
@click.option("--to", "to_", metavar="DATE", help="Last day of the phase.")
@click.option(
    "--from-med",
    "from_med",
    type=RECORD_ID,
    metavar="ID",
    help="The days of medicine course ID (to today while it is taken); NAME is optional.",
)
@journal_command
def phase_add(name: str | None, from_: str | None, to_: str | None, from_med: int | None) -> None:
    """Add a phase called NAME running from one date to another (inclusive).

    \b
    Examples:
      nervelog phase add "weekly massage" --from 2026-09-01 --to 2026-10-15
      nervelog phase add --from-med 2        # "since pregabalin 150 mg"
    """
    ctx = current()
    today = ctx.clock.today()
    if from_med is not None:
        if from_ or to_:
            raise UserError("Use either --from-med or --from/--to, not both.")
        course = ctx.journal().medicines.course(from_med)
        if course is None:
            raise Problem(
                "from-med", from_med, "the id of a medicine (see nervelog med list)"
            ).error()
        name = name or f"{'on' if course.stopped else 'since'} {course.label}"
        from_, to_ = course.started.isoformat(), (course.stopped or today).isoformat()
    if name is None or from_ is None or to_ is None:
        raise UserError("Give NAME with --from and --to, or --from-med ID.")
    stored = ctx.journal().phases.add(parse_phase(name, from_, to_, today))
    click.echo(
        f"Added phase {stored.id}: {one_line(stored.name, 60)}, "
        f"{stored.start.isoformat()} to {stored.end.isoformat()}"
    )


@phase.command("list", epilog=EPILOG)
@journal_command
def phase_list() -> None:
    """List phases and their per-score means (n = days with a value), side by side."""
    journal = current().journal()
    phases = journal.phases.list()
    if not phases:
        click.echo("No phases yet. Add one with: nervelog phase add NAME --from DATE --to DATE")
        return
    first, last = min(p.start for p in phases), max(p.end for p in phases)
    entries, sessions = journal.entries(first, last), journal.sessions(first, last)
    summaries = phase_comparison(entries, sessions, phases)
    click.echo(phases_table(summaries))
    click.echo("")
    click.echo("Mean (n) per phase; (n) = days with a value. Phases may overlap.")
    click.echo(comparison_table(summaries))


@phase.command("delete", epilog=EPILOG)
@click.argument("phase_id", metavar="ID", type=RECORD_ID)
@journal_command
def phase_delete(phase_id: int) -> None:
    """Delete the phase with this ID (see nervelog phase list); entries are not touched."""
    if not current().journal().phases.delete(phase_id):
        raise Problem(
            "id", phase_id, "the id of an existing phase (see nervelog phase list)"
        ).error()
    click.echo(f"Deleted phase {phase_id}.")
