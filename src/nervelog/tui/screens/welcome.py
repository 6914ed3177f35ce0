"""The first-run welcome: the four scales, where the journal is kept, the disclaimer."""

from __future__ import annotations

from pathlib import Path
from typing import ClassVar

from rich.text import Text
from textual.app import ComposeResult
from textual.binding import Binding, BindingType
from textual.containers import VerticalScroll
from textual.screen import Screen
from textual.widgets import Button, Static

from nervelog.domain.disclaimer import DISCLAIMER
from nervelog.domain.printable import printable
from nervelog.domain.scores import RECALL_PERIOD, SCORES
from nervelog.tui.widgets.chrome import BottomBar


def welcome_text(journal_place: str) -> Text:
    """What a first-time user reads: the scales, the file, the disclaimer."""
    text = Text()
    text.append("Welcome to nervelog\n\n", style="bold")
    text.append(
        "Once a day, rate four scores from 0 to 10, "
        f"{RECALL_PERIOD}. Skip any you are unsure of.\n\n"
    )
    for score in SCORES:
        text.append(f"  {score.label}", style="bold")
        text.append(f" ({score.direction})\n", style="italic")
        text.append(f"      0 = {score.low_anchor} · 10 = {score.high_anchor}\n")
    text.append("\nYour journal is kept in one file on this computer; nothing is sent anywhere:\n")
    text.append(f"  {printable(journal_place)}\n\n")
    text.append(DISCLAIMER, style="bold")
    text.append("\n\nPress Enter to start, ? for the keys.")
    return text


class WelcomeScreen(Screen[None]):
    """Shown once, until the user has read it (stored as a journal setting)."""

    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("enter,escape", "start", "Start"),
    ]

    def __init__(self, journal_path: Path | None) -> None:
        super().__init__()
        self.journal_path = journal_path

    def compose(self) -> ComposeResult:
        place = str(self.journal_path) if self.journal_path else "(in memory)"
        with VerticalScroll(id="welcome"):
            yield Static(welcome_text(place), id="welcome-text")
            yield Button("Start", id="start", variant="primary")
        yield BottomBar()

    def on_button_pressed(self, event: Button.Pressed) -> None:
        """The Start button closes the welcome."""
        event.stop()
        self.dismiss(None)

    def action_start(self) -> None:
        """Close the welcome."""
        self.dismiss(None)
