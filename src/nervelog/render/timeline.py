"""The timeline under a chart: which letter stands for which kind of therapy session.

The PDF strip and the terminal chart letter sessions the same way, so the app, the
text report and the paper share one key.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Iterable, Mapping

import pendulum

from nervelog.domain.models import Session
from nervelog.domain.printable import printable_line


def session_letters(kinds: Iterable[str]) -> dict[str, str]:
    """A short, distinct label per kind of session: its initial, or more letters if shared.

    Kinds are taken in the order given (most sessions first, as ``sessions_by_kind``
    counts them), so the commonest kind gets the single letter.
    """
    letters: dict[str, str] = {}
    for kind in kinds:
        name = printable_line(kind).strip() or "?"
        size = 1
        while name[:size].upper() in letters.values() and size < len(name):
            size += 1
        label = name[:size].upper()
        while label in letters.values():
            label += "'"
        letters[kind] = label
    return letters


def kind_letters(session_kinds: Mapping[pendulum.Date, str]) -> dict[str, str]:
    """The letters of the kinds on a terminal timeline (``session_kind_days``), the kind
    shown on most days first, so the chart and its key agree."""
    return session_letters(kinds_by_count(session_kinds.values()))


def kinds_by_count(kinds: Iterable[str]) -> list[str]:
    """The distinct kinds, the most frequent first (ties by name)."""
    counts = Counter(kinds)
    return sorted(counts, key=lambda k: (-counts[k], k))


def session_kind_days(sessions: Iterable[Session]) -> dict[pendulum.Date, str]:
    """Each session day and the kind shown for it (the commonest kind of that day)."""
    sessions = list(sessions)
    order = {k: i for i, k in enumerate(kinds_by_count(s.kind for s in sessions))}
    days: dict[pendulum.Date, str] = {}
    for s in sessions:
        shown = days.get(s.date)
        if shown is None or order[s.kind] < order[shown]:
            days[s.date] = s.kind
    return days
