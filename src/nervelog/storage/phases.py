"""Named phases of the journal ("weekly massage", from one day to another): ``journal.phases``."""

from __future__ import annotations

from nervelog.domain.models import Phase
from nervelog.storage import records
from nervelog.storage.kinds import PHASE
from nervelog.storage.rows import from_row, to_row


class Phases(records.JournalPart):
    """The journal's named phases (``journal.phases``)."""

    def list(self) -> list[Phase]:
        """All named phases, by start date."""
        return [from_row(Phase, r) for r in records.select(self.db, PHASE, order_by="start, id")]

    def add(self, phase: Phase) -> Phase:
        """Store a new phase; returns it with its id."""
        return from_row(Phase, self._insert(PHASE, {**to_row(phase), "id": None}))

    def delete(self, phase_id: int) -> bool:
        """Delete a phase; returns False if there was none."""
        return self._delete(PHASE, phase_id)
