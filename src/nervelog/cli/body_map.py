"""``nervelog map``: where numbness, tingling and pain are felt, and how that changed."""

from __future__ import annotations

import click
import pendulum

from nervelog.cli.context import EPILOG, current
from nervelog.cli.options import DATE_HELP, date_option, journal_command
from nervelog.domain.body_map import (
    GROUPS,
    MAPPED,
    MIDLINE,
    REGIONS,
    SymptomMap,
    parse_regions,
    parse_symptom,
    placement_lines,
    slug,
)
from nervelog.domain.dates import parse_day

NAMES_HELP = (
    "Regions: "
    + ", ".join(slug(r) for r in REGIONS)
    + f"; groups: {', '.join(GROUPS)}. Prefix left- or right- for one side "
    "(no prefix: both sides); lower-back takes no side."
)


@click.group("map", epilog=EPILOG)
def map_group() -> None:
    """Where numbness, tingling and pain are felt (a map holds until the next one).

    \b
    Example:
      nervelog map set tingling toes sole left-fingers
      nervelog map show
      nervelog map history
    """


@map_group.command("set", epilog=f"{NAMES_HELP}\n\n{EPILOG}")
@click.argument("symptom")
@click.argument("regions", nargs=-1)
@date_option("From which day: " + DATE_HELP)
@journal_command
def map_set(symptom: str, regions: tuple[str, ...], day: str) -> None:
    """Mark where SYMPTOM (numbness, tingling or pain) is felt now: exactly REGIONS.

    \b
    Example:  nervelog map set tingling toes sole left-fingers
    """
    ctx = current()
    name = parse_symptom(symptom)
    placement = parse_regions(regions)
    when = parse_day(day, ctx.clock.today(), "date")
    maps = ctx.journal().maps
    stored = maps.set_symptom(name, placement, when)
    click.echo(f"Map from {when}: " + placement_lines(stored)[MAPPED.index(name)])
    _later_maps_note(maps.all(), when)


def _later_maps_note(maps: list[SymptomMap], day: pendulum.Date) -> None:
    later = [m.date for m in maps if m.date > day]
    if later:
        click.echo(
            f"(A later map, from {later[0]}, still holds from its own day: update it too "
            "if this lasted.)"
        )


@map_group.command("clear", epilog=EPILOG)
@click.argument("symptom")
@date_option("From which day: " + DATE_HELP)
@journal_command
def map_clear(symptom: str, day: str) -> None:
    """Mark SYMPTOM as no longer felt anywhere.

    \b
    Example:  nervelog map clear pain
    """
    ctx = current()
    name = parse_symptom(symptom)
    when = parse_day(day, ctx.clock.today(), "date")
    maps = ctx.journal().maps
    maps.set_symptom(name, {}, when)
    click.echo(f"Map from {when}: {name} not marked anywhere.")
    _later_maps_note(maps.all(), when)


@map_group.command("show", epilog=EPILOG)
@date_option("The map holding on this day: " + DATE_HELP)
@click.option("--symptom", default=None, help="Draw this symptom's regions (default: each).")
@journal_command
def map_show(day: str, symptom: str | None) -> None:
    """Draw the map as it was on a day (today by default), with the regions by name.

    \b
    Example:  nervelog map show --date 2026-03-01 --symptom tingling
    """
    from nervelog.render.body_figure import figure_text

    ctx = current()
    when = parse_day(day, ctx.clock.today(), "date")
    wanted = parse_symptom(symptom) if symptom else None
    snapshot = ctx.journal().maps.on(when)
    if snapshot is None:
        click.echo(f"No map on {when} yet: nervelog map set SYMPTOM REGION... makes one.")
        return
    click.echo(f"Map made on {snapshot.date}, holding on {when}")
    chosen = [wanted] if wanted else [s for s in MAPPED if snapshot.of(s)]
    for name in chosen:
        click.echo(f"\n{name} (█ = felt there)")
        click.echo("\n".join(figure_text(snapshot.of(name))))
    click.echo("")
    click.echo("\n".join(placement_lines(snapshot)))
    if any(r in MIDLINE for s in MAPPED for r in snapshot.of(s)):
        click.echo("(the lower back is on the midline: it has no side)")


@map_group.command("history", epilog=EPILOG)
@journal_command
def map_history() -> None:
    """What changed on the map, and when.

    \b
    Example:  nervelog map history
    """
    from nervelog.analysis.body_map import map_story

    ctx = current()
    maps = ctx.journal().maps.all()
    if not maps:
        click.echo("No map yet: nervelog map set SYMPTOM REGION... makes one.")
        return
    for change in map_story(maps, None, ctx.clock.today()).changes:
        click.echo(change.short())
