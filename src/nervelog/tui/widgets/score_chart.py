"""The trends chart: a textual-plotext plot drawn by ``render.terminal_chart.draw_scores``.

The plot is turned straight into strips (Textual's line API) and the strips of each
range are kept, so a range switch costs one plotext build at most, often nothing.
"""

from __future__ import annotations

from rich.segment import Segment
from rich.style import Style
from textual.geometry import Region
from textual.strip import Strip
from textual_plotext import PlotextPlot

from nervelog.domain.scores import Score
from nervelog.render.terminal_chart import DrawnChart, draw_scores
from nervelog.tui.trend_data import TrendView
from nervelog.tui.widgets.ansi import ansi_to_strips

FRAME_CACHE = 24
"""Drawn frames kept, so going back to a range seen at this size costs nothing."""


class ScoreChart(PlotextPlot):
    """Shows one ``TrendView``; at most one point per column."""

    def __init__(self, *, id: str | None = None) -> None:
        super().__init__(id=id)
        self.view: TrendView | None = None
        self.scores: tuple[Score, ...] = ()
        self.drawn: DrawnChart | None = None
        self.drawn_key: str | None = None
        """Which range and scores the last frame showed (tests wait on it)."""
        self._frames: dict[tuple[object, ...], tuple[list[Strip], DrawnChart]] = {}
        self._strips: list[Strip] = []

    def show(self, view: TrendView, scores: tuple[Score, ...]) -> None:
        """Draw ``view`` for ``scores`` on the next frame."""
        self.view = view
        self.scores = scores
        self.refresh()

    def _frame(self) -> list[Strip]:
        """The strips of the current view at the current size, built or cached."""
        view = self.view
        width, height = self.size.width, self.size.height
        if view is None or width < 10 or height < 5:
            return [Strip([Segment("Loading the journal…", Style(italic=True))])]
        theme = self._get_plotext_theme_name(self.app.theme)
        key = (view, self.scores, width, height, theme)
        frame = self._frames.get(key)
        if frame is None:
            drawn = draw_scores(
                self.plt,
                [view.series[s] for s in self.scores],
                width,
                height=height,
                session_kinds=view.session_kinds,
                medicine_days={c.date for c in view.medicine_changes},
                event_days={e.date for e in view.events},
            )
            self.plt.plotsize(width, height)
            self.plt._set_size(width, height)  # as PlotextPlot.render does, for resizes
            self.plt.theme(theme)
            frame = (ansi_to_strips(self.plt.build(), width), drawn)
            if len(self._frames) >= FRAME_CACHE:
                self._frames.pop(next(iter(self._frames)))
            self._frames[key] = frame
        strips, self.drawn = frame
        self.drawn_key = f"{view.range.key}:{','.join(self.scores)}"
        return strips

    def render_lines(self, crop: Region) -> list[Strip]:
        """Build the frame once per refresh, then hand out its lines."""
        self._strips = self._frame()
        return super().render_lines(crop)

    def render_line(self, y: int) -> Strip:
        """One line of the chart."""
        if y < len(self._strips):
            return self._strips[y]
        return Strip.blank(self.size.width, Style())
