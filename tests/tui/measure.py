"""Measure the app on a ten-year journal, headless: start to first frame, and range switches.

Run from the project folder: ``.venv/bin/python tests/tui/measure.py``. Prints the figures
the issue asks for; not part of the test suite (timings depend on the machine).
"""

from __future__ import annotations

import asyncio
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE))

CHILD = """
import asyncio, sys, time
t0 = time.perf_counter()
sys.path.insert(0, {here!r})
from pathlib import Path
from tenyear import CLOCK
from nervelog.storage import open_journal
from nervelog.tui.app import NervelogApp
t_imports = time.perf_counter()

class Measured(NervelogApp):
    first_frame = None
    def on_mount(self) -> None:
        super().on_mount()
        self.call_after_refresh(self._painted)
    def _painted(self) -> None:
        self.first_frame = time.perf_counter()

async def main() -> None:
    path = Path({path!r})
    app = Measured(open_journal(path, CLOCK), CLOCK, journal_path=path)
    async with app.run_test(size=(80, 24)) as pilot:
        while app.first_frame is None:
            await asyncio.sleep(0.001)
        print(f"{{(t_imports - t0) * 1000:.1f}} {{(app.first_frame - t0) * 1000:.1f}}")
asyncio.run(main())
"""


def first_frame_ms(path: Path, runs: int = 7) -> tuple[float, float, float]:
    """Medians: imports done, first frame (ms from the script's first line), whole process."""
    imports, inner, whole = [], [], []
    for _ in range(runs):
        start = time.perf_counter()
        out = subprocess.run(
            [sys.executable, "-c", CHILD.format(here=str(HERE), path=str(path))],
            capture_output=True,
            text=True,
            check=True,
        )
        whole.append((time.perf_counter() - start) * 1000)
        done, frame = out.stdout.strip().splitlines()[-1].split()
        imports.append(float(done))
        inner.append(float(frame))
    return statistics.median(imports), statistics.median(inner), statistics.median(whole)


async def range_switches(
    path: Path, size: tuple[int, int], rounds: int = 4
) -> tuple[list[float], list[float]]:
    """Milliseconds from a range key until the chart has drawn that range.

    Returns (first visits of each range, all switches).
    """
    from tenyear import CLOCK
    from textual import events
    from tui_helpers import wait_for

    from nervelog.storage import open_journal
    from nervelog.tui.app import NervelogApp
    from nervelog.tui.widgets.score_chart import ScoreChart

    app = NervelogApp(open_journal(path, CLOCK), CLOCK, journal_path=path)
    times: list[float] = []
    first: list[float] = []
    async with app.run_test(size=size) as pilot:
        await pilot.press("t")
        chart = app.screen.query_one(ScoreChart)
        await wait_for(pilot, lambda: chart.drawn_key is not None, timeout=30)
        # The other ranges are computed in the background right after the first draw;
        # a person looks at the first chart for longer than that takes.
        await wait_for(pilot, lambda: all(w.is_finished for w in app.workers), timeout=30)
        keys = ["1", "2", "3", "4", "5", "6"]
        names = ["2w", "1m", "3m", "6m", "12m", "all"]
        for _ in range(rounds):
            for key, name in zip(keys, names, strict=True):
                if (chart.drawn_key or "").startswith(name + ":"):
                    continue
                # The key goes straight to the driver, as a terminal's would: Pilot.press
                # also waits for the process to go idle, which would be counted otherwise.
                event = events.Key(key, key)
                event.set_sender(app)
                start = time.perf_counter()
                assert app._driver is not None
                app._driver.send_message(event)
                while not (chart.drawn_key or "").startswith(name + ":"):
                    await asyncio.sleep(0)
                times.append((time.perf_counter() - start) * 1000)
                if len(times) <= len(keys):
                    first.append(times[-1])
    return first, times


def main() -> None:
    """Build the journal and print the figures."""
    from tenyear import build_ten_years

    folder = Path(tempfile.mkdtemp(prefix="nervelog-measure-"))
    path = build_ten_years(folder / "ten-years.sqlite3")
    imports, inner, whole = first_frame_ms(path)
    print(
        f"start to first frame (80x24, median of 7): {inner:.0f} ms from the first line "
        f"of the program ({imports:.0f} ms of it importing); {whole:.0f} ms for the whole "
        "process including Python start-up and exit"
    )
    for size in ((80, 24), (120, 40)):
        first, times = asyncio.run(range_switches(path, size))
        print(
            f"range switch {size[0]}x{size[1]}: median {statistics.median(times):.1f} ms, "
            f"max {max(times):.1f} ms over {len(times)} switches; first visit of each "
            f"range median {statistics.median(first):.1f} ms, max {max(first):.1f} ms"
        )


if __name__ == "__main__":
    main()
