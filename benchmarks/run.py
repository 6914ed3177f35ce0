"""nervelog's performance table: whole-process timings on synthetic 1/3/10-year journals.

Not part of the test suite: timings depend on the machine and on what else runs on it;
the baselines are measured in the same run, so the ratios hold anywhere. Usage (from the
project folder):

    .venv/bin/python benchmarks/run.py           # full run: 1, 3 and 10 years, median of 9
    .venv/bin/python benchmarks/run.py --quick   # the budgeted figures only, median of 7

Every figure is the median of at least 7 runs, after one discarded warm-up run (which
also writes the bytecode cache, as any installed copy has). See README, "Performance".
"""

from __future__ import annotations

import argparse
import json
import os
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from functools import partial
from pathlib import Path

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE))

from synthetic import build_journal  # noqa: E402
from tui_start import READY_TEXT, STACK  # noqa: E402

PY = sys.executable
BIN = Path(PY).parent
NERVELOG = [str(BIN / "nervelog")] if (BIN / "nervelog").exists() else [PY, "-m", "nervelog"]
HEAVY = ("textual", "textual_plotext", "plotext", "fpdf")
# sqlcipher3 is the SQLite library of every journal, plain or encrypted (nervelog.driver);
# sqlite-utils is the storage layer on top of it.
FLOOR_IMPORTS = "import sqlcipher3, sqlite_utils, pendulum, click, platformdirs"
# What a report needs on top: text width and plotext's charts for the text report;
# fpdf2 with its text shaping for the PDF.
TEXT_FLOOR_IMPORTS = FLOOR_IMPORTS + ", wcwidth, plotext"
PDF_FLOOR_IMPORTS = FLOOR_IMPORTS + ", wcwidth, fpdf, uharfbuzz"
# The peer for the command line: jrnl, in a virtualenv of its own (made on first use, so
# its dependencies never touch nervelog's), with a throwaway config that never prompts.
JRNL_VERSION = "4.6"
JRNL_VENV = HERE / ".jrnl-venv"
JRNL_CONFIG = """\
version: "{version}"
journals:
  default:
    journal: {journal}
editor: ""
encrypt: false
template: false
default_hour: 9
default_minute: 0
timeformat: "%F %r"
tagsymbols: "#@"
highlight: false
linewrap: 79
indent_character: "|"
colors: {{body: none, date: none, tags: none, title: none}}
"""
# Children run as an installed nervelog would: with a bytecode cache (a development
# shell may set PYTHONDONTWRITEBYTECODE, which would recompile nervelog on every run).
ENV = {k: v for k, v in os.environ.items() if k != "PYTHONDONTWRITEBYTECODE"}
ENV["TERM"] = "xterm-256color"
TMUX_SIZE = ("100", "30")


@dataclass
class Row:
    """One line of the table."""

    what: str
    value: float | None
    budget: str = ""
    ok: bool | None = None
    unit: str = "ms"
    measured: bool = True  # False: a budget that could not be measured in this run


def run_quiet(command: Sequence[str], env: dict[str, str] | None = None) -> None:
    """Run ``command`` to completion, failing loudly if it fails."""
    result = subprocess.run(command, capture_output=True, env={**ENV, **(env or {})}, check=False)
    if result.returncode != 0:
        raise SystemExit(f"{' '.join(command)} failed:\n{result.stderr.decode()[-2000:]}")


def timed(command: Sequence[str], env: dict[str, str] | None = None) -> float:
    """Seconds one run of ``command`` takes, start to exit."""
    start = time.perf_counter()
    run_quiet(command, env)
    return time.perf_counter() - start


def median_time(command: Sequence[str], runs: int) -> float:
    """Median wall time of ``runs`` runs of ``command``, after one warm-up run."""
    timed(command)
    return statistics.median(timed(command) for _ in range(runs))


def median_of(func: Callable[[], float], runs: int) -> float:
    """Median of a function that returns its own measured seconds, after one warm-up."""
    func()
    return statistics.median(func() for _ in range(runs))


def interleaved(funcs: dict[str, Callable[[], float]], runs: int) -> dict[str, float]:
    """Medians of several measurements taken in turn, one of each per round.

    A figure and its baselines are compared as ratios; taking them in turn means a burst
    of load from elsewhere on the machine hits all of them alike, not just one.
    """
    for func in funcs.values():
        func()  # warm-up
    times: dict[str, list[float]] = {name: [] for name in funcs}
    for _ in range(runs):
        for name, func in funcs.items():
            times[name].append(func())
    return {name: statistics.median(values) for name, values in times.items()}


