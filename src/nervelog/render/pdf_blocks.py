"""The PDF's building blocks: paragraphs, bulleted lines, headings, sections and tables,
each kept whole on a page where it fits (``pdf_report`` puts them in the report's order).
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any

from nervelog.render.pdf_document import GREY, safe_text
from nervelog.render.pdf_table import TableStyle, draw_table

FONT = "DejaVu"
HEADING_HEIGHT = 7.0
"""What a section heading takes, with the space above and below it."""


class PdfBlocks:
    """Writes blocks one under another on an fpdf2 document, within its margins."""

    def __init__(self, pdf: Any) -> None:
        self.pdf = pdf
        self.width: float = pdf.w - pdf.l_margin - pdf.r_margin

    def text(self, text: str, size: float = 8.5, bold: bool = False, grey: bool = False) -> None:
        """A paragraph that wraps within the margins."""
        pdf = self.pdf
        pdf.set_font(FONT, "B" if bold else "", size)
        pdf.set_text_color(GREY if grey else 0)
        pdf.multi_cell(
            self.width, size * 0.43, safe_text(pdf, text), align="L", new_x="LMARGIN", new_y="NEXT"
        )
        pdf.set_text_color(0)

    def items(self, lines: Sequence[str], size: float = 8.5) -> None:
        """Lines with a hanging bullet; each kept whole on its page."""
        pdf = self.pdf
        for line in lines:
            if not self.fits([line], size):
                pdf.add_page()
            pdf.set_font(FONT, "", size)
            pdf.set_x(pdf.l_margin)
            pdf.cell(3.2, size * 0.43, "•")
            pdf.multi_cell(
                self.width - 3.2,
                size * 0.43,
                safe_text(pdf, line),
                align="L",
                new_x="LMARGIN",
                new_y="NEXT",
            )

    def fits(self, lines: Sequence[str], size: float = 8.5, extra: float = 0) -> bool:
        """Whether ``lines`` as ``items`` wraps them (and ``extra`` mm) fit on this page.

        Wrapping is measured (a dry run: milliseconds a line with text shaping) only when
        the lines could come near the foot of the page: a wrapped line holds nearly a full
        width of text, so two spare lines an item bound its height.
        """
        pdf = self.pdf
        room: float = pdf.page_break_trigger - pdf.get_y() - extra
        pdf.set_font(FONT, "", size)
        usable = self.width - 3.2
        most: float = sum(pdf.get_string_width(line) / usable + 2 for line in lines) * size * 0.43
        if most <= room:
            return True
        wrapped = (
            pdf.multi_cell(usable, size * 0.43, safe_text(pdf, line), dry_run=True, output="LINES")
            for line in lines
        )
        return sum(len(rows) for rows in wrapped) * size * 0.43 <= room

    def section(
        self, title: str, lines: Sequence[str], size: float = 8, aside: str = "", extra: float = 0
    ) -> None:
        """A heading (with its ``aside``) and bulleted lines, on the next page if they do
        not fit on this one (with ``extra`` mm for what follows): a section of page 1
        never leaves a line behind on the next."""
        if not self.fits(lines, size, extra=HEADING_HEIGHT + extra):
            self.pdf.add_page()
        self.heading(title, keep_with=0, aside=aside)
        self.items(lines, size=size)

    def heading(
        self, text: str, keep_with: float = 20, size: float = 10.5, aside: str = ""
    ) -> None:
        """A section heading, moved to the next page if nothing would fit under it.

        ``aside`` follows the heading on its line, small and grey (a label for the section).
        """
        pdf = self.pdf
        if pdf.will_page_break(HEADING_HEIGHT + keep_with):
            pdf.add_page()
        pdf.ln(1.8 if size > 10 else 0.8)
        pdf.set_font(FONT, "B", size)
        pdf.cell(pdf.get_string_width(text) + 2, size * 0.48, text)
        if aside:
            pdf.set_font(FONT, "", 7)
            pdf.set_text_color(GREY)
            pdf.cell(0, size * 0.48, safe_text(pdf, aside))
            pdf.set_text_color(0)
        pdf.ln(size * 0.48 + 0.5)

    def table(
        self,
        headings: Sequence[str],
        rows: Sequence[Sequence[str]],
        widths: Sequence[float],
        size: float = 8,
        align: Sequence[str] | None = None,
    ) -> None:
        """A table whose cells wrap; headings repeat when it runs onto another page."""
        style = TableStyle(size=size, line_height=size * 0.46, pad_x=1.2, pad_y=0.8)
        draw_table(self.pdf, FONT, headings, rows, widths, style, align)
        self.pdf.ln(1)
