"""The desktop notification: a fixed sentence, never anything from the journal."""

from __future__ import annotations

import os
import shutil
from pathlib import Path

from nervelog import reminder
from nervelog.reminder import REMINDER_TEXT, ReminderError
from nervelog.reminder.system import run_program

TITLE = "nervelog"


def notification_command(platform: str) -> list[str] | None:
    """The program and arguments that show the reminder here, or None if there is none."""
    if platform == "darwin":
        osascript = shutil.which("osascript")
        script = f'display notification "{REMINDER_TEXT}" with title "{TITLE}"'
        return [osascript, "-e", script] if osascript else None
    notify_send = shutil.which("notify-send")
    return [notify_send, "--app-name", TITLE, TITLE, REMINDER_TEXT] if notify_send else None


def session_bus_fallback() -> None:
    """Point notify-send at the user's session bus when cron did not say where it is."""
    bus = Path(f"/run/user/{os.getuid()}/bus")
    if "DBUS_SESSION_BUS_ADDRESS" not in os.environ and bus.exists():
        os.environ["DBUS_SESSION_BUS_ADDRESS"] = f"unix:path={bus}"


def notify() -> None:
    """Show the reminder; ``ReminderError`` when no notifier exists or it fails."""
    platform = reminder.current_platform()
    command = notification_command(platform)
    if command is None:
        wanted = "osascript" if platform == "darwin" else "notify-send (Debian: libnotify-bin)"
        raise ReminderError(f"No way to show a notification: {wanted} is not installed.")
    if platform != "darwin":
        session_bus_fallback()
    try:
        run_program(command)
    except ReminderError as exc:
        raise ReminderError(f"The reminder notification could not be shown. {exc}") from None
