"""The SQLite library every journal connection uses: sqlcipher3 (SQLite with SQLCipher).

One library for plain and encrypted journals alike, so one family of exceptions: the
standard library's ``sqlite3`` errors are different classes and would slip past the
``except`` clauses written for the other (issue 16). sqlcipher3 follows the same DB-API
as ``sqlite3``, so the type checker reads it through the standard library's stubs.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

if TYPE_CHECKING:
    import sqlite3 as sqlite
else:
    from sqlcipher3 import dbapi2 as sqlite

__all__ = ["sqlite"]
