"""The ``nervelog`` command line: thin commands over the journal and analysis.

Heavy libraries (textual, plotext, fpdf2, matplotlib) are imported only inside the
commands that need them, so ``nervelog log`` starts fast.
"""

from __future__ import annotations

import gc

import click

from nervelog.cli.context import EPILOG, CliContext, current, journal_options
from nervelog.cli.entries import check, log, show, where
from nervelog.cli.maintenance import backup_cmd, history_cmd, restore_cmd, undo_cmd
from nervelog.cli.phases import phase
from nervelog.cli.report import report
from nervelog.cli.sessions import session
from nervelog.cli.stats import stats
from nervelog.cli.transfer import export_cmd, import_cmd
from nervelog.domain.disclaimer import DISCLAIMER

__all__ = ["CliContext", "cli", "main"]


@click.group(
    invoke_without_command=True,
    epilog=EPILOG,
    help=f"""nervelog: a private journal
for nerve symptoms (numbness, tingling, pain, mobility) and therapy sessions.

Run without a command to open the journal app. {DISCLAIMER}""",
)
@click.version_option(package_name="nervelog")
@journal_options
@click.pass_context
def cli(ctx: click.Context) -> None:
    """The nervelog command group."""
    ctx.ensure_object(CliContext)
    if ctx.invoked_subcommand is None:
        open_app(current(ctx))


def open_app(state: CliContext) -> None:
    """Start the TUI on the chosen journal."""
    try:
        from nervelog.tui import run_app  # type: ignore[attr-defined,unused-ignore]
    except ImportError:
        click.echo("The journal app is not built yet; use the commands in nervelog --help.")
        return
    # The app is long-lived: give it the usual garbage collection back (see main()).
    gc.set_threshold(*_GC_DEFAULT)
    run_app(state.journal(), state.clock, state.path())


for command in (
    log,
    show,
    session,
    export_cmd,
    import_cmd,
    where,
    check,
    stats,
    phase,
    backup_cmd,
    restore_cmd,
    history_cmd,
    undo_cmd,
    report,
):
    cli.add_command(command)


_GC_DEFAULT = gc.get_threshold()


def main() -> None:
    """Console-script entry point."""
    # A command is a short-lived process that may build ~100k small objects (a ten-year
    # report): the cyclic collector would scan them, and everything imported, over and
    # over for nothing; reference counting still frees them. ~10% of a report (issue 7).
    gc.freeze()
    gc.set_threshold(100_000, 50, 100)
    cli(prog_name="nervelog")
