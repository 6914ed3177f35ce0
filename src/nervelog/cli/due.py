"""``nervelog due``: is today logged? One quiet question for shell prompts and reminders.

It reads the journal file with the SQLite library alone, read-only: no migration, no backup and
no sqlite-utils, so a prompt pays little more than Python's own start (issue 15).
"""

from __future__ import annotations

from datetime import date
from pathlib import Path
from typing import NamedTuple

import click

from nervelog.cli.context import EPILOG, UserError, current, journal_options
from nervelog.driver import sqlite
from nervelog.paths import APPLICATION_ID, is_encrypted


class DueState(NamedTuple):
    """Whether today has an entry, and the last day before it that has one."""

    logged: bool
    last_before: str | None

    def line(self, today: date) -> str:
        """The one line ``due`` prints when today is not logged."""
        if self.last_before is None:
            return "nervelog: today not logged yet (no entries yet)"
        days = (today - date.fromisoformat(self.last_before)).days
        ago = "yesterday" if days == 1 else f"{days} days ago"
        return f"nervelog: today not logged yet (last entry {ago})"


def due_state(path: Path, today: date) -> DueState:
    """Read, without changing anything, whether ``today`` has an entry.

    A journal that does not exist yet has nothing logged; it is not created. Raises
    ``UserError`` for a file that cannot be read as a journal.
    """
    if not path.exists() or (path.is_file() and path.stat().st_size == 0):
        return DueState(logged=False, last_before=None)  # a journal not yet begun
    if path.is_dir():
        raise UserError(f"{path} is a folder, not a journal file.")
    try:
        # mode=ro: SQLite itself refuses to write, so `due` can never change the journal;
        # it still sees what another nervelog wrote a moment ago (WAL). A short busy
        # timeout: a prompt must not hang on a journal someone holds locked.
        conn = _read_only(path)
        try:
            app_id, tables = conn.execute(
                "SELECT (SELECT application_id FROM pragma_application_id),"
                " (SELECT count(*) FROM sqlite_master WHERE name = 'entry')"
            ).fetchone()
            if app_id != APPLICATION_ID or not tables:
                raise UserError(f"{path} is not a nervelog journal. It was not changed.")
            row = conn.execute(
                "SELECT EXISTS (SELECT 1 FROM entry WHERE date = ?),"
                " (SELECT max(date) FROM entry WHERE date < ?)",
                [today.isoformat()] * 2,
            ).fetchone()
        finally:
            conn.close()
    except sqlite.Error as exc:
        raise UserError(
            f"Cannot read the journal at {path}: {exc}. It was not changed; "
            "`nervelog check` says more."
        ) from None
    return DueState(logged=bool(row[0]), last_before=row[1])


def _read_only(path: Path) -> sqlite.Connection:
    """A read-only connection; an encrypted journal is opened by the storage layer, which
    loads only then (a plain one needs nothing but the SQLite library)."""
    if not is_encrypted(path):
        return sqlite.connect(f"{path.resolve().as_uri()}?mode=ro", uri=True, timeout=1)
    from nervelog.cli.unlock import passphrase_for
    from nervelog.storage.connect import WrongPassphrase, connect

    try:
        # Never a question: `due` runs in shell prompts and reminders.
        return connect(path, key=passphrase_for(path, ask=False), readonly=True, timeout=1)
    except WrongPassphrase as exc:
        raise UserError(str(exc)) from None


@click.command(epilog=EPILOG)
@click.option("--quiet", "-q", is_flag=True, help="Print nothing; only the exit status tells.")
@journal_options
def due(quiet: bool) -> None:
    """Exit 0 silently if today is logged; else print one line and exit 1.

    For a shell prompt, a login script or a reminder. It only reads the journal:
    it never changes it, creates it or takes a backup.

    \b
    Example:  nervelog due || echo "check-in waiting"
    """
    ctx = current()
    today = ctx.clock.today()
    state = due_state(ctx.path(), today)
    if state.logged:
        return
    if not quiet:
        click.echo(state.line(today))
    click.get_current_context().exit(1)
