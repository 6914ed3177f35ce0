"""The command line's own error: a problem the user can fix."""

from __future__ import annotations

import click


class UserError(click.ClickException):
    """A problem the user can fix; shown without a traceback, exit status 2."""

    exit_code = 2
