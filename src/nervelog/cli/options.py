"""Click options and steps several commands share: the journal's options, the day
recorded, a note typed or read, the file to write, and deleting a record after asking.

Needs only click and the error types, so a command that uses them loads nothing more.
"""

from __future__ import annotations

import sys
from collections.abc import Callable
from pathlib import Path
from typing import Any, TypeVar

import click

from nervelog.cli.context import UserError, friendly_errors, journal_options
from nervelog.domain.errors import Problem

F = TypeVar("F", bound=Callable[..., Any])
T = TypeVar("T")
DATE_HELP = "YYYY-MM-DD, today, yesterday or 'N days ago'."
YES_OPTION = click.option("--yes", is_flag=True, help="Do not ask for confirmation.")


def journal_command(command: F) -> F:
    """``--db`` and ``--demo``, and journal errors as one clear message (exit status 2)."""
    return journal_options(friendly_errors(command))


def date_option(help_text: str) -> Callable[[F], F]:
    """``--date DATE`` (default today) for the commands that record a day."""
    return click.option(
        "--date", "day", default="today", show_default=True, metavar="DATE", help=help_text
    )


def out_option(help_text: str) -> Callable[[F], F]:
    """``--out FILE``, a file to write (a ``Path``; None when not given)."""
    return click.option(
        "--out", type=click.Path(dir_okay=False, path_type=Path), default=None, help=help_text
    )


def force_option(func: F) -> F:
    """``--force``: replace the file ``--out`` names without asking."""
    return click.option(
        "--force", is_flag=True, help="Replace the file if it exists, without asking."
    )(func)


def write_out(target: Path, data: bytes, *, force: bool) -> None:
    """Write ``data`` to the file ``target``, private (0600); a failure is a ``UserError``.

    An existing file is replaced only with ``force`` or once the user said yes; a
    script (no terminal to ask on) is told to add ``--force``.
    """
    from nervelog.storage.files import refuse_database_target, write_private

    try:
        if target.is_file() and not force:
            refuse_database_target(target)  # a journal is never replaced, even when asked
            if not sys.stdin.isatty():
                raise UserError(f"{target} exists: add --force to replace it. Nothing was written.")
            click.confirm(f"{target} exists. Replace it?", abort=True, err=True)
        write_private(target, data)
    except OSError as exc:
        reason = exc.strerror or str(exc)
        raise UserError(f"Cannot write {target}: {reason}. Nothing was written.") from None


def note_options(note_help: str, file_help: str) -> Callable[[F], F]:
    """``--note TEXT`` and ``--note-file FILE``; the command reads them with ``read_note``."""
    note = click.option("--note", default=None, help=note_help)
    note_file = click.option(
        "--note-file", type=click.File("r", encoding="utf-8"), default=None, help=file_help
    )

    def decorate(command: F) -> F:
        return note(note_file(command))

    return decorate


def read_note(note: str | None, note_file: click.File | None) -> str | None:
    """The note from ``--note`` or ``--note-file`` (``-`` reads standard input)."""
    if note is not None and note_file is not None:
        raise UserError("Use either --note or --note-file, not both.")
    if note_file is not None:
        try:
            text: str = note_file.read()  # type: ignore[attr-defined]
        except UnicodeDecodeError as exc:
            raise Problem(
                "--note-file", f"byte {exc.start}", "text encoded as UTF-8"
            ).error() from None
        return text.rstrip("\n")
    return note


def existing(found: T | None, record_id: int, expected: str) -> T:
    """The record ``found`` by id, or the error that no record has it (``expected`` says
    what an id should be, as "the id of an event (see nervelog event list)")."""
    if found is None:
        raise Problem("id", record_id, expected).error()
    return found


def delete_confirmed(
    what: str, record_id: int, question: str, yes: bool, delete: Callable[[int], object]
) -> None:
    """Ask ``question`` (unless ``yes``), delete the record and say so: "Deleted event 4."."""
    if not yes:
        click.confirm(question, abort=True)
    delete(record_id)
    click.echo(f"Deleted {what} {record_id}.")
