"""Named phases of the journal ("weekly massage", from one day to another): ``journal.phases``."""

from __future__ import annotations

from nervelog.domain.dates import parse_iso_date
from nervelog.domain.models import Phase
from nervelog.storage import records
from nervelog.storage.kinds import PHASE
from nervelog.storage.rows import Row, identity, identity_of


def phase_to_row(phase: Phase) -> Row:
    """A phase as a database row."""
    return {
        "id": phase.id,
        "name": phase.name,
        "start": phase.start.isoformat(),
        "end": phase.end.isoformat(),
        **identity(phase),
    }


def phase_from_row(row: Row) -> Phase:
    """A phase from a database row."""
    return Phase(
        id=row["id"],
        name=row["name"],
        start=parse_iso_date(row["start"]),
        end=parse_iso_date(row["end"]),
        **identity_of(row),
    )


class Phases(records.JournalPart):
    """The journal's named phases (``journal.phases``)."""

    def list(self) -> list[Phase]:
        """All named phases, by start date."""
        return [phase_from_row(r) for r in records.select(self.db, PHASE, order_by="start, id")]

    def add(self, phase: Phase) -> Phase:
        """Store a new phase; returns it with its id."""
        return phase_from_row(self._insert(PHASE, {**phase_to_row(phase), "id": None}))

    def delete(self, phase_id: int) -> bool:
        """Delete a phase; returns False if there was none."""
        return self._delete(PHASE, phase_id)
