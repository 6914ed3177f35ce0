"""The PDF document itself: paper, fonts, margins, and the header and footer of every page.

fpdf2 is imported only when a document is made. Text is set in DejaVu Sans, shipped with
nervelog, with fpdf2's text shaping (HarfBuzz) on, so Arabic and Hebrew read right to
left with joined letters; the machine's fonts fill in for what DejaVu lacks
(``pdf_fonts``).
"""

from __future__ import annotations

from collections.abc import Iterator
from typing import Any

from nervelog.render.pdf_fonts import (
    BOX,
    FONT,
    FONT_FOLDER,
    FontPlan,
    combining,
    ignorable,
    plan_fonts,
)
from nervelog.render.report_model import DISCLAIMER, TITLE, ReportModel

MARGIN = 14.0
TOP = 12.0
BOTTOM = 17.0
GREY = 95
_PLAIN = 0x250
"""Below this code point (Latin and its extensions) DejaVu has every character."""


def report_chars(model: ReportModel) -> set[str]:
    """Every character of the patient's own words that the report prints."""

    def texts() -> Iterator[str]:
        yield from (model.name, model.date_of_birth, model.patient_id)
        for n in model.notes:
            yield n.text
        for s in model.sessions:
            yield from (s.kind, s.provider, s.notes, *s.body_areas)
        for c in model.courses:
            yield from (c.name, c.dose, c.schedule, c.reason, c.notes)
        for e in model.events:
            yield from (e.kind, e.text)
        for q in (*model.open_questions, *model.answered_questions):
            yield from (q.text, q.answer)

    return {c for text in texts() for c in text if ord(c) >= _PLAIN}


def new_document(model: ReportModel, paper: str) -> tuple[Any, FontPlan]:
    """An fpdf2 document with the fonts, margins and running header and footer (page 1 added),
    and the plan of which machine fonts it uses and which scripts no font has."""
    from fpdf import FPDF

    running = (
        f"{TITLE} · {model.who_text() + ' · ' if model.who_text() else ''}{model.range_text()}"
    )

    class ReportPDF(FPDF):
        """fpdf2 document with the report's running header and footer."""

        covered: frozenset[int] = frozenset()
        """Code points some font of the document has."""

        def set_font(self, family: str | None = None, style: Any = "", size: float = 0) -> None:
            super().set_font(family, style, size)
            # fpdf2 2.8.9 puts the font of a line whose first character comes from a
            # fallback font inside q…Q, so the next line would have no font: set it on
            # the page here, outside any line.
            font = self.current_font
            if self.page > 0 and font is not None and not self.current_font_is_set_on_page:
                self._out(self._set_font_for_page(font, self.font_size_pt))

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
    pdf.add_font(FONT, "", FONT_FOLDER / "DejaVuSans.ttf")
    pdf.add_font(FONT, "B", FONT_FOLDER / "DejaVuSans-Bold.ttf")
    base = _cmap(pdf, "dejavu")
    plan = plan_fonts(report_chars(model), base)
    names = []
    for i, font in enumerate(plan.fallbacks):
        name = f"Fallback{i}"
        pdf.add_font(name, "", font.path, collection_font_number=font.face)
        base |= _cmap(pdf, name.lower())
        names.append(name)
    if names:
        pdf.set_fallback_fonts(names, exact_match=False)
    pdf.covered = frozenset(base)
    pdf.set_text_shaping(True)
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
    return pdf, plan


def _cmap(pdf: Any, key: str) -> set[int]:
    """The code points an added font has."""
    return set(getattr(pdf.fonts[key], "cmap", {}))


def safe_text(pdf: Any, text: str) -> str:
    """``text`` ready to print: tabs as spaces, and a visible box for any character no
    font of the document has (newlines are kept for the caller to split on)."""
    text = text.replace("\t", "    ").replace("\r\n", "\n").replace("\r", "\n")
    if all(ord(c) < _PLAIN for c in text):
        return text
    covered = pdf.covered
    # A mark no font has belongs to the letter before it: that letter's box stands for both.
    return "".join(
        c if ord(c) in covered or ignorable(c) else "" if combining(c) else BOX for c in text
    )


def fit_line(pdf: Any, text: str) -> str:
    """``text`` cut with an ellipsis to fit one line between the margins."""
    room = pdf.w - pdf.l_margin - pdf.r_margin - 1
    if pdf.get_string_width(text) <= room:
        return text
    while text and pdf.get_string_width(text + "…") > room:
        text = text[: max(0, len(text) - max(1, len(text) // 10))]
    return text + "…"
