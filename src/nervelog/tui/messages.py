"""Messages the app's screens and widgets send each other."""

from __future__ import annotations

import pendulum
from textual.message import Message


class JournalChanged(Message):
    """Something in the journal was saved or deleted; screens showing data reload."""


class OpenDay(Message):
    """The user wants to see or edit one day on the check-in screen."""

    def __init__(self, day: pendulum.Date) -> None:
        super().__init__()
        self.day = day
