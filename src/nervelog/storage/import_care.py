"""Importing medicines, doses, events, questions and maps (JSON versions 2 and 3).

Each item is validated with its line number; references between them (a course that
``follows`` another, a dose of a medicine) must point inside the file. Stored, an item
identical to one already in the journal changes nothing, so re-importing an export is
harmless; ids are kept when free and references follow any id that had to change.
"""

from __future__ import annotations

import re
import uuid
from collections.abc import Callable, Iterator, Mapping
from dataclasses import replace
from typing import TYPE_CHECKING, Any, NamedTuple, TypeVar

import pendulum
from sqlite_utils import Database

from nervelog.domain.body_map import MAPPED, Placement, SymptomMap, parse_placement
from nervelog.domain.care import Dose, Event, Medication, Question
from nervelog.domain.care_validation import (
    DOSE_FIELDS,
    EVENT_FIELDS,
    MEDICATION_FIELDS,
    QUESTION_FIELDS,
    parse_dose,
    parse_event,
    parse_medication,
    parse_question,
)
from nervelog.domain.errors import Problem, ValidationError
from nervelog.domain.validation import Collector, parse_date_field, unknown_fields
from nervelog.storage import records
from nervelog.storage.body_maps import map_to_row, store_map
from nervelog.storage.kinds import (
    DOSE,
    ENTRY,
    EVENT,
    EXPORTED,
    MEDICATION,
    QUESTION,
    SESSION,
    Kind,
)
from nervelog.storage.rows import Row, to_row

CARE_LISTS = tuple(
    kind.export_list for kind in EXPORTED if kind not in (ENTRY, SESSION) and kind.export_list
)
"""The JSON lists beyond entries and sessions."""
IDENTITY_FIELDS = ("uid", "version")
"""Each record's global identity and version (JSON version 3)."""

if TYPE_CHECKING:
    from _typeshed import DataclassInstance

T = TypeVar("T", bound="DataclassInstance")


class CareRecords(NamedTuple):
    """Medicines, doses, events and questions read from a file, not yet stored."""

    medications: tuple[Medication, ...] = ()
    doses: tuple[Dose, ...] = ()
    events: tuple[Event, ...] = ()
    questions: tuple[Question, ...] = ()
    maps: tuple[SymptomMap, ...] = ()


NO_CARE = CareRecords()
"""Nothing but entries and sessions (a version 1 file, a CSV)."""


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


def parse_care(
    document: dict[str, Any],
    today: pendulum.Date,
    lines: Mapping[str, Iterator[int]],
    problems: list[Problem],
) -> CareRecords:
    """Read the lists of a version 2 or 3 file beyond entries and sessions, adding every
    problem to ``problems``."""

    def items(
        key: str, fields: tuple[str, ...], parse: Callable[[Mapping[str, object], Any, Any], T]
    ) -> Parsed[T]:
        return parse_items(document, key, fields, parse, today, lines, problems)

    medications = items("medications", MEDICATION_FIELDS, parse_medication)
    doses = items("doses", DOSE_FIELDS, parse_dose)
    maps = items("symptom_maps", MAP_FIELDS, parse_symptom_map)
    problems += _references(medications, doses)
    seen: set[pendulum.Date] = set()
    for snapshot, line, where in maps:
        if snapshot.date in seen:
            problems.append(
                Problem(f"{where}.date", snapshot.date.isoformat(), "one map a day", line)
            )
        seen.add(snapshot.date)
    return CareRecords(
        medications=tuple(m for m, _, _ in medications),
        doses=tuple(d for d, _, _ in doses),
        events=tuple(e for e, _, _ in items("events", EVENT_FIELDS, parse_event)),
        questions=tuple(q for q, _, _ in items("questions", QUESTION_FIELDS, parse_question)),
        maps=tuple(m for m, _, _ in maps),
    )


