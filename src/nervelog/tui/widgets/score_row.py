"""One score on the check-in form: value, 0/10 anchors, direction, the day before."""

from __future__ import annotations

import time
from typing import ClassVar

from rich.text import Text
from textual.binding import Binding, BindingType
from textual.message import Message
from textual.reactive import reactive
from textual.widget import Widget

from nervelog.domain.scores import SCORE_MAX, SCORE_MIN, Score

TEN_WINDOW_S = 1.5
"""Typing 1 then 0 within this many seconds sets 10."""


class ScoreRow(Widget, can_focus=True):
    """A focusable row: digits set the score, arrows adjust, x skips."""

    BINDINGS: ClassVar[list[BindingType]] = [
        *(Binding(str(d), f"digit({d})", "Set", show=False) for d in range(10)),
        Binding("right,plus,equals_sign", "adjust(1)", "+1", show=False),
        Binding("left,minus", "adjust(-1)", "-1", show=False),
        # Listed in the check-in's hint line, which leaves the footer room at 80 columns.
        Binding("x,delete,backspace", "skip", "Skip", show=False),
        Binding("up", "app.focus_previous", "Up", show=False),
        Binding("down,enter", "app.focus_next", "Down", show=False),
    ]

    value: reactive[int | None] = reactive(None)
    """The score, or None when skipped or not yet set."""
    touched: reactive[bool] = reactive(False)
    """True once the user set or skipped it, so "skipped" can be shown."""

    class Changed(Message):
        """The user changed this score."""

        def __init__(self, row: ScoreRow) -> None:
            super().__init__()
            self.row = row

    def __init__(self, score: Score) -> None:
        super().__init__(id=f"score-{score.value}")
        self.score = score
        self.previous: int | None = None
        self.previous_label = "yesterday"
        self._one_at: float | None = None

    def load(self, value: int | None, previous: int | None, previous_label: str) -> None:
        """Show a stored value and the day before's value (dimmed, never copied)."""
        self.previous = previous
        self.previous_label = previous_label
        self.set_reactive(ScoreRow.touched, value is not None)
        self.value = value
        self.refresh()

    def _set(self, value: int | None) -> None:
        self.touched = True
        self.value = value
        self.post_message(self.Changed(self))

    def action_digit(self, digit: int) -> None:
        """0-9 set the score; 1 then 0 typed quickly sets 10."""
        now = time.monotonic()
        if digit == 0 and self._one_at is not None and now - self._one_at <= TEN_WINDOW_S:
            self._one_at = None
            self._set(10)
            return
        self._one_at = now if digit == 1 else None
        self._set(digit)

    def action_adjust(self, step: int) -> None:
        """Move the score up or down by one; from skipped, start at the near end."""
        self._one_at = None
        if self.value is None:
            self._set(SCORE_MIN if step > 0 else SCORE_MAX)
        else:
            self._set(max(SCORE_MIN, min(SCORE_MAX, self.value + step)))

    def action_skip(self) -> None:
        """Leave this score out for the day (stored empty, never as 0)."""
        self._one_at = None
        self._set(None)

    def render(self) -> Text:
        score = self.score
        text = Text(no_wrap=False)
        text.append(f"{score.label:<9} ", style="bold")
        if self.value is None:
            shown = "skipped" if self.touched else "  —    "
            text.append(f"[{shown:^7}]", style="italic")
        else:
            text.append(f"[{self.value:^7}]", style="bold reverse" if self.has_focus else "bold")
        text.append("  ")
        filled = self.value or 0
        text.append("■" * filled + "·" * (SCORE_MAX - filled), style="bold" if filled else "dim")
        text.append(f"  {score.direction}", style="italic")
        before = "—" if self.previous is None else str(self.previous)
        text.append(f"   {self.previous_label}: {before}", style="dim")
        text.append(f"\n{'':4}0 {score.low_anchor} … 10 {score.high_anchor}", style="dim")
        return text

    def on_focus(self) -> None:
        """Redraw to show the focus."""
        self.refresh()

    def on_blur(self) -> None:
        """Redraw to hide the focus."""
        self._one_at = None
        self.refresh()
