"""User text shown literally: control characters as escapes, never obeyed.

Every table, one-line view, form and report takes user-written text (notes, kinds,
providers, body areas, phase names) through ``printable``. It needs only the standard
library, so commands that print a line of user text (``nervelog med took``) do not load
the text-width tables of ``nervelog.domain.text``, which tables and reports use.
"""

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


def printable_line(text: str) -> str:
    """``text`` as ``printable`` shows it on one line: newlines and tabs as escapes too."""
    return printable(text, keep_newlines=False)
