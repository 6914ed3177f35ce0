"""Every screen at 80x24 and 120x40 on the demo journal with a fixed clock.

Update after an intended change with ``pytest tests/tui --snapshot-update`` and look at
the report before committing.
"""

from __future__ import annotations

from collections.abc import Awaitable, Callable

import pytest
from textual.pilot import Pilot
from tui_helpers import wait_for

from nervelog.domain.dates import FixedClock
from nervelog.storage import Journal, memory_journal
from nervelog.tui.app import NervelogApp
from nervelog.tui.widgets.score_chart import ScoreChart

SIZES = [(80, 24), (120, 40)]


async def _chart_drawn(pilot: Pilot[None]) -> None:
    await pilot.press("t")
    chart = pilot.app.screen.query_one(ScoreChart)
    await wait_for(pilot, lambda: chart.drawn_key is not None)


async def _nothing(pilot: Pilot[None]) -> None:
    await pilot.pause()


SCREENS: dict[str, tuple[str, ...] | Callable[[Pilot[None]], Awaitable[None]]] = {
    "checkin": ("4", "down", "1", "0", "down", "x", "n", *"Slept badly."),
    "journal": ("j",),
    "sessions": ("s",),
    "session_form": ("s", "a"),
    "trends": _chart_drawn,  # with the medicine (*) and event (!) marks and their list
    "medicines": ("m",),
    "medicine_form": ("m", "a"),
    "map": ("w", "v"),  # the demo's tingling: toes, left fingers and palm
    "help": ("question_mark",),
    "unsaved": ("3", "q"),
}


@pytest.mark.parametrize("size", SIZES, ids=lambda s: f"{s[0]}x{s[1]}")
@pytest.mark.parametrize("screen", list(SCREENS))
def test_screen(
    screen: str, size: tuple[int, int], snap_compare: object, demo: Journal, clock: FixedClock
) -> None:
    action = SCREENS[screen]
    press: tuple[str, ...] = action if isinstance(action, tuple) else ()
    run_before = _nothing if isinstance(action, tuple) else action
    app = NervelogApp(demo, clock)
    assert snap_compare(app, press=press, terminal_size=size, run_before=run_before)  # type: ignore[operator]


@pytest.mark.parametrize("size", SIZES, ids=lambda s: f"{s[0]}x{s[1]}")
def test_welcome(size: tuple[int, int], snap_compare: object, clock: FixedClock) -> None:
    app = NervelogApp(memory_journal(clock), clock)
    assert snap_compare(app, terminal_size=size)  # type: ignore[operator]


def test_checkin_light_theme(snap_compare: object, demo: Journal, clock: FixedClock) -> None:
    demo.set_setting("theme", "textual-light")
    app = NervelogApp(demo, clock)
    assert snap_compare(app, press=("5",), terminal_size=(80, 24))  # type: ignore[operator]


def test_trends_no_color(
    snap_compare: object, demo: Journal, clock: FixedClock, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("NO_COLOR", "1")
    app = NervelogApp(demo, clock)
    assert snap_compare(app, terminal_size=(80, 24), run_before=_chart_drawn)  # type: ignore[operator]


def test_map_no_color(
    snap_compare: object, demo: Journal, clock: FixedClock, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("NO_COLOR", "1")  # regions marked by the symptom's letter
    app = NervelogApp(demo, clock)
    assert snap_compare(app, press=("w", "v"), terminal_size=(80, 24))  # type: ignore[operator]


@pytest.mark.parametrize("size", SIZES, ids=lambda s: f"{s[0]}x{s[1]}")
def test_summary(
    size: tuple[int, int],
    snap_compare: object,
    demo: Journal,
    clock: FixedClock,
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    # The screen names the folder exports go to: make it the same on every machine.
    monkeypatch.chdir("/tmp")
    app = NervelogApp(demo, clock)

    async def preview_shown(pilot: Pilot[None]) -> None:
        await pilot.press("r")
        await wait_for(pilot, lambda: "Symptom journal summary" in _screen_text(pilot.app))

    assert snap_compare(app, terminal_size=size, run_before=preview_shown)  # type: ignore[operator]


def _screen_text(app: object) -> str:
    from tui_helpers import screen_text

    assert isinstance(app, NervelogApp)
    return screen_text(app)
