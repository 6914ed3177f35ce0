"""``nervelog completion SHELL``: tab completion through click's own mechanism."""

from __future__ import annotations

import click
from click.shell_completion import get_completion_class

from nervelog.cli.context import EPILOG

SHELLS = ("bash", "zsh", "fish")
# click reads this variable when the shell asks for completions (see click's docs).
COMPLETE_VAR = "_NERVELOG_COMPLETE"


def completion_script(root: click.Command, shell: str) -> str:
    """The script that makes ``shell`` complete nervelog's commands and options."""
    cls = get_completion_class(shell)
    assert cls is not None, shell  # SHELLS lists only shells click supports
    return cls(root, {}, "nervelog", COMPLETE_VAR).source()


@click.command(epilog=EPILOG)
@click.argument("shell", type=click.Choice(SHELLS))
def completion(shell: str) -> None:
    """Print the tab-completion script for SHELL (bash, zsh or fish).

    \b
    bash:  nervelog completion bash > ~/.local/share/bash-completion/completions/nervelog
    zsh:   nervelog completion zsh > ~/.zfunc/_nervelog
           (and in ~/.zshrc, before compinit: fpath=(~/.zfunc $fpath))
    fish:  nervelog completion fish > ~/.config/fish/completions/nervelog.fish
    """
    root = click.get_current_context().find_root().command
    click.echo(completion_script(root, shell), nl=False)
