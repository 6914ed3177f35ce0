"""Sessions: add, edit and delete through the form; problems shown in the form."""

from __future__ import annotations

from dataclasses import replace

import pendulum
from textual.widgets import Input
from tui_helpers import AppFactory, screen_text

from nervelog.domain.models import Session
from nervelog.domain.scores import Scores
from nervelog.storage import Journal
from nervelog.tui.screens.dialogs import ConfirmScreen
from nervelog.tui.screens.session_form import SessionFormScreen
from nervelog.tui.screens.sessions import SessionsScreen

TODAY = pendulum.date(2026, 11, 22)


async def fill(pilot: object, app: object, field: str, value: str) -> None:
    """Type ``value`` into one field of the open session form."""
    from textual.pilot import Pilot

    assert isinstance(pilot, Pilot)
    widget = pilot.app.screen.query_one(f"#f-{field}", Input)
    widget.focus()
    widget.value = ""
    await pilot.press(*value)


async def test_add_a_session(welcomed: Journal, make_app: AppFactory) -> None:
    app = make_app(welcomed)
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.press("s", "a")
        await pilot.pause()
        assert isinstance(app.screen, SessionFormScreen)
        await pilot.press(*"mass", "right")  # accept the suggestion "massage"
        await fill(pilot, app, "time", "10:30")
        await fill(pilot, app, "duration_min", "45")
        await fill(pilot, app, "provider", "Sam [b]O[/b]")
        await fill(pilot, app, "body_areas", "left foot; right calf")
        await fill(pilot, app, "before_pain", "6")
        await fill(pilot, app, "after_pain", "3")
        await pilot.press("ctrl+s")
        await pilot.pause()
        assert isinstance(app.screen, SessionsScreen)
        assert "Sam [b]O[/b]" in screen_text(app)
        assert "1 session since" in screen_text(app)
    [stored] = welcomed.sessions()
    assert stored.date == TODAY and stored.kind == "massage" and stored.time == "10:30"
    assert stored.duration_min == 45 and stored.provider == "Sam [b]O[/b]"
    assert stored.body_areas == ("left foot", "right calf")
    assert stored.before == Scores(pain=6) and stored.after == Scores(pain=3)


async def test_problems_are_listed_in_the_form(welcomed: Journal, make_app: AppFactory) -> None:
    app = make_app(welcomed)
    async with app.run_test(size=(100, 40)) as pilot:
        await pilot.press("s", "a")
        await pilot.pause()
        await fill(pilot, app, "date", "2026-13-01")
        await fill(pilot, app, "time", "25:00")
        await fill(pilot, app, "duration_min", "900")
        await fill(pilot, app, "after_pain", "11")
        await pilot.press("ctrl+s")
        await pilot.pause()
        assert isinstance(app.screen, SessionFormScreen)
        shown = screen_text(app)
        for field in ("date:", "kind:", "time:", "duration_min:", "after_pain:"):
            assert field in shown, field
        assert app.screen.query_one("#f-time").has_class("-problem")
        # Fixing them saves.
        await fill(pilot, app, "date", "yesterday")
        await fill(pilot, app, "kind", "Feldenkrais")
        await fill(pilot, app, "time", "")
        await fill(pilot, app, "duration_min", "")
        await fill(pilot, app, "after_pain", "")
        await pilot.press("ctrl+s")
        await pilot.pause()
        assert isinstance(app.screen, SessionsScreen)
    [stored] = welcomed.sessions()
    assert stored.kind == "Feldenkrais" and stored.date == TODAY.subtract(days=1)


async def test_edit_a_session(welcomed: Journal, make_app: AppFactory) -> None:
    welcomed.add_session(Session(TODAY.subtract(days=2), "massage", duration_min=30))
    app = make_app(welcomed)
    async with app.run_test() as pilot:
        await pilot.press("s", "e")
        await pilot.pause()
        assert isinstance(app.screen, SessionFormScreen)
        await fill(pilot, app, "duration_min", "50")
        await fill(pilot, app, "provider", "City Physio")
        await pilot.press("ctrl+s")
        await pilot.pause()
    [stored] = welcomed.sessions()
    assert stored.duration_min == 50 and stored.provider == "City Physio"
    assert [c.action for c in welcomed.history("session")] == ["insert", "update"]


async def test_cancel_leaves_the_session_alone(welcomed: Journal, make_app: AppFactory) -> None:
    welcomed.add_session(Session(TODAY, "massage"))
    app = make_app(welcomed)
    async with app.run_test() as pilot:
        await pilot.press("s", "enter")
        await pilot.pause()
        await fill(pilot, app, "kind", "acupuncture")
        await pilot.press("escape")
        await pilot.pause()
        assert isinstance(app.screen, SessionsScreen)
    assert [s.kind for s in welcomed.sessions()] == ["massage"]


async def test_delete_a_session_after_confirming(welcomed: Journal, make_app: AppFactory) -> None:
    welcomed.add_session(Session(TODAY, "massage"))
    welcomed.add_session(Session(TODAY.subtract(days=1), "TENS"))
    app = make_app(welcomed)
    async with app.run_test() as pilot:
        await pilot.press("s", "d")
        await pilot.pause()
        assert isinstance(app.screen, ConfirmScreen)
        await pilot.press("n")  # changed my mind
        await pilot.pause()
        assert len(welcomed.sessions()) == 2
        await pilot.press("d", "y")
        await pilot.pause()
        assert "TENS" in screen_text(app)
    assert [s.kind for s in welcomed.sessions()] == ["TENS"]


async def test_older_sessions_load_as_the_list_scrolls(
    welcomed: Journal, make_app: AppFactory
) -> None:
    for weeks in range(0, 150):
        welcomed.add_session(Session(TODAY.subtract(weeks=weeks), "massage"))
    app = make_app(welcomed)
    async with app.run_test() as pilot:
        await pilot.press("s")
        await pilot.pause()
        screen = app.screen
        assert isinstance(screen, SessionsScreen)
        first = len(screen.loaded)
        assert first < 150
        await pilot.press("ctrl+end")
        await pilot.pause()
        assert len(screen.loaded) > first


async def test_a_save_based_on_an_old_list_is_refused_and_keeps_what_was_typed(
    welcomed: Journal, make_app: AppFactory
) -> None:
    first = welcomed.add_session(
        Session(TODAY.subtract(days=2), "massage", time="10:00", duration_min=45)
    )
    app = make_app(welcomed)
    async with app.run_test() as pilot:
        await pilot.press("s")
        await pilot.pause()
        # Meanwhile, on the command line: `nervelog session edit 1 time=10:30 duration_min=50`.
        welcomed.update_session(replace(first, time="10:30", duration_min=50))
        await pilot.press("e")
        await pilot.pause()
        assert isinstance(app.screen, SessionFormScreen)
        await fill(pilot, app, "provider", "City Physio")
        await pilot.press("ctrl+s")
        await pilot.pause()
        # Refused, said so, and the form is still open with what was typed.
        assert isinstance(app.screen, SessionFormScreen)
        shown = screen_text(app)
        assert "Not saved" in shown and "changed elsewhere" in shown
        assert app.screen.query_one("#f-provider", Input).value == "City Physio"
    [stored] = welcomed.sessions()
    assert (stored.time, stored.duration_min, stored.provider) == ("10:30", 50, "")
