"""nervelog at home in the shell: completion scripts, a version, predictable exit codes."""

from __future__ import annotations

import os
import subprocess
import sys
from collections.abc import Callable
from pathlib import Path

import pytest
from click.testing import Result

Run = Callable[..., Result]
BIN = Path(sys.executable).parent


@pytest.mark.parametrize(
    "shell, marker",
    [
        ("bash", "complete -o nosort -F _nervelog_completion nervelog"),
        ("zsh", "#compdef nervelog"),
        ("fish", "complete --no-files --command nervelog"),
    ],
)
def test_completion_script_for_each_shell(run: Run, shell: str, marker: str) -> None:
    result = run("completion", shell, db=False)
    assert result.exit_code == 0
    assert marker in result.output and "_NERVELOG_COMPLETE" in result.output


def test_an_unknown_shell_is_refused(run: Run) -> None:
    result = run("completion", "tcsh", db=False)
    assert result.exit_code == 2 and "'tcsh' is not one of 'bash', 'zsh', 'fish'" in result.output


@pytest.mark.skipif(not (BIN / "nervelog").exists(), reason="needs the installed nervelog script")
def test_bash_completes_commands_and_subcommands(tmp_path: Path) -> None:
    script = tmp_path / "nervelog.bash"
    script.write_text(
        subprocess.run(
            [BIN / "nervelog", "completion", "bash"], capture_output=True, text=True, check=True
        ).stdout,
        encoding="utf-8",
    )

    def complete(*words: str) -> list[str]:
        shell = (
            f"source {script}\n"
            f"COMP_WORDS=({' '.join(words)}); COMP_CWORD={len(words) - 1}\n"
            "_nervelog_completion nervelog\n"
            'printf "%s\\n" "${COMPREPLY[@]}"\n'
        )
        env = {**os.environ, "PATH": f"{BIN}:{os.environ['PATH']}"}
        out = subprocess.run(["bash", "-c", shell], capture_output=True, text=True, env=env)
        return out.stdout.split()

    assert complete("nervelog", "rem") == ["remind"]
    assert complete("nervelog", "remind", "s") == ["set", "status"]
    assert "--quiet" in complete("nervelog", "due", "--")


def test_version() -> None:
    result = subprocess.run(
        [sys.executable, "-m", "nervelog", "--version"], capture_output=True, text=True
    )
    assert result.returncode == 0
    assert result.stdout.startswith("nervelog, version ") and result.stdout.count("\n") == 1


def test_help_states_the_exit_status(run: Run) -> None:
    for args in (["--help"], ["due", "--help"], ["log", "--help"]):
        output = " ".join(run(*args, db=False).output.split())
        assert "Exit status: 0 done; 1 only from `nervelog due` (today not logged yet); 2" in output


def test_a_note_file_that_cannot_be_opened_is_status_2(run: Run, tmp_path: Path) -> None:
    result = run("log", "--note-file", str(tmp_path / "missing.txt"))
    assert result.exit_code == 2 and "missing.txt" in result.output


def test_a_question_answered_no_is_status_2_and_changes_nothing(run: Run) -> None:
    run("session", "add", "massage")
    result = run("session", "delete", "1", input="n\n")
    assert result.exit_code == 2
    assert "Stopped. Nothing is half-saved" in result.output
    assert "massage" in run("session", "list").output


def test_a_bug_is_status_2_not_1(tmp_path: Path) -> None:
    code = (
        "import sys\n"
        "import nervelog.cli.entries as entries\n"
        "def broken(*a, **k):\n    raise RuntimeError('boom')\n"
        "entries.describe_entry = broken\n"
        "from nervelog.cli import main\n"
        f"sys.argv = ['nervelog', '--db', {str(tmp_path / 'j.sqlite3')!r}, 'log', '--pain', '3']\n"
        "main()\n"
    )
    result = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True)
    assert result.returncode == 2
    assert "RuntimeError: boom" in result.stderr and "a bug in nervelog" in result.stderr


@pytest.mark.skipif(not (BIN / "nervelog").exists(), reason="needs the installed nervelog script")
def test_a_reader_that_stops_early_is_not_an_error() -> None:
    shell = f"{BIN / 'nervelog'} --demo show --last 10y | true; echo ${{PIPESTATUS[0]}}"
    result = subprocess.run(["bash", "-c", shell], capture_output=True, text=True)
    assert result.stdout.strip() == "0" and "Traceback" not in result.stderr
