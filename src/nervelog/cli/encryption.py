"""``nervelog encrypt``, ``decrypt`` and ``passphrase``: the journal and every backup."""

from __future__ import annotations

import sys
from dataclasses import dataclass, field
from pathlib import Path

import click

from nervelog.cli.context import EPILOG, UserError, current
from nervelog.cli.options import journal_command
from nervelog.cli.unlock import keyring_marker, passphrase_for, store_in_keyring
from nervelog.domain.errors import JournalError
from nervelog.paths import is_encrypted
from nervelog.storage.backup import list_backups
from nervelog.storage.cipher import convert, refuse_if_open
from nervelog.storage.connect import WrongPassphrase, connect
from nervelog.storage.restore import replaced_journals

MIN_LENGTH = 8
LOSS_WARNING = (
    "If you lose this passphrase, the journal and its backups cannot be opened again: "
    "nobody, nervelog included, can recover it. Keep it in a password manager."
)


def new_passphrase() -> str:
    """Ask twice, hidden; refuse one too short to protect anything."""
    click.echo(click.wrap_text(LOSS_WARNING, width=78), err=True)
    # Hidden on a terminal; read as it comes from a pipe (getpass would only warn there).
    hidden = sys.stdin.isatty()
    value = str(
        click.prompt("New passphrase", hide_input=hidden, confirmation_prompt=True, err=True)
    )
    if len(value) < MIN_LENGTH:
        raise UserError(
            f"passphrase: {len(value)} characters is too short; expected at least "
            f"{MIN_LENGTH}. Nothing was changed."
        )
    return value


def journal_file() -> Path:
    """The journal to convert; the demo copy is refused."""
    ctx = current()
    if ctx.demo:
        raise UserError("The demo journal is a throwaway copy; encrypt your own.")
    path = ctx.path()
    if not path.is_file():
        raise UserError(f"There is no journal at {path}. Nothing was changed.")
    return path


@dataclass
class Converted:
    """What ``convert_all`` did with the journal's copies."""

    done: int = 0
    """Backups (and journals a restore kept) converted now."""
    left: list[tuple[Path, str]] = field(default_factory=list)
    """Copies left as they were, with why."""

    def report(self) -> None:
        """Name each copy left as it was (on stderr), so nothing is silently missed."""
        for file, why in self.left:
            click.echo(f"Left as it was: {file} ({why}).", err=True)
        if self.left:
            click.echo(
                "A copy under another passphrase still opens with the one it was made "
                "under: nervelog restore FILE asks for it.",
                err=True,
            )


def convert_all(path: Path, old: str | None, new: str | None) -> Converted:
    """Convert the journal, then each backup and each journal a restore kept.

    Each file is converted whole or not at all, so after an interruption the same
    command finishes what was left. A copy ``old`` does not open (made under another
    passphrase) or that is damaged is left as it was and listed.
    """

    def still_to_do(file: Path) -> bool:
        rekey = old is not None and new is not None
        return rekey or is_encrypted(file) != (new is not None)

    # Encrypting, the journal goes last: a stopped run leaves it plain, so no plain copy
    # ever sits beside an encrypted journal. Otherwise it goes first, as before.
    encrypting = old is None and new is not None
    if not encrypting and still_to_do(path):
        convert(path, old, new)
    result = Converted()
    for copy in copies(path):
        if not still_to_do(copy):
            continue
        try:
            convert(copy, old, new)
            result.done += 1
        except WrongPassphrase:
            # One already under the new passphrase was converted by an earlier run.
            if new is None or not _opens(copy, new):
                result.left.append((copy, "the passphrase does not open it"))
        except JournalError as exc:
            result.left.append((copy, str(exc).rstrip(".")))
    if encrypting and still_to_do(path):
        convert(path, old, new)
    return result


def _opens(file: Path, key: str | None) -> bool:
    try:
        connect(file, key=key).close()
    except JournalError:
        return False
    return True


