"""The report's words, shared by the PDF, text and Markdown versions.

So the formats say the same thing in the same words: every figure with its n, an en
dash for nothing (never 0), the patient's text printable.
"""

from __future__ import annotations

from collections import Counter

from nervelog.analysis import NO_BASELINE_NOTE, Figure, change_and_swing, signed
from nervelog.analysis.care import how_taken
from nervelog.domain.body_map import MAPPED, region_text
from nervelog.domain.care import Event, Medication
from nervelog.domain.models import Session
from nervelog.domain.printable import printable, printable_line
from nervelog.domain.scores import SCORES, Score, Scores
from nervelog.render.report_model import ReportModel, is_fall


def plural(count: int, noun: str) -> str:
    """``1 session``, ``2 sessions``."""
    return f"{count} {noun}" if count == 1 else f"{count} {noun}s"


def figure_text(figure: Figure) -> str:
    """``5.2 (n=12)`` or an en dash."""
    return "–" if figure.mean is None else f"{figure.mean:.1f} (n={figure.n})"


def arrow_text(before: Figure, after: Figure) -> str:
    """``5.0 → 3.7 (n=6/6)`` or an en dash when either side is missing."""
    if before.mean is None or after.mean is None:
        return "–"
    return f"{before.mean:.1f} → {after.mean:.1f} (n={before.n}/{after.n})"


def ratings_text(scores: Scores) -> str:
    """In-session quick ratings, e.g. ``tingling 5, pain 6``; empty when none."""
    return ", ".join(f"{s.value} {v}" for s in SCORES if (v := scores.get(s)) is not None)


def session_details(session: Session) -> str:
    """Provider, body areas, quick ratings and notes of one session, printable."""
    parts: list[str] = []
    if session.provider.strip():
        parts.append(printable_line(session.provider.strip()))
    if session.body_areas:
        parts.append(printable_line(", ".join(session.body_areas)))
    before, after = ratings_text(session.before), ratings_text(session.after)
    if before or after:
        parts.append(f"rated before: {before or '–'}; after: {after or '–'}")
    if session.notes.strip():
        parts.append(printable(session.notes.strip()))
    return " · ".join(parts)


def session_when(session: Session) -> str:
    """``2026-10-03 10:30`` (time when recorded)."""
    return (
        f"{session.date.isoformat()} {session.time}" if session.time else session.date.isoformat()
    )


def duration_text(session: Session) -> str:
    """``45 min`` or an en dash."""
    return "–" if session.duration_min is None else f"{session.duration_min} min"


ARROW = {False: "↓", True: "↑"}
"""Which way is better, by ``Score.higher_is_better``."""
MAX_EVENTS_ON_PAGE_1 = 6


def score_with_arrow(score: Score) -> str:
    """``numbness ↓``: a score's name with the way that is better, for table cells."""
    return f"{score.value} {ARROW[score.higher_is_better]}"


def appointment_sections(model: ReportModel) -> list[tuple[str, list[str]]]:
    """Page 1's "For this appointment", in PRODUCT.md's order: each part's title and lines."""
    count = len(model.open_questions)
    return [
        (f"Questions the patient wants to ask ({count})", question_lines(model)),
        ("Medicines", medicine_lines(model)),
        (f"Notable events ({plural(model.falls, 'fall')})", event_lines(model)),
        (map_title(model), map_lines(model)),
    ]


def question_lines(model: ReportModel) -> list[str]:
    """The open questions, oldest first, as the patient wrote them."""
    if not model.open_questions:
        return ["No open questions recorded."]
    return [printable_line(q.text) for q in model.open_questions]


def medicine_lines(model: ReportModel) -> list[str]:
    """What is taken on the last day, the starts, changes and stops, and as-needed doses."""
    lines: list[str] = []
    if model.medicines_now:
        taken = "; ".join(_course_text(c) for c in model.medicines_now)
        lines.append(f"As of {model.end.isoformat()}: {taken}.")
    lines += [f"{c.date.isoformat()}: {c.text()}" for c in model.medicine_changes]
    totals: Counter[str] = Counter()
    for week in model.weekly_doses:
        totals.update(week.counts)
    if totals:
        counts = ", ".join(f"{name} {n}" for name, n in totals.items())
        # The weeks with a dose out of all the range's weeks: "in 9 weeks" alone read as
        # the length of the range, and so as a rate.
        with_doses, weeks = len(model.weekly_doses), _weeks_touched(model)
        lines.append(f"As-needed doses logged: {counts} (in {with_doses} of {weeks} weeks).")
    return lines or ["No medicines recorded for this range."]


def _weeks_touched(model: ReportModel) -> int:
    """How many weeks (as the report counts them) the range's days fall in."""
    first, last = (
        d.subtract(days=(d.weekday() - model.week_start) % 7) for d in (model.start, model.end)
    )
    return (last - first).days // 7 + 1


