"""The journal's open connection: statements in, rows out as dicts.

nervelog writes its own SQL (every write a transaction of its own, see ``db.transaction``)
and needs nothing more from a database layer than this. sqlite-utils did the same job
until issue 17; its import (with its plugin manager and click) was the largest cost of
the app's first screen after Textual itself.
"""

from __future__ import annotations

from collections.abc import Iterator, Mapping, Sequence
from typing import Any

from nervelog.driver import sqlite

Parameters = Sequence[Any] | Mapping[str, Any]


class Database:
    """An open journal (a file or in memory)."""

    def __init__(self, conn: sqlite.Connection) -> None:
        self.conn = conn

    def execute(self, sql: str, parameters: Parameters = ()) -> sqlite.Cursor:
        """Run one statement; its cursor."""
        return self.conn.execute(sql, parameters)

    def query(self, sql: str, parameters: Parameters = ()) -> Iterator[dict[str, Any]]:
        """The rows a query returns, as dicts keyed by column name."""
        cursor = self.conn.execute(sql, parameters)
        names = [d[0] for d in cursor.description]
        for values in cursor:
            yield dict(zip(names, values, strict=True))
