"""The unlock screen: an encrypted journal's passphrase, asked before anything shows.

A small app of its own, run before the journal app: nothing of the journal exists in
the process until the passphrase has opened it.
"""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

from textual.app import App, ComposeResult
from textual.containers import Vertical
from textual.widgets import Footer, Input, Static

from nervelog.domain.disclaimer import DISCLAIMER

TRIES = 3
Attempt = Callable[[str], str | None]
"""Tries a passphrase: None when it opened the journal, else what went wrong."""


class UnlockApp(App[bool]):
    """Asks for the passphrase; exits True once it opens the journal, False after three."""

    TITLE = "nervelog"
    CSS = """
    Vertical { width: 64; height: auto; margin: 2 4; }
    #unlock-title { text-style: bold; margin-bottom: 1; }
    #unlock-message { color: $error; height: auto; margin-top: 1; }
    #unlock-disclaimer { margin-top: 2; text-style: bold; }
    """
    BINDINGS = [("escape", "give_up", "Quit")]

    def __init__(self, path: Path, attempt: Attempt) -> None:
        super().__init__()
        self.path = path
        self.attempt = attempt
        self.tries_left = TRIES

    def compose(self) -> ComposeResult:
        """Title, which journal, the hidden field, a line for mistakes, the disclaimer."""
        with Vertical():
            yield Static("This journal is encrypted.", id="unlock-title")
            yield Static(f"Passphrase for {self.path}:")
            yield Input(password=True, placeholder="passphrase", id="passphrase")
            yield Static("", id="unlock-message")
            yield Static(DISCLAIMER, id="unlock-disclaimer")
        yield Footer()

    def on_input_submitted(self, event: Input.Submitted) -> None:
        """Try the passphrase; after the last wrong one, leave with False."""
        problem = self.attempt(event.value)
        if problem is None:
            self.exit(True)
            return
        self.tries_left -= 1
        if self.tries_left == 0:
            self.exit(False)
            return
        tries = "1 try" if self.tries_left == 1 else f"{self.tries_left} tries"
        self.query_one("#unlock-message", Static).update(f"{problem} {tries} left.")
        event.input.value = ""

    def action_give_up(self) -> None:
        """Esc: leave without opening the journal."""
        self.exit(False)
