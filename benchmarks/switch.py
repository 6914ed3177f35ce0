"""Chart range switches on a journal, headless: one child process for run.py.

    python benchmarks/switch.py JOURNAL ROUNDS

Opens nervelog on the check-in, goes to Trends, waits for the first chart and for the
background pre-computation of the other ranges (a person looks at the first chart for
longer than that takes), then presses each range key ``ROUNDS`` times and prints one JSON
object: ``{"Medicines": [ms, ...], "Map": [...], "2w": [...], "1m": [...], ...}``.
The Medicines and Map screens are timed the same way, from the check-in, first. Each figure runs from the key reaching the
app until the chart has drawn that range. The parent reads this process's peak RSS, so the
run also visits the other main screens, as a day's use would.
"""

from __future__ import annotations

import asyncio
import json
import sys
import time
from collections.abc import Callable
from functools import partial
from pathlib import Path
from typing import Any

RANGES = (("1", "2w"), ("2", "1m"), ("3", "3m"), ("4", "6m"), ("5", "12m"), ("6", "all"))
SCREENS = (("m", "MedicinesScreen", "Medicines"), ("w", "MapScreen", "Map"))


async def until(pilot: object, predicate: Callable[[], bool], timeout: float = 60.0) -> None:
    """Let the app run until ``predicate()`` holds."""
    from textual.pilot import Pilot

    assert isinstance(pilot, Pilot)
    deadline = time.monotonic() + timeout
    while not predicate():
        if time.monotonic() > deadline:
            raise AssertionError("timed out waiting for the app")
        await pilot.pause()
        await asyncio.sleep(0.005)


def _key(app: Any, key: str) -> float:
    """Send ``key`` straight to the driver, as a terminal would; the moment it was sent.

    Pilot.press also waits for the app to go idle, which would be counted too.
    """
    from textual import events

    event = events.Key(key, key)
    event.set_sender(app)
    assert app._driver is not None
    start = time.perf_counter()
    app._driver.send_message(event)
    return start


def _shown(app: Any, screen: str) -> bool:
    """``screen`` is current, mounted, and has loaded what it shows."""
    current = app.screen
    return (
        type(current).__name__ == screen
        and current.is_mounted
        and all(w.is_finished for w in app.workers)
    )


async def screen_switches(pilot: Any, app: Any, rounds: int) -> dict[str, list[float]]:
    """Milliseconds from the key to the Medicines and Map screens being shown, the first
    visit (the screen is built then) included."""
    times: dict[str, list[float]] = {name: [] for _, _, name in SCREENS}
    for _ in range(rounds):
        for key, screen, name in SCREENS:
            start = _key(app, key)
            while not _shown(app, screen):
                await asyncio.sleep(0)
            times[name].append((time.perf_counter() - start) * 1000)
            await pilot.press("c")
            await until(pilot, lambda: type(app.screen).__name__ == "CheckinScreen")
    return times


def _not_showing(chart: Any, name: str) -> bool:
    return not (chart.drawn_key or "").startswith(name + ":")


async def measure(path: Path, rounds: int) -> dict[str, list[float]]:
    """Milliseconds per range switch, by range name."""
    from nervelog.domain.dates import SystemClock
    from nervelog.storage import open_journal
    from nervelog.tui.app import NervelogApp
    from nervelog.tui.widgets.score_chart import ScoreChart

    clock = SystemClock()
    app = NervelogApp(open_journal(path, clock), clock, journal_path=path)
    times: dict[str, list[float]] = {name: [] for _, name in RANGES}
    async with app.run_test(size=(100, 30)) as pilot:
        screens = await screen_switches(pilot, app, rounds)
        # The rest of a day's use first, so the peak RSS covers every main screen.
        for key in ("j", "s", "c"):
            await pilot.press(key)
            await until(pilot, lambda: all(w.is_finished for w in app.workers))
        await pilot.press("t")
        chart = app.screen.query_one(ScoreChart)
        await until(pilot, lambda: chart.drawn_key is not None)
        await until(pilot, lambda: all(w.is_finished for w in app.workers))
        for _ in range(rounds):
            for key, name in RANGES:
                if (chart.drawn_key or "").startswith(name + ":"):
                    # Already showing (the first chart): go elsewhere first so it counts.
                    await pilot.press("1" if key != "1" else "2")
                    await until(pilot, partial(_not_showing, chart, name))
                start = _key(app, key)
                while not (chart.drawn_key or "").startswith(name + ":"):
                    await asyncio.sleep(0)
                times[name].append((time.perf_counter() - start) * 1000)
                await pilot.pause()
    return {**screens, **times}


if __name__ == "__main__":
    result = asyncio.run(measure(Path(sys.argv[1]), int(sys.argv[2])))
    print(json.dumps(result))
