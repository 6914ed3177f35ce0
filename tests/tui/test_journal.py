"""The journal screen: a month at a time, open a day to edit, delete with confirmation."""

from __future__ import annotations

import pendulum
from tui_helpers import AppFactory, screen_text

from nervelog.domain.models import Entry
from nervelog.domain.scores import Scores
from nervelog.storage import Journal
from nervelog.tui.screens.checkin import CheckinScreen
from nervelog.tui.screens.dialogs import ConfirmScreen
from nervelog.tui.screens.journal import JournalScreen

YESTERDAY = pendulum.date(2026, 11, 21)


async def test_month_calendar_and_table(demo: Journal, make_app: AppFactory) -> None:
    app = make_app(demo)
    async with app.run_test(size=(120, 40)) as pilot:
        await pilot.press("j")
        await pilot.pause()
        screen = app.screen
        assert isinstance(screen, JournalScreen)
        shown = screen_text(app)
        assert "November 2026 · pain (lower is better)" in shown
        assert "•" in shown  # session days are marked
        # Only the month on screen was read.
        assert len(screen.entries) <= 30
        assert all(d.month == 11 for d in screen.entries)
        await pilot.press("v")
        await pilot.pause()
        assert "mobility (higher is better)" in screen_text(app)
        await pilot.press("left_square_bracket")
        await pilot.pause()
        assert "October 2026" in screen_text(app)
        assert all(d.month == 10 for d in screen.entries)


async def test_open_a_day_to_edit_it(demo: Journal, make_app: AppFactory) -> None:
    before = demo.entry(YESTERDAY)
    assert before is not None
    app = make_app(demo)
    async with app.run_test() as pilot:
        await pilot.press("j", "left", "enter")
        await pilot.pause()
        assert isinstance(app.screen, CheckinScreen)
        assert "(yesterday)" in screen_text(app)
        await pilot.press("down", "down", "1", "ctrl+s")
        await pilot.pause()
    after = demo.entry(YESTERDAY)
    assert after is not None
    assert after.scores == before.scores.replace(pain=1)
    assert after.notes == before.notes


async def test_delete_a_day_after_confirming(welcomed: Journal, make_app: AppFactory) -> None:
    welcomed.save_entry(Entry(YESTERDAY, Scores(1, 2, 3, 4), "gone soon"))
    app = make_app(welcomed)
    async with app.run_test() as pilot:
        await pilot.press("j", "left", "d")
        await pilot.pause()
        assert isinstance(app.screen, ConfirmScreen)
        await pilot.press("escape")
        await pilot.pause()
        assert welcomed.entry(YESTERDAY) is not None
        await pilot.press("d", "y")
        await pilot.pause()
        assert "0 of 30 days" in screen_text(app)
    assert welcomed.entry(YESTERDAY) is None
    assert welcomed.history("entry")[-1].action == "delete"


async def test_saving_a_check_in_shows_up_in_the_journal(
    welcomed: Journal, make_app: AppFactory
) -> None:
    app = make_app(welcomed)
    async with app.run_test(size=(120, 40)) as pilot:
        await pilot.press("j")
        await pilot.pause()
        assert "0 of 30 days" in screen_text(app)
        await pilot.press("c", "7", "ctrl+s", "j")
        await pilot.pause()
        assert "1 of 30 days" in screen_text(app)


async def test_notes_and_kinds_are_shown_literally(welcomed: Journal, make_app: AppFactory) -> None:
    from nervelog.domain.models import Session

    welcomed.save_entry(Entry(YESTERDAY, Scores(1, 2, 3, 4), "[red]x[/red] \x1b[2J"))
    welcomed.add_session(Session(YESTERDAY, "[bold]TENS\x07", notes="\x1b]0;title\x07"))
    app = make_app(welcomed)
    async with app.run_test(size=(120, 40)) as pilot:
        await pilot.press("j")
        await pilot.pause()
        shown = screen_text(app)
        assert "[red]x[/red] \\x1b[2J" in shown
        assert "\x1b" not in shown
        await pilot.press("s")
        await pilot.pause()
        shown = screen_text(app)
        assert "[bold]TENS\\x07" in shown and "\\x1b]0;title\\x07" in shown
        assert "\x1b" not in shown and "\x07" not in shown


async def test_the_palette_opens_the_selected_day(demo: Journal, make_app: AppFactory) -> None:
    app = make_app(demo)
    async with app.run_test(size=(120, 40)) as pilot:
        await pilot.press("j", "left")  # the day before today
        await pilot.pause()
        screen = app.screen
        assert isinstance(screen, JournalScreen)
        [edit] = [c for c in screen.palette_commands() if c.title == "Edit the selected day"]
        edit.callback()
        await pilot.pause()
        await pilot.pause()
        assert isinstance(app.screen, CheckinScreen)
        assert app.screen.day == YESTERDAY
