"""Run the CLI as a user would, through click's runner, with a fixed clock."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

import pytest
from click.testing import CliRunner, Result

from nervelog.cli import CliContext, cli
from nervelog.domain.dates import FixedClock

Run = Callable[..., Result]


@pytest.fixture
def run(journal_path: Path, clock: FixedClock) -> Run:
    """Invoke ``nervelog --db <tmp journal> ARGS`` and return click's result."""

    def invoke(*args: str, input: str | bytes | None = None, db: bool = True) -> Result:
        prefix = ["--db", str(journal_path)] if db else []
        return CliRunner().invoke(
            cli, [*prefix, *args], input=input, obj=CliContext(clock=clock), catch_exceptions=False
        )

    return invoke
