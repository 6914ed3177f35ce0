"""Turn raw user or file values into valid models, reporting every problem at once."""

from __future__ import annotations

import re
from collections.abc import Mapping

import pendulum

from nervelog.domain.dates import DATE_FORMATS, is_valid_time, parse_day
from nervelog.domain.errors import Problem, ValidationError
from nervelog.domain.models import Entry, Session
from nervelog.domain.scores import SCORE_MAX, SCORE_MIN, SCORES, Scores

SCORE_ALLOWED = f"a whole number from {SCORE_MIN} to {SCORE_MAX}, or empty to skip"
DURATION_MIN, DURATION_MAX = 1, 600
SKIP_WORDS = frozenset({"", "skip", "skipped", "-", "null", "none"})

SESSION_FIELDS = (
    "date",
    "time",
    "kind",
    "duration_min",
    "provider",
    "body_areas",
    "notes",
    *(f"before_{s.value}" for s in SCORES),
    *(f"after_{s.value}" for s in SCORES),
)


class Collector:
    """Gathers problems while fields are parsed, so all can be reported together."""

    def __init__(self, line: int | None = None) -> None:
        self.line = line
        self.problems: list[Problem] = []

    def add(self, field: str, value: object, allowed: str) -> None:
        """Record one problem."""
        self.problems.append(Problem(field, value, allowed, self.line))

    def raise_if_any(self) -> None:
        """Raise a ``ValidationError`` holding every problem found so far."""
        if self.problems:
            raise ValidationError(self.problems)


def parse_score(value: object, field: str, problems: Collector) -> int | None:
    """A 0-10 score from an int or text; ``None`` for skipped. Records a problem if invalid."""
    if value is None:
        return None
    if isinstance(value, bool):
        problems.add(field, value, SCORE_ALLOWED)
        return None
    if isinstance(value, int):
        number = value
    elif isinstance(value, str):
        text = value.strip()
        if text.lower() in SKIP_WORDS:
            return None
        # Digits only: a sign (``-0``, ``--5``, ``+3``) is never part of a 0-10 score.
        if not text.isascii() or not text.isdigit():
            problems.add(field, value, SCORE_ALLOWED)
            return None
        number = int(text)
    else:
        problems.add(field, value, SCORE_ALLOWED)
        return None
    if not SCORE_MIN <= number <= SCORE_MAX:
        problems.add(field, value, SCORE_ALLOWED)
        return None
    return number


def parse_scores(raw: Mapping[str, object], prefix: str, problems: Collector) -> Scores:
    """Read the four scores named ``{prefix}{score}`` from ``raw``."""
    return Scores(
        **{
            s.value: parse_score(raw.get(prefix + s.value), prefix + s.value, problems)
            for s in SCORES
        }
    )


def parse_date_field(
    value: object, today: pendulum.Date, problems: Collector, field: str = "date"
) -> pendulum.Date | None:
    """A day from text or a pendulum date; records a problem if missing, invalid or future."""
    if isinstance(value, pendulum.Date):
        value = value.isoformat()  # one set of rules for typed and stored dates
    if not isinstance(value, str) or not value.strip():
        problems.add(field, value, f"a date as {DATE_FORMATS}")
        return None
    try:
        return parse_day(value, today, field)
    except ValidationError as exc:
        for p in exc.problems:
            problems.add(p.field, p.value, p.allowed)
        return None


# NUL is refused because CSV files holding it are indistinguishable from binary files
# (import refuses those), so a note with NUL could not come back byte-for-byte. Lone
# surrogates are bytes that were not valid UTF-8 (Python smuggles them in from the
# command line) and cannot be stored at all.
_UNSTORABLE = re.compile("[\x00\ud800-\udfff]")
STORABLE_TEXT = "text without NUL characters or bytes that are not UTF-8"


