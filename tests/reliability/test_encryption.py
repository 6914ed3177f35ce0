"""Encrypting, decrypting and re-keying the journal file: whole, verified, never lost."""

from __future__ import annotations

import os
import random
import sqlite3
import subprocess
import sys
import time
from pathlib import Path

import pytest
from click.testing import CliRunner

from nervelog.cli import cli
from nervelog.domain.dates import FixedClock
from nervelog.domain.errors import JournalError
from nervelog.storage import Journal, open_journal
from nervelog.storage.cipher import convert, is_encrypted
from nervelog.storage.connect import WrongPassphrase, connect
from nervelog.storage.db import wrap
from nervelog.storage.export import export_json

NOTE = "numb toes after the long walk, told nobody"
PASS = "correct horse 'battery' staple"


def filled(path: Path, clock: FixedClock, days: int = 40) -> str:
    """A journal with ``days`` entries and notes; returns its JSON export."""
    journal = open_journal(path, clock)
    start = clock.today().subtract(days=days - 1)
    for i in range(days):
        journal.update_entry(start.add(days=i), {"pain": i % 11, "numbness": 3}, f"{NOTE} {i}")
    exported = export_json(journal)
    journal.db.conn.close()
    return exported


def exported(path: Path, passphrase: str | None, clock: FixedClock) -> str:
    conn = connect(path, key=passphrase)
    try:
        return export_json(Journal(wrap(conn), clock))
    finally:
        conn.close()


def test_encrypt_then_decrypt_gives_back_the_same_journal(
    journal_path: Path, clock: FixedClock
) -> None:
    original = filled(journal_path, clock)
    convert(journal_path, None, PASS)
    data = journal_path.read_bytes()
    assert not data.startswith(b"SQLite format 3\x00") and is_encrypted(journal_path)
    assert NOTE.encode() not in data and b"numb" not in data
    with pytest.raises(sqlite3.DatabaseError):  # plain SQLite cannot read it
        sqlite3.connect(journal_path).execute("SELECT * FROM entry").fetchall()
    assert exported(journal_path, PASS, clock) == original

    convert(journal_path, PASS, None)
    assert journal_path.read_bytes().startswith(b"SQLite format 3\x00")
    assert not is_encrypted(journal_path)
    assert exported(journal_path, None, clock) == original
    # Nothing left beside it that SQLite could later apply to the new file.
    assert sorted(p.name for p in journal_path.parent.iterdir()) == ["journal.sqlite3"]


def test_a_new_passphrase_replaces_the_old(journal_path: Path, clock: FixedClock) -> None:
    original = filled(journal_path, clock, days=5)
    convert(journal_path, None, PASS)
    convert(journal_path, PASS, "new one")
    with pytest.raises(WrongPassphrase, match="does not open the journal"):
        connect(journal_path, key=PASS)
    assert exported(journal_path, "new one", clock) == original


def test_a_wrong_passphrase_changes_nothing(journal_path: Path, clock: FixedClock) -> None:
    filled(journal_path, clock, days=5)
    convert(journal_path, None, PASS)
    before = journal_path.read_bytes()
    with pytest.raises(WrongPassphrase):
        convert(journal_path, "guess", None)
    assert journal_path.read_bytes() == before
    assert sorted(p.name for p in journal_path.parent.iterdir()) == ["journal.sqlite3"]


def test_a_bad_journal_names_its_newest_encrypted_backup(
    journal_path: Path, clock: FixedClock
) -> None:
    from nervelog.storage.backup import list_backups, make_backup, restore_hint

    filled(journal_path, clock, days=5)
    convert(journal_path, None, PASS)
    conn = connect(journal_path, key=PASS)
    make_backup(conn, journal_path, clock)
    newest = make_backup(conn, journal_path, clock)
    conn.close()
    assert len(list_backups(journal_path)) == 2 and is_encrypted(newest)
    # Without the passphrase a snapshot cannot be checked; restore checks it later.
    assert restore_hint(journal_path) == (
        f"The newest backup (encrypted) is {newest}; to use it run: nervelog restore {newest}"
    )


HOLDER = """
import sys
from pathlib import Path
from nervelog.storage import open_journal
journal = open_journal(Path(sys.argv[1]))
print("open", flush=True)
sys.stdin.readline()
journal.update_entry(journal.clock.today(), {"pain": 1}, None)
print("saved", flush=True)
"""


