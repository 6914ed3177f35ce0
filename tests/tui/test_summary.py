"""Summary screen: pick a range and format, read the preview, export with a key."""

from __future__ import annotations

import stat
from pathlib import Path

import pendulum
import pytest
from pypdf import PdfReader
from textual.widgets import Static
from tui_helpers import AppFactory, screen_text, wait_for

from nervelog.domain.care import Event, Medication
from nervelog.domain.dates import FixedClock
from nervelog.domain.disclaimer import DISCLAIMER
from nervelog.domain.models import Entry
from nervelog.domain.scores import Scores
from nervelog.storage import Journal
from nervelog.storage.demo import load_demo
from nervelog.tui.app import WELCOMED, NervelogApp
from nervelog.tui.screens.summary import SummaryScreen


async def open_summary(app: object, pilot: object) -> None:
    """Press the Summary screen's key in the app."""
    from textual.pilot import Pilot

    assert isinstance(app, NervelogApp) and isinstance(pilot, Pilot)
    await pilot.press("r")
    await pilot.pause()
    assert isinstance(app.screen, SummaryScreen)


def preview(app: object) -> str:
    assert isinstance(app, NervelogApp)
    return str(app.screen.query_one("#summary-text", Static).render())


async def test_preview_range_and_export_pdf(
    demo: Journal, make_app: AppFactory, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.chdir(tmp_path)
    app = make_app(demo)
    async with app.run_test(size=(100, 40)) as pilot:
        await open_summary(app, pilot)
        assert isinstance(app.screen, SummaryScreen)
        shown = screen_text(app)
        assert "Summary for your doctor" in shown
        assert "2026-08-25 to 2026-11-22" in shown
        assert DISCLAIMER in shown
        assert "Range: 2026-08-25 to 2026-11-22 (90 days)" in preview(app)

        await pilot.press("1")
        await pilot.pause()
        assert "Range: 2026-10-24 to 2026-11-22 (30 days)" in preview(app)
        assert "[1:30 days]" in screen_text(app)

        await pilot.press("e")
        target = tmp_path / "nervelog-summary-2026-10-24-to-2026-11-22.pdf"
        await wait_for(pilot, lambda: app.screen.written is not None, timeout=30)
        assert app.screen.written == target
        assert stat.S_IMODE(target.stat().st_mode) == 0o600
        first = PdfReader(str(target)).pages[0].extract_text()
        assert "2026-10-24 to 2026-11-22 (30 days)" in first
        await pilot.pause()
        status = str(app.screen.query_one("#summary-status", Static).render())
        assert f"Last written: {target}" in status
        assert "Last written:" in screen_text(app)


async def test_format_key_switches_to_markdown_export(
    demo: Journal, make_app: AppFactory, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.chdir(tmp_path)
    app = make_app(demo)
    async with app.run_test(size=(100, 40)) as pilot:
        await open_summary(app, pilot)
        await pilot.press("f", "f")
        await pilot.pause()
        assert "format: Markdown" in screen_text(app)
        await pilot.press("e")
        await wait_for(pilot, lambda: app.screen.written is not None)
        written = app.screen.written
        assert written is not None and written.suffix == ".md"
        assert written.read_text(encoding="utf-8").startswith("# Symptom journal summary")


async def test_empty_journal_preview_says_so(welcomed: Journal, make_app: AppFactory) -> None:
    app = make_app(welcomed)
    async with app.run_test(size=(100, 40)) as pilot:
        await open_summary(app, pilot)
        assert "No entries or sessions were recorded in this range." in preview(app)
        await pilot.press("5")
        await pilot.pause()
        assert "(1 day)" in preview(app)


async def test_journal_file_is_read_in_the_background(
    file_journal: Journal, journal_path: Path, clock: FixedClock
) -> None:
    load_demo(file_journal)
    file_journal.set_setting(WELCOMED, "yes")
    app = NervelogApp(file_journal, clock, journal_path=journal_path)
    async with app.run_test(size=(100, 40)) as pilot:
        await open_summary(app, pilot)
        screen = app.screen
        assert isinstance(screen, SummaryScreen)
        await wait_for(pilot, lambda: screen.model is not None)
        assert "Range: 2026-08-25 to 2026-11-22 (90 days)" in preview(app)
        await pilot.press("4")
        await wait_for(pilot, lambda: "(365 days)" in preview(app))


async def test_palette_offers_export_format_and_ranges(
    welcomed: Journal, make_app: AppFactory
) -> None:
    app = make_app(welcomed)
    async with app.run_test(size=(100, 40)) as pilot:
        await open_summary(app, pilot)
        screen = app.screen
        assert isinstance(screen, SummaryScreen)
        titles = [c.title for c in screen.palette_commands()]
        assert "Export summary" in titles and "Summary format" in titles
        assert "Summary range: 1 year" in titles


async def test_all_is_the_diary_from_its_first_entry_or_session(
    welcomed: Journal, make_app: AppFactory
) -> None:
    """A medicine, a map or an old injury dated years before the diary began does not
    stretch "all" into years of empty days (the days-logged and change figures would
    then say little); the medicine still shows among those taken now."""
    welcomed.medicines.start(
        Medication("pregabalin", "75 mg", pendulum.date(2019, 3, 1), schedule="twice daily")
    )
    welcomed.events.add(Event(pendulum.date(2021, 6, 1), "injury", "Crushed the left foot"))
    welcomed.maps.set_symptom("numbness", {"toes": "both"}, pendulum.date(2021, 6, 2))
    welcomed.save_entry(Entry(pendulum.date(2026, 11, 20), Scores(pain=6)))
    welcomed.save_entry(Entry(pendulum.date(2026, 11, 22), Scores(pain=5)))
    app = make_app(welcomed)
    async with app.run_test(size=(100, 40)) as pilot:
        await open_summary(app, pilot)
        await pilot.press("5")
        await pilot.pause()
        shown = preview(app)
        assert "Range: 2026-11-20 to 2026-11-22 (3 days)" in shown
        assert "2 of 3" in shown and "pregabalin 75 mg" in shown
