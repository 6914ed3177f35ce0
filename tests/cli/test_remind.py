"""`nervelog remind set/status/off/run` against fake systemctl, crontab and launchctl.

The fakes are small shell scripts first on PATH: each records its arguments, and the
fake crontab keeps the table in a file, so a test can compare it byte for byte.
"""

from __future__ import annotations

import os
import plistlib
import stat
import sys
from collections.abc import Callable
from pathlib import Path

import pytest
from click.testing import Result

import nervelog.reminder
from nervelog.reminder.systemd import systemd_quote

Run = Callable[..., Result]
MARK = "# nervelog reminder (nervelog remind off removes this line)"
NOTE = "feet burning after the walk"


class Fakes:
    """A folder of fake programs, put first on PATH; what they were asked is in ``calls``."""

    def __init__(self, folder: Path, monkeypatch: pytest.MonkeyPatch) -> None:
        self.folder = folder
        self.log = folder / "calls.log"
        self.crontab_file = folder / "crontab.txt"
        folder.mkdir()
        monkeypatch.setenv("FAKE_LOG", str(self.log))
        monkeypatch.setenv("FAKE_CRONTAB", str(self.crontab_file))
        monkeypatch.setenv("PATH", str(folder))

    def program(self, name: str, body: str) -> None:
        path = self.folder / name
        path.write_text(
            f'#!/bin/sh\nPATH=/usr/bin:/bin\necho "{name} $*" >> "$FAKE_LOG"\n{body}\n',
            encoding="utf-8",
        )
        path.chmod(path.stat().st_mode | stat.S_IEXEC)

    def systemctl(self, *, works: bool = True, fail_on: str = "", env: str = "") -> None:
        self.program(
            "systemctl",
            f'[ "$2" = show-environment ] && printf "HOME=/x\\n{env}" && exit {0 if works else 1}\n'
            f'[ -n "{fail_on}" ] && [ "$2" = "{fail_on}" ] && '
            'echo "Failed to start unit" >&2 && exit 1\nexit 0',
        )

    def crontab(self) -> None:
        self.program(
            "crontab",
            'case "$1" in\n'
            '  -l) [ -f "$FAKE_CRONTAB" ] || { echo "no crontab for $USER" >&2; exit 1; }\n'
            '      cat "$FAKE_CRONTAB";;\n'
            '  -) cat > "$FAKE_CRONTAB";;\n'
            '  -r) rm "$FAKE_CRONTAB";;\n'
            "esac",
        )

    @property
    def calls(self) -> list[str]:
        if not self.log.exists():
            return []
        return self.log.read_text(encoding="utf-8").splitlines()


