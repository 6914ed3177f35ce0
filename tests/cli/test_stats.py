"""``nervelog stats`` as a user runs it, on hand-made journals and the demo."""

from __future__ import annotations

from collections.abc import Callable, Iterator
from pathlib import Path

import pendulum
import pytest
from click.testing import CliRunner, Result

from journal_support import save_day
from nervelog.cli import CliContext, cli
from nervelog.domain.dates import FixedClock
from nervelog.domain.models import Entry, Session
from nervelog.domain.scores import Scores
from nervelog.storage import Journal, open_journal

Run = Callable[..., Result]

DISCLAIMER = "Personal observations recorded by the patient. Not a diagnosis or medical advice."
LABEL = "observed around sessions; does not show that the session caused it"
START = pendulum.date(2026, 10, 1)  # with --to 2026-10-28: exactly 28 days


def d(offset: int) -> pendulum.Date:
    return START.add(days=offset)


@pytest.fixture
def stored(journal_path: Path, clock: FixedClock) -> Iterator[Journal]:
    """A file journal the test fills before running the command."""
    journal = open_journal(journal_path, clock)
    yield journal
    journal.db.conn.close()


def fill(journal: Journal) -> None:
    """Pain on days 0-6 and 21-27 (7 a side, the least a change needs); mobility only late;
    one massage."""
    early = {0: 6, 1: 7, 2: 6, 3: 5, 4: 6, 5: 6, 6: 6}
    late = {21: 4, 22: 4, 23: 4, 24: 4, 25: 4, 26: 5, 27: 3}
    for offset, pain in (early | late).items():
        save_day(journal, Entry(d(offset), Scores(pain=pain)))
    save_day(journal, Entry(d(26), Scores(pain=5, mobility=6)))
    journal.add_session(
        Session(d(25), "massage", before=Scores(pain=6), after=Scores(pain=3), time="10:00")
    )


def test_stats_by_hand(run: Run, stored: Journal) -> None:
    fill(stored)
    result = run("stats", "--from", "2026-10-01", "--to", "2026-10-28")
    assert result.exit_code == 0, result.output
    out = result.output
    assert out.splitlines()[0] == DISCLAIMER
    assert "Period: 2026-10-01 to 2026-10-28 (28 days)" in out
    assert "Days logged: 14 of 28" in out
    assert "Sessions: 1 (massage 1)" in out
    pain_row = next(line for line in out.splitlines() if line.startswith("pain "))
    # 28 days: halves. mean 70/14 = 5.0; first half 42/7 = 6.0; second 28/7 = 4.0; -33%
    assert pain_row.split() == [
        "pain", "lower", "5.0", "(14)", "3-7", "6.0", "(7)", "4.0", "(7)", "-2.0", "-33%"
    ]  # fmt: skip
    tingling_row = next(line for line in out.splitlines() if line.startswith("tingling"))
    assert tingling_row.split() == ["tingling", "lower", "–", "(0)", "–", "–", "(0)", "–", "(0)", "–", "–"]  # fmt: skip
    assert "Change, first vs second half of the period" in out
    # |Δ| of consecutive days: 1,1,1,1,0,0 then 0,0,0,0,1,2 -> median 0.5 of 12 pairs
    assert ("pain: 6.0 → 4.0, 2.0 points lower, n=7/7; usual day-to-day swing 0.5 (n=12)") in out
    assert "tingling: change not shown (first half has 0 values" in out
    # The first session (day 25) is not in the first week: there is a baseline.
    assert "No stretch without sessions" not in out
    assert "Farrar et al., Pain 2001" in out
    assert f"Session response: {LABEL}" in out
    assert "massage: 1 session on 1 day" in out
    # Around the massage on day 25: same day 4, before (days 22-24) 4, after (26-27) 4.0,
    # next day 5, rated 6 before and 3 after. By kind, n counts session days (here 1).
    response = out.split("massage: 1 session on 1 day")[1].splitlines()
    response_pain = next(line for line in response if line.startswith("pain "))
    assert response_pain.split() == [
        "pain", "4.0", "(1)", "4.0", "(1)", "4.0", "(1)", "0.0", "(1)", "5.0", "(1)",
        "6.0", "(1)", "3.0", "(1)",
    ]  # fmt: skip
    assert " 0.0 (0)" not in out  # a missing figure is never shown as zero


