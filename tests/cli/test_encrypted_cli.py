"""Commands on an encrypted journal, unlocked by NERVELOG_PASSPHRASE_COMMAND."""

from __future__ import annotations

import stat
from collections.abc import Callable, Iterator
from pathlib import Path

import keyring
import keyring.backend
import pendulum
import pytest
from click.testing import Result

from nervelog.cli.context import UserError
from nervelog.domain.dates import FixedClock
from nervelog.storage import open_journal
from nervelog.storage.backup import list_backups
from nervelog.storage.cipher import convert, is_encrypted
from nervelog.storage.connect import connect
from nervelog.storage.export import export_json

Run = Callable[..., Result]
PASS = "a long 'quoted' passphrase"
NOTE = "burning soles after the walk"


@pytest.fixture
def encrypted(journal_path: Path, clock: FixedClock, tmp_path: Path) -> Path:
    """An encrypted journal with two days in it; returns the script printing its passphrase."""
    journal = open_journal(journal_path, clock)
    journal.update_entry(clock.today().subtract(days=2), {"pain": 6}, NOTE)
    journal.update_entry(clock.today().subtract(days=1), {"pain": 5}, None)
    journal.db.conn.close()
    convert(journal_path, None, PASS)
    script = tmp_path / "print-passphrase"
    script.write_text(f"#!/bin/sh\nprintf '%s\\n' \"{PASS}\"\n", encoding="utf-8")
    script.chmod(script.stat().st_mode | stat.S_IEXEC)
    return script


