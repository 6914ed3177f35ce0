"""The ``nervelog`` program's first lines."""

from __future__ import annotations

import gc
import sys


def main() -> None:
    """Console-script entry point."""
    # Start-up loads a few hundred thousand objects that live as long as the process,
    # and makes almost no garbage: the cyclic collector would scan them over and over
    # for nothing. It stays off until resume_gc() (README, "Performance": the budgets
    # of `nervelog log` and of the check-in).
    gc.disable()
    try:
        from nervelog.cli import main as cli_main

        cli_main()
    except KeyboardInterrupt:
        # Ctrl-C before a command began (while Python loads): stopped, exit status 2.
        sys.exit(2)


def resume_gc() -> None:
    """Turn the cyclic collector back on once start-up is over, leaving out what it loaded.

    A command calls this once its module is loaded, the app once the check-in is drawn.
    """
    if not gc.isenabled():
        gc.freeze()
        gc.enable()
