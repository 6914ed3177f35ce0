"""The daily check-in: four scores and a note for one day, today by default."""

from __future__ import annotations

from collections.abc import Callable, Iterable
from typing import ClassVar

import pendulum
from textual.app import ComposeResult, SystemCommand
from textual.binding import Binding, BindingType
from textual.containers import VerticalScroll
from textual.widgets import Static, TextArea

from nervelog.domain.models import Entry
from nervelog.domain.printable import printable
from nervelog.domain.scores import RECALL_PERIOD, SCORES, Scores
from nervelog.tui.context import AppContext
from nervelog.tui.problems import Attempt
from nervelog.tui.screens.base import BaseScreen
from nervelog.tui.screens.dialogs import DISCARD, SAVE, UnsavedScreen
from nervelog.tui.widgets.score_row import ScoreRow


def day_heading(day: pendulum.Date, today: pendulum.Date) -> str:
    """``Sunday 22 November 2026 (today)``: the day being edited, relative to today."""
    name = day.format("dddd D MMMM YYYY")
    age = (today - day).days
    relative = {0: " (today)", 1: " (yesterday)"}.get(age, f" ({age} days ago)")
    return f"Check-in · {name}{relative}"


class CheckinScreen(BaseScreen):
    """Rate a day: digits set a score, arrows adjust, x skips, ctrl+s saves."""

    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("ctrl+s", "save", "Save", priority=True),
        # In the hint line, which leaves the footer room for every screen's key.
        Binding("left_square_bracket", "move_day(-1)", "Day", key_display="[ ]", show=False),
        Binding("right_square_bracket", "move_day(1)", "Next day", show=False),
        Binding("n", "note", "Note", show=False),
        # Named in the line that shows the doses and questions.
        Binding("d", "dose", "Dose taken", show=False),
        Binding("a", "ask", "Ask", show=False),
        Binding("escape", "leave_note", "Scores", show=False),
    ]

    def __init__(self, ctx: AppContext) -> None:
        super().__init__(ctx, id="checkin")
        self.day: pendulum.Date | None = None
        self.stored: Entry | None = None
        self._unread = False
        """The day's stored entry could not be read when the form was shown."""
        self._note_shown = ""

    def compose_body(self) -> ComposeResult:
        with VerticalScroll(id="checkin-form"):
            yield Static(f"How has it been {RECALL_PERIOD}?", id="recall", markup=False)
            for score in SCORES:
                yield ScoreRow(score)
            yield Static(
                "0-9 set · 1 0 = ten · ←/→ adjust · x skip · ↑/↓ move · n note · [ ] day",
                id="checkin-hint",
                markup=False,
            )
            yield TextArea(id="note", soft_wrap=True, show_line_numbers=False)
            yield Static("", id="checkin-status", markup=False)
            yield Static("", id="checkin-care", markup=False)

    def on_mount(self) -> None:
        """Open on today."""
        self.load_day(self.ctx.clock.today())
        self.query_one(ScoreRow).focus()

    # -- state -----------------------------------------------------------------------

    def rows(self) -> list[ScoreRow]:
        """The four score rows, in display order."""
        return list(self.query(ScoreRow))

    def form_entry(self) -> Entry:
        """What the form holds now, as an entry for the day shown."""
        assert self.day is not None
        scores = Scores(**{row.score.value: row.value for row in self.rows()})
        note = self.query_one("#note", TextArea).text
        if self.stored is not None and note == self._note_shown:
            # Control characters are shown as escapes; an untouched note keeps the original.
            note = self.stored.notes
        # Based on the version shown: a day changed elsewhere since is refused, not replaced.
        version = self.stored.version if self.stored is not None else 0
        return Entry(date=self.day, scores=scores, notes=note, version=version)

    @property
    def dirty(self) -> bool:
        """True when the form differs from what is stored for the day."""
        if self.day is None:
            return False
        form = self.form_entry()
        stored = self.stored or Entry(date=self.day)
        return form.scores != stored.scores or form.notes.strip() != stored.notes.strip()

    def load_day(self, day: pendulum.Date) -> None:
        """Show the stored entry for ``day`` (or an empty form) and the day before, dimmed.

        If the journal cannot be read, the form stays as it is and says why.
        """
        journal = self.ctx.journal
        today = self.ctx.clock.today()
        with Attempt(self, "Reading the journal", self.ctx.journal) as attempt:
            stored = journal.entry(day)
            before = journal.entry(day.subtract(days=1))
        if attempt.failed:
            if self.day is None:
                # Opening: an empty form for the day, so what is typed can be saved
                # once the journal answers again (see action_save).
                self.day = day
                self._unread = True
                self.set_title(day_heading(day, today))
            self._show_status(f"{attempt.message} The form was not changed.")
            return
        self.day = day
        self.stored = stored
        self._unread = False
        self.ctx.draft = None
        label = "yesterday" if day == today else "day before"
        for row in self.rows():
            value = self.stored.scores.get(row.score) if self.stored else None
            previous = before.scores.get(row.score) if before else None
            row.load(value, previous, label)
        note = self.query_one("#note", TextArea)
        self._note_shown = printable(self.stored.notes) if self.stored else ""
        note.load_text(self._note_shown)
        self.set_title(day_heading(day, today))
        self._show_status()
        self.show_care()

    def _show_status(self, message: str | None = None) -> None:
        if message is None:
            if self.stored is None:
                message = "Not logged yet."
            else:
                moment = self.stored.updated_at or self.stored.recorded_at
                when = moment.format("D MMM YYYY HH:mm") if moment else "earlier"
                late = " (backfilled)" if self.stored.backfilled else ""
                if self.stored.imported:
                    late = " (imported; recording time unknown)"
                message = f"Saved {when}{late}."
        self.query_one("#checkin-status", Static).update(message)

    def on_score_row_changed(self, _: ScoreRow.Changed) -> None:
        """Remind the user that a change is not yet stored."""
        self._changed()

    def on_text_area_changed(self, _: TextArea.Changed) -> None:
        """Same reminder for the note."""
        self._changed()

    def _changed(self) -> None:
        dirty = self.dirty
        # Kept outside the screen too, so even an unexpected error cannot lose it.
        self.ctx.draft = self.form_entry() if dirty else None
        if dirty:
            self._show_status("Changed, not saved yet (ctrl+s saves).")

    def on_screen_resume(self) -> None:
        """Reload the day when the journal changed elsewhere, unless edits are pending."""
        if self.day is not None and not self.dirty:
            self.load_day(self.day)
        else:
            self.show_care()

    # -- actions -----------------------------------------------------------------------

    def action_save(self) -> bool:
        """Store the form for its day; an existing day is updated (history keeps the old).

        Returns whether it was stored. When the journal refuses (busy, full, damaged),
        the form keeps every value typed and says why; ctrl+s tries again.
        """
        if self._unread and not self._caught_up():
            return False
        entry = self.form_entry()
        if self.stored is None and entry.scores.is_empty and not entry.notes.strip():
            self._show_status("Nothing to save: set a score or write a note first.")
            return False
        with Attempt(self, "Saving", self.ctx.journal) as attempt:
            stored = self.ctx.journal.save_entry(entry)
        if attempt.failed:
            self._show_status(
                f"Not saved: {attempt.message} What you typed is still here; ctrl+s tries again."
            )
            return False
        self.stored = stored
        self.ctx.draft = None
        self.ctx.journal_changed()
        self._show_status()
        self.notify(f"Saved {entry.date.format('ddd D MMM')}.", timeout=2)
        return True

    # -- medicines and questions ------------------------------------------------------

    def show_care(self) -> None:
        """The day's as-needed doses, and the open questions, with the keys that add one."""
        from nervelog.tui.screens.doses import care_line

        line = care_line(self, self.ctx, self.day or self.ctx.clock.today())
        self.query_one("#checkin-care", Static).update(line)

    def action_dose(self) -> None:
        """Log an as-needed dose taken now: d, then the medicine's digit."""
        from nervelog.tui.screens.doses import pick_and_log_dose

        pick_and_log_dose(self, self.ctx, then=self.show_care)

    def action_ask(self) -> None:
        """Jot a question for the next appointment."""
        from nervelog.tui.screens.doses import ask_question

        ask_question(self, self.ctx, then=self.show_care)

    def _caught_up(self) -> bool:
        """Read the entry the form could not show; False when saving must wait.

        Saving blindly would replace an entry the user never saw. If there is one, it is
        named and the form kept; the next ctrl+s replaces it (the history keeps it).
        """
        assert self.day is not None
        with Attempt(self, "Reading the journal", self.ctx.journal) as attempt:
            stored = self.ctx.journal.entry(self.day)
        if attempt.failed:
            self._show_status(f"Not saved: {attempt.message} What you typed is still here.")
            return False
        self._unread = False
        self.stored = stored
        if stored is None:
            return True
        scores = ", ".join(
            f"{k} {'–' if v is None else v}" for k, v in stored.scores.as_dict().items()
        )
        self._show_status(
            f"Not saved: this day already has an entry ({scores}) that could not be shown "
            "before. What you typed is still here; ctrl+s replaces that entry (the history "
            "keeps it)."
        )
        return False

    def ask_before(self, then: Callable[[], object]) -> None:
        """Run ``then`` once unsaved changes are saved or discarded; nothing if the user stays."""
        if not self.dirty:
            then()
            return

        def answered(choice: str | None) -> None:
            if choice == SAVE:
                if self.action_save():  # a failed save stays here, with the form as typed
                    then()
            elif choice == DISCARD:
                then()

        self.app.push_screen(UnsavedScreen("This day"), answered)

    def show_day(self, day: pendulum.Date) -> None:
        """Move to ``day``, asking first about unsaved changes."""
        self.ask_before(lambda: self.load_day(day))

    def action_move_day(self, step: int) -> None:
        """Go to the previous or next day (never past today) to backfill or correct."""
        assert self.day is not None
        target = self.day.add(days=step)
        if target > self.ctx.clock.today():
            self.notify("That is the future: you can log up to today.", timeout=2)
            return
        self.show_day(target)

    def action_note(self) -> None:
        """Write the note."""
        self.query_one("#note", TextArea).focus()

    def action_leave_note(self) -> None:
        """Back from the note to the scores."""
        self.query_one(ScoreRow).focus()

    def palette_commands(self) -> Iterable[SystemCommand]:
        """This screen's actions for the command palette."""
        yield SystemCommand("Save this day", "Store the check-in (ctrl+s)", self.action_save)
        yield SystemCommand(
            "Previous day", "Backfill the day before ([)", lambda: self.action_move_day(-1)
        )
        yield SystemCommand("Next day", "Go a day forward (])", lambda: self.action_move_day(1))
        yield SystemCommand("Write the note", "Jump to the note (n)", self.action_note)
        for row in self.rows():
            yield SystemCommand(
                f"Skip {row.score.value}",
                f"Leave {row.score.value} out today (x on its row)",
                row.action_skip,
            )
