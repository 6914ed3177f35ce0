"""The trends chart: a textual-plotext plot drawn by ``render.terminal_chart.draw_scores``."""

from __future__ import annotations

from rich.text import Text
from textual.app import RenderResult
from textual_plotext import PlotextPlot

from nervelog.domain.scores import Score
from nervelog.render.terminal_chart import DrawnChart, draw_scores
from nervelog.tui.trend_data import TrendView


class ScoreChart(PlotextPlot):
    """Shows one ``TrendView``; at most one point per column."""

    def __init__(self, *, id: str | None = None) -> None:
        super().__init__(id=id)
        self.view: TrendView | None = None
        self.scores: tuple[Score, ...] = ()
        self.drawn: DrawnChart | None = None
        self.drawn_key: str | None = None
        """Which range and scores the last frame showed (tests wait on it)."""

    def show(self, view: TrendView, scores: tuple[Score, ...]) -> None:
        """Draw ``view`` for ``scores`` on the next frame."""
        self.view = view
        self.scores = scores
        self.refresh()

    def render(self) -> RenderResult:
        """Plot the view at the widget's size (textual-plotext turns it into text)."""
        view = self.view
        width, height = self.size.width, self.size.height
        if view is None or width < 10 or height < 5:
            return Text("Loading the journal…", style="italic")
        self.drawn = draw_scores(
            self.plt,
            [view.series[s] for s in self.scores],
            width,
            height=height,
            session_kinds=view.session_kinds,
            medicine_days={c.date for c in view.medicine_changes},
            event_days={e.date for e in view.events},
        )
        rendered = super().render()
        self.drawn_key = f"{view.range.key}:{','.join(self.scores)}"
        return rendered
