"""Page 1 of the PDF, read back as text, on a journal that has everything a doctor asks
about: questions, medicines, a fall, a symptom map, sessions. Every figure is computed here
from the values the test wrote, not through the analysis code."""

from __future__ import annotations

import io
import shutil
import statistics
import subprocess
from pathlib import Path

import pendulum
import pytest
from click.testing import CliRunner
from pypdf import PdfReader

from nervelog.cli import CliContext, cli
from nervelog.domain.care import Dose, Event, Medication, Question
from nervelog.domain.dates import FixedClock
from nervelog.domain.models import Entry, Session
from nervelog.domain.scores import Score, Scores
from nervelog.render.pdf_report import render_pdf
from nervelog.render.report_model import build_report
from nervelog.storage import Journal

END = pendulum.date(2026, 11, 22)
START = END.subtract(days=69)  # 10 weeks: the change compares the first and last 4 weeks
PAIN = [6, 7, 6, 5, 7, 6, 6, 5, 7, 8] * 3 + [4, 5, 4, 3, 5, 4, 4, 3] * 5
NUMB = [4, 4, 5, 4, 4, 4, 5] * 10
SKIPPED = {10, 11, 40}  # days with no entry at all: gaps


def _pdf_text(data: bytes) -> list[str]:
    return [p.extract_text() for p in PdfReader(io.BytesIO(data)).pages]


@pytest.fixture
def full(journal: Journal) -> Journal:
    for i in range(70):
        if i not in SKIPPED:
            scores = Scores(numbness=NUMB[i], pain=PAIN[i], mobility=5)
            journal.save_entry(
                Entry(
                    START.add(days=i),
                    scores,
                    notes="Feet burning after walking" if i % 5 == 0 else "",
                )
            )
    for i in (9, 23, 37, 51, 65):
        journal.add_session(Session(START.add(days=i), "physiotherapy"))
    meds = journal.medicines
    pregabalin = meds.start(
        Medication("pregabalin", "75 mg", START.subtract(days=30), schedule="twice daily")
    )
    meds.change(pregabalin.id or 0, "150 mg", None, START.add(days=20))
    paracetamol = meds.start(
        Medication("paracetamol", "1 g", START.subtract(days=5), as_needed=True)
    )
    for i in (3, 4, 30):
        meds.took(Dose(paracetamol.id or 0, START.add(days=i)))
    journal.events.add(Event(START.add(days=33), "fall", "Slipped in the shower"))
    journal.events.add(Event(START.add(days=50), "flare", "Burning at night"))
    journal.questions.add(Question("Is driving fine?", START.add(days=2)))
    journal.questions.add(Question("Could gabapentin be an option instead?", START.add(days=60)))
    asked = journal.questions.list()[0]
    journal.questions.answer(asked.id or 0, "Yes, if not drowsy.", START.add(days=12))
    journal.maps.set_symptom("numbness", {"toes": "both", "sole": "left"}, START.add(days=1))
    journal.maps.set_symptom("numbness", {"toes": "both", "sole": "both"}, START.add(days=40))
    return journal


def _swing(values: list[int | None]) -> tuple[float, int]:
    steps = [
        abs(b - a)
        for a, b in zip(values, values[1:], strict=False)
        if a is not None and b is not None
    ]
    return statistics.median(steps), len(steps)


