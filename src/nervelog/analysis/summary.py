"""The period summary: per score mean (n), min and max; coverage; sessions by kind."""

from __future__ import annotations

from collections.abc import Iterable
from typing import NamedTuple

import pendulum

from nervelog.analysis.figure import mean_of
from nervelog.domain.models import Entry, Session
from nervelog.domain.scores import SCORES, Score


class ScoreSummary(NamedTuple):
    """One score over a period; every field is ``None`` (and ``n`` 0) when never recorded."""

    score: Score
    mean: float | None
    n: int
    min: int | None
    max: int | None


class Recording(NamedTuple):
    """How far the diary can be trusted: when its entries were written, by count."""

    on_the_day: int
    next_day: int
    later: int
    later_median_days: float | None
    """For the entries written later than the next day: the median days after the day."""
    imported: int
    """Entries from a spreadsheet: their recording time is unknown."""

    def text(self) -> str:
        """``on the day 70, the next day 5, later 3 (median 4 days after); imported ...``."""
        if self.imported and not (self.on_the_day or self.next_day or self.later):
            return f"imported (recording time unknown) {self.imported}; none written in nervelog"
        later = f"later {self.later}"
        if self.later_median_days is not None:
            later += f" (median {self.later_median_days:g} days after)"
        text = f"on the day {self.on_the_day}, the next day {self.next_day}, {later}"
        if self.imported:
            text += f"; imported (recording time unknown) {self.imported}"
        return text


def recording(entries: Iterable[Entry]) -> Recording:
    """When each entry was written relative to its day; imported ones counted apart."""
    import datetime
    import statistics

    on_day = next_day = imported = 0
    later: list[int] = []
    for e in entries:
        if e.imported or e.recorded_at is None:
            imported += 1
            continue
        # datetime's own date(): the recorder's calendar day, as ``backfilled`` uses.
        delay = (datetime.datetime.date(e.recorded_at) - e.date).days
        if delay <= 0:
            on_day += 1
        elif delay == 1:
            next_day += 1
        else:
            later.append(delay)
    median = float(statistics.median(later)) if later else None
    return Recording(on_day, next_day, len(later), median, imported)


class PeriodSummary(NamedTuple):
    """What a period of the journal holds, before any comparison."""

    start: pendulum.Date
    end: pendulum.Date
    days_in_range: int
    days_logged: int
    backfilled: int
    scores: dict[Score, ScoreSummary]
    sessions_by_kind: dict[str, int]
    recorded: Recording

    @property
    def sessions(self) -> int:
        """How many sessions fall in the period."""
        return sum(self.sessions_by_kind.values())


def score_summary(entries: Iterable[Entry], score: Score) -> ScoreSummary:
    """Mean with n, min and max of one score over the given entries (skips left out)."""
    return _summary(score, [e.scores.get(score) for e in entries])


def _summary(score: Score, column: Iterable[int | None]) -> ScoreSummary:
    values = [v for v in column if v is not None]
    if not values:
        return ScoreSummary(score, None, 0, None, None)
    return ScoreSummary(score, mean_of(values), len(values), min(values), max(values))


def sessions_by_kind(sessions: Iterable[Session]) -> dict[str, int]:
    """Session counts per kind, most frequent first, then by name.

    Kinds differing only in case or surrounding spaces ("Massage", "massage ") are
    counted together under the first spelling seen.
    """
    return {group[0].kind.strip(): len(group) for group in kind_groups(sessions)}


def kind_groups(sessions: Iterable[Session]) -> list[list[Session]]:
    """Sessions grouped by kind, most sessions first, then by kind.

    Case and surrounding spaces do not matter: "Massage" and "massage " are one kind.
    """
    groups: dict[str, list[Session]] = {}
    for s in sessions:
        groups.setdefault(s.kind.strip().casefold(), []).append(s)
    return [groups[k] for k in sorted(groups, key=lambda k: (-len(groups[k]), k))]


def period_summary(
    entries: Iterable[Entry],
    sessions: Iterable[Session],
    start: pendulum.Date,
    end: pendulum.Date,
) -> PeriodSummary:
    """Summarise ``start``..``end``; entries and sessions outside it are ignored."""
    inside = [e for e in entries if start <= e.date <= end]
    # The four scores as columns, in one pass (ten years are 3,650 entries).
    columns = list(zip(*(e.scores for e in inside), strict=True)) or [()] * len(SCORES)
    in_sessions = [s for s in sessions if start <= s.date <= end]
    return PeriodSummary(
        start=start,
        end=end,
        days_in_range=max(0, (end - start).days + 1),
        days_logged=len({e.date for e in inside}),
        backfilled=sum(1 for e in inside if e.backfilled),
        scores={
            score: _summary(score, column) for score, column in zip(SCORES, columns, strict=True)
        },
        sessions_by_kind=sessions_by_kind(in_sessions),
        recorded=recording(inside),
    )
