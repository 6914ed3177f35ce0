"""nervelog's performance table: whole-process timings on synthetic 1/3/10-year journals.

Not part of the test suite (this machine is noisy; ratios to baselines measured in the
same run are what count). Usage:

    .venv/bin/python benchmarks/run.py           # full run (median of 9)
    .venv/bin/python benchmarks/run.py --quick   # median of 7, fewer cases, < 3 minutes
"""

from __future__ import annotations

import argparse
import json
import os
import resource
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from pathlib import Path

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE))

from synthetic import build_journal  # noqa: E402

PY = sys.executable
BIN = Path(PY).parent
NERVELOG = [str(BIN / "nervelog")] if (BIN / "nervelog").exists() else [PY, "-m", "nervelog"]
HEAVY = ("textual", "textual_plotext", "plotext", "fpdf", "matplotlib")


@dataclass
class Row:
    """One line of the table."""

    what: str
    seconds: float | None
    budget: str = ""
    ok: bool | None = None
    note: str = ""


def median_time(command: Sequence[str], runs: int, env: dict[str, str] | None = None) -> float:
    """Median wall time of running ``command`` to completion ``runs`` times."""
    times = []
    for _ in range(runs):
        start = time.perf_counter()
        subprocess.run(command, check=True, capture_output=True, env=env)
        times.append(time.perf_counter() - start)
    return statistics.median(times)


def median_of(func: Callable[[], float], runs: int) -> float:
    """Median of a function that returns its own measured seconds."""
    return statistics.median(func() for _ in range(runs))


def log_imports(journal: Path) -> list[str]:
    """Heavy modules loaded by a real ``nervelog log`` run (should be none)."""
    code = (
        "import sys, json\nfrom nervelog.cli import main\n"
        f"sys.argv=['nervelog','--db',{str(journal)!r},'log','--pain','3']\n"
        "try:\n    main()\nexcept SystemExit:\n    pass\n"
        f"print(json.dumps([m for m in {HEAVY!r} if m in sys.modules]))"
    )
    out = subprocess.run([PY, "-c", code], check=True, capture_output=True, text=True).stdout
    loaded: list[str] = json.loads(out.strip().splitlines()[-1])
    return loaded


def bench_log(rows: list[Row], journal: Path, runs: int) -> None:
    """`nervelog log` against python startup and the stack's import floor."""
    bare = median_time([PY, "-c", "pass"], runs)
    floor = median_time([PY, "-c", "import sqlite_utils, pendulum, click, platformdirs"], runs)
    log = median_time([*NERVELOG, "--db", str(journal), "log", "--pain", "3"], runs)
    loaded = log_imports(journal)
    rows.append(Row("python -c pass", bare))
    rows.append(Row("import floor (sqlite_utils, pendulum, click, platformdirs)", floor))
    rows.append(
        Row(
            "nervelog log --pain 3 (10 y)",
            log,
            f"<= 1.3x floor ({log / floor:.2f}x)",
            log <= 1.3 * floor and not loaded,
            "heavy modules: " + (", ".join(loaded) or "none"),
        )
    )


def bench_transfer(rows: list[Row], journal: Path, work: Path, runs: int) -> None:
    """Export and import of the 10-year journal, JSON and CSV."""
    for fmt, name in (("json", "journal.json"), ("entries-csv", "entries.csv")):
        out = work / name
        t = median_time(
            [*NERVELOG, "--db", str(journal), "export", "--format", fmt, "--out", str(out)], runs
        )
        rows.append(Row(f"export {fmt} (10 y)", t, "<= 2 s", t <= 2.0))

        def one_import(source: Path = out) -> float:
            target = work / "import-target.sqlite3"
            for suffix in ("", "-wal", "-shm"):
                Path(f"{target}{suffix}").unlink(missing_ok=True)
            start = time.perf_counter()
            subprocess.run(
                [*NERVELOG, "--db", str(target), "import", str(source)],
                check=True,
                capture_output=True,
            )
            return time.perf_counter() - start

        t = median_of(one_import, runs)
        rows.append(Row(f"import {fmt} into empty journal (10 y)", t, "<= 2 s", t <= 2.0))


