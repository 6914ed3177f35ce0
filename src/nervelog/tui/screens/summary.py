"""Summary: choose a range and a format, preview the doctor's summary, export it with a key.

The preview is the text report itself (the same as ``nervelog report --format text``),
so what is read here is what the doctor gets. Exporting writes a private (0600) file
named after the range in ``export_dir`` (the folder nervelog was started from) and
shows its path.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable
from pathlib import Path
from typing import ClassVar

import pendulum
from textual import work
from textual.app import ComposeResult, SystemCommand
from textual.binding import Binding, BindingType
from textual.containers import ScrollableContainer
from textual.widgets import Static
from textual.worker import get_current_worker

from nervelog.render.report_model import ReportModel, build_report
from nervelog.storage.repository import Journal
from nervelog.tui.ranges import ALL, SUMMARY_RANGES, stepped
from nervelog.tui.screens.base import BaseScreen

DEFAULT_RANGE = "90d"
FORMATS: tuple[tuple[str, str], ...] = (("pdf", "PDF"), ("text", "text"), ("md", "Markdown"))
SUFFIX = {"pdf": "pdf", "text": "txt", "md": "md"}


def export_name(fmt: str, start: pendulum.Date, end: pendulum.Date) -> str:
    """``nervelog-summary-2026-08-25-to-2026-11-22.pdf`` (``.txt``/``.md`` for text)."""
    return f"nervelog-summary-{start.isoformat()}-to-{end.isoformat()}.{SUFFIX[fmt]}"


def _preview(journal: Journal, start: pendulum.Date, end: pendulum.Date) -> tuple[ReportModel, str]:
    """The report of ``start``..``end`` and its text version."""
    from nervelog.render.text_report import render_text

    model = build_report(journal, start, end)
    return model, render_text(model)


class SummaryScreen(BaseScreen):
    """The doctor's summary: 1-5 pick the range, f the format, e exports."""

    TITLE_TEXT = "Summary for your doctor"
    DEFAULT_CSS = """
    #summary-bar, #summary-status {
        height: auto;
        padding: 0 1;
    }
    #summary-status {
        color: $text-muted;
    }
    #summary-preview {
        height: 1fr;
        overflow-x: auto;
        border-top: solid $primary;
    }
    #summary-text {
        width: auto;
    }
    """
    BINDINGS: ClassVar[list[BindingType]] = [
        *(
            Binding(str(i), f"range('{r.key}')", r.label, show=False)
            for i, r in enumerate(SUMMARY_RANGES, start=1)
        ),
        # The range keys are listed on the screen itself; the footer needs the room at 80 columns.
        Binding("left", "step(-1)", "Range", key_display="← →", priority=True, show=False),
        Binding("right", "step(1)", "Longer", show=False, priority=True),
        Binding("f", "format", "Format"),
        Binding("e", "export", "Export"),
    ]

    def __init__(self, export_dir: Path | None = None) -> None:
        super().__init__(id="summary")
        self.range_key = DEFAULT_RANGE
        self.fmt = "pdf"
        self.export_dir = export_dir
        """Where exports go; ``None`` means the current folder at the time of export."""
        self.revision = -1
        self.model: ReportModel | None = None
        self.written: Path | None = None
        """The last file written, shown on screen."""

    def compose_body(self) -> ComposeResult:
        yield Static("", id="summary-bar", markup=False)
        yield Static("", id="summary-status", markup=False)
        with ScrollableContainer(id="summary-preview"):
            yield Static("", id="summary-text", markup=False)

    def on_mount(self) -> None:
        """Build the preview."""
        self.refresh_preview()

    def on_screen_resume(self) -> None:
        """Rebuild when the journal changed while this screen was hidden."""
        if self.revision != self.nervelog.revision:
            self.refresh_preview()

    # -- what is shown -------------------------------------------------------------

    def span(self) -> tuple[pendulum.Date, pendulum.Date]:
        """The chosen range, ending today."""
        app = self.nervelog
        today = app.clock.today()
        chosen = next(r for r in SUMMARY_RANGES if r.key == self.range_key)
        if chosen.key != ALL:
            return chosen.start(today, today), today
        span = app.journal.date_span()
        return chosen.start(today, span[0] if span else today), today

    def bar_text(self) -> str:
        """Which range and format are chosen, and the keys that change them."""
        start, end = self.span()
        ranges = " ".join(
            f"[{i}:{r.label}]" if r.key == self.range_key else f" {i}:{r.label} "
            for i, r in enumerate(SUMMARY_RANGES, start=1)
        )
        fmt = next(label for key, label in FORMATS if key == self.fmt)
        return (
            f"{ranges}\n{start.isoformat()} to {end.isoformat()}  ·  format: {fmt} (f)"
            "  ·  e: export"
        )

    def refresh_preview(self) -> None:
        """Recompute the report for the chosen range and show its text version.

        A journal file is read in a worker thread through its own connection (a long
        journal takes a moment); an in-memory journal cannot be shared with a thread
        and is small, so it is read here.
        """
        app = self.nervelog
        self.revision = app.revision
        start, end = self.span()
        self.model = None
        self.query_one("#summary-bar", Static).update(self.bar_text())
        path = app.journal_path if app.journal_path and app.journal_path.exists() else None
        if path is None:
            self._show(*_preview(app.journal, start, end))
        else:
            self._status("Preparing the summary… ")
            self._load_in_thread(path, start, end)

    @work(thread=True, exclusive=True, group="summary")
    def _load_in_thread(self, path: Path, start: pendulum.Date, end: pendulum.Date) -> None:
        from nervelog.storage import open_journal

        app = self.nervelog
        journal = open_journal(path, app.clock, create=False)
        try:
            model, text = _preview(journal, start, end)
        finally:
            journal.db.conn.close()
        if not get_current_worker().is_cancelled:
            app.call_from_thread(self._show, model, text)

    def _show(self, model: ReportModel, text: str) -> None:
        self.model = model
        self.query_one("#summary-text", Static).update(text)
        self._status()

    def _status(self, extra: str = "") -> None:
        folder = self.export_dir or Path.cwd()
        where = f"Last written: {self.written}" if self.written else f"Exports go to {folder}"
        self.query_one("#summary-status", Static).update(f"{extra}{where}")

    # -- actions -------------------------------------------------------------------

    def action_range(self, key: str) -> None:
        """Preview another range."""
        self.range_key = key
        self.refresh_preview()

    def action_step(self, step: int) -> None:
        """Shorter or longer range."""
        self.action_range(stepped(SUMMARY_RANGES, self.range_key, step))

    def action_format(self) -> None:
        """PDF, then text, then Markdown."""
        keys = [key for key, _ in FORMATS]
        self.fmt = keys[(keys.index(self.fmt) + 1) % len(keys)]
        self.query_one("#summary-bar", Static).update(self.bar_text())

    def action_export(self) -> None:
        """Write the report in the chosen format; the PDF is made in a worker thread."""
        model = self.model
        if model is None:
            return
        folder = self.export_dir or Path.cwd()
        target = folder / export_name(self.fmt, model.start, model.end)
        paper = self.nervelog.journal.setting("paper_size").lower()
        self._status("Writing… ")
        self._export(model, self.fmt, paper if paper in ("a4", "letter") else "a4", target)

    @work(thread=True, exclusive=True, group="export")
    def _export(self, model: ReportModel, fmt: str, paper: str, target: Path) -> None:
        from nervelog.storage.files import write_private

        try:
            if fmt == "pdf":
                from nervelog.render.pdf_report import render_pdf

                data = render_pdf(model, paper)
            else:
                from nervelog.render.text_report import render_markdown, render_text

                text = render_markdown(model) if fmt == "md" else render_text(model)
                data = text.encode("utf-8")
            write_private(target, data)
        except OSError as exc:
            message = f"Cannot write {target}: {exc.strerror or exc}. Nothing was written. "
            self.app.call_from_thread(self._status, message)
            return
        self.app.call_from_thread(self._written, target)

    def _written(self, target: Path) -> None:
        self.written = target
        self._status()
        self.notify(f"Wrote {target}", title="Summary exported")

    def palette_commands(self) -> Iterable[SystemCommand]:
        """This screen's actions for the command palette."""
        yield SystemCommand(
            "Export summary", "Write the summary in the chosen format (e)", self.action_export
        )
        yield SystemCommand("Summary format", "PDF, text or Markdown (f)", self.action_format)
        for i, r in enumerate(SUMMARY_RANGES, start=1):
            yield SystemCommand(
                f"Summary range: {r.label}", f"Summarise {r.label} ({i})", self._ranger(r.key)
            )

    def _ranger(self, key: str) -> Callable[[], None]:
        return lambda: self.action_range(key)
