"""Named phases of the journal ("weekly massage", from one day to another): ``journal.phases``."""

from __future__ import annotations

from nervelog.domain.dates import parse_iso_date
from nervelog.domain.models import Phase
from nervelog.storage import records
from nervelog.storage.rows import Row


def phase_to_row(phase: Phase) -> Row:
    """A phase as a database row."""
    return {
        "id": phase.id,
        "name": phase.name,
        "start": phase.start.isoformat(),
        "end": phase.end.isoformat(),
    }


def phase_from_row(row: Row) -> Phase:
    """A phase from a database row."""
    return Phase(
        id=row["id"],
        name=row["name"],
        start=parse_iso_date(row["start"]),
        end=parse_iso_date(row["end"]),
    )


class Phases(records.JournalPart):
    """The journal's named phases (``journal.phases``)."""

    def list(self) -> list[Phase]:
        """All named phases, by start date."""
        return [phase_from_row(r) for r in self.db.query("SELECT * FROM phase ORDER BY start, id")]

    def add(self, phase: Phase) -> Phase:
        """Store a new phase; returns it with its id."""
        row = {**phase_to_row(phase), "id": None}
        return phase._replace(id=self._insert("phase", row))

    def delete(self, phase_id: int) -> bool:
        """Delete a phase; returns False if there was none."""
        return self._delete("phase", phase_id)
