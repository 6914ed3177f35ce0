"""The bar every screen ends with: the key footer and the disclaimer."""

from __future__ import annotations

from textual.app import ComposeResult
from textual.containers import Vertical
from textual.widgets import Footer, Static

from nervelog.domain.disclaimer import DISCLAIMER


class DisclaimerBar(Static):
    """One line holding the disclaimer, shown on every screen."""

    def __init__(self) -> None:
        super().__init__(DISCLAIMER, markup=False, id="disclaimer")


class BottomBar(Vertical):
    """The footer with the keys, then the disclaimer, docked at the bottom.

    The key footer is the costliest widget on a screen (README, "Performance"). With
    ``defer_footer`` (the first screen the app shows) an empty line holds its place until
    the first frame is drawn: the check-in appears at once, its keys a moment later.
    """

    def __init__(self, *, defer_footer: bool = False) -> None:
        super().__init__()
        self.defer_footer = defer_footer

    def compose(self) -> ComposeResult:
        if self.defer_footer:
            yield Static("", id="footer-slot", markup=False)
        else:
            yield self._footer()
        yield DisclaimerBar()

    def on_mount(self) -> None:
        """Add a deferred key footer once the screen has been drawn."""
        if self.defer_footer:
            self.call_after_refresh(self._mount_footer)

    @staticmethod
    def _footer() -> Footer:
        # The palette key is listed in the help; leaving it out keeps 80 columns for our keys.
        return Footer(compact=True, show_command_palette=False)

    def _mount_footer(self) -> None:
        slots = self.query("#footer-slot")
        if slots:
            self.mount(self._footer(), before=slots.first())
            slots.remove()
