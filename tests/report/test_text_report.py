"""The text and Markdown summary: a golden file, 80 columns, and thin journals.

Regenerate the golden file after an intended change with
``NERVELOG_UPDATE_GOLDEN=1 pytest tests/report/test_text_report.py`` and read the diff.
"""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import pendulum

from journal_support import save_day
from nervelog.domain.disclaimer import DISCLAIMER
from nervelog.domain.models import Entry, Session
from nervelog.domain.scores import Scores
from nervelog.domain.text import display_width
from nervelog.render.report_model import build_report
from nervelog.render.text_report import render_markdown, render_text
from nervelog.storage import Journal

GOLDEN = Path(__file__).parent / "golden" / "demo-report.txt"
END = pendulum.date(2026, 11, 22)
START = END.subtract(days=89)


def test_demo_text_report_matches_the_golden_file(demo: Journal) -> None:
    text = render_text(build_report(demo, START, END, name="Alex Example"))
    if os.environ.get("NERVELOG_UPDATE_GOLDEN"):
        GOLDEN.write_text(text, encoding="utf-8")
    assert text == GOLDEN.read_text(encoding="utf-8")


def test_no_line_is_wider_than_80_columns(demo: Journal) -> None:
    save_day(
        demo,
        Entry(
            date=END.subtract(days=3),
            scores=Scores(pain=3),
            notes="中文の長いメモ" * 20 + " " + "https://example.org/" + "a" * 150,
        ),
    )
    demo.add_session(Session(date=END.subtract(days=2), kind="a very long kind name " * 6))
    text = render_text(build_report(demo, START, END, include_daily=True, name="N" * 120))
    widths = [display_width(line) for line in text.splitlines()]
    assert max(widths) <= 80
    assert "https://example.org/" in text


def test_a_report_saved_from_a_narrow_terminal_has_whole_charts(tmp_path: Path) -> None:
    out = tmp_path / "report.txt"
    narrow = {**os.environ, "COLUMNS": "40", "LINES": "20"}
    command = ["report", "--format", "text", "--out", str(out)]
    result = subprocess.run(
        [sys.executable, "-m", "nervelog", "--demo", *command], env=narrow, capture_output=True
    )
    assert result.returncode == 0, result.stderr
    tops = [line for line in out.read_text(encoding="utf-8").splitlines() if "┌" in line]
    # Four charts, each framed across the report's 80 columns, not the terminal's 40.
    assert len(tops) == 4
    assert all(line.rstrip().endswith("┐") and display_width(line) >= 78 for line in tops)


def test_every_printed_page_ends_with_the_disclaimer_and_its_number(demo: Journal) -> None:
    text = render_text(build_report(demo, START, END, include_daily=True))
    pages = text.split("\f")
    assert len(pages) > 2
    assert DISCLAIMER in " ".join(pages[0].splitlines()[:10])
    for number, page in enumerate(pages, start=1):
        lines = page.strip("\n").splitlines()
        assert len(lines) <= 60, "a page must fit a printed sheet"
        # The disclaimer is wider than 80 columns, so it wraps onto two lines.
        assert " ".join(line.strip() for line in lines[-3:-1]) == DISCLAIMER
        assert lines[-1].strip() == f"page {number} of {len(pages)}"


def test_a_long_table_goes_on_under_its_heading_row_and_no_row_is_split(
    journal: Journal,
) -> None:
    # Seventy sessions whose notes wrap onto several lines: the session list spans pages.
    for i in range(70):
        note = f"Visit {i:02d}: deep tissue on the calves, gentle on the feet, stretches after."
        journal.add_session(Session(date=START.add(days=i), kind="massage", notes=note))
    pages = render_text(build_report(journal, START, END)).split("\f")
    holding = [page for page in pages if "Visit " in page]
    assert len(holding) >= 3
    seen = []
    for page in holding:
        lines = page.strip("\n").splitlines()
        at = next(i for i, line in enumerate(lines) if line.split()[:2] == ["Date", "Kind"])
        assert lines[at].split()[-2:] == ["Duration", "Details"]
        # A row starts right under the heading row and its rule, not the end of a cut one.
        assert lines[at + 1].startswith("----") and lines[at + 2].startswith("2026-")
        for i, line in enumerate(lines):
            if "Visit " in line:  # each row whole: its note's second line follows it
                seen.append(line[line.index("Visit ") + 6 :][:2])
                assert "gentle on the feet, stretches after." in lines[i + 1]
    assert seen == [f"{i:02d}" for i in range(70)]  # every row once, in order


