"""The four daily scores, their wording and which direction counts as better."""

from __future__ import annotations

from enum import StrEnum
from typing import NamedTuple

SCORE_MIN = 0
SCORE_MAX = 10
RECALL_PERIOD = "over the last 24 hours, on average"


class Score(StrEnum):
    """One of the four 0-10 scores a person rates each day."""

    NUMBNESS = "numbness"
    TINGLING = "tingling"
    PAIN = "pain"
    MOBILITY = "mobility"

    @property
    def label(self) -> str:
        """Capitalised name for headings."""
        return self.value.capitalize()

    @property
    def low_anchor(self) -> str:
        """What 0 means on this scale."""
        return _ANCHORS[self][0]

    @property
    def high_anchor(self) -> str:
        """What 10 means on this scale."""
        return _ANCHORS[self][1]

    @property
    def higher_is_better(self) -> bool:
        """Mobility runs the other way from the three symptoms."""
        return self is Score.MOBILITY

    @property
    def direction(self) -> str:
        """The words shown wherever the score is charted or summarised."""
        return "higher is better" if self.higher_is_better else "lower is better"


_ANCHORS: dict[Score, tuple[str, str]] = {
    Score.NUMBNESS: ("no numbness", "no feeling at all"),
    Score.TINGLING: ("no tingling", "the most intense pins-and-needles imaginable"),
    Score.PAIN: ("no pain", "the worst pain imaginable"),
    Score.MOBILITY: ("unable to move about", "moving as freely as before the symptoms"),
}

SCORES: tuple[Score, ...] = tuple(Score)


class Scores(NamedTuple):
    """The four scores of a day or of a quick in-session rating; ``None`` means skipped.

    A named tuple in ``SCORES`` order: immutable, and iterated in the order the scores
    are shown.
    """

    numbness: int | None = None
    tingling: int | None = None
    pain: int | None = None
    mobility: int | None = None

    def get(self, score: Score) -> int | None:
        """The value of one score, or ``None`` when it was skipped."""
        # A StrEnum member is its value as a str; skipping ``.value`` (an Enum property)
        # halves the cost, and analysis calls this hundreds of thousands of times.
        value: int | None = getattr(self, score)
        return value

    def replace(self, **changes: int | None) -> Scores:
        """A copy with some scores changed."""
        values = {s.value: self.get(s) for s in SCORES}
        values.update(changes)
        return Scores(**values)

    def as_dict(self) -> dict[str, int | None]:
        """Score name to value, in display order."""
        return {s.value: self.get(s) for s in SCORES}

    @property
    def is_empty(self) -> bool:
        """True when every score was skipped."""
        return all(self.get(s) is None for s in SCORES)
