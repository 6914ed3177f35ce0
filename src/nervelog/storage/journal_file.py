"""The journal as a file: where it is, its schema, snapshots, checks and its connection."""

from __future__ import annotations

from pathlib import Path

from sqlite_utils import Database

from nervelog.domain.dates import Clock
from nervelog.driver import sqlite


class JournalFile:
    """What a journal is as one SQLite file (``Journal`` adds its records)."""

    clock: Clock

    def __init__(self, db: Database) -> None:
        self.db = db

    def file(self) -> Path | None:
        """The file behind this journal (None in memory, or when SQLite cannot say)."""
        from nervelog.storage.db import path_of

        return path_of(self.db.conn)

    def schema_version(self) -> int:
        """The schema version of the journal file."""
        from nervelog.storage.migrations import schema_version

        return schema_version(self.db)

    def snapshot_to(self, out: Path) -> Path:
        """Write a consistent copy of the journal to the new file ``out``."""
        from nervelog.storage.backup import write_snapshot

        return write_snapshot(self.db.conn, out)

    def back_up(self, path: Path) -> Path:
        """Take a snapshot into the ``backups/`` folder beside the journal at ``path``."""
        from nervelog.storage.backup import make_backup

        return make_backup(self.db.conn, path, self.clock)

    def busy_timeout_ms(self) -> int:
        """How long a write waits for another program's write, in milliseconds."""
        from nervelog.storage.db import busy_timeout

        return busy_timeout(self.db.conn)

    def opens(self, copy: Path) -> bool:
        """Whether this journal's passphrase (none, for a plain one) opens ``copy``.

        SQLCipher attaches a file without a key of its own under the journal's key.
        """
        try:
            self.db.execute("ATTACH DATABASE ? AS probe", [str(copy)])
        except sqlite.DatabaseError:
            return False
        try:
            self.db.execute("SELECT count(*) FROM probe.sqlite_master").fetchone()
            return True
        except sqlite.DatabaseError:
            return False
        finally:
            self.db.execute("DETACH DATABASE probe")

    def close(self) -> None:
        """Close the journal's connection."""
        self.db.conn.close()

    def set_busy_timeout(self, seconds: float) -> None:
        """How long a write waits for another program's write to finish before giving up."""
        self.db.execute(f"PRAGMA busy_timeout = {int(seconds * 1000)}")

    def integrity_problems(self) -> list[str]:
        """Messages from SQLite's integrity and foreign-key checks; empty when healthy."""
        rows = [str(r[0]) for r in self.db.execute("PRAGMA integrity_check").fetchall()]
        problems = [r for r in rows if r != "ok"]
        problems += [
            f"foreign key: {r}" for r in self.db.execute("PRAGMA foreign_key_check").fetchall()
        ]
        return problems
