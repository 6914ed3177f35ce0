"""Plain-text tables for the terminal (no Rich, so commands start fast)."""

from __future__ import annotations

from collections.abc import Sequence

from nervelog.domain.text import display_width, pad


def dash(value: object) -> str:
    """A value for a table cell; skipped values show as an en dash, never as 0."""
    return "–" if value is None or value == "" else str(value)


def table(headers: Sequence[str], rows: Sequence[Sequence[str]], right: Sequence[int] = ()) -> str:
    """A table aligned by display width (CJK and emoji take two columns); column
    indexes in ``right`` are right-aligned. Cells must be printable single lines."""
    widths = [display_width(h) for h in headers]
    for row in rows:
        widths = [max(w, display_width(c)) for w, c in zip(widths, row, strict=True)]

    def line(cells: Sequence[str]) -> str:
        parts = [
            pad(c, w, right=i in right) for i, (c, w) in enumerate(zip(cells, widths, strict=True))
        ]
        return "  ".join(parts).rstrip()

    out = [line(headers), line(["-" * w for w in widths])]
    out += [line(r) for r in rows]
    return "\n".join(out)


def plural(count: int, noun: str) -> str:
    """``1 session``, ``2 sessions``."""
    return f"{count} {noun}" if count == 1 else f"{count} {noun}s"
