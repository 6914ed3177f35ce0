"""SIGKILL in the middle of an import or a save never damages the journal or splits a change.

Writers are forked children killed with SIGKILL at random moments (seeded, so a failure
can be replayed); after every kill the journal must pass SQLite's full integrity check
and hold each interrupted change completely or not at all.
"""

from __future__ import annotations

import json
import random
import sqlite3
import time
from multiprocessing.connection import Connection
from pathlib import Path

import pendulum

from conftest import FORK
from journal_support import save_day
from nervelog.domain.dates import FixedClock
from nervelog.domain.models import Entry
from nervelog.domain.scores import Scores
from nervelog.storage import open_journal
from nervelog.storage.importing import apply_import, import_data

IMPORT_MID_KILLS = 6
IMPORT_MAX_ROUNDS = 30
IMPORT_DAYS = 800
IMPORT_SESSIONS = 150
SAVE_ROUNDS = 16
SAVE_DAYS = 20
FILLER = "symptoms noted in detail; " * 40  # ~1 kB, so each save takes a moment


def _check_integrity(path: Path) -> sqlite3.Connection:
    conn = sqlite3.connect(path)
    assert conn.execute("PRAGMA integrity_check").fetchall() == [("ok",)]
    return conn


# -- a large import --------------------------------------------------------------------


def _import_file(folder: Path, round_: int, today: pendulum.Date) -> Path:
    """An import of IMPORT_DAYS days (a range of its own) and IMPORT_SESSIONS sessions."""
    first = today.subtract(days=(round_ + 1) * IMPORT_DAYS)
    days = [first.add(days=i) for i in range(IMPORT_DAYS)]
    document = {
        "format": "nervelog-journal",
        "version": 1,
        "entries": [
            {"date": d.isoformat(), "pain": i % 11, "notes": f"round {round_} entry {i}"}
            for i, d in enumerate(days)
        ],
        "sessions": [
            {"date": days[i * 5].isoformat(), "kind": "massage", "notes": f"round {round_} s{i}"}
            for i in range(IMPORT_SESSIONS)
        ],
    }
    path = folder / f"import-{round_}.json"
    path.write_text(json.dumps(document, indent=2), encoding="utf-8")
    return path


def _importer(journal_path: Path, file: Path, clock: FixedClock, signal: Connection) -> None:
    journal = open_journal(journal_path, clock)
    data = file.read_bytes()
    signal.send("importing")
    import_data(journal, data)
    signal.send("done")


def _kill_during_import(
    journal_path: Path, file: Path, clock: FixedClock, delay: float | None
) -> tuple[bool, float]:
    """Run one import, SIGKILLed ``delay`` s after it starts; (killed mid-import, seconds)."""
    receive, send = FORK.Pipe(duplex=False)
    child = FORK.Process(target=_importer, args=(journal_path, file, clock, send))
    child.start()
    assert receive.poll(30) and receive.recv() == "importing"
    started = time.perf_counter()
    if delay is None:
        assert receive.poll(60) and receive.recv() == "done"
        child.join()
        return False, time.perf_counter() - started
    finished = receive.poll(delay)
    child.kill()
    child.join()
    return not finished, time.perf_counter() - started


def test_killing_a_large_import_leaves_all_or_nothing(tmp_path: Path, clock: FixedClock) -> None:
    journal_path = tmp_path / "journal.sqlite3"
    journal = open_journal(journal_path, clock)
    save_day(journal, Entry(date=clock.today(), scores=Scores(pain=3), notes="before"))
    journal.db.conn.close()
    today = clock.today()

    # An uninterrupted import (round 0) tells how long one takes on this machine.
    _, duration = _kill_during_import(
        journal_path, _import_file(tmp_path, 0, today), clock, delay=None
    )
    rng = random.Random(20261122)
    outcomes = {"none": 0, "all": 0}
    killed_mid_import = 0
    round_ = 0
    # Keep going until enough kills landed mid-import: on a loaded machine a kill can
    # land before the import starts writing, which proves less.
    while killed_mid_import < IMPORT_MID_KILLS and round_ < IMPORT_MAX_ROUNDS:
        round_ += 1
        file = _import_file(tmp_path, round_, today)
        mid, _ = _kill_during_import(journal_path, file, clock, rng.uniform(0, duration * 1.1))
        killed_mid_import += mid
        conn = _check_integrity(journal_path)
        pattern = f"round {round_} %"
        entries = conn.execute("SELECT count(*) FROM entry WHERE notes LIKE ?", [pattern])
        sessions = conn.execute("SELECT count(*) FROM session WHERE notes LIKE ?", [pattern])
        history = conn.execute("SELECT count(*) FROM history WHERE new LIKE ?", [f"%{pattern}"])
        counts = (entries.fetchone()[0], sessions.fetchone()[0], history.fetchone()[0])
        conn.close()
        assert counts in {(0, 0, 0), (IMPORT_DAYS, IMPORT_SESSIONS, IMPORT_DAYS + IMPORT_SESSIONS)}
        outcomes["none" if counts[0] == 0 else "all"] += 1

    # Earlier rounds and the day logged first are untouched, and nervelog opens the file.
    journal = open_journal(journal_path, clock)
    assert journal.integrity_problems() == []
    assert journal.count_entries() == 1 + IMPORT_DAYS * (1 + outcomes["all"])
    stored = journal.entry(today)
    assert stored is not None and stored.notes == "before"
    print(f"import kills: {outcomes}, {killed_mid_import} mid-import, import {duration:.2f} s")
    assert killed_mid_import >= IMPORT_MID_KILLS, (outcomes, duration)
    assert outcomes["none"] >= 1, (outcomes, duration)


