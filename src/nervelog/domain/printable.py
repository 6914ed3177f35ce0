"""User text shown literally: control characters as escapes, never obeyed.

Every table, one-line view, form and report takes user-written text (notes, kinds,
providers, body areas, phase names) through ``printable``. It needs only the standard
library, so commands that print a line of user text (``nervelog med took``) do not load
the text-width tables of ``nervelog.domain.text``, which tables and reports use.
"""

from __future__ import annotations

import unicodedata

_KEEP = {"\n", "\t"}
# Invisible characters that change how the text around them reads or is laid out:
# bidirectional embeddings, overrides and isolates (U+202E turns "txt.exe" into
# "exe.txt"), zero-width spaces and joiners of words, the byte-order mark. Shown as
# escapes like control characters. The zero-width joiner and non-joiner stay: emoji
# families and Persian or Indic words are written with them.
_INVISIBLE = frozenset(
    "\u180e\u200b\u2028\u2029\u202a\u202b\u202c\u202d\u202e\u2060\u2061\u2062\u2063\u2064"
    "\u2066\u2067\u2068\u2069\u206a\u206b\u206c\u206d\u206e\u206f\ufeff"
)


def printable(text: str, *, keep_newlines: bool = True) -> str:
    """``text`` with control characters shown as ``\\xNN`` escapes instead of obeyed, and
    invisible characters that reorder or hide text as ``\\uNNNN``.

    Terminal escape sequences in a note are thus displayed, never executed, and a
    right-to-left override cannot make one thing look like another.
    """
    if text.isprintable():
        # No control, format or separator characters at all: nothing to escape. Most
        # notes take this path, which matters for a report of ten years of them.
        return text
    out = []
    for char in text:
        if keep_newlines and char in _KEEP:
            out.append(char)
        elif unicodedata.category(char) in ("Cc", "Cs") or char in _INVISIBLE:
            code = ord(char)
            out.append(f"\\x{code:02x}" if code < 0x100 else f"\\u{code:04x}")
        else:
            out.append(char)
    return "".join(out)


def printable_line(text: str) -> str:
    """``text`` as ``printable`` shows it on one line: newlines and tabs as escapes too."""
    return printable(text, keep_newlines=False)
