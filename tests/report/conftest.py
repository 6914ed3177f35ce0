"""Report fixtures: the demo journal at a fixed moment, and PDF text helpers."""

from __future__ import annotations

import io
from collections.abc import Callable

import pendulum
import pytest
from pypdf import PdfReader

from nervelog.domain.dates import FixedClock
from nervelog.storage import Journal, memory_journal
from nervelog.storage.demo import load_demo

# The default report range at the fixed "today": the last 90 days.
END = pendulum.date(2026, 11, 22)
START = END.subtract(days=89)


@pytest.fixture
def report_range() -> tuple[pendulum.Date, pendulum.Date]:
    """The last 90 days up to the fixed today, as ``nervelog report`` defaults to."""
    return START, END


@pytest.fixture
def demo(clock: FixedClock) -> Journal:
    """The shipped demo journal, shifted so its last day is 2026-11-21."""
    journal = memory_journal(clock)
    load_demo(journal)
    return journal


def _pdf_pages(data: bytes) -> list[str]:
    return [page.extract_text() for page in PdfReader(io.BytesIO(data)).pages]


@pytest.fixture
def pdf_pages() -> Callable[[bytes], list[str]]:
    """The text of each page of a PDF, as pypdf extracts it."""
    return _pdf_pages
