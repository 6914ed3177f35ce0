"""Phases side by side: per-phase means with n for each score."""

from __future__ import annotations

from collections.abc import Iterable
from typing import NamedTuple

from nervelog.analysis.figure import Figure, figure_of
from nervelog.domain.models import Entry, Phase, Session
from nervelog.domain.scores import SCORES, Score


class PhaseSummary(NamedTuple):
    """One named phase: coverage, sessions and the mean (n) of each score."""

    phase: Phase
    days_in_phase: int
    days_logged: int
    sessions: int
    scores: dict[Score, Figure]


def phase_summary(
    entries: Iterable[Entry], sessions: Iterable[Session], phase: Phase
) -> PhaseSummary:
    """Means with n of every score over the days of ``phase`` (inclusive)."""
    inside = [e for e in entries if phase.start <= e.date <= phase.end]
    return PhaseSummary(
        phase=phase,
        days_in_phase=max(0, (phase.end - phase.start).days + 1),
        days_logged=len({e.date for e in inside}),
        sessions=sum(1 for s in sessions if phase.start <= s.date <= phase.end),
        scores={score: figure_of(e.scores.get(score) for e in inside) for score in SCORES},
    )


def phase_comparison(
    entries: Iterable[Entry], sessions: Iterable[Session], phases: Iterable[Phase]
) -> list[PhaseSummary]:
    """Each phase summarised on its own, in the given order; phases may overlap."""
    entries, sessions = list(entries), list(sessions)
    return [phase_summary(entries, sessions, phase) for phase in phases]
