"""The nervelog app: wires the journal and clock into the screens; nothing else lives here."""

from __future__ import annotations

import functools
from collections.abc import Callable, Iterable
from pathlib import Path
from typing import Any, ClassVar

from textual.app import App, SystemCommand
from textual.binding import Binding, BindingType
from textual.screen import Screen

from nervelog.domain.dates import Clock
from nervelog.driver import sqlite
from nervelog.storage.repository import Journal
from nervelog.tui.context import AppContext
from nervelog.tui.problems import Attempt
from nervelog.tui.screens import MAIN_SCREENS

WELCOMED = "welcomed"
"""Setting stored once the first-run welcome has been read."""
THEME = "theme"
"""Setting holding the chosen light or dark theme."""
DARK, LIGHT = "textual-dark", "textual-light"


class NervelogApp(App[None]):
    """The journal app, built from its parts so tests can hand it any journal and clock."""

    # Absolute, so subclasses defined elsewhere (measurements, tests) find it too.
    CSS_PATH = Path(__file__).parent / "app.tcss"
    TITLE = "nervelog"
    DEFAULT_MODE = "checkin"
    BINDINGS: ClassVar[list[BindingType]] = [
        *(Binding(s.key, f"open('{s.mode}')", s.footer_label) for s in MAIN_SCREENS),
        Binding("question_mark", "help", "Help"),
        Binding("q", "quit", "Quit"),
        Binding("ctrl+t", "toggle_theme", "Light/dark", show=False),
    ]

    def __init__(
        self,
        journal: Journal,
        clock: Clock,
        *,
        journal_path: Path | None = None,
        export_dir: Path | None = None,
        shown: Callable[[], None] | None = None,
    ) -> None:
        super().__init__()
        self._shown = shown
        """Called once the first screen is drawn (nervelog.launch resumes the collector)."""
        self.context = AppContext(journal, clock, journal_path, export_dir)
        """What every screen is built with."""
        # The first screen (the check-in) comes from get_default_screen; the others are
        # modes, built when first opened.
        for spec in MAIN_SCREENS:
            if spec.mode != self.DEFAULT_MODE:
                self.add_mode(spec.mode, functools.partial(spec.load, self.context))
        self.theme = LIGHT if self._setting(THEME) == LIGHT else DARK

    def get_default_screen(self) -> Screen[Any]:
        """The check-in, built as the screen the app opens on, then registered as a mode.

        Textual calls this once, for the default mode when no mode of that name exists.
        Built this way, Textual does not parse every style sheet again as it does for a
        mode's first screen, and in tmux the check-in's first frame reached the
        terminal 45 ms sooner (README, "Performance": the check-in's budget). Textual
        does not load a default screen's ``CSS_PATH``: the check-in's styles stay in
        ``app.tcss``. Registered as a mode here, so ``c`` returns to this very screen.
        """
        (first,) = (s for s in MAIN_SCREENS if s.mode == self.DEFAULT_MODE)
        self.add_mode(first.mode, functools.partial(first.load, self.context))
        return first.load(self.context)

    def on_ready(self) -> None:
        """Say the first frame is drawn, once it is."""
        if self._shown is not None:
            self.call_after_refresh(self._shown)

    def _setting(self, key: str) -> str:
        # A journal that cannot be read is reported by the screen that reads it next.
        try:
            return self.context.journal.setting(key)
        except sqlite.Error:
            return ""

    def on_mount(self) -> None:
        """Greet a first-time user."""
        if self._setting(WELCOMED) != "yes":
            from nervelog.tui.screens.welcome import WelcomeScreen

            self.push_screen(WelcomeScreen(self.context.journal_path), self._welcomed)

    def _welcomed(self, _: object) -> None:
        with Attempt(self.screen, "Remembering the welcome was read", self.context.journal):
            self.context.journal.set_setting(WELCOMED, "yes")

    def check_action(self, action: str, parameters: tuple[object, ...]) -> bool | None:
        """Hide the key of the screen already shown, leaving room for the rest at 80 columns."""
        if action == "open" and parameters and parameters[0] == self.current_mode:
            return False
        return True

    # -- actions -------------------------------------------------------------------

    async def action_open(self, mode: str) -> None:
        """Show one of the main screens (leaving the first-run welcome counts as read)."""
        from nervelog.tui.screens.welcome import WelcomeScreen

        if isinstance(self.screen, WelcomeScreen):
            await self.screen.dismiss(None)
        if self.current_mode != mode:
            await self.switch_mode(mode)

    def action_help(self) -> None:
        """Show the keys of every screen."""
        from nervelog.tui.screens.help import HelpScreen

        if not isinstance(self.screen, HelpScreen):
            self.push_screen(HelpScreen())

    def action_toggle_theme(self) -> None:
        """Switch between the light and the dark theme, and remember the choice."""
        self.theme = LIGHT if self.theme == DARK else DARK
        with Attempt(self.screen, "Remembering the theme", self.context.journal):
            self.context.journal.set_setting(THEME, self.theme)

    async def action_quit(self) -> None:
        """Quit, first asking about an unsaved check-in."""
        from nervelog.tui.screens.checkin import CheckinScreen

        stack = self._screen_stacks.get("checkin", [])
        checkin = stack[0] if stack else None
        if isinstance(checkin, CheckinScreen) and checkin.dirty:
            await self.switch_mode("checkin")
            checkin.ask_before(self.exit)
            return
        self.exit()

    # -- command palette -------------------------------------------------------------

    def get_system_commands(self, screen: Screen[Any]) -> Iterable[SystemCommand]:
        """Every action of the app and of the current screen, for the palette (ctrl+p)."""
        for spec in MAIN_SCREENS:
            yield SystemCommand(
                f"Open {spec.title}",
                f"{spec.description} (key {spec.key})",
                lambda mode=spec.mode: self.run_action(f"open('{mode}')"),
            )
        yield SystemCommand("Help", "Every key on every screen (?)", self.action_help)
        yield SystemCommand("Light/dark theme", "Switch theme (ctrl+t)", self.action_toggle_theme)
        commands = getattr(screen, "palette_commands", None)
        if commands is not None:
            yield from commands()
        yield SystemCommand("Quit", "Leave nervelog (q)", self.action_quit)
