"""The PDF summary, read back with pypdf as a doctor's PDF viewer would show it."""

from __future__ import annotations

import io
import re
import statistics
from collections.abc import Callable
from typing import Any

import pendulum
import pytest
from pypdf import PdfReader

from nervelog.domain.dates import FixedClock
from nervelog.domain.disclaimer import DISCLAIMER
from nervelog.domain.models import Entry, Session
from nervelog.domain.scores import SCORES, Scores
from nervelog.render.pdf_report import render_pdf
from nervelog.render.report_model import build_report
from nervelog.storage import Journal, memory_journal
from nervelog.storage.demo import demo_document, load_demo

END = pendulum.date(2026, 11, 22)
START = END.subtract(days=89)
NOW = pendulum.datetime(2026, 11, 22, 9, 30, tz="Europe/London")
Pages = Callable[[bytes], list[str]]


def demo_pdf(journal: Journal, **options: Any) -> bytes:
    model = build_report(journal, START, END, name="Alex Example", **options)
    return render_pdf(model).data


@pytest.fixture(scope="module")
def demo_pages() -> list[str]:
    """The demo report's pages (made once: each PDF takes a moment)."""
    journal = memory_journal(FixedClock(NOW))
    load_demo(journal)
    return [p.extract_text() for p in PdfReader(io.BytesIO(demo_pdf(journal))).pages]


def test_every_page_has_the_disclaimer_and_its_number(demo_pages: list[str]) -> None:
    pages = demo_pages
    assert len(pages) >= 2
    for number, text in enumerate(pages, start=1):
        assert DISCLAIMER in text
        assert f"page {number} of {len(pages)}" in text


def test_page_one_shows_who_when_and_the_range(demo_pages: list[str]) -> None:
    first = demo_pages[0]
    assert "Symptom journal summary" in first
    assert "Name: Alex Example" in first
    assert "2026-08-25 to 2026-11-22 (90 days)" in first
    assert "Generated: 2026-11-22 09:30" in first
    headings = (
        "For this appointment",
        "Questions the patient wants to ask",
        "Medicines",
        "Notable events",
        "Where symptoms are felt",
        "Scores over time",
        "The figures",
        "How the diary was kept",
        "Around sessions",
    )
    # In PRODUCT.md's order.
    positions = [first.index(h) for h in headings]
    assert positions == sorted(positions)


def test_coverage_and_means_match_the_demo_journal(
    demo_pages: list[str], clock: FixedClock
) -> None:
    # Computed here from the raw demo JSON, not through the analysis code.
    document = demo_document(clock.today())
    rows = [
        e
        for e in document["entries"]  # type: ignore[attr-defined]
        if START.isoformat() <= e["date"] <= END.isoformat()
    ]
    first = demo_pages[0]
    percent = round(100 * len(rows) / 90)
    assert f"Days logged: {len(rows)} of 90 ({percent}%)" in first
    for score in SCORES:
        values = [r[score.value] for r in rows if r[score.value] is not None]
        expected = f"{statistics.mean(values):.1f} (n={len(values)})"
        line = next(line for line in first.splitlines() if line.startswith(f"• {score.label} ("))
        assert expected in line, (score, line)
        arrow = "↑" if score.higher_is_better else "↓"
        assert f"({arrow} better)" in line


def test_sessions_and_notes_follow_page_one(demo_pages: list[str]) -> None:
    pages = demo_pages
    rest = "\n".join(pages[1:])
    assert "Session list" in rest
    assert "Notes by date" in rest
    assert "Stairs were hard today." in rest
    assert "M massage (13), P physiotherapy (2)" in pages[0]


def test_daily_table_lists_every_day_only_when_asked(
    demo: Journal, demo_pages: list[str], pdf_pages: Pages
) -> None:
    without = "\n".join(demo_pages)
    with_daily = "\n".join(pdf_pages(demo_pdf(demo, include_daily=True)))
    assert "Daily scores table" not in without
    assert "Daily scores table" in with_daily
    for day in (START, START.add(days=45), END):
        assert day.isoformat() in with_daily


def test_letter_paper(demo: Journal) -> None:
    model = build_report(demo, START, END)
    reader = PdfReader(io.BytesIO(render_pdf(model, "letter").data))
    box = reader.pages[0].mediabox
    assert (round(float(box.width)), round(float(box.height))) == (612, 792)
    with pytest.raises(ValueError):
        render_pdf(model, "a5")