def test_page_one_holds_what_a_doctor_acts_on(full: Journal) -> None:
    first = _pdf_text(render_pdf(build_report(full, START, END)).data)[0]
    flat = " ".join(first.split())
    # For this appointment: the open question, not the answered one.
    assert "Could gabapentin be an option instead?" in flat
    assert "Is driving fine?" not in flat
    assert "Questions the patient wants to ask (1)" in flat
    # Medicines now and the change in range, and the as-needed doses.
    assert "pregabalin 150 mg, twice daily" in flat and "paracetamol 1 g, as needed" in flat
    assert f"{START.add(days=20).isoformat()}: pregabalin 75 mg → 150 mg" in flat
    assert "paracetamol 3" in flat
    # Falls first, counted.
    assert "Notable events (1 fall)" in flat
    assert flat.index("FALL: Slipped in the shower") < flat.index("flare: Burning at night")
    # Where it is felt now, and how that changed.
    assert "numbness: toes (both sides), sole (both sides)" in flat
    assert "numbness in the sole: left → both sides" in flat
    # The first map's date in the heading, not a line repeating where it was marked.
    first, latest = START.add(days=1).isoformat(), START.add(days=40).isoformat()
    assert f"Where symptoms are felt (map of {latest}; first drawn {first})" in flat
    assert "first marked" not in flat
    # The figures: every score's change with n, beside its swing.
    values = {
        Score.PAIN: [None if i in SKIPPED else PAIN[i] for i in range(70)],
        Score.NUMBNESS: [None if i in SKIPPED else NUMB[i] for i in range(70)],
    }
    for score, series in values.items():
        first_side = [v for v in series[:28] if v is not None]
        last_side = [v for v in series[-28:] if v is not None]
        a, b = statistics.mean(first_side), statistics.mean(last_side)
        median, pairs = _swing(series)
        shown = f"{a:.1f} → {b:.1f}"
        counts = f"n={len(first_side)}/{len(last_side)}"
        line = next(ln for ln in flat.split("• ") if ln.startswith(score.label + " ("))
        assert shown in line and counts in line, line
        assert f"usual day-to-day swing {median:.1f} (n={pairs})" in line, line
    assert "The figures (change: first vs last 4 weeks)" in flat
    # The percentage only beside pain, and the reference says it is for pain only.
    lines = [ln.split("For context")[0] for ln in flat.split("• ")]
    pain_line = next(ln for ln in lines if ln.startswith("Pain ("))
    assert "%" in pain_line
    assert all("%" not in ln for ln in lines if ln.startswith(("Numbness (", "Mobility (")))
    assert "for pain only" in flat and "No such threshold is established" in flat
    assert "Tingling (↓ better): no values" in flat
    # How the diary was kept: 67 entries, all written on END by the fixed clock.
    assert "Days logged: 67 of 70 (96%)" in flat
    later = [(END - START.add(days=i)).days for i in range(70) if i not in SKIPPED and i < 68]
    assert (
        f"Recorded: on the day 1, the next day 1, later {len(later)} "
        f"(median {statistics.median(later):g} days after)"
    ) in flat
    assert "physiotherapy (5 sessions)" in flat
    assert "observed around sessions; does not show that the session caused it" in flat.lower()


def test_a_note_written_on_many_days_is_printed_once_with_its_count(full: Journal) -> None:
    pages = _pdf_text(render_pdf(build_report(full, START, END)).data)
    rest = " ".join(" ".join(pages[1:]).split())
    days = [START.add(days=i).isoformat() for i in range(0, 70, 5) if i not in SKIPPED]
    assert rest.count("Feet burning after walking") == 1
    assert f"[written on {len(days)} days: {days[0]}, {days[1]}" in rest


def test_a_spreadsheet_journal_says_imported_not_backfilled(tmp_path: Path) -> None:
    csv = tmp_path / "diary.csv"
    rows = [f"{START.add(days=i).isoformat()},4,3,{PAIN[i]},5," for i in range(70)]
    csv.write_text("date,numbness,tingling,pain,mobility,notes\n" + "\n".join(rows) + "\n")
    db, out = tmp_path / "j.db", tmp_path / "r.pdf"
    runner = CliRunner()
    context = CliContext(clock=FixedClock(pendulum.datetime(2026, 11, 22, 9, 30, tz="UTC")))
    for args in (["import", str(csv)], ["report", "--last", "70d", "--out", str(out)]):
        result = runner.invoke(cli, ["--db", str(db), *args], obj=context, catch_exceptions=False)
        assert result.exit_code == 0, result.output
    first = " ".join(PdfReader(out).pages[0].extract_text().split())
    assert "Recorded: imported (recording time unknown) 70; none written in nervelog" in first
    assert "backfilled" not in first


def test_a_long_table_repeats_its_header_on_every_page(journal: Journal) -> None:
    for i in range(70):
        journal.add_session(
            Session(START.add(days=i), "massage", notes="Deep tissue, calves. " * 6)
        )
    pages = _pdf_text(render_pdf(build_report(journal, START, END)).data)
    holding = [p for p in pages if "Deep tissue" in p]
    assert len(holding) >= 3
    for page in holding:
        assert "Date Kind Duration Details" in " ".join(page.split()), page[:300]


NOTES = {
    "ja": "今日は足がしびれて、よく眠れなかった。",
    "ar": "كان يوما جيدا",
    "emoji": "Good walk 😀 today",
}


