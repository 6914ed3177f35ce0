"""Row <-> model conversion: ISO strings in SQLite, pendulum objects in the domain."""

from __future__ import annotations

import json
from collections.abc import Iterator
from typing import Any, Protocol

import pendulum

from nervelog.domain.dates import parse_iso_date
from nervelog.domain.errors import Problem, ValidationError
from nervelog.domain.models import Entry, Session
from nervelog.domain.scores import SCORES, Scores
from nervelog.domain.validation import STORABLE_TEXT, unstorable
from nervelog.driver import sqlite

Row = dict[str, Any]


def iso_datetime(moment: pendulum.DateTime | None) -> str | None:
    """ISO 8601 with the UTC offset, to the second."""
    return None if moment is None else moment.replace(microsecond=0).isoformat()


def parse_datetime(text: str | None) -> pendulum.DateTime | None:
    """Inverse of ``iso_datetime`` (any ISO 8601 date-time Python reads)."""
    if not text:
        return None
    return pendulum.DateTime.fromisoformat(text)


_NAMES = tuple(s.value for s in SCORES)


def _scores(row: Row, prefix: str = "") -> Scores:
    return Scores(*(row[prefix + name] for name in _NAMES))


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
        "imported": int(entry.imported),
        **identity(entry),
    }


def entry_from_row(row: Row) -> Entry:
    """An entry from a database row."""
    return Entry(
        date=parse_iso_date(row["date"]),
        scores=_scores(row),
        notes=row["notes"],
        recorded_at=parse_datetime(row["recorded_at"]),
        updated_at=parse_datetime(row["updated_at"]),
        # Rows in the history from before version 4 have no such column.
        imported=bool(row.get("imported", 0)),
        **identity_of(row),
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
        **identity(session),
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
        **identity_of(row),
    )


class _Identified(Protocol):
    @property
    def uid(self) -> str: ...
    @property
    def version(self) -> int: ...


def identity(record: _Identified) -> Row:
    """A record's global identity and version, as columns (no uid yet: None)."""
    return {"uid": record.uid or None, "version": record.version}


def identity_of(row: Row) -> dict[str, Any]:
    """The ``uid`` and ``version`` keyword arguments of a record read from ``row``."""
    return {"uid": row.get("uid") or "", "version": int(row.get("version") or 0)}


def rows_of(cursor: sqlite.Cursor) -> Iterator[Row]:
    """The rows a cursor returns, as dicts keyed by column name."""
    names = [d[0] for d in cursor.description]
    for values in cursor.fetchall():
        yield dict(zip(names, values, strict=True))


def first_row(cursor: sqlite.Cursor) -> Row | None:
    """The first row a cursor returns, as a dict, or None."""
    return next(rows_of(cursor), None)


def same_row(a: Row, b: Row, ignore: tuple[str, ...]) -> bool:
    """True when ``a`` holds every value of ``b``, apart from the ``ignore``d columns and ids."""
    return all(a.get(k) == v for k, v in b.items() if k not in ignore and k != "id")


def where_range(
    start: pendulum.Date | None, end: pendulum.Date | None
) -> tuple[str | None, list[str]]:
    """A ``WHERE`` condition (and its parameters) for rows dated within ``start``..``end``."""
    clauses, params = [], []
    if start is not None:
        clauses.append("date >= ?")
        params.append(start.isoformat())
    if end is not None:
        clauses.append("date <= ?")
        params.append(end.isoformat())
    return (" AND ".join(clauses) if clauses else None), params


def check_storable(row: Row) -> None:
    """Refuse text that SQLite cannot store or that could not be exported faithfully.

    Validation refuses it too (with line numbers); this is the backstop for callers
    that build models directly, such as ``nervelog log --note``.
    """
    problems = []
    for key, value in row.items():
        texts = value if isinstance(value, list | tuple) else [value]
        for text in texts:
            if isinstance(text, str) and (reason := unstorable(text)) is not None:
                problems.append(Problem(key, reason, STORABLE_TEXT))
                break
    if problems:
        raise ValidationError(problems)
