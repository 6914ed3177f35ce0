"""No plaintext outlives a command (issue 28, point 2): a `decrypt` or `backup` killed at
any moment, by SIGKILL or SIGTERM, leaves no readable copy of an encrypted journal's notes
once the next nervelog command (of any kind) has started."""

from __future__ import annotations

import json
import os
import random
import signal
import subprocess
import sys
import time
from pathlib import Path

import pytest

from nervelog.domain.dates import FixedClock
from nervelog.storage import open_journal
from nervelog.storage.backup import list_backups, make_backup
from nervelog.storage.cipher import convert, is_encrypted
from nervelog.storage.importing import import_data

PASS = "a passphrase nobody guesses"
NOTE = "a-note-only-this-test-writes"
KILLS = 20  # per signal and command; seeded, so a failure can be replayed


def _journal(path: Path, clock: FixedClock, days: int = 3000) -> None:
    """Large enough (about 4 MB) that copying it takes a while to be killed in."""
    document = {
        "format": "nervelog-journal",
        "version": 3,
        "entries": [
            {"date": clock.today().subtract(days=i).isoformat(), "pain": i % 11,
             "notes": f"{NOTE} {i} " + "x" * 1000}
            for i in range(days)
        ],
    }  # fmt: skip
    journal = open_journal(path, clock)
    import_data(journal, json.dumps(document).encode())
    journal.close()


def _plaintext(folder: Path) -> list[Path]:
    """Every file under ``folder`` holding the note as readable bytes."""
    return [p for p in folder.rglob("*") if p.is_file() and NOTE.encode() in p.read_bytes()]


def _env(tmp_path: Path) -> dict[str, str]:
    script = tmp_path / "passphrase"
    script.write_text(f'#!/bin/sh\necho "{PASS}"\n', encoding="utf-8")
    script.chmod(0o700)
    return {**os.environ, "NERVELOG_PASSPHRASE_COMMAND": str(script)}


def _run(path: Path, env: dict[str, str], *args: str) -> subprocess.Popen[bytes]:
    return subprocess.Popen(
        [sys.executable, "-m", "nervelog", "--db", str(path), *args],
        stdin=subprocess.DEVNULL, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE, env=env,
    )  # fmt: skip


def _window(path: Path, env: dict[str, str], *args: str) -> tuple[float, float]:
    """When the command does its work: after start-up (a command doing nothing) and
    before it ends, so the kills land while it copies."""
    spans = []
    for command in (("where",), args):
        began = time.monotonic()
        child = _run(path, env, *command)
        assert child.wait() == 0, child.stderr.read() if child.stderr else ""
        spans.append(time.monotonic() - began)
    return spans[0] * 0.8, spans[1] * 1.1


@pytest.mark.parametrize("sig", [signal.SIGKILL, signal.SIGTERM], ids=["SIGKILL", "SIGTERM"])
def test_a_stopped_decrypt_leaves_no_plaintext_beside_an_encrypted_journal(
    sig: signal.Signals, tmp_path: Path, clock: FixedClock
) -> None:
    path = tmp_path / "journal" / "journal.sqlite3"
    path.parent.mkdir()
    _journal(path, clock)
    convert(path, None, PASS)
    env = _env(tmp_path)
    window = _window(path, env, "decrypt")
    rng = random.Random(28)
    for _ in range(KILLS):
        if not is_encrypted(path):
            convert(path, None, PASS)  # the last run finished: encrypted again
        child = _run(path, env, "decrypt")
        time.sleep(rng.uniform(*window))
        child.send_signal(sig)
        child.wait()
        if sig == signal.SIGTERM and is_encrypted(path):
            assert _plaintext(path.parent) == []  # cleaned up on the way out
        assert _run(path, env, "where").wait() == 0  # any next command
        if is_encrypted(path):
            assert _plaintext(path.parent) == []


@pytest.mark.parametrize("sig", [signal.SIGKILL, signal.SIGTERM], ids=["SIGKILL", "SIGTERM"])
def test_a_stopped_backup_leaves_nothing_that_encrypt_would_miss(
    sig: signal.Signals, tmp_path: Path, clock: FixedClock
) -> None:
    path = tmp_path / "journal" / "journal.sqlite3"
    path.parent.mkdir()
    _journal(path, clock)
    env = _env(tmp_path)
    window = _window(path, env, "backup")
    rng = random.Random(29)
    for _ in range(KILLS):
        child = _run(path, env, "backup")
        time.sleep(rng.uniform(*window))
        child.send_signal(sig)
        child.wait()
    # Encrypting says the plain copies are gone: then none may hold the notes.
    encrypt = subprocess.run(
        [sys.executable, "-m", "nervelog", "--db", str(path), "encrypt"],
        input=f"{PASS}\n{PASS}\n", capture_output=True, text=True, env=env,
    )  # fmt: skip
    assert encrypt.returncode == 0, encrypt.stderr
    assert is_encrypted(path) and all(is_encrypted(b) for b in list_backups(path))
    assert _plaintext(path.parent) == []


