"""Symptom maps: one snapshot a day at most, each holding until the next one."""

from __future__ import annotations

import json

import pendulum

from nervelog.domain.body_map import MAPPED, SymptomMap, parse_placement
from nervelog.domain.dates import parse_iso_date
from nervelog.driver import sqlite
from nervelog.storage import records
from nervelog.storage.db import transaction
from nervelog.storage.rows import Row


def map_to_row(m: SymptomMap) -> Row:
    """A map as a table row (its regions as JSON, in list order)."""
    return {"id": m.id, "date": m.date.isoformat(), "regions": json.dumps(m.normalised())}


def map_from_row(row: Row) -> SymptomMap:
    """A map from a table row."""
    raw = json.loads(row["regions"])
    regions = {s: parse_placement(raw.get(s, {}), s) for s in MAPPED}
    return SymptomMap(date=parse_iso_date(row["date"]), regions=regions, id=row["id"])


def store_map(conn: sqlite.Connection, now: pendulum.DateTime, row: Row) -> tuple[int, bool]:
    """Store a map row inside the caller's transaction; one map a day, so it replaces one
    made the same day (history keeps it). Returns its id and whether anything changed."""
    old = records.fetch_by(conn, "symptom_map", "date", row["date"])
    if old is None:
        return records.insert(conn, now, "symptom_map", {**row, "id": None}), True
    records.update(conn, now, "symptom_map", old, {"regions": row["regions"]})
    return int(old["id"]), old["regions"] != row["regions"]


class SymptomMaps(records.JournalPart):
    """The journal's symptom maps (``journal.maps``)."""

    def all(self) -> list[SymptomMap]:
        """Every map, oldest first."""
        return [map_from_row(r) for r in self.db.query("SELECT * FROM symptom_map ORDER BY date")]

    def on(self, day: pendulum.Date) -> SymptomMap | None:
        """The map that holds on ``day``: the latest made on or before it."""
        rows = self.db.query(
            "SELECT * FROM symptom_map WHERE date <= ? ORDER BY date DESC LIMIT 1",
            [day.isoformat()],
        )
        return next((map_from_row(r) for r in rows), None)

    def save(self, snapshot: SymptomMap) -> SymptomMap:
        """Store a map for its day; one made the same day before is replaced (history keeps it)."""
        with transaction(self.db) as conn:
            new_id, _ = store_map(conn, self.clock.now(), map_to_row(snapshot))
        return SymptomMap(date=snapshot.date, regions=snapshot.normalised(), id=new_id)

    def set_symptom(
        self, symptom: str, placement: dict[str, str], day: pendulum.Date
    ) -> SymptomMap:
        """Make ``symptom`` felt in exactly ``placement`` from ``day``; the others stay."""
        base = self.on(day) or SymptomMap(date=day)
        return self.save(
            SymptomMap(date=day, regions=base.regions).with_symptom(symptom, placement)
        )
