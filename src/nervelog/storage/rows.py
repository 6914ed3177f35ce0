"""Row <-> model conversion: ISO strings in SQLite, pendulum objects in the domain."""

from __future__ import annotations

import json
from typing import Any

import pendulum

from nervelog.domain.dates import parse_iso_date
from nervelog.domain.models import Entry, Phase, Session
from nervelog.domain.scores import SCORES, Scores

Row = dict[str, Any]


def iso_datetime(moment: pendulum.DateTime | None) -> str | None:
    """ISO 8601 with the UTC offset, to the second."""
    return None if moment is None else moment.replace(microsecond=0).isoformat()


def parse_datetime(text: str | None) -> pendulum.DateTime | None:
    """Inverse of ``iso_datetime``."""
    if not text:
        return None
    parsed = pendulum.parse(text)
    assert isinstance(parsed, pendulum.DateTime)
    return parsed


def _scores(row: Row, prefix: str = "") -> Scores:
    return Scores(**{s.value: row[prefix + s.value] for s in SCORES})


def _score_row(scores: Scores, prefix: str = "") -> Row:
    return {prefix + name: value for name, value in scores.as_dict().items()}


def entry_to_row(entry: Entry) -> Row:
    """An entry as a database (and JSON) row."""
    return {
        "date": entry.date.isoformat(),
        **_score_row(entry.scores),
        "notes": entry.notes,
        "recorded_at": iso_datetime(entry.recorded_at),
        "updated_at": iso_datetime(entry.updated_at),
    }


def entry_from_row(row: Row) -> Entry:
    """An entry from a database row."""
    return Entry(
        date=parse_iso_date(row["date"]),
        scores=_scores(row),
        notes=row["notes"],
        recorded_at=parse_datetime(row["recorded_at"]),
        updated_at=parse_datetime(row["updated_at"]),
    )


def session_to_row(session: Session) -> Row:
    """A session as a database row (``body_areas`` as a JSON list)."""
    row = session_to_dict(session)
    row["body_areas"] = json.dumps(list(session.body_areas), ensure_ascii=False)
    return row


def session_to_dict(session: Session) -> Row:
    """A session as plain data, ``body_areas`` as a list (the JSON export shape)."""
    return {
        "id": session.id,
        "date": session.date.isoformat(),
        "time": session.time,
        "kind": session.kind,
        "duration_min": session.duration_min,
        "provider": session.provider,
        "body_areas": list(session.body_areas),
        "notes": session.notes,
        **_score_row(session.before, "before_"),
        **_score_row(session.after, "after_"),
        "recorded_at": iso_datetime(session.recorded_at),
        "updated_at": iso_datetime(session.updated_at),
    }


def session_from_row(row: Row) -> Session:
    """A session from a database row."""
    return Session(
        id=row["id"],
        date=parse_iso_date(row["date"]),
        time=row["time"],
        kind=row["kind"],
        duration_min=row["duration_min"],
        provider=row["provider"],
        body_areas=tuple(json.loads(row["body_areas"])),
        notes=row["notes"],
        before=_scores(row, "before_"),
        after=_scores(row, "after_"),
        recorded_at=parse_datetime(row["recorded_at"]),
        updated_at=parse_datetime(row["updated_at"]),
    )


def phase_to_row(phase: Phase) -> Row:
    """A phase as a database row."""
    return {
        "id": phase.id,
        "name": phase.name,
        "start": phase.start.isoformat(),
        "end": phase.end.isoformat(),
    }


def phase_from_row(row: Row) -> Phase:
    """A phase from a database row."""
    return Phase(
        id=row["id"],
        name=row["name"],
        start=parse_iso_date(row["start"]),
        end=parse_iso_date(row["end"]),
    )
