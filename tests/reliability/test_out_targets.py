"""Where `--out` writes (issue 28, point 4): a pipe as a stream, never read first (it used
to hang); a link's file, not the link; never a device, a socket or a folder."""

from __future__ import annotations

import os
import socket
import stat
import threading
from pathlib import Path

import pytest

from nervelog.storage.files import write_private

DATA = b'{"format": "nervelog-journal"}\n' * 1000


def test_a_named_pipe_is_written_as_a_stream(tmp_path: Path) -> None:
    pipe = tmp_path / "pipe"
    os.mkfifo(pipe)
    received: list[bytes] = []
    reader = threading.Thread(target=lambda: received.append(pipe.read_bytes()))
    reader.start()
    write_private(pipe, DATA)
    reader.join(timeout=10)
    assert received == [DATA]
    assert stat.S_ISFIFO(pipe.stat().st_mode)  # still the pipe, not a file put in its place


def test_a_link_is_followed_and_kept(tmp_path: Path) -> None:
    target = tmp_path / "export.json"
    target.write_bytes(b"old")
    link = tmp_path / "latest.json"
    link.symlink_to(target)
    write_private(link, DATA)
    assert link.is_symlink() and target.read_bytes() == DATA


@pytest.mark.parametrize("kind", ["socket", "folder"])
def test_what_is_not_a_regular_file_is_refused_and_kept(tmp_path: Path, kind: str) -> None:
    path = tmp_path / kind
    if kind == "socket":
        server = socket.socket(socket.AF_UNIX)
        server.bind(str(path))
    else:
        path.mkdir()
    before = path.stat()
    with pytest.raises(OSError, match="not a regular file"):
        write_private(path, DATA)
    assert os.path.samestat(path.stat(), before)