def test_every_day_commands_work_once_unlocked(
    run: Run, encrypted: Path, journal_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("NERVELOG_PASSPHRASE_COMMAND", str(encrypted))
    assert run("due").output == "nervelog: today not logged yet (last entry yesterday)\n"
    logged = run("log", "--pain", "3", "--note", "better today")
    assert logged.exit_code == 0, logged.output
    assert run("due").exit_code == 0
    shown = run("show", "--last", "7d").output
    assert "burning soles" in shown and "better today" in shown
    check = run("check").output
    assert "Encrypted:      yes (SQLCipher 4)" in check and "Integrity:      ok" in check
    data = journal_path.read_bytes()
    assert not data.startswith(b"SQLite format 3") and b"better today" not in data


def test_the_daily_backup_of_an_encrypted_journal_is_encrypted(
    run: Run, encrypted: Path, journal_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("NERVELOG_PASSPHRASE_COMMAND", str(encrypted))
    assert run("log", "--pain", "4").exit_code == 0  # the day's first open backs up
    backups = list_backups(journal_path)
    assert len(backups) == 1
    data = backups[0].read_bytes()
    assert not data.startswith(b"SQLite format 3") and NOTE.encode() not in data
    assert stat.S_IMODE(backups[0].stat().st_mode) == 0o600


def test_a_wrong_passphrase_is_exit_2_and_changes_nothing(
    run: Run, encrypted: Path, journal_path: Path, monkeypatch: pytest.MonkeyPatch, tmp_path: Path
) -> None:
    wrong = tmp_path / "wrong"
    wrong.write_text("#!/bin/sh\necho guess\n", encoding="utf-8")
    wrong.chmod(0o700)
    monkeypatch.setenv("NERVELOG_PASSPHRASE_COMMAND", str(wrong))
    before = journal_path.read_bytes()
    for args in (["log", "--pain", "3"], ["show"], ["due"], ["check"]):
        result = run(*args)
        assert result.exit_code == 2, args
        assert f"The passphrase does not open the journal at {journal_path}" in result.output
        assert "Traceback" not in result.output
    assert journal_path.read_bytes() == before
    assert list_backups(journal_path) == []


def test_without_a_terminal_or_a_command_it_says_how_to_unlock(
    run: Run, encrypted: Path, journal_path: Path
) -> None:
    result = run("log", "--pain", "3")
    assert result.exit_code == 2
    assert f"The journal at {journal_path} is encrypted" in result.output
    assert "NERVELOG_PASSPHRASE_COMMAND" in result.output


def test_a_failing_passphrase_command_is_named(
    run: Run, encrypted: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("NERVELOG_PASSPHRASE_COMMAND", "false")
    result = run("show")
    assert result.exit_code == 2
    assert "NERVELOG_PASSPHRASE_COMMAND failed (exit status 1)" in result.output


def plain_journal_with_backups(run: Run, journal_path: Path, clock: FixedClock) -> str:
    """A plain journal with a note, two backups; returns its JSON export."""
    run("log", "--date", "yesterday", "--pain", "6", "--note", NOTE)
    run("backup")
    run("log", "--pain", "2")
    run("backup")
    journal = open_journal(journal_path, clock)
    try:
        return export_json(journal)
    finally:
        journal.db.conn.close()


def test_encrypt_then_decrypt_the_journal_and_its_backups(
    run: Run, journal_path: Path, clock: FixedClock, monkeypatch: pytest.MonkeyPatch
) -> None:
    original = plain_journal_with_backups(run, journal_path, clock)
    backups = list_backups(journal_path)
    assert len(backups) >= 2
    result = run("encrypt", input=f"{PASS}\n{PASS}\n")
    assert result.exit_code == 0, result.output
    assert "cannot be opened again" in result.output.replace("\n", " ")  # said first
    assert f"Encrypted the journal at {journal_path} and {len(backups)} backups" in result.output
    for path in [journal_path, *list_backups(journal_path)]:
        data = path.read_bytes()
        assert not data.startswith(b"SQLite format 3") and NOTE.encode() not in data, path
    assert run("check", input=f"{PASS}\n").exit_code == 2  # not a terminal: not asked

    result = run("decrypt", input=f"{PASS}\n")
    assert result.exit_code == 2  # CliRunner's stdin is no terminal: needs the command
    script = journal_path.parent.parent / "pw"
    script.write_text(f'#!/bin/sh\necho "{PASS}"\n', encoding="utf-8")
    script.chmod(0o700)
    monkeypatch.setenv("NERVELOG_PASSPHRASE_COMMAND", str(script))
    result = run("decrypt")
    assert result.exit_code == 0, result.output
    assert f"Decrypted the journal at {journal_path} and {len(backups)} backups" in result.output
    for path in [journal_path, *list_backups(journal_path)]:
        assert path.read_bytes().startswith(b"SQLite format 3"), path

    journal = open_journal(journal_path, clock)
    try:
        assert export_json(journal) == original
    finally:
        journal.db.conn.close()


@pytest.mark.parametrize(
    "typed, message",
    [
        (f"{PASS}\nsomething else\n{PASS}\n{PASS}x\n", "do not match"),
        ("short\nshort\n", "passphrase: 5 characters is too short; expected at least 8"),
    ],
)
def test_a_bad_new_passphrase_changes_nothing(
    run: Run, journal_path: Path, clock: FixedClock, typed: str, message: str
) -> None:
    before = plain_journal_with_backups(run, journal_path, clock)
    result = run("encrypt", input=typed)
    assert result.exit_code == 2 and message in result.output.replace("\n", " ")
    assert not is_encrypted(journal_path)
    journal = open_journal(journal_path, clock)
    try:
        assert export_json(journal) == before  # every record as it was
    finally:
        journal.db.conn.close()


def test_change_the_passphrase(
    run: Run, encrypted: Path, journal_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("NERVELOG_PASSPHRASE_COMMAND", str(encrypted))
    run("log", "--pain", "1")  # and with it an encrypted backup
    result = run("passphrase", input="a new passphrase\na new passphrase\n")
    assert result.exit_code == 0, result.output
    assert "of 1 backups" in result.output
    assert run("show").exit_code == 2  # the old one no longer opens it
    monkeypatch.setenv("NERVELOG_PASSPHRASE_COMMAND", "echo a new passphrase")
    assert "burning soles" in run("show", "--last", "7d").output
    connect(list_backups(journal_path)[0], key="a new passphrase").close()


def test_an_export_is_plain_and_says_so(
    run: Run, encrypted: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("NERVELOG_PASSPHRASE_COMMAND", str(encrypted))
    out = tmp_path / "journal.json"
    result = run("export", "--out", str(out))
    assert result.exit_code == 0, result.output
    # On stderr: `export > file` must get the journal alone.
    assert "the journal is encrypted; this export is not" in result.stderr
    assert "encrypted" not in result.stdout
    assert NOTE in out.read_text(encoding="utf-8")


def test_restoring_an_encrypted_backup_under_the_journals_passphrase(
    run: Run, encrypted: Path, journal_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("NERVELOG_PASSPHRASE_COMMAND", str(encrypted))
    run("log", "--pain", "4", "--note", "logged after the backup")  # backed up first
    backup = list_backups(journal_path)[0]
    result = run("restore", str(backup), "--yes")
    assert result.exit_code == 0, result.output
    assert "the journal now holds 2 entries" in result.output
    assert not journal_path.read_bytes().startswith(b"SQLite format 3")
    shown = run("show", "--last", "7d").output
    assert "burning soles" in shown and "logged after the backup" not in shown
    kept = [b for b in list_backups(journal_path) if b != backup]
    assert len(kept) == 1 and not kept[0].read_bytes().startswith(b"SQLite format 3")


def other_journal(tmp_path: Path, clock: FixedClock, passphrase: str | None) -> Path:
    """A journal elsewhere with one day noted "from the other journal" (encrypted or not)."""
    path = tmp_path / "elsewhere" / "journal.sqlite3"
    path.parent.mkdir()
    journal = open_journal(path, clock)
    journal.update_entry(clock.today().subtract(days=9), {"pain": 2}, "from the other journal")
    journal.db.conn.close()
    if passphrase is not None:
        convert(path, None, passphrase)
    return path


def test_restore_asks_for_a_backups_own_passphrase(
    run: Run,
    encrypted: Path,
    journal_path: Path,
    clock: FixedClock,
    monkeypatch: pytest.MonkeyPatch,
    tmp_path: Path,
) -> None:
    backup = other_journal(tmp_path, clock, "the other passphrase")
    # The first answer is the journal's passphrase, every later one the backup's.
    answers = tmp_path / "answers"
    answers.write_text(
        '#!/bin/sh\nif [ -e "$0.asked" ]; then echo "$ANSWER"; '
        f'else touch "$0.asked"; echo "{PASS}"; fi\n',
        encoding="utf-8",
    )
    answers.chmod(0o700)
    monkeypatch.setenv("NERVELOG_PASSPHRASE_COMMAND", str(answers))

    monkeypatch.setenv("ANSWER", "a wrong guess")
    before = journal_path.read_bytes()
    result = run("restore", str(backup), "--yes")
    assert result.exit_code == 2
    assert f"The passphrase does not open the journal at {backup}" in result.output
    assert journal_path.read_bytes() == before

    (tmp_path / "answers.asked").unlink()
    monkeypatch.setenv("ANSWER", "the other passphrase")
    result = run("restore", str(backup), "--yes")
    assert result.exit_code == 0, result.output
    assert "the journal now holds 1 entry" in result.output
    data = journal_path.read_bytes()
    assert not data.startswith(b"SQLite format 3") and b"other journal" not in data
    monkeypatch.setenv("NERVELOG_PASSPHRASE_COMMAND", "echo the other passphrase")
    assert "from the other journal" in run("show", "--last", "30d").output
    replaced = list_backups(journal_path)[-1]  # the journal as it was, under its own key
    connect(replaced, key=PASS).close()


def test_restoring_a_plain_backup_says_the_journal_is_no_longer_encrypted(
    run: Run,
    encrypted: Path,
    journal_path: Path,
    clock: FixedClock,
    monkeypatch: pytest.MonkeyPatch,
    tmp_path: Path,
) -> None:
    monkeypatch.setenv("NERVELOG_PASSPHRASE_COMMAND", str(encrypted))
    result = run("restore", str(other_journal(tmp_path, clock, None)), "--yes")
    assert result.exit_code == 0, result.output
    assert "will not be either; run `nervelog encrypt`" in result.output.replace("\n", " ")
    assert journal_path.read_bytes().startswith(b"SQLite format 3")


def test_due_never_asks_for_the_passphrase(
    run: Run, encrypted: Path, journal_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    import io

    from nervelog.cli import due

    class Terminal(io.StringIO):
        def isatty(self) -> bool:
            return True

    # A terminal that would answer a question, were one asked.
    monkeypatch.setattr("sys.stdin", Terminal("typed by accident\n"))
    with pytest.raises(UserError, match="NERVELOG_PASSPHRASE_COMMAND"):
        due.due_state(journal_path, pendulum.date(2026, 11, 22))


class MemoryKeyring(keyring.backend.KeyringBackend):
    """A keyring that keeps passwords in a dict, in place of the system's."""

    priority = 1

    def __init__(self) -> None:
        super().__init__()
        self.stored: dict[tuple[str, str], str] = {}

    def get_password(self, service: str, username: str) -> str | None:
        return self.stored.get((service, username))

    def set_password(self, service: str, username: str, password: str) -> None:
        self.stored[(service, username)] = password

    def delete_password(self, service: str, username: str) -> None:
        del self.stored[(service, username)]


@pytest.fixture
def fake() -> Iterator[MemoryKeyring]:
    """An in-memory keyring in place of the system's for the test."""
    memory = MemoryKeyring()
    previous = keyring.get_keyring()
    keyring.set_keyring(memory)
    yield memory
    keyring.set_keyring(previous)


def test_the_keyring_unlocks_for_those_who_opt_in(
    run: Run, journal_path: Path, clock: FixedClock, fake: MemoryKeyring
) -> None:
    plain_journal_with_backups(run, journal_path, clock)
    result = run("encrypt", "--keyring", input=f"{PASS}\n{PASS}\n")
    assert result.exit_code == 0, result.output
    assert fake.stored == {("nervelog", str(journal_path.resolve())): PASS}
    marker = journal_path.with_name("journal.sqlite3.keyring")
    assert PASS.encode() not in marker.read_bytes()
    # No command, no terminal: the keyring alone unlocks it.
    assert "burning soles" in run("show", "--last", "7d").output
    assert run("due").exit_code == 0
    assert run("decrypt").exit_code == 0
    assert fake.stored == {} and not marker.exists()


def test_without_opting_in_the_keyring_is_not_read(
    run: Run, encrypted: Path, journal_path: Path, fake: MemoryKeyring
) -> None:
    fake.set_password("nervelog", str(journal_path.resolve()), PASS)
    assert run("show").exit_code == 2  # asks for it instead (and cannot, here)


def test_restore_with_a_wrong_passphrase_for_the_journal_changes_nothing(
    run: Run,
    encrypted: Path,
    journal_path: Path,
    clock: FixedClock,
    monkeypatch: pytest.MonkeyPatch,
    tmp_path: Path,
) -> None:
    backup = other_journal(tmp_path, clock, "the other passphrase")
    monkeypatch.setenv("NERVELOG_PASSPHRASE_COMMAND", "echo not the journal one")
    before = journal_path.read_bytes()
    result = run("restore", str(backup), "--yes")
    assert result.exit_code == 2
    assert f"The passphrase does not open the journal at {journal_path}" in result.output
    # Not read as damaged and moved aside: the journal is where and as it was.
    assert journal_path.read_bytes() == before
    assert not (journal_path.parent / "backups").exists()


def test_copies_under_another_passphrase_are_named_and_the_rest_converted(
    run: Run, encrypted: Path, journal_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("NERVELOG_PASSPHRASE_COMMAND", str(encrypted))
    run("log", "--pain", "1")  # the day's encrypted backup
    run("backup")
    odd = list_backups(journal_path)[0]
    convert(odd, PASS, "an older passphrase")  # as after restoring an older journal
    result = run("decrypt")
    assert result.exit_code == 0, result.output
    assert f"Left as it was: {odd} (the passphrase does not open it)" in result.output
    assert "Nothing was changed" not in result.output
    assert journal_path.read_bytes().startswith(b"SQLite format 3")
    others = [b for b in list_backups(journal_path) if b != odd]
    assert others and all(b.read_bytes().startswith(b"SQLite format 3") for b in others)
    connect(odd, key="an older passphrase").close()  # still opens with its own


def test_a_journal_a_restore_replaced_is_encrypted_too(
    run: Run, journal_path: Path, clock: FixedClock
) -> None:
    plain_journal_with_backups(run, journal_path, clock)
    kept = journal_path.parent / "backups" / "journal-20261120T080000-replaced.sqlite3"
    kept.write_bytes(journal_path.read_bytes())  # as restore keeps a damaged journal
    result = run("encrypt", input=f"{PASS}\n{PASS}\n")
    assert result.exit_code == 0, result.output
    data = kept.read_bytes()
    assert not data.startswith(b"SQLite format 3") and NOTE.encode() not in data
    connect(kept, key=PASS).close()


class TypedPassphrases:
    """Stands in for the unlock screen's window: types each passphrase in turn."""

    def __init__(self, *typed: str) -> None:
        self.typed = typed
        self.shown = 0

    @property
    def run(self) -> Callable[[object], bool]:
        """In place of ``UnlockApp.run``: the window shown, the passphrases typed."""
        return lambda app: self.type_into(app)

    def type_into(self, app: object) -> bool:
        self.shown += 1
        attempt = app.attempt  # type: ignore[attr-defined]
        return any(attempt(passphrase) is None for passphrase in self.typed)


def test_the_app_asks_on_its_unlock_screen_then_opens_the_journal(
    run: Run, encrypted: Path, journal_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    screen = TypedPassphrases("a wrong guess", PASS)
    monkeypatch.setattr("nervelog.tui.unlock.UnlockApp.run", screen.run)
    opened: list[str] = []
    monkeypatch.setattr(
        "nervelog.tui.run_app", lambda journal, *a, **k: opened.append(export_json(journal))
    )
    assert run().exit_code == 0
    assert screen.shown == 1 and NOTE in opened[0]

    locked = TypedPassphrases("one", "two", "three")
    monkeypatch.setattr("nervelog.tui.unlock.UnlockApp.run", locked.run)
    result = run()
    assert result.exit_code == 2
    assert f"The journal at {journal_path} stays locked. Nothing was changed." in result.output


def test_the_keyring_opens_the_app_without_its_unlock_screen(
    run: Run,
    journal_path: Path,
    clock: FixedClock,
    monkeypatch: pytest.MonkeyPatch,
    fake: MemoryKeyring,
) -> None:
    plain_journal_with_backups(run, journal_path, clock)
    assert run("encrypt", "--keyring", input=f"{PASS}\n{PASS}\n").exit_code == 0
    screen = TypedPassphrases()
    monkeypatch.setattr("nervelog.tui.unlock.UnlockApp.run", screen.run)
    opened: list[str] = []
    monkeypatch.setattr(
        "nervelog.tui.run_app", lambda journal, *a, **k: opened.append(export_json(journal))
    )
    assert run().exit_code == 0
    assert screen.shown == 0 and NOTE in opened[0]


def test_opting_in_to_the_keyring_later_keeps_the_passphrase_there(
    run: Run,
    encrypted: Path,
    journal_path: Path,
    monkeypatch: pytest.MonkeyPatch,
    fake: MemoryKeyring,
) -> None:
    monkeypatch.setenv("NERVELOG_PASSPHRASE_COMMAND", str(encrypted))
    assert run("encrypt", "--keyring").exit_code == 0
    monkeypatch.delenv("NERVELOG_PASSPHRASE_COMMAND")
    assert fake.stored == {("nervelog", str(journal_path.resolve())): PASS}
    assert "burning soles" in run("show", "--last", "7d").output  # no command needed


def _stopped_half_way(run: Run, journal_path: Path, new: str) -> list[Path]:
    """A journal whose passphrase change was stopped after the journal: it is under
    ``new``, its backups still under PASS (what a kill at that moment leaves)."""
    run("log", "--pain", "1")  # the day's encrypted backup
    run("backup")
    convert(journal_path, PASS, new)
    backups = list_backups(journal_path)
    assert len(backups) == 2
    return backups


def test_a_stopped_change_finishes_when_run_again_with_the_old_passphrase(
    run: Run, encrypted: Path, journal_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("NERVELOG_PASSPHRASE_COMMAND", str(encrypted))  # prints PASS, the old
    backups = _stopped_half_way(run, journal_path, "the new passphrase")
    result = run("passphrase", input="the new passphrase\n")
    assert result.exit_code == 0, result.output
    assert "a change of passphrase was stopped half-way" in result.output
    assert "Finished the change: 2 backups" in result.output
    for file in [journal_path, *backups]:
        connect(file, key="the new passphrase").close()  # the old one opens nothing now


def test_a_stopped_change_finishes_when_run_again_with_the_new_passphrase(
    run: Run, encrypted: Path, journal_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("NERVELOG_PASSPHRASE_COMMAND", str(encrypted))
    backups = _stopped_half_way(run, journal_path, "the new passphrase")
    monkeypatch.setenv("NERVELOG_PASSPHRASE_COMMAND", "echo the new passphrase")
    # A newer passphrase again, twice; then, asked for the backups', the old one.
    answers = f"a third passphrase\na third passphrase\n{PASS}\n"
    result = run("passphrase", input=answers)
    assert result.exit_code == 0, result.output
    assert "2 backups do not open with it" in result.output
    assert "Left as it was" not in result.output
    for file in [journal_path, *backups]:
        connect(file, key="a third passphrase").close()


def test_backups_under_an_unknown_passphrase_can_be_left_as_they_are(
    run: Run, encrypted: Path, journal_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("NERVELOG_PASSPHRASE_COMMAND", str(encrypted))
    backups = _stopped_half_way(run, journal_path, "the new passphrase")
    monkeypatch.setenv("NERVELOG_PASSPHRASE_COMMAND", "echo the new passphrase")
    result = run("passphrase", input="a third passphrase\na third passphrase\n\n")
    assert result.exit_code == 0, result.output
    assert all(f"Left as it was: {b}" in result.output for b in backups)
    connect(journal_path, key="a third passphrase").close()
    connect(backups[0], key=PASS).close()  # still under the one it was made with


def test_check_names_copies_under_another_passphrase_or_none(
    run: Run, encrypted: Path, journal_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("NERVELOG_PASSPHRASE_COMMAND", str(encrypted))
    run("log", "--pain", "1")  # the day's encrypted backup
    run("backup")
    run("backup")
    older, plain, same = list_backups(journal_path)
    convert(older, PASS, "an older passphrase")
    convert(plain, PASS, None)
    output = run("check").output
    assert f"Under another passphrase: {older}" in output
    assert f"Not encrypted:  {plain}" in output
    assert str(same) not in output  # under the journal's own: nothing to say
