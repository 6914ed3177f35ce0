"""A plain, fast table for fpdf2: wrapped cells, repeated headings, rows split across pages.

fpdf2's own ``table()`` measures text one character at a time through its line breaker,
too slow for a ten-year session list (README, "Performance", says by how much). Here
each word is measured once from the font's width table and lines are placed with
``FPDF.text``; a line with characters beyond Latin goes through ``FPDF.cell`` instead,
which shapes it (right-to-left, joined letters) and takes what DejaVu lacks from
fallback fonts.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from typing import Any, NamedTuple

from nervelog.render.pdf_document import safe_text

RULE_GREY = 185
HEAD_FILL = 232


class TableStyle(NamedTuple):
    """Font size (pt), line height and cell padding (mm)."""

    size: float = 8.0
    line_height: float = 3.7
    pad_x: float = 1.2
    pad_y: float = 0.8


def text_measurer(pdf: Any) -> Callable[[str], float]:
    """A function giving the width in mm of a string in the current font and size."""
    widths = pdf.current_font.cw
    scale = pdf.font_size_pt * 0.001 / pdf.k

    def measure(text: str) -> float:
        if plain(text):
            return float(sum(widths[ord(c)] for c in text) * scale)
        return float(pdf.get_string_width(text))

    return measure


def plain(text: str) -> bool:
    """True when DejaVu draws ``text`` as it is: no shaping, no fallback font needed."""
    return all(ord(c) < 0x590 for c in text)


def wrap(text: str, width: float, measure: Callable[[str], float]) -> list[str]:
    """Greedy word wrap to ``width`` mm; words longer than a line are cut by character."""
    lines: list[str] = []
    space = measure(" ")
    for paragraph in text.split("\n"):
        current: str | None = None
        used = 0.0
        for word in paragraph.split(" "):
            w = measure(word)
            if current is not None and used + space + w <= width:
                current, used = f"{current} {word}", used + space + w
                continue
            if current is not None:
                lines.append(current)
            if w <= width:
                current, used = word, w
                continue
            # A word wider than the cell (a URL, a long number): cut it where it must.
            piece, piece_w = "", 0.0
            for char in word:
                cw = measure(char)
                if piece and piece_w + cw > width:
                    lines.append(piece)
                    piece, piece_w = "", 0.0
                piece, piece_w = piece + char, piece_w + cw
            current, used = piece, piece_w
        lines.append(current or "")
    return lines or [""]


def draw_table(
    pdf: Any,
    font: str,
    headings: Sequence[str],
    rows: Sequence[Sequence[str]],
    widths: Sequence[float],
    style: TableStyle,
    align: Sequence[str] | None = None,
) -> None:
    """Draw a table from the current position across the full text width.

    ``widths`` are proportions; ``align`` holds ``L``, ``C`` or ``R`` per column. A row
    that does not fit moves to the next page under repeated headings; a row taller than
    a whole page is split between pages line by line, so nothing runs off the paper.
    """
    total = pdf.w - pdf.l_margin - pdf.r_margin
    scale = total / sum(widths)
    cols = [w * scale for w in widths]
    aligns = list(align) if align else ["L"] * len(cols)
    lh, px, py = style.line_height, style.pad_x, style.pad_y
    # Where the baseline sits inside a line: roughly centred for DejaVu's metrics.
    baseline = lh * 0.5 + style.size / pdf.k * 0.36

    pdf.set_font(font, "B", style.size)
    head_measure = text_measurer(pdf)
    head_cells = [
        wrap(safe_text(pdf, h), c - 2 * px, head_measure)
        for h, c in zip(headings, cols, strict=True)
    ]
    head_lines = max(len(c) for c in head_cells)
    head_h = head_lines * lh + 2 * py

    pdf.set_font(font, "", style.size)
    measure = text_measurer(pdf)

    def draw_lines(
        cells: Sequence[Sequence[str]],
        top: float,
        first: int,
        count: int,
        width_of: Callable[[str], float],
    ) -> None:
        x = pdf.l_margin
        for lines, width, how in zip(cells, cols, aligns, strict=True):
            for i, line in enumerate(lines[first : first + count]):
                if not line:
                    continue
                offset = px
                if how != "L":
                    spare = width - 2 * px - width_of(line)
                    offset += spare if how == "R" else spare / 2
                if plain(line):
                    pdf.text(x + offset, top + py + i * lh + baseline, line)
                else:
                    pdf.set_xy(x + offset, top + py + i * lh)
                    margin, pdf.c_margin = pdf.c_margin, 0  # placed exactly as text() lines
                    pdf.cell(width - 2 * px, lh, line)
                    pdf.c_margin = margin
            x += width

    def draw_heading() -> None:
        top = pdf.get_y()
        pdf.set_fill_color(HEAD_FILL)
        pdf.rect(pdf.l_margin, top, total, head_h, style="F")
        pdf.set_font(font, "B", style.size)
        draw_lines(head_cells, top, 0, head_lines, head_measure)
        pdf.set_font(font, "", style.size)
        pdf.set_y(top + head_h)

    def rule(y: float) -> None:
        pdf.set_draw_color(RULE_GREY)
        pdf.set_line_width(0.15)
        pdf.line(pdf.l_margin, y, pdf.l_margin + total, y)

    def new_page() -> None:
        pdf.add_page()
        pdf.set_font(font, "", style.size)
        draw_heading()

    if pdf.get_y() + head_h + lh + 2 * py > pdf.page_break_trigger:
        pdf.add_page()
    draw_heading()
    for values in rows:
        cells = [
            wrap(safe_text(pdf, v), c - 2 * px, measure) for v, c in zip(values, cols, strict=True)
        ]
        height = max(len(c) for c in cells)
        done, fresh = 0, False
        while done < height:
            room = int((pdf.page_break_trigger - pdf.get_y() - 2 * py) // lh)
            whole_fits_elsewhere = height * lh + 2 * py < _page_room(pdf)
            if not fresh and (room < 1 or (done == 0 and room < height and whole_fits_elsewhere)):
                # Keep a row whole when it fits on a fresh page; split only giant rows.
                new_page()
                fresh = True
                continue
            room = max(room, 1)
            count = min(room, height - done)
            top = pdf.get_y()
            draw_lines(cells, top, done, count, measure)
            bottom = top + count * lh + 2 * py
            rule(bottom)
            pdf.set_y(bottom)
            done += count
            fresh = False
    pdf.set_x(pdf.l_margin)


def _page_room(pdf: Any) -> float:
    """The height a table can use on a fresh page (below the running header)."""
    return float(pdf.page_break_trigger - pdf.t_margin - 12)
