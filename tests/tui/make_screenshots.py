"""Write the README screenshots (docs/checkin.svg, trends.svg, map.svg) from the demo journal.

Run from the project folder: ``.venv/bin/python tests/tui/make_screenshots.py``.
"""

from __future__ import annotations

import asyncio
import sys
from pathlib import Path

import pendulum

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE))

from tui_helpers import wait_for  # noqa: E402

from nervelog.domain.dates import FixedClock  # noqa: E402
from nervelog.storage import memory_journal  # noqa: E402
from nervelog.storage.demo import load_demo  # noqa: E402
from nervelog.tui.app import WELCOMED, NervelogApp  # noqa: E402
from nervelog.tui.widgets.score_chart import ScoreChart  # noqa: E402

DOCS = HERE.parents[1] / "docs"
CLOCK = FixedClock(pendulum.datetime(2026, 11, 22, 9, 30, tz="Europe/London"))


async def shoot(name: str, keys: tuple[str, ...], size: tuple[int, int]) -> None:
    """Open the demo, press ``keys`` and save the screen as ``docs/{name}.svg``."""
    journal = memory_journal(CLOCK)
    load_demo(journal)
    journal.set_setting(WELCOMED, "yes")
    app = NervelogApp(journal, CLOCK)
    async with app.run_test(size=size) as pilot:
        await pilot.press(*keys)
        if app.current_mode == "trends":
            chart = app.screen.query_one(ScoreChart)
            await wait_for(pilot, lambda: chart.drawn_key is not None)
        await pilot.pause()
        app.save_screenshot(filename=f"{name}.svg", path=str(DOCS))


async def main() -> None:
    """Every screenshot."""
    DOCS.mkdir(exist_ok=True)
    await shoot("checkin", ("4", "down", "3", "down", "5", "down", "6", "n", *"Walked"), (100, 30))
    await shoot("trends", ("t", "2"), (120, 36))
    await shoot("map", ("w", "v", *["down"] * 9), (100, 26))


if __name__ == "__main__":
    asyncio.run(main())
