"""``nervelog remind``: a daily notification at a set time, only when today is not logged."""

from __future__ import annotations

import functools
from collections.abc import Callable
from typing import Any

import click

from nervelog.cli.context import EPILOG, F, UserError, current, journal_options
from nervelog.cli.due import due_state
from nervelog.cli.options import journal_command
from nervelog.reminder import (
    REMINDER_TEXT,
    Installed,
    ReminderError,
    Scheduler,
    choose_scheduler,
    parse_reminder_time,
    reminder_command,
    schedulers,
)


def reminder_errors(func: F) -> F:
    """Show a ``ReminderError`` as one message, exit status 2."""

    @functools.wraps(func)
    def wrapper(*args: Any, **kwargs: Any) -> Any:
        try:
            return func(*args, **kwargs)
        except ReminderError as exc:
            raise UserError(str(exc)) from None

    return wrapper  # type: ignore[return-value]


def describe(found: Installed) -> list[str]:
    """Lines saying when a reminder fires and where it is kept."""
    when = f"every day at {found.at}" if found.at else "at a time nervelog cannot read"
    return [f"Reminder {when}, through {found.scheduler}:", *(f"  {w}" for w in found.where)]


@click.group(epilog=EPILOG)
def remind() -> None:
    """A daily reminder that appears only when today is not logged yet.

    The notification says only "Time for your nervelog check-in": no scores, no
    notes. No nervelog process keeps running; your system's scheduler starts
    `nervelog remind run` at the time you set (a systemd user timer, else a line in
    your crontab, on Linux; a launchd agent on macOS).

    \b
    Example:  nervelog remind set 20:30
    """


@remind.command("set", epilog=EPILOG)
@click.argument("time", metavar="HH:MM")
@journal_command
@reminder_errors
def set_reminder(time: str) -> None:
    """Remind me every day at HH:MM (24-hour clock) when today is not logged.

    Setting it again changes the time. The reminder checks the journal in use now
    (see `nervelog where`).

    \b
    Example:  nervelog remind set 20:30
    """
    at = parse_reminder_time(time)
    ctx = current()
    if ctx.demo:
        raise UserError("The demo journal is a throwaway copy; set reminders on your own.")
    journal = ctx.path().resolve()
    options = schedulers()
    scheduler = choose_scheduler(options)
    installed = scheduler.install(at, reminder_command(journal))
    # Only one reminder: an earlier one kept by another scheduler would fire twice.
    each_scheduler([s for s in options if s is not scheduler], lambda s: s.remove())
    for line in describe(installed):
        click.echo(line)
    click.echo(f'It checks {journal} and says only "{REMINDER_TEXT}".')
    click.echo("Remove it with: nervelog remind off")


def each_scheduler(
    options: list[Scheduler], step: Callable[[Scheduler], Installed | None]
) -> tuple[list[Installed], bool]:
    """``step`` on every scheduler; one that fails is reported and the others still run.

    Returns what the steps found and whether every one of them worked.
    """
    results, ok = [], True
    for scheduler in options:
        try:
            if (found := step(scheduler)) is not None:
                results.append(found)
        except ReminderError as exc:
            click.echo(f"Could not look in {scheduler.name}: {exc}", err=True)
            ok = False
    return results, ok


@remind.command(epilog=EPILOG)
def status() -> None:
    """Say whether a reminder is set, when, and where it is kept."""
    found, ok = each_scheduler(schedulers(), lambda s: s.find())
    if not found and ok:
        click.echo("No reminder is set. Set one with: nervelog remind set 20:30")
    for item in found:
        for line in describe(item):
            click.echo(line)
    if not ok:
        click.get_current_context().exit(2)


@remind.command(epilog=EPILOG)
def off() -> None:
    """Remove the reminder: exactly the files or crontab line `remind set` made."""
    removed, ok = each_scheduler(schedulers(), lambda s: s.remove())
    if not removed and ok:
        click.echo("No reminder was set; nothing changed.")
    for item in removed:
        click.echo(f"Removed the reminder from {item.scheduler}:")
        for where in item.where:
            click.echo(f"  {where}")
    if not ok:
        click.get_current_context().exit(2)


@remind.command(epilog=EPILOG)
@journal_options
@reminder_errors
def run() -> None:
    """What the scheduler runs: notify if today is not logged, else do nothing.

    Run it yourself to see the notification (when today is not logged yet).
    """
    from nervelog.reminder.notify import notify

    ctx = current()
    if not due_state(ctx.path(), ctx.clock.today()).logged:
        notify()
