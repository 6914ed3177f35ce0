"""Forked: report charts drawn in a child process, with the same result as in-process."""

from __future__ import annotations

import os
import sys
import threading
import time

import pytest

from nervelog.render.forked import Forked

PARENT = os.getpid()

forking = pytest.mark.skipif(
    sys.platform != "linux" or (os.cpu_count() or 1) < 2,
    reason="work is forked only on Linux with more than one core",
)


def where_it_ran() -> bytes:
    return str(os.getpid()).encode()


@forking
def test_the_work_runs_in_a_child_and_its_answer_comes_back() -> None:
    answer = Forked(where_it_ran).result()
    assert answer and int(answer) != PARENT


def test_a_large_answer_arrives_whole() -> None:
    payload = bytes(range(256)) * 20_000  # 5 MB: more than a pipe holds at once
    assert Forked(lambda: payload).result() == payload


@forking
def test_a_child_that_fails_means_the_work_is_done_here() -> None:
    def fails_in_child() -> bytes:
        if os.getpid() != PARENT:
            os._exit(3)
        return b"done here"

    assert Forked(fails_in_child).result() == b"done here"


@forking
def test_cancel_stops_the_child_and_leaves_no_process_behind() -> None:
    def slow() -> bytes:
        if os.getpid() != PARENT:
            time.sleep(60)
        return b"done here"

    pending = Forked(slow)
    child = pending._pid
    assert child is not None
    pending.cancel()
    pending.cancel()
    with pytest.raises(ChildProcessError):  # already reaped: no zombie left
        os.waitpid(child, os.WNOHANG)
    assert pending.result() == b"done here"


def test_with_other_threads_running_nothing_is_forked() -> None:
    stop = threading.Event()
    other = threading.Thread(target=stop.wait)
    other.start()
    try:
        assert int(Forked(where_it_ran).result()) == PARENT
    finally:
        stop.set()
        other.join()
