"""Importing medicines, doses, events, questions and maps (JSON versions 2 and 3).

Each item is validated with its line number; references between them (a course that
``follows`` another, a dose of a medicine) must point inside the file. Stored, an item
identical to one already in the journal changes nothing, so re-importing an export is
harmless; ids are kept when free and references follow any id that had to change.
"""

from __future__ import annotations

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
from nervelog.domain.models import Entry, Session
from nervelog.domain.validation import Collector, parse_date_field
from nervelog.storage import records
from nervelog.storage.body_maps import map_to_row, store_map
from nervelog.storage.import_items import (
    IDENTITY_FIELDS,
    Parsed,
    parse_items,
)
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


class ImportBatch(NamedTuple):
    """Validated records read from a file, not yet stored."""

    kind: str
    entries: tuple[Entry, ...]
    sessions: tuple[Session, ...]
    care: CareRecords = NO_CARE
    """Medicines, doses, events and questions (JSON version 2 only)."""
