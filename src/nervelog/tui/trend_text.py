"""The words around the trends chart: the range bar, the key, change and session figures."""

from __future__ import annotations

from rich.text import Text

from nervelog.analysis import NO_BASELINE_NOTE, RESPONSE_LABEL, change_and_swing, signed
from nervelog.domain.scores import Score
from nervelog.domain.text import one_line
from nervelog.render.terminal_chart import (
    DAILY_MARKER,
    EVENT_MARKER,
    MEDICINE_MARKER,
    value_marker,
)
from nervelog.render.timeline import kind_letters
from nervelog.tui.ranges import TREND_RANGES
from nervelog.tui.trend_data import TrendView


def range_bar(selected: str, scores: tuple[Score, ...]) -> Text:
    """``Range: 2w 1m [3m] 6m 12m all`` with the keys, and which scores are shown."""
    text = Text("Range ")
    for i, r in enumerate(TREND_RANGES, start=1):
        label = f"{i}:{r.key}"
        if r.key == selected:
            text.append(f"[{label}]", style="bold reverse")
        else:
            text.append(f" {label} ", style="dim")
    shown = "all four scores" if len(scores) > 1 else scores[0].value
    text.append(f"  · v: {shown}")
    return text


def figures_text(view: TrendView, scores: tuple[Score, ...]) -> Text:
    """Key, coverage, the change beside the day-to-day swing, and session response, with
    every n."""
    text = Text()
    days = (view.end - view.start).days + 1
    text.append(
        f"{view.start.format('D MMM YYYY')} – {view.end.format('D MMM YYYY')}\n"
        f"{view.logged} of {days} days logged\n",
        style="bold",
    )
    text.append("Key: ")
    text.append("  ".join(f"{value_marker(s)} {s.value}" for s in scores))
    letters = kind_letters(view.session_kinds)
    kinds = ", ".join(f"{letter[0].lower()} {one_line(k, 20)}" for k, letter in letters.items())
    text.append(
        f"\nlines = weekly means (weeks with 4+ values); {DAILY_MARKER} = daily values "
        "(averaged when a column holds several days; left out when a column averages a "
        f"week or more). Under the chart: sessions by kind ({kinds or 'none'}); "
        f"{MEDICINE_MARKER} = medicine started, changed or stopped, {EVENT_MARKER} = event\n",
        style="dim",
    )
    if view.medicine_changes or view.events:
        text.append("\nMedicines and events\n", style="bold")
        for medicine in view.medicine_changes:
            text.append(f"{MEDICINE_MARKER} {medicine.date.format('D MMM')}  {medicine.text()}\n")
        for event in view.events:
            what = f"{one_line(event.kind, 12)}: {one_line(event.text, 40)}"
            text.append(f"{EVENT_MARKER} {event.date.format('D MMM')}  {what}\n")
    sides = view.changes[scores[0]].sides
    text.append(f"\nChange, {sides}\n" if sides else "\nChange\n", style="bold")
    for score in scores:
        line = change_and_swing(view.changes[score], view.swings[score])
        text.append(f"{score.value} ({score.direction}): {line}\n")
    if not view.baseline:
        text.append(f"{NO_BASELINE_NOTE}\n", style="italic")
    text.append("\nAround sessions: 3 days after minus 3 days before\n", style="bold")
    text.append(f"{RESPONSE_LABEL}\n", style="italic dim")
    if not view.kinds:
        text.append("No sessions in this range.\n")
    for kind in view.kinds:
        plural = "" if kind.sessions == 1 else "s"
        text.append(f"{one_line(kind.kind, 30)} ({kind.sessions} session{plural})\n")
        parts = []
        for score in scores:
            moved = kind.scores[score].window_change
            parts.append(f"{value_marker(score)} {signed(moved.mean)} (n {moved.n})")
        text.append("  " + "  ".join(parts) + "\n")
    return text
