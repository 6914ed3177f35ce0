"""The reminder as one marked line in the user's crontab; every other line untouched."""

from __future__ import annotations

import re
import shlex
import shutil
from collections.abc import Sequence
from dataclasses import dataclass

from nervelog.reminder import Installed, ReminderError, ReminderTime
from nervelog.reminder.system import program, run_program

MARK = "# nervelog reminder (nervelog remind off removes this line)"
_TIME = re.compile(r"^(\d{1,2}) (\d{1,2}) \* \* \* ")


def is_ours(line: str) -> bool:
    """True for nervelog's line, whatever its schedule was edited to."""
    return line.rstrip("\r\n").endswith(MARK)


def cron_line(at: ReminderTime, command: Sequence[str]) -> str:
    """``MM HH * * * command  # mark``; ``%`` escaped, as cron reads it as a newline."""
    text = " ".join(shlex.quote(arg) for arg in command).replace("%", "\\%")
    return f"{at.minute} {at.hour} * * * {text}  {MARK}"


def without_ours(crontab: str) -> str:
    """The crontab with nervelog's line (and only it) taken out, byte for byte otherwise."""
    lines = crontab.splitlines(keepends=True)
    return "".join(line for line in lines if not is_ours(line))


@dataclass(frozen=True)
class Cron:
    """The crontab of the user running nervelog, through the ``crontab`` program."""

    name: str = "cron (crontab)"

    def available(self) -> bool:
        """True when the ``crontab`` program is on PATH."""
        return shutil.which("crontab") is not None

    def read(self) -> str:
        """The current crontab; empty when the user has none."""
        result = run_program([program("crontab"), "-l"], check=False)
        if result.returncode == 0:
            return result.stdout
        if "no crontab" in result.stderr.lower():
            return ""
        raise ReminderError(f"`crontab -l` failed: {result.stderr.strip()}.")

    def _replace(self, text: str) -> None:
        if text:
            run_program([program("crontab"), "-"], input=text)
        else:
            run_program([program("crontab"), "-r"])

    def install(self, at: ReminderTime, command: Sequence[str]) -> Installed:
        """Put nervelog's line first, so the lines after it read exactly as before.

        ``crontab -`` replaces the whole table in one step: it either takes the new
        table or keeps the old one.
        """
        line = cron_line(at, command)
        self._replace(f"{line}\n{without_ours(self.read())}")
        return Installed(self.name, at, [f"your crontab (crontab -l): {line}"])

    def find(self, crontab: str | None = None) -> Installed | None:
        """nervelog's line, if the crontab (read now unless given) has one."""
        if crontab is None:
            if not self.available():
                return None
            crontab = self.read()
        for line in crontab.splitlines():
            if is_ours(line):
                match = _TIME.match(line)
                at = ReminderTime(int(match[2]), int(match[1])) if match else None
                return Installed(self.name, at, [f"your crontab (crontab -l): {line}"])
        return None

    def remove(self) -> Installed | None:
        """Take nervelog's line out; the crontab is then as it was before ``install``."""
        if not self.available():
            return None
        crontab = self.read()
        found = self.find(crontab)
        if found is not None:
            self._replace(without_ours(crontab))
        return found
