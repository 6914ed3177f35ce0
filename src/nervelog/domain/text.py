"""User text on a terminal or a page, measured as a terminal measures it.

Every table, one-line view and report measures user-written text (made printable by
``nervelog.domain.printable``) with ``display_width`` and cuts or wraps it here, so the
command line, the app and the reports agree. Widths come from wcwidth, which counts wide
East Asian characters, combining marks, emoji with skin tones and ZWJ families as
terminals draw them.
"""

from __future__ import annotations

from collections.abc import Iterator

import wcwidth

from nervelog.domain.printable import printable_line

ELLIPSIS = "…"


def display_width(text: str) -> int:
    """Terminal columns that ``text`` (printable, one line) takes."""
    return int(wcwidth.width(text))


def clip(text: str, width: int) -> str:
    """``text`` cut to at most ``width`` columns, with an ellipsis when anything was cut."""
    if display_width(text) <= width:
        return text
    return _cut(text, width - 1) + ELLIPSIS


def _cut(text: str, width: int) -> str:
    # wcwidth pads a wide character split at the edge with a space; that and any space
    # the cut ends on go, so the ellipsis follows the last character shown.
    return str(wcwidth.clip(text, 0, max(0, width))).rstrip(" ")


def one_line(text: str, width: int) -> str:
    """The first line of ``text``, printable, cut to ``width`` columns.

    An ellipsis shows that something was left out: the rest of the line, or more lines.
    """
    first, _, rest = text.strip().partition("\n")
    shown = printable_line(first.replace("\t", " "))
    if rest:
        return _cut(shown, width - 1) + ELLIPSIS
    return clip(shown, width)


def pad(text: str, width: int, *, right: bool = False) -> str:
    """``text`` padded with spaces to ``width`` columns (on the left when ``right``)."""
    return wcwidth.rjust(text, width) if right else wcwidth.ljust(text, width)


def wrap(text: str, width: int) -> list[str]:
    """One paragraph wrapped to ``width`` columns; over-long words are cut, never overflow."""
    return list(wcwidth.wrap(text, width, propagate_sgr=False)) or [""]


def strip_escapes(text: str) -> str:
    """``text`` without terminal escape sequences (colour codes from a chart library)."""
    return str(wcwidth.strip_sequences(text))


def lines_of(text: str, width: int) -> Iterator[str]:
    """Printable ``text`` wrapped to ``width`` columns, keeping its own line breaks."""
    for paragraph in text.replace("\t", " ").split("\n"):
        yield from wrap(paragraph, width) if paragraph.strip() else [""]