def unstorable(text: str) -> str | None:
    """Why ``text`` cannot be stored (NUL or invalid bytes), or None if it can."""
    found = _UNSTORABLE.search(text)
    if found is None:
        return None
    what = "a NUL character" if found.group() == "\x00" else "a byte that is not UTF-8"
    return f"{what} at character {found.start() + 1}"


def parse_text(value: object, field: str, problems: Collector) -> str:
    """Text as stored: any Unicode but NUL and bytes that are not UTF-8; None is empty."""
    if value is None:
        return ""
    if not isinstance(value, str):
        problems.add(field, value, "text")
        return ""
    reason = unstorable(value)
    if reason is not None:
        problems.add(field, reason, STORABLE_TEXT)
        return ""
    return value


def unknown_fields(raw: Mapping[str, object], known: tuple[str, ...]) -> list[Problem]:
    """A problem for every field name in ``raw`` that is not one of ``known``."""
    return [
        Problem("field", name, "one of " + ", ".join(known)) for name in raw if name not in known
    ]


def parse_entry(raw: Mapping[str, object], today: pendulum.Date, line: int | None = None) -> Entry:
    """Build an ``Entry`` from field values; raises ``ValidationError`` listing every problem."""
    problems = Collector(line)
    day = parse_date_field(raw.get("date"), today, problems)
    scores = parse_scores(raw, "", problems)
    notes = parse_text(raw.get("notes"), "notes", problems)
    problems.raise_if_any()
    assert day is not None
    return Entry(date=day, scores=scores, notes=notes)


def parse_body_areas(value: object, problems: Collector) -> tuple[str, ...]:
    """Body areas from a list or a ``;``-separated string; blanks dropped."""
    if value is None or value == "":
        return ()
    if isinstance(value, str):
        parts = value.split(";")
    elif isinstance(value, list | tuple) and all(isinstance(v, str) for v in value):
        parts = list(value)
    else:
        problems.add("body_areas", value, "a list of body areas, such as 'left foot; right hand'")
        return ()
    return tuple(p.strip() for p in parts if p.strip())


def parse_session(
    raw: Mapping[str, object], today: pendulum.Date, line: int | None = None
) -> Session:
    """Build a ``Session`` from field values; raises ``ValidationError`` listing every problem."""
    problems = Collector(line)
    day = parse_date_field(raw.get("date"), today, problems)
    kind = parse_text(raw.get("kind"), "kind", problems).strip()
    if not kind and "kind" not in {p.field for p in problems.problems}:
        problems.add("kind", raw.get("kind"), "a session kind such as massage or physiotherapy")
    time = parse_text(raw.get("time"), "time", problems).strip() or None
    if time is not None and not is_valid_time(time):
        problems.add("time", time, "a 24-hour time as HH:MM, or empty")
        time = None
    duration = _duration(raw.get("duration_min"), problems)
    provider = parse_text(raw.get("provider"), "provider", problems)
    areas = parse_body_areas(raw.get("body_areas"), problems)
    notes = parse_text(raw.get("notes"), "notes", problems)
    before = parse_scores(raw, "before_", problems)
    after = parse_scores(raw, "after_", problems)
    problems.raise_if_any()
    assert day is not None
    return Session(
        date=day,
        kind=kind,
        time=time,
        duration_min=duration,
        provider=provider,
        body_areas=areas,
        notes=notes,
        before=before,
        after=after,
    )


def _duration(value: object, problems: Collector) -> int | None:
    allowed = f"whole minutes from {DURATION_MIN} to {DURATION_MAX}, or empty"
    if value is None or (isinstance(value, str) and not value.strip()):
        return None
    number: int | None = None
    if isinstance(value, int) and not isinstance(value, bool):
        number = value
    elif isinstance(value, str) and value.strip().isascii() and value.strip().isdigit():
        number = int(value.strip())
    if number is None or not DURATION_MIN <= number <= DURATION_MAX:
        problems.add("duration_min", value, allowed)
        return None
    return number