def _pdftotext(data: bytes, tmp_path: Path) -> str:
    """The PDF's words as poppler's pdftotext reads them (as a PDF viewer would copy them)."""
    path = tmp_path / "r.pdf"
    path.write_bytes(data)
    out = subprocess.run(["pdftotext", str(path), "-"], capture_output=True, text=True, check=True)
    # Right-to-left runs come wrapped in bidi embedding marks; they are not the note's text.
    return out.stdout.translate({0x202A: None, 0x202B: None, 0x202C: None})


def _has_font_for(char: str) -> bool:
    if not shutil.which("fc-list"):
        return False
    out = subprocess.run(
        ["fc-list", f":charset={ord(char):x}", "file"], capture_output=True, text=True, check=False
    ).stdout
    return bool(out.strip())


NO_PDFTOTEXT = "pdftotext (poppler-utils) is not installed; .ci/run installs it"


@pytest.mark.skipif(not shutil.which("pdftotext"), reason=NO_PDFTOTEXT)
@pytest.mark.skipif(
    not _has_font_for("今"),
    reason="no CJK font on this machine (.ci/run installs Debian's fonts-noto-cjk)",
)
def test_notes_in_japanese_arabic_and_with_emoji_come_out_as_typed(
    journal: Journal, tmp_path: Path
) -> None:
    for i, note in enumerate(NOTES.values()):
        journal.save_entry(Entry(END.subtract(days=i), Scores(pain=3), notes=note))
    rendered = render_pdf(build_report(journal, START, END))
    text = _pdftotext(rendered.data, tmp_path)
    for note in NOTES.values():
        assert note in text, note
    assert not rendered.warnings


@pytest.mark.skipif(not shutil.which("pdftotext"), reason=NO_PDFTOTEXT)
def test_a_script_no_font_has_is_a_visible_box_and_a_warning(
    journal: Journal, monkeypatch: pytest.MonkeyPatch, tmp_path: Path
) -> None:
    from nervelog.render import pdf_fonts

    monkeypatch.setattr(pdf_fonts, "_fonts_for", lambda char: [])  # a machine with no fonts
    journal.save_entry(Entry(END, Scores(pain=3), notes="Tamil: தமிழ் and Japanese: 今日"))
    rendered = render_pdf(build_report(journal, START, END))
    text = _pdftotext(rendered.data, tmp_path)
    # One box per letter (த ம ழ); the vowel signs go with the letter they belong to.
    assert "Tamil: □□□ and Japanese: □□" in text
    assert "?" not in text.split("Tamil:")[1][:20]
    scripts = " ".join(rendered.warnings)
    assert "Tamil characters" in scripts and "Chinese, Japanese or Korean characters" in scripts
    assert "fonts-noto-cjk" in scripts


def test_the_report_command_names_the_script_that_lacked_a_font(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    from nervelog.render import pdf_fonts

    monkeypatch.setattr(pdf_fonts, "_fonts_for", lambda char: [])
    db, out = tmp_path / "j.db", tmp_path / "r.pdf"
    context = CliContext(clock=FixedClock(pendulum.datetime(2026, 11, 22, 9, 30, tz="UTC")))
    runner = CliRunner()
    runner.invoke(cli, ["--db", str(db), "log", "--pain", "3", "--note", "நன்று"], obj=context)
    result = runner.invoke(cli, ["--db", str(db), "report", "--out", str(out)], obj=context)
    assert result.exit_code == 0, result.output
    assert "Tamil characters" in result.stderr and "the PDF shows them as □" in result.stderr
    assert out.exists()


def test_a_script_nervelog_does_not_list_is_named_from_unicode(journal: Journal) -> None:
    from nervelog.render import pdf_fonts

    with pytest.MonkeyPatch.context() as patch:
        patch.setattr(pdf_fonts, "_fonts_for", lambda char: [])  # a machine with no fonts
        journal.save_entry(Entry(END, Scores(pain=3), notes="Ol Chiki ᱚᱛᱟ and 𓀀"))
        warnings = " ".join(render_pdf(build_report(journal, START, END)).warnings)
    assert "the Ol Chiki characters in the report (ᱚᱛᱟ)" in warnings
    assert "the Egyptian characters" in warnings
    assert "other characters" not in warnings
