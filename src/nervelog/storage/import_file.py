"""Reading an import file: JSON or CSV, validated row by row before anything is stored.

Every bad row is reported with its line number (see ``importing`` for the storing).
"""

from __future__ import annotations

import json
import re
from collections.abc import Callable, Iterator, Mapping
from dataclasses import replace
from pathlib import Path
from typing import Any, BinaryIO, TypeVar

import pendulum

from nervelog.domain.errors import Problem, ValidationError
from nervelog.domain.models import Entry, Session
from nervelog.domain.validation import (
    SESSION_FIELDS,
    parse_entry,
    parse_session,
)
from nervelog.storage.export import (
    ENTRY_HEADER,
    JSON_FORMAT,
    JSON_VERSION,
)
from nervelog.storage.import_care import (
    CARE_LISTS,
    NO_CARE,
    ImportBatch,
    parse_care,
)
from nervelog.storage.import_csv import parse_csv
from nervelog.storage.import_items import (
    MAX_IMPORT_BYTES,
    duplicate_days,
    parse_items,
    refuse_any,
)
from nervelog.storage.rows import parse_datetime

T = TypeVar("T")

# SQLite's INTEGER is 64-bit; a larger id in a file cannot be stored.
MAX_SESSION_ID = 2**63 - 1


def _too_big(size: int) -> ValidationError:
    return Problem(
        "file", f"{size} bytes", f"at most {MAX_IMPORT_BYTES // (1024 * 1024)} MB"
    ).error()


def read_import(source: Path | BinaryIO) -> bytes:
    """The bytes of an import file or stream, refusing more than ``MAX_IMPORT_BYTES``.

    A file's size is checked before it is read, and a stream is read only up to one
    byte past the limit, so an enormous input never fills memory.
    """
    if isinstance(source, Path):
        if source.is_file() and (size := source.stat().st_size) > MAX_IMPORT_BYTES:
            raise _too_big(size)
        with source.open("rb") as handle:
            return read_import(handle)
    data = source.read(MAX_IMPORT_BYTES + 1)
    if len(data) > MAX_IMPORT_BYTES:
        raise _too_big(len(data))
    return data


def decode_import(data: bytes) -> str:
    """Bytes of an import file as text (UTF-8, with or without BOM)."""
    if len(data) > MAX_IMPORT_BYTES:
        raise _too_big(len(data))
    if b"\x00" in data[:4096] and not data.startswith((b"\xff\xfe", b"\xfe\xff")):
        raise Problem("file", "binary data", "a nervelog JSON or CSV file in UTF-8").error()
    try:
        text = data.decode("utf-8-sig")
    except UnicodeDecodeError as exc:
        raise Problem("file", f"byte {exc.start}", "text encoded as UTF-8").error() from None
    return text


def parse_import(text: str, today: pendulum.Date) -> ImportBatch:
    """Validate a JSON or CSV import; raises ``ValidationError`` listing every bad row."""
    text = text.removeprefix("\ufeff")
    stripped = text.lstrip()
    if not stripped:
        raise Problem(
            "file", "empty", "a nervelog JSON export or a CSV with a known header"
        ).error()
    if stripped.startswith(("{", "[")):
        return _parse_json(text, today)
    return parse_csv(text, today)


def _parse_json(text: str, today: pendulum.Date) -> ImportBatch:
    try:
        document = json.loads(text, object_pairs_hook=_once_each)
    except json.JSONDecodeError as exc:
        raise Problem("json", exc.msg, "valid JSON", exc.lineno).error() from None
    except _RepeatedKey as exc:
        raise Problem(
            "json", f"the key {exc.key!r} twice in one object", "each key once"
        ).error() from None
    except RecursionError:
        raise Problem(
            "json", "lists or objects nested too deeply", "a nervelog export (a few levels)"
        ).error() from None
    if not isinstance(document, dict) or document.get("format") != JSON_FORMAT:
        raise Problem("format", _get(document, "format"), f"'{JSON_FORMAT}'").error()
    version = document.get("version")
    if version not in (1, 2, JSON_VERSION) or isinstance(version, bool):
        raise Problem("version", version, f"1, 2 or {JSON_VERSION}").error()
    problems: list[Problem] = []
    lines = _json_item_lines(text)
    entry_fields = (*ENTRY_HEADER, *_STAMPS, "imported")
    read = parse_items(document, "entries", entry_fields, _entry_from_json, today, lines, problems)
    entries = [(entry, line) for entry, line, _ in read]
    session_fields = ("id", *SESSION_FIELDS, *_STAMPS)
    sessions = [
        session
        for session, _, _ in parse_items(
            document, "sessions", session_fields, _session_from_json, today, lines, problems
        )
    ]
    care = NO_CARE
    if version in (2, JSON_VERSION):
        care = parse_care(document, today, lines, problems)
    problems += duplicate_days(entries)
    refuse_any(problems)
    return ImportBatch("json", tuple(e for e, _ in entries), tuple(sessions), care)


