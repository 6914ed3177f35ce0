"""Symptom maps: one snapshot a day at most, each holding until the next one."""

from __future__ import annotations

import json
from dataclasses import replace

import pendulum
from sqlite_utils import Database

from nervelog.domain.body_map import MAPPED, SymptomMap, parse_placement
from nervelog.storage import records
from nervelog.storage.db import transaction
from nervelog.storage.kinds import SYMPTOM_MAP
from nervelog.storage.rows import Row, from_row, to_row


def map_to_row(m: SymptomMap) -> Row:
    """A map as a table row (its regions as JSON, in list order)."""
    return to_row(replace(m, regions=m.normalised()))


def map_from_row(row: Row) -> SymptomMap:
    """A map from a table row."""
    raw = json.loads(row["regions"])
    regions = {s: parse_placement(raw.get(s, {}), s) for s in MAPPED}
    return replace(from_row(SymptomMap, row), regions=regions)


def store_map(
    db: Database, now: pendulum.DateTime, row: Row, based_on: int | None = None
) -> tuple[Row, bool]:
    """Store a map row inside the caller's transaction; one map a day, so it replaces one
    made the same day (history keeps it). Returns the stored row and whether it changed.

    With ``based_on`` (the version of that day's map the caller read, 0 for none), a map
    made or changed since is not replaced: ``Conflict``."""
    found = list(records.select(db, SYMPTOM_MAP, "date = ?", [row["date"]]))
    if not found:
        if based_on:
            raise records.gone(SYMPTOM_MAP, row["date"])
        return records.insert(db, now, SYMPTOM_MAP, {**row, "id": None}), True
    old = found[0]
    new = records.update(
        db, now, SYMPTOM_MAP, old["id"], {"regions": row["regions"]}, based_on=based_on
    )
    return new, old["regions"] != new["regions"]


class SymptomMaps(records.JournalPart[SymptomMap]):
    """The journal's symptom maps (``journal.maps``)."""

    kind, record = SYMPTOM_MAP, SymptomMap

    def all(self) -> list[SymptomMap]:
        """Every map, oldest first."""
        return [map_from_row(r) for r in records.select(self.db, SYMPTOM_MAP, order_by="date")]

    def on(self, day: pendulum.Date) -> SymptomMap | None:
        """The map that holds on ``day``: the latest made on or before it."""
        rows = records.select(
            self.db, SYMPTOM_MAP, "date <= ?", [day.isoformat()], order_by="date DESC", limit=1
        )
        return next((map_from_row(r) for r in rows), None)

    def save(self, snapshot: SymptomMap) -> SymptomMap:
        """Store a map for its day; one made the same day before is replaced (history keeps it).

        Based on ``snapshot.version``: the version of that day's map the caller read (0:
        none then). A map made or changed since is not replaced: ``Conflict``.
        """
        with transaction(self.db):
            row, _ = store_map(
                self.db, self.clock.now(), map_to_row(snapshot), based_on=snapshot.version
            )
        return map_from_row(row)

    def set_symptom(
        self, symptom: str, placement: dict[str, str], day: pendulum.Date
    ) -> SymptomMap:
        """Make ``symptom`` felt in exactly ``placement`` from ``day``; the others stay."""
        with transaction(self.db):
            base = self.on(day) or SymptomMap(date=day)
            changed = SymptomMap(date=day, regions=base.regions).with_symptom(symptom, placement)
            row, _ = store_map(self.db, self.clock.now(), map_to_row(changed))
        return map_from_row(row)
