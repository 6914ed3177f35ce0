"""``nervelog export`` and ``nervelog import``."""

from __future__ import annotations

import sys
from pathlib import Path

import click

from nervelog.cli.context import EPILOG, UserError, current
from nervelog.cli.options import force_option, journal_command, out_option, write_out
from nervelog.domain.errors import ValidationError
from nervelog.storage.export import ExportFormat, export_text
from nervelog.storage.import_file import read_import
from nervelog.storage.importing import import_data


@click.command("export", epilog=EPILOG)
@click.option(
    "--format",
    "fmt",
    type=click.Choice([f.value for f in ExportFormat]),
    default=ExportFormat.JSON.value,
    show_default=True,
    help="json: the whole journal; entries-csv / sessions-csv: one table.",
)
@out_option("File to write (created private, 0600). Default: standard output.")
@force_option
@journal_command
def export_cmd(fmt: str, out: Path | None, force: bool) -> None:
    """Export the journal as JSON (everything) or CSV (entries or sessions)."""
    from nervelog.paths import is_encrypted

    ctx = current()
    text = export_text(ctx.journal(), ExportFormat(fmt))
    if not ctx.demo and is_encrypted(ctx.path()):
        click.echo("Note: the journal is encrypted; this export is not.", err=True)
    if out is None:
        click.echo(text, nl=False)
        return
    write_out(out, text.encode("utf-8"), force=force)
    click.echo(f"Wrote {out}", err=True)


@click.command("import", epilog=EPILOG)
@click.argument("file", type=click.Path(allow_dash=True, dir_okay=False, path_type=Path))
@click.option(
    "--dry-run", is_flag=True, help="Check the file and report what would change; store nothing."
)
@journal_command
def import_cmd(file: Path, dry_run: bool) -> None:
    """Import a nervelog JSON export or an entries/sessions CSV ('-' reads standard input).

    All or nothing: if any row is bad, every bad row is listed with its line number and
    nothing is imported. Rows identical to what is stored change nothing.
    """
    try:
        data = read_import(sys.stdin.buffer if str(file) == "-" else file)
    except OSError as exc:
        raise UserError(f"Cannot read {file}: {exc.strerror}.") from None
    except ValidationError as exc:
        raise UserError(f"{file} was not imported; nothing was changed.\n{exc}") from None
    try:
        result = import_data(current().journal(), data, dry_run=dry_run)
    except ValidationError as exc:
        raise UserError(f"{file} was not imported; nothing was changed.\n{exc}") from None
    verb = "Would import" if dry_run else "Imported"
    click.echo(
        f"{verb} {result.kind}: {result.added} added, {result.updated} updated, "
        f"{result.unchanged} unchanged."
    )
