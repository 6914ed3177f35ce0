"""The journal's vocabulary: scores, records, dates and validation. No I/O, no UI."""

from nervelog.domain.dates import Clock, FixedClock, SystemClock, parse_day
from nervelog.domain.disclaimer import DISCLAIMER
from nervelog.domain.errors import JournalError, Problem, ValidationError
from nervelog.domain.models import SUGGESTED_KINDS, Entry, Phase, Session
from nervelog.domain.scores import SCORES, Score, Scores

__all__ = [
    "DISCLAIMER",
    "SCORES",
    "SUGGESTED_KINDS",
    "Clock",
    "Entry",
    "FixedClock",
    "JournalError",
    "Phase",
    "Problem",
    "Score",
    "Scores",
    "Session",
    "SystemClock",
    "ValidationError",
    "parse_day",
]