def test_a_copy_being_written_by_a_running_command_is_left_alone(
    tmp_path: Path, clock: FixedClock
) -> None:
    from nervelog.leftovers import leftovers, temporary_name

    path = tmp_path / "journal.sqlite3"
    _journal(path, clock, days=3)
    mine = temporary_name(path)  # this process's: work in progress
    mine.write_bytes(b"in progress")
    gone = path.with_name(f".{path.name}.999999999.converting")  # no such process
    gone.write_bytes(b"left behind")
    assert leftovers(path) == [gone]
    conn = open_journal(path, clock)
    make_backup(conn.db.conn, path, clock)
    conn.close()


@pytest.mark.parametrize("sig", [signal.SIGKILL, signal.SIGTERM], ids=["SIGKILL", "SIGTERM"])
def test_a_stopped_encrypt_never_leaves_plain_copies_beside_an_encrypted_journal(
    sig: signal.Signals, tmp_path: Path, clock: FixedClock
) -> None:
    path = tmp_path / "journal" / "journal.sqlite3"
    path.parent.mkdir()
    _journal(path, clock, days=600)
    journal = open_journal(path, clock)
    for _ in range(2):
        make_backup(journal.db.conn, path, clock)
    journal.close()
    env = _env(tmp_path)

    def encrypt() -> subprocess.Popen[bytes]:
        child = subprocess.Popen(
            [sys.executable, "-m", "nervelog", "--db", str(path), "encrypt"],
            stdin=subprocess.PIPE, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL, env=env,
        )  # fmt: skip
        assert child.stdin is not None
        child.stdin.write(f"{PASS}\n{PASS}\n".encode())
        child.stdin.close()
        return child

    began = time.monotonic()
    assert encrypt().wait() == 0
    window = (0.2, (time.monotonic() - began) * 1.1)
    rng = random.Random(30)
    for _ in range(KILLS):
        from nervelog.cli.encryption import convert_all

        convert_all(path, PASS, None)  # every file plain again
        child = encrypt()
        time.sleep(rng.uniform(*window))
        child.send_signal(sig)
        child.wait()
        assert _run(path, env, "where").wait() == 0  # any next command
        if is_encrypted(path):
            assert _plaintext(path.parent) == []
        assert encrypt().wait() == 0  # running it again finishes the job
        assert _plaintext(path.parent) == []


@pytest.mark.parametrize("sig", [signal.SIGKILL, signal.SIGTERM], ids=["SIGKILL", "SIGTERM"])
def test_a_passphrase_change_stopped_at_any_moment_finishes_with_the_old_one(
    sig: signal.Signals, tmp_path: Path, clock: FixedClock
) -> None:
    path = tmp_path / "journal" / "journal.sqlite3"
    path.parent.mkdir()
    _journal(path, clock, days=600)
    journal = open_journal(path, clock)
    for _ in range(2):
        make_backup(journal.db.conn, path, clock)
    journal.close()
    from nervelog.cli.encryption import convert_all

    convert_all(path, None, PASS)
    env = _env(tmp_path)  # NERVELOG_PASSPHRASE_COMMAND prints PASS, the old one
    new = "the passphrase after the leak"

    def change(answers: str) -> subprocess.Popen[bytes]:
        child = subprocess.Popen(
            [sys.executable, "-m", "nervelog", "--db", str(path), "passphrase"],
            stdin=subprocess.PIPE, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE, env=env,
        )  # fmt: skip
        assert child.stdin is not None
        child.stdin.write(answers.encode())
        child.stdin.close()
        return child

    began = time.monotonic()
    assert change(f"{new}\n{new}\n").wait() == 0
    window = (0.2, (time.monotonic() - began) * 1.1)
    files = [path, *list_backups(path)]
    rng = random.Random(31)
    for _ in range(KILLS):
        convert_all(path, new, PASS)  # back under the old one
        child = change(f"{new}\n{new}\n")
        time.sleep(rng.uniform(*window))
        child.send_signal(sig)
        child.wait()
        # Run again with the old passphrase: whatever the moment, it finishes the change
        # (unless the change was already whole, when the old one opens nothing).
        if any(_opens(f, PASS) for f in files):
            answers = f"{new}\n" if not _opens(path, PASS) else f"{new}\n{new}\n"
            again = change(answers)
            assert again.wait() == 0, again.stderr.read() if again.stderr else ""
        assert all(_opens(f, new) and not _opens(f, PASS) for f in files)


def _opens(file: Path, key: str) -> bool:
    from nervelog.storage.connect import connect

    try:
        connect(file, key=key).close()
    except Exception:
        return False
    return True
