"""The ``nervelog`` program's first lines: start a PDF report's chart early, then the CLI.

Drawing the PDF report's chart starts with importing matplotlib (about 0.6 s). When
the command line asks for a PDF report, the chart's child process is started before
anything else is imported, so that import runs alongside the command line's own start,
the reading of the journal and the page layout (issue 7). A wrong guess costs nothing
but a child process stopped at exit; any other command starts nothing.
"""

from __future__ import annotations

import gc
import sys
from collections.abc import Sequence


def wants_pdf_report(args: Sequence[str]) -> bool:
    """True when ``args`` (without the program name) look like a PDF ``report``."""
    rest = list(args)
    while rest and rest[0].startswith("-"):  # the group's options: --db PATH, --demo
        rest = rest[2:] if rest[0] == "--db" else rest[1:]
    if rest[:1] != ["report"] or "--help" in rest:
        return False
    for i, arg in enumerate(rest):
        if arg == "--format":
            return rest[i + 1 : i + 2] == ["pdf"]
        if arg.startswith("--format="):
            return arg == "--format=pdf"
    return True  # PDF is the default format


def main() -> None:
    """Console-script entry point."""
    # Loading the modules makes thousands of objects and almost no garbage: no cyclic
    # collection until the CLI sets its own thresholds (~10 ms on every command).
    gc.disable()
    if wants_pdf_report(sys.argv[1:]):
        from nervelog.render.chart_process import start_early

        start_early()
    from nervelog.cli import main as cli_main

    cli_main()
