"""The PDF document itself: paper, fonts, margins, and the header and footer of every page.

fpdf2 is imported only when a document is made. Text is set in DejaVu Sans (bundled with
matplotlib) rather than a core PDF font, because core fonts are Latin-1 only.
"""

from __future__ import annotations

import importlib.util
from pathlib import Path
from typing import Any

from nervelog.render.pdf_table import safe_text
from nervelog.render.report_model import DISCLAIMER, TITLE, ReportModel

FONT = "DejaVu"
MARGIN = 14.0
TOP = 12.0
BOTTOM = 17.0
GREY = 95


def font_folder() -> Path:
    """matplotlib's bundled TTF folder, found without importing matplotlib."""
    spec = importlib.util.find_spec("matplotlib")
    if spec is not None and spec.submodule_search_locations:
        folder = Path(next(iter(spec.submodule_search_locations))) / "mpl-data" / "fonts" / "ttf"
        if folder.is_dir():
            return folder
    import matplotlib

    return Path(matplotlib.get_data_path()) / "fonts" / "ttf"


def paper_width(paper: str) -> float:
    """The page width in mm."""
    return 210.0 if paper == "a4" else 215.9


def new_document(model: ReportModel, paper: str) -> Any:
    """An fpdf2 document with the fonts, margins and running header and footer (page 1 added)."""
    from nervelog._imports import import_without_numpy

    # fpdf2 would import numpy (~150 ms) only to speed up image cases this report never
    # meets; the chart child process imports it for matplotlib anyway (issue 7).
    import_without_numpy("fpdf")
    from fpdf import FPDF

    running = f"{TITLE} · {model.name + ' · ' if model.name else ''}{model.range_text()}"

    class ReportPDF(FPDF):
        """fpdf2 document with the report's running header and footer."""

        def header(self) -> None:
            if self.page_no() > 1:
                self.set_font(FONT, "", 7.5)
                self.set_text_color(GREY)
                self.cell(
                    0, 4, fit_line(self, safe_text(self, running)), new_x="LMARGIN", new_y="NEXT"
                )
                self.set_text_color(0)
                self.ln(2)

        def footer(self) -> None:
            self.set_y(-BOTTOM + 5)
            self.set_draw_color(150)
            self.line(self.l_margin, self.get_y(), self.w - self.r_margin, self.get_y())
            self.ln(1)
            self.set_font(FONT, "", 7.5)
            self.set_text_color(GREY)
            width = self.w - self.l_margin - self.r_margin
            self.cell(width - 28, 4, DISCLAIMER)
            self.cell(28, 4, f"page {self.page_no()} of {{nb}}", align="R")
            self.set_text_color(0)

    pdf = ReportPDF(orientation="portrait", unit="mm", format="A4" if paper == "a4" else "Letter")
    fonts = font_folder()
    pdf.add_font(FONT, "", fonts / "DejaVuSans.ttf")
    pdf.add_font(FONT, "B", fonts / "DejaVuSans-Bold.ttf")
    pdf.set_margins(MARGIN, TOP, MARGIN)
    pdf.set_auto_page_break(True, margin=BOTTOM)
    pdf.alias_nb_pages()
    pdf.set_title(f"{TITLE} {model.range_text()}")
    pdf.set_author(model.name)
    pdf.set_creator("nervelog")
    pdf.set_producer("nervelog")
    # The journal's clock, not the machine's, so a report made with a fixed clock is
    # byte-for-byte reproducible.
    pdf.set_creation_date(model.generated_at)
    pdf.add_page()
    return pdf


def fit_line(pdf: Any, text: str) -> str:
    """``text`` cut with an ellipsis to fit one line between the margins."""
    room = pdf.w - pdf.l_margin - pdf.r_margin - 1
    if pdf.get_string_width(text) <= room:
        return text
    while text and pdf.get_string_width(text + "…") > room:
        text = text[: max(0, len(text) - max(1, len(text) // 10))]
    return text + "…"
