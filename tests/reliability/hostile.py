"""Hostile text for the reliability tests: what people paste, and what attackers try."""

from __future__ import annotations

import unicodedata

from hypothesis import strategies as st

# One character from every Unicode plane, 0 to 16 (assigned or private use where it
# matters less which).
ALL_PLANES = "".join(chr(plane * 0x10000 + 0x4E2D) for plane in range(17))

PIECES = (
    "\x1b[31mred\x1b[0m",  # colour
    "\x1b]0;owned\x07",  # set the terminal title
    "\x1b[2J\x1b[H",  # clear the screen
    "\x1b]8;;https://example.com\x1b\\link\x1b]8;;\x1b\\",  # hyperlink
    "\x9b31m",  # C1 control sequence introducer
    "\x07\x08\x7f\r",
    "[bold]bold[/bold]",
    "[/]",
    "[link=https://example.com]x[/link]",
    "[@click=app.quit]quit[/]",
    '=HYPERLINK("https://example.com")',
    "+1+2",
    "-2",
    "@SUM(A1)",
    "\t=tab",
    "'quoted",
    "<script>alert(1)</script>",
    "&amp; &lt;b&gt;",
    "مرحبا بالعالم",  # right-to-left
    "\u202eevil\u202c",  # right-to-left override
    "\u200f\u200e\u2066isolate\u2069",
    "e\u0301\u0301\u0301",  # stacked combining marks
    "🦶🏽👩‍👩‍👧",
    "\ufeffBOM",
    "\u2028line\u2029para",
    "\x85next line",
    "a\r\nb\nc\rd",
    " leading and trailing ",
    ALL_PLANES,
)


def _storable(char: str) -> bool:
    # Surrogates cannot be stored; NUL is refused by design (see the README).
    return unicodedata.category(char) != "Cs" and char != "\x00"


CHARACTERS = st.characters(min_codepoint=0, max_codepoint=0x10FFFF).filter(_storable)
NOTES = st.lists(
    st.one_of(st.sampled_from(PIECES), st.text(CHARACTERS, max_size=30)), max_size=6
).map("".join)

ONE_MB_NOTE = ((("".join(PIECES) + "\n") * 2000)[: 2**20 // 2]) * 2


def has_raw_control(text: str) -> bool:
    """Whether ``text`` holds a control character a terminal would obey.

    Newline and tab are layout, not commands, and ``printable()`` keeps them on purpose.
    """
    return any(unicodedata.category(c) == "Cc" and c not in "\n\t" for c in text)
