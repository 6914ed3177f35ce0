"""Map: mark on a body figure where numbness, tingling and pain are felt.

The map on screen starts as the one that holds today. Arrows move between regions (or
click one), ``l`` ``r`` ``b`` mark it on the left, the right or both sides, ``x`` clears
it, ``v`` switches symptom; ctrl+s saves the whole map as a new snapshot from the day
given (today unless changed). The regions are also listed by name, so the map reads
without colour and with a screen reader.
"""

from __future__ import annotations

import os
from collections.abc import Iterable
from typing import ClassVar

from textual.app import ComposeResult, SystemCommand
from textual.binding import Binding, BindingType
from textual.containers import Horizontal, Vertical
from textual.widgets import Input, Static

from nervelog.domain.body_map import (
    BOTH,
    LEFT,
    MAPPED,
    MIDLINE,
    REGIONS,
    RIGHT,
    Placement,
    SymptomMap,
    region_text,
)
from nervelog.domain.dates import parse_day
from nervelog.tui.context import AppContext
from nervelog.tui.problems import Attempt
from nervelog.tui.screens.base import BaseScreen
from nervelog.tui.widgets.body_figure import BodyFigure


class MapScreen(BaseScreen):
    """Where it is felt: a front-and-back figure and the regions by name."""

    CSS_PATH = "body_map.tcss"

    TITLE_TEXT = "Map · where it is felt"
    STATUS_LINE = "#map-status"
    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("down,right", "move(1)", "Region", key_display="↑↓", show=False),
        Binding("up,left", "move(-1)", "Previous region", show=False),
        # One footer entry for the three side keys, so 80 columns still hold the rest.
        Binding("l", "mark('left')", "Side", key_display="l r b"),
        Binding("r", "mark('right')", "Right", show=False),
        Binding("b", "mark('both')", "Both", show=False),
        Binding("x", "clear", "Clear", show=False),
        # Named beside the figure; the footer keeps room for every screen.
        Binding("v", "symptom", "Symptom", show=False),
        Binding("ctrl+s", "save", "Save", priority=True),
    ]

    def __init__(self, ctx: AppContext) -> None:
        super().__init__(ctx, id="map")
        self.symptom = MAPPED[0]
        self.index = 0
        self.draft: dict[str, Placement] = {s: {} for s in MAPPED}
        self.stored: SymptomMap | None = None
        self._unread = False
        """The stored map could not be read: saving first reads it (see action_save)."""
        self.revision = -1
        self.no_color = "NO_COLOR" in os.environ

    def compose_body(self) -> ComposeResult:
        with Horizontal(id="map-body"):
            yield BodyFigure(id="figure")
            with Vertical(id="map-side"):
                yield Static("", id="map-regions", markup=False)
                with Horizontal(id="map-date-row"):
                    yield Static("Save from ", classes="field-label")
                    yield Input(self.ctx.clock.today().isoformat(), id="map-date", compact=True)
                yield Static("", id="map-status", markup=False)

    def on_mount(self) -> None:
        """Start from the map that holds today, with the figure taking the keys."""
        self.reload()
        self.query_one(BodyFigure).focus()

    @property
    def selected_region(self) -> str:
        """The selected region."""
        return REGIONS[self.index]

    def reload(self) -> None:
        """Read the map holding today (edits not yet saved are replaced)."""
        with Attempt(self, "Reading the map", self.ctx.journal) as attempt:
            stored = self.ctx.journal.maps.on(self.ctx.clock.today())
        if attempt.failed:
            self._unread = True
            self.query_one("#map-status", Static).update(str(attempt.message))
            return
        self._unread = False
        self.revision = self.ctx.revision
        self.stored = stored
        self.draft = {s: stored.of(s) if stored else {} for s in MAPPED}
        self._draw()

    def on_screen_resume(self) -> None:
        """Show a map saved elsewhere meanwhile, unless marks on screen are not saved."""
        if self.revision != self.ctx.revision and not self.dirty:
            self.reload()

    @property
    def dirty(self) -> bool:
        """True when the map on screen differs from the stored one."""
        stored = self.stored
        return any(self.draft[s] != (stored.of(s) if stored else {}) for s in MAPPED)

    def _draw(self, status: str | None = None) -> None:
        mark = self.symptom[0].upper() if self.no_color else "█"
        placement = self.draft[self.symptom]
        self.query_one(BodyFigure).show(placement, self.selected_region, mark, self.no_color)
        lines = [f"Showing: {self.symptom} (v: next)   {mark} = felt there", ""]
        felt = placement.get(self.selected_region)
        side = (
            "not marked"
            if felt is None
            else ("marked" if self.selected_region in MIDLINE else felt)
        )
        lines.append(f"Region: {self.selected_region} — {side}")
        lines.append("l left · r right · b both · x clear · ↑↓ region")
        lines.append("")
        for symptom in MAPPED:
            where = ", ".join(region_text(r, s) for r, s in self.draft[symptom].items())
            lines.append(f"{symptom}: {where or 'not marked'}")
        lines.append("")
        when = self.stored.date.format("D MMM YYYY") if self.stored else "never"
        lines.append(f"Map last changed: {when}")
        self.query_one("#map-regions", Static).update("\n".join(lines))
        if status is None:
            status = "Changed, not saved yet (ctrl+s saves)." if self.dirty else ""
        self.query_one("#map-status", Static).update(status)

    # -- actions -----------------------------------------------------------------------

    def action_move(self, step: int) -> None:
        """Select the next or previous region."""
        self.index = (self.index + step) % len(REGIONS)
        self._draw()

    def action_mark(self, side: str) -> None:
        """Mark the selected region on one side (pressed again: that side comes off)."""
        placement = dict(self.draft[self.symptom])
        current = placement.get(self.selected_region)
        if self.selected_region in MIDLINE:
            side = BOTH
        if current == side or (
            current == BOTH and side != BOTH and self.selected_region not in MIDLINE
        ):
            # Toggle: both minus one side leaves the other; a side again removes it.
            remaining = {LEFT: RIGHT, RIGHT: LEFT}.get(side) if current == BOTH else None
            if remaining is None:
                placement.pop(self.selected_region, None)
            else:
                placement[self.selected_region] = remaining
        elif current is not None and side != BOTH:
            placement[self.selected_region] = BOTH
        else:
            placement[self.selected_region] = side
        self.draft[self.symptom] = placement
        self._draw()

    def action_clear(self) -> None:
        """The symptom is not felt in the selected region."""
        self.draft[self.symptom].pop(self.selected_region, None)
        self._draw()

    def action_symptom(self) -> None:
        """Show the next symptom's regions."""
        self.symptom = MAPPED[(MAPPED.index(self.symptom) + 1) % len(MAPPED)]
        self._draw()

    def on_body_figure_clicked(self, event: BodyFigure.Clicked) -> None:
        """A click selects the region and marks (or unmarks) the side clicked."""
        self.index = REGIONS.index(event.region)
        self.action_mark(event.side)

    def action_save(self) -> None:
        """Save the map on screen as a snapshot from the day given."""
        journal = self.ctx.journal
        raw = self.query_one("#map-date", Input).value
        if self._unread:
            # Never replace a map the user could not see: read it first.
            with Attempt(self, "Reading the map", journal) as attempt:
                stored = journal.maps.on(self.ctx.clock.today())
            if attempt.failed:
                self._draw(f"Not saved: {attempt.message} The map on screen is kept.")
                return
            self._unread = False
            self.stored = stored
            if stored is not None and self.dirty:
                self._draw(
                    f"Not saved: a map from {stored.date} could not be shown before. Your "
                    "marks are still here; ctrl+s replaces it (the history keeps it)."
                )
                return
        with Attempt(self, "Saving the map", journal) as attempt:
            day = parse_day(raw, self.ctx.clock.today(), "date")
            # Based on the map shown when it is that day's: one changed elsewhere since
            # (or made for a day whose map was not shown) is refused, not replaced.
            shown = self.stored if self.stored is not None and self.stored.date == day else None
            version = shown.version if shown is not None else 0
            snapshot = journal.maps.save(SymptomMap(date=day, regions=self.draft, version=version))
        if attempt.failed:
            self._draw(f"Not saved: {attempt.message} The map on screen is kept.")
            return
        self.ctx.journal_changed()
        self.stored = snapshot if day >= (self.stored.date if self.stored else day) else self.stored
        self._draw(f"Saved the map from {snapshot.date.format('D MMM YYYY')}.")

    def palette_commands(self) -> Iterable[SystemCommand]:
        """This screen's actions for the command palette."""
        yield SystemCommand(
            "Save the map", "As a snapshot from the day given (ctrl+s)", self.action_save
        )
        yield SystemCommand(
            "Next symptom on the map", "numbness, tingling, pain (v)", self.action_symptom
        )
