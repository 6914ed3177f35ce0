"""The ``nervelog`` program's first lines."""

from __future__ import annotations

import sys


def main() -> None:
    """Console-script entry point."""
    try:
        from nervelog.cli import main as cli_main

        cli_main()
    except KeyboardInterrupt:
        # Ctrl-C before a command began (while Python loads): stopped, exit status 2.
        sys.exit(2)
