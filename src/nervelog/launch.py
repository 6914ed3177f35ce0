"""The ``nervelog`` program's first lines."""

from __future__ import annotations

import gc
import signal
import sys
from types import FrameType


def main() -> None:
    """Console-script entry point."""
    # Start-up loads a few hundred thousand objects that live as long as the process,
    # and makes almost no garbage: the cyclic collector would scan them over and over
    # for nothing. It stays off until the command or the app says start-up is over
    # (README, "Performance": the check-in's budget needs it).
    gc.disable()
    # A closed terminal (SIGHUP) or a polite kill (SIGTERM) stops a command as Ctrl-C
    # does, so the clean-up it does on the way out runs: no temporary copy is left.
    for name in ("SIGTERM", "SIGHUP"):
        if hasattr(signal, name):
            signal.signal(getattr(signal, name), _interrupt)
    try:
        from nervelog.cli import main as cli_main

        cli_main(started=_resume_gc)
    except KeyboardInterrupt:
        # Ctrl-C before a command began (while Python loads): stopped, exit status 2.
        sys.exit(2)


def _resume_gc() -> None:
    """Turn the collector back on, leaving out of its way what start-up loaded."""
    if not gc.isenabled():
        gc.freeze()
        gc.enable()


def _interrupt(signum: int, frame: FrameType | None) -> None:
    raise KeyboardInterrupt
