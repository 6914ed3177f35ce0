"""Importing a library without the optional numpy/pandas support it would load (issue 7).

sqlite_utils and fpdf2 import numpy (and sqlite_utils pandas) whenever they are
installed, matplotlib bringing numpy along, for features nervelog never uses: numpy
column types in sqlite_utils, faster alpha scans and LZW in fpdf2. That costs 150-300 ms
on every start. Hiding the two modules for the length of one import makes the library
take its plain-Python path; they stay importable afterwards (the PDF chart imports numpy
through matplotlib).
"""

from __future__ import annotations

import importlib
import sys
import threading
from types import ModuleType

OPTIONAL = ("numpy", "pandas")


def import_without_numpy(name: str) -> ModuleType:
    """Import module ``name`` as if numpy and pandas were not installed (if not yet loaded).

    Only in a single-threaded process (the CLI): with other threads running (the TUI),
    one of them could be importing numpy for real at that moment, so nothing is hidden.
    """
    if threading.active_count() > 1:
        return importlib.import_module(name)
    hidden = [module for module in OPTIONAL if module not in sys.modules]
    for module in hidden:
        sys.modules[module] = None  # type: ignore[assignment]  # the import-blocking marker
    try:
        return importlib.import_module(name)
    finally:
        for module in hidden:
            if module in sys.modules and sys.modules[module] is None:
                del sys.modules[module]
