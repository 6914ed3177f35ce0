"""Showing user text literally: no control characters reach the terminal."""

from __future__ import annotations

import unicodedata

_KEEP = {"\n", "\t"}


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


def one_line(text: str, width: int) -> str:
    """The first line of ``text``, printable, cut to ``width`` characters with an ellipsis."""
    first = printable(text, keep_newlines=False).split("\\x0a")[0]
    first = first.replace("\t", " ")
    more = "\n" in text.strip()
    if len(first) > width or more:
        return first[: max(0, width - 1)] + "…"
    return first
