"""The unlock screen: an encrypted journal opens only with its passphrase, three tries."""

from __future__ import annotations

from pathlib import Path

from textual.widgets import Static

from nervelog.domain.dates import FixedClock
from nervelog.storage import Journal, open_journal
from nervelog.storage.cipher import convert
from nervelog.storage.connect import WrongPassphrase
from nervelog.tui.app import NervelogApp
from nervelog.tui.screens.checkin import CheckinScreen
from nervelog.tui.unlock import Attempt, UnlockApp

PASS = "open sesame, please"


def encrypted_journal(journal_path: Path, clock: FixedClock) -> None:
    journal = open_journal(journal_path, clock)
    journal.set_setting("welcomed", "yes")
    journal.update_entry(clock.today().subtract(days=1), {"pain": 4}, "secret note")
    journal.db.conn.close()
    convert(journal_path, None, PASS)


def attempt_for(journal_path: Path, clock: FixedClock, opened: list[Journal]) -> Attempt:
    def attempt(passphrase: str) -> str | None:
        try:
            opened.append(open_journal(journal_path, clock, unlock=lambda _: passphrase))
        except WrongPassphrase:
            return "That passphrase does not open this journal."
        return None

    return attempt


def message(app: UnlockApp) -> str:
    return str(app.query_one("#unlock-message", Static).render())


async def test_wrong_then_right_passphrase_opens_the_check_in(
    journal_path: Path, clock: FixedClock
) -> None:
    encrypted_journal(journal_path, clock)
    opened: list[Journal] = []
    unlock = UnlockApp(journal_path, attempt_for(journal_path, clock, opened))
    async with unlock.run_test(size=(80, 24)) as pilot:
        screen_text = " ".join(str(w.render()) for w in unlock.query(Static))
        assert "This journal is encrypted." in screen_text
        assert "Personal observations recorded by the patient" in screen_text
        assert "secret note" not in screen_text
        await pilot.press(*"guess", "enter")
        await pilot.pause()
        assert message(unlock) == "That passphrase does not open this journal. 2 tries left."
        await pilot.press(*PASS, "enter")
        await pilot.pause()
    assert unlock.return_value is True and len(opened) == 1

    app = NervelogApp(opened[0], clock)
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.pause()
        assert isinstance(app.screen, CheckinScreen)  # as on a plain journal
    opened[0].db.conn.close()


async def test_three_wrong_passphrases_leave_it_locked(
    journal_path: Path, clock: FixedClock
) -> None:
    encrypted_journal(journal_path, clock)
    before = journal_path.read_bytes()
    opened: list[Journal] = []
    unlock = UnlockApp(journal_path, attempt_for(journal_path, clock, opened))
    async with unlock.run_test() as pilot:
        for guess, left in (("one", "2 tries"), ("two", "1 try")):
            await pilot.press(*guess, "enter")
            await pilot.pause()
            assert message(unlock).endswith(f"{left} left.")
        await pilot.press(*"three", "enter")
        await pilot.pause()
    assert unlock.return_value is False and opened == []
    assert journal_path.read_bytes() == before
