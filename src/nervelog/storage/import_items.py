"""Reading one list of a JSON import: each item checked exactly, then read by its kind.

A file is read exactly, never guessed at: a value of the wrong JSON type, a relative
date or an unknown field is a problem named by the list, the item's index and its line.
"""

from __future__ import annotations

import re
import uuid
from collections.abc import Callable, Iterator, Mapping
from dataclasses import replace
from typing import TYPE_CHECKING, Any, TypeVar

import pendulum

from nervelog.domain.errors import Problem, ValidationError
from nervelog.domain.models import Entry
from nervelog.domain.validation import unknown_fields

if TYPE_CHECKING:
    from _typeshed import DataclassInstance

T = TypeVar("T", bound="DataclassInstance")
MAX_IMPORT_BYTES = 200 * 1024 * 1024
"""The largest import file read; a larger one is refused before it is read."""

IDENTITY_FIELDS = ("uid", "version")
"""Each record's global identity and version (JSON version 3)."""


def json_list(document: dict[str, Any], key: str, problems: list[Problem]) -> list[Any]:
    """The list at ``key`` (empty when missing); a problem if it is not a list."""
    value = document.get(key, [])
    if not isinstance(value, list):
        problems.append(Problem(key, type(value).__name__, "a list"))
        return []
    return value


def parse_identity(raw: Mapping[str, object], problems: list[Problem]) -> dict[str, Any]:
    """The ``uid`` (a UUID) and ``version`` (1 or more) of a record from a file, when given.

    A record without them (JSON versions 1 and 2) gets a new identity when stored.
    """
    out: dict[str, Any] = {}
    uid, version = raw.get("uid"), raw.get("version")
    if uid is not None:
        try:
            out["uid"] = str(uuid.UUID(str(uid))) if isinstance(uid, str) else None
        except ValueError:
            out["uid"] = None
        if out["uid"] is None:
            problems.append(Problem("uid", uid, "a UUID such as 0b5f…-… or null"))
    if version is not None:
        if isinstance(version, int) and not isinstance(version, bool) and 1 <= version < 2**62:
            out["version"] = version
        else:
            problems.append(Problem("version", version, "a whole number, 1 or more, or null"))
    return {k: v for k, v in out.items() if v is not None}


_WHOLE_NUMBERS = {"numbness", "tingling", "pain", "mobility", "duration_min", "id",
                  "medication", "follows"}  # fmt: skip
_JSON_TYPES: dict[str, tuple[type, str]] = {
    **{f: (int, "a whole number or null") for f in _WHOLE_NUMBERS},
    **{f"{when}_{s}": (int, "a whole number or null") for when in ("before", "after")
       for s in ("numbness", "tingling", "pain", "mobility")},
    "as_needed": (bool, "true or false"),
    "imported": (bool, "true or false"),
    "body_areas": (list, "a list of text"),
    "regions": (dict, "an object of symptom: {region: side}"),
}  # fmt: skip
_TEXT = (str, "text or null")
DATE_FIELDS = ("date", "start", "end", "started", "stopped", "raised_on", "answered_on")
FIXED_DATE_FORM = re.compile(r"\d{4}-\d{2}-\d{2}", re.ASCII)
FIXED_DATE = "a date as YYYY-MM-DD (a file holds fixed dates, not 'yesterday')"


def strict_problems(raw: Mapping[str, object], fields: tuple[str, ...]) -> list[Problem]:
    """What a file may not hold even where typing it may: a value of the wrong JSON type
    (``"pain": "5"``, ``"as_needed": 1``) or a relative date (``"yesterday"``).

    Typed values stay lenient (the command line reads "5" and "yesterday"); a file
    is read exactly, so a spreadsheet's or script's mistake is not guessed at.
    """
    problems = []
    for field, value in raw.items():
        expected, allowed = _JSON_TYPES.get(field, _TEXT)
        if value is None or field not in fields:  # unknown fields are said elsewhere
            continue
        if isinstance(value, bool) and expected is not bool or not isinstance(value, expected):
            problems.append(Problem(field, value, allowed))
        elif field in DATE_FIELDS and not FIXED_DATE_FORM.fullmatch(str(value).strip()):
            problems.append(Problem(field, value, FIXED_DATE))
    return problems


def relabel(exc: ValidationError, where: str, line: int | None) -> list[Problem]:
    """The problems of one item of a JSON list, named by the list and the item's index."""
    return [Problem(f"{where}.{p.field}", p.value, p.allowed, line) for p in exc.problems]


Parsed = list[tuple[T, int | None, str]]
"""Records read from one JSON list, each with its line (if known) and its place."""


def parse_items(
    document: dict[str, Any],
    key: str,
    fields: tuple[str, ...],
    parse: Callable[[Mapping[str, object], pendulum.Date, int | None], T],
    today: pendulum.Date,
    lines: Mapping[str, Iterator[int]],
    problems: list[Problem],
) -> Parsed[T]:
    """The records of the JSON list ``key``, each read by ``parse`` with its identity.

    Every problem goes to ``problems``, named by the list, the item's index and line.
    """
    out = []
    for index, raw in enumerate(json_list(document, key, problems)):
        line = next(lines[key], None)
        where = f"{key}[{index}]"
        if not isinstance(raw, dict):
            problems.append(Problem(where, type(raw).__name__, "an object", line))
            continue
        strict = strict_problems(raw, fields)
        found = [
            Problem(p.field, p.value, p.allowed, line)
            for p in (*unknown_fields(raw, (*fields, *IDENTITY_FIELDS)), *strict)
        ]
        identity = parse_identity(raw, found)
        # A value of the wrong type is not read again: its problem is already said.
        wrong = {p.field for p in strict}
        try:
            parsed = parse({k: v for k, v in raw.items() if k not in wrong}, today, line)
            out.append((replace(parsed, **identity), line, where))
        except ValidationError as exc:
            found += [p for p in exc.problems if p.field not in wrong]
        problems.extend(relabel(ValidationError(found), where, line) if found else [])
    return out


MAX_PROBLEMS = 100
"""The problems an import lists; the rest are counted, so a huge bad file stays readable."""


def refuse_any(problems: list[Problem], unread: int = 0) -> None:
    """Raise every problem found, or the first ``MAX_PROBLEMS`` and how many more (and how
    many rows were not read once there were that many)."""
    more = []
    if len(problems) > MAX_PROBLEMS:
        more.append(f"{len(problems) - MAX_PROBLEMS:,} more problems")
    if unread:
        more.append(f"{unread:,} more rows not read")
    if problems:
        note = f"…and {' and '.join(more)}; fix the ones above first." if more else ""
        raise ValidationError(problems[:MAX_PROBLEMS], more=note)


def duplicate_days(entries: list[tuple[Entry, int | None]]) -> list[Problem]:
    seen: dict[pendulum.Date, int | None] = {}
    problems = []
    for entry, line in entries:
        if entry.date in seen:
            first = seen[entry.date]
            where = f" (already on line {first})" if first is not None else ""
            problems.append(
                Problem("date", entry.date.isoformat(), f"one entry per day{where}", line)
            )
        else:
            seen[entry.date] = line
    return problems
