"""Reading a spreadsheet's CSV: entries or sessions, known by the header line.

Every bad row is reported with its line number; a huge bad file lists the first
problems and counts the rest, without keeping them (see ``import_items.refuse_any``).
"""

from __future__ import annotations

import csv
import io
from dataclasses import replace

import pendulum

from nervelog.domain.errors import Problem, ValidationError
from nervelog.domain.models import Entry, Session
from nervelog.domain.validation import parse_entry, parse_session
from nervelog.storage.export import ENTRY_HEADER, SESSION_HEADER, uncsv_cell
from nervelog.storage.import_care import ImportBatch
from nervelog.storage.import_items import (
    FIXED_DATE,
    FIXED_DATE_FORM,
    MAX_IMPORT_BYTES,
    MAX_PROBLEMS,
    duplicate_days,
    refuse_any,
)


def parse_csv(text: str, today: pendulum.Date) -> ImportBatch:
    # The csv module refuses cells over 128 kB by default; a long note is allowed, and
    # the file as a whole is already capped at MAX_IMPORT_BYTES.
    if csv.field_size_limit() < MAX_IMPORT_BYTES:
        csv.field_size_limit(MAX_IMPORT_BYTES)
    reader = csv.reader(io.StringIO(text, newline=""))
    try:
        header = tuple(h.strip() for h in next(reader))
    except csv.Error as exc:
        raise Problem("csv", str(exc), "a readable CSV file", 1).error() from None
    if header == ENTRY_HEADER:
        kind = "entries"
    elif header == SESSION_HEADER:
        kind = "sessions"
    else:
        raise Problem(
            "header",
            ",".join(header),
            f"'{','.join(ENTRY_HEADER)}' or '{','.join(SESSION_HEADER)}'",
            1,
        ).error()
    problems: list[Problem] = []
    entries: list[tuple[Entry, int | None]] = []
    sessions: list[Session] = []
    skipped = 0
    try:
        for cells in reader:
            line = reader.line_num
            if not any(c.strip() for c in cells):
                continue
            if len(problems) >= MAX_PROBLEMS:
                skipped += 1  # counted, not kept: a million bad rows stay a short message
                continue
            if len(cells) != len(header):
                problems.append(
                    Problem(
                        "row", f"{len(cells)} cells", f"{len(header)} cells, as in the header", line
                    )
                )
                continue
            raw = {name: uncsv_cell(cell) for name, cell in zip(header, cells, strict=True)}
            fixed = [
                Problem(f, raw[f], FIXED_DATE, line)
                for f in ("date",)
                if raw[f].strip() and not FIXED_DATE_FORM.fullmatch(raw[f].strip())
            ]
            if fixed:
                problems += fixed
                continue
            try:
                if kind == "entries":
                    # A spreadsheet holds no recording time: the entry says so.
                    entries.append((replace(parse_entry(raw, today, line), imported=True), line))
                else:
                    sessions.append(parse_session(raw, today, line))
            except ValidationError as exc:
                problems += exc.problems
    except csv.Error as exc:
        problems.append(Problem("csv", str(exc), "well-formed CSV", reader.line_num))
    problems += duplicate_days(entries)
    refuse_any(problems, unread=skipped)
    return ImportBatch(kind, tuple(e for e, _ in entries), tuple(sessions))
