"""Shared fixtures: a fixed clock and journals that never touch the real home folder."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pendulum
import pytest

from nervelog.domain.dates import FixedClock
from nervelog.storage import Journal, memory_journal, open_journal

# A Sunday morning in London; every test's "today" is 2026-11-22.
NOW = pendulum.datetime(2026, 11, 22, 9, 30, tz="Europe/London")


@pytest.fixture(autouse=True)
def _isolated_home(
    tmp_path_factory: pytest.TempPathFactory, monkeypatch: pytest.MonkeyPatch
) -> None:
    """No test may read or write the user's real journal or settings."""
    home = tmp_path_factory.mktemp("home")
    monkeypatch.setenv("HOME", str(home))
    monkeypatch.setenv("XDG_DATA_HOME", str(home / ".local" / "share"))
    monkeypatch.delenv("NERVELOG_DB", raising=False)


@pytest.fixture
def clock() -> FixedClock:
    """The fixed 'now' every test uses."""
    return FixedClock(NOW)


@pytest.fixture
def journal(clock: FixedClock) -> Journal:
    """An empty in-memory journal."""
    return memory_journal(clock)


@pytest.fixture
def journal_path(tmp_path: Path) -> Path:
    """Where a file-backed test journal lives."""
    return tmp_path / "journal" / "journal.sqlite3"


@pytest.fixture
def file_journal(journal_path: Path, clock: FixedClock) -> Iterator[Journal]:
    """An empty journal in a temporary file."""
    j = open_journal(journal_path, clock)
    yield j
    j.db.conn.close()
