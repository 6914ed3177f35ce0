"""Analysis of a journal: pure functions over the domain models (no I/O, no UI).

Everything here is an observation, never a conclusion: missing days stay gaps, every
mean carries its n, and session figures are labelled with ``RESPONSE_LABEL``.
"""

from nervelog.analysis.change import (
    CHANGE_MIN_VALUES,
    CHANGE_WINDOW_DAYS,
    NOTICEABLE_CHANGE_NOTE,
    ScoreChange,
    period_change,
    period_changes,
)
from nervelog.analysis.downsample import Bucket, downsample
from nervelog.analysis.figure import NO_FIGURE, Figure, figure_of, mean_of
from nervelog.analysis.phases import PhaseSummary, phase_comparison, phase_summary
from nervelog.analysis.response import (
    DEFAULT_WINDOW,
    MAX_WINDOW,
    MIN_WINDOW,
    RESPONSE_LABEL,
    KindResponse,
    ScoreResponse,
    SessionResponse,
    check_window,
    kind_responses,
    session_responses,
)
from nervelog.analysis.series import (
    ROLLING_MIN_VALUES,
    ROLLING_WINDOW,
    DailySeries,
    all_series,
    calendar_days,
    daily_series,
    monthly_means,
    rolling_mean,
    session_days,
    values_by_day,
    weekly_means,
)
from nervelog.analysis.summary import (
    PeriodSummary,
    ScoreSummary,
    period_summary,
    score_summary,
    sessions_by_kind,
)

__all__ = [
    "CHANGE_MIN_VALUES",
    "CHANGE_WINDOW_DAYS",
    "DEFAULT_WINDOW",
    "MAX_WINDOW",
    "MIN_WINDOW",
    "NOTICEABLE_CHANGE_NOTE",
    "NO_FIGURE",
    "RESPONSE_LABEL",
    "ROLLING_MIN_VALUES",
    "ROLLING_WINDOW",
    "Bucket",
    "DailySeries",
    "Figure",
    "KindResponse",
    "PeriodSummary",
    "PhaseSummary",
    "ScoreChange",
    "ScoreResponse",
    "ScoreSummary",
    "SessionResponse",
    "all_series",
    "calendar_days",
    "check_window",
    "kind_responses",
    "daily_series",
    "downsample",
    "figure_of",
    "mean_of",
    "monthly_means",
    "period_change",
    "period_changes",
    "period_summary",
    "phase_comparison",
    "phase_summary",
    "rolling_mean",
    "score_summary",
    "session_days",
    "session_responses",
    "sessions_by_kind",
    "values_by_day",
    "weekly_means",
]
