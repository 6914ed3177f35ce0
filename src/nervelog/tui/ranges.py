"""The ranges the Trends and Summary screens offer, measured as the command line measures.

A range's key is a ``--last`` span (``6m`` is six calendar months, see ``Span``), so
"6 months" means the same on both screens and in ``nervelog report --last 6m``.
"""

from __future__ import annotations

from typing import NamedTuple

import pendulum

from nervelog.domain.dates import parse_span

ALL = "all"


class Range(NamedTuple):
    """A range the user can pick: a ``--last`` span such as ``3m``, or ``all``."""

    key: str
    label: str

    def start(self, today: pendulum.Date, first: pendulum.Date) -> pendulum.Date:
        """The first day of this range ending today (``first`` for "all")."""
        if self.key == ALL:
            return min(first, today)
        return parse_span(self.key).start(today)


def stepped(ranges: tuple[Range, ...], key: str, step: int) -> str:
    """The key ``step`` places from ``key`` (shorter is -1), stopping at either end."""
    keys = [r.key for r in ranges]
    return keys[max(0, min(len(keys) - 1, keys.index(key) + step))]


TREND_RANGES: tuple[Range, ...] = (
    Range("2w", "2 weeks"),
    Range("1m", "1 month"),
    Range("3m", "3 months"),
    Range("6m", "6 months"),
    Range("12m", "12 months"),
    Range(ALL, "all"),
)
SUMMARY_RANGES: tuple[Range, ...] = (
    Range("30d", "30 days"),
    Range("90d", "90 days"),
    Range("6m", "6 months"),
    Range("1y", "1 year"),
    Range(ALL, "all"),
)
