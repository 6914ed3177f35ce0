"""`nervelog log` must start fast: the UI, chart and PDF stacks stay unloaded."""

from __future__ import annotations

import json
import re
import sqlite3
import subprocess
import sys
from pathlib import Path

HEAVY = ["textual", "textual_plotext", "plotext", "fpdf", "matplotlib", "rich", "numpy", "pandas"]

PROBE = """
import json, sys
{body}
print(json.dumps(sorted(m for m in {heavy!r} if m in sys.modules)))
"""


def loaded_after(body: str, modules: list[str] = HEAVY) -> list[str]:
    """Which of ``modules`` a fresh interpreter has loaded after running ``body``."""
    code = PROBE.format(body=body, heavy=modules)
    result = subprocess.run(
        [sys.executable, "-c", code], capture_output=True, text=True, check=True
    )
    loaded: list[str] = json.loads(result.stdout.strip().splitlines()[-1])
    return loaded


def test_importing_the_cli_loads_no_heavy_stack() -> None:
    assert loaded_after("import nervelog.cli") == []


def test_core_packages_never_import_textual() -> None:
    body = (
        "import nervelog.domain, nervelog.storage, nervelog.storage.importing, nervelog.paths\n"
        "import nervelog.storage.export\n"
        "import nervelog.analysis, nervelog.render.report_model, nervelog.render.text_report\n"
        "import nervelog.render.pdf_report, nervelog.render.terminal_chart"
    )
    # render/ imports plotext, fpdf2 and matplotlib inside the functions that draw.
    assert loaded_after(body) == []


def test_running_log_loads_no_heavy_stack(tmp_path: Path) -> None:
    db = tmp_path / "j.sqlite3"
    body = (
        "from nervelog.cli import main\n"
        f"sys.argv = ['nervelog', '--db', {str(db)!r}, 'log', '--pain', '3']\n"
        "try:\n    main()\nexcept SystemExit as exc:\n    assert not exc.code, exc.code\n"
    )
    assert loaded_after(body) == []
    assert db.exists()
    # Nor the code of other commands: the analysis, import/export and report modules.
    others = [
        "nervelog.analysis",
        "nervelog.storage.import_file",
        "nervelog.storage.importing",
        "nervelog.storage.export",
        "nervelog.cli.report",
        # Nor table layout: display widths are for the commands that print tables.
        "nervelog.cli.table",
        "wcwidth",
        # Nor what runs a passphrase command, for those who set none.
        "subprocess",
        # Nor the medicines, events, questions and symptom maps, and their record types.
        "nervelog.domain.care",
        "nervelog.domain.body_map",
        "nervelog.storage.medicines",
        "nervelog.storage.notables",
        "nervelog.storage.body_maps",
    ]
    assert loaded_after(body, others) == []


def test_logging_into_an_existing_journal_loads_no_heavy_stack(tmp_path: Path) -> None:
    db = tmp_path / "j.sqlite3"

    def log(pain: int) -> str:
        argv = ["nervelog", "--db", str(db), "log", "--pain", str(pain)]
        return (
            f"from nervelog.cli import main\nsys.argv = {argv!r}\n"
            "try:\n    main()\nexcept SystemExit as exc:\n    assert not exc.code, exc.code\n"
        )

    loaded_after(log(3))  # creates the journal (and its first backup)
    assert loaded_after(log(4)) == []
    with sqlite3.connect(db) as conn:  # the second run did log, into the same journal
        assert conn.execute("SELECT count(*), max(pain) FROM entry").fetchone() == (1, 4)


def test_python_dash_m_runs(tmp_path: Path) -> None:
    result = subprocess.run(
        [sys.executable, "-m", "nervelog", "--db", str(tmp_path / "j.sqlite3"), "where"],
        capture_output=True,
        text=True,
        check=True,
    )
    assert result.stdout.strip() == str(tmp_path / "j.sqlite3")


