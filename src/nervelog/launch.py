"""The ``nervelog`` program's first lines."""

from __future__ import annotations

import gc
import sys


def main() -> None:
    """Console-script entry point."""
    # Loading the modules makes thousands of objects and almost no garbage: no cyclic
    # collection until the CLI sets its own thresholds (~10 ms on every command).
    gc.disable()
    try:
        from nervelog.cli import main as cli_main

        cli_main()
    except KeyboardInterrupt:
        # Ctrl-C before a command began (while Python loads): stopped, exit status 2.
        sys.exit(2)
