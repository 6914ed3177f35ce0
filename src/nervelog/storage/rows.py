"""Row <-> record conversion: ISO strings in SQLite, pendulum objects in the domain.

One pair of functions for every kind of record, read from the record's own fields and
types, so a new kind needs no converter of its own.
"""

from __future__ import annotations

import datetime
import json
from collections.abc import Callable, Mapping
from dataclasses import fields
from functools import cache
from types import UnionType
from typing import TYPE_CHECKING, Any, TypeVar, get_args, get_origin, get_type_hints

import pendulum

from nervelog.domain.dates import parse_iso_date
from nervelog.domain.errors import Problem, ValidationError
from nervelog.domain.scores import SCORES, Scores
from nervelog.domain.validation import STORABLE_TEXT, unstorable

if TYPE_CHECKING:
    from _typeshed import DataclassInstance

Row = dict[str, Any]
R = TypeVar("R", bound="DataclassInstance")


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


def to_row(record: DataclassInstance) -> Row:
    """A record as its table's row: days and times as ISO text, yes/no as 1/0, lists and
    maps as JSON text, each score in a column of its own (``before_pain``)."""
    row: Row = {}
    for f in fields(record):
        value = getattr(record, f.name)
        if isinstance(value, Scores):
            row.update(_score_row(value, _SCORE_PREFIXES[f.name]))
        else:
            row[f.name] = _column(value)
    if "uid" in row:
        row["uid"] = row["uid"] or None  # not stored yet: the write path gives it one
    return row


def from_row(cls: type[R], row: Row) -> R:
    """A record of type ``cls`` from its table's row (the inverse of ``to_row``).

    A column the row lacks keeps the field's default: a history row recorded before a
    migration added that column still reads.
    """
    values: dict[str, Any] = {}
    for name, read in _readers(cls):
        if read is Scores:
            values[name] = _scores(row, _SCORE_PREFIXES[name])
        elif name in row:
            values[name] = read(row[name])
    return cls(**values)


# The fields holding the four scores, and the prefix of their columns.
_SCORE_PREFIXES = {"scores": "", "before": "before_", "after": "after_"}


def _column(value: object) -> object:
    # A DateTime is a date too: tested first.
    if isinstance(value, datetime.datetime):
        return iso_datetime(pendulum.instance(value))
    if isinstance(value, datetime.date):
        return value.isoformat()
    if isinstance(value, bool):
        return int(value)
    if isinstance(value, tuple):
        return json.dumps(list(value), ensure_ascii=False)
    if isinstance(value, Mapping):
        return json.dumps(dict(value), ensure_ascii=False)
    return value


@cache
def _readers(cls: type) -> tuple[tuple[str, Callable[[Any], Any]], ...]:
    """For each field of ``cls``, how its column is read back (from its type)."""
    hints = get_type_hints(cls)
    return tuple((f.name, _reader(f.name, hints[f.name])) for f in fields(cls))


def _reader(name: str, hint: Any) -> Callable[[Any], Any]:
    if isinstance(hint, UnionType):  # ``X | None``: read as X (None stays None)
        hint = next(t for t in get_args(hint) if t is not type(None))
    kind = get_origin(hint) or hint
    if name == "uid":
        return lambda v: v or ""
    if name == "version":
        return lambda v: int(v or 0)
    if kind is Scores:
        return Scores  # read from several columns by ``from_row``
    if kind is pendulum.DateTime:
        return parse_datetime
    if kind is pendulum.Date:
        return lambda v: None if v is None else parse_iso_date(v)
    if kind is bool:
        return bool
    if kind is tuple:
        return lambda v: tuple(json.loads(v) if isinstance(v, str) else v)
    if kind is Mapping:
        return lambda v: json.loads(v) if isinstance(v, str) else v
    return lambda v: v


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
