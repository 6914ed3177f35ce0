"""The check-in, driven with the keyboard: what ends up stored is what the user typed."""

from __future__ import annotations

import pendulum
from textual.widgets import TextArea
from tui_helpers import AppFactory, screen_text

from nervelog.domain.disclaimer import DISCLAIMER
from nervelog.domain.scores import Scores
from nervelog.storage import Journal
from nervelog.tui.app import WELCOMED
from nervelog.tui.screens.checkin import CheckinScreen
from nervelog.tui.screens.dialogs import UnsavedScreen
from nervelog.tui.screens.welcome import WelcomeScreen

TODAY = pendulum.date(2026, 11, 22)
YESTERDAY = pendulum.date(2026, 11, 21)


async def test_first_run_shows_the_welcome_once(journal: Journal, make_app: AppFactory) -> None:
    app = make_app(journal)
    async with app.run_test(size=(100, 40)) as pilot:
        await pilot.pause()
        assert isinstance(app.screen, WelcomeScreen)
        shown = screen_text(app)
        assert "no feeling at all" in shown and "higher is better" in shown
        assert "(in memory)" in shown
        await pilot.press("enter")
        await pilot.pause()
        assert isinstance(app.screen, CheckinScreen)
    assert journal.setting(WELCOMED) == "yes"

    app = make_app(journal)
    async with app.run_test() as pilot:
        await pilot.pause()
        assert isinstance(app.screen, CheckinScreen)


async def test_log_today_with_four_scores_and_a_note(
    welcomed: Journal, make_app: AppFactory
) -> None:
    app = make_app(welcomed)
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.pause()
        assert "(today)" in screen_text(app)
        await pilot.press("3", "down", "1", "0", "down", "6", "right", "down", "4", "left")
        await pilot.press("n", *"Walked to the shop.", "enter", *"[bold]not bold[/bold]")
        await pilot.press("ctrl+s")
        await pilot.pause()
    entry = welcomed.entry(TODAY)
    assert entry is not None
    assert entry.scores == Scores(numbness=3, tingling=10, pain=7, mobility=3)
    assert entry.notes == "Walked to the shop.\n[bold]not bold[/bold]"


async def test_typed_check_in_waits_while_another_screen_is_open(
    welcomed: Journal, make_app: AppFactory
) -> None:
    app = make_app(welcomed)
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.press("6", "n", *"Half typed", "escape", "j")
        await pilot.pause()
        assert not isinstance(app.screen, CheckinScreen)
        await pilot.press("c")
        await pilot.pause()
        assert "Half typed" in screen_text(app)
        await pilot.press("ctrl+s")
        await pilot.pause()
    entry = welcomed.entry(TODAY)
    assert entry is not None and entry.scores.numbness == 6 and entry.notes == "Half typed"


async def test_skip_a_score_stores_it_empty_not_zero(
    welcomed: Journal, make_app: AppFactory
) -> None:
    app = make_app(welcomed)
    async with app.run_test() as pilot:
        await pilot.press("2", "down", "x", "down", "5", "down", "8", "ctrl+s")
        await pilot.pause()
        assert "skipped" in screen_text(app)
    entry = welcomed.entry(TODAY)
    assert entry is not None
    assert entry.scores == Scores(numbness=2, tingling=None, pain=5, mobility=8)


async def test_backfill_yesterday(welcomed: Journal, make_app: AppFactory) -> None:
    app = make_app(welcomed)
    async with app.run_test() as pilot:
        await pilot.press("left_square_bracket")
        await pilot.pause()
        assert "(yesterday)" in screen_text(app)
        await pilot.press("4", "down", "4", "down", "4", "down", "6", "ctrl+s")
        await pilot.pause()
        await pilot.press("right_square_bracket", "right_square_bracket")  # not past today
        await pilot.pause()
        assert "(today)" in screen_text(app)
    entry = welcomed.entry(YESTERDAY)
    assert entry is not None and entry.backfilled
    assert entry.scores == Scores(4, 4, 4, 6)
    assert welcomed.entry(TODAY) is None


