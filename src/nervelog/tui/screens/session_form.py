"""Add or edit one therapy session; problems are listed in the form, never raised."""

from __future__ import annotations

from dataclasses import replace
from typing import ClassVar

from textual.app import ComposeResult
from textual.binding import Binding, BindingType
from textual.containers import Grid, Horizontal, VerticalScroll
from textual.screen import Screen
from textual.widgets import Input, Label, Static, TextArea

from nervelog.domain.errors import Conflict, RecordGone, ValidationError
from nervelog.domain.models import SUGGESTED_KINDS, Session
from nervelog.domain.printable import printable
from nervelog.domain.scores import SCORES
from nervelog.domain.validation import parse_session
from nervelog.tui.context import AppContext
from nervelog.tui.problems import Attempt
from nervelog.tui.screens.record_form import field_input, problem_lines
from nervelog.tui.widgets.chrome import BottomBar

TEXT_FIELDS: tuple[tuple[str, str, str], ...] = (
    ("date", "Date", "YYYY-MM-DD, today, yesterday or N days ago"),
    ("time", "Time", "HH:MM (optional)"),
    ("kind", "Kind", "massage, physiotherapy, … or your own words"),
    ("duration_min", "Minutes", "1-600 (optional)"),
    ("provider", "Provider", "who gave it (optional)"),
    ("body_areas", "Body areas", "separated by ;  e.g. left foot; right hand"),
)
RATING_SIDES = (("before", "Before"), ("after", "After"))


class SessionFormScreen(Screen[Session | None]):
    """A form for one session; dismisses with the stored session, or None when cancelled."""

    CSS_PATH = "sessions.tcss"

    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("ctrl+s", "save", "Save", priority=True),
        Binding("escape", "cancel", "Cancel"),
    ]

    def __init__(self, ctx: AppContext, session: Session | None) -> None:
        super().__init__()
        self.ctx = ctx
        self.session = session
        self._original: dict[str, str] = {}
        """Field values as stored, for fields whose display had to escape control characters."""

    def _initial(self) -> dict[str, str]:
        s = self.session
        if s is None:
            return {"date": self.ctx.clock.today().isoformat()}
        values = {
            "date": s.date.isoformat(),
            "time": s.time or "",
            "kind": s.kind,
            "duration_min": "" if s.duration_min is None else str(s.duration_min),
            "provider": s.provider,
            "body_areas": "; ".join(s.body_areas),
            "notes": s.notes,
        }
        for side, scores in (("before", s.before), ("after", s.after)):
            for name, value in scores.as_dict().items():
                values[f"{side}_{name}"] = "" if value is None else str(value)
        return values

    def _shown(self, name: str, value: str) -> str:
        shown = printable(value)
        if shown != value:
            self._original[name] = value
        return shown

    def _title(self) -> str:
        title = "New session" if self.session is None else "Edit session"
        return f"{title} · ctrl+s saves, esc cancels"

    def compose(self) -> ComposeResult:
        values = self._initial()
        yield Static(self._title(), id="title", markup=False)
        with VerticalScroll(id="session-form"):
            with Grid(id="session-fields"):
                for name, label, hint in TEXT_FIELDS:
                    yield Label(label, classes="field-label")
                    shown = self._shown(name, values.get(name, ""))
                    yield field_input(name, shown, hint, SUGGESTED_KINDS if name == "kind" else ())
            yield Static(
                "Kinds: " + ", ".join(SUGGESTED_KINDS) + " (→ accepts a suggestion)",
                id="kind-hint",
                markup=False,
            )
            yield Label("Notes", classes="field-label")
            yield TextArea(self._shown("notes", values.get("notes", "")), id="f-notes")
            yield Static(
                "Quick ratings, 0-10, optional: numbness / tingling / pain / mobility",
                id="ratings-hint",
                markup=False,
            )
            for side, label in RATING_SIDES:
                with Horizontal(classes="ratings"):
                    yield Label(label, classes="field-label")
                    for score in SCORES:
                        name = f"{side}_{score.value}"
                        yield Input(
                            values.get(name, ""),
                            placeholder=score.value[:4],
                            id=f"f-{name}",
                            compact=True,
                            classes="rating",
                            max_length=2,
                        )
            yield Static("", id="problems", markup=False)
        yield BottomBar()

    def on_mount(self) -> None:
        """Start on the kind for a new session, on the date when editing."""
        self.query_one("#f-kind" if self.session is None else "#f-date", Input).focus()

    def raw(self) -> dict[str, object]:
        """The form's fields, as typed (originals kept for untouched escaped text)."""
        raw: dict[str, object] = {str(w.id).removeprefix("f-"): w.value for w in self.query(Input)}
        raw["notes"] = self.query_one("#f-notes", TextArea).text
        for name, original in self._original.items():
            if raw.get(name) == printable(original):
                raw[name] = original
        return raw

    def action_save(self) -> None:
        """Validate and store; on problems, list them all and mark the fields.

        When the journal refuses the write, the form stays open with every field as
        typed and says why; ctrl+s tries again. A session deleted elsewhere while its
        form was open can be saved again as a new session.
        """
        self.query(".-problem").remove_class("-problem")
        try:
            parsed = parse_session(self.raw(), self.ctx.clock.today())
        except ValidationError as exc:
            self._show_lines(problem_lines(self, exc))
            return
        journal = self.ctx.journal
        with Attempt(self, "Saving the session", self.ctx.journal) as attempt:
            if self.session is None:
                stored = journal.add_session(parsed)
            else:
                # Based on the version this form was opened with: a change made
                # elsewhere meanwhile is refused, never overwritten.
                base = self.session
                stored = journal.update_session(
                    replace(parsed, id=base.id, uid=base.uid, version=base.version)
                )
        if attempt.failed:
            if isinstance(attempt.error, Conflict):
                hint = (
                    "What you typed is still here. Esc leaves it unsaved; reopen the "
                    "session to see what is stored now."
                )
            elif isinstance(attempt.error, RecordGone):
                self.session = None
                self.query_one("#title", Static).update(self._title())
                hint = "Press ctrl+s to save what you typed as a new session."
            else:
                hint = "What you typed is still here; ctrl+s tries again."
            self._show_lines([f"Not saved: {attempt.message}", hint])
            return
        self.dismiss(stored)

    def _show_lines(self, lines: list[str]) -> None:
        self.query_one("#problems", Static).update("\n".join(lines))
        self.query_one("#problems").scroll_visible()

    def action_cancel(self) -> None:
        """Leave without saving."""
        self.dismiss(None)