@click.command(epilog=EPILOG)
@click.option(
    "--keyring",
    "use_keyring",
    is_flag=True,
    help="Also keep the passphrase in the system keyring, to unlock without typing it.",
)
@journal_command
def encrypt(use_keyring: bool) -> None:
    """Encrypt the journal and all its backups with a passphrase (SQLCipher 4).

    Everything works as before once unlocked: you are asked for the passphrase,
    or set NERVELOG_PASSPHRASE_COMMAND to a command that prints it (for scripts
    and the reminder). Exports stay plain files.

    \b
    Example:  nervelog encrypt
    """
    path = journal_file()
    resumed = is_encrypted(path)
    if resumed:
        # An earlier run was interrupted after the journal: finish the backups, with
        # the journal's own passphrase (checked first, so none is encrypted wrongly).
        key = passphrase_for(path)
        connect(path, key=key).close()
    else:
        refuse_if_open(path, None)
        key = new_passphrase()
    result = convert_all(path, None, key)
    if resumed:
        done = f"{result.done} backups encrypted now"
        click.echo(f"The journal at {path} was already encrypted; {done}.")
    else:
        click.echo(
            f"Encrypted the journal at {path} and {result.done} backups (the plain ones are gone)."
        )
    result.report()
    if use_keyring:
        store_in_keyring(path, key)
        click.echo("The passphrase is in the system keyring: nervelog unlocks without asking.")


@click.command(epilog=EPILOG)
@journal_command
def decrypt() -> None:
    """Turn encryption off: the journal and its backups become plain SQLite files again.

    \b
    Example:  nervelog decrypt
    """
    path = journal_file()
    if not is_encrypted(path) and not any(is_encrypted(b) for b in copies(path)):
        raise UserError(f"The journal at {path} is not encrypted. Nothing was changed.")
    result = convert_all(path, passphrase_for(path), None)
    store_in_keyring(path, None)
    click.echo(f"Decrypted the journal at {path} and {result.done} backups.")
    result.report()


@click.command(epilog=EPILOG)
@journal_command
def passphrase() -> None:
    """Change the passphrase of an encrypted journal and of all its backups.

    \b
    Example:  nervelog passphrase
    """
    path = journal_file()
    if not is_encrypted(path):
        raise UserError(f"The journal at {path} is not encrypted; see nervelog encrypt.")
    given = passphrase_for(path)
    if not _opens(path, given) and any(_opens(c, given) for c in copies(path)):
        # A change stopped after the journal: it is under the new passphrase, some
        # backups still under this one. Finish it, so the old one opens nothing.
        click.echo(
            "This passphrase opens backups but not the journal: a change of passphrase "
            "was stopped half-way. Type the journal's new passphrase to finish it.",
            err=True,
        )
        key = _ask("The journal's new passphrase")
        if not _opens(path, key):
            raise UserError(f"That does not open the journal at {path}. Nothing was changed.")
        result = rekey_copies(path, given, key)
        click.echo(f"Finished the change: {result.done} backups under the new passphrase now.")
        result.report()
        return
    refuse_if_open(path, given)  # a wrong one, or the app open, before a new one is asked
    key = new_passphrase()
    result = convert_all(path, given, key)
    if result.left and (other := _ask(_LEFT_QUESTION.format(len(result.left)), default="")):
        more = rekey_copies(path, other, key)
        result = Converted(result.done + more.done, more.left)
    if keyring_marker(path).exists():
        store_in_keyring(path, key)
    click.echo(f"Changed the passphrase of the journal at {path} and of {result.done} backups.")
    result.report()


def rekey_copies(path: Path, old: str, new: str) -> Converted:
    """Put the copies that ``old`` opens under ``new``; name those neither opens."""
    result = Converted()
    for copy in copies(path):
        if _opens(copy, new):
            continue
        try:
            convert(copy, old, new)
            result.done += 1
        except JournalError:
            result.left.append((copy, "the passphrase does not open it"))
    return result


_LEFT_QUESTION = (
    "{} backups do not open with it (made under an earlier passphrase, or a change was "
    "stopped half-way). Their passphrase, to change them too (Enter leaves them)"
)


def _ask(question: str, default: str | None = None) -> str:
    """A passphrase typed (hidden on a terminal); ``default`` when input ends."""
    try:
        hidden = sys.stdin.isatty()
        answer = click.prompt(
            question, hide_input=hidden, default=default, show_default=False, err=True
        )
        return str(answer)
    except (click.Abort, EOFError):
        if default is None:
            raise
        return default


def copies(path: Path) -> list[Path]:
    """The journal's copies in ``backups/``: its snapshots and the journals a restore kept."""
    return [*list_backups(path), *replaced_journals(path)]
