"""A month calendar: each day shows the chosen score, coloured, and a mark for sessions."""

from __future__ import annotations

from typing import ClassVar

import pendulum
from rich.text import Text
from textual.binding import Binding, BindingType
from textual.message import Message
from textual.reactive import reactive
from textual.widget import Widget

from nervelog.domain.scores import Score

WEEKDAYS = ("Mo", "Tu", "We", "Th", "Fr", "Sa", "Su")
SESSION_MARK = "•"
CELL = 7


def score_style(score: Score, value: int | None) -> str:
    """A background from good (green) to bad (red), taking the score's direction into account."""
    if value is None:
        return ""
    badness = value / 10 if not score.higher_is_better else (10 - value) / 10
    # Fixed mid-tone colours read on both light and dark themes; the value is printed too,
    # so colour is never the only signal (and NO_COLOR loses nothing).
    palette = ("#2e7d32", "#689f38", "#afb42b", "#f9a825", "#ef6c00", "#c62828")
    colour = palette[min(len(palette) - 1, int(badness * len(palette)))]
    return f"black on {colour}" if 0.3 <= badness < 0.8 else f"white on {colour}"


class MonthCalendar(Widget, can_focus=True):
    """Shows one month; arrows move the selected day, which may cross into other months."""

    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("left", "move(-1)", "Day before", show=False),
        Binding("right", "move(1)", "Day after", show=False),
        Binding("up", "move(-7)", "Week before", show=False),
        Binding("down", "move(7)", "Week after", show=False),
    ]

    selected: reactive[pendulum.Date] = reactive(pendulum.date(2000, 1, 1), init=False)

    class Moved(Message):
        """The selected day changed (possibly into another month)."""

        def __init__(self, day: pendulum.Date) -> None:
            super().__init__()
            self.day = day

    def __init__(self, today: pendulum.Date, *, id: str | None = None) -> None:
        super().__init__(id=id)
        self.today = today
        self.set_reactive(MonthCalendar.selected, today)
        self.score = Score.PAIN
        self.values: dict[pendulum.Date, int | None] = {}
        self.session_days: set[pendulum.Date] = set()

    def show(
        self,
        score: Score,
        values: dict[pendulum.Date, int | None],
        session_days: set[pendulum.Date],
    ) -> None:
        """Give the month's data: the chosen score per logged day and the session days."""
        self.score = score
        self.values = values
        self.session_days = session_days
        self.refresh()

    def action_move(self, days: int) -> None:
        """Move the selection, never past today."""
        target = self.selected.add(days=days)
        if target > self.today:
            return
        self.selected = target
        self.post_message(self.Moved(target))

    def render(self) -> Text:
        day = self.selected
        first = day.start_of("month")
        text = Text()
        title = f"{first.format('MMMM YYYY')} · {self.score.value} ({self.score.direction})"
        text.append(title[: CELL * 7].center(CELL * 7) + "\n", style="bold")
        text.append("".join(f"{w:^{CELL}}" for w in WEEKDAYS) + "\n", style="dim")
        text.append(" " * CELL * (first.day_of_week - 1 if first.day_of_week else 6))
        current = first
        while current.month == first.month:
            text.append_text(self._cell(current))
            if current.day_of_week == pendulum.SUNDAY:
                text.append("\n")
            current = current.add(days=1)
        text.append(f"\n{SESSION_MARK} session day   - skipped   [ ] selected", style="dim")
        return text

    def _cell(self, day: pendulum.Date) -> Text:
        logged = day in self.values
        value = self.values.get(day)
        shown = " " if not logged else ("-" if value is None else str(value))
        mark = SESSION_MARK if day in self.session_days else " "
        body = f"{day.day:>2}{mark}{shown:>2}"
        style = score_style(self.score, value) if logged else "dim"
        if day > self.today:
            style = "dim"
        if day == self.selected:
            return Text.assemble(("[", "bold"), (body, "reverse bold"), ("]", "bold"))
        return Text(f" {body} ", style=style)