# -- the command line: nervelog log and due against jrnl --------------------------------


def attempt(command: Sequence[str], env: dict[str, str] | None = None) -> str | None:
    """Run ``command``; None if it succeeded, else the last line it said."""
    try:
        result = subprocess.run(
            command, capture_output=True, text=True, env={**ENV, **(env or {})},
            stdin=subprocess.DEVNULL, timeout=900, check=False,
        )  # fmt: skip
    except (OSError, subprocess.TimeoutExpired) as error:
        return str(error)
    lines = (result.stderr or result.stdout).strip().splitlines()
    return None if result.returncode == 0 else (lines or [f"exit {result.returncode}"])[-1]


def jrnl_peer(work: Path) -> tuple[list[str], dict[str, str]] | str:
    """jrnl adding a one-line entry, and its environment; or why jrnl is not available."""
    jrnl = JRNL_VENV / "bin" / "jrnl"
    if not jrnl.exists():
        failed = (None if (JRNL_VENV / "bin" / "python").exists() else
                  attempt([PY, "-m", "venv", str(JRNL_VENV)]))  # fmt: skip
        failed = failed or attempt(
            [str(JRNL_VENV / "bin" / "python"), "-m", "pip", "install", "-q",
             "--disable-pip-version-check", f"jrnl=={JRNL_VERSION}"]
        )  # fmt: skip
        if failed:
            return failed
    home = work / "jrnl"
    (home / "jrnl").mkdir(parents=True)
    journal = home / "journal.txt"
    config = JRNL_CONFIG.format(version=JRNL_VERSION, journal=json.dumps(str(journal)))
    (home / "jrnl" / "jrnl.yaml").write_text(config, encoding="utf-8")
    env = {"HOME": str(home), "XDG_CONFIG_HOME": str(home), "XDG_DATA_HOME": str(home)}
    command = [str(jrnl), "today: feet tingling"]
    # One run first: it must exit 0 without prompting (no terminal to answer) and append.
    failed = attempt(command, env)
    if failed or "feet tingling" not in journal.read_text(encoding="utf-8"):
        return failed or "jrnl did not append the entry"
    return command, env


def log_imports(journal: Path) -> list[str]:
    """Heavy modules loaded by a real ``nervelog log`` run (should be none)."""
    code = (
        "import sys, json\nfrom nervelog.cli import main\n"
        f"sys.argv=['nervelog','--db',{str(journal)!r},'log','--pain','3']\n"
        "try:\n    main()\nexcept SystemExit:\n    pass\n"
        f"print(json.dumps([m for m in {HEAVY!r} if m in sys.modules]))"
    )
    out = subprocess.run(
        [PY, "-c", code], check=True, capture_output=True, text=True, env=ENV
    ).stdout
    loaded: list[str] = json.loads(out.strip().splitlines()[-1])
    return loaded


def encrypted_copy(journal: Path) -> tuple[Path, dict[str, str]]:
    """An encrypted copy of ``journal`` and the environment that unlocks it."""
    from nervelog.storage.cipher import convert

    target = journal.parent.parent / "encrypted" / journal.name
    target.parent.mkdir(exist_ok=True)
    shutil.copy(journal, target)
    convert(target, None, "benchmark passphrase")
    script = target.parent / "passphrase"
    script.write_text("#!/bin/sh\necho benchmark passphrase\n", encoding="utf-8")
    script.chmod(0o700)
    return target, {"NERVELOG_PASSPHRASE_COMMAND": str(script)}


