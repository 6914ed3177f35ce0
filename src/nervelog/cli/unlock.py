"""The passphrase of an encrypted journal: from a command the user names, from the
system keyring if they opted in (``nervelog encrypt --keyring``), or asked for.

Never from the command line or an environment variable holding the secret itself:
both end up in shell history and process listings.
"""

from __future__ import annotations

import os
import sys
from pathlib import Path

import click

from nervelog.cli.errors import UserError

COMMAND_VAR = "NERVELOG_PASSPHRASE_COMMAND"
KEYRING_SERVICE = "nervelog"


def keyring_marker(path: Path) -> Path:
    """The file beside the journal that says its passphrase is in the keyring.

    It holds no secret. It exists so that only those who opted in pay for loading the
    keyring package (~110 ms) on every open.
    """
    return path.with_name(f"{path.name}.keyring")


def from_keyring(path: Path) -> str | None:
    """The passphrase stored for ``path`` in the system keyring, if the user opted in."""
    if not keyring_marker(path).exists():
        return None
    import keyring
    import keyring.errors

    try:
        return keyring.get_password(KEYRING_SERVICE, str(path.resolve()))
    except keyring.errors.KeyringError:
        return None  # locked or missing keyring: ask instead


def store_in_keyring(path: Path, passphrase: str | None) -> None:
    """Keep ``passphrase`` in the keyring for ``path`` (None: forget it); else UserError."""
    marker = keyring_marker(path)
    if passphrase is None and not marker.exists():
        return
    import keyring
    import keyring.errors

    try:
        if passphrase is None:
            keyring.delete_password(KEYRING_SERVICE, str(path.resolve()))
            marker.unlink()
            return
        keyring.set_password(KEYRING_SERVICE, str(path.resolve()), passphrase)
        from nervelog.storage.files import write_private

        write_private(marker, b"The passphrase of this journal is in the system keyring.\n")
    except (keyring.errors.KeyringError, OSError) as exc:
        raise UserError(f"The system keyring could not be used: {exc}.") from None


def passphrase_from_command(command: str) -> str:
    """The first line a password manager (or any command) prints; ``UserError`` if it fails."""
    # Loaded only for those who name a command: every other open skips them.
    import shlex
    import subprocess

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

    ``NERVELOG_PASSPHRASE_COMMAND`` if set, else the keyring if the user opted in, else
    (with ``ask``) a hidden prompt on a terminal.
    """
    command = os.environ.get(COMMAND_VAR, "").strip()
    if command:
        return passphrase_from_command(command)
    stored = from_keyring(path)
    if stored:
        return stored
    if not ask:
        raise UserError(
            f"The journal at {path} is encrypted, and this command never asks for a "
            f"passphrase: set {COMMAND_VAR} to a command that prints it, or keep it in "
            "the system keyring (nervelog encrypt --keyring)."
        )
    if not sys.stdin.isatty():
        raise UserError(
            f"The journal at {path} is encrypted. Run this in a terminal to type its "
            f"passphrase, or set {COMMAND_VAR} to a command that prints it."
        )
    return str(click.prompt(f"Passphrase for {path}", hide_input=True, err=True))
