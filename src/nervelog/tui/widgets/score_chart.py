"""The trends chart: a textual-plotext plot drawn by ``render.terminal_chart.draw_scores``."""

from __future__ import annotations

from rich.text import Text
from textual.app import RenderResult
from textual_plotext import PlotextPlot

from nervelog.domain.scores import Score
from nervelog.render.terminal_chart import DrawnChart, draw_scores
from nervelog.tui.trend_data import TrendView


class ScoreChart(PlotextPlot):
    """Shows one ``TrendView``; redraws (cheaply, at most one point per column) on resize."""

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
        if self.view is None:
            return Text("Loading the journal…", style="italic")
        width, height = self.size.width, self.size.height
        view = self.view
        self.drawn = draw_scores(
            self.plt,
            [view.series[s] for s in self.scores],
            {s: view.rolling[s] for s in self.scores},
            view.session_days,
            width,
            height=height,
        )
        result = super().render()
        self.drawn_key = f"{view.range.key}:{','.join(self.scores)}"
        return result
