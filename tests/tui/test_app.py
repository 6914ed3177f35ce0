"""App-wide behaviour: themes, NO_COLOR, the command palette, lazy imports, quitting."""

from __future__ import annotations

import subprocess
import sys

import pytest
from tui_helpers import AppFactory, screen_text

from nervelog.domain.dates import FixedClock
from nervelog.storage import Journal
from nervelog.tui.app import DARK, LIGHT, WELCOMED, NervelogApp
from nervelog.tui.screens.help import HelpScreen


async def test_light_and_dark_theme_is_remembered(welcomed: Journal, make_app: AppFactory) -> None:
    app = make_app(welcomed)
    async with app.run_test() as pilot:
        assert app.theme == DARK
        await pilot.press("ctrl+t")
        await pilot.pause()
        assert app.theme == LIGHT
    app = make_app(welcomed)
    async with app.run_test():
        assert app.theme == LIGHT


async def test_no_color_is_honoured(
    monkeypatch: pytest.MonkeyPatch, demo: Journal, clock: FixedClock
) -> None:
    monkeypatch.setenv("NO_COLOR", "1")
    app = NervelogApp(demo, clock)
    async with app.run_test(size=(80, 24)) as pilot:
        assert app.no_color
        for key in ("j", "s", "t", "c"):
            await pilot.press(key)
            await pilot.pause()
        # Without colour the values are still printed.
        assert "yesterday: 4" in screen_text(app)


async def test_command_palette_lists_every_action(demo: Journal, make_app: AppFactory) -> None:
    app = make_app(demo)
    async with app.run_test(size=(120, 40)) as pilot:
        titles: set[str] = set()
        for key in ("c", "j", "s", "t"):
            await pilot.press(key)
            await pilot.pause()
            titles |= {c.title for c in app.get_system_commands(app.screen)}
    for expected in (
        "Open Check-in",
        "Open Journal",
        "Open Sessions",
        "Open Trends",
        "Help",
        "Light/dark theme",
        "Quit",
        "Save this day",
        "Previous day",
        "Next day",
        "Skip pain",
        "Edit the selected day",
        "Delete the selected day",
        "Colour by the next score",
        "Add a session",
        "Edit the session",
        "Delete the session",
        "Chart range: 2 weeks",
        "Chart range: all",
        "Next score view",
    ):
        assert expected in titles, expected


async def test_palette_runs_a_command(demo: Journal, make_app: AppFactory) -> None:
    app = make_app(demo)
    async with app.run_test(size=(120, 40)) as pilot:
        await pilot.press("ctrl+p")
        await pilot.pause()
        await pilot.press(*"Open Journal")
        await pilot.pause(0.3)
        await pilot.press("enter")
        await pilot.pause()
        assert app.current_mode == "journal"


async def test_help_opens_and_closes(welcomed: Journal, make_app: AppFactory) -> None:
    app = make_app(welcomed)
    async with app.run_test(size=(100, 60)) as pilot:
        await pilot.press("question_mark")
        await pilot.pause()
        assert isinstance(app.screen, HelpScreen)
        assert "set 10 (type them quickly)" in screen_text(app)
        await pilot.press("escape")
        await pilot.pause()
        assert not isinstance(app.screen, HelpScreen)


async def test_q_quits(welcomed: Journal, make_app: AppFactory) -> None:
    app = make_app(welcomed)
    async with app.run_test() as pilot:
        await pilot.press("q")
        await pilot.pause()
    assert not app.is_running


def test_opening_the_app_does_not_import_the_chart_libraries() -> None:
    code = (
        "import sys, nervelog.tui, nervelog.tui.app, nervelog.tui.screens.checkin;"
        "heavy = [m for m in ('plotext', 'textual_plotext', 'fpdf', 'matplotlib')"
        " if m in sys.modules]; print(heavy)"
    )
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    assert out.stdout.strip() == "[]"


def test_importing_run_app_does_not_import_textual() -> None:
    code = "import sys, nervelog.tui; print('textual' in sys.modules)"
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    assert out.stdout.strip() == "False"


async def test_leaving_the_welcome_by_a_screen_key_closes_it(
    journal: Journal, make_app: AppFactory
) -> None:
    app = make_app(journal)
    async with app.run_test() as pilot:
        await pilot.pause()
        assert "Welcome to nervelog" in screen_text(app)
        await pilot.press("j")
        await pilot.pause()
        await pilot.press("c")
        await pilot.pause()
        assert "Welcome to nervelog" not in screen_text(app)
        assert "Check-in" in screen_text(app)
    assert journal.setting(WELCOMED) == "yes"


async def test_the_app_says_once_its_first_screen_is_drawn(
    welcomed: Journal, clock: FixedClock
) -> None:
    # nervelog.launch turns the garbage collector back on then (it is off while loading).
    seen: list[str] = []
    app = NervelogApp(welcomed, clock, shown=lambda: seen.append(screen_text(app)))
    async with app.run_test() as pilot:
        await pilot.pause()
        await pilot.pause()
    assert len(seen) == 1 and "Mobility" in seen[0]
