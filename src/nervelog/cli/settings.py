"""``nervelog settings``: the name, date of birth and identifier reports print, and more."""

from __future__ import annotations

import click

from nervelog.cli.context import EPILOG, current, friendly_errors, journal_options
from nervelog.cli.options import journal_command
from nervelog.cli.table import table
from nervelog.domain.printable import printable_line
from nervelog.domain.settings import SETTINGS, parse_setting, setting_named


@click.group("settings", invoke_without_command=True, epilog=EPILOG)
@journal_options
@click.pass_context
@friendly_errors
def settings(ctx: click.Context) -> None:
    """Show the settings, or change one with ``set``.

    \b
    Examples:
      nervelog settings
      nervelog settings set display_name "Alex Example"
      nervelog settings set date_of_birth 1961-04-02
      nervelog settings set patient_id "NHS 943 476 5919"
      nervelog settings set paper_size letter
      nervelog settings unset patient_id
    """
    if ctx.invoked_subcommand is not None:
        return
    journal = current().journal()
    rows = [
        [key, printable_line(journal.setting(key)) or "–", s.about] for key, s in SETTINGS.items()
    ]
    click.echo(table(["setting", "value", "what it is for"], rows))


@settings.command("set", epilog=EPILOG)
@click.argument("key", metavar="SETTING")
@click.argument("value")
@journal_command
def set_cmd(key: str, value: str) -> None:
    """Change SETTING to VALUE (see ``nervelog settings`` for the list)."""
    ctx = current()
    stored = parse_setting(key, value, ctx.clock.today())
    ctx.journal().set_setting(key, stored)
    click.echo(f"{key}: {printable_line(stored) or '(empty)'}")


@settings.command("unset", epilog=EPILOG)
@click.argument("key", metavar="SETTING")
@journal_command
def unset_cmd(key: str) -> None:
    """Put SETTING back to its default."""
    default = setting_named(key).default
    current().journal().set_setting(key, default)
    click.echo(f"{key}: back to {default or '(empty)'}")
