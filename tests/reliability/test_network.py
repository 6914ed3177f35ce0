"""The journal never touches the network: any connection attempt fails the test."""

from __future__ import annotations

import asyncio
import socket
from collections.abc import Iterator
from pathlib import Path

import pytest

from conftest import invoke
from nervelog.domain.dates import FixedClock
from nervelog.storage import open_journal
from nervelog.storage.demo import load_demo

Attempts = list[str]


@pytest.fixture
def no_network(monkeypatch: pytest.MonkeyPatch) -> Iterator[Attempts]:
    """Every way of reaching another machine raises, and is recorded."""
    attempts: Attempts = []

    def refuse(name: str):  # type: ignore[no-untyped-def]
        def blocked(*args: object, **kwargs: object) -> None:
            attempts.append(f"{name}{args[1:] if name.startswith('socket.') else args}")
            raise OSError(f"network use is not allowed in nervelog: {name}")

        return blocked

    for method in ("connect", "connect_ex", "sendto", "sendmsg"):
        monkeypatch.setattr(socket.socket, method, refuse(f"socket.{method}"))
    for function in ("create_connection", "getaddrinfo", "gethostbyname"):
        monkeypatch.setattr(socket, function, refuse(function))
    yield attempts
    assert attempts == [], f"nervelog tried to use the network: {attempts}"


def test_the_guard_catches_a_connection(no_network: Attempts) -> None:
    with pytest.raises(OSError, match="not allowed"):
        socket.create_connection(("example.com", 80))
    assert no_network == ["create_connection(('example.com', 80),)"]
    no_network.clear()


def test_a_full_cli_session_stays_offline(
    no_network: Attempts, journal_path: Path, clock: FixedClock, tmp_path: Path
) -> None:
    export = tmp_path / "export.json"
    steps = [
        ("log", "--pain", "5", "--numbness", "3", "--note", "walked"),
        ("log", "--date", "yesterday", "--mobility", "7"),
        ("session", "add", "massage", "--duration", "45", "--after", "pain=3"),
        (
            "session",
            "list",
        ),
        ("show",),
        ("export", "--out", str(export)),
        ("export", "--format", "entries-csv"),
        ("import", str(export)),
        ("stats", "--last", "30d"),
        ("phase", "add", "weekly massage", "--from", "2026-11-01", "--to", "2026-11-22"),
        ("report", "--format", "text"),
        ("report", "--format", "md"),
        ("report", "--out", str(tmp_path / "report.pdf")),
        ("history",),
        ("undo",),
        ("backup",),
        ("check",),
        ("where",),
    ]
    for args in steps:
        result = invoke(journal_path, clock, *args)
        assert result.exit_code == 0, (args, result.output)
    assert (tmp_path / "report.pdf").read_bytes().startswith(b"%PDF")


def test_a_headless_app_session_stays_offline(
    no_network: Attempts, journal_path: Path, clock: FixedClock
) -> None:
    from nervelog.tui.app import WELCOMED, NervelogApp

    journal = open_journal(journal_path, clock)
    load_demo(journal)
    journal.set_setting(WELCOMED, "yes")

    async def session() -> None:
        app = NervelogApp(journal, clock, journal_path=journal_path)
        async with app.run_test(size=(110, 36)) as pilot:
            await pilot.pause()
            await pilot.press("5", "down", "3", "ctrl+s")
            for key in ("j", "s", "t", "question_mark", "escape", "c"):
                await pilot.press(key)
                await pilot.pause()

    asyncio.run(session())
    assert journal.entry(clock.today()) is not None
