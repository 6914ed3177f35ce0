"""Trends: switching ranges redraws the chart with the range's figures."""

from __future__ import annotations

from textual.widgets import Static
from tui_helpers import AppFactory, screen_text, wait_for

from nervelog.storage import Journal
from nervelog.tui.screens.trends import TrendsScreen
from nervelog.tui.widgets.score_chart import ScoreChart


async def test_switch_chart_ranges(demo: Journal, make_app: AppFactory) -> None:
    app = make_app(demo)
    async with app.run_test(size=(120, 40)) as pilot:
        await pilot.press("t")
        await pilot.pause()
        assert isinstance(app.screen, TrendsScreen)
        chart = app.screen.query_one(ScoreChart)
        await wait_for(pilot, lambda: chart.drawn_key == "3m:numbness,tingling,pain,mobility")
        expected = {"1": ("2w", 14), "2": ("1m", 31), "4": ("6m", None), "6": ("all", None)}
        for key, (name, days) in expected.items():
            await pilot.press(key)
            await wait_for(pilot, lambda name=name: (chart.drawn_key or "").startswith(name))
            shown = screen_text(app)
            assert f"[{key}:{name}]" in shown
            if days is not None:
                assert f"of {days} days logged" in shown
            # Never more points than the chart has columns.
            assert chart.drawn is not None
            assert chart.drawn.max_points <= chart.size.width
            assert len(chart.drawn.buckets) <= chart.size.width
        shown = screen_text(app)
        assert "lower is better" in shown and "higher is better" in shown
        figures = str(app.screen.query_one("#figures-text", Static).render())
        assert "does not show that the session caused it" in figures
        assert "massage (" in figures and "(n " in figures
        await pilot.press("left")
        await wait_for(pilot, lambda: (chart.drawn_key or "").startswith("12m"))


async def test_one_score_at_a_time(demo: Journal, make_app: AppFactory) -> None:
    app = make_app(demo)
    async with app.run_test(size=(120, 40)) as pilot:
        await pilot.press("t")
        chart = app.screen.query_one(ScoreChart)
        await pilot.press("v", "v", "v")
        await wait_for(pilot, lambda: chart.drawn_key == "3m:pain")
        assert "Pain: lower is better" in screen_text(app)


async def test_empty_journal_has_an_empty_chart(welcomed: Journal, make_app: AppFactory) -> None:
    app = make_app(welcomed)
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.press("t")
        chart = app.screen.query_one(ScoreChart)
        await wait_for(pilot, lambda: chart.drawn_key is not None)
        assert "0 of 1 days logged" in screen_text(app)
        await pilot.press("6")
        await wait_for(pilot, lambda: (chart.drawn_key or "").startswith("all"))


async def test_the_change_stands_beside_the_day_to_day_swing(
    welcomed: Journal, make_app: AppFactory
) -> None:
    import pendulum

    from nervelog.domain.models import Entry, Session
    from nervelog.domain.scores import Scores

    start = pendulum.date(2026, 11, 9)  # "2w" ends on the fixed today, 2026-11-22
    for offset, pain in enumerate([6, 7, 6, 7, 6, 7, 6, 4, 5, 4, 5, 4, 5, 4]):
        welcomed.save_entry(Entry(start.add(days=offset), Scores(pain=pain)))
    welcomed.add_session(Session(start.add(days=1), "massage"))
    app = make_app(welcomed)
    async with app.run_test(size=(120, 40)) as pilot:
        await pilot.press("t", "1")
        chart = app.screen.query_one(ScoreChart)
        await wait_for(pilot, lambda: (chart.drawn_key or "").startswith("2w"))
        figures = str(app.screen.query_one("#figures-text", Static).render())
        # Halves of 14 days: 45/7 = 6.4 and 31/7 = 4.4; 13 consecutive pairs: twelve
        # differences of 1 and one of 2, so the median is 1.0.
        assert "Change, first vs second half" in figures
        assert (
            "pain (lower is better): 6.4 → 4.4, 2.0 points lower, n=7/7; "
            "usual day-to-day swing 1.0 (n=13)"
        ) in figures.replace("\n", " ")
        assert "No stretch without sessions at the start of this range." in figures
