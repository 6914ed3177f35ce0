"""Work done in a forked child process while the caller goes on (issue 7).

A report's charts need a charting library imported and run (plotext for text,
matplotlib for PDF), which takes about as long as laying out the rest of the report.
On Linux with more than one core the two run side by side. Anywhere else, in a
process with other threads (the TUI: forking it is unsafe), or if the child fails for
any reason, the work is done in this process instead: the result is the same.
"""

from __future__ import annotations

import contextlib
import os
import signal
import sys
import threading
from collections.abc import Callable


class Forked:
    """The bytes ``work()`` returns, computed in a child process where possible."""

    def __init__(self, work: Callable[[], bytes]) -> None:
        self._work = work
        self._pid: int | None = None
        self._read_fd: int | None = None
        alone = threading.active_count() == 1
        if sys.platform == "linux" and (os.cpu_count() or 1) > 1 and alone:
            self._fork()

    def _fork(self) -> None:
        read_fd, write_fd = os.pipe()
        try:
            pid = os.fork()
        except OSError:
            os.close(read_fd)
            os.close(write_fd)
            return
        if pid == 0:  # the child: work, send, and leave without running any cleanup
            status = 1
            try:
                os.close(read_fd)
                view = memoryview(self._work())
                while view:
                    view = view[os.write(write_fd, view) :]
                status = 0
            finally:
                os._exit(status)
        os.close(write_fd)
        self._pid, self._read_fd = pid, read_fd

    def result(self) -> bytes:
        """What ``work()`` returned: the child's answer, or computed here if it had none."""
        if self._pid is not None and self._read_fd is not None:
            chunks = []
            with os.fdopen(self._read_fd, "rb") as pipe:
                while chunk := pipe.read(1 << 16):
                    chunks.append(chunk)
            _, status = os.waitpid(self._pid, 0)
            self._pid = self._read_fd = None
            if status == 0:
                return b"".join(chunks)
        return self._work()

    def cancel(self) -> None:
        """Stop work still running (the caller failed); safe to call at any time."""
        if self._pid is not None:
            with contextlib.suppress(OSError):
                os.kill(self._pid, signal.SIGKILL)
            with contextlib.suppress(OSError):
                os.waitpid(self._pid, 0)
            self._pid = None
        if self._read_fd is not None:
            with contextlib.suppress(OSError):
                os.close(self._read_fd)
            self._read_fd = None
