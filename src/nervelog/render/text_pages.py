"""Pages for the plain-text report, so a printout carries the disclaimer on every sheet."""

from __future__ import annotations

import textwrap
from collections.abc import Sequence

from nervelog.domain.disclaimer import DISCLAIMER
from nervelog.render.text_doc import TableSpan

# 60 lines fit an A4 or Letter sheet at the usual 6 lines per inch with margins.
PAGE_LINES = 60
# A break is moved back to a blank line when one is this close, so charts and tables
# are not cut in half.
LOOK_BACK = 24
# A table that would keep fewer rows than this on a page starts on the next one.
MIN_ROWS = 3


def paginate(lines: Sequence[str], width: int, tables: Sequence[TableSpan] = ()) -> str:
    """Split ``lines`` into pages separated by form feeds, each ending with a footer.

    The footer is a rule, the disclaimer and "page N of M", never wider than ``width``.
    A long table breaks between its rows, and the page it continues on starts with its
    heading row again.
    """
    footer_lines = textwrap.wrap(DISCLAIMER, width)
    body_lines = PAGE_LINES - len(footer_lines) - 2  # the rule and the page number
    lines = list(lines)
    while lines and not lines[-1].strip():
        lines.pop()
    pages: list[list[str]] = []
    start, carried = 0, list[str]()
    while start < len(lines):
        end = min(start + body_lines - len(carried), len(lines))
        table = next((t for t in tables if t.rows and t.rows[0] < end < t.end), None)
        if end < len(lines):
            end = _break(lines, start, end, table)
        pages.append(carried + lines[start:end])
        # A table cut between rows goes on under its heading row.
        carried = list(table.header) if table is not None and end in table.rows else []
        start = end
        while start < len(lines) and not lines[start].strip():
            start += 1  # a page never starts with blank lines
    total = len(pages)
    out = []
    for number, page in enumerate(pages, start=1):
        padding = [""] * (body_lines - len(page))
        label = f"page {number} of {total}"
        footer = ["-" * width, *footer_lines, label.rjust(width)]
        out.append("\n".join([*page, *padding, *footer]))
    return "\n\f\n".join(out) + "\n"


def _break(lines: Sequence[str], start: int, end: int, table: TableSpan | None) -> int:
    """Where a page that could hold ``lines[start:end]`` ends: between two rows of a
    table it runs into, else at a blank line close before ``end``."""
    if table is not None:
        row = max(r for r in table.rows if r <= end)
        if table.rows.index(row) >= MIN_ROWS and row > start:
            return row
    blanks = [
        i
        for i in range(end, max(start, end - LOOK_BACK), -1)
        if not lines[i].strip() and not _underline(lines[i - 1])
    ]
    return blanks[0] if blanks else end


def _underline(line: str) -> bool:
    """A heading's underline: a page break right under it would orphan the heading."""
    text = line.strip()
    return bool(text) and set(text) <= {"-", "="}
