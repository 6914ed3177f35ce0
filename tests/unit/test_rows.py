"""Stored timestamps read back exactly as written: value and UTC offset."""

from __future__ import annotations

from datetime import datetime, timedelta, timezone

import pendulum
from hypothesis import given, settings
from hypothesis import strategies as st

from nervelog.domain.models import Session
from nervelog.storage.rows import from_row, iso_datetime, parse_datetime, to_row

moments = st.builds(
    lambda naive, minutes: pendulum.instance(
        naive.replace(tzinfo=timezone(timedelta(minutes=minutes)))
    ),
    # hypothesis takes naive bounds; the zone is added above
    st.datetimes(min_value=datetime(1900, 1, 2), max_value=datetime(9998, 12, 30)),  # noqa: DTZ001
    st.integers(-14 * 60, 14 * 60),
)


@settings(deadline=None)  # a shared, busy machine must not turn slowness into failure
@given(moments)
def test_a_stamp_reads_back_as_written(moment: pendulum.DateTime) -> None:
    text = iso_datetime(moment)
    assert text is not None
    parsed = parse_datetime(text)
    assert isinstance(parsed, pendulum.DateTime)
    assert parsed == pendulum.parse(text) == moment.replace(microsecond=0)
    assert parsed.utcoffset() == moment.utcoffset()
    # The day it was recorded on, in the writer's own offset (backfilled depends on it).
    assert parsed.date() == moment.date()
    assert iso_datetime(parsed) == text


def test_other_iso_forms_still_read() -> None:
    assert parse_datetime("2026-11-22T08:30:00.250+01:00") == pendulum.parse(
        "2026-11-22T08:30:00.250+01:00"
    )
    assert parse_datetime("") is None and parse_datetime(None) is None


def test_a_session_row_round_trips() -> None:
    stamp = pendulum.datetime(2026, 11, 1, 9, 30, tz=pendulum.fixed_timezone(7200))
    edited = Session(
        pendulum.date(2026, 11, 1),
        "massage",
        id=4,
        body_areas=("left foot", "calf"),
        recorded_at=stamp,
        updated_at=stamp.add(hours=2),
    )
    plain = Session(pendulum.date(2026, 11, 2), "yoga", id=5, recorded_at=stamp)
    for session in (edited, plain):
        assert from_row(Session, to_row(session)) == session