async def test_edit_a_day_updates_it_and_history_keeps_the_old(
    welcomed: Journal, make_app: AppFactory
) -> None:
    from nervelog.domain.models import Entry

    welcomed.save_entry(Entry(TODAY, Scores(5, 5, 5, 5), "first"))
    app = make_app(welcomed)
    async with app.run_test() as pilot:
        await pilot.pause()
        shown = screen_text(app)
        assert "Saved" in shown
        await pilot.press("down", "down", "2", "ctrl+s")
        await pilot.pause()
    entry = welcomed.entry(TODAY)
    assert entry is not None
    assert entry.scores == Scores(5, 5, 2, 5) and entry.notes == "first"
    updates = [c for c in welcomed.history("entry") if c.action == "update"]
    assert updates and updates[-1].old is not None and updates[-1].old["pain"] == 5


async def test_yesterday_is_shown_but_never_prefilled(
    welcomed: Journal, make_app: AppFactory
) -> None:
    from nervelog.domain.models import Entry

    welcomed.save_entry(Entry(YESTERDAY, Scores(7, 7, 7, 7)))
    app = make_app(welcomed)
    async with app.run_test(size=(100, 30)) as pilot:
        await pilot.pause()
        assert "yesterday: 7" in screen_text(app)
        await pilot.press("n", *"only a note", "ctrl+s")
        await pilot.pause()
    entry = welcomed.entry(TODAY)
    assert entry is not None and entry.scores.is_empty and entry.notes == "only a note"


async def test_quit_with_unsaved_changes_asks_and_can_discard(
    welcomed: Journal, make_app: AppFactory
) -> None:
    app = make_app(welcomed)
    async with app.run_test() as pilot:
        await pilot.press("6", "j", "q")
        await pilot.pause()
        assert isinstance(app.screen, UnsavedScreen)
        assert app.is_running
        await pilot.press("escape")  # stay
        await pilot.pause()
        assert isinstance(app.screen, CheckinScreen)
        await pilot.press("q", "d")
        await pilot.pause()
    assert not app.is_running
    assert welcomed.entry(TODAY) is None


async def test_quit_with_unsaved_changes_can_save(welcomed: Journal, make_app: AppFactory) -> None:
    app = make_app(welcomed)
    async with app.run_test() as pilot:
        await pilot.press("6", "q", "s")
        await pilot.pause()
    assert not app.is_running
    entry = welcomed.entry(TODAY)
    assert entry is not None and entry.scores.numbness == 6


async def test_moving_day_with_unsaved_changes_asks(
    welcomed: Journal, make_app: AppFactory
) -> None:
    app = make_app(welcomed)
    async with app.run_test() as pilot:
        await pilot.press("6", "left_square_bracket")
        await pilot.pause()
        assert isinstance(app.screen, UnsavedScreen)
        await pilot.press("d")
        await pilot.pause()
        assert "(yesterday)" in screen_text(app)
    assert welcomed.entry(TODAY) is None


async def test_notes_are_shown_literally(welcomed: Journal, make_app: AppFactory) -> None:
    from nervelog.domain.models import Entry

    welcomed.save_entry(Entry(TODAY, Scores(1, 1, 1, 1), "[bold]x[/bold] \x1b[31mred"))
    app = make_app(welcomed)
    async with app.run_test(size=(100, 30)) as pilot:
        await pilot.pause()
        note = app.screen.query_one("#note", TextArea)
        assert note.text == "[bold]x[/bold] \\x1b[31mred"
        assert "\x1b[31mred" not in screen_text(app)
        # Saving an untouched note keeps what was typed, escape character included.
        await pilot.press("down", "2", "ctrl+s")
        await pilot.pause()
    entry = welcomed.entry(TODAY)
    assert entry is not None and entry.notes == "[bold]x[/bold] \x1b[31mred"


async def test_disclaimer_on_every_main_screen(demo: Journal, make_app: AppFactory) -> None:
    app = make_app(demo)
    async with app.run_test(size=(120, 40)) as pilot:
        for key in ("c", "j", "s", "t", "question_mark"):
            await pilot.press(key)
            await pilot.pause()
            assert DISCLAIMER in screen_text(app), key
