"""The passphrase of an encrypted journal: from a command the user names, or asked for.

Never from the command line or an environment variable holding the secret itself:
both end up in shell history and process listings.
"""

from __future__ import annotations

import os
import shlex
import subprocess
import sys
from pathlib import Path

import click

from nervelog.cli.context import UserError

COMMAND_VAR = "NERVELOG_PASSPHRASE_COMMAND"


def passphrase_from_command(command: str) -> str:
    """The first line a password manager (or any command) prints; ``UserError`` if it fails."""
    try:
        result = subprocess.run(shlex.split(command), capture_output=True, timeout=120)
    except (OSError, ValueError, subprocess.TimeoutExpired) as exc:
        raise UserError(f"{COMMAND_VAR} could not run: {exc}. Nothing was changed.") from None
    if result.returncode != 0:
        raise UserError(
            f"{COMMAND_VAR} failed (exit status {result.returncode}). Nothing was changed."
        )
    lines = result.stdout.decode("utf-8", "replace").splitlines()
    if not lines or not lines[0]:
        raise UserError(f"{COMMAND_VAR} printed no passphrase. Nothing was changed.")
    return lines[0]


def passphrase_for(path: Path, *, ask: bool = True) -> str:
    """The passphrase of the encrypted journal at ``path``.

    ``NERVELOG_PASSPHRASE_COMMAND`` if set, else (with ``ask``) a hidden prompt on a
    terminal.
    """
    command = os.environ.get(COMMAND_VAR, "").strip()
    if command:
        return passphrase_from_command(command)
    if not ask or not sys.stdin.isatty():
        raise UserError(
            f"The journal at {path} is encrypted. Run this in a terminal to type its "
            f"passphrase, or set {COMMAND_VAR} to a command that prints it."
        )
    return str(click.prompt(f"Passphrase for {path}", hide_input=True, err=True))
