"""``nervelog stats``: period summary, change and session response as plain tables.

Numbers are rounded to one decimal here, for display only; the analysis keeps them exact.
"""

from __future__ import annotations

import textwrap
from collections.abc import Sequence

import click

from nervelog.analysis import (
    DEFAULT_WINDOW,
    NO_BASELINE_NOTE,
    NOTICEABLE_CHANGE_NOTE,
    RESPONSE_LABEL,
    DailySeries,
    Figure,
    KindResponse,
    PeriodSummary,
    ScoreChange,
    ScoreResponse,
    SessionResponse,
    all_series,
    change_and_swing,
    change_sides,
    check_window,
    day_to_day_swing,
    kind_responses,
    no_baseline,
    period_changes,
    period_summary,
    session_responses,
    signed,
)
from nervelog.cli.care_text import care_text
from nervelog.cli.context import EPILOG, current, range_options, resolve_range
from nervelog.cli.format import plural
from nervelog.cli.options import journal_command
from nervelog.cli.table import table
from nervelog.domain.disclaimer import DISCLAIMER
from nervelog.domain.errors import Problem
from nervelog.domain.printable import printable_line
from nervelog.domain.scores import SCORES, Score

WIDTH = 100
DEFAULT_LAST = "90d"


def number(value: float | None) -> str:
    """A value at one decimal, or an en dash when there is none (never 0)."""
    return "–" if value is None else f"{value:.1f}"


def with_n(figure: Figure) -> str:
    """``5.6 (11)``; a figure with nothing behind it shows as ``– (0)``."""
    return f"{number(figure.mean)} ({figure.n})"


def signed_with_n(figure: Figure) -> str:
    """A difference figure with its n."""
    return f"{signed(figure.mean)} ({figure.n})"


def wrapped(text: str, indent: str = "") -> str:
    """``text`` wrapped to the output width."""
    return textwrap.fill(text, WIDTH, initial_indent=indent, subsequent_indent=indent)


def summary_text(summary: PeriodSummary, changes: dict[Score, ScoreChange]) -> str:
    """Coverage, sessions and the per-score table with the two sides of the change."""
    days = summary.days_in_range
    lines = [
        f"Period: {summary.start.isoformat()} to {summary.end.isoformat()} ({plural(days, 'day')})",
        f"Days logged: {summary.days_logged} of {days}",
        f"Recorded: {summary.recorded.text()}",
    ]
    if summary.sessions_by_kind:
        kinds = ", ".join(
            f"{printable_line(kind)} {count}" for kind, count in summary.sessions_by_kind.items()
        )
        lines.append(f"Sessions: {summary.sessions} ({kinds})")
    else:
        lines.append("Sessions: 0")
    sides = change_sides(summary.start, summary.end)
    first, last = sides.names if sides is not None else ("first", "last")
    headers = ["score", "better is", "mean (n)", "min-max", first, last, "change", "% (pain)"]
    rows = []
    for score in SCORES:
        s, c = summary.scores[score], changes[score]
        span = "–" if s.min is None else f"{s.min}-{s.max}"
        percent = "–" if c.percent is None else f"{c.percent:+.0f}%"
        rows.append(
            [
                score.value,
                "higher" if score.higher_is_better else "lower",
                with_n(Figure(s.mean, s.n)),
                span,
                with_n(Figure(c.first_mean, c.first_n)),
                with_n(Figure(c.last_mean, c.last_n)),
                signed(c.shown_points),
                percent,
            ]
        )
    lines += ["", table(headers, rows, right=(2, 3, 4, 5, 6, 7))]
    return "\n".join(lines)


def change_text(
    changes: dict[Score, ScoreChange], series: dict[Score, DailySeries], baseline: bool
) -> str:
    """The direction-aware sentences, each beside the usual day-to-day swing, and the
    reference line, as context only."""
    sides = next(iter(changes.values())).sides
    lines = [f"Change, {sides} of the period" if sides else "Change"]
    for score in SCORES:
        swing = day_to_day_swing(series[score].values)
        lines.append(wrapped(f"{score.value}: {change_and_swing(changes[score], swing)}", "  "))
    if not baseline:
        lines += ["", wrapped(NO_BASELINE_NOTE)]
    lines += ["", wrapped(NOTICEABLE_CHANGE_NOTE)]
    return "\n".join(lines)


