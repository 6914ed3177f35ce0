"""What every full screen shares: a title line, the body, keys and the disclaimer."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from textual.app import ComposeResult
from textual.screen import Screen
from textual.widgets import Static

from nervelog.tui.context import AppContext
from nervelog.tui.problems import Attempt
from nervelog.tui.screens.dialogs import ConfirmScreen
from nervelog.tui.widgets.chrome import BottomBar


class BaseScreen(Screen[Any]):
    """A full screen with a title line and the footer/disclaimer bar, built from its context."""

    TITLE_TEXT = ""
    STATUS_LINE = ""
    """The id of the line that repeats a failed delete's message until the next reload."""

    def __init__(self, ctx: AppContext, *, id: str | None = None) -> None:
        super().__init__(id=id)
        self.ctx = ctx
        """The journal, clock and paths this screen works with."""

    def compose(self) -> ComposeResult:
        yield Static(self.TITLE_TEXT, id="title", markup=False)
        yield from self.compose_body()
        yield BottomBar()

    def compose_body(self) -> ComposeResult:
        """The screen's own widgets."""
        yield from ()

    def set_title(self, text: str) -> None:
        """Change the title line."""
        self.query_one("#title", Static).update(text)

    def reload(self) -> None:
        """Read what the screen shows from the journal again (screens that show data)."""

    def delete_after_asking(
        self, question: str, delete: Callable[[], bool], deleted: str, gone: str
    ) -> None:
        """Ask ``question``; on yes run ``delete`` (False: it was already gone) and reload.

        A journal that refuses the delete leaves the record in place and says why.
        """

        def answered(yes: bool | None) -> None:
            if not yes:
                return
            with Attempt(self, "Deleting", self.ctx.journal) as attempt:
                existed = delete()
            if attempt.failed:
                # The record is still there; the notification says why, and so does the
                # screen, for a reader who missed the notification.
                if self.STATUS_LINE:
                    self.query_one(self.STATUS_LINE, Static).update(
                        f"Not deleted: {attempt.message}"
                    )
                return
            self.ctx.journal_changed()
            self.reload()
            self.notify(deleted if existed else gone, timeout=2 if existed else 4)

        self.app.push_screen(ConfirmScreen(question), answered)


class DataScreen(BaseScreen):
    """A screen showing what the journal holds, read again when it is shown after a write."""

    revision = -1
    """The journal revision read last; -1 before the first read and after a failed one."""

    def on_screen_resume(self) -> None:
        """Reload when the journal changed while this screen was hidden (or a read failed)."""
        if self.revision != self.ctx.revision:
            self.reload()
