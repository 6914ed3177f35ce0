"""``nervelog backup``, ``restore``, ``history`` and ``undo``: keeping the journal safe."""

from __future__ import annotations

from pathlib import Path

import click

from nervelog.advice import explain
from nervelog.cli.change_text import change_summary, change_time, describe_change, field
from nervelog.cli.context import EPILOG, RECORD_ID, UserError, WholeNumber, current
from nervelog.cli.format import plural
from nervelog.cli.options import YES_OPTION, journal_command, out_option
from nervelog.domain.dates import parse_day
from nervelog.domain.errors import JournalError
from nervelog.driver import sqlite
from nervelog.storage import backup as snapshots
from nervelog.storage.connect import WrongPassphrase, connect
from nervelog.storage.repository import Journal


def _counts(journal: Journal) -> str:
    entries = journal.count_entries()
    sessions = journal.count_sessions()
    return f"{entries} {'entry' if entries == 1 else 'entries'}, {plural(sessions, 'session')}"


@click.command("backup", epilog=EPILOG)
@out_option("Write the backup to this new file instead of the backups/ folder.")
@journal_command
def backup_cmd(out: Path | None) -> None:
    """Save a snapshot of the journal (SQLite backup; safe while nervelog is in use).

    Without --out it goes into the backups/ folder beside the journal, where the newest
    14 snapshots are kept. Restore one with: nervelog restore FILE
    """
    ctx = current()
    journal = ctx.journal()
    try:
        if out is not None:
            out = out.expanduser()
            if out.exists():
                raise UserError(f"{out} already exists; choose a new file name.")
            target = journal.snapshot_to(out)
        elif journal.auto_backup is not None:
            # Opening the journal just took today's automatic snapshot; a second
            # identical one would only push an older snapshot out of the 14 kept.
            target = journal.auto_backup
        else:
            target = journal.back_up(ctx.path())
    except (OSError, sqlite.Error) as exc:
        reason = exc.strerror if isinstance(exc, OSError) else str(exc)
        raise UserError(
            f"Could not write the backup: {reason}. The journal was not changed."
        ) from None
    click.echo(f"Backed up {_counts(journal)} to {target}")


@click.command("restore", epilog=EPILOG)
@click.argument("file", type=click.Path(dir_okay=False, path_type=Path))
@YES_OPTION
@journal_command
def restore_cmd(file: Path, yes: bool) -> None:
    """Replace the journal with a backup FILE.

    The file is checked first (a healthy nervelog journal of a known version), and the
    current journal is saved into the backups/ folder before it is replaced.
    """
    ctx = current()
    if ctx.demo:
        raise UserError("The demo journal cannot be restored into; use --db PATH instead.")
    from nervelog.paths import journal_path

    target = journal_path(ctx.db_path)
    file = file.expanduser()
    journal_key, source_key = _restore_keys(file, target)
    snapshots.check_journal_file(file, key=source_key)
    change = _encryption_change(source_key, target)
    if change:
        click.echo(change)
    if not yes:
        click.confirm(
            f"Replace the journal at {target} with {file}? The current journal is backed up first",
            abort=True,
        )
    target.parent.mkdir(mode=0o700, parents=True, exist_ok=True)
    from nervelog.storage.restore import restore_journal

    result = restore_journal(
        file, target, ctx.clock, source_key=source_key, journal_key=journal_key
    )
    from nervelog.storage import open_journal

    key = source_key  # the restored journal is the backup, under the backup's key
    journal = open_journal(target, ctx.clock, unlock=None if key is None else lambda _: key)
    click.echo(f"Restored {file}: the journal now holds {_counts(journal)}.")
    if result.previous is not None:
        click.echo(f"The journal it replaced was kept as {result.previous}")
    journal.close()


def _restore_keys(file: Path, target: Path) -> tuple[str | None, str | None]:
    """The passphrases of the journal and of the backup (None where one is plain).

    A backup of an encrypted journal is under the journal's passphrase, so that one is
    tried first; the backup's own is asked for only when it does not open it.
    """
    from nervelog.cli.unlock import passphrase_for
    from nervelog.paths import is_encrypted

    journal_key = passphrase_for(target) if target.is_file() and is_encrypted(target) else None
    if journal_key is not None:
        # A wrong passphrase must change nothing: without this check the journal would
        # read as damaged and be moved aside.
        try:
            connect(target, key=journal_key).close()
        except WrongPassphrase as exc:
            raise UserError(
                f"{exc} If it is damaged rather than the passphrase wrong, move it out of "
                "the way and restore again."
            ) from None
    if not file.is_file() or not is_encrypted(file):
        return journal_key, None
    if journal_key is not None:
        try:
            with snapshots.read_only(file, key=journal_key):
                return journal_key, journal_key
        except JournalError:
            pass
    return journal_key, passphrase_for(file)


def _encryption_change(source_key: str | None, target: Path) -> str:
    """What restoring does to encryption, when the backup and the journal differ."""
    from nervelog.paths import is_encrypted

    was_encrypted = target.is_file() and is_encrypted(target)
    if was_encrypted and source_key is None:
        return (
            "The backup is not encrypted, so the restored journal will not be either; "
            "run `nervelog encrypt` afterwards to encrypt it again."
        )
    if source_key is not None and not was_encrypted:
        return "The backup is encrypted, so the restored journal will be too, under its passphrase."
    return ""


@click.command("history", epilog=EPILOG)
@click.option("--date", "day", metavar="DATE", help="Only changes to this day and its sessions.")
@click.option("--session", "session_id", type=RECORD_ID, metavar="ID", help="Only one session.")
@click.option(
    "--limit",
    type=WholeNumber(0, "a count"),
    default=20,
    show_default=True,
    help="Show at most this many of the newest changes (0: all).",
)
@journal_command
def history_cmd(day: str | None, session_id: int | None, limit: int) -> None:
    """List recorded changes, newest last: every save, edit, delete and undo."""
    if day is not None and session_id is not None:
        raise UserError("Use either --date or --session, not both.")
    ctx = current()
    journal = ctx.journal()
    if session_id is not None:
        changes = journal.history("session", str(session_id))
        scope = f"session {session_id}"
    elif day is not None:
        iso = parse_day(day, ctx.clock.today(), "date").isoformat()
        changes = [
            c
            for c in journal.history()
            if (c.record == "entry" and c.record_key == iso)
            or (c.record == "session" and iso in (field(c.old, "date"), field(c.new, "date")))
        ]
        scope = iso
    else:
        changes = journal.history()
        scope = "the journal"
    if not changes:
        click.echo(f"No recorded changes for {scope}.")
        return
    shown = changes[-limit:] if limit else changes
    if len(shown) < len(changes):
        click.echo(f"The newest {len(shown)} of {len(changes)} changes (--limit 0 shows all):")
    for change in shown:
        click.echo(describe_change(change))


@click.command("undo", epilog=EPILOG)
@journal_command
def undo_cmd() -> None:
    """Revert the newest change not yet undone; run again to go further back.

    The undo is itself recorded, so `nervelog history` shows both.
    """
    journal = current().journal()
    try:
        change = journal.undo_last()
    except JournalError as exc:
        raise UserError(explain(exc) or str(exc)) from None
    if change is None:
        raise UserError("Nothing to undo: there are no recorded changes left to revert.")
    click.echo(f"Undid change #{change.id} from {change_time(change)}: {change_summary(change)}")
    for other in change.together:  # made in the same step, such as a dose change
        click.echo(f"  with change #{other.id}: {change_summary(other)}")