RESPONSE_HEADERS = (
    "score",
    "same day",
    "{w}d before",
    "{w}d after",
    "after-before",
    "next day",
    "rated before",
    "rated after",
)


def response_rows(scores: dict[Score, ScoreResponse]) -> list[list[str]]:
    """One row per score of a session or kind response; each figure with its n."""
    return [
        [
            score.value,
            with_n(r.same_day),
            with_n(r.before),
            with_n(r.after),
            signed_with_n(r.window_change),
            with_n(r.next_day),
            with_n(r.in_session_before),
            with_n(r.in_session_after),
        ]
        for score, r in ((s, scores[s]) for s in SCORES)
    ]


def response_table(scores: dict[Score, ScoreResponse], window: int) -> str:
    """The response figures of one session or kind as an aligned table."""
    headers = [h.format(w=window) for h in RESPONSE_HEADERS]
    return table(headers, response_rows(scores), right=range(1, len(headers)))


def response_text(
    kinds: Sequence[KindResponse], per_session: Sequence[SessionResponse] | None, window: int
) -> str:
    """Session response by kind (and per session when asked), under its label."""
    lines = [f"Session response: {RESPONSE_LABEL}"]
    if not kinds:
        lines.append("  No sessions in this period.")
        return "\n".join(lines)
    lines.append(
        wrapped(
            f"Before/after: mean of the {window} days before vs the {window} days after the "
            "session day (which is in neither). Rated: the quick ratings taken just before and "
            "after the session. By kind, each figure averages over session days and (n) counts "
            "the session days with a value (for rated, the sessions); for a single session, (n) "
            "counts days.",
        )
    )
    for kind in kinds:
        count = f"{plural(kind.sessions, 'session')} on {plural(kind.days, 'day')}"
        lines += ["", f"{printable_line(kind.kind)}: {count}", response_table(kind.scores, window)]
    if per_session is not None:
        lines += ["", "Each session:"]
        for r in per_session:
            s = r.session
            when = s.date.isoformat() + (f" {s.time}" if s.time else "")
            ident = f"#{s.id} " if s.id is not None else ""
            lines += ["", f"{ident}{when} {printable_line(s.kind)}"]
            lines.append(response_table(r.scores, window))
    return "\n".join(lines)


def parse_window(text: str) -> int:
    """``--window`` as a whole number of days 1-7, refused clearly otherwise."""
    if not (text.strip().isascii() and text.strip().isdigit()):
        raise Problem("window", text, "a whole number of days from 1 to 7").error()
    return check_window(int(text.strip()))


@click.command("stats", epilog=EPILOG)
@range_options(default_last=DEFAULT_LAST)
@click.option(
    "--window",
    default=str(DEFAULT_WINDOW),
    show_default=True,
    metavar="DAYS",
    help="Days before and after each session to compare (1-7).",
)
@click.option(
    "--each-session", is_flag=True, help="Also show the response around every single session."
)
@journal_command
def stats(
    from_: str | None, to_: str | None, last: str | None, window: str, each_session: bool
) -> None:
    """Summary, change and session response for a period (default: the last 90 days).

    \b
    Examples:
      nervelog stats
      nervelog stats --last 6m --window 2
      nervelog stats --from 2026-09-01 --to 2026-10-31 --each-session
    """
    days = parse_window(window)
    ctx = current()
    journal = ctx.journal()
    start, end = resolve_range(from_, to_, last, ctx.clock.today(), DEFAULT_LAST)
    entries = journal.entries(start, end)
    sessions = journal.sessions(start, end)
    summary = period_summary(entries, sessions, start, end)
    changes = period_changes(entries, start, end)
    series = all_series(entries, start, end)
    kinds = kind_responses(series, sessions, days)
    each = session_responses(entries, sessions, start, end, days) if each_session else None
    parts = [
        DISCLAIMER,
        summary_text(summary, changes),
        change_text(changes, series, not no_baseline(sessions, start, end)),
        response_text(kinds, each, days),
        care_text(journal, start, end),
    ]
    click.echo("\n\n".join(parts))
