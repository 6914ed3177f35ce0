"""How the symptom map changed: where a symptom spread to, where it is no longer felt.

Observations in the person's own map, worded plainly ("tingling spread to the left
fingers and palm on 3 Apr 2026"); never a reading of what the change means.
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import NamedTuple

import pendulum

from nervelog.domain.body_map import (
    BOTH,
    MAPPED,
    MIDLINE,
    REGIONS,
    Placement,
    SymptomMap,
    region_text,
)


class MapChange(NamedTuple):
    """What changed for one symptom between one map and the next."""

    date: pendulum.Date
    symptom: str
    added: Placement
    removed: Placement
    sides: dict[str, tuple[str, str]]
    """Region to (side before, side after), for regions felt before and after."""
    first: bool = False
    """The first map there is: what it holds is where the symptom was first marked."""

    def sentences(self) -> list[str]:
        """``tingling spread to the left fingers and palm on 3 Apr 2026`` and the like."""
        when = self.date.format("D MMM YYYY")
        out = []
        if self.added and self.first:
            out.append(f"{self.symptom} first marked in {_places(self.added)} on {when}")
        elif self.added:
            out.append(f"{self.symptom} spread to {_places(self.added)} on {when}")
        if self.removed:
            out.append(f"{self.symptom} no longer in {_places(self.removed)} from {when}")
        for region, (before, after) in self.sides.items():
            out.append(
                f"{self.symptom} in the {region}: {_side(before)} → {_side(after)} from {when}"
            )
        return out

    def short(self) -> str:
        """``tingling: + left fingers, − right knee on 3 Apr 2026``."""
        parts = [f"+ {region_text(r, s)}" for r, s in self.added.items()]
        parts += [f"− {region_text(r, s)}" for r, s in self.removed.items()]
        parts += [f"{r} {_side(a)} → {_side(b)}" for r, (a, b) in self.sides.items()]
        return f"{self.symptom}: {', '.join(parts)} on {self.date.format('D MMM YYYY')}"


def _side(side: str) -> str:
    return "both sides" if side == BOTH else side


def _places(placement: Placement) -> str:
    """``the left fingers and palm``, ``the toes and sole on both sides``."""
    by_side: dict[str, list[str]] = {}
    for region in REGIONS:
        if region in placement:
            side = "" if region in MIDLINE else placement[region]
            by_side.setdefault(side, []).append(region)
    phrases = []
    for side, regions in by_side.items():
        names = _and(regions)
        if side == BOTH:
            phrases.append(f"the {names} on both sides")
        elif side:
            phrases.append(f"the {side} {names}")
        else:
            phrases.append(f"the {names}")
    return _and(phrases)


def _and(items: Sequence[str]) -> str:
    return items[0] if len(items) == 1 else ", ".join(items[:-1]) + " and " + items[-1]


def compare(before: SymptomMap | None, after: SymptomMap) -> list[MapChange]:
    """The changes, symptom by symptom, from ``before`` (or nothing) to ``after``."""
    changes = []
    for symptom in MAPPED:
        old = before.of(symptom) if before is not None else {}
        new = after.of(symptom)
        added = {r: s for r, s in new.items() if r not in old}
        removed = {r: s for r, s in old.items() if r not in new}
        sides = {r: (old[r], new[r]) for r in REGIONS if r in old and r in new and old[r] != new[r]}
        if added or removed or sides:
            changes.append(MapChange(after.date, symptom, added, removed, sides, before is None))
    return changes


class MapStory(NamedTuple):
    """The map at the start of a range, at its end, and each change in between."""

    at_start: SymptomMap | None
    at_end: SymptomMap | None
    changes: list[MapChange]


def map_story(
    maps: Sequence[SymptomMap], start: pendulum.Date | None, end: pendulum.Date
) -> MapStory:
    """What the maps say about ``start``..``end`` (``start`` None: from the first map).

    A map holds from its date until the next, so the map at the start is the latest
    made on or before it, and a change is listed on the day its map was made.
    """
    ordered = sorted(maps, key=lambda m: m.date)

    def holding(day: pendulum.Date) -> SymptomMap | None:
        return next((m for m in reversed(ordered) if m.date <= day), None)

    at_start = holding(start) if start is not None else None
    changes: list[MapChange] = []
    previous = at_start
    for m in ordered:
        if (start is None or m.date > start) and m.date <= end:
            changes += compare(previous, m)
            previous = m
    return MapStory(at_start, holding(end), changes)
