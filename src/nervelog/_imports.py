"""Importing a library without optional parts it would load for nothing (issue 7).

sqlite_utils and fpdf2 import numpy (and sqlite_utils pandas) whenever they are
installed, matplotlib bringing numpy along, for features nervelog never uses: numpy
column types in sqlite_utils, faster alpha scans and LZW in fpdf2. That costs 150-300 ms
on every start. matplotlib likewise loads its 3-D toolkit (~50 ms) though the report
draws no 3-D axes. Hiding those modules for the length of one import makes the library
take its plain path; they stay importable afterwards (the PDF chart imports numpy
through matplotlib).
"""

from __future__ import annotations

import importlib
import sys
import threading
import warnings
from collections.abc import Sequence
from types import ModuleType

NUMPY = ("numpy", "pandas")
MATPLOTLIB_3D = ("mpl_toolkits.mplot3d",)


def import_without(name: str, optional: Sequence[str]) -> ModuleType:
    """Import module ``name`` as if the ``optional`` modules were not installed.

    Only in a single-threaded process (the CLI): with other threads running (the TUI),
    one of them could be importing those modules for real at that moment, so nothing is
    hidden. Warnings the library gives about their absence are not shown.
    """
    if threading.active_count() > 1:
        return importlib.import_module(name)
    hidden = [module for module in optional if module not in sys.modules]
    for module in hidden:
        sys.modules[module] = None  # type: ignore[assignment]  # the import-blocking marker
    try:
        with warnings.catch_warnings():
            warnings.simplefilter("ignore")
            return importlib.import_module(name)
    finally:
        for module in hidden:
            if module in sys.modules and sys.modules[module] is None:
                del sys.modules[module]


def import_without_numpy(name: str) -> ModuleType:
    """Import module ``name`` as if numpy and pandas were not installed (if not yet loaded)."""
    return import_without(name, NUMPY)
