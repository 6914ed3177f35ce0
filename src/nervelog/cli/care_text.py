"""The medicines, doses, events and open questions of a range, for ``show`` and ``stats``."""

from __future__ import annotations

import pendulum

from nervelog.analysis.care import doses_per_week, medicine_changes
from nervelog.cli.format import plural
from nervelog.domain.dates import week_start_day
from nervelog.domain.printable import printable_line
from nervelog.storage.repository import Journal


def care_text(journal: Journal, start: pendulum.Date, end: pendulum.Date) -> str:
    """Medicine changes, as-needed doses per week, events (falls first) and open questions."""
    courses = journal.medicines.courses()
    lines = ["Medicines"]
    changes = medicine_changes(courses, start, end)
    now = [c for c in courses if c.current_on(end)]
    if now:
        taken = "; ".join(printable_line(c.label) for c in now)
        lines.append(f"  taken on {end}: {taken}")
    lines += [f"  {c.date}  {c.text()}" for c in changes]
    if not now and not changes:
        lines.append("  none recorded in this range")
    week_start = week_start_day(journal.setting("week_start"))
    weekly = doses_per_week(journal.medicines.doses(start, end), courses, week_start)
    if weekly:
        lines += ["", "As-needed doses per week"]
        for week in weekly:
            counts = ", ".join(f"{name} {n}" for name, n in week.counts.items())
            lines.append(f"  week of {week.week}: {counts}")
    events = journal.events.list(start, end)
    falls = [e for e in events if e.kind.casefold() == "fall"]
    others = [e for e in events if e.kind.casefold() != "fall"]
    lines += ["", f"Events ({plural(len(falls), 'fall')})"]
    lines += [
        f"  {e.date}  {printable_line(e.kind)}: {printable_line(e.text)}" for e in falls + others
    ] or ["  none recorded in this range"]
    lines += ["", "Where it is felt"] + _map_lines(journal, start, end)
    questions = journal.questions.list()
    lines += ["", f"Open questions for the next appointment ({len(questions)})"]
    lines += [f"  - {printable_line(q.text)}" for q in questions] or ["  none"]
    return "\n".join(lines)


def _map_lines(journal: Journal, start: pendulum.Date, end: pendulum.Date) -> list[str]:
    from nervelog.analysis.body_map import map_story
    from nervelog.domain.body_map import MAPPED, region_text

    story = map_story(journal.maps.all(), start, end)
    if story.at_end is None:
        return ["  no map yet (nervelog map set SYMPTOM REGION...)"]
    lines = [f"  on {end} (map of {story.at_end.date}):"]
    for symptom in MAPPED:
        placement = story.at_end.of(symptom)
        where = ", ".join(region_text(r, s) for r, s in placement.items()) or "not marked"
        lines.append(f"    {symptom}: {where}")
    lines += [f"  {sentence}" for change in story.changes for sentence in change.sentences()]
    return lines
