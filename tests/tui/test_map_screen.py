"""The Map screen: mark where tingling is felt, save, reopen and see it again."""

from __future__ import annotations

import pendulum
from textual.widgets import Static
from tui_helpers import AppFactory, screen_text

from nervelog.domain.body_map import REGIONS
from nervelog.storage import Journal
from nervelog.tui.screens.body_map import MapScreen

TODAY = pendulum.date(2026, 11, 22)


def down_to(region: str, current: str = REGIONS[0]) -> list[str]:
    """The arrow presses from one region to another."""
    return ["down"] * (REGIONS.index(region) - REGIONS.index(current))


async def test_mark_tingling_in_both_soles_and_the_left_fingers(
    welcomed: Journal, make_app: AppFactory
) -> None:
    app = make_app(welcomed)
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.press("w")
        await pilot.pause()
        assert isinstance(app.screen, MapScreen)
        await pilot.press("v")  # numbness -> tingling
        await pilot.press(*down_to("sole"), "b")
        await pilot.press(*down_to("fingers", "sole"), "l")
        await pilot.press("ctrl+s")
        await pilot.pause()
        assert "Saved the map from 22 Nov 2026." in screen_text(app)
    stored = welcomed.maps.on(TODAY)
    assert stored is not None and stored.of("tingling") == {"sole": "both", "fingers": "left"}

    app = make_app(welcomed)  # reopened: the map is there
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.pause()
        assert "map last updated 22 Nov (w: the map)" in screen_text(app)
        await pilot.press("w")
        await pilot.pause()
        listed = str(app.screen.query_one("#map-regions", Static).render())
        assert "tingling: sole (both sides), left fingers" in listed
        assert "Map last changed: 22 Nov 2026" in listed


async def test_a_click_marks_the_side_clicked(welcomed: Journal, make_app: AppFactory) -> None:
    from nervelog.render.body_figure import figure

    rows = figure({})
    row, column = next(
        (y, x)
        for y, cells in enumerate(rows)
        for x, cell in enumerate(cells)
        if cell.region == "knee" and cell.side == "right"
    )
    app = make_app(welcomed)
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.press("w")
        await pilot.pause()
        await pilot.click("#figure", offset=(column, row))
        await pilot.pause()
        assert "numbness: right knee" in str(app.screen.query_one("#map-regions", Static).render())
