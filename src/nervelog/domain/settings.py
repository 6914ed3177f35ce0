"""The journal's settings: what each one is for and which values it accepts."""

from __future__ import annotations

from typing import NamedTuple

import pendulum

from nervelog.domain.dates import EARLIEST_DAY, WEEK_STARTS, parse_iso_date
from nervelog.domain.errors import Problem


class Setting(NamedTuple):
    """One setting: its default, what it does, and what it accepts (for messages)."""

    key: str
    default: str
    about: str
    allowed: str


SETTINGS: dict[str, Setting] = {
    s.key: s
    for s in (
        Setting(
            "display_name", "", "your name, printed on reports", "one line of up to 80 characters"
        ),
        Setting(
            "date_of_birth",
            "",
            "printed on reports for filing (optional)",
            "a date YYYY-MM-DD, not in the future",
        ),
        Setting(
            "patient_id",
            "",
            "an identifier printed on reports for filing, e.g. a clinic number (optional)",
            "one line of up to 40 characters",
        ),
        Setting("paper_size", "a4", "the PDF report's paper", "a4 or letter"),
        Setting(
            "week_start",
            "monday",
            "the first day of a week in weekly means",
            "monday, sunday or saturday",
        ),
    )
}
"""The settings a user may change, in the order ``nervelog settings`` lists them."""

_LENGTH = {"display_name": 80, "patient_id": 40}


def setting_named(key: str) -> Setting:
    """The setting called ``key``; raises ``ValidationError`` listing the names."""
    setting = SETTINGS.get(key)
    if setting is None:
        raise Problem("setting", key, "one of " + ", ".join(SETTINGS)).error()
    return setting


def parse_setting(key: str, value: str, today: pendulum.Date) -> str:
    """The value to store for ``key``; raises ``ValidationError`` naming what is allowed."""
    setting = setting_named(key)
    text = value.strip()
    problem = Problem(key, value, setting.allowed)
    if key in _LENGTH:
        # Here, not at the top: the journal reads the defaults above on every command,
        # and `nervelog log` does not load wcwidth (domain.text).
        from nervelog.domain.printable import printable_line

        if len(text) > _LENGTH[key] or printable_line(text) != text:
            raise problem.error()
        return text
    if key == "date_of_birth":
        if not text:
            return ""
        try:
            day = parse_iso_date(text)
        except ValueError:
            raise problem.error() from None
        if not EARLIEST_DAY <= day <= today:
            raise problem.error()
        return day.isoformat()
    allowed = ("a4", "letter") if key == "paper_size" else tuple(WEEK_STARTS)
    if text.lower() not in allowed:
        raise problem.error()
    return text.lower()
