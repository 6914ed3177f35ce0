"""``nervelog report``: the summary to print or email to a doctor (PDF, text, Markdown)."""

from __future__ import annotations

from pathlib import Path

import click
import pendulum

from nervelog.cli.context import EPILOG, current, range_options, resolve_range
from nervelog.cli.options import force_option, journal_command, out_option, write_out
from nervelog.storage.repository import Journal

FORMATS = ("pdf", "text", "md")
PAPERS = ("a4", "letter")
DEFAULT_LAST = "90d"


def default_pdf_name(start: pendulum.Date, end: pendulum.Date) -> Path:
    """``nervelog-summary-2026-08-25-to-2026-11-22.pdf`` in the current folder."""
    return Path(f"nervelog-summary-{start.isoformat()}-to-{end.isoformat()}.pdf")


def report_bytes(
    fmt: str,
    start: pendulum.Date,
    end: pendulum.Date,
    *,
    name: str | None,
    paper: str | None,
    daily: bool,
) -> bytes:
    """Build the report of the current journal in one format, as bytes to write.

    The render modules (and with them fpdf2 and plotext) are imported here so other
    commands never pay for them. A script no font on this machine has is named on
    standard error, with how to add a font for it.
    """
    from nervelog.render.report_model import build_report

    journal = current().journal()
    model = build_report(journal, start, end, name=name, include_daily=daily)
    if fmt == "pdf":
        from nervelog.render.pdf_report import render_pdf

        rendered = render_pdf(model, _paper(paper, journal))
        for warning in rendered.warnings:
            click.echo(f"nervelog: {warning}", err=True)
        return rendered.data
    from nervelog.render.text_report import render_markdown, render_text

    render = render_markdown if fmt == "md" else render_text
    return render(model).encode("utf-8")


def _paper(chosen: str | None, journal: Journal) -> str:
    """The paper asked for, else the paper_size setting, else A4."""
    paper = (chosen or journal.setting("paper_size") or "a4").lower()
    return paper if paper in PAPERS else "a4"


@click.command("report", epilog=EPILOG)
@range_options(DEFAULT_LAST)
@click.option(
    "--format",
    "fmt",
    type=click.Choice(FORMATS),
    default="pdf",
    show_default=True,
    help="pdf: for printing; text: 80 columns; md: Markdown.",
)
@out_option(
    "File to write (created private, 0600). Default: a PDF named after the range "
    "in the current folder; text and md go to standard output."
)
@click.option(
    "--paper",
    type=click.Choice(PAPERS, case_sensitive=False),
    default=None,
    help="PDF paper size (default: the paper_size setting, else a4).",
)
@click.option("--name", default=None, help="Name printed on the report (default: display_name).")
@click.option("--daily", is_flag=True, help="Add a table of every day's scores.")
@force_option
@journal_command
def report(
    from_: str | None,
    to_: str | None,
    last: str | None,
    fmt: str,
    out: Path | None,
    paper: str | None,
    name: str | None,
    daily: bool,
    force: bool,
) -> None:
    """Make the one-page summary for your doctor, plus session list and notes.

    \b
    Examples:
      nervelog report                       PDF of the last 90 days
      nervelog report --last 6m --paper letter
      nervelog report --format text | less
    """
    ctx = current()
    start, end = resolve_range(from_, to_, last, ctx.clock.today(), DEFAULT_LAST)
    data = report_bytes(fmt, start, end, name=name, paper=paper, daily=daily)
    if out is None and fmt != "pdf":
        click.echo(data.decode("utf-8"), nl=False)
        return
    target = out if out is not None else default_pdf_name(start, end)
    write_out(target, data, force=force)
    click.echo(f"Wrote {target}")
