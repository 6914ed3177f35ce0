"""Export: the whole journal as JSON, entries or sessions as CSV (formats in the README).

CSV cells a spreadsheet would run as a formula get a leading apostrophe; import
(``import_file``) removes it again, so a round trip changes nothing.
"""

from __future__ import annotations

import csv
import io
import json
from collections.abc import Iterable
from enum import StrEnum

from nervelog.storage import records
from nervelog.storage.history import history_row
from nervelog.storage.kinds import EXPORTED
from nervelog.storage.repository import Journal
from nervelog.storage.rows import Row, iso_datetime, to_row

JSON_FORMAT = "nervelog-journal"
JSON_VERSION = 3
"""Version 2 added medications, doses, events, questions and symptom maps, version 3 each
record's global ``uid`` and ``version``; files of versions 1 and 2 still import."""
ENTRY_HEADER = ("date", "numbness", "tingling", "pain", "mobility", "notes")
SESSION_HEADER = ("date", "time", "kind", "duration_min", "provider", "body_areas", "notes")
# Cells a spreadsheet would treat as a formula; the apostrophe makes it show them as text.
FORMULA_PREFIXES = ("=", "+", "-", "@", "\t", "\r")


class ExportFormat(StrEnum):
    """What ``nervelog export`` can write."""

    JSON = "json"
    ENTRIES_CSV = "entries-csv"
    SESSIONS_CSV = "sessions-csv"


def export_json(journal: Journal) -> str:
    """The whole journal in the documented JSON format: each exported kind's records as
    stored, JSON columns as their values and yes/no columns as true/false."""
    document: dict[str, object] = {
        "format": JSON_FORMAT,
        "version": JSON_VERSION,
        "exported_at": iso_datetime(journal.clock.now()),
    }
    for kind in EXPORTED:
        document[kind.export_list or kind.name] = [
            {k: bool(v) if k in kind.yes_no else v for k, v in history_row(kind, row).items()}
            for row in records.select(journal.db, kind, order_by=kind.order_by)
        ]
    return json.dumps(document, ensure_ascii=False, indent=2) + "\n"


def csv_cell(value: object) -> str:
    """One CSV cell, with formula-like text escaped by a leading apostrophe.

    A leading apostrophe is itself escaped, so import can undo this exactly.
    """
    if value is None:
        return ""
    text = str(value)
    if text.startswith((*FORMULA_PREFIXES, "'")):
        return "'" + text
    return text


def uncsv_cell(text: str) -> str:
    """Undo ``csv_cell``'s escaping."""
    if text.startswith("'") and text[1:].startswith((*FORMULA_PREFIXES, "'")):
        return text[1:]
    return text


def export_entries_csv(journal: Journal) -> str:
    """Entries as CSV with the documented header."""
    return _csv(ENTRY_HEADER, (to_row(entry) for entry in journal.entries()))


def export_sessions_csv(journal: Journal) -> str:
    """Sessions as CSV with the documented header; body areas joined by ``;``."""
    rows = (
        {**to_row(session), "body_areas": ";".join(session.body_areas)}
        for session in journal.sessions()
    )
    return _csv(SESSION_HEADER, rows)


def _csv(header: tuple[str, ...], rows: Iterable[Row]) -> str:
    out = io.StringIO()
    writer = csv.writer(out, lineterminator="\r\n")
    writer.writerow(header)
    for row in rows:
        writer.writerow([csv_cell(row[name]) for name in header])
    return out.getvalue()


def export_text(journal: Journal, fmt: ExportFormat) -> str:
    """Export in the chosen format."""
    if fmt is ExportFormat.JSON:
        return export_json(journal)
    if fmt is ExportFormat.ENTRIES_CSV:
        return export_entries_csv(journal)
    return export_sessions_csv(journal)
