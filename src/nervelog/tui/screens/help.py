"""Every key of every screen, in one place (``?``)."""

from __future__ import annotations

from typing import ClassVar

from rich.table import Table
from textual.app import ComposeResult
from textual.binding import Binding, BindingType
from textual.containers import VerticalScroll
from textual.screen import Screen
from textual.widgets import Static

from nervelog.tui.screens import MAIN_SCREENS
from nervelog.tui.widgets.chrome import BottomBar

KEYS: tuple[tuple[str, tuple[tuple[str, str], ...]], ...] = (
    (
        "Everywhere",
        (
            *((spec.key, f"{spec.title}: {spec.description.lower()}") for spec in MAIN_SCREENS),
            ("?", "this help"),
            ("ctrl+p", "command palette: every action by name"),
            ("ctrl+t", "light or dark theme"),
            ("q", "quit (asks first if a check-in is not saved)"),
        ),
    ),
    (
        "Check-in",
        (
            ("↑ ↓ / tab", "move between the scores and the note"),
            ("0 … 9", "set the score"),
            ("1 then 0", "set 10 (type them quickly)"),
            ("← → / - +", "adjust the score by one"),
            ("x", "skip the score (stored empty, never as 0)"),
            ("n / esc", "write the note / back to the scores"),
            ("[  ]", "previous / next day, to backfill or correct"),
            ("ctrl+s", "save the day"),
        ),
    ),
    (
        "Journal",
        (
            ("arrows", "move through the calendar"),
            ("[  ]", "previous / next month"),
            ("enter", "open the day to edit it"),
            ("d", "delete the day's entry (asks first)"),
            ("v", "colour the calendar by the next score"),
        ),
    ),
    (
        "Sessions",
        (
            ("↑ ↓", "move through the list (older ones load as you go)"),
            ("a", "add a session"),
            ("enter / e", "edit the session"),
            ("d", "delete the session (asks first)"),
            ("ctrl+s / esc", "in the form: save / cancel"),
        ),
    ),
    (
        "Trends",
        (
            ("1 … 6", "range: 2 weeks, 1, 3, 6, 12 months, all"),
            ("← →", "shorter / longer range"),
            ("v", "all four scores, or one score with its 7-day mean"),
        ),
    ),
)


def keys_table() -> Table:
    """The key reference as a table."""
    table = Table(box=None, show_header=False, padding=(0, 2, 0, 0))
    table.add_column("key", style="bold", no_wrap=True)
    table.add_column("what")
    for section, keys in KEYS:
        table.add_row(f"[u]{section}[/u]", "")
        for key, what in keys:
            table.add_row(key, what)
        table.add_row("", "")
    return table


class HelpScreen(Screen[None]):
    """The keys of every screen; escape or ? closes it."""

    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("escape,question_mark", "close", "Close"),
    ]

    def compose(self) -> ComposeResult:
        yield Static("Help · keys", id="title", markup=False)
        with VerticalScroll(id="help"):
            yield Static(keys_table())
        yield BottomBar()

    def action_close(self) -> None:
        """Back to where the user was."""
        self.dismiss(None)
