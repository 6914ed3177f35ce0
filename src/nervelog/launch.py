"""The ``nervelog`` program's first lines."""

from __future__ import annotations

import gc


def main() -> None:
    """Console-script entry point."""
    # Loading the modules makes thousands of objects and almost no garbage: no cyclic
    # collection until the CLI sets its own thresholds (~10 ms on every command).
    gc.disable()
    from nervelog.cli import main as cli_main

    cli_main()
