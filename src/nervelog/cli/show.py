"""``nervelog show``: the days of a range as a table."""

from __future__ import annotations

import click
import pendulum

from nervelog.cli.care_text import care_text
from nervelog.cli.context import EPILOG, current, range_options, resolve_range
from nervelog.cli.format import dash, plural
from nervelog.cli.options import journal_command
from nervelog.cli.table import table
from nervelog.domain.printable import printable_line
from nervelog.domain.scores import SCORES
from nervelog.domain.text import one_line
from nervelog.storage.repository import Journal


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
        mark = "*" if entry and entry.backfilled else "~" if entry and entry.imported else ""
        rows.append(
            [
                day.isoformat() + mark,
                day.format("ddd"),
                *scores,
                printable_line(", ".join(sessions.get(day, []))),
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
        if any(r[0].endswith("~") for r in rows):
            lines.append("~ imported from a spreadsheet (recording time unknown)")
    else:
        lines.append("Nothing logged in this range.")
    return "\n".join(lines)


@click.command(epilog=EPILOG)
@range_options(default_last="14d")
@journal_command
def show(from_: str | None, to_: str | None, last: str | None) -> None:
    """Show logged days and sessions for a range as a table (default: the last 14 days)."""
    ctx = current()
    start, end = resolve_range(from_, to_, last, ctx.clock.today(), "14d")
    click.echo(show_table(ctx.journal(), start, end))
    click.echo()
    click.echo(care_text(ctx.journal(), start, end))