def bench_cli(rows: list[Row], journal: Path, work: Path, runs: int, quick: bool) -> None:
    """`nervelog log` and `due` against jrnl adding an entry, measured in turn; a full run
    adds `med took`, an encrypted `log` and the stack's import floor, for information."""
    db = ["--db", str(journal)]
    funcs: dict[str, Callable[[], float]] = {
        "log": partial(timed, [*NERVELOG, *db, "log", "--pain", "3"]),
        "due": partial(timed, [*NERVELOG, *db, "due"]),
    }
    peer = jrnl_peer(work)
    if not isinstance(peer, str):
        funcs["jrnl"] = partial(timed, *peer)
    if not quick:
        run_quiet([*NERVELOG, *db, "med", "start", "paracetamol", "--dose", "1 g",
                   "--as-needed", "--date", "2016-01-01"])  # fmt: skip
        encrypted, unlock = encrypted_copy(journal)
        funcs["bare"] = partial(timed, [PY, "-c", "pass"])
        funcs["floor"] = partial(timed, [PY, "-c", FLOOR_IMPORTS])
        funcs["took"] = partial(timed, [*NERVELOG, *db, "med", "took", "paracetamol"])
        encrypted_log = [*NERVELOG, "--db", str(encrypted), "log", "--pain", "3"]
        funcs["encrypted"] = partial(timed, encrypted_log, unlock)
    medians = interleaved(funcs, runs)
    log = medians["log"]
    if isinstance(peer, str):
        rows.append(Row(f"jrnl not available: {peer}", None))
    else:
        rows.append(Row(f"jrnl {JRNL_VERSION} adding a one-line entry (the peer)", medians["jrnl"]))
    if not quick:
        floor, loaded = medians["floor"], log_imports(journal)
        rows.append(Row("python -c pass", medians["bare"]))
        rows.append(Row(f"import floor: {FLOOR_IMPORTS[7:]}", floor))
    for name, what, limit in (("log", "nervelog log --pain 3", 1.0), ("due", "nervelog due", 0.7)):
        t, budget = medians[name], f"<= {limit:.1f}x jrnl"
        info = "" if quick else f" ({t / floor:.2f}x the import floor)"
        if name == "log" and not quick:
            info += f"; heavy modules: {', '.join(loaded) or 'none'}"
        if "jrnl" in medians:
            ratio = t / medians["jrnl"]
            rows.append(Row(f"{what} (10 y)", t, f"{budget}: {ratio:.2f}x{info}", ratio <= limit))
        else:
            rows.append(Row(f"{what} (10 y)", t, f"{budget}: not measured{info}", measured=False))
    if not quick:
        took, enc = medians["took"], medians["encrypted"]
        rows.append(Row("nervelog med took paracetamol (10 y)", took, f"{took / floor:.2f}x floor"))
        rows.append(Row("nervelog log --pain 3, encrypted (10 y)", enc, f"{enc / log:.2f}x plain"))


# -- import / export --------------------------------------------------------------------


def bench_transfer(rows: list[Row], journal: Path, work: Path, runs: int) -> None:
    """Export and import of the 10-year journal, JSON and CSV."""
    for fmt, name in (("json", "journal.json"), ("entries-csv", "entries.csv")):
        out = work / name
        t = median_time(
            [
                *NERVELOG,
                "--db",
                str(journal),
                "export",
                "--format",
                fmt,
                "--out",
                str(out),
                "--force",
            ],
            runs,
        )
        rows.append(Row(f"export {fmt} (10 y)", t, "<= 2 s", t <= 2.0))

        def one_import(source: Path = out) -> float:
            target = work / "import-target.sqlite3"
            for suffix in ("", "-wal", "-shm"):
                Path(f"{target}{suffix}").unlink(missing_ok=True)
            shutil.rmtree(work / "backups", ignore_errors=True)
            return timed([*NERVELOG, "--db", str(target), "import", str(source)])

        t = median_of(one_import, runs)
        rows.append(Row(f"import {fmt} into an empty journal (10 y)", t, "<= 2 s", t <= 2.0))


# -- reports ----------------------------------------------------------------------------


def bench_report(rows: list[Row], journal: Path, work: Path, runs: int, quick: bool) -> None:
    """`nervelog report` as PDF and text against the import floors of the stacks they need,
    measured in turn with them. The budget is ten years'; a full run adds 90 days and a year."""
    spans = ("3650d",) if quick else ("90d", "365d", "3650d")
    funcs: dict[str, Callable[[], float]] = {
        "pdf floor": partial(timed, [PY, "-c", PDF_FLOOR_IMPORTS]),
        "text floor": partial(timed, [PY, "-c", TEXT_FLOOR_IMPORTS]),
    }
    for span in spans:
        base = [*NERVELOG, "--db", str(journal), "report", "--last", span]
        funcs[f"pdf {span}"] = partial(
            timed, [*base, "--force", "--out", str(work / f"report-{span}.pdf")]
        )
        funcs[f"text {span}"] = partial(timed, [*base, "--format", "text"])
    medians = interleaved(funcs, runs)
    pdf_floor, text_floor = medians["pdf floor"], medians["text floor"]
    rows.append(Row(f"PDF import floor: {PDF_FLOOR_IMPORTS[7:]}", pdf_floor))
    rows.append(Row(f"text report import floor: {TEXT_FLOOR_IMPORTS[7:]}", text_floor))
    for span in spans:
        size = (work / f"report-{span}.pdf").stat().st_size // 1024
        for kind, floor, note in (("pdf", pdf_floor, f", {size} KiB"), ("text", text_floor, "")):
            t = medians[f"{kind} {span}"]
            what, ratio = f"report {kind} --last {span}", f"{t / floor:.2f}x"
            if span == "3650d":
                rows.append(Row(what, t, f"<= 3x floor: {ratio}{note}", t <= 3 * floor))
            else:
                rows.append(Row(what, t, f"{ratio} floor{note}"))


