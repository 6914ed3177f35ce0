"""A fast reader for the few ANSI colour codes plotext writes.

``rich.text.Text.from_ansi`` handles every terminal code and is correspondingly slow
(tens of milliseconds for a chart); plotext only emits reset, bold and 256/true-colour
foreground and background codes, which this reads with one regular expression and
turns straight into Textual strips.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from functools import lru_cache

from rich.color import Color
from rich.segment import Segment
from rich.style import Style
from textual.strip import Strip

_SGR = re.compile(r"\x1b\[([0-9;]*)m")
_Colour = tuple[int, ...] | None
_BLANK = Style()


@lru_cache(maxsize=256)
def _style(fg: _Colour, bg: _Colour, bold: bool) -> Style:
    return Style(color=_colour(fg), bgcolor=_colour(bg), bold=bold or None)


def _colour(code: _Colour) -> Color | None:
    if code is None:
        return None
    if len(code) == 1:
        return Color.from_ansi(code[0])
    return Color.from_rgb(*code)


def _pieces(ansi: str) -> Iterator[tuple[str, Style]]:
    """The text between colour codes, each with the style in force."""
    fg: _Colour = None
    bg: _Colour = None
    bold = False
    position = 0
    for match in _SGR.finditer(ansi):
        if match.start() > position:
            yield ansi[position : match.start()], _style(fg, bg, bold)
        position = match.end()
        parts = [int(p) for p in match.group(1).split(";") if p] or [0]
        i = 0
        while i < len(parts):
            code = parts[i]
            if code == 0:
                fg, bg, bold = None, None, False
            elif code == 1:
                bold = True
            elif code in (38, 48) and i + 1 < len(parts):
                colour: _Colour = None
                if parts[i + 1] == 5 and i + 2 < len(parts):
                    colour = (parts[i + 2],)
                    i += 2
                elif parts[i + 1] == 2 and i + 4 < len(parts):
                    colour = tuple(parts[i + 2 : i + 5])
                    i += 4
                if code == 38:
                    fg = colour
                else:
                    bg = colour
            elif code == 39:
                fg = None
            elif code == 49:
                bg = None
            i += 1
    if position < len(ansi):
        yield ansi[position:], _style(fg, bg, bold)


def ansi_to_strips(ansi: str, width: int) -> list[Strip]:
    """One ``Strip`` per line of ``ansi``, exactly ``width`` cells wide."""
    lines: list[list[Segment]] = [[]]
    for text, style in _pieces(ansi):
        first, *rest = text.split("\n")
        if first:
            lines[-1].append(Segment(first, style))
        for more in rest:
            lines.append([Segment(more, style)] if more else [])
    # Padding gets an empty style, never None: NO_COLOR's monochrome filter reads it.
    return [Strip(segments).simplify().adjust_cell_length(width, _BLANK) for segments in lines]


def plain(ansi: str) -> str:
    """``ansi`` without its colour codes."""
    return _SGR.sub("", ansi)
