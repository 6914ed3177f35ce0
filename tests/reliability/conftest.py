"""Helpers for the reliability tests: the CLI with a fixed clock, and forked children.

Children are forked (not started afresh) so each one begins in a millisecond with
nervelog already imported; that is what lets the crash tests kill dozens of writers
at random points and still finish in seconds.
"""

from __future__ import annotations

import multiprocessing
import traceback
from collections.abc import Callable
from pathlib import Path
from typing import Any

import pytest
from click.testing import CliRunner, Result

from nervelog.cli import CliContext, cli
from nervelog.domain.dates import FixedClock

Run = Callable[..., Result]
FORK = multiprocessing.get_context("fork")


def invoke(journal_path: Path, clock: FixedClock, *args: str, input: str | None = None) -> Result:
    """``nervelog --db JOURNAL ARGS`` through click's runner, as a user would type it."""
    return CliRunner().invoke(
        cli, ["--db", str(journal_path), *args], input=input, obj=CliContext(clock=clock)
    )


@pytest.fixture
def run(journal_path: Path, clock: FixedClock) -> Run:
    """Run the CLI on the test journal; returns click's result (exceptions caught)."""

    def call(*args: str, input: str | None = None) -> Result:
        return invoke(journal_path, clock, *args, input=input)

    return call


def in_child(target: Callable[..., Any], *args: Any, timeout: float = 60) -> Any:
    """Run ``target(*args)`` in a forked child and return its (picklable) result.

    An exception in the child is re-raised here as an ``AssertionError`` with the
    child's traceback, so a failure in a child fails the test readably.
    """
    receive, send = FORK.Pipe(duplex=False)

    def main() -> None:
        try:
            send.send(("ok", target(*args)))
        except BaseException:
            send.send(("error", traceback.format_exc()))

    child = FORK.Process(target=main)
    child.start()
    send.close()
    if not receive.poll(timeout):
        child.kill()
        raise AssertionError(f"child did not finish within {timeout} s")
    status, value = receive.recv()
    child.join(timeout)
    if status == "error":
        raise AssertionError(f"child failed:\n{value}")
    return value
