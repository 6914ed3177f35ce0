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


async def wait_for(pilot: object, predicate: Callable[[], bool], timeout: float = 10.0) -> None:
    """Let the app run until ``predicate()`` holds (workers finish, frames are drawn)."""
    import asyncio
    import time

    from textual.pilot import Pilot

    assert isinstance(pilot, Pilot)
    deadline = time.monotonic() + timeout
    while not predicate():
        if time.monotonic() > deadline:
            raise AssertionError("timed out waiting for the app")
        await pilot.pause()
        await asyncio.sleep(0.005)