def test_screens_and_widgets_are_handed_their_parts_not_the_app() -> None:
    import ast

    tui = Path(__file__).parents[2] / "src" / "nervelog" / "tui"
    offenders = []
    for path in [*(tui / "screens").glob("*.py"), *(tui / "widgets").glob("*.py")]:
        for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
            names = []
            if isinstance(node, ast.ImportFrom) and node.module:
                names = [node.module, *(f"{node.module}.{a.name}" for a in node.names)]
            elif isinstance(node, ast.Import):
                names = [a.name for a in node.names]
            if any(n == "nervelog.tui.app" or n.startswith("nervelog.tui.app.") for n in names):
                offenders.append(f"{path.name}:{node.lineno}")
    assert offenders == [], "screens and widgets get an AppContext instead"
    assert len(list((tui / "screens").glob("*.py"))) > 5  # the folder was really read


def test_due_reads_with_the_sqlite_library_alone(tmp_path: Path) -> None:
    db = tmp_path / "j.sqlite3"
    with sqlite3.connect(db) as conn:  # any journal will do: `due` reads one table
        conn.execute("PRAGMA application_id = 1314278471")  # "NVLG"
        conn.execute("CREATE TABLE entry (date TEXT PRIMARY KEY)")
    body = (
        "from nervelog.cli import main\n"
        f"sys.argv = ['nervelog', '--db', {str(db)!r}, 'due']\n"
        "try:\n    main()\nexcept SystemExit as exc:\n    assert exc.code == 1, exc.code\n"
    )
    # No sqlite-utils, no storage layer (migrations, backups), nothing a prompt need not pay.
    modules = [*HEAVY, "sqlite_utils", "nervelog.storage", "platformdirs", "wcwidth"]
    # Nor the journal's record types: `due` counts days, it builds no entries.
    modules.append("nervelog.domain.models")
    assert loaded_after(body, modules) == []


def test_logging_a_dose_loads_no_heavy_stack_nor_text_widths(tmp_path: Path) -> None:
    db = tmp_path / "j.sqlite3"

    def run(*args: str) -> str:
        argv = ["nervelog", "--db", str(db), *args]
        return (
            f"from nervelog.cli import main\nsys.argv = {argv!r}\n"
            "try:\n    main()\nexcept SystemExit as exc:\n    assert not exc.code, exc.code\n"
        )

    loaded_after(run("med", "start", "paracetamol", "--dose", "1 g", "--as-needed"))
    # The one line it prints needs no table layout: wcwidth is for tables and reports.
    assert loaded_after(run("med", "took", "paracetamol"), [*HEAVY, "wcwidth"]) == []
    with sqlite3.connect(db) as conn:  # and the dose was logged
        assert conn.execute("SELECT count(*) FROM dose").fetchone() == (1,)


def test_logging_into_an_encrypted_journal_loads_no_heavy_stack(tmp_path: Path) -> None:
    db = tmp_path / "j.sqlite3"
    argv = ["nervelog", "--db", str(db), "log", "--pain", "3"]
    body = (
        f"from nervelog.cli import main\nsys.argv = {argv!r}\n"
        "try:\n    main()\nexcept SystemExit as exc:\n    assert not exc.code, exc.code\n"
    )
    loaded_after(body)  # creates the journal
    from nervelog.storage.cipher import convert

    convert(db, None, "a passphrase")
    script = tmp_path / "pw"
    script.write_text("#!/bin/sh\necho a passphrase\n", encoding="utf-8")
    script.chmod(0o700)
    with_command = f"import os\nos.environ['NERVELOG_PASSPHRASE_COMMAND'] = {str(script)!r}\n"
    assert loaded_after(with_command + body) == []
    assert loaded_after(with_command + body, ["nervelog.analysis", "wcwidth", "keyring"]) == []


