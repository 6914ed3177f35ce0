"""Helpers for the app tests: the screen as plain text."""

from __future__ import annotations

from collections.abc import Callable

from textual.app import App

from nervelog.tui.app import NervelogApp

AppFactory = Callable[..., NervelogApp]


def screen_text(app: App[object]) -> str:
    """What the terminal shows right now, as plain text lines (top screen only)."""
    strips = app.screen._compositor.render_strips()
    return "\n".join(strip.text.rstrip() for strip in strips)
