"""Fixtures for the app: a journal (empty or the demo), a fixed clock, and a built app."""

from __future__ import annotations

from collections.abc import Callable

import pytest

from nervelog.domain.dates import FixedClock
from nervelog.storage import Journal, memory_journal
from nervelog.storage.demo import load_demo
from nervelog.tui.app import WELCOMED, NervelogApp


@pytest.fixture
def demo(clock: FixedClock) -> Journal:
    """The demo journal (last day yesterday), already past the first-run welcome."""
    journal = memory_journal(clock)
    load_demo(journal)
    journal.set_setting(WELCOMED, "yes")
    return journal


@pytest.fixture
def welcomed(journal: Journal) -> Journal:
    """An empty journal whose user has already seen the welcome."""
    journal.set_setting(WELCOMED, "yes")
    return journal


@pytest.fixture
def make_app(clock: FixedClock) -> Callable[[Journal], NervelogApp]:
    """Build the app on a journal with the fixed clock."""

    def build(journal: Journal) -> NervelogApp:
        return NervelogApp(journal, clock)

    return build