# -- TUI start ---------------------------------------------------------------------------


def headless_start(kind: str, journal: Path | None) -> float:
    """Seconds until the first screen is drawn, headless, for one fresh process."""
    args = [PY, str(HERE / "tui_start.py"), kind]
    if journal is not None:
        args.append(str(journal))
    return timed(args)


class Tmux:
    """A private tmux server: start a command in a real terminal, time its first screen."""

    def __init__(self) -> None:
        self.base = ["tmux", "-L", f"nervelog-bench-{os.getpid()}", "-f", "/dev/null"]
        # A session that stays up, so each measured start only creates a window.
        self._tmux("new-session", "-d", "-s", "keep", "sleep 86400")
        self.count = 0

    def _tmux(self, *args: str) -> subprocess.CompletedProcess[str]:
        return subprocess.run(
            [*self.base, *args], capture_output=True, text=True, env=ENV, check=False
        )

    def start(self, command: Sequence[str], ready: str, timeout: float = 30.0) -> float:
        """Seconds from starting ``command`` in a 100x30 terminal until ``ready`` shows."""
        self.count += 1
        name = f"run{self.count}"
        line = " ".join(_quote(part) for part in command)
        start = time.perf_counter()
        self._tmux("new-session", "-d", "-s", name, "-x", TMUX_SIZE[0], "-y", TMUX_SIZE[1], line)
        try:
            while True:
                screen = self._tmux("capture-pane", "-p", "-t", name).stdout
                elapsed = time.perf_counter() - start
                if ready in screen:
                    return elapsed
                if elapsed > timeout:
                    raise SystemExit(f"{line!r} did not show {ready!r}:\n{screen}")
                time.sleep(0.005)
        finally:
            self._tmux("kill-session", "-t", name)

    def close(self) -> None:
        """Stop this benchmark's tmux server (and only it)."""
        self._tmux("kill-server")


def _quote(part: str) -> str:
    return "'" + part.replace("'", "'\\''") + "'"


def bench_tui(rows: list[Row], journals: dict[int, Path], runs: int, quick: bool) -> None:
    """TUI start until the check-in shows, in tmux (and, in a full run, headless), against
    the bare Textual app started after importing nervelog's stack (and without it)."""
    if not quick:
        headless: dict[str, Callable[[], float]] = {
            "bare": lambda: headless_start("bare", None),
            "floor": lambda: headless_start("floor", None),
        }
        for years, path in journals.items():
            headless[f"{years}"] = lambda p=path: headless_start("nervelog", p)  # type: ignore[misc]
        _tui_rows(rows, "headless", interleaved(headless, runs), journals)
    if shutil.which("tmux") is None:
        rows.append(Row("nervelog check-in shown (tmux, 10 y)", None,
                        "<= 1.3x the stack-floor app: tmux not installed", measured=False))  # fmt: skip
        return
    tmux = Tmux()
    try:
        start = HERE / "tui_start.py"
        real: dict[str, Callable[[], float]] = {
            "floor": lambda: tmux.start([PY, str(start), "floor", "--terminal"], READY_TEXT),
        }
        if not quick:
            real["bare"] = lambda: tmux.start([PY, str(start), "bare", "--terminal"], READY_TEXT)
        for years, path in journals.items():
            command = [*NERVELOG, "--db", str(path)]
            real[f"{years}"] = lambda c=command: tmux.start(c, "Mobility")  # type: ignore[misc]
        if not quick:
            # Textual's footer fills in its keys a frame or two after the screen: say when.
            command = [*NERVELOG, "--db", str(journals[10])]
            real["footer"] = lambda: tmux.start(command, "q Quit")
        medians = interleaved(real, runs)
    finally:
        tmux.close()
    _tui_rows(rows, "tmux", medians, journals)


def _tui_rows(
    rows: list[Row], how: str, medians: dict[str, float], journals: dict[int, Path]
) -> None:
    floor = medians["floor"]
    if "bare" in medians:
        rows.append(Row(f"bare Textual app, first screen ({how})", medians["bare"]))
    rows.append(Row(f"stack-floor Textual app: import {', '.join(STACK)} ({how})", floor))
    for years in journals:
        t, what = medians[f"{years}"], f"nervelog check-in shown ({how}, {years} y)"
        if how == "tmux" and years == 10:
            budget = f"<= 1.3x the stack-floor app: {t / floor:.2f}x"
            rows.append(Row(what, t, budget, t <= 1.3 * floor))
        else:
            rows.append(Row(what, t, f"{t / floor:.2f}x the stack-floor app"))
    if "footer" in medians:
        rows.append(Row(f"nervelog check-in with its key footer ({how}, 10 y)", medians["footer"]))