# -- many saves ------------------------------------------------------------------------


def _change(number: int, first: pendulum.Date) -> tuple[pendulum.Date, int, str]:
    """The n-th save: which day, which version of it and its note (deterministic)."""
    day = first.add(days=number % SAVE_DAYS)
    version = number // SAVE_DAYS
    return day, version, f"{day} version {version}: {FILLER}"


def _saver(journal_path: Path, clock: FixedClock, first: pendulum.Date, acks: Connection) -> None:
    journal = open_journal(journal_path, clock)
    # Every save writes exactly one history row, so the count says where to resume.
    number = len(journal.history())
    acks.send(number)
    while True:
        day, version, note = _change(number, first)
        save_day(journal, Entry(date=day, scores=Scores(pain=version % 11), notes=note))
        number += 1
        acks.send(number)


def test_killing_saves_at_random_points_loses_no_acknowledged_save(
    tmp_path: Path, clock: FixedClock
) -> None:
    journal_path = tmp_path / "journal.sqlite3"
    open_journal(journal_path, clock).db.conn.close()
    first = clock.today().subtract(days=SAVE_DAYS)
    rng = random.Random(6)
    for _ in range(SAVE_ROUNDS):
        receive, send = FORK.Pipe(duplex=False)
        child = FORK.Process(target=_saver, args=(journal_path, clock, first, send))
        child.start()
        acked = receive.recv()
        deadline = time.perf_counter() + rng.uniform(0.01, 0.12)
        while (left := deadline - time.perf_counter()) > 0:
            if receive.poll(left):
                acked = receive.recv()
        child.kill()
        child.join()
        while receive.poll():
            acked = receive.recv()

        conn = _check_integrity(journal_path)
        saved = conn.execute("SELECT count(*) FROM history").fetchone()[0]
        # Every acknowledged save is there; at most the one in flight went further.
        assert acked <= saved <= acked + 1
        rows = dict(conn.execute("SELECT date, notes FROM entry").fetchall())
        latest = {}
        for number in range(saved):
            day, _, note = _change(number, first)
            latest[day.isoformat()] = note
        assert rows == latest  # every day holds exactly its newest complete version
        notes = [
            json.loads(n)["notes"]
            for (n,) in conn.execute("SELECT new FROM history ORDER BY id").fetchall()
        ]
        assert notes == [_change(n, first)[2] for n in range(saved)]
        conn.close()
    assert saved > SAVE_DAYS  # the kills interrupted updates, not just first saves


# -- restoring a backup ----------------------------------------------------------------


def _journal_file(path: Path, clock: FixedClock, tag: str, days: int) -> Path:
    journal = open_journal(path, clock)
    apply_import(
        journal,
        [
            Entry(date=clock.today().subtract(days=i), scores=Scores(pain=i % 11), notes=tag * 300)
            for i in range(days)
        ],
        [],
    )
    journal.db.conn.close()
    return path


def _restorer(source: Path, journal_path: Path, clock: FixedClock, signal: Connection) -> None:
    from nervelog.storage.restore import restore_journal

    signal.send("restoring")
    restore_journal(source, journal_path, clock)
    signal.send("done")


def _which(journal_path: Path) -> tuple[int, str]:
    conn = _check_integrity(journal_path)
    try:
        tags = conn.execute(
            "SELECT count(*), group_concat(DISTINCT substr(notes, 1, 3)) FROM entry"
        )
        count, tag = tags.fetchone()
        return int(count), str(tag)
    finally:
        conn.close()


def test_killing_a_restore_leaves_the_old_or_the_new_journal(
    tmp_path: Path, clock: FixedClock
) -> None:
    versions = {
        "old": _journal_file(tmp_path / "old" / "j.sqlite3", clock, "old", 3000),
        "new": _journal_file(tmp_path / "new" / "j.sqlite3", clock, "new", 2000),
    }
    expected = {(3000, "old"), (2000, "new")}
    journal_path = tmp_path / "live" / "journal.sqlite3"
    journal_path.parent.mkdir()
    from nervelog.storage.restore import restore_journal

    restore_journal(versions["old"], journal_path, clock)
    rng = random.Random(14)
    duration = None
    seen = set()
    for _ in range(8):
        current = _which(journal_path)
        assert current in expected
        seen.add(current[1])
        other = versions["new" if current[1] == "old" else "old"]
        receive, send = FORK.Pipe(duplex=False)
        child = FORK.Process(target=_restorer, args=(other, journal_path, clock, send))
        child.start()
        assert receive.poll(30) and receive.recv() == "restoring"
        started = time.perf_counter()
        if duration is None:  # the first restore runs to the end, to time it
            assert receive.poll(60) and receive.recv() == "done"
            duration = time.perf_counter() - started
        elif receive.poll(rng.uniform(0, duration)):
            receive.recv()
        child.kill()
        child.join()
    assert _which(journal_path) in expected
    assert seen == {"old", "new"}
    journal = open_journal(journal_path, clock)
    assert journal.integrity_problems() == []
