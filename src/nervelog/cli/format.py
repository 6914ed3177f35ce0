"""Small wording helpers for command output: dashes for nothing, plurals."""

from __future__ import annotations


def dash(value: object) -> str:
    """A value for a table cell; skipped values show as an en dash, never as 0."""
    return "–" if value is None or value == "" else str(value)


def plural(count: int, noun: str) -> str:
    """``1 session``, ``2 sessions``."""
    return f"{count} {noun}" if count == 1 else f"{count} {noun}s"