def _references(medications: Parsed[Medication], doses: Parsed[Dose]) -> list[Problem]:
    """The rules the journal keeps, checked across the file: unique ids, a course that
    follows an earlier one, a dose of an as-needed course on a day it was taken."""
    problems = []
    courses: dict[int, Medication] = {}
    for m, line, where in medications:
        if m.id is not None and m.id in courses:
            problems.append(Problem(f"{where}.id", m.id, "an id no other medication has", line))
        if m.id is not None:
            courses[m.id] = m
    for m, line, where in medications:
        earlier = courses.get(m.follows) if m.follows is not None else None
        if m.follows is not None and (
            earlier is None or earlier is m or earlier.started > m.started
        ):
            allowed = "the id of a medication in this file that started on or before it"
            problems.append(Problem(f"{where}.follows", m.follows, allowed, line))
    for d, line, where in doses:
        course = courses.get(d.medication)
        if course is None:
            problems.append(Problem(f"{where}.medication", d.medication, _IN_FILE, line))
        elif not course.as_needed or not course.current_on(d.date):
            allowed = f"a day {course.label} (as needed) was taken"
            problems.append(Problem(f"{where}.date", d.date.isoformat(), allowed, line))
    return problems


MAP_FIELDS = ("id", "date", "regions")


def parse_symptom_map(
    raw: Mapping[str, object], today: pendulum.Date, line: int | None = None
) -> SymptomMap:
    """A map from a file: a day and, for each mapped symptom, region: side."""
    problems = Collector(line)
    day = parse_date_field(raw.get("date"), today, problems)
    regions = raw.get("regions", {})
    placements: dict[str, Placement] = {}
    if not isinstance(regions, dict):
        problems.add("regions", type(regions).__name__, "an object of symptom: {region: side}")
        regions = {}
    for symptom, placement in regions.items():
        if symptom not in MAPPED:
            problems.add("regions", symptom, "one of " + ", ".join(MAPPED))
            continue
        try:
            placements[symptom] = parse_placement(placement, f"regions.{symptom}")
        except ValidationError as exc:
            problems.problems += [Problem(p.field, p.value, p.allowed, line) for p in exc.problems]
    problems.raise_if_any()
    return SymptomMap(date=day or today, regions=placements)


_IN_FILE = "the id of a medication in this file"


def apply_care(db: Database, now: pendulum.DateTime, care: CareRecords) -> tuple[int, int]:
    """Store ``care`` inside the caller's transaction; returns (added, unchanged)."""
    added = unchanged = 0
    stored_ids: dict[int, int] = {}
    taken: dict[str, set[int]] = {}

    def store(kind: Kind, row: Row) -> int:
        nonlocal added, unchanged
        existing = _identical(db, kind, row, taken.setdefault(kind.name, set()))
        if existing is not None:
            unchanged += 1
            taken[kind.name].add(existing)
            return existing
        added += 1
        new_id = int(records.insert(db, now, kind, row)["id"])
        taken[kind.name].add(new_id)
        return new_id

    # A course comes after the one it follows: that one started earlier (or the same day).
    for m in sorted(care.medications, key=lambda m: (m.started, m.id or 0)):
        follows = None if m.follows is None else stored_ids[m.follows]
        new_id = store(MEDICATION, to_row(replace(m, follows=follows)))
        if m.id is not None:
            stored_ids[m.id] = new_id
    for d in care.doses:
        store(DOSE, to_row(replace(d, medication=stored_ids[d.medication])))
    for e in care.events:
        store(EVENT, to_row(e))
    for q in care.questions:
        store(QUESTION, to_row(q))
    for snapshot in care.maps:
        _, changed = store_map(db, now, map_to_row(snapshot))
        if changed:
            added += 1
        else:
            unchanged += 1
    return added, unchanged


def _identical(db: Database, kind: Kind, row: Row, taken: set[int]) -> int | None:
    """A stored row equal to ``row`` in everything but its id and identity, not matched
    already."""
    content = {k: v for k, v in row.items() if k not in ("id", *IDENTITY_FIELDS)}
    where = " AND ".join(f'"{k}" IS ?' for k in content)
    for found in records.select(db, kind, where, list(content.values())):
        if found["id"] not in taken:
            return int(found["id"])
    return None
