"""Named phases of the journal ("weekly massage", from one day to another): ``journal.phases``."""

from __future__ import annotations

from nervelog.domain.models import Phase
from nervelog.storage import records
from nervelog.storage.kinds import PHASE


class Phases(records.JournalPart[Phase]):
    """The journal's named phases (``journal.phases``)."""

    kind, record = PHASE, Phase

    def list(self) -> list[Phase]:
        """All named phases, by start date."""
        return self.where()