def test_empty_journal_gives_a_valid_report_that_says_so(
    journal: Journal, pdf_pages: Pages
) -> None:
    pages = pdf_pages(render_pdf(build_report(journal, START, END)).data)
    assert "No entries or sessions were recorded in this range." in pages[0]
    assert "Days logged: 0 of 90 (0%)" in pages[0]
    assert "No daily scores to chart in this range." in pages[0]
    assert all(DISCLAIMER in p for p in pages)


def test_one_day_and_only_sessions(journal: Journal, pdf_pages: Pages) -> None:
    day = pendulum.date(2026, 11, 20)
    journal.add_session(Session(date=day, kind="massage", duration_min=30))
    pages = pdf_pages(render_pdf(build_report(journal, day, day)).data)
    text = "\n".join(pages)
    assert "2026-11-20 (1 day)" in text
    assert "No daily scores were recorded in this range" in text
    assert "single day" in text
    assert "massage (1 session)" in text


def test_any_unicode_note_renders_and_long_notes_paginate(
    journal: Journal, pdf_pages: Pages
) -> None:
    day = pendulum.date(2026, 11, 1)
    odd = "Émile’s feet — ça brûle; 中文 notes 😀 עברית \x1b[31m red?"
    journal.save_entry(Entry(date=day, scores=Scores(pain=4), notes=odd))
    long_note = " ".join(f"word{i}" for i in range(3000)) + " " + "x" * 400
    journal.save_entry(Entry(date=day.add(days=1), scores=Scores(pain=5), notes=long_note))
    data = render_pdf(build_report(journal, START, END, name="Name " * 80)).data
    pages = pdf_pages(data)
    text = "\n".join(pages)
    assert "Émile’s feet — ça brûle" in text
    assert "\\x1b[31m red?" in text  # control characters are shown, never obeyed
    assert "word2999" in text
    assert len(pages) >= 4
    assert_nothing_outside_the_page(data)


def assert_nothing_outside_the_page(data: bytes) -> None:
    """Every line of text starts inside the page and ends before its right edge."""
    for number, page in enumerate(PdfReader(io.BytesIO(data)).pages, start=1):
        assert not text_outside(page), (number, text_outside(page))


def text_outside(page: Any) -> list[str]:
    """Lines of text on ``page`` that start or (by a generous estimate) end off the paper."""
    width, height = float(page.mediabox.width), float(page.mediabox.height)
    problems: list[str] = []

    def visit(text: str, cm: Any, tm: Any, font: Any, size: float) -> None:
        if not text.strip():
            return
        x, y = tm[4] * cm[0] + cm[4], tm[5] * cm[3] + cm[5]
        # DejaVu Sans glyphs average well over 0.5 em, so a line that would run off the
        # paper is caught by this estimate of its width.
        estimate = len(text.strip()) * size * 0.5
        if not (0 <= x and x + estimate <= width and 0 <= y <= height):
            problems.append(f"{text!r} at {x:.0f},{y:.0f}")

    page.extract_text(visitor_text=visit)
    return problems


def test_demo_report_stays_on_the_paper(demo: Journal) -> None:
    assert_nothing_outside_the_page(demo_pdf(demo, include_daily=True))


def test_generation_date_comes_from_the_journal_clock(demo: Journal) -> None:
    reader = PdfReader(io.BytesIO(demo_pdf(demo)))
    created = str(reader.metadata.get("/CreationDate", ""))
    assert re.match(r"D:20261122", created)


@pytest.mark.parametrize("paper", ["a4", "letter"])
def test_demo_page_one_is_whole_and_the_tables_follow(
    demo: Journal, paper: str, pdf_pages: Pages
) -> None:
    model = build_report(demo, START, END, name="Alex Example")
    pages = pdf_pages(render_pdf(model, paper).data)
    first = pages[0]
    # Page 1 ends with the around-sessions lines, the swing beside them ...
    assert "Around sessions" in first and "usual day-to-day swing:" in first
    # ... and the full tables begin page 2.
    assert "Around sessions in detail" not in first and "Session list" not in first
    assert "Around sessions in detail" in pages[1]
