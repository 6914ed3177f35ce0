"""Summary: choose a range and a format, preview the doctor's summary, export it with a key.

The preview is the text report itself (the same as ``nervelog report --format text``),
so what is read here is what the doctor gets. Exporting writes a private (0600) file
named after the range in ``export_dir`` (the folder nervelog was started from) and
shows its path.
"""

from __future__ import annotations

from collections.abc import Iterable
from functools import partial
from pathlib import Path
from typing import ClassVar

import pendulum
from textual import work
from textual.app import ComposeResult, SystemCommand
from textual.binding import Binding, BindingType
from textual.containers import ScrollableContainer
from textual.widgets import Static
from textual.worker import Worker, WorkerState, get_current_worker

from nervelog.render.report_model import (
    ReportModel,
    ReportSource,
    compose_report,
    read_report_source,
)
from nervelog.tui.context import AppContext
from nervelog.tui.problems import Attempt, problem_message
from nervelog.tui.ranges import ALL, SUMMARY_RANGES, stepped
from nervelog.tui.screens.base import DataScreen

DEFAULT_RANGE = "90d"
FORMATS: tuple[tuple[str, str], ...] = (("pdf", "PDF"), ("text", "text"), ("md", "Markdown"))
SUFFIX = {"pdf": "pdf", "text": "txt", "md": "md"}


def export_name(fmt: str, start: pendulum.Date, end: pendulum.Date) -> str:
    """``nervelog-summary-2026-08-25-to-2026-11-22.pdf`` (``.txt``/``.md`` for text)."""
    return f"nervelog-summary-{start.isoformat()}-to-{end.isoformat()}.{SUFFIX[fmt]}"


class SummaryScreen(DataScreen):
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

    def __init__(self, ctx: AppContext) -> None:
        super().__init__(ctx, id="summary")
        self.range_key = DEFAULT_RANGE
        self.fmt = "pdf"
        self.model: ReportModel | None = None
        today = ctx.clock.today()
        self.shown = (today, today)
        """The range of the summary on screen."""
        self.written: Path | None = None
        """The last file written, shown on screen."""

    def compose_body(self) -> ComposeResult:
        yield Static("", id="summary-bar", markup=False)
        yield Static("", id="summary-status", markup=False)
        with ScrollableContainer(id="summary-preview"):
            yield Static("", id="summary-text", markup=False)

    def on_mount(self) -> None:
        """Build the preview."""
        self.reload()

    # -- what is shown -------------------------------------------------------------

    def span(self) -> tuple[pendulum.Date, pendulum.Date]:
        """The chosen range, ending today."""
        today = self.ctx.clock.today()
        chosen = next(r for r in SUMMARY_RANGES if r.key == self.range_key)
        if chosen.key != ALL:
            return chosen.start(today, today), today
        span = self.ctx.journal.date_span()
        return chosen.start(today, span[0] if span else today), today

    def bar_text(self, start: pendulum.Date, end: pendulum.Date) -> str:
        """Which range and format are chosen, and the keys that change them."""
        ranges = " ".join(
            f"[{i}:{r.label}]" if r.key == self.range_key else f" {i}:{r.label} "
            for i, r in enumerate(SUMMARY_RANGES, start=1)
        )
        fmt = next(label for key, label in FORMATS if key == self.fmt)
        return (
            f"{ranges}\n{start.isoformat()} to {end.isoformat()}  ·  format: {fmt} (f)"
            "  ·  e: export"
        )

    def reload(self) -> None:
        """Read the chosen range and show its text report, composed in a worker thread.

        The journal is read here, on the thread that owns its connection; the worker
        gets the records, so file and in-memory journals take the same path.
        """
        self.model = None
        with Attempt(self, "Reading the journal", self.ctx.journal) as attempt:
            start, end = self.span()
            source = read_report_source(self.ctx.journal, start, end)
        if attempt.failed:
            self._failed(str(attempt.message))
            return
        self.revision = self.ctx.revision
        self.shown = (start, end)
        self.query_one("#summary-bar", Static).update(self.bar_text(start, end))
        self._status("Preparing the summary… ")
        self._make_report(source)

    @work(thread=True, exclusive=True, group="summary", exit_on_error=False)
    def _make_report(self, source: ReportSource) -> None:
        from nervelog.render.text_report import render_text

        model = compose_report(source)
        text = render_text(model)
        if not get_current_worker().is_cancelled:
            self.app.call_from_thread(self._show, model, text)

    def _show(self, model: ReportModel, text: str) -> None:
        self.model = model
        self.query_one("#summary-text", Static).update(text)
        self._status()

    def _failed(self, message: str) -> None:
        self.revision = -1  # try again next time the screen is shown
        self.query_one("#summary-text", Static).update(
            f"The summary cannot be shown: {message}\nThe rest of nervelog works as usual."
        )
        self._status()

    def on_worker_state_changed(self, event: Worker.StateChanged) -> None:
        """A worker that failed leaves a message here; the rest of the app goes on."""
        if event.state != WorkerState.ERROR or event.worker.error is None:
            return
        if event.worker.group == "export":
            message = problem_message(event.worker.error, "Writing the summary", self.ctx.journal)
            self._status(f"{message} ")
            self.notify(message, title="Summary not written", severity="error", timeout=15)
        else:
            message = problem_message(event.worker.error, "Preparing the summary", self.ctx.journal)
            self.notify(message, title="Summary", severity="error", timeout=15)
            self._failed(message)

    def _status(self, extra: str = "") -> None:
        folder = self.ctx.export_folder()
        where = f"Last written: {self.written}" if self.written else f"Exports go to {folder}"
        self.query_one("#summary-status", Static).update(f"{extra}{where}")

    # -- actions -------------------------------------------------------------------

    def action_range(self, key: str) -> None:
        """Preview another range."""
        self.range_key = key
        self.reload()

    def action_step(self, step: int) -> None:
        """Shorter or longer range."""
        self.action_range(stepped(SUMMARY_RANGES, self.range_key, step))

    def action_format(self) -> None:
        """PDF, then text, then Markdown."""
        keys = [key for key, _ in FORMATS]
        self.fmt = keys[(keys.index(self.fmt) + 1) % len(keys)]
        self.query_one("#summary-bar", Static).update(self.bar_text(*self.shown))

    def action_export(self) -> None:
        """Write the report in the chosen format; the PDF is made in a worker thread."""
        model = self.model
        if model is None:
            return
        target = self.ctx.export_folder() / export_name(self.fmt, model.start, model.end)
        with Attempt(self, "Reading the paper size", self.ctx.journal) as attempt:
            paper = self.ctx.journal.setting("paper_size").lower()
        if attempt.failed:
            return
        self._status("Writing… ")
        self._export(model, self.fmt, paper if paper in ("a4", "letter") else "a4", target)

    @work(thread=True, exclusive=True, group="export", exit_on_error=False)
    def _export(self, model: ReportModel, fmt: str, paper: str, target: Path) -> None:
        from nervelog.storage.files import write_private

        try:
            if fmt == "pdf":
                from nervelog.render.pdf_report import render_pdf

                rendered = render_pdf(model, paper)
                data = rendered.data
                for warning in rendered.warnings:
                    self.app.call_from_thread(self.notify, warning, severity="warning", timeout=12)
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
                f"Summary range: {r.label}",
                f"Summarise {r.label} ({i})",
                partial(self.action_range, r.key),
            )
