"""Helpers the tests share for writing to a journal as a user would."""

from __future__ import annotations

from dataclasses import replace

from nervelog.domain.models import Entry
from nervelog.storage import Journal


def save_day(journal: Journal, entry: Entry) -> Entry:
    """Save ``entry`` as someone who has just read the day would: based on its version.

    ``Journal.save_entry`` refuses a save based on an older version (nothing is
    overwritten unseen); tests that simply log a day, again and again, read it first.
    """
    stored = journal.entry(entry.date)
    return journal.save_entry(replace(entry, version=0 if stored is None else stored.version))
