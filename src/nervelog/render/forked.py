"""Work done in a forked child process while the caller goes on (issue 7).

A report's charts need a charting library imported and run (plotext for text,
matplotlib for PDF), which takes about as long as reading the journal and laying out
the rest of the report. On Linux with more than one core the two run side by side: the
child is started first and loads the library (``prepare``) while the caller gathers the
data, which it then ``send``s. Anywhere else, in a process with other threads (the TUI:
forking it is unsafe), or if the child fails for any reason, the work is done in this
process instead: the result is the same.

The arguments go to the child length-first, so it never waits for the end of a pipe
that another child forked meanwhile may also hold open.
"""

from __future__ import annotations

import contextlib
import fcntl
import os
import pickle
import signal
import sys
import threading
from collections.abc import Callable
from typing import Generic, ParamSpec, Self, TypeVar

P = ParamSpec("P")
T = TypeVar("T")

# Room for a ten-year chart's data (~200 kB) in the pipe, so ``send`` never waits for a
# child that is still loading its library. Larger inputs still arrive, just later.
PIPE_BYTES = 1 << 20
_LENGTH_BYTES = 8


class Forked(Generic[P, T]):
    """``work(*args)``, computed in a child process where possible.

    The child starts at once and runs ``prepare()``; ``send`` gives it the arguments and
    ``result`` collects what ``work`` returned. Both travel pickled, between two copies
    of this same program. Leaving a ``with`` block stops the child if it is still there.
    """

    def __init__(self, work: Callable[P, T], prepare: Callable[[], object] | None = None) -> None:
        self._work = work
        self._args: tuple[tuple[object, ...], dict[str, object]] | None = None
        self._pid: int | None = None
        self._to_child: int | None = None
        self._from_child: int | None = None
        alone = threading.active_count() == 1
        if sys.platform == "linux" and (os.cpu_count() or 1) > 1 and alone:
            self._fork(prepare)

    def _fork(self, prepare: Callable[[], object] | None) -> None:
        in_read, in_write = os.pipe()
        out_read, out_write = os.pipe()
        with contextlib.suppress(OSError):
            fcntl.fcntl(in_write, fcntl.F_SETPIPE_SZ, PIPE_BYTES)
        try:
            pid = os.fork()
        except OSError:
            for fd in (in_read, in_write, out_read, out_write):
                os.close(fd)
            return
        if pid == 0:  # the child: prepare, work, send, and leave without any cleanup
            status = 1
            try:
                os.close(in_write)
                os.close(out_read)
                if prepare is not None:
                    prepare()
                length = int.from_bytes(_read(in_read, _LENGTH_BYTES), "big")
                args, kwargs = pickle.loads(_read(in_read, length))  # noqa: S301  (our own)
                _write(out_write, pickle.dumps(self._work(*args, **kwargs), protocol=5))
                status = 0
            finally:
                os._exit(status)
        os.close(in_read)
        os.close(out_write)
        self._pid, self._to_child, self._from_child = pid, in_write, out_read

    def send(self, *args: P.args, **kwargs: P.kwargs) -> None:
        """Give the work its arguments (once)."""
        self._args = (args, kwargs)
        if self._to_child is not None:
            data = pickle.dumps(self._args, protocol=5)
            try:
                _write(self._to_child, len(data).to_bytes(_LENGTH_BYTES, "big") + data)
            except OSError:
                pass  # the child has failed; result() does the work here
            finally:
                os.close(self._to_child)
                self._to_child = None

    def result(self) -> T:
        """What ``work`` returned: the child's answer, or computed here if it had none."""
        if self._args is None:
            raise RuntimeError("send() the arguments before asking for the result")
        if self._pid is not None and self._from_child is not None:
            with os.fdopen(self._from_child, "rb") as pipe:
                output = pipe.read()
            _, status = os.waitpid(self._pid, 0)
            self._pid = self._from_child = None
            if status == 0:
                answer: T = pickle.loads(output)  # noqa: S301  (our own child's)
                return answer
        args, kwargs = self._args
        return self._work(*args, **kwargs)  # type: ignore[arg-type]

    def __enter__(self) -> Self:
        return self

    def __exit__(self, *_: object) -> None:
        self.cancel()  # a no-op once the result is in

    def cancel(self) -> None:
        """Stop the child (the caller failed or needs no result); safe to call any time."""
        if self._pid is not None:
            with contextlib.suppress(OSError):
                os.kill(self._pid, signal.SIGKILL)
            with contextlib.suppress(OSError):
                os.waitpid(self._pid, 0)
            self._pid = None
        for fd in (self._to_child, self._from_child):
            if fd is not None:
                with contextlib.suppress(OSError):
                    os.close(fd)
        self._to_child = self._from_child = None


def _read(fd: int, length: int) -> bytes:
    """Exactly ``length`` bytes from ``fd`` (fewer only if the writer has gone)."""
    chunks = []
    while length > 0 and (chunk := os.read(fd, min(length, PIPE_BYTES))):
        chunks.append(chunk)
        length -= len(chunk)
    return b"".join(chunks)


def _write(fd: int, data: bytes) -> None:
    view = memoryview(data)
    while view:
        view = view[os.write(fd, view) :]
