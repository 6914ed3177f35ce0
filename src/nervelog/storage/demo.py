"""The demo journal: a realistic sample shipped with nervelog, opened as a throwaway copy."""

from __future__ import annotations

import atexit
import json
import shutil
import tempfile
from importlib import resources
from pathlib import Path

import pendulum

from nervelog.domain.dates import Clock, parse_iso_date
from nervelog.storage.kinds import EXPORTED
from nervelog.storage.repository import Journal

DEMO_FILE = "demo-journal.json"
DATE_FIELDS = ("date", "started", "stopped", "raised_on", "answered_on")
"""Every day field of the records, moved together so the demo always ends yesterday."""


def demo_source() -> Path:
    """The shipped demo JSON: inside the installed package, or ``data/`` in a checkout."""
    packaged = resources.files("nervelog").joinpath(DEMO_FILE)
    if packaged.is_file():
        return Path(str(packaged))
    return Path(__file__).resolve().parents[3] / "data" / DEMO_FILE


def demo_document(today: pendulum.Date) -> dict[str, object]:
    """The demo journal as JSON data, shifted so its last day is yesterday.

    Shifting keeps the demo looking like a journal in use whenever it is opened.
    """
    document: dict[str, object] = json.loads(demo_source().read_text(encoding="utf-8"))
    days = [parse_iso_date(e["date"]) for e in document["entries"]]  # type: ignore[attr-defined]
    offset = (today.subtract(days=1) - max(days)).days

    def shift(record: dict[str, object]) -> None:
        for key in DATE_FIELDS:
            if record.get(key):
                record[key] = parse_iso_date(str(record[key])).add(days=offset).isoformat()
        for key in ("recorded_at", "updated_at"):
            if record.get(key):
                moment = pendulum.parse(str(record[key]))
                assert isinstance(moment, pendulum.DateTime)
                record[key] = moment.add(days=offset).isoformat()

    for kind in EXPORTED:
        for record in document.get(kind.export_list or "", []):  # type: ignore[attr-defined]
            shift(record)
    return document


def load_demo(journal: Journal) -> None:
    """Fill an empty journal with the demo data."""
    from nervelog.storage.importing import import_data

    document = demo_document(journal.clock.today())
    import_data(journal, json.dumps(document).encode("utf-8"))


def open_demo_journal(clock: Clock | None = None) -> Journal:
    """A fresh copy of the demo journal in a temporary folder, removed at exit.

    The user's own journal is never opened or touched.
    """
    from nervelog.storage import open_journal

    folder = Path(tempfile.mkdtemp(prefix="nervelog-demo-"))
    atexit.register(shutil.rmtree, folder, ignore_errors=True)
    journal = open_journal(folder / "demo.sqlite3", clock)
    load_demo(journal)
    return journal
