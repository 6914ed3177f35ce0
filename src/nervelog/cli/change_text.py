"""How a recorded change reads in `nervelog history` and `nervelog undo`.

Each record is named by what the user would recognise it by, with what changed.
"""

from __future__ import annotations

import json

from nervelog.cli.format import dash
from nervelog.domain.errors import Conflict
from nervelog.domain.printable import printable_line
from nervelog.domain.text import one_line
from nervelog.storage.history import Change
from nervelog.storage.kinds import kind_named
from nervelog.storage.rows import Row

_SCORE_FIELDS = ("numbness", "tingling", "pain", "mobility")
_QUIET_FIELDS = {"id", "recorded_at", "updated_at", "uid", "version"}
_VERBS = {"insert": "added", "update": "changed", "delete": "deleted"}


def describe_change(change: Change) -> str:
    """One readable line for a recorded change."""
    prefix = f"#{change.id:<4} {change_time(change)}  "
    if change.undoes is not None:
        prefix += f"undo of #{change.undoes}: "
    return prefix + change_summary(change)


def change_time(change: Change) -> str:
    """When the change was made, to the minute."""
    return change.at[:16].replace("T", " ")


def field(row: Row | None, key: str) -> object:
    """One field of a recorded row (``None`` when there is no row)."""
    return None if row is None else row.get(key)


def change_summary(change: Change) -> str:
    """What changed, on which record, in one line."""
    verb = _VERBS.get(change.action, change.action)
    row = change.new if change.new is not None else change.old
    if change.record == "symptom_map":
        return _map_summary(change, verb)
    # Each record named by what the user would recognise it by.
    kind = kind_named(change.record)
    details = ", ".join(p for p in (_text(field(row, f)) for f in kind.shown_with) if p)
    subject = f"{kind.noun} {change.record_key}" + (f" ({details})" if details else "")
    if change.action == "update" and change.old is not None and change.new is not None:
        return f"{subject} changed: {_differences(change.old, change.new)}"
    if row is None:
        return f"{subject} {verb}"
    return f"{subject} {verb}: {_contents(row)}"


def _map_summary(change: Change, verb: str) -> str:
    """A symptom map by its day and where each symptom was marked; for a change, only the
    symptoms marked differently, before → after."""
    row = change.new if change.new is not None else change.old
    subject = f"symptom map {change.record_key} ({field(row, 'date')})"
    if change.action == "update" and change.old is not None and change.new is not None:
        pairs = zip(_marked(change.old), _marked(change.new), strict=True)
        changed = [f"{old} → {new.partition(': ')[2]}" for old, new in pairs if old != new]
        return f"{subject} changed: {'; '.join(changed) or 'marked as before'}"
    return f"{subject} {verb}" if row is None else f"{subject} {verb}: {'; '.join(_marked(row))}"


def _marked(row: Row) -> list[str]:
    """``tingling: toes (both sides)`` for each symptom, as the row holds it: not checked
    again, so a row written under older region names cannot stop the history showing."""
    from nervelog.domain.body_map import SymptomMap, placement_lines
    from nervelog.domain.dates import parse_iso_date

    # Recorded before the history kept JSON values: the map's regions as JSON text.
    regions = row["regions"]
    if isinstance(regions, str):
        regions = json.loads(regions)
    return placement_lines(SymptomMap(parse_iso_date(str(row["date"])), regions))


def _text(value: object, width: int = 30) -> str:
    return one_line("" if value is None else str(value), width)


def _value(key: str, value: object) -> str:
    if key in ("notes", "provider", "kind", "name", "text", "answer", "reason", "schedule", "dose",
               "value", "amount"):  # fmt: skip
        return f"“{_text(value)}”" if value else "–"
    if isinstance(value, list):
        return printable_line("; ".join(str(v) for v in value)) or "–"
    return printable_line(dash(value))  # a dose's amount, a time: typed text too


def _contents(row: Row) -> str:
    parts = [f"{k} {dash(row.get(k))}" for k in _SCORE_FIELDS if k in row]
    for key in ("time", "duration_min", "start", "end", "schedule", "started", "stopped",
                "amount", "text", "answer", "answered_on", "value"):  # fmt: skip
        if row.get(key) not in (None, ""):
            parts.append(f"{key} {_value(key, row[key])}")
    if row.get("notes"):
        parts.append(f"note {_value('notes', row['notes'])}")
    return " · ".join(parts) or "(empty)"


def _differences(old: Row, new: Row) -> str:
    changed = []
    for key in dict.fromkeys([*old, *new]):
        if key in _QUIET_FIELDS or old.get(key) == new.get(key):
            continue
        changed.append(f"{key} {_value(key, old.get(key))} → {_value(key, new.get(key))}")
    return "; ".join(changed) or "timestamps only"


def conflict_text(exc: Conflict) -> str:
    """A refused write, with what is stored now and what would have been written.

    Only the fields that differ are listed, each with both values, so the person can
    see what changed elsewhere before choosing what to keep.
    """
    lines = [str(exc)]
    if exc.attempted is None:
        lines.append(f"  stored now: {_contents(exc.stored)}")
        return "\n".join(lines)
    for key in dict.fromkeys([*exc.stored, *exc.attempted]):
        now, yours = exc.stored.get(key), exc.attempted.get(key)
        if key not in _QUIET_FIELDS and now != yours:
            lines.append(f"  {key}: stored now {_value(key, now)}; yours {_value(key, yours)}")
    return "\n".join(lines)
