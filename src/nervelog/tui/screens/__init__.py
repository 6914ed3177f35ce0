"""The app's main screens, each opened by one key and kept alive as a Textual mode.

Screens are imported only when first opened, so start-up loads just the check-in
(the trends screen, and with it plotext, is imported when the user presses ``t``).
"""

from __future__ import annotations

import importlib
from typing import Any, NamedTuple

from textual.screen import Screen

from nervelog.tui.context import AppContext


class MainScreen(NamedTuple):
    """One main screen: the key that opens it, its mode name, title and where it lives."""

    key: str
    mode: str
    title: str
    module: str
    cls: str
    description: str
    footer: str = ""
    """A shorter title for the key footer, where 80 columns hold every screen's key."""

    @property
    def footer_label(self) -> str:
        """What the key footer says for this screen."""
        return self.footer or self.title

    def load(self, ctx: AppContext) -> Screen[Any]:
        """Import the screen's module and build the screen from the app's context."""
        screen: Screen[Any] = getattr(importlib.import_module(self.module), self.cls)(ctx)
        return screen


_S = "nervelog.tui.screens."

# One line per screen gives it a mode, a key in the footer, a help line and a
# command-palette entry.
MAIN_SCREENS: tuple[MainScreen, ...] = (
    MainScreen("c", "checkin", "Check-in", _S + "checkin", "CheckinScreen", "Rate a day"),
    MainScreen("j", "journal", "Journal", _S + "journal", "JournalScreen", "Calendar and days"),
    MainScreen("s", "sessions", "Sessions", _S + "sessions", "SessionsScreen", "Therapy sessions"),
    MainScreen(
        "m",
        "medicines",
        "Medicines",
        _S + "medicines",
        "MedicinesScreen",
        "Medicines, events, questions",
        footer="Meds",
    ),
    MainScreen("w", "map", "Map", _S + "body_map", "MapScreen", "Where it is felt"),
    MainScreen("t", "trends", "Trends", _S + "trends", "TrendsScreen", "Charts over time"),
    MainScreen("r", "summary", "Summary", _S + "summary", "SummaryScreen", "The doctor's summary"),
)
