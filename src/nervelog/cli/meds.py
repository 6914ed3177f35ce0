"""``nervelog med``: start, change and stop a medicine, log an as-needed dose, list them."""

from __future__ import annotations

import click

from nervelog.cli.context import EPILOG, RECORD_ID, current
from nervelog.cli.options import DATE_HELP, date_option, journal_command
from nervelog.domain.care import Medication
from nervelog.domain.care_validation import parse_dose, parse_medication
from nervelog.domain.dates import parse_day
from nervelog.domain.printable import printable_line


def course_text(m: Medication) -> str:
    """``pregabalin 75 mg, twice daily (medicine 3)``, printable."""
    how = "as needed" if m.as_needed else m.schedule.strip()
    return printable_line(f"{m.label}{', ' + how if how else ''} (medicine {m.id})")


@click.group(epilog=EPILOG)
def med() -> None:
    """Medicines: start, change the dose, stop, log an as-needed dose, list.

    \b
    Example:
      nervelog med start pregabalin --dose "75 mg" --schedule "twice daily"
      nervelog med change 1 --dose "150 mg"
      nervelog med start paracetamol --dose "500 mg" --as-needed
      nervelog med took paracetamol --amount "1 g"
    """


@med.command("start", epilog=EPILOG)
@click.argument("name")
@click.option("--dose", required=True, help='The dose as on the box, e.g. "75 mg".')
@click.option("--schedule", default="", help='How often, e.g. "twice daily".')
@click.option("--as-needed", is_flag=True, help="Taken when needed: log each dose with `took`.")
@click.option("--reason", default="", help="Why it was prescribed.")
@click.option("--note", default="", help="Anything else about it.")
@date_option("The day of the first dose: " + DATE_HELP)
@journal_command
def med_start(
    name: str, dose: str, schedule: str, as_needed: bool, day: str, reason: str, note: str
) -> None:
    """Start taking medicine NAME (from today, or --date).

    \b
    Example:  nervelog med start pregabalin --dose "75 mg" --schedule "twice daily"
    """
    ctx = current()
    raw = {
        "name": name,
        "dose": dose,
        "schedule": schedule,
        "as_needed": as_needed,
        "started": day,
        "reason": reason,
        "notes": note,
    }
    stored = ctx.journal().medicines.start(parse_medication(raw, ctx.clock.today()))
    click.echo(f"Started {course_text(stored)} on {stored.started}.")


@med.command("change", epilog=EPILOG)
@click.argument("medication_id", metavar="ID", type=RECORD_ID)
@click.option("--dose", required=True, help='The new dose, e.g. "150 mg".')
@click.option("--schedule", default=None, help="A new schedule (default: unchanged).")
@date_option("The day of the new dose: " + DATE_HELP)
@journal_command
def med_change(medication_id: int, dose: str, schedule: str | None, day: str) -> None:
    """Change the dose of medicine ID: the course stops and the next one starts that day.

    \b
    Example:  nervelog med change 1 --dose "150 mg" --date 2026-03-03
    """
    ctx = current()
    when = parse_day(day, ctx.clock.today(), "date")
    medicines = ctx.journal().medicines
    new = medicines.change(medication_id, dose, schedule, when)
    old = medicines.course(medication_id)
    before = printable_line(old.dose) if old else "?"
    click.echo(
        f"Changed {printable_line(new.name)} {before} → "
        f"{printable_line(new.dose)} on {when} (now medicine {new.id})."
    )


@med.command("stop", epilog=EPILOG)
@click.argument("medication_id", metavar="ID", type=RECORD_ID)
@click.option("--reason", default="", help="Why it was stopped (kept in its notes).")
@date_option("The day it was stopped (not taken from then on): " + DATE_HELP)
@journal_command
def med_stop(medication_id: int, day: str, reason: str) -> None:
    """Stop taking medicine ID (from today, or --date).

    \b
    Example:  nervelog med stop 2 --reason "dizzy"
    """
    ctx = current()
    when = parse_day(day, ctx.clock.today(), "date")
    stopped = ctx.journal().medicines.stop(medication_id, when, reason)
    click.echo(f"Stopped {course_text(stopped)} on {when}.")


@med.command("took", epilog=EPILOG)
@click.argument("medicine", metavar="NAME|ID")
@click.option("--time", metavar="HH:MM", default=None, help="When, 24-hour.")
@click.option("--amount", default="", help='How much, e.g. "1 g" (default: as usual).')
@click.option("--note", default="", help="Anything else about it.")
@date_option(DATE_HELP)
@journal_command
def med_took(medicine: str, day: str, time: str | None, amount: str, note: str) -> None:
    """Log one dose of an as-needed medicine, by its name or id.

    \b
    Example:  nervelog med took paracetamol --time 22:10 --amount "1 g"
    """
    ctx = current()
    today = ctx.clock.today()
    when = parse_day(day, today, "date")
    medicines = ctx.journal().medicines
    course = medicines.find_current(medicine, when)
    raw = {"medication": course.id, "date": when, "time": time, "amount": amount, "notes": note}
    dose = medicines.took(parse_dose(raw, today))
    at = f" at {dose.time}" if dose.time else ""
    amount_text = f", {printable_line(dose.amount)}" if dose.amount else ""
    click.echo(f"Logged a dose of {course_text(course)} on {dose.date}{at}{amount_text}.")


@med.command("list", epilog=EPILOG)
@click.option("--all", "everything", is_flag=True, help="Every course, with its dose changes.")
@journal_command
def med_list(everything: bool) -> None:
    """List the medicines taken now (or every course with --all).

    \b
    Example:  nervelog med list --all
    """
    from nervelog.analysis.care import medicine_changes
    from nervelog.cli.table import table

    medicines = current().journal().medicines
    courses = medicines.courses(current_only=not everything)
    if not courses:
        click.echo("No medicines recorded." if everything else "No medicines taken now.")
        return
    rows = [
        [
            str(m.id),
            printable_line(m.name),
            printable_line(m.dose),
            "as needed" if m.as_needed else printable_line(m.schedule),
            m.started.isoformat(),
            "–" if m.stopped is None else m.stopped.isoformat(),
        ]
        for m in courses
    ]
    headers = ["id", "medicine", "dose", "schedule", "from", "stopped"]
    click.echo(table(headers, rows, right=(0,)))
    if everything:
        click.echo("\nChanges:")
        for change in medicine_changes(courses):
            click.echo(f"  {change.date}  {change.text()}")