FIRST_SCREEN = """
import json, sys
from pathlib import Path
from nervelog.domain.dates import SystemClock
from nervelog.storage import open_journal
from nervelog.tui.app import NervelogApp

path = Path(sys.argv[1])
app = NervelogApp(open_journal(path, SystemClock()), SystemClock(), journal_path=path)

async def first_frame(pilot):
    await pilot.pause()
    shown = "\\n".join(s.text for s in pilot.app.screen._compositor.render_strips())
    assert "Mobility" in shown, shown  # the check-in, with its four score rows
    print(json.dumps(sorted(m for m in sys.argv[2:] if m in sys.modules)))
    pilot.app.exit()

app.run(headless=True, size=(100, 30), auto_pilot=first_frame)
"""


def test_the_check_in_shows_before_charts_reports_or_analysis_load(tmp_path: Path) -> None:
    from nervelog.storage import open_journal

    path = tmp_path / "j.sqlite3"
    open_journal(path).db.conn.close()
    modules = ["plotext", "textual_plotext", "fpdf", "nervelog.analysis", "nervelog.render",
               "nervelog.storage.import_file", "wcwidth"]  # fmt: skip
    result = subprocess.run(
        [sys.executable, "-c", FIRST_SCREEN, str(path), *modules],
        capture_output=True, text=True, check=True,
    )  # fmt: skip
    # What had loaded when the check-in first showed; the rest loads with its screen.
    assert json.loads(result.stdout.strip().splitlines()[-1]) == []


def _imports_between_modules(root: Path) -> dict[str, set[str]]:
    """Each nervelog module and the nervelog modules it imports (anywhere in it).

    A module's import of a package it lives in is left out: Python runs a package's
    ``__init__`` before any module in it, so that edge is no circle of our making.
    """
    import ast

    paths = {}
    for path in root.rglob("*.py"):
        name = ".".join(path.relative_to(root).with_suffix("").parts).removesuffix(".__init__")
        paths[name] = path
    graph: dict[str, set[str]] = {name: set() for name in paths}
    for name, path in paths.items():
        for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
            if isinstance(node, ast.ImportFrom) and node.module and not node.level:
                targets = [node.module, *(f"{node.module}.{a.name}" for a in node.names)]
            elif isinstance(node, ast.Import):
                targets = [a.name for a in node.names]
            else:
                continue
            graph[name] |= {
                t for t in targets if t in paths and t != name and not name.startswith(t + ".")
            }
    return graph


def _a_circle(graph: dict[str, set[str]]) -> list[str] | None:
    """One import circle in ``graph`` (as the path around it), or None."""
    state: dict[str, int] = {}  # 1: on the current path, 2: done
    path: list[str] = []

    def visit(module: str) -> list[str] | None:
        state[module] = 1
        path.append(module)
        for target in sorted(graph[module]):
            if state.get(target) == 1:
                return [*path[path.index(target) :], target]
            if target not in state and (found := visit(target)):
                return found
        path.pop()
        state[module] = 2
        return None

    for module in sorted(graph):
        if module not in state and (found := visit(module)):
            return found
    return None


def test_no_import_circles() -> None:
    # Lazy imports inside functions count too: a circle there is still a circle.
    graph = _imports_between_modules(Path(__file__).parents[2] / "src")
    assert "nervelog.storage.records" in graph["nervelog.storage.repository"]
    assert _a_circle(graph) is None
    # The check itself finds a circle when there is one.
    assert _a_circle({"a": {"b"}, "b": {"c"}, "c": {"a"}}) == ["a", "b", "c", "a"]


def test_only_storage_writes_sql_or_reaches_the_connection() -> None:
    src = Path(__file__).parents[2] / "src" / "nervelog"
    # `nervelog due` runs in a shell prompt and keeps its own read-only query.
    allowed = {src / "cli" / "due.py"}
    sql = re.compile(r"[\"'](SELECT|INSERT|UPDATE|DELETE|PRAGMA|CREATE|DROP|ALTER) ")
    offenders = [
        f"{path.relative_to(src)}:{number}"
        for path in sorted(src.rglob("*.py"))
        if "storage" not in path.relative_to(src).parts and path not in allowed
        for number, line in enumerate(path.read_text(encoding="utf-8").splitlines(), 1)
        if sql.search(line) or re.search(r"\.db\.(conn|execute|query|table)\b", line)
    ]
    assert offenders == []
