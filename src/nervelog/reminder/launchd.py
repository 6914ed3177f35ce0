"""The reminder as a launchd agent on macOS: one property list in ~/Library/LaunchAgents."""

from __future__ import annotations

import os
import plistlib
import shutil
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

LABEL = "org.nervelog.reminder"


def agent_plist(at: ReminderTime, command: Sequence[str]) -> str:
    """The agent: run ``command`` every day at ``at`` (launchd runs a missed one on wake)."""
    agent = {
        "Label": LABEL,
        "ProgramArguments": list(command),
        "StartCalendarInterval": {"Hour": at.hour, "Minute": at.minute},
        "RunAtLoad": False,
    }
    return plistlib.dumps(agent).decode()


@dataclass(frozen=True)
class Launchd:
    """``org.nervelog.reminder.plist`` in ``folder``, loaded into the user's GUI session."""

    folder: Path
    name: str = "a launchd agent (launchctl)"

    @classmethod
    def for_user(cls) -> Launchd:
        """``~/Library/LaunchAgents``."""
        return cls(Path.home() / "Library" / "LaunchAgents")

    @property
    def plist(self) -> Path:
        """The agent's property list."""
        return self.folder / f"{LABEL}.plist"

    def available(self) -> bool:
        """True when ``launchctl`` is on PATH."""
        return shutil.which("launchctl") is not None

    def _launchctl(self, *args: str) -> None:
        run_program([program("launchctl"), *args])

    def _domain(self) -> str:
        return f"gui/{os.getuid()}"

    def install(self, at: ReminderTime, command: Sequence[str]) -> Installed:
        """Write the agent and (re)load it; undone if launchctl refuses."""
        had_agent = self.plist.exists()
        # An agent loaded earlier must be unloaded before the new one can load.
        ignore_failure(lambda: self._launchctl("bootout", f"{self._domain()}/{LABEL}"))
        try:
            with files_restored_on_failure([self.plist]):
                write_files({self.plist: agent_plist(at, command)})
                self._launchctl("bootstrap", self._domain(), str(self.plist))
        except ReminderError:
            if had_agent:  # the earlier agent's file is back: load it again
                ignore_failure(
                    lambda: self._launchctl("bootstrap", self._domain(), str(self.plist))
                )
            raise
        return Installed(self.name, at, [str(self.plist)])

    def find(self) -> Installed | None:
        """The installed agent, read back from its file."""
        try:
            agent = plistlib.loads(self.plist.read_bytes())
        except (OSError, plistlib.InvalidFileException):
            return None
        interval = agent.get("StartCalendarInterval", {})
        try:
            at: ReminderTime | None = ReminderTime(int(interval["Hour"]), int(interval["Minute"]))
        except (KeyError, TypeError, ValueError):
            at = None
        return Installed(self.name, at, [str(self.plist)])

    def remove(self) -> Installed | None:
        """Unload the agent and delete its file."""
        found = self.find()
        if found is None and not self.plist.exists():
            return None
        if self.available():
            ignore_failure(lambda: self._launchctl("bootout", f"{self._domain()}/{LABEL}"))
        try:
            self.plist.unlink(missing_ok=True)
        except OSError as exc:
            raise ReminderError(f"Cannot remove {self.plist}: {exc.strerror or exc}.") from None
        return found or Installed(self.name, None, [str(self.plist)])
