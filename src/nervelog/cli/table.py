"""Plain-text tables for the terminal, aligned by display width (no Rich: fast to start)."""

from __future__ import annotations

from collections.abc import Sequence

from nervelog.domain.text import display_width, pad


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
