"""Running the scheduler's programs and writing its files, all or nothing."""

from __future__ import annotations

import shutil
import subprocess
from collections.abc import Callable, Iterator, Mapping, Sequence
from contextlib import contextmanager
from pathlib import Path
from typing import NamedTuple

from nervelog.reminder import ReminderError
from nervelog.storage.files import write_private

PROGRAM_TIMEOUT_S = 30


class Ran(NamedTuple):
    """What a program printed (decoded so any byte survives a round trip) and its status."""

    returncode: int
    stdout: str
    stderr: str


def _decode(data: bytes) -> str:
    # surrogateescape, and no newline translation: someone else's crontab comes back
    # byte for byte, CR and all.
    return data.decode("utf-8", "surrogateescape")


def run_program(args: Sequence[str], *, input: str | None = None, check: bool = True) -> Ran:
    """Run a scheduler program; with ``check``, a failure becomes a ``ReminderError``."""
    try:
        result = subprocess.run(
            list(args),
            input=None if input is None else input.encode("utf-8", "surrogateescape"),
            capture_output=True,
            timeout=PROGRAM_TIMEOUT_S,
            check=False,
        )
    except (OSError, subprocess.TimeoutExpired) as exc:
        raise ReminderError(f"`{' '.join(args)}` could not run: {exc}.") from None
    ran = Ran(result.returncode, _decode(result.stdout), _decode(result.stderr))
    if check and ran.returncode != 0:
        detail = (ran.stderr or ran.stdout).strip() or f"exit status {ran.returncode}"
        raise ReminderError(f"`{' '.join(args)}` failed: {detail}.")
    return ran


def program(name: str) -> str:
    """The full path of ``name`` on PATH; ``ReminderError`` if it is not there."""
    found = shutil.which(name)
    if found is None:
        raise ReminderError(f"{name} is not on PATH.")
    return found


@contextmanager
def files_restored_on_failure(paths: Sequence[Path]) -> Iterator[None]:
    """Put ``paths`` back as they were (content, or absence) if the block fails."""
    before = {path: path.read_bytes() if path.is_file() else None for path in paths}
    try:
        yield
    except BaseException:
        for path, data in before.items():
            try:
                if data is None:
                    path.unlink(missing_ok=True)
                else:
                    write_private(path, data)
            except OSError:
                pass  # what could not be written back was never replaced either
        raise


def write_files(contents: Mapping[Path, str]) -> None:
    """Write each file (folders 0700, files 0600, each atomically).

    Raises ``ReminderError`` naming the file that could not be written.
    """
    for path, text in contents.items():
        try:
            path.parent.mkdir(mode=0o700, parents=True, exist_ok=True)
            write_private(path, text.encode())
        except OSError as exc:
            raise ReminderError(
                f"Cannot write {path}: {exc.strerror or exc}. Nothing was installed."
            ) from None


def ignore_failure(step: Callable[[], object]) -> None:
    """Run a clean-up step whose failure must not hide the error being reported."""
    try:
        step()
    except ReminderError:
        pass