@pytest.fixture
def fakes(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Fakes:
    # The shell's XDG_CONFIG_HOME does not count: the systemd user manager's does.
    monkeypatch.setenv("XDG_CONFIG_HOME", str(tmp_path / "shell-config"))
    return Fakes(tmp_path / "bin", monkeypatch)


def command(journal: Path) -> str:
    return f"{sys.executable} -m nervelog --db {journal} remind run"


def mode(path: Path) -> int:
    return stat.S_IMODE(path.stat().st_mode)


# -- systemd ----------------------------------------------------------------------------


def units(tmp_path: Path) -> tuple[Path, Path]:
    """Where the units go: ~/.config, as the user manager has no XDG_CONFIG_HOME."""
    folder = Path.home() / ".config" / "systemd" / "user"
    return folder / "nervelog-reminder.timer", folder / "nervelog-reminder.service"


def test_systemd_timer_and_service_are_written_and_started(
    run: Run, fakes: Fakes, tmp_path: Path, journal_path: Path
) -> None:
    fakes.systemctl()
    fakes.crontab()  # present too: systemd comes first when it works
    result = run("remind", "set", "20:30")
    assert result.exit_code == 0, result.output
    timer, service = units(tmp_path)
    assert timer.read_text(encoding="utf-8") == (
        "# Written by `nervelog remind set`; `nervelog remind off` removes it.\n"
        "[Unit]\n"
        "Description=nervelog check-in reminder, daily\n"
        "\n"
        "[Timer]\n"
        "OnCalendar=*-*-* 20:30:00\n"
        "Persistent=false\n"
        "\n"
        "[Install]\n"
        "WantedBy=timers.target\n"
    )
    assert service.read_text(encoding="utf-8") == (
        "# Written by `nervelog remind set`; `nervelog remind off` removes it.\n"
        "[Unit]\n"
        "Description=nervelog check-in reminder (notifies only when today is not logged)\n"
        "\n"
        "[Service]\n"
        "Type=oneshot\n"
        f"ExecStart={command(journal_path)}\n"
    )
    assert mode(timer) == mode(service) == 0o600
    assert fakes.calls == [
        "systemctl --user show-environment",
        "systemctl --user daemon-reload",
        "systemctl --user enable nervelog-reminder.timer",
        "systemctl --user restart nervelog-reminder.timer",
        "crontab -l",  # an earlier reminder there would fire twice; there is none
    ]
    assert not fakes.crontab_file.exists()
    assert "Reminder every day at 20:30, through a systemd user timer" in result.output
    assert str(timer) in result.output and "nervelog remind off" in result.output


def test_systemd_status_then_off_removes_exactly_what_set_made(
    run: Run, fakes: Fakes, tmp_path: Path
) -> None:
    fakes.systemctl()
    folder = units(tmp_path)[0].parent
    folder.mkdir(parents=True)
    (folder / "syncthing.service").write_text("[Service]\n", encoding="utf-8")
    run("remind", "set", "07:05")
    status = run("remind", "status")
    assert status.exit_code == 0
    assert "Reminder every day at 07:05, through a systemd user timer" in status.output
    assert str(units(tmp_path)[1]) in status.output

    fakes.log.unlink()
    off = run("remind", "off")
    assert off.exit_code == 0, off.output
    assert "Removed the reminder from a systemd user timer" in off.output
    assert sorted(p.name for p in folder.iterdir()) == ["syncthing.service"]
    assert fakes.calls == [
        "systemctl --user show-environment",
        "systemctl --user disable --now nervelog-reminder.timer",
        "systemctl --user daemon-reload",
    ]
    assert "No reminder is set" in run("remind", "status").output
    assert "nothing changed" in run("remind", "off").output


def test_setting_again_changes_the_time(run: Run, fakes: Fakes, tmp_path: Path) -> None:
    fakes.systemctl()
    run("remind", "set", "20:30")
    run("remind", "set", "06:15")
    assert "OnCalendar=*-*-* 06:15:00\n" in units(tmp_path)[0].read_text(encoding="utf-8")
    assert "every day at 06:15" in run("remind", "status").output


def test_a_failing_systemctl_leaves_nothing_installed(
    run: Run, fakes: Fakes, tmp_path: Path
) -> None:
    fakes.systemctl(fail_on="restart")
    result = run("remind", "set", "20:30")
    assert result.exit_code == 2
    assert "restart nervelog-reminder.timer" in result.output
    assert "Failed to start unit" in result.output
    timer, service = units(tmp_path)
    assert not timer.exists() and not service.exists()
    # The enable link must not outlive the files, and systemd forgets the units.
    assert fakes.calls[-2:] == [
        "systemctl --user disable nervelog-reminder.timer",
        "systemctl --user daemon-reload",
    ]
    assert "No reminder is set" in run("remind", "status").output


def test_a_failed_change_keeps_the_earlier_reminder(run: Run, fakes: Fakes, tmp_path: Path) -> None:
    fakes.systemctl()
    run("remind", "set", "20:30")
    fakes.systemctl(fail_on="restart")
    assert run("remind", "set", "09:00").exit_code == 2
    assert "OnCalendar=*-*-* 20:30:00\n" in units(tmp_path)[0].read_text(encoding="utf-8")
    assert "disable" not in " ".join(fakes.calls)


def test_an_unwritable_config_folder_is_a_clear_message(run: Run, fakes: Fakes) -> None:
    fakes.systemctl()
    blocker = Path.home() / ".config"
    blocker.write_text("", encoding="utf-8")  # a file where the folder should be
    result = run("remind", "set", "20:30")
    assert result.exit_code == 2
    assert f"Cannot write {blocker}/systemd/user/nervelog-reminder" in result.output
    assert "Nothing was installed" in result.output
    assert "enable" not in " ".join(fakes.calls)
    assert blocker.read_text(encoding="utf-8") == ""


def test_units_go_where_the_user_manager_looks(run: Run, fakes: Fakes, tmp_path: Path) -> None:
    fakes.systemctl(env=f"XDG_CONFIG_HOME={tmp_path}/manager-config\\n")
    assert run("remind", "set", "20:30").exit_code == 0
    assert (tmp_path / "manager-config/systemd/user/nervelog-reminder.timer").exists()
    assert not units(tmp_path)[0].exists()


def test_off_without_a_reachable_manager_still_removes_the_enable_link(
    run: Run, fakes: Fakes, tmp_path: Path
) -> None:
    fakes.systemctl()
    run("remind", "set", "20:30")
    timer = units(tmp_path)[0]
    link = timer.parent / "timers.target.wants" / timer.name
    link.parent.mkdir()
    link.symlink_to(timer)  # what a real `systemctl enable` makes
    fakes.systemctl(works=False)  # an SSH login, say
    assert run("remind", "off").exit_code == 0
    assert not timer.exists() and not link.is_symlink()


def test_systemd_arguments_are_quoted_and_specifiers_escaped() -> None:
    assert systemd_quote("/usr/bin/python3") == "/usr/bin/python3"
    assert systemd_quote("/home/ann lee/100%/j.sqlite3") == '"/home/ann lee/100%%/j.sqlite3"'
    assert systemd_quote('say "hi"') == '"say \\"hi\\""'
    assert systemd_quote("$HOME") == "$$HOME"


# -- cron -------------------------------------------------------------------------------

SOMEONES_CRONTAB = (
    b"MAILTO=ann@example.org\n"
    b"# nightly\r\n"  # written on Windows once
    b"0 3 * * * /usr/local/bin/backup --all\n"
    b"*/5 * * * * echo a\rb caf\xc3\xa9 \xff \\% done\n"
)


def test_cron_line_goes_in_and_off_restores_the_crontab_byte_for_byte(
    run: Run, fakes: Fakes, journal_path: Path
) -> None:
    fakes.systemctl(works=False)  # as in a container or over SSH
    fakes.crontab()
    fakes.crontab_file.write_bytes(SOMEONES_CRONTAB)
    result = run("remind", "set", "20:30")
    assert result.exit_code == 0, result.output
    line = f"30 20 * * * {command(journal_path)}  {MARK}\n"
    assert fakes.crontab_file.read_bytes() == line.encode() + SOMEONES_CRONTAB
    assert "through cron (crontab)" in result.output

    status = run("remind", "status")
    assert "Reminder every day at 20:30, through cron (crontab):" in status.output

    off = run("remind", "off")
    assert off.exit_code == 0, off.output
    assert fakes.crontab_file.read_bytes() == SOMEONES_CRONTAB


def test_cron_set_twice_keeps_one_line(run: Run, fakes: Fakes, journal_path: Path) -> None:
    fakes.systemctl(works=False)
    fakes.crontab()
    fakes.crontab_file.write_bytes(SOMEONES_CRONTAB)
    run("remind", "set", "20:30")
    run("remind", "set", "07:05")
    line = f"5 7 * * * {command(journal_path)}  {MARK}\n"
    assert fakes.crontab_file.read_bytes() == line.encode() + SOMEONES_CRONTAB


def test_a_user_without_a_crontab_has_none_again_after_off(run: Run, fakes: Fakes) -> None:
    fakes.systemctl(works=False)
    fakes.crontab()
    assert run("remind", "set", "21:00").exit_code == 0
    assert fakes.crontab_file.read_text(encoding="utf-8").startswith("0 21 * * * ")
    assert run("remind", "off").exit_code == 0
    assert not fakes.crontab_file.exists()
    assert fakes.calls[-1] == "crontab -r"


def test_a_percent_sign_in_the_path_is_escaped_for_cron(
    run: Run, fakes: Fakes, tmp_path: Path
) -> None:
    fakes.systemctl(works=False)
    fakes.crontab()
    journal = tmp_path / "100%" / "j.sqlite3"
    assert run("--db", str(journal), "remind", "set", "20:30", db=False).exit_code == 0
    assert f"--db {tmp_path}/100\\%/j.sqlite3 remind run" in fakes.crontab_file.read_text(
        encoding="utf-8"
    )


# -- launchd (macOS) --------------------------------------------------------------------


def test_launchd_agent_on_a_mac(
    run: Run, fakes: Fakes, journal_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(nervelog.reminder, "current_platform", lambda: "darwin")
    fakes.program("launchctl", "exit 0")
    result = run("remind", "set", "20:30")
    assert result.exit_code == 0, result.output
    plist = Path.home() / "Library" / "LaunchAgents" / "org.nervelog.reminder.plist"
    agent = plistlib.loads(plist.read_bytes())
    assert agent == {
        "Label": "org.nervelog.reminder",
        "ProgramArguments": command(journal_path).split(" "),
        "StartCalendarInterval": {"Hour": 20, "Minute": 30},
        "RunAtLoad": False,
    }
    assert mode(plist) == 0o600
    uid = os.getuid()
    assert fakes.calls == [
        f"launchctl bootout gui/{uid}/org.nervelog.reminder",
        f"launchctl bootstrap gui/{uid} {plist}",
    ]
    assert "every day at 20:30, through a launchd agent" in run("remind", "status").output
    assert run("remind", "off").exit_code == 0
    assert not plist.exists()
    assert fakes.calls[-1] == f"launchctl bootout gui/{uid}/org.nervelog.reminder"


# -- refusals ---------------------------------------------------------------------------


@pytest.mark.parametrize("time", ["25:00", "7pm", "20:60", "", "8:30"])
def test_a_time_that_is_not_hh_mm_is_refused(
    run: Run, fakes: Fakes, tmp_path: Path, time: str
) -> None:
    fakes.systemctl()
    result = run("remind", "set", time)
    assert result.exit_code == 2
    assert f"time: {time!r} is not allowed; expected a 24-hour time as HH:MM" in result.output
    assert fakes.calls == [] and not units(tmp_path)[0].parent.exists()


def test_no_scheduler_names_what_was_looked_for(run: Run, fakes: Fakes) -> None:
    fakes.systemctl(works=False)  # and no crontab on PATH
    result = run("remind", "set", "20:30")
    assert result.exit_code == 2
    assert (
        "No scheduler found to run a daily reminder: looked for a systemd user timer "
        "(systemctl --user) or cron (crontab). Nothing was installed." in result.output
    )


def test_no_launchctl_on_a_mac_names_it(
    run: Run, fakes: Fakes, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(nervelog.reminder, "current_platform", lambda: "darwin")
    result = run("remind", "set", "20:30")
    assert result.exit_code == 2 and "looked for a launchd agent (launchctl)" in result.output


def test_the_demo_journal_gets_no_reminder(run: Run, fakes: Fakes) -> None:
    fakes.systemctl()
    result = run("--demo", "remind", "set", "20:30", db=False)
    assert result.exit_code == 2 and "demo journal" in result.output
    assert fakes.calls == []


# -- what fires -------------------------------------------------------------------------


def test_the_notification_says_nothing_from_the_journal(run: Run, fakes: Fakes) -> None:
    fakes.program("notify-send", "exit 0")
    run("log", "--date", "yesterday", "--pain", "7", "--numbness", "6", "--note", NOTE)
    result = run("remind", "run")
    assert (result.exit_code, result.output) == (0, "")
    assert fakes.calls == [
        "notify-send --app-name nervelog nervelog Time for your nervelog check-in"
    ]
    sent = fakes.calls[0]
    assert NOTE not in sent and "burning" not in sent
    assert not any(ch.isdigit() for ch in sent)


def test_nothing_fires_once_today_is_logged(run: Run, fakes: Fakes) -> None:
    fakes.program("notify-send", "exit 0")
    run("log", "--pain", "3")
    assert run("remind", "run").exit_code == 0
    assert fakes.calls == []


def test_no_notifier_is_a_clear_message(run: Run, fakes: Fakes) -> None:
    result = run("remind", "run")
    assert result.exit_code == 2
    assert "notify-send (Debian: libnotify-bin) is not installed" in result.output


def test_moving_to_systemd_takes_the_old_cron_line_out(
    run: Run, fakes: Fakes, tmp_path: Path
) -> None:
    fakes.systemctl(works=False)
    fakes.crontab()
    fakes.crontab_file.write_bytes(SOMEONES_CRONTAB)
    run("remind", "set", "20:30")
    fakes.systemctl()  # the user manager answers now (a desktop session)
    assert run("remind", "set", "20:30").exit_code == 0
    assert fakes.crontab_file.read_bytes() == SOMEONES_CRONTAB
    assert units(tmp_path)[0].exists()
    status = run("remind", "status").output
    assert "systemd" in status and "cron" not in status


def test_a_line_whose_schedule_was_edited_is_still_found_and_removed(
    run: Run, fakes: Fakes
) -> None:
    fakes.systemctl(works=False)
    fakes.crontab()
    fakes.crontab_file.write_bytes(SOMEONES_CRONTAB)
    run("remind", "set", "20:30")
    edited = fakes.crontab_file.read_bytes().replace(b"30 20 * * *", b"30 20 * * 1-5", 1)
    fakes.crontab_file.write_bytes(edited)
    assert "at a time nervelog cannot read" in run("remind", "status").output
    run("remind", "set", "21:00")
    assert fakes.crontab_file.read_bytes().count(MARK.encode()) == 1
    run("remind", "off")
    assert fakes.crontab_file.read_bytes() == SOMEONES_CRONTAB


def test_a_crontab_that_cannot_be_read_does_not_hide_the_timer(
    run: Run, fakes: Fakes, tmp_path: Path
) -> None:
    fakes.systemctl()
    run("remind", "set", "20:30")
    fakes.program("crontab", 'echo "You (ann) are not allowed to use this program" >&2; exit 1')
    status = run("remind", "status")
    assert "every day at 20:30, through a systemd user timer" in status.output
    assert "Could not look in cron (crontab)" in status.output and status.exit_code == 2
    off = run("remind", "off")
    assert "Removed the reminder from a systemd user timer" in off.output
    assert off.exit_code == 2 and not units(tmp_path)[0].exists()
