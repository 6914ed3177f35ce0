"""Start an app, wait for its first screen: one timed run for run.py.

    python benchmarks/tui_start.py bare             # Header, Footer, one Static, headless
    python benchmarks/tui_start.py floor            # the same after importing nervelog's stack
    python benchmarks/tui_start.py nervelog JOURNAL # nervelog until the check-in shows its scores
    python benchmarks/tui_start.py bare --terminal  # in the real terminal; stays up until killed

Headless runs exit as soon as the first screen is drawn and print nothing; the caller times
the whole process. Terminal runs are for tmux: the caller polls the pane for ``READY_TEXT``
(or, for nervelog itself, started as ``nervelog --db JOURNAL``, for "Mobility").
"""

from __future__ import annotations

import sys

READY_TEXT = "Hello from the bare app"
# The stack-floor app imports these first: what nervelog's first screen needs besides
# Textual (charts load with Trends). run.py's TUI budget compares against that app.
STACK = ("sqlite_utils", "pendulum", "click", "platformdirs")


def bare_app(floor: bool, headless: bool) -> None:
    """The baseline apps."""
    if floor:
        import importlib

        for name in STACK:
            importlib.import_module(name)
    from textual.app import App, ComposeResult
    from textual.pilot import Pilot
    from textual.widgets import Footer, Header, Static

    class Bare(App[None]):
        def compose(self) -> ComposeResult:
            yield Header()
            yield Static(READY_TEXT)
            yield Footer()

    async def first_frame(pilot: Pilot[object]) -> None:
        await pilot.pause()
        pilot.app.exit()

    if headless:
        Bare().run(headless=True, size=(100, 30), auto_pilot=first_frame)
    else:
        Bare().run()


def nervelog_app(path: str) -> None:
    """nervelog, exactly as ``nervelog --db PATH`` builds it, until the check-in is drawn."""
    import gc
    from pathlib import Path

    gc.disable()  # as nervelog.launch starts; the app turns it back on after its first frame

    from textual.pilot import Pilot

    from nervelog.domain.dates import SystemClock
    from nervelog.storage import open_journal
    from nervelog.tui.app import NervelogApp

    clock = SystemClock()
    app = NervelogApp(open_journal(Path(path), clock), clock, journal_path=Path(path))

    async def first_frame(pilot: Pilot[object]) -> None:
        await pilot.pause()
        # The check-in is the first screen: its four score rows must be on it.
        shown = "\n".join(s.text for s in pilot.app.screen._compositor.render_strips())
        assert "Mobility" in shown, "check-in not shown"
        pilot.app.exit()

    app.run(headless=True, size=(100, 30), auto_pilot=first_frame)


if __name__ == "__main__":
    kind = sys.argv[1]
    if kind == "nervelog":
        nervelog_app(sys.argv[2])
    else:
        bare_app(floor=kind == "floor", headless="--terminal" not in sys.argv)
