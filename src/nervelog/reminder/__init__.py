"""A daily reminder that fires only when today is not logged, with no service running.

The operating system's own scheduler starts ``nervelog remind run`` at the chosen time:
a systemd user timer, else a line in the user's crontab, on Linux; a launchd agent on
macOS. Each scheduler module installs, finds and removes exactly its own files or line.
"""

from __future__ import annotations

import sys
from collections.abc import Sequence
from pathlib import Path
from typing import NamedTuple, Protocol

from nervelog.domain.dates import is_valid_time
from nervelog.domain.errors import Problem

REMINDER_TEXT = "Time for your nervelog check-in"
"""All a notification ever says: no scores, notes or anything else from the journal."""


class ReminderError(Exception):
    """A reminder could not be set, read or removed; nothing was left half-done."""


class ReminderTime(NamedTuple):
    """A time of day on the 24-hour clock."""

    hour: int
    minute: int

    def __str__(self) -> str:
        return f"{self.hour:02d}:{self.minute:02d}"


def parse_reminder_time(text: str) -> ReminderTime:
    """``HH:MM`` on a 24-hour clock; raises a ``ValidationError`` naming what is allowed."""
    cleaned = text.strip()
    if not is_valid_time(cleaned):
        raise Problem("time", text, "a 24-hour time as HH:MM, from 00:00 to 23:59").error()
    hour, minute = cleaned.split(":")
    return ReminderTime(int(hour), int(minute))


class Installed(NamedTuple):
    """A reminder found in one scheduler: when it fires and the files or line that hold it."""

    scheduler: str
    at: ReminderTime | None
    where: list[str]


class Scheduler(Protocol):
    """One way of starting a command every day at a set time."""

    @property
    def name(self) -> str:
        """What it is, as a user would look for it: "cron (crontab)"."""
        ...

    def available(self) -> bool:
        """Whether this scheduler can be used on this machine, now."""
        ...

    def install(self, at: ReminderTime, command: Sequence[str]) -> Installed:
        """Run ``command`` daily at ``at``, replacing an earlier nervelog reminder.

        All or nothing: on failure the previous state is put back and
        ``ReminderError`` says why.
        """
        ...

    def find(self) -> Installed | None:
        """The nervelog reminder this scheduler holds, if any."""
        ...

    def remove(self) -> Installed | None:
        """Remove exactly what ``install`` created; return what was removed."""
        ...


def current_platform() -> str:
    """``sys.platform``, asked through one function so tests can pretend to be a Mac."""
    return sys.platform


def schedulers(platform: str | None = None) -> list[Scheduler]:
    """The schedulers nervelog knows for ``platform``, in order of preference."""
    from nervelog.reminder.cron import Cron
    from nervelog.reminder.launchd import Launchd
    from nervelog.reminder.systemd import Systemd

    if (platform or current_platform()) == "darwin":
        return [Launchd.for_user()]
    return [Systemd.for_user(), Cron()]


def choose_scheduler(options: Sequence[Scheduler]) -> Scheduler:
    """The first scheduler that works here; ``ReminderError`` names what was looked for."""
    for scheduler in options:
        if scheduler.available():
            return scheduler
    looked_for = " or ".join(s.name for s in options)
    raise ReminderError(
        f"No scheduler found to run a daily reminder: looked for {looked_for}. "
        "Nothing was installed. You can still put `nervelog due` in your shell prompt "
        "(see the README, 'Reminders')."
    )


def reminder_command(journal: Path) -> list[str]:
    """What the scheduler runs: this Python and this journal, whatever PATH is then."""
    if "\n" in str(journal) or "\n" in sys.executable:
        raise ReminderError(
            f"The journal's path {str(journal)!r} holds a line break, which no scheduler "
            "file can carry. Nothing was installed."
        )
    return [sys.executable, "-m", "nervelog", "--db", str(journal), "remind", "run"]


__all__ = [
    "REMINDER_TEXT",
    "Installed",
    "ReminderError",
    "ReminderTime",
    "Scheduler",
    "choose_scheduler",
    "parse_reminder_time",
    "reminder_command",
    "schedulers",
]
