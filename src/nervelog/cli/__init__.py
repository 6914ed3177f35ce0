"""The ``nervelog`` command line: thin commands over the journal and analysis.

Heavy libraries (textual, plotext, fpdf2) are imported only inside the
commands that need them, so ``nervelog log`` starts fast.
"""

from __future__ import annotations

import importlib
import os
import sys
from collections.abc import Callable

import click

from nervelog.cli.context import EPILOG, CliContext, UserError, current, journal_options
from nervelog.domain.disclaimer import DISCLAIMER

__all__ = ["CliContext", "cli", "main"]

# Each command's module is imported only when that command runs (or help lists it):
# `nervelog log` need not load the analysis, import/export or report code (issue 7).
COMMANDS = {
    "backup": "maintenance:backup_cmd",
    "check": "entries:check",
    "completion": "shell:completion",
    "decrypt": "encryption:decrypt",
    "due": "due:due",
    "encrypt": "encryption:encrypt",
    "export": "transfer:export_cmd",
    "history": "maintenance:history_cmd",
    "import": "transfer:import_cmd",
    "log": "entries:log",
    "map": "body_map:map_group",
    "med": "meds:med",
    "event": "notables:event",
    "question": "notables:question",
    "remind": "remind:remind",
    "ask": "notables:ask",
    "passphrase": "encryption:passphrase",
    "phase": "phases:phase",
    "report": "report:report",
    "restore": "maintenance:restore_cmd",
    "session": "sessions:session",
    "settings": "settings:settings",
    "show": "show:show",
    "stats": "stats:stats",
    "undo": "maintenance:undo_cmd",
    "where": "entries:where",
}


class LazyGroup(click.Group):
    """A group whose commands (``COMMANDS``) are imported on first use."""

    def list_commands(self, ctx: click.Context) -> list[str]:
        """Every command name, sorted as click sorts them."""
        return sorted({*super().list_commands(ctx), *COMMANDS})

    def get_command(self, ctx: click.Context, cmd_name: str) -> click.Command | None:
        """The command called ``cmd_name``, importing its module if need be."""
        if cmd_name not in self.commands and cmd_name in COMMANDS:
            module, name = COMMANDS[cmd_name].split(":")
            command = getattr(importlib.import_module(f"nervelog.cli.{module}"), name)
            assert isinstance(command, click.Command) and command.name == cmd_name
            self.add_command(command)
        return super().get_command(ctx, cmd_name)

    def invoke(self, ctx: click.Context) -> object:
        """Run the command, keeping exit status 1 for `nervelog due` alone (see EPILOG)."""
        try:
            return super().invoke(ctx)
        except BrokenPipeError:
            # The reader stopped reading (`| head`): the command itself is done. Later
            # writes, and Python's last flush, go nowhere instead of failing (exit 1).
            _quiet_stdout()
            return None
        except (click.Abort, KeyboardInterrupt, EOFError):
            # click would print "Aborted!" and exit 1.
            raise UserError(
                "Stopped. Nothing is half-saved: each change is whole or not made."
            ) from None
        except click.ClickException as exc:
            if exc.exit_code != 1:
                raise
            # click's own, e.g. a --note-file that cannot be opened.
            raise UserError(exc.format_message()) from None


def _quiet_stdout() -> None:
    try:
        fd = sys.stdout.fileno()
    except (AttributeError, OSError, ValueError):
        return  # not a real file (a test runner's buffer)
    os.dup2(os.open(os.devnull, os.O_WRONLY), fd)


@click.group(
    cls=LazyGroup,
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
    state = ctx.ensure_object(CliContext)
    ctx.call_on_close(state.close)
    state.tidy()
    if ctx.invoked_subcommand is None:
        open_app(current(ctx))
    else:
        state.started()  # click has loaded the command's module by now


def open_app(state: CliContext) -> None:
    """Start the TUI on the chosen journal (an encrypted one first asks to be unlocked)."""
    from nervelog.tui import run_app

    if needs_unlock_screen(state):
        unlock_in_app(state)
    run_app(state.journal(), state.clock, state.path(), demo=state.demo, shown=state.started)


def needs_unlock_screen(state: CliContext) -> bool:
    """An encrypted journal, with no passphrase command or keyring to unlock it for us."""
    from nervelog.cli.unlock import COMMAND_VAR, from_keyring
    from nervelog.paths import is_encrypted

    if state.demo or os.environ.get(COMMAND_VAR) or not is_encrypted(state.path()):
        return False
    return from_keyring(state.path()) is None


def unlock_in_app(state: CliContext) -> None:
    """Ask for the passphrase on the unlock screen; three tries, then exit status 2."""
    from nervelog.domain.errors import JournalError
    from nervelog.storage import open_journal
    from nervelog.storage.connect import WrongPassphrase
    from nervelog.tui.unlock import UnlockApp

    path = state.path()

    def attempt(passphrase: str) -> str | None:
        try:
            state.use(open_journal(path, state.clock, unlock=lambda _: passphrase))
        except WrongPassphrase:
            return "That passphrase does not open this journal."
        except JournalError as exc:
            from nervelog.advice import explain

            return explain(exc) or str(exc)
        return None

    if not UnlockApp(path, attempt).run():
        raise UserError(f"The journal at {path} stays locked. Nothing was changed.")


def main(started: Callable[[], None] | None = None) -> None:
    """Console-script entry point; ``started`` is called once start-up is over."""
    try:
        cli(prog_name="nervelog", obj=CliContext(started=started or (lambda: None)))
    except Exception:
        import traceback

        # A bug: show it, but keep exit status 1 meaning "today not logged" (see EPILOG).
        traceback.print_exc()
        click.echo("nervelog: unexpected error (a bug in nervelog; see above).", err=True)
        sys.exit(2)