def test_a_journal_open_in_another_process_is_not_converted(
    journal_path: Path, clock: FixedClock
) -> None:
    filled(journal_path, clock, days=5)
    # The app, say, in another terminal. (Another process: POSIX locks do not tell
    # two SQLite libraries in one process apart.)
    other = subprocess.Popen(
        [sys.executable, "-c", HOLDER, str(journal_path)],
        stdin=subprocess.PIPE,
        stdout=subprocess.PIPE,
        text=True,
    )
    assert other.stdin is not None and other.stdout is not None
    try:
        assert other.stdout.readline() == "open\n"
        with pytest.raises(JournalError, match="open in another program"):
            convert(journal_path, None, PASS)
        assert not is_encrypted(journal_path)
        # The command says so before the user types a new passphrase twice.
        result = CliRunner().invoke(
            cli, ["--db", str(journal_path), "encrypt"], input=f"{PASS}\n{PASS}\n"
        )
        assert result.exit_code == 2 and "open in another program" in result.output
        assert "New passphrase" not in result.output and not is_encrypted(journal_path)
        other.stdin.write("go on\n")
        other.stdin.flush()
        assert other.stdout.readline() == "saved\n"  # it still works
    finally:
        other.kill()
        other.wait()


KILLED_CHILD = """
import sys
from pathlib import Path
from nervelog.storage.cipher import convert
old, new = (None, sys.argv[2]) if sys.argv[3] == "encrypt" else (sys.argv[2], None)
print("ready", flush=True)
convert(Path(sys.argv[1]), old, new)
print("done", flush=True)
"""


def readable(path: Path, clock: FixedClock) -> tuple[str, str]:
    """("plain" or "encrypted", the journal's JSON export); fails if neither opens it."""
    if is_encrypted(path):
        return "encrypted", exported(path, PASS, clock)
    return "plain", exported(path, None, clock)


@pytest.mark.parametrize("direction", ["encrypt", "decrypt"])
def test_sigkill_at_any_moment_leaves_one_whole_journal(
    journal_path: Path, clock: FixedClock, direction: str
) -> None:
    original = filled(journal_path, clock, days=1500)
    if direction == "decrypt":
        convert(journal_path, None, PASS)
    unchanged = "plain" if direction == "encrypt" else "encrypted"

    def start() -> subprocess.Popen[str]:
        child = subprocess.Popen(
            [sys.executable, "-c", KILLED_CHILD, str(journal_path), PASS, direction],
            stdout=subprocess.PIPE,
            text=True,
        )
        assert child.stdout is not None and child.stdout.readline() == "ready\n"
        return child

    def back_to_start() -> None:
        if readable(journal_path, clock)[0] != unchanged:
            convert(journal_path, *((PASS, None) if direction == "encrypt" else (None, PASS)))

    # How long one conversion takes here (key derivation is most of it): the kills
    # below land anywhere from its first instruction to well after its end.
    child = start()
    began = time.monotonic()
    assert child.stdout is not None and child.stdout.readline() == "done\n"
    span = (time.monotonic() - began) * 2.5
    child.wait()
    back_to_start()
    rng = random.Random(16)
    outcomes = set()
    for _ in range(10):
        child = start()
        time.sleep(rng.uniform(0, span))
        child.kill()
        child.wait()
        kind, journal = readable(journal_path, clock)
        assert journal == original, kind
        outcomes.add(kind)
        back_to_start()
    # Some kills came before the swap; whether any came after depends on the machine.
    assert unchanged in outcomes


def test_sigkill_during_the_encrypt_command_loses_no_file(
    journal_path: Path, clock: FixedClock, tmp_path: Path
) -> None:
    from nervelog.cli.encryption import convert_all
    from nervelog.storage.backup import list_backups, make_backup

    original = filled(journal_path, clock, days=400)
    conn = connect(journal_path, key=None)
    for _ in range(3):
        make_backup(conn, journal_path, clock)
    conn.close()
    files = [journal_path, *list_backups(journal_path)]
    script = tmp_path / "passphrase"
    script.write_text(f'#!/bin/sh\necho "{PASS}"\n', encoding="utf-8")
    script.chmod(0o700)
    env = {**os.environ, "NERVELOG_PASSPHRASE_COMMAND": str(script)}
    command = [sys.executable, "-m", "nervelog", "--db", str(journal_path), "encrypt"]

    def start() -> subprocess.Popen[str]:
        child = subprocess.Popen(
            command, stdin=subprocess.PIPE, stdout=subprocess.DEVNULL,
            stderr=subprocess.DEVNULL, text=True, env=env,
        )  # fmt: skip
        assert child.stdin is not None
        child.stdin.write(f"{PASS}\n{PASS}\n")
        child.stdin.close()
        return child

    began = time.monotonic()
    assert start().wait() == 0
    span = (time.monotonic() - began) * 1.5  # the whole command: start-up and 4 files
    assert all(is_encrypted(f) for f in files)
    rng = random.Random(17)
    for _ in range(6):
        convert_all(journal_path, PASS, None)  # every file plain again
        child = start()
        time.sleep(rng.uniform(0, span))
        child.kill()
        child.wait()
        for file in files:  # each one whole, plain or encrypted
            assert readable(file, clock)[1] == original, file
        assert start().wait() == 0  # running it again finishes the job
        assert all(is_encrypted(f) for f in files)
        assert sorted(journal_path.parent.iterdir()) == sorted(
            [journal_path, journal_path.parent / "backups"]
        )
