"""A journal on a read-only disk (a mounted backup drive, a read-only share) can still be
shown and exported; a write is refused with a message, and nothing is changed."""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

from conftest import Run


@pytest.fixture
def read_only_disk(run: Run, journal_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    """The journal with two days, on a disk the system reports read-only."""
    run("log", "--date", "yesterday", "--pain", "4", "--note", "numb toes")
    run("log", "--pain", "5")
    real = os.statvfs

    class ReadOnly:
        def __init__(self, found: os.statvfs_result) -> None:
            self.f_flag = found.f_flag | os.ST_RDONLY

    def statvfs(path: object) -> object:
        found = real(path)  # type: ignore[arg-type]
        return ReadOnly(found) if Path(str(path)).parent == journal_path.parent else found

    monkeypatch.setattr(os, "statvfs", statvfs)
    return journal_path


def test_a_journal_on_a_read_only_disk_is_shown_and_exported(
    run: Run, read_only_disk: Path
) -> None:
    before = read_only_disk.read_bytes()
    shown = run("show")
    assert shown.exit_code == 0 and "numb toes" in shown.output
    exported = run("export")
    assert exported.exit_code == 0 and '"pain": 5' in exported.output
    refused = run("log", "--pain", "2")
    assert refused.exit_code == 2
    assert "cannot be written" in refused.output and "Nothing was changed" in refused.output
    assert read_only_disk.read_bytes() == before


@pytest.mark.skipif(
    os.geteuid() != 0 or shutil.which("mount") is None,
    reason="a real read-only mount needs root and mount(8)",
)
def test_a_real_read_only_mount(tmp_path: Path, run: Run, journal_path: Path) -> None:
    run("log", "--pain", "5", "--note", "on a stick")
    mounted = tmp_path / "stick"
    mounted.mkdir()
    bind = ["mount", "--bind", str(journal_path.parent), str(mounted)]
    if subprocess.run(bind, capture_output=True).returncode != 0:
        pytest.skip("this machine does not allow mounts (a container without the right)")
    try:
        remount = ["mount", "-o", "remount,ro,bind", str(mounted)]
        assert subprocess.run(remount, capture_output=True).returncode == 0
        nervelog = [sys.executable, "-m", "nervelog", "--db", str(mounted / journal_path.name)]
        shown = subprocess.run([*nervelog, "export"], capture_output=True, text=True)
        assert shown.returncode == 0 and "on a stick" in shown.stdout, shown.stderr
    finally:
        subprocess.run(["umount", str(mounted)], capture_output=True)
