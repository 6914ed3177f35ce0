"""The journal: a month calendar coloured by a chosen score, and the month's days in a table.

Only the month on screen is read from the journal, so ten years of entries open as fast
as one month.
"""

from __future__ import annotations

from collections.abc import Iterable
from typing import ClassVar

import pendulum
from rich.text import Text
from textual.app import ComposeResult, SystemCommand
from textual.binding import Binding, BindingType
from textual.containers import Horizontal, Vertical
from textual.widgets import DataTable, Static
from textual.widgets.data_table import RowDoesNotExist

from nervelog.domain.models import Entry, Session
from nervelog.domain.scores import SCORES, Score
from nervelog.domain.text import one_line
from nervelog.tui.context import AppContext
from nervelog.tui.problems import Attempt
from nervelog.tui.screens.base import DataScreen
from nervelog.tui.widgets.calendar import SESSION_MARK, MonthCalendar


def _cell(value: int | None) -> Text:
    return Text("-" if value is None else str(value), justify="right")


class JournalScreen(DataScreen):
    """Browse months, open a day to edit it, delete a day's entry."""

    CSS_PATH = "journal.tcss"

    TITLE_TEXT = "Journal"
    STATUS_LINE = "#journal-range"
    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("enter", "edit", "Edit"),
        Binding("d", "delete", "Delete"),
        Binding("v", "colour", "Colour"),
        Binding("left_square_bracket,pageup", "month(-1)", "Month", key_display="[ ]"),
        Binding("right_square_bracket,pagedown", "month(1)", "Next month", show=False),
    ]

    def __init__(self, ctx: AppContext) -> None:
        super().__init__(ctx, id="journal")
        self.score = Score.PAIN
        self.month: pendulum.Date | None = None
        self.entries: dict[pendulum.Date, Entry] = {}
        self.sessions: dict[pendulum.Date, list[Session]] = {}

    def compose_body(self) -> ComposeResult:
        today = self.ctx.clock.today()
        with Horizontal(id="journal-body"):
            yield MonthCalendar(today, id="calendar")
            with Vertical(id="journal-side"):
                yield Static("", id="journal-range", markup=False)
                table: DataTable[Text | str] = DataTable(
                    id="days", cursor_type="row", zebra_stripes=True
                )
                table.can_focus = False
                yield table

    @property
    def calendar(self) -> MonthCalendar:
        """The calendar widget."""
        return self.query_one(MonthCalendar)

    def on_mount(self) -> None:
        """Show the current month."""
        table = self.query_one("#days", DataTable)
        table.add_columns("Day", *(s.value[0].upper() for s in SCORES), SESSION_MARK, "Note")
        self.calendar.focus()
        self.reload()

    def reload(self) -> None:
        """Read the selected day's month from the journal and redraw.

        If the journal cannot be read, the line above the table says why and the next
        visit to this screen tries again.
        """
        day = self.calendar.selected
        first, last = day.start_of("month"), day.end_of("month")
        journal = self.ctx.journal
        with Attempt(self, "Reading the journal", self.ctx.journal) as attempt:
            entries = journal.entries(first, last)
            sessions = journal.sessions(first, last)
        if attempt.failed:
            self.revision = -1
            self.query_one("#journal-range", Static).update(str(attempt.message))
            return
        self.revision = self.ctx.revision
        self.month = first
        self.entries = {e.date: e for e in entries}
        self.sessions = {}
        for session in sessions:
            self.sessions.setdefault(session.date, []).append(session)
        self._draw()

    def _draw(self) -> None:
        values = {d: e.scores.get(self.score) for d, e in self.entries.items()}
        self.calendar.show(self.score, values, set(self.sessions))
        table = self.query_one("#days", DataTable)
        table.clear()
        days = sorted(set(self.entries) | set(self.sessions))
        for day in days:
            entry = self.entries.get(day)
            count = len(self.sessions.get(day, []))
            table.add_row(
                day.format("ddd D"),
                *(_cell(entry.scores.get(s) if entry else None) for s in SCORES),
                SESSION_MARK * min(count, 3),
                Text(one_line(entry.notes, 40) if entry else ""),
                key=day.isoformat(),
            )
        assert self.month is not None
        logged = len(self.entries)
        self.query_one("#journal-range", Static).update(
            f"{self.month.format('MMMM YYYY')}: {logged} of {self.month.days_in_month} days "
            f"logged, {sum(len(v) for v in self.sessions.values())} sessions · "
            "N T P lower is better, M higher"
        )
        self._follow_selection()

    def _follow_selection(self) -> None:
        table = self.query_one("#days", DataTable)
        key = self.calendar.selected.isoformat()
        try:
            table.move_cursor(row=table.get_row_index(key))
        except RowDoesNotExist:  # the selected day has no entry or session
            pass

    def on_month_calendar_moved(self, event: MonthCalendar.Moved) -> None:
        """Load another month when the selection leaves this one."""
        if self.month is None or event.day.start_of("month") != self.month:
            self.reload()
        else:
            self._follow_selection()

    # -- actions -----------------------------------------------------------------------

    def action_month(self, step: int) -> None:
        """Show the previous or next month (not past today's)."""
        target = self.calendar.selected.add(months=step)
        self.calendar.selected = min(target, self.ctx.clock.today())
        self.reload()

    def action_colour(self) -> None:
        """Colour the calendar by the next score."""
        self.score = SCORES[(SCORES.index(self.score) + 1) % len(SCORES)]
        self._draw()

    async def action_edit(self) -> None:
        """Open the selected day on the check-in screen."""
        from nervelog.tui.screens.checkin import CheckinScreen

        day = self.calendar.selected
        await self.app.switch_mode("checkin")
        screen = self.app.screen
        if isinstance(screen, CheckinScreen):
            screen.show_day(day)

    def action_delete(self) -> None:
        """Delete the selected day's entry after confirmation (history keeps it)."""
        day = self.calendar.selected
        if day not in self.entries:
            self.notify("No entry on this day to delete.", timeout=2)
            return
        self.delete_after_asking(
            f"Delete the entry for {day.format('dddd D MMMM YYYY')}?",
            lambda: self.ctx.journal.delete_entry(day),
            deleted=f"Deleted the entry for {day.format('ddd D MMM YYYY')}.",
            gone="That entry had already been deleted elsewhere.",
        )

    def palette_commands(self) -> Iterable[SystemCommand]:
        """This screen's actions for the command palette."""
        yield SystemCommand("Edit the selected day", "Open it in the check-in (enter)", self._edit)
        yield SystemCommand("Delete the selected day", "Asks first (d)", self.action_delete)
        yield SystemCommand("Colour by the next score", "Calendar colours (v)", self.action_colour)
        yield SystemCommand("Previous month", "([)", lambda: self.action_month(-1))
        yield SystemCommand("Next month", "(])", lambda: self.action_month(1))

    def _edit(self) -> None:
        self.call_later(self.action_edit)