class _RepeatedKey(Exception):
    def __init__(self, key: str) -> None:
        self.key = key


def _once_each(pairs: list[tuple[str, Any]]) -> dict[str, Any]:
    """A JSON object whose keys are each given once: a repeated key (the second
    ``"entries"`` silently replacing the first) is refused, not guessed at."""
    found: dict[str, Any] = {}
    for key, value in pairs:
        if key in found:
            raise _RepeatedKey(key)
        found[key] = value
    return found


def _get(document: object, key: str) -> object:
    return document.get(key) if isinstance(document, dict) else type(document).__name__


def _json_item_lines(text: str) -> dict[str, Iterator[int]]:
    """Best-effort line numbers of the objects in the entries and sessions lists.

    Exports put one object per indented block, so the line of each ``{`` that opens an
    item is a good pointer for the user; when the file is formatted differently the
    problems are still reported with their list index.
    """
    found: dict[str, list[int]] = {key: [] for key in ("entries", "sessions", *CARE_LISTS)}
    current: str | None = None
    for number, line in enumerate(text.splitlines(), start=1):
        stripped = line.strip()
        for key in found:
            if stripped.startswith(f'"{key}"'):
                current = key
        if current and stripped.startswith("{") and line.startswith("    {"):
            found[current].append(number)
    return {key: iter(lines) for key, lines in found.items()}


_STAMPS = ("recorded_at", "updated_at")


def _entry_from_json(raw: Mapping[str, object], today: pendulum.Date, line: int | None) -> Entry:
    problems: list[Problem] = []
    recorded_at, updated_at = _timestamps(raw, problems)
    imported = raw.get("imported", False)
    if not isinstance(imported, bool):
        problems.append(Problem("imported", imported, "true or false"))
    entry = _with_problems(parse_entry, raw, today, line, problems)
    return replace(entry, recorded_at=recorded_at, updated_at=updated_at, imported=imported is True)


def _session_from_json(
    raw: Mapping[str, object], today: pendulum.Date, line: int | None
) -> Session:
    problems: list[Problem] = []
    given = raw.get("id")
    session_id = given if isinstance(given, int) and not isinstance(given, bool) else None
    if given is not None and not (session_id is not None and 1 <= session_id <= MAX_SESSION_ID):
        problems.append(Problem("id", given, "a positive whole number or null"))
    recorded_at, updated_at = _timestamps(raw, problems)
    session = _with_problems(parse_session, raw, today, line, problems)
    return replace(session, id=session_id, recorded_at=recorded_at, updated_at=updated_at)


def _with_problems(
    parse: Callable[[Mapping[str, object], pendulum.Date, int | None], T],
    raw: Mapping[str, object],
    today: pendulum.Date,
    line: int | None,
    problems: list[Problem],
) -> T:
    """``parse(raw)``, raising its problems and ``problems`` together."""
    try:
        parsed = parse(raw, today, line)
    except ValidationError as exc:
        raise ValidationError([*exc.problems, *problems]) from None
    if problems:
        raise ValidationError(problems)
    return parsed


_OFFSET = re.compile(r"T\d\d:\d\d(:\d\d(\.\d+)?)?([+-]\d\d:\d\d|Z)$")


def _timestamps(
    raw: Mapping[str, object], problems: list[Problem]
) -> tuple[pendulum.DateTime | None, pendulum.DateTime | None]:
    """``recorded_at`` and ``updated_at``; each must carry its UTC offset.

    Without the offset the moment is ambiguous, and "backfilled" could flip.
    """
    out: list[pendulum.DateTime | None] = []
    for key in ("recorded_at", "updated_at"):
        value = raw.get(key)
        moment = None
        if value is not None:
            try:
                if not isinstance(value, str) or not _OFFSET.search(value):
                    raise ValueError(value)
                moment = parse_datetime(value)
            except (ValueError, TypeError, AssertionError):
                allowed = (
                    "an ISO 8601 date-time with its UTC offset, e.g. 2026-11-22T21:05:00+01:00"
                )
                problems.append(Problem(key, value, allowed))
        out.append(moment)
    return out[0], out[1]