def test_markdown_variant(demo: Journal) -> None:
    md = render_markdown(build_report(demo, START, END, name="Alex Example"))
    assert md.startswith("# Symptom journal summary\n")
    for heading in ("For this appointment", "Scores over time", "How the diary was kept"):
        assert f"## {heading}" in md
    assert "## The figures (change: first vs last 4 weeks)" in md
    assert "### Questions the patient wants to ask (2)" in md
    assert "- Could the pregabalin go up again, or is there another option?" in md
    assert md.count("```") == 8  # four charts, each fenced
    assert f"**{DISCLAIMER}**" in md
    assert md.endswith(f"---\n{DISCLAIMER}\n")


def test_markdown_table_cells_cannot_break_the_table(journal: Journal) -> None:
    note = "a | b\nsecond *line* <script>"
    save_day(journal, Entry(date=END, scores=Scores(pain=2), notes=note))
    md = render_markdown(build_report(journal, START, END))
    assert "| 2026-11-22 | a \\| b<br>second \\*line\\* \\<script\\> |" in md


def test_a_change_around_sessions_that_rounds_to_nothing_has_no_sign(journal: Journal) -> None:
    # Massage on day 10 (pain 5, 5, 5 before; 5, 5, 6 after: +1/3) and on day 20
    # (5, 5, 6 before; 5, 5, 5 after: -1/3): no change, not "-0.0" or "+0.0".
    pains = {7: 5, 8: 5, 9: 5, 11: 5, 12: 5, 13: 6, 17: 5, 18: 5, 19: 6, 21: 5, 22: 5, 23: 5}
    for offset, pain in pains.items():
        save_day(journal, Entry(date=START.add(days=offset), scores=Scores(pain=pain)))
    for offset in (10, 20):
        journal.add_session(Session(date=START.add(days=offset), kind="massage"))
    text = render_text(build_report(journal, START, END))
    assert "massage (2 sessions): pain 0.0 (n=2)" in text


def test_empty_journal_text_report_says_so(journal: Journal) -> None:
    text = render_text(build_report(journal, START, END))
    assert "No entries or sessions were recorded in this range." in text
    assert "Days logged: 0 of 90 (0%)" in text
    assert "No daily scores to chart in this range." in text
    assert "No notes in this range." in text


def test_only_sessions_in_range(journal: Journal) -> None:
    journal.add_session(Session(date=END, kind="massage", notes="felt lighter"))
    text = render_text(build_report(journal, END, END))
    assert "No daily scores were recorded in this range" in text
    assert "single day" in text
    assert "felt lighter" in text


def test_two_threads_drawing_charts_at_once_each_get_their_own(demo: Journal) -> None:
    # The app's Summary preview and export run in threads; plotext has one figure.
    import sys
    import threading

    from nervelog.render.text_report import score_charts_text

    short = build_report(demo, END.subtract(days=13), END)
    long = build_report(demo, START, END)
    expected = [score_charts_text(m) for m in (short, long)]
    got: dict[int, list[list[str]]] = {0: [], 1: []}

    def draw(index: int) -> None:
        model = (short, long)[index]
        for _ in range(5):
            got[index].append(score_charts_text(model))

    interval = sys.getswitchinterval()
    sys.setswitchinterval(1e-6)  # switch threads often, as a busy app would
    try:
        threads = [threading.Thread(target=draw, args=(i,)) for i in (0, 1)]
        for thread in threads:
            thread.start()
        for thread in threads:
            thread.join()
    finally:
        sys.setswitchinterval(interval)
    assert len(got[0]) == len(got[1]) == 5  # neither thread failed
    assert all(charts == expected[0] for charts in got[0])
    assert all(charts == expected[1] for charts in got[1])


def test_markdown_items_show_the_patients_words_literally_once_escaped(journal: Journal) -> None:
    from nervelog.domain.care import Question

    journal.add_session(Session(date=END, kind="*deep* massage"))
    journal.questions.add(Question("Is 2*3 doses_per_day ok?", END))
    md = render_markdown(build_report(journal, START, END))
    assert "- Is 2\\*3 doses\\_per\\_day ok?" in md
    assert "- \\*deep\\* massage (1 session)" in md
    assert "\\\\" not in md  # nothing escaped twice
