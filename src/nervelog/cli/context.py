"""What every command shares: which journal to open, the clock, and error reporting."""

from __future__ import annotations

import functools
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING, Any, TypeVar

import click
import pendulum

from nervelog.cli.errors import UserError as UserError
from nervelog.domain.dates import Clock, SystemClock, parse_day, parse_span
from nervelog.domain.disclaimer import DISCLAIMER
from nervelog.domain.errors import Conflict, JournalError, ValidationError
from nervelog.driver import sqlite

if TYPE_CHECKING:
    # The storage layer loads only for commands that open the
    # journal that way: `nervelog due` reads the file with sqlite3 alone (issue 15).
    from nervelog.storage.repository import Journal

F = TypeVar("F", bound=Callable[..., Any])


class WholeNumber(click.ParamType[int]):
    """A whole number in the digits 0-9, from ``lowest`` to SQLite's largest: a negative
    or larger one, or one in other digits (full-width ``１``, Arabic-Indic ``١``), is
    refused with a message naming ``what`` it is."""

    name = "integer"

    def __init__(self, lowest: int, what: str) -> None:
        self.lowest = lowest
        self.what = what

    def convert(self, value: Any, param: click.Parameter | None, ctx: click.Context | None) -> int:
        """The number ``value`` is, or click's usage error naming the value."""
        text = str(value).strip()
        if text.isascii() and text.isdigit() and self.lowest <= int(text) < 2**63:
            return int(text)
        expected = f"a whole number from {self.lowest}, in the digits 0-9"
        self.fail(f"{value!r} is not {self.what}: {expected}", param, ctx)


RECORD_ID = WholeNumber(1, "an id")
EXIT_STATUS = (
    "Exit status: 0 done; 1 only from `nervelog due` (today not logged yet); "
    "2 bad input, a journal problem, or stopped (Ctrl-C, or 'no' to a question)."
)
EPILOG = f"{EXIT_STATUS}\n\n{DISCLAIMER}"


@dataclass
class CliContext:
    """State shared by the group and its commands; tests pass one with a fixed clock."""

    clock: Clock = field(default_factory=SystemClock)
    db_path: str | None = None
    demo: bool = False
    _journal: Journal | None = None
    started: Callable[[], None] = field(default=lambda: None)
    """Called once start-up is over: the command's module is loaded, or the app drawn."""

    def journal(self) -> Journal:
        """Open the chosen journal once (demo copy, ``--db``, ``NERVELOG_DB`` or default)."""
        if self._journal is None:
            self._journal = open_chosen_journal(self.db_path, self.demo, self.clock)
        return self._journal

    def use(self, journal: Journal) -> None:
        """Take a journal opened elsewhere (the unlock screen) as this command's."""
        self._journal = journal

    def tidy(self) -> None:
        """Remove the temporary copies a killed nervelog command left, and say so.

        A plain copy of an encrypted journal must not outlive the command that made it.
        """
        if self.demo:
            return
        from nervelog.leftovers import remove_leftovers
        from nervelog.paths import journal_path

        for path in remove_leftovers(journal_path(self.db_path)):
            click.echo(f"Removed {path}: a copy left unfinished by a stopped command.", err=True)

    def close(self) -> None:
        """Close the journal if this command opened it (before another converts it)."""
        if self._journal is not None:
            self._journal.close()
            self._journal = None

    def path(self) -> Path:
        """Where the chosen journal lives."""
        if self.demo:
            return self.journal().file() or Path(":memory:")
        from nervelog.paths import journal_path

        return journal_path(self.db_path)


def open_chosen_journal(db_path: str | None, demo: bool, clock: Clock) -> Journal:
    """Open the demo copy or the user's journal, turning failures into ``UserError``."""
    try:
        if demo:
            from nervelog.storage.demo import open_demo_journal

            return open_demo_journal(clock)
        from nervelog.cli.unlock import passphrase_for
        from nervelog.paths import journal_path
        from nervelog.storage import open_journal

        return open_journal(journal_path(db_path), clock, unlock=passphrase_for)
    except JournalError as exc:
        from nervelog.advice import explain

        raise UserError(explain(exc) or str(exc)) from None


def _set_db(ctx: click.Context, _: click.Parameter, value: str | None) -> None:
    if value:
        ctx.ensure_object(CliContext).db_path = value


def _set_demo(ctx: click.Context, _: click.Parameter, value: bool) -> None:
    if value:
        ctx.ensure_object(CliContext).demo = True


def journal_options(func: F) -> F:
    """``--db`` and ``--demo``, accepted before or after the command name."""
    func = click.option(
        "--demo",
        is_flag=True,
        expose_value=False,
        callback=_set_demo,
        help="Use a throwaway copy of the demo journal; your journal is not touched.",
    )(func)
    func = click.option(
        "--db",
        metavar="PATH",
        expose_value=False,
        callback=_set_db,
        help="Journal file to use (default: $NERVELOG_DB, then your user data folder).",
    )(func)
    return func


def friendly_errors(func: F) -> F:
    """Turn validation and journal errors into one clear message with exit status 2."""

    @functools.wraps(func)
    def wrapper(*args: Any, **kwargs: Any) -> Any:
        try:
            return func(*args, **kwargs)
        except Conflict as exc:
            from nervelog.cli.change_text import conflict_text

            raise UserError(conflict_text(exc)) from None
        except (ValidationError, JournalError, sqlite.Error) as exc:
            from nervelog.advice import explain

            raise UserError(explain(exc) or str(exc)) from None

    return wrapper  # type: ignore[return-value]


def current(ctx: click.Context | None = None) -> CliContext:
    """The shared context of the running command."""
    ctx = ctx or click.get_current_context()
    return ctx.ensure_object(CliContext)


def range_options(default_last: str | None) -> Callable[[F], F]:
    """``--from``, ``--to`` and ``--last`` for commands that look at a period."""

    def decorate(func: F) -> F:
        func = click.option(
            "--last",
            metavar="SPAN",
            default=None,
            help="A period ending today: 30d, 12w, 6m, 1y"
            + (f" (default {default_last})." if default_last else "."),
        )(func)
        func = click.option("--to", "to_", metavar="DATE", help="Last day (default: today).")(func)
        func = click.option("--from", "from_", metavar="DATE", help="First day.")(func)
        return func

    return decorate


def resolve_range(
    from_: str | None,
    to_: str | None,
    last: str | None,
    today: pendulum.Date,
    default_last: str | None,
    journal: Journal | None = None,
) -> tuple[pendulum.Date, pendulum.Date]:
    """The period the user asked for; ``--last`` conflicts with ``--from``."""
    if last and from_:
        raise UserError("Use either --last or --from/--to, not both.")
    end = parse_day(to_, today, "to") if to_ else today
    if from_:
        start = parse_day(from_, today, "from")
    elif last or default_last:
        start = parse_span(last or default_last or "", "last").start(end)
    elif journal is not None and (span := journal.date_span()) is not None:
        start = span[0]
    else:
        start = end
    if start > end:
        raise UserError(
            f"from: {start.isoformat()} is after to: {end.isoformat()}; "
            "the range must run forwards."
        )
    return start, end
