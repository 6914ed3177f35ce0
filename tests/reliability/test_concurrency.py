"""Two nervelog processes writing at once: no "database is locked", no lost write."""

from __future__ import annotations

import multiprocessing.synchronize
import shutil
import sqlite3
import time
from multiprocessing.connection import Connection
from pathlib import Path

import pendulum
import pytest

from conftest import FORK, invoke
from nervelog.domain.dates import FixedClock
from nervelog.domain.models import Entry
from nervelog.domain.scores import Scores
from nervelog.storage import open_journal
from nervelog.storage.migrations import LATEST_VERSION, schema_version

DAYS_EACH = 200


def _repository_writer(
    journal_path: Path,
    clock: FixedClock,
    days: list[pendulum.Date],
    go: multiprocessing.synchronize.Event,
    report: Connection,
) -> None:
    """Like the app: one open journal, many saves."""
    journal = open_journal(journal_path, clock)
    go.wait()
    start, errors = time.monotonic(), []
    for i, day in enumerate(days):
        try:
            journal.save_entry(Entry(date=day, scores=Scores(pain=i % 11), notes=f"app {i}"))
        except Exception as exc:  # every failure is reported, not just the first
            errors.append(f"{day}: {exc!r}")
        # A person types slower than a loop: spread the saves over the other writer's run.
        time.sleep(0.004)
    report.send((errors, start, time.monotonic()))


def _cli_writer(
    journal_path: Path,
    clock: FixedClock,
    days: list[pendulum.Date],
    go: multiprocessing.synchronize.Event,
    report: Connection,
) -> None:
    """Like a user at the shell: every save is a fresh `nervelog log` that opens the file."""
    go.wait()
    start, errors = time.monotonic(), []
    for i, day in enumerate(days):
        result = invoke(
            journal_path, clock, "log", "--date", day.isoformat(), "--mobility", str(i % 11)
        )
        if result.exit_code != 0:
            errors.append(f"{day}: {result.output} {result.exception!r}")
    report.send((errors, start, time.monotonic()))


def test_two_processes_writing_200_days_each(journal_path: Path, clock: FixedClock) -> None:
    open_journal(journal_path, clock).db.conn.close()
    today = clock.today()
    first_days = [today.subtract(days=400 - i) for i in range(DAYS_EACH)]
    second_days = [today.subtract(days=200 - i) for i in range(DAYS_EACH)]
    go = FORK.Event()
    reports = []
    children = []
    for writer, days in ((_repository_writer, first_days), (_cli_writer, second_days)):
        receive, send = FORK.Pipe(duplex=False)
        child = FORK.Process(target=writer, args=(journal_path, clock, days, go, send))
        child.start()
        reports.append(receive)
        children.append(child)
    go.set()
    errors, spans = [], []
    for receive in reports:
        assert receive.poll(120), "a writer hung"
        child_errors, start, end = receive.recv()
        errors += child_errors
        spans.append((start, end))
    for child in children:
        child.join(10)
        assert child.exitcode == 0
    assert errors == []
    overlap = min(end for _, end in spans) - max(start for start, _ in spans)
    assert overlap > 0, spans  # they really did write at the same time

    journal = open_journal(journal_path, clock)
    stored = {e.date: e for e in journal.entries()}
    assert len(stored) == 2 * DAYS_EACH
    assert all(stored[d].notes.startswith("app ") for d in first_days)
    assert [stored[d].scores.mobility for d in second_days] == [i % 11 for i in range(DAYS_EACH)]
    assert len(journal.history()) == 2 * DAYS_EACH
    assert journal.integrity_problems() == []


def _open_and_save(
    journal_path: Path,
    clock: FixedClock,
    day: pendulum.Date,
    go: multiprocessing.synchronize.Event,
    report: Connection,
) -> None:
    go.wait()
    try:
        journal = open_journal(journal_path, clock)
        journal.save_entry(Entry(date=day, scores=Scores(pain=1), notes="opened at once"))
        report.send("")
    except Exception as exc:
        report.send(repr(exc))


@pytest.mark.parametrize("start", ["missing", "schema_v1"])
def test_processes_creating_or_upgrading_a_journal_at_the_same_moment(
    start: str, journal_path: Path, clock: FixedClock
) -> None:
    old_entries = 0
    if start != "missing":
        journal_path.parent.mkdir(parents=True)
        shutil.copyfile(Path(__file__).parent / "fixtures" / f"{start}.sqlite3", journal_path)
        conn = sqlite3.connect(journal_path)
        old_entries = conn.execute("SELECT count(*) FROM entry").fetchone()[0]
        conn.close()
    go = FORK.Event()
    days = [clock.today().subtract(days=i) for i in range(6)]
    pipes, children = [], []
    for day in days:
        receive, send = FORK.Pipe(duplex=False)
        child = FORK.Process(target=_open_and_save, args=(journal_path, clock, day, go, send))
        child.start()
        pipes.append(receive)
        children.append(child)
    go.set()
    errors = [receive.recv() for receive in pipes if receive.poll(60)]
    for child in children:
        child.join(10)
    assert errors == [""] * len(days)

    journal = open_journal(journal_path, clock)
    assert schema_version(journal.db) == LATEST_VERSION
    assert journal.count_entries() == old_entries + len(days)
    assert journal.integrity_problems() == []
