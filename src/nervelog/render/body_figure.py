"""A front-and-back body figure in plain characters, with the regions of a map filled.

The figure is built from left halves mirrored into right halves, so each region has
cells on both sides. Seen from the front the person's right is on the viewer's left;
from the back it is the other way round, as on a doctor's body chart. Region cells show
``·`` when the symptom is not felt there and ``█`` (or a letter, without colour) when it is.
"""

from __future__ import annotations

from typing import NamedTuple

from nervelog.domain.body_map import BOTH, LEFT, MIDLINE, RIGHT, Placement

# Region codes used in the halves below.
CODES = {
    "s": "shoulder and neck",
    "u": "upper arm",
    "f": "forearm",
    "w": "wrist",
    "p": "palm",
    "b": "back of hand",
    "g": "fingers",
    "t": "thigh",
    "k": "knee",
    "l": "lower leg",
    "a": "ankle",
    "o": "top of foot",
    "e": "toes",
    "z": "sole",
    "y": "buttock",
    "c": "lower back",
}
# Each row: the left half (7 characters) and the centre character.
FRONT = (
    ("      .", "-"),
    ("     ( ", " "),
    ("  sss\\ ", " "),
    (" uu|   ", " "),
    (" uu|   ", " "),
    (" ff|   ", " "),
    (" ff|___", "_"),
    (" ww|tt ", "|"),
    (" pp|tt ", "|"),
    (" gg|kk ", "|"),
    ("   |ll ", "|"),
    ("   |ll ", "|"),
    ("   |aa ", "|"),
    ("  eoo  ", " "),
)
BACK = (
    ("      .", "-"),
    ("     ( ", " "),
    ("  sss\\ ", " "),
    (" uu|   ", " "),
    (" uu|   ", " "),
    (" ff|  c", "c"),
    (" ff|yyy", "|"),
    (" ww|tt ", "|"),
    (" bb|tt ", "|"),
    (" gg|kk ", "|"),
    ("   |ll ", "|"),
    ("   |ll ", "|"),
    ("   |aa ", "|"),
    ("  zzz  ", " "),
)
_MIRROR = str.maketrans("()/\\", ")(\\/")
GAP = "    "
WIDTH = 15 * 2 + len(GAP)
"""Columns the figure takes (both views and the gap between them)."""


class Cell(NamedTuple):
    """One character of the figure; region cells name their region and side."""

    char: str
    region: str | None = None
    side: str | None = None


def _row(half: str, centre: str, left_is_person_right: bool) -> list[Cell]:
    near, far = (RIGHT, LEFT) if left_is_person_right else (LEFT, RIGHT)

    def cells(text: str, side: str) -> list[Cell]:
        return [
            Cell(ch, CODES[ch], BOTH if CODES[ch] in MIDLINE else side) if ch in CODES else Cell(ch)
            for ch in text
        ]

    mirrored = half[::-1].translate(_MIRROR)
    return [*cells(half, near), *cells(centre, BOTH), *cells(mirrored, far)]


def figure(placement: Placement, *, mark: str = "█") -> list[list[Cell]]:
    """The figure's rows: two labelled views, region cells filled where felt."""
    labels = (
        "   FRONT       " + GAP + "   BACK        ",
        " right    left " + GAP + " left    right ",
    )
    rows = [[Cell(c) for c in label] for label in labels]
    for (front, fc), (back, bc) in zip(FRONT, BACK, strict=True):
        rows.append([*_row(front, fc, True), *(Cell(c) for c in GAP), *_row(back, bc, False)])
    return [[_shown(cell, placement, mark) for cell in row] for row in rows]


def _shown(cell: Cell, placement: Placement, mark: str) -> Cell:
    if cell.region is None:
        return cell
    felt = placement.get(cell.region)
    on = felt is not None and (felt == BOTH or felt == cell.side)
    return Cell(mark if on else "·", cell.region, cell.side)


def figure_text(placement: Placement, mark: str = "█") -> list[str]:
    """The figure as plain text lines (for ``nervelog map show`` and reports)."""
    return ["".join(c.char for c in row).rstrip() for row in figure(placement, mark=mark)]


def region_at(row: int, column: int) -> tuple[str, str] | None:
    """The region and side drawn at a row and column of the figure (for mouse clicks)."""
    rows = figure({})
    if 0 <= row < len(rows) and 0 <= column < len(rows[row]):
        cell = rows[row][column]
        if cell.region is not None and cell.side is not None:
            return cell.region, cell.side
    return None
