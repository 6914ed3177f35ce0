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
    """The footer with the keys, then the disclaimer, docked at the bottom."""

    def compose(self) -> ComposeResult:
        # The palette key is listed in the help; leaving it out keeps 80 columns for our keys.
        yield Footer(compact=True, show_command_palette=False)
        yield DisclaimerBar()
