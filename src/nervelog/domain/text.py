"""User text on a terminal or a page: shown literally, measured as a terminal measures it.

Every table, one-line view and report takes user-written text (notes, kinds, providers,
body areas, phase names) through ``printable`` and measures it with ``display_width``;
both live here so the command line, the app and the reports agree. Widths come from
wcwidth, which counts wide East Asian characters, combining marks, emoji with skin tones
and ZWJ families as terminals draw them.
"""

from __future__ import annotations

import unicodedata
from collections.abc import Iterator

import wcwidth

_KEEP = {"\n", "\t"}
ELLIPSIS = "…"


def printable(text: str, *, keep_newlines: bool = True) -> str:
    """``text`` with control characters shown as ``\\xNN`` escapes instead of obeyed.

    Terminal escape sequences in a note are thus displayed, never executed.
    """
    if text.isprintable():
        # No control, format or separator characters at all: nothing to escape. Most
        # notes take this path, which matters for a report of ten years of them.
        return text
    out = []
    for char in text:
        if keep_newlines and char in _KEEP:
            out.append(char)
        elif unicodedata.category(char) in ("Cc", "Cs") or char in ("\u2028", "\u2029"):
            code = ord(char)
            out.append(f"\\x{code:02x}" if code < 0x100 else f"\\u{code:04x}")
        else:
            out.append(char)
    return "".join(out)


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
    shown = printable(first.replace("\t", " "), keep_newlines=False)
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
