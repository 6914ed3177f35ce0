"""The PDF report's chart, drawn in a child process that loads matplotlib meanwhile.

Importing matplotlib takes about 0.6 s, as long as the rest of a report. The child is
started before the journal is read, or, when the command line asks for a PDF report,
before the command line is even parsed (``nervelog.launch``), so that import runs
alongside everything else (``Forked``, issue 7). This module imports nothing heavy,
so starting the child early costs the caller nothing.
"""

from __future__ import annotations

import atexit
from typing import TYPE_CHECKING

from nervelog.render.forked import Forked

if TYPE_CHECKING:
    from nervelog.render.chart_data import ChartData


def _prepare() -> None:
    from nervelog.render.pdf_charts import load_matplotlib

    load_matplotlib()


def _draw(data: ChartData, width_mm: float, height_mm: float, dpi: int) -> tuple[bytes, int]:
    from nervelog.render.pdf_charts import score_charts_png

    return score_charts_png(data, width_mm, height_mm, dpi)


class PendingChart(Forked[["ChartData", float, float, int], tuple[bytes, int]]):
    """``score_charts_png``, drawn in a child process that loads matplotlib meanwhile.

    ``send`` the chart's arguments, then ask for the ``result``: the PNG and how many
    days each plotted point covers.
    """

    def __init__(self) -> None:
        super().__init__(_draw, prepare=_prepare)


_early: PendingChart | None = None


def start_early() -> None:
    """Start the chart's child now, for the report the command line asks for."""
    global _early
    if _early is None:
        _early = PendingChart()
        # Stopped at exit if the command never used it (bad input, --help).
        atexit.register(_early.cancel)


def take_chart() -> PendingChart:
    """The child started early if there is one (once), else a new one."""
    global _early
    chart = _early if _early is not None else PendingChart()
    _early = None
    return chart
