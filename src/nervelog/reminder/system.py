"""Running the scheduler's programs and writing its files, all or nothing."""

from __future__ import annotations

import os
import shutil
import subprocess
from collections.abc import Callable, Iterator, Mapping, Sequence
from contextlib import contextmanager
from pathlib import Path

from nervelog.reminder import ReminderError

PROGRAM_TIMEOUT_S = 30


def find_program(name: str) -> str | None:
    """The full path of ``name`` on PATH, or None."""
    return shutil.which(name)


def run_program(
    args: Sequence[str], *, input: str | None = None, check: bool = True
) -> subprocess.CompletedProcess[str]:
    """Run a scheduler program; with ``check``, a failure becomes a ``ReminderError``."""
    try:
        result = subprocess.run(
            list(args),
            input=input,
            capture_output=True,
            text=True,
            # Bytes that are not UTF-8 (someone else's crontab) survive the round trip.
            encoding="utf-8",
            errors="surrogateescape",
            timeout=PROGRAM_TIMEOUT_S,
            check=False,
        )
    except (OSError, subprocess.TimeoutExpired) as exc:
        raise ReminderError(f"`{' '.join(args)}` could not run: {exc}.") from None
    if check and result.returncode != 0:
        detail = (result.stderr or result.stdout).strip() or f"exit status {result.returncode}"
        raise ReminderError(f"`{' '.join(args)}` failed: {detail}.")
    return result


def config_home() -> Path:
    """``$XDG_CONFIG_HOME``, else ``~/.config``."""
    return Path(os.environ.get("XDG_CONFIG_HOME") or Path.home() / ".config")


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
                    _write(path, data)
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
            _write(path, text.encode())
        except OSError as exc:
            raise ReminderError(
                f"Cannot write {path}: {exc.strerror or exc}. Nothing was installed."
            ) from None


def _write(path: Path, data: bytes) -> None:
    tmp = path.with_name(f".{path.name}.tmp")
    fd = os.open(tmp, os.O_WRONLY | os.O_CREAT | os.O_TRUNC, 0o600)
    try:
        with os.fdopen(fd, "wb") as handle:
            handle.write(data)
        os.replace(tmp, path)
    except BaseException:
        tmp.unlink(missing_ok=True)
        raise


def ignore_failure(step: Callable[[], object]) -> None:
    """Run a clean-up step whose failure must not hide the error being reported."""
    try:
        step()
    except ReminderError:
        pass
