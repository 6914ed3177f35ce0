"""A small form for one record (a medicine, a dose change, an event, a question).

The form calls ``save`` with what was typed. Problems with the input are listed in the
form with the fields marked; a journal that refuses (busy, full, damaged) is named the
same way. Either way the form stays open with every value as typed, and ctrl+s tries
again; it closes only once the record is stored.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from typing import ClassVar, NamedTuple

from textual.app import ComposeResult
from textual.binding import Binding, BindingType
from textual.containers import Grid, Vertical
from textual.screen import ModalScreen
from textual.suggester import SuggestFromList
from textual.widget import Widget
from textual.widgets import Input, Label, Static

from nervelog.domain.errors import ValidationError
from nervelog.domain.printable import printable_line
from nervelog.tui.context import AppContext
from nervelog.tui.problems import Attempt


class Field(NamedTuple):
    """One input of a record form."""

    name: str
    label: str
    hint: str = ""
    value: str = ""
    suggestions: Sequence[str] = ()


def field_input(name: str, value: str, hint: str, suggestions: Sequence[str] = ()) -> Input:
    """The input of field ``name`` (id ``f-NAME``), offering ``suggestions`` as typed."""
    suggester = SuggestFromList(suggestions, case_sensitive=False) if suggestions else None
    return Input(value, placeholder=hint, id=f"f-{name}", compact=True, suggester=suggester)


def problem_lines(form: Widget, error: ValidationError) -> list[str]:
    """The problems under "Not saved. Please fix:", each one's field marked in ``form``."""
    lines = ["Not saved. Please fix:"]
    for problem in error.problems:
        lines.append(f"• {printable_line(str(problem))}")
        form.query(f"#f-{problem.field}").add_class("-problem")
    return lines


class RecordForm(ModalScreen[bool]):
    """Dismisses with True once ``save`` has stored the record, False when cancelled."""

    CSS_PATH = "medicines.tcss"

    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("ctrl+s", "save", "Save", priority=True),
        Binding("escape", "cancel", "Cancel"),
    ]

    def __init__(
        self,
        ctx: AppContext,
        title: str,
        fields: Sequence[Field],
        save: Callable[[dict[str, str]], object],
    ) -> None:
        super().__init__()
        self.ctx = ctx
        self.title_text = title
        self.fields = tuple(fields)
        self.save = save
        """Stores the record from the typed values; raises on bad input or a refusal."""

    def compose(self) -> ComposeResult:
        with Vertical(classes="dialog record-form"):
            yield Static(f"{self.title_text} · ctrl+s saves, esc cancels", markup=False)
            with Grid(classes="record-fields"):
                for f in self.fields:
                    yield Label(f.label, classes="field-label")
                    yield field_input(f.name, f.value, f.hint, f.suggestions)
            yield Static("", id="problems", markup=False)

    def values(self) -> dict[str, str]:
        """The fields as typed."""
        return {str(w.id).removeprefix("f-"): w.value for w in self.query(Input)}

    def action_save(self) -> None:
        """Store the record; on any problem, say it here and keep the form as typed."""
        self.query(".-problem").remove_class("-problem")
        with Attempt(self, "Saving", self.ctx.journal) as attempt:
            self.save(self.values())
        if attempt.error is None:
            self.dismiss(True)
            return
        if isinstance(attempt.error, ValidationError):
            lines = problem_lines(self, attempt.error)
        else:
            lines = [
                f"Not saved: {attempt.message}",
                "What you typed is still here; ctrl+s tries again.",
            ]
        self.query_one("#problems", Static).update("\n".join(lines))

    def action_cancel(self) -> None:
        """Leave without saving."""
        self.dismiss(False)