# -- chart range switches and memory -------------------------------------------------------


def bench_switch(rows: list[Row], journal: Path, runs: int) -> None:
    """Range switches on the 10-year journal, and the peak RSS of that whole session."""
    process = subprocess.Popen(
        [PY, str(HERE / "switch.py"), str(journal), str(runs)],
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        env=ENV,
    )
    assert process.stdout is not None and process.stderr is not None
    out, err = process.stdout.read(), process.stderr.read()
    _, status, usage = os.wait4(process.pid, 0)
    process.returncode = os.waitstatus_to_exitcode(status)
    if process.returncode != 0:
        raise SystemExit(f"switch.py failed:\n{err.decode()[-3000:]}")
    times: dict[str, list[float]] = json.loads(out.decode().strip().splitlines()[-1])
    for name, values in times.items():
        median = statistics.median(values) / 1000
        what = "switch to the" if name[0].isupper() else "chart range switch to"
        rows.append(
            Row(
                f"{what} {name}{' screen' if name[0].isupper() else ''} "
                f"(10 y, {len(values)} switches)",
                median,
                f"<= 60 ms (max {max(values):.0f} ms)",
                median <= 0.060,
            )
        )
    rss_mb = usage.ru_maxrss / 1024  # KiB on Linux
    rows.append(
        Row(
            "TUI peak RSS: every screen, every range (10 y)",
            rss_mb,
            "<= 100 MB",
            rss_mb <= 100,
            unit="MB",
        )
    )


# -- the table --------------------------------------------------------------------------------


def print_table(rows: list[Row]) -> None:
    """The results table, one row per figure."""
    width = max(len(r.what) for r in rows)
    print(f"{'figure'.ljust(width)}  {'median':>9}  budget")
    print("-" * (width + 60))
    for r in rows:
        if r.value is None:
            value = ""
        elif r.unit == "ms":
            value = f"{r.value * 1000:6.0f} ms"
        else:
            value = f"{r.value:6.0f} {r.unit}"
        mark = {True: "ok  ", False: "MISS", None: "    "}[r.ok] if r.measured else "n/m "
        print(f"{r.what.ljust(width)}  {value:>9}  {mark} {r.budget}".rstrip())


def main() -> None:
    """Build journals, run every measurement, print the table."""
    parser = argparse.ArgumentParser(description=(__doc__ or "").splitlines()[0])
    parser.add_argument("--quick", action="store_true", help="budgeted figures only, median of 7")
    parser.add_argument("--runs", type=int, default=None, help="runs per figure (at least 7)")
    args = parser.parse_args()
    runs = max(7, args.runs or (7 if args.quick else 9))
    began = time.perf_counter()
    work = Path(tempfile.mkdtemp(prefix="nervelog-bench-"))
    try:
        years = (10,) if args.quick else (1, 3, 10)
        journals = {y: build_journal(work / f"journal-{y}y.sqlite3", y) for y in years}
        ten = journals[10]
        rows: list[Row] = []
        log_copy = work / "log" / "journal.sqlite3"
        log_copy.parent.mkdir()
        shutil.copy(ten, log_copy)
        # The command-line figures are a tenth of a second each, compared as ratios:
        # three times the runs keep one busy moment from deciding them.
        bench_cli(rows, log_copy, work, 3 * runs, args.quick)
        bench_transfer(rows, ten, work, runs)
        bench_report(rows, ten, work, runs, args.quick)
        bench_tui(rows, journals, runs, args.quick)
        bench_switch(rows, ten, runs)
        print(
            f"\n{'quick' if args.quick else 'full'} run: median of {runs} runs per figure "
            f"({3 * runs} for the command line), "
            f"python {sys.version.split()[0]}, {os.cpu_count()} cores, "
            f"{time.perf_counter() - began:.0f} s in all\n"
        )
        print_table(rows)
        missed = [r.what for r in rows if r.ok is False]
        unmeasured = sum(not r.measured for r in rows)
        print(
            f"\n{len(missed)} budget(s) missed"
            + (": " + "; ".join(missed) if missed else "")
            + (f" ({unmeasured} not measured)" if unmeasured else "")
        )
    finally:
        shutil.rmtree(work, ignore_errors=True)


if __name__ == "__main__":
    main()
