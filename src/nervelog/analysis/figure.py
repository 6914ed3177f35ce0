"""A figure with the number of values behind it, and the one way means are taken."""

from __future__ import annotations

import math
from collections.abc import Iterable, Sequence
from typing import NamedTuple


class Figure(NamedTuple):
    """A mean and how many values stand behind it; ``mean`` is ``None`` when ``n`` is 0."""

    mean: float | None
    n: int

    @property
    def present(self) -> bool:
        """True when there was at least one value."""
        return self.mean is not None


NO_FIGURE = Figure(None, 0)


def mean_of(values: Iterable[float | None]) -> float | None:
    """The mean of the values that are present, or ``None`` when there are none.

    Skipped values (``None``) are left out, never counted as 0. ``fsum`` and a clamp to
    the smallest and largest value keep rounding from pushing a mean outside its inputs.
    """
    return _mean([v for v in values if v is not None])


def figure_of(values: Iterable[float | None]) -> Figure:
    """The mean of the present values, with their count."""
    present = [v for v in values if v is not None]
    return Figure(_mean(present), len(present))


def _mean(present: list[float]) -> float | None:
    if not present:
        return None
    mean = math.fsum(present) / len(present)
    return min(max(mean, min(present)), max(present))


def run_figure(values: Sequence[float | None], first: int, stop: int) -> Figure:
    """The mean (with its n) of a run of consecutive days, ``values[first:stop]``.

    ``values`` holds one item per calendar day, ``None`` for a gap. The run is clipped
    to them: days before the first or after the last count as missing. Rolling, weekly
    and monthly means, chart buckets, the change and the windows around sessions all
    take their means here.
    """
    return figure_of(values[max(first, 0) : max(stop, 0)])


def signed(value: float | None) -> str:
    """A difference at one decimal with its sign (``+1.5``, ``-0.3``), ``–`` for none.

    One that rounds to nothing reads ``0.0``: a ``-0.0`` would read as a fall.
    """
    if value is None:
        return "–"
    text = f"{value:+.1f}"
    return "0.0" if text in ("+0.0", "-0.0") else text