def test_stats_each_session_and_window(run: Run, stored: Journal) -> None:
    fill(stored)
    result = run(
        "stats", "--from", "2026-10-01", "--to", "2026-10-28", "--window", "1", "--each-session"
    )
    assert result.exit_code == 0, result.output
    assert "1d before" in result.output
    assert "Each session:" in result.output
    assert "#1 2026-10-26 10:00 massage" in result.output
    # For one session, n counts days: the day after the massage (day 26, pain 5).
    single = result.output.split("#1 2026-10-26 10:00 massage")[1].splitlines()
    pain = next(line for line in single if line.startswith("pain "))
    assert pain.split()[1:7] == ["4.0", "(1)", "4.0", "(1)", "5.0", "(1)"]


def test_stats_defaults_to_the_last_90_days(run: Run) -> None:
    result = run("stats")
    assert result.exit_code == 0, result.output
    assert "Period: 2026-08-25 to 2026-11-22 (90 days)" in result.output
    assert "Days logged: 0 of 90" in result.output
    assert "No sessions in this period." in result.output
    assert "0.0" not in result.output


@pytest.mark.parametrize(
    ("args", "message"),
    [
        (["--last", "5x"], "last: '5x' is not allowed"),
        (["--last", "0d"], "last: '0d' is not allowed"),
        (["--from", "2026-11-10", "--to", "2026-11-01"], "is after to: 2026-11-01"),
        (["--from", "2026-11-01", "--last", "30d"], "either --last or --from/--to"),
        (["--to", "2026-12-01"], "to: '2026-12-01' is not allowed"),
        (
            ["--window", "0"],
            "window: 0 is not allowed; expected a whole number of days from 1 to 7",
        ),
        (["--window", "8"], "window: 8 is not allowed"),
        (["--window", "two"], "window: 'two' is not allowed"),
    ],
)
def test_stats_refuses_bad_input_clearly(run: Run, args: list[str], message: str) -> None:
    result = run("stats", *args)
    assert result.exit_code == 2
    assert message in result.output
    assert "Traceback" not in result.output


@pytest.mark.parametrize("args", [["stats", "--demo"], ["--demo", "stats"]])
def test_stats_on_the_demo_fits_100_columns(clock: FixedClock, args: list[str]) -> None:
    result = CliRunner().invoke(cli, args, obj=CliContext(clock=clock), catch_exceptions=False)
    assert result.exit_code == 0, result.output
    lines = result.output.splitlines()
    assert lines[0] == DISCLAIMER
    assert max(len(line) for line in lines) <= 100
    for expected in ("Days logged:", "Change, first vs last 4 weeks", LABEL, "massage:"):
        assert expected in result.output
    assert any(line.strip().startswith("pain:") and "→" in line for line in lines)


def test_stats_help_carries_the_disclaimer(run: Run) -> None:
    result = run("stats", "--help")
    assert result.exit_code == 0
    assert DISCLAIMER in " ".join(result.output.split())
    assert "--window" in result.output


def test_stats_say_imported_not_backfilled_for_a_spreadsheet(run: Run, tmp_path: Path) -> None:
    source = tmp_path / "sheet.csv"
    source.write_text("date,numbness,tingling,pain,mobility,notes\n2026-11-01,4,4,6,5,\n")
    run("import", str(source))
    output = run("stats", "--last", "30d").output
    assert "Recorded: imported (recording time unknown) 1; none written in nervelog" in output
    assert "backfilled" not in output
    shown = run("show", "--last", "30d").output
    assert (
        "2026-11-01~" in shown and "~ imported from a spreadsheet (recording time unknown)" in shown
    )
