"""What every full screen shares: a title line, the body, keys and the disclaimer."""

from __future__ import annotations

from typing import Any

from textual.app import ComposeResult
from textual.screen import Screen
from textual.widgets import Static

from nervelog.tui.context import AppContext
from nervelog.tui.widgets.chrome import BottomBar


class BaseScreen(Screen[Any]):
    """A full screen with a title line and the footer/disclaimer bar, built from its context."""

    TITLE_TEXT = ""
    DEFER_FOOTER = False
    """Draw the screen before its key footer (only the first screen shown: see BottomBar)."""

    def __init__(self, ctx: AppContext, *, id: str | None = None) -> None:
        super().__init__(id=id)
        self.ctx = ctx
        """The journal, clock and paths this screen works with."""

    def compose(self) -> ComposeResult:
        yield Static(self.TITLE_TEXT, id="title", markup=False)
        yield from self.compose_body()
        yield BottomBar(defer_footer=self.DEFER_FOOTER)

    def compose_body(self) -> ComposeResult:
        """The screen's own widgets."""
        yield from ()

    def set_title(self, text: str) -> None:
        """Change the title line."""
        self.query_one("#title", Static).update(text)
