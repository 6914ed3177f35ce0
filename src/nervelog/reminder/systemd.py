"""The reminder as a systemd user timer: two unit files in the user's systemd folder."""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path

from nervelog.reminder import Installed, ReminderError, ReminderTime
from nervelog.reminder.system import (
    config_home,
    files_restored_on_failure,
    find_program,
    ignore_failure,
    run_program,
    write_files,
)

UNIT = "nervelog-reminder"
_ON_CALENDAR = re.compile(r"^OnCalendar=\*-\*-\* (\d\d):(\d\d):00$", re.MULTILINE)


def service_text(command: Sequence[str]) -> str:
    """The service unit: run the reminder once and exit."""
    return (
        "# Written by `nervelog remind set`; `nervelog remind off` removes it.\n"
        "[Unit]\n"
        "Description=nervelog check-in reminder (notifies only when today is not logged)\n"
        "\n"
        "[Service]\n"
        "Type=oneshot\n"
        f"ExecStart={' '.join(systemd_quote(arg) for arg in command)}\n"
    )


def timer_text(at: ReminderTime) -> str:
    """The timer unit: every day at ``at``; a time missed while asleep is not caught up."""
    return (
        "# Written by `nervelog remind set`; `nervelog remind off` removes it.\n"
        "[Unit]\n"
        "Description=nervelog check-in reminder, daily\n"
        "\n"
        "[Timer]\n"
        f"OnCalendar=*-*-* {at}:00\n"
        "Persistent=false\n"
        "\n"
        "[Install]\n"
        "WantedBy=timers.target\n"
    )


def systemd_quote(arg: str) -> str:
    """One ExecStart argument: quoted if it must be, with systemd's specifiers escaped."""
    arg = arg.replace("%", "%%").replace("$", "$$")
    if arg and not re.search(r"[\s\"'\\;]", arg):
        return arg
    return '"' + arg.replace("\\", "\\\\").replace('"', '\\"') + '"'


@dataclass(frozen=True)
class Systemd:
    """A timer and a service named ``nervelog-reminder`` in ``folder``."""

    folder: Path
    name: str = "a systemd user timer (systemctl --user)"

    @classmethod
    def for_user(cls) -> Systemd:
        """The user's own unit folder: ``$XDG_CONFIG_HOME/systemd/user``."""
        return cls(config_home() / "systemd" / "user")

    @property
    def service(self) -> Path:
        """The service unit file."""
        return self.folder / f"{UNIT}.service"

    @property
    def timer(self) -> Path:
        """The timer unit file."""
        return self.folder / f"{UNIT}.timer"

    def available(self) -> bool:
        """True when a systemd user manager answers (not in most containers or over SSH)."""
        systemctl = find_program("systemctl")
        if systemctl is None:
            return False
        try:
            return (
                run_program([systemctl, "--user", "show-environment"], check=False).returncode == 0
            )
        except ReminderError:
            return False

    def _systemctl(self, *args: str) -> None:
        systemctl = find_program("systemctl")
        if systemctl is None:
            raise ReminderError("systemctl is no longer on PATH.")
        run_program([systemctl, "--user", *args])

    def install(self, at: ReminderTime, command: Sequence[str]) -> Installed:
        """Write both units, reload systemd and start the timer; undone if a step fails."""
        was_installed = self.timer.exists()
        try:
            with files_restored_on_failure([self.service, self.timer]):
                write_files({self.service: service_text(command), self.timer: timer_text(at)})
                self._systemctl("daemon-reload")
                try:
                    self._systemctl("enable", f"{UNIT}.timer")
                    # restart, not start: a running timer must pick up the new time.
                    self._systemctl("restart", f"{UNIT}.timer")
                except ReminderError:
                    if not was_installed:  # no enable link may outlive the files
                        ignore_failure(lambda: self._systemctl("disable", f"{UNIT}.timer"))
                    raise
        except ReminderError:
            ignore_failure(lambda: self._systemctl("daemon-reload"))
            raise
        return Installed(self.name, at, [str(self.timer), str(self.service)])

    def find(self) -> Installed | None:
        """The installed timer, read back from its file."""
        try:
            text = self.timer.read_text(encoding="utf-8")
        except OSError:
            return None
        match = _ON_CALENDAR.search(text)
        at = ReminderTime(int(match[1]), int(match[2])) if match else None
        return Installed(self.name, at, [str(self.timer), str(self.service)])

    def remove(self) -> Installed | None:
        """Stop and disable the timer, delete both files, reload systemd."""
        found = self.find() or (
            Installed(self.name, None, [str(self.service)]) if self.service.exists() else None
        )
        if found is None:
            return None
        if find_program("systemctl") is not None:
            # Gone already or never started: either way there is nothing left to stop.
            ignore_failure(lambda: self._systemctl("disable", "--now", f"{UNIT}.timer"))
        for path in (self.timer, self.service):
            try:
                path.unlink(missing_ok=True)
            except OSError as exc:
                raise ReminderError(f"Cannot remove {path}: {exc.strerror or exc}.") from None
        if find_program("systemctl") is not None:
            ignore_failure(lambda: self._systemctl("daemon-reload"))
        return found