def bench_report(rows: list[Row], journal: Path, work: Path, runs: int, quick: bool) -> None:
    """`nervelog report` as PDF and text for 90 days, 1 year and 10 years."""
    spans = [("90d", None, None), ("365d", 1.5, 0.5), ("3650d", 2.5, 0.5)]
    for span, pdf_budget, _text_budget in spans:
        out = work / f"report-{span}.pdf"
        t = median_time(
            [*NERVELOG, "--db", str(journal), "report", "--last", span, "--out", str(out)], runs
        )
        budget = f"<= {pdf_budget} s" if pdf_budget else ""
        rows.append(
            Row(
                f"report pdf --last {span}",
                t,
                budget,
                None if pdf_budget is None else t <= pdf_budget,
            )
        )
        t = median_time(
            [*NERVELOG, "--db", str(journal), "report", "--last", span, "--format", "text"], runs
        )
        rows.append(Row(f"report text --last {span}", t, "<= 0.5 s", t <= 0.5))


def tui_probe(kind: str, journal: Path | None) -> tuple[float, int]:
    """Seconds until the first screen is ready, and the child's peak RSS in KiB."""
    args = [PY, str(HERE / "tui_start.py"), kind]
    if journal is not None:
        args.append(str(journal))
    before = resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss
    start = time.perf_counter()
    subprocess.run(
        args, check=True, capture_output=True, env={**os.environ, "TERM": "xterm-256color"}
    )
    elapsed = time.perf_counter() - start
    rss = resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss
    return elapsed, max(rss, before)


def bench_tui(rows: list[Row], journals: dict[int, Path], runs: int) -> None:
    """TUI start until the check-in shows, headless, against bare Textual baselines."""
    bare = median_of(lambda: tui_probe("bare", None)[0], runs)
    floor = median_of(lambda: tui_probe("floor", None)[0], runs)
    rows.append(Row("bare Textual app, first frame (headless)", bare))
    rows.append(Row("stack-floor Textual app, first frame (headless)", floor))
    for years, path in journals.items():
        t = median_of(lambda p=path: tui_probe("nervelog", p)[0], runs)  # type: ignore[misc]
        rows.append(
            Row(
                f"nervelog check-in shown (headless, {years} y)",
                t,
                f"<= 1.3x floor ({t / floor:.2f}x; {t / bare:.2f}x bare)",
                t <= 1.3 * floor,
            )
        )


def print_table(rows: list[Row]) -> None:
    """The results table, one row per figure."""
    width = max(len(r.what) for r in rows)
    print(f"{'what'.ljust(width)}  {'median':>9}  budget")
    print("-" * (width + 40))
    for r in rows:
        seconds = "" if r.seconds is None else f"{r.seconds * 1000:7.0f} ms"
        mark = {True: "ok  ", False: "MISS", None: "    "}[r.ok]
        print(f"{r.what.ljust(width)}  {seconds:>9}  {mark} {r.budget} {r.note}".rstrip())


def main() -> None:
    """Build journals, run every measurement, print the table."""
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--quick", action="store_true", help="median of 7 and fewer cases")
    parser.add_argument("--runs", type=int, default=None, help="runs per figure (>= 7)")
    args = parser.parse_args()
    runs = max(7, args.runs or (7 if args.quick else 9))
    work = Path(tempfile.mkdtemp(prefix="nervelog-bench-"))
    try:
        journals = {y: build_journal(work / f"journal-{y}y.sqlite3", y) for y in (1, 3, 10)}
        ten = journals[10]
        rows: list[Row] = []
        log_copy = work / "log-copy.sqlite3"
        shutil.copy(ten, log_copy)
        bench_log(rows, log_copy, runs)
        bench_transfer(rows, ten, work, runs)
        bench_report(rows, ten, work, runs, args.quick)
        bench_tui(rows, journals, runs)
        print(
            f"\n{runs} runs per figure, python {sys.version.split()[0]}, {os.cpu_count()} cores\n"
        )
        print_table(rows)
    finally:
        shutil.rmtree(work, ignore_errors=True)


if __name__ == "__main__":
    main()
