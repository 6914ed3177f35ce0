"""Forked: report charts drawn in a child process, with the same result as in-process."""

from __future__ import annotations

import os
import sys
import threading
import time
from pathlib import Path

import pytest

from nervelog.render.forked import Forked

PARENT = os.getpid()

forking = pytest.mark.skipif(
    sys.platform != "linux" or (os.cpu_count() or 1) < 2,
    reason="work is forked only on Linux with more than one core",
)


def where_it_ran(label: str, *, times: int = 1) -> tuple[int, str]:
    return os.getpid(), label * times


@forking
def test_the_work_runs_in_a_child_with_its_arguments() -> None:
    prepared = []
    pending = Forked(where_it_ran, prepare=lambda: prepared.append(os.getpid()))
    pending.send("ab", times=2)
    pid, answer = pending.result()
    assert pid != PARENT and answer == "abab"
    assert prepared == []  # prepare ran in the child, not here


def test_large_arguments_and_answers_arrive_whole() -> None:
    payload = bytes(range(256)) * 20_000  # 5 MB: more than the pipes hold at once
    pending = Forked(lambda data: data[::-1])
    pending.send(payload)
    assert pending.result() == payload[::-1]


@forking
def test_the_child_prepares_while_the_caller_goes_on(tmp_path: Path) -> None:
    go_on = tmp_path / "sent"

    def prepare() -> None:
        # Finishes only once the caller has got past send(): if send() waited for
        # prepare(), this would give up and the work would fall back to the parent.
        for _ in range(1000):
            if go_on.exists():
                return
            time.sleep(0.01)
        raise TimeoutError("send() waited for prepare()")

    pending = Forked(where_it_ran, prepare=prepare)
    pending.send("x")
    go_on.touch()
    pid, answer = pending.result()
    assert pid != PARENT and answer == "x"


@forking
def test_a_child_that_fails_means_the_work_is_done_here() -> None:
    def fails_in_child(label: str) -> tuple[int, str]:
        if os.getpid() != PARENT:
            os._exit(3)
        return where_it_ran(label)

    pending = Forked(fails_in_child)
    pending.send("x")
    assert pending.result() == (PARENT, "x")


@forking
def test_a_child_whose_preparation_fails_means_the_work_is_done_here() -> None:
    def broken() -> None:
        raise ImportError("no such library")

    pending = Forked(where_it_ran, prepare=broken)
    time.sleep(0.2)  # let the child fail before anything is sent
    pending.send("x")
    assert pending.result() == (PARENT, "x")


@forking
def test_cancel_stops_the_child_and_leaves_no_process_behind() -> None:
    pending = Forked(where_it_ran, prepare=lambda: time.sleep(60))
    child = pending._pid
    assert child is not None
    pending.send("x")
    pending.cancel()
    pending.cancel()
    with pytest.raises(ChildProcessError):  # already reaped: no zombie left
        os.waitpid(child, os.WNOHANG)
    assert pending.result() == (PARENT, "x")  # what was sent is still worked on, here


def test_asking_before_sending_is_a_programming_error() -> None:
    pending = Forked(where_it_ran)
    try:
        with pytest.raises(RuntimeError, match="send"):
            pending.result()
    finally:
        pending.cancel()


def test_with_other_threads_running_nothing_is_forked() -> None:
    stop = threading.Event()
    other = threading.Thread(target=stop.wait)
    other.start()
    try:
        pending = Forked(where_it_ran)
        assert pending._pid is None
        pending.send("x")
        assert pending.result() == (PARENT, "x")
    finally:
        stop.set()
        other.join()


@forking
def test_leaving_a_with_block_stops_a_child_still_there() -> None:
    with pytest.raises(KeyError), Forked(where_it_ran, prepare=lambda: time.sleep(60)) as pending:
        child = pending._pid
        assert child is not None
        raise KeyError("the caller failed before sending anything")
    with pytest.raises(ChildProcessError):
        os.waitpid(child, os.WNOHANG)
