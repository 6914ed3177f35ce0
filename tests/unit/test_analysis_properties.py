"""Properties that must hold for any journal: no invented days, no values out of range."""

from __future__ import annotations

import pendulum
from analysis_helpers import DAY0
from hypothesis import given, settings
from hypothesis import strategies as st

from nervelog.analysis import (
    Figure,
    all_series,
    calendar_days,
    daily_series,
    downsample,
    figure_of,
    kind_responses,
    mean_of,
    monthly_means,
    rolling_mean,
    session_responses,
    weekly_means,
)
from nervelog.domain.models import Entry, Session
from nervelog.domain.scores import SCORES, Score, Scores

score_value = st.one_of(st.none(), st.integers(0, 10))
real_value = st.one_of(
    st.none(), st.floats(min_value=0, max_value=10, allow_nan=False, allow_subnormal=False)
)
value_lists = st.lists(
    st.one_of(score_value.map(lambda v: v if v is None else float(v)), real_value)
)


def days_for(values: list[float | None]) -> tuple[pendulum.Date, ...]:
    return calendar_days(DAY0, DAY0.add(days=len(values) - 1))


def within(value: float, values: list[float | None]) -> bool:
    present = [v for v in values if v is not None]
    return min(present) <= value <= max(present)


@settings(deadline=None)  # a shared, busy machine must not turn slowness into failure
@given(value_lists, st.integers(1, 10), st.integers(1, 10))
def test_rolling_means_lie_within_their_window(
    values: list[float | None], window: int, min_values: int
) -> None:
    out = rolling_mean(values, window, min_values)
    assert len(out) == len(values)
    for i, mean in enumerate(out):
        chunk = values[max(0, i - window + 1) : i + 1]
        present = [v for v in chunk if v is not None]
        if mean is None:
            assert len(present) < min_values
        else:
            assert len(present) >= min_values
            assert within(mean, chunk)
            assert within(mean, values)


@settings(deadline=None)  # a shared, busy machine must not turn slowness into failure
@given(value_lists, st.integers(1, 400))
def test_downsampling_never_exceeds_the_width_nor_invents_days(
    values: list[float | None], width: int
) -> None:
    days = days_for(values)
    buckets = downsample(days, values, width)
    assert len(buckets) <= width
    if len(values) <= width:
        assert [(b.start, b.mean) for b in buckets] == list(zip(days, values, strict=True))
    # The buckets cover the days in order, without gaps or overlaps.
    covered = [d for b in buckets for d in calendar_days(b.start, b.end)]
    assert tuple(covered) == days
    for b in buckets:
        chunk = values[(b.start - DAY0).days : (b.end - DAY0).days + 1]
        present = [v for v in chunk if v is not None]
        assert b.n == len(present)
        if b.mean is None:
            assert not present  # a point only where the input had one
        else:
            assert within(b.mean, chunk)


@settings(deadline=None)  # a shared, busy machine must not turn slowness into failure
@given(st.lists(st.tuples(st.integers(0, 120), score_value), max_size=60), st.integers(0, 6))
def test_daily_weekly_monthly_have_values_only_where_entries_do(
    pairs: list[tuple[int, int | None]], week_start: int
) -> None:
    entries = {DAY0.add(days=o): Entry(DAY0.add(days=o), Scores(pain=v)) for o, v in pairs}
    series = daily_series(entries.values(), Score.PAIN, DAY0, DAY0.add(days=120))
    for d, v in zip(series.days, series.values, strict=True):
        e = entries.get(d)
        expected = None if e is None or e.scores.pain is None else float(e.scores.pain)
        assert v == expected
    for buckets in (weekly_means(series, week_start), monthly_means(series)):
        assert sum(b.n for b in buckets) == series.n
        for b in buckets:
            chunk = [series.values[(d - DAY0).days] for d in calendar_days(b.start, b.end)]
            assert (b.mean is None) == all(v is None for v in chunk)
            if b.mean is not None:
                assert b.mean == mean_of(chunk)
                assert within(b.mean, chunk)


rating = st.builds(Scores, st.none(), st.none(), pain=score_value, mobility=score_value)
sessions_strategy = st.lists(
    st.builds(
        lambda o, kind, before, after: Session(DAY0.add(days=o), kind, before=before, after=after),
        st.integers(0, 40),
        st.sampled_from(["massage", " Massage", "yoga"]),
        rating,
        rating,
    ),
    max_size=25,
)


@settings(deadline=None)  # a shared, busy machine must not turn slowness into failure
@given(
    st.dictionaries(st.integers(0, 40), st.tuples(score_value, score_value), max_size=41),
    sessions_strategy,
    st.integers(1, 7),
    st.integers(0, 20),
    st.integers(20, 40),
)
def test_kind_figures_are_the_per_session_figures_averaged(
    values: dict[int, tuple[int | None, int | None]],
    sessions: list[Session],
    window: int,
    first: int,
    last: int,
) -> None:
    """Per kind: entry figures over distinct session days, in-session over sessions."""
    entries = [
        Entry(DAY0.add(days=o), Scores(pain=p, mobility=m)) for o, (p, m) in sorted(values.items())
    ]
    start, end = DAY0.add(days=first), DAY0.add(days=last)
    each = session_responses(entries, sessions, start, end, window)
    kinds = kind_responses(all_series(entries, start, end), sessions, window)
    assert sum(k.sessions for k in kinds) == len(each)
    for kind in kinds:
        group = [r for r in each if r.session.kind.strip().casefold() == kind.kind.casefold()]
        one_per_day = list({r.session.date: r for r in reversed(group)}.values())
        assert (kind.sessions, kind.days) == (len(group), len(one_per_day))
        for score in (Score.PAIN, Score.MOBILITY):
            got = kind.scores[score]

            def mean(figures: list[Figure]) -> Figure:
                return figure_of(f.mean for f in figures)

            by_day = [r.scores[score] for r in one_per_day]
            by_session = [r.scores[score] for r in group]
            assert got.same_day == mean([r.same_day for r in by_day])
            assert got.before == mean([r.before for r in by_day])
            assert got.after == mean([r.after for r in by_day])
            assert got.window_change == mean([r.window_change for r in by_day])
            assert got.next_day == mean([r.next_day for r in by_day])
            assert got.in_session_before == mean([r.in_session_before for r in by_session])
            assert got.in_session_after == mean([r.in_session_after for r in by_session])


def test_ten_years_downsample_to_the_chart_width_and_keep_every_value() -> None:
    # Speed is measured by benchmarks/run.py, not here; this checks the shape.
    start = pendulum.date(2016, 11, 22)
    entries = [
        Entry(
            start.add(days=i),
            Scores(*(None if (i + k) % 9 == 0 else (i * k) % 11 for k in range(4))),
        )
        for i in range(3653)
    ]
    for score in SCORES:
        series = daily_series(entries, score, start, start.add(days=3652))
        buckets = downsample(series.days, series.values, 120)
        assert len(buckets) <= 120
        assert sum(b.n for b in buckets) == series.n
        assert buckets[0].start == start and buckets[-1].end == start.add(days=3652)
