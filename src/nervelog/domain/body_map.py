"""Where numbness, tingling and pain are felt: body regions, sides, and dated maps.

A map is a snapshot: it holds from its date until the next one. Each of the three mapped
symptoms has a set of regions, each felt on the left, the right or both sides (the lower
back, on the midline, has no side). Regions are written with hyphens on the command line
(``top-of-foot``), optionally prefixed ``left-`` or ``right-``; ``foot`` and ``hand``
stand for all of their regions.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from dataclasses import dataclass, field, replace
from types import MappingProxyType

import pendulum

from nervelog.domain.errors import Problem, ValidationError

REGIONS: tuple[str, ...] = (
    "toes",
    "sole",
    "top of foot",
    "ankle",
    "lower leg",
    "knee",
    "thigh",
    "buttock",
    "lower back",
    "fingers",
    "palm",
    "back of hand",
    "wrist",
    "forearm",
    "upper arm",
    "shoulder and neck",
)
"""Every region, in the order they are listed."""
MIDLINE = frozenset({"lower back"})
"""Regions with no left or right."""
GROUPS: dict[str, tuple[str, ...]] = {
    "foot": ("toes", "sole", "top of foot"),
    "hand": ("fingers", "palm", "back of hand"),
}
MAPPED: tuple[str, ...] = ("numbness", "tingling", "pain")
"""The symptoms a map holds (mobility is not felt in a place)."""
LEFT, RIGHT, BOTH = "left", "right", "both"
SIDES = (LEFT, RIGHT, BOTH)

Placement = dict[str, str]
"""Region name to side (``both`` for a midline region)."""


def slug(region: str) -> str:
    """``top of foot`` as written on the command line: ``top-of-foot``."""
    return region.replace(" ", "-")


def combine(a: str | None, b: str) -> str:
    """The side covering both ``a`` and ``b`` (left and right make both)."""
    return b if a is None or a == b else BOTH


@dataclass(frozen=True, slots=True)
class SymptomMap:
    """Where each symptom was felt, from ``date`` until the next map."""

    date: pendulum.Date
    regions: Mapping[str, Placement] = field(default_factory=lambda: MappingProxyType({}))
    """Symptom to its placement; a symptom not felt anywhere maps to an empty dict."""
    id: int | None = None
    uid: str = ""
    """The record's global identity (empty until stored)."""
    version: int = 0
    """The stored version this copy was read at (0: not stored yet)."""

    def of(self, symptom: str) -> Placement:
        """The regions of one symptom (empty when not felt anywhere)."""
        return dict(self.regions.get(symptom, {}))

    def with_symptom(self, symptom: str, placement: Placement) -> SymptomMap:
        """A copy where ``symptom`` is felt in exactly ``placement``."""
        regions = {s: dict(self.regions.get(s, {})) for s in MAPPED}
        regions[symptom] = dict(placement)
        return replace(self, regions=regions)

    def normalised(self) -> dict[str, Placement]:
        """Every mapped symptom, regions in list order (for storage and comparison)."""
        return {
            s: {r: self.regions.get(s, {})[r] for r in REGIONS if r in self.regions.get(s, {})}
            for s in MAPPED
        }


def region_text(region: str, side: str) -> str:
    """``left fingers``, ``both soles`` read as ``soles on both sides``, ``lower back``."""
    if region in MIDLINE:
        return region
    if side == BOTH:
        return f"{region} (both sides)"
    return f"{side} {region}"


def parse_symptom(text: str) -> str:
    """One of the mapped symptoms, or a problem naming them."""
    name = text.strip().lower()
    if name not in MAPPED:
        raise Problem("symptom", text, "one of " + ", ".join(MAPPED)).error()
    return name


def parse_regions(tokens: Iterable[str]) -> Placement:
    """Regions from ``toes``, ``left-fingers``, ``right-foot``...; every problem at once."""
    by_slug = {slug(r): r for r in REGIONS}
    placement: Placement = {}
    problems = []
    tokens = list(tokens)
    if not tokens:
        raise Problem("regions", "none", "at least one region (to clear a map, use clear)").error()
    for token in tokens:
        text = token.strip().lower()
        side = BOTH
        for prefix in (LEFT, RIGHT):
            if text.startswith(prefix + "-"):
                side, text = prefix, text[len(prefix) + 1 :]
                break
        if text.startswith((LEFT + "-", RIGHT + "-")):
            problems.append(Problem("region", token, "one side at most (left- or right-)"))
            continue
        names = GROUPS.get(text) or ((by_slug[text],) if text in by_slug else ())
        if not names:
            valid = ", ".join([*by_slug, *GROUPS])
            problems.append(Problem("region", token, f"one of {valid}, optionally left- or right-"))
            continue
        for name in names:
            if name in MIDLINE and side != BOTH:
                problems.append(
                    Problem("region", token, f"{slug(name)} without a side (it is on the midline)")
                )
                continue
            placement[name] = combine(placement.get(name), side)
    if problems:
        raise ValidationError(problems)
    return placement


def parse_placement(raw: object, where: str) -> Placement:
    """A stored or imported placement: region names to sides, checked."""
    if not isinstance(raw, dict):
        raise Problem(where, type(raw).__name__, "an object of region: side").error()
    problems = []
    out: Placement = {}
    for region, side in raw.items():
        if region not in REGIONS:
            problems.append(Problem(f"{where}.{region}", region, "one of " + ", ".join(REGIONS)))
        elif side not in SIDES or (region in MIDLINE and side != BOTH):
            allowed = "both" if region in MIDLINE else "left, right or both"
            problems.append(Problem(f"{where}.{region}", side, allowed))
        else:
            out[region] = side
    if problems:
        raise ValidationError(problems)
    return out


def placement_lines(snapshot: SymptomMap | None) -> list[str]:
    """``tingling: toes (both sides), left fingers`` for each mapped symptom."""
    lines = []
    for symptom in MAPPED:
        placement = snapshot.of(symptom) if snapshot is not None else {}
        where = ", ".join(region_text(r, s) for r, s in placement.items()) or "not marked"
        lines.append(f"{symptom}: {where}")
    return lines
