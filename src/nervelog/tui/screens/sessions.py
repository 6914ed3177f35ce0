"""Therapy sessions: a list, newest first, loaded a year at a time as the user scrolls."""

from __future__ import annotations

from collections.abc import Iterable
from typing import ClassVar

import pendulum
from rich.text import Text
from textual.app import ComposeResult, SystemCommand
from textual.binding import Binding, BindingType
from textual.widgets import DataTable, Static

from nervelog.domain.models import Session
from nervelog.domain.scores import Scores
from nervelog.domain.text import one_line
from nervelog.tui.context import AppContext
from nervelog.tui.problems import Attempt
from nervelog.tui.screens.base import DataScreen

PAGE_DAYS = 366
"""How far back each load reaches."""


def _ratings(session: Session) -> str:
    def short(scores: Scores) -> str:
        return "/".join("-" if v is None else str(v) for v in scores.as_dict().values())

    if session.before.is_empty and session.after.is_empty:
        return ""
    return f"{short(session.before)} → {short(session.after)}"


class SessionsScreen(DataScreen):
    """List, add, edit and delete therapy sessions."""

    CSS_PATH = "sessions.tcss"

    TITLE_TEXT = "Sessions"
    STATUS_LINE = "#sessions-info"
    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("a", "add", "Add"),
        Binding("e,enter", "edit", "Edit"),
        Binding("d", "delete", "Delete"),
    ]

    def __init__(self, ctx: AppContext) -> None:
        super().__init__(ctx, id="sessions")
        self.loaded: list[Session] = []
        self.loaded_from: pendulum.Date | None = None
        self.first_day: pendulum.Date | None = None

    def compose_body(self) -> ComposeResult:
        yield Static("", id="sessions-info", markup=False)
        table: DataTable[Text | str] = DataTable(id="session-list", cursor_type="row")
        yield table

    @property
    def table(self) -> DataTable[Text | str]:
        """The session list."""
        return self.query_one("#session-list", DataTable)

    def on_mount(self) -> None:
        """Set up the columns and load the most recent year."""
        self.table.add_columns(
            "Date", "Time", "Kind", "Min", "Provider", "N/T/P/M before → after", "Notes"
        )
        self.reload()
        self.table.focus()

    def reload(self, keep: int | None = None) -> None:
        """Read the sessions again, as far back as already loaded (at least a year).

        If the journal cannot be read, the line above the list says why and the next
        visit to this screen tries again.
        """
        journal = self.ctx.journal
        start = self.loaded_from or self.ctx.clock.today().subtract(days=PAGE_DAYS)
        with Attempt(self, "Reading the sessions", self.ctx.journal) as attempt:
            span = journal.date_span()
            loaded = list(reversed(journal.sessions(start, None)))
        if attempt.failed:
            self.revision = -1
            self.query_one("#sessions-info", Static).update(str(attempt.message))
            return
        self.revision = self.ctx.revision
        self.first_day = span[0] if span else None
        self.loaded_from = start
        self.loaded = loaded
        self.table.clear()
        self._add_rows(self.loaded)
        self._info()
        if keep is not None:
            index = next((i for i, s in enumerate(self.loaded) if s.id == keep), 0)
            self.table.move_cursor(row=index)

    def _add_rows(self, sessions: list[Session]) -> None:
        for s in sessions:
            self.table.add_row(
                s.date.isoformat(),
                s.time or "",
                Text(one_line(s.kind, 20)),
                "" if s.duration_min is None else str(s.duration_min),
                Text(one_line(s.provider, 16)),
                _ratings(s),
                Text(one_line(s.notes, 30)),
                key=str(s.id),
            )

    def _info(self) -> None:
        assert self.loaded_from is not None
        more = self.first_day is not None and self.first_day < self.loaded_from
        since = self.loaded_from.format("D MMM YYYY")
        tail = " · older ones load as you scroll down" if more else ""
        count = len(self.loaded)
        self.query_one("#sessions-info", Static).update(
            f"{count} session{'' if count == 1 else 's'} since {since}, newest first{tail}"
        )

    def on_data_table_row_highlighted(self, event: DataTable.RowHighlighted) -> None:
        """Near the end of the list, load the year before."""
        if event.cursor_row < len(self.loaded) - 3 or self.loaded_from is None:
            return
        if self.first_day is None or self.first_day >= self.loaded_from:
            return
        end = self.loaded_from.subtract(days=1)
        start = end.subtract(days=PAGE_DAYS)
        with Attempt(self, "Reading older sessions", self.ctx.journal) as attempt:
            older = list(reversed(self.ctx.journal.sessions(start, end)))
        if attempt.failed:
            self.first_day = None  # no more tries while scrolling; the next visit reloads
            self.revision = -1
            return
        self.loaded_from = start
        self.loaded.extend(older)
        self._add_rows(older)
        self._info()

    def on_data_table_row_selected(self, event: DataTable.RowSelected) -> None:
        """Enter on a row edits that session."""
        event.stop()
        self.action_edit()

    def selected(self) -> Session | None:
        """The highlighted session."""
        if not self.loaded or self.table.cursor_row >= len(self.loaded):
            return None
        return self.loaded[self.table.cursor_row]

    # -- actions -----------------------------------------------------------------------

    def action_add(self) -> None:
        """Open an empty session form (today's date)."""
        from nervelog.tui.screens.session_form import SessionFormScreen

        self.app.push_screen(SessionFormScreen(self.ctx, None), self._saved)

    def action_edit(self) -> None:
        """Open the highlighted session in the form."""
        from nervelog.tui.screens.session_form import SessionFormScreen

        session = self.selected()
        if session is None:
            self.notify("No session selected; press a to add one.", timeout=2)
            return
        self.app.push_screen(SessionFormScreen(self.ctx, session), self._saved)

    def _saved(self, session: Session | None) -> None:
        if session is not None:
            self.ctx.journal_changed()
            if self.loaded_from is not None and session.date < self.loaded_from:
                self.loaded_from = session.date
            self.reload(keep=session.id)

    def action_delete(self) -> None:
        """Delete the highlighted session after confirmation (history keeps it)."""
        session = self.selected()
        if session is None or session.id is None:
            return
        session_id = session.id
        when = session.date.format("ddd D MMM YYYY")
        self.delete_after_asking(
            f"Delete the {one_line(session.kind, 30)} session on {when}?",
            lambda: self.ctx.journal.delete_session(session_id),
            deleted="Session deleted.",
            gone="That session had already been deleted elsewhere.",
        )

    def palette_commands(self) -> Iterable[SystemCommand]:
        """This screen's actions for the command palette."""
        yield SystemCommand("Add a session", "Log a therapy session (a)", self.action_add)
        yield SystemCommand("Edit the session", "The highlighted one (e)", self.action_edit)
        yield SystemCommand("Delete the session", "Asks first (d)", self.action_delete)
