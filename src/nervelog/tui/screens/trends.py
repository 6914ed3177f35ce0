"""Trends: the four scores over a chosen range, with change and session figures beside.

The journal is read on the app's thread and the figures computed in a worker thread; a
range switch uses cached figures when it can, and the chart never plots more points
than columns.
"""

from __future__ import annotations

from collections.abc import Iterable
from functools import partial
from typing import ClassVar

import pendulum
from textual import work
from textual.app import ComposeResult, SystemCommand
from textual.binding import Binding, BindingType
from textual.containers import Container, VerticalScroll
from textual.events import Resize
from textual.widgets import Static
from textual.worker import Worker, WorkerState, get_current_worker

from nervelog.domain.care import Event, Medication
from nervelog.domain.models import Entry, Session
from nervelog.domain.scores import SCORES, Score
from nervelog.tui.context import AppContext
from nervelog.tui.problems import Attempt, problem_message
from nervelog.tui.ranges import TREND_RANGES, stepped
from nervelog.tui.screens.base import DataScreen
from nervelog.tui.trend_data import DEFAULT_RANGE, TrendData
from nervelog.tui.trend_text import figures_text, range_bar
from nervelog.tui.widgets.score_chart import ScoreChart

NARROW = 110
"""Below this width the figures go under the chart instead of beside it."""
VIEWS: tuple[tuple[Score, ...], ...] = (SCORES, *((s,) for s in SCORES))


class TrendsScreen(DataScreen):
    """Charts over 2 weeks to all time; 1-6 pick the range, v picks the scores."""

    CSS_PATH = "trends.tcss"

    TITLE_TEXT = "Trends"
    BINDINGS: ClassVar[list[BindingType]] = [
        *(
            Binding(str(i), f"range('{r.key}')", r.label, show=False)
            for i, r in enumerate(TREND_RANGES, start=1)
        ),
        # Priority: the figures panel scrolls with ↑/↓, but ←/→ always change the range.
        Binding("left", "step(-1)", "Range", key_display="← →", priority=True),
        Binding("right", "step(1)", "Longer", show=False, priority=True),
        Binding("v", "scores", "Scores"),
    ]

    def __init__(self, ctx: AppContext) -> None:
        super().__init__(ctx, id="trends")
        self.range_key = DEFAULT_RANGE
        self.view_index = 0
        self.data: TrendData | None = None

    def compose_body(self) -> ComposeResult:
        yield Static(range_bar(self.range_key, VIEWS[0]), id="range-bar")
        with Container(id="trends-body"):
            yield ScoreChart(id="chart")
            with VerticalScroll(id="figures"):
                yield Static("", id="figures-text")

    @property
    def chart(self) -> ScoreChart:
        """The chart widget."""
        return self.query_one(ScoreChart)

    def on_mount(self) -> None:
        """Read the journal and compute the figures in the background."""
        self.reload()

    def on_resize(self, event: Resize) -> None:
        """Figures beside the chart when there is room, under it otherwise."""
        self.set_class(event.size.width < NARROW, "-narrow")

    def reload(self) -> None:
        """Read every entry and session, then compute the figures in a worker thread.

        The journal is read here, on the thread that owns its connection; the worker
        gets plain records, so file and in-memory journals take the same path.
        """
        ctx = self.ctx
        journal = ctx.journal
        with Attempt(self, "Reading the journal", journal) as attempt:
            entries, sessions = journal.entries(), journal.sessions()
            courses, events = journal.medicines.courses(), journal.events.list()
        if attempt.failed:
            self._failed(str(attempt.message))
            return
        self.revision = ctx.revision
        self._build(entries, sessions, ctx.clock.today(), courses, events)

    @work(thread=True, exclusive=True, group="load", exit_on_error=False)
    def _build(
        self,
        entries: list[Entry],
        sessions: list[Session],
        today: pendulum.Date,
        courses: list[Medication],
        events: list[Event],
    ) -> None:
        data = TrendData(entries, sessions, today, courses, events)
        data.view(self.range_key)
        if not get_current_worker().is_cancelled:
            self.app.call_from_thread(self._loaded, data)

    def _loaded(self, data: TrendData) -> None:
        self.data = data
        self._show()
        self._prefetch()

    @work(thread=True, exclusive=True, group="prefetch", exit_on_error=False)
    def _prefetch(self) -> None:
        """Compute every range's figures ahead, so switching only redraws."""
        data = self.data
        if data is None:
            return
        for r in TREND_RANGES:
            if get_current_worker().is_cancelled or data is not self.data:
                return
            data.view(r.key)

    @work(thread=True, exclusive=True, group="range", exit_on_error=False)
    def _compute(self, key: str) -> None:
        data = self.data
        if data is None:
            return
        data.view(key)
        if not get_current_worker().is_cancelled:
            self.app.call_from_thread(self._show)

    def on_worker_state_changed(self, event: Worker.StateChanged) -> None:
        """A computation that failed leaves a message here; the rest of the app goes on.

        A failed computation ahead of time (another range) leaves the chart shown alone:
        that range reports its own problem if the user picks it.
        """
        if event.state != WorkerState.ERROR or event.worker.error is None:
            return
        error = event.worker.error
        message = problem_message(error, "Computing the trends", self.ctx.journal)
        if event.worker.group == "prefetch":
            self.log.error(message)
            return
        self.notify(message, title="Trends", severity="error", timeout=15)
        self._failed(message)

    def _failed(self, message: str) -> None:
        self.revision = -1  # try again next time the screen is shown
        self.query_one("#figures-text", Static).update(
            f"The trends cannot be shown: {message}\nThe rest of nervelog works as usual."
        )

    def _show(self) -> None:
        """Draw the selected range (computing it in a thread when not cached yet)."""
        scores = VIEWS[self.view_index]
        self.query_one("#range-bar", Static).update(range_bar(self.range_key, scores))
        if self.data is None:
            return
        view = self.data.cached(self.range_key)
        if view is None:
            self._compute(self.range_key)
            return
        self.chart.show(view, scores)
        self.query_one("#figures-text", Static).update(figures_text(view, scores))

    # -- actions -----------------------------------------------------------------------

    def action_range(self, key: str) -> None:
        """Show another range."""
        self.range_key = key
        self._show()

    def action_step(self, step: int) -> None:
        """Shorter or longer range."""
        self.action_range(stepped(TREND_RANGES, self.range_key, step))

    def action_scores(self) -> None:
        """All four scores, then each alone with its 7-day mean."""
        self.view_index = (self.view_index + 1) % len(VIEWS)
        self._show()

    def palette_commands(self) -> Iterable[SystemCommand]:
        """This screen's actions for the command palette."""
        for i, r in enumerate(TREND_RANGES, start=1):
            yield SystemCommand(
                f"Chart range: {r.label}",
                f"Trends over {r.label} ({i})",
                partial(self.action_range, r.key),
            )
        yield SystemCommand("Next score view", "All four, or one at a time (v)", self.action_scores)