def _course_text(course: Medication) -> str:
    how = how_taken(course)
    label = printable_line(course.label)
    return f"{label}, {how}" if how else label


def event_lines(model: ReportModel) -> list[str]:
    """Events, falls first; past ``MAX_EVENTS_ON_PAGE_1`` (every fall is shown) a line
    says how many more are listed later."""
    if not model.events:
        return ["No notable events recorded (no falls)."]
    falls = model.falls
    shown = model.events[: max(MAX_EVENTS_ON_PAGE_1, falls)]
    lines = [f"{e.date.isoformat()} {event_kind(e)}: {printable_line(e.text)}" for e in shown]
    more = len(model.events) - len(shown)
    if more:
        lines.append(f"… and {more} more, listed under Events.")
    if not falls:
        lines.append("No falls recorded.")
    return lines


def event_kind(event: Event) -> str:
    """An event's kind as printed: a fall in capitals, so it is not missed."""
    kind = printable_line(event.kind.strip())
    return kind.upper() if is_fall(event) else kind


def map_lines(model: ReportModel) -> list[str]:
    """Where each symptom is felt at the end of the range, and each change in the range."""
    story = model.map_story
    if story is None or story.at_end is None:
        return ["No symptom map recorded."]
    lines = []
    for symptom in MAPPED:
        placement = story.at_end.of(symptom)
        where = ", ".join(region_text(r, side) for r, side in placement.items()) or "not marked"
        lines.append(f"{symptom}: {where}")
    # The first map's own "first marked in ..." would repeat the lines above; the title
    # gives its date instead (``map_title``).
    later = [c for c in story.changes if not c.first]
    lines += [sentence for change in later for sentence in change.sentences()]
    return lines


def map_title(model: ReportModel) -> str:
    """``Where symptoms are felt (map of 2026-11-08; first drawn 2026-06-15)``."""
    story = model.map_story
    if story is None or story.at_end is None:
        return "Where symptoms are felt"
    first = min((c.date for c in story.changes if c.first), default=None)
    since = "" if first is None else f"; first drawn {first.isoformat()}"
    return f"Where symptoms are felt (map of {story.at_end.date.isoformat()}{since})"


def figure_line(model: ReportModel, score: Score) -> str:
    """One score: direction, mean (n), the change with its n, and the usual swing.

    What the change compares is in ``figures_title``, said once for the four lines.
    """
    s = model.summary.scores[score]
    change = model.changes[score]
    mean = "no values" if s.mean is None else f"mean {s.mean:.1f} (n={s.n})"
    line = change_and_swing(change, model.swings[score])
    if change.percent is not None and not change.omitted and change.better is not None:
        # Only pain carries a percentage, beside the reference line printed under it.
        line = line.replace(", n=", f", {abs(change.percent):.0f}%, n=", 1)
    return f"{score.label} ({ARROW[score.higher_is_better]} better): {mean}; {line}"


def figures_title(model: ReportModel) -> str:
    """``The figures (change: first vs last 4 weeks)``."""
    sides = model.changes[SCORES[0]].sides
    return f"The figures (change: {sides})" if sides else "The figures"


def diary_lines(model: ReportModel) -> list[str]:
    """How the diary was kept: days logged of days in range, and when it was written."""
    s = model.summary
    percent = round(100 * s.days_logged / s.days_in_range) if s.days_in_range else 0
    lines = [
        f"Days logged: {s.days_logged} of {s.days_in_range} ({percent}%).",
        f"Recorded: {s.recorded.text()}.",
    ]
    if not model.baseline:
        lines.append(NO_BASELINE_NOTE)
    return lines


def around_lines(model: ReportModel) -> list[str]:
    """One line per kind of therapy: the mean change from before to after, with its n."""
    if not model.kind_responses:
        return ["No therapy sessions in this range."]
    lines = []
    for kind in model.kind_responses:
        figures = []
        for score in SCORES:
            moved = kind.scores[score].window_change
            if moved.mean is not None:
                figures.append(f"{score.value} {signed(moved.mean)} (n={moved.n})")
        name = printable_line(kind.kind)
        shown = ", ".join(figures) or "no scores on both sides"
        lines.append(f"{name} ({plural(kind.sessions, 'session')}): {shown}")
    swings = ", ".join(
        f"{s.value} {sw.median:.1f}" for s in SCORES if (sw := model.swings[s]).median is not None
    )
    days = plural(model.window, "day")
    lines.append(
        f"Each: the mean of the {days} after minus the {days} before, over session days "
        "with values on both sides (n); minus is lower after; lower is better except for "
        "mobility" + (f"; usual day-to-day swing: {swings}." if swings else ".")
    )
    return lines
