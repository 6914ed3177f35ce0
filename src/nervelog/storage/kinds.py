"""Every kind of record the journal keeps, described once.

Migrations, the one write path (``storage.records``), history and undo, export, import,
the demo and the wording of ``nervelog history`` all read these descriptions: adding a
kind of record is one new ``Kind`` here (and its screen), not an edit in each of them.
"""

from __future__ import annotations

from dataclasses import dataclass


@dataclass(frozen=True, slots=True)
class Kind:
    """One kind of record: where it is stored and how it is named."""

    name: str
    """The table, and the record's name in the history."""
    key: str
    """The column people's short numbers (``session edit 4``) or days refer to."""
    noun: str
    """How messages name one record: "session 4", "medicine 2"."""
    shown_with: tuple[str, ...] = ()
    """The fields shown beside the noun in the history ("session 4 (massage, 2026-03-01)")."""
    export_list: str | None = None
    """Its list in the JSON export, or None when the export does not carry it."""
    json_columns: tuple[str, ...] = ()
    """Columns stored as JSON text; the history keeps their values, not the text."""
    yes_no: tuple[str, ...] = ()
    """Columns stored as 0/1 that the JSON export writes as false/true."""
    order_by: str = "id"
    """The order of its records in the JSON export (and its lists)."""
    stamped: bool = False
    """Has ``recorded_at`` (first saved) and ``updated_at``, which the write path stamps."""


_BY_DAY = "date, coalesce(time, ''), id"
ENTRY = Kind(
    "entry", "date", "entry", export_list="entries", yes_no=("imported",), order_by="date",
    stamped=True,
)  # fmt: skip
SESSION = Kind(
    "session", "id", "session", ("kind", "date"), "sessions", ("body_areas",), order_by=_BY_DAY,
    stamped=True,
)  # fmt: skip
PHASE = Kind("phase", "id", "phase", ("name", "start"), order_by="start, id")
MEDICATION = Kind(
    "medication", "id", "medicine", ("name", "dose"), "medications", yes_no=("as_needed",),
    order_by="started, id",
)  # fmt: skip
DOSE = Kind("dose", "id", "dose", ("date", "time"), "doses", order_by=_BY_DAY)
EVENT = Kind("event", "id", "event", ("kind", "date"), "events", order_by="date, id")
QUESTION = Kind(
    "question", "id", "question", ("text", "raised_on"), "questions",
    order_by="answered_on IS NOT NULL, raised_on, id",
)  # fmt: skip
SYMPTOM_MAP = Kind(
    "symptom_map", "id", "symptom map", ("date",), "symptom_maps", ("regions",), order_by="date"
)
SETTING = Kind("setting", "key", "setting", order_by="key")

KINDS: tuple[Kind, ...] = (
    ENTRY,
    SESSION,
    PHASE,
    MEDICATION,
    DOSE,
    EVENT,
    QUESTION,
    SYMPTOM_MAP,
    SETTING,
)
"""Every kind, in the order an import stores them (a dose after its medicine)."""

BY_NAME = {kind.name: kind for kind in KINDS}
EXPORTED: tuple[Kind, ...] = tuple(kind for kind in KINDS if kind.export_list)
"""The kinds the JSON export carries, in its order."""


def kind_named(name: str) -> Kind:
    """The description of the kind of record called ``name`` (as the history names it)."""
    return BY_NAME[name]
