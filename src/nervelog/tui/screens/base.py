"""What every full screen shares: a title line, the body, keys and the disclaimer."""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from textual.app import ComposeResult
from textual.screen import Screen
from textual.widgets import Static

from nervelog.tui.widgets.chrome import BottomBar

if TYPE_CHECKING:
    from nervelog.tui.app import NervelogApp


class BaseScreen(Screen[Any]):
    """A full screen with a title line and the footer/disclaimer bar."""

    TITLE_TEXT = ""
    DEFER_FOOTER = False
    """Draw the screen before its key footer (only the first screen shown: see BottomBar)."""

    @property
    def nervelog(self) -> NervelogApp:
        """The app, typed, for its journal and clock."""
        from nervelog.tui.app import NervelogApp

        assert isinstance(self.app, NervelogApp)
        return self.app

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
