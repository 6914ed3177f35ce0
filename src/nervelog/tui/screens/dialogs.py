"""Small questions: confirm a deletion, or what to do with unsaved changes."""

from __future__ import annotations

from typing import ClassVar

from textual.app import ComposeResult
from textual.binding import Binding, BindingType
from textual.containers import Horizontal, Vertical
from textual.screen import ModalScreen
from textual.widgets import Button, Static

SAVE, DISCARD, CANCEL = "save", "discard", "cancel"


class ConfirmScreen(ModalScreen[bool]):
    """Ask a yes/no question; dismisses with True only when the user confirms."""

    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("y", "answer(True)", "Yes"),
        Binding("n,escape", "answer(False)", "No"),
    ]

    def __init__(self, question: str) -> None:
        super().__init__()
        self.question = question

    def compose(self) -> ComposeResult:
        with Vertical(classes="dialog"):
            yield Static(self.question, markup=False, classes="question")
            with Horizontal(classes="buttons"):
                yield Button("Delete (y)", id="yes", variant="error")
                yield Button("Cancel (n)", id="no")

    def on_mount(self) -> None:
        """Focus the safe choice."""
        self.query_one("#no", Button).focus()

    def on_button_pressed(self, event: Button.Pressed) -> None:
        """Answer with the pressed button."""
        event.stop()
        self.dismiss(event.button.id == "yes")

    def action_answer(self, yes: bool) -> None:
        """Answer from a key."""
        self.dismiss(yes)


class UnsavedScreen(ModalScreen[str]):
    """Unsaved changes: save them, discard them, or stay; dismisses with SAVE/DISCARD/CANCEL."""

    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("s,ctrl+s", f"answer('{SAVE}')", "Save"),
        Binding("d", f"answer('{DISCARD}')", "Discard"),
        Binding("escape,c", f"answer('{CANCEL}')", "Stay"),
    ]

    def __init__(self, what: str) -> None:
        super().__init__()
        self.what = what

    def compose(self) -> ComposeResult:
        with Vertical(classes="dialog"):
            yield Static(f"{self.what} has unsaved changes.", markup=False, classes="question")
            with Horizontal(classes="buttons"):
                yield Button("Save (s)", id=SAVE, variant="primary")
                yield Button("Discard (d)", id=DISCARD, variant="error")
                yield Button("Stay (esc)", id=CANCEL)

    def on_mount(self) -> None:
        """Focus saving, the choice that loses nothing."""
        self.query_one(f"#{SAVE}", Button).focus()

    def on_button_pressed(self, event: Button.Pressed) -> None:
        """Answer with the pressed button."""
        event.stop()
        self.dismiss(str(event.button.id))

    def action_answer(self, choice: str) -> None:
        """Answer from a key."""
        self.dismiss(choice)
