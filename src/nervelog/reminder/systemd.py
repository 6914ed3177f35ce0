"""The reminder as a systemd user timer: two unit files in the user's systemd folder."""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path

from nervelog.reminder import Installed, ReminderError, ReminderTime
from nervelog.reminder.system import (
    files_restored_on_failure,
    ignore_failure,
    program,
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


def _manager_environment() -> dict[str, str] | None:
    """The systemd user manager's environment, or None when no manager answers."""
    try:
        ran = run_program([program("systemctl"), "--user", "show-environment"])
    except ReminderError:
        return None  # no systemctl, or none running (most containers, some SSH logins)
    return dict(line.split("=", 1) for line in ran.stdout.splitlines() if "=" in line)


@dataclass(frozen=True)
class Systemd:
    """A timer and a service named ``nervelog-reminder`` in ``folder``."""

    folder: Path
    reachable: bool
    name: str = "a systemd user timer (systemctl --user)"

    @classmethod
    def for_user(cls) -> Systemd:
        """The folder the user manager reads: its ``$XDG_CONFIG_HOME/systemd/user``.

        The manager's own environment, not the shell's, decides where it looks.
        """
        env = _manager_environment()
        config = Path((env or {}).get("XDG_CONFIG_HOME") or Path.home() / ".config")
        return cls(config / "systemd" / "user", reachable=env is not None)

    @property
    def service(self) -> Path:
        """The service unit file."""
        return self.folder / f"{UNIT}.service"

    @property
    def timer(self) -> Path:
        """The timer unit file."""
        return self.folder / f"{UNIT}.timer"

    @property
    def enable_link(self) -> Path:
        """The link ``systemctl enable`` makes for the timer."""
        return self.folder / "timers.target.wants" / f"{UNIT}.timer"

    def available(self) -> bool:
        """True when a systemd user manager answers."""
        return self.reachable

    def _systemctl(self, *args: str) -> None:
        run_program([program("systemctl"), "--user", *args])

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
            if not self.service.exists():
                return None
            text = ""
        match = _ON_CALENDAR.search(text)
        at = ReminderTime(int(match[1]), int(match[2])) if match else None
        return Installed(self.name, at, [str(self.timer), str(self.service)])

    def remove(self) -> Installed | None:
        """Stop and disable the timer, delete both files and the enable link, reload."""
        found = self.find()
        if found is None:
            return None
        if self.reachable:
            # Gone already or never started: either way there is nothing left to stop.
            ignore_failure(lambda: self._systemctl("disable", "--now", f"{UNIT}.timer"))
        for path in (self.enable_link, self.timer, self.service):
            try:
                path.unlink(missing_ok=True)
            except OSError as exc:
                raise ReminderError(f"Cannot remove {path}: {exc.strerror or exc}.") from None
        if self.reachable:
            ignore_failure(lambda: self._systemctl("daemon-reload"))
        return found
