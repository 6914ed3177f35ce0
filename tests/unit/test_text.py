"""User text as terminals show it: measured, cut and escaped one way everywhere."""

from __future__ import annotations

import pytest

from nervelog.domain.printable import printable
from nervelog.domain.text import clip, display_width, one_line, pad


@pytest.mark.parametrize(
    "text, columns",
    [
        ("abc", 3),
        ("日本", 4),  # wide
        ("é", 1),  # precomposed
        ("e\u0301", 1),  # e + combining acute
        ("a·b", 3),
        ("zero\u200bwidth", 9),  # a format character takes no column
        ("Café 日本 · ok", 14),
        ("👍🏽", 2),  # thumbs up with a skin tone: one picture, two columns
        ("👨‍👩‍👧", 2),  # a ZWJ family is drawn as one emoji
        ("", 0),
    ],
)
def test_display_width_counts_terminal_columns(text: str, columns: int) -> None:
    assert display_width(text) == columns


def test_a_literal_backslash_x0a_in_a_note_is_text_not_a_line_break() -> None:
    note = r"dose written as \x0a in the leaflet"
    assert one_line(note, 60) == note


def test_one_line_marks_further_lines_with_an_ellipsis() -> None:
    assert one_line("burning feet\nafter the walk", 40) == "burning feet…"


def test_one_line_cuts_by_columns_and_never_splits_a_wide_character() -> None:
    cut = one_line("日本語のテキストです", 9)
    assert cut == "日本語の…"
    assert display_width(cut) <= 9


def test_control_characters_are_shown_not_obeyed() -> None:
    assert one_line("red\x1b[31m alert\x07", 40) == "red\\x1b[31m alert\\x07"
    assert printable("a\tb\nc") == "a\tb\nc"
    assert printable("a\tb\nc", keep_newlines=False) == "a\\x09b\\x0ac"


def test_clip_and_pad_work_in_columns() -> None:
    assert clip("abcdef", 4) == "abc…"
    assert clip("abc", 4) == "abc"
    assert pad("日本", 6) == "日本  "
    assert pad("7", 3, right=True) == "  7"


@pytest.mark.parametrize(
    ("typed", "shown"),
    [
        ("invoice\u202etxt.exe", "invoice\\u202etxt.exe"),  # right-to-left override
        ("a\u2066b\u2069c", "a\\u2066b\\u2069c"),  # bidi isolates
        ("zero\u200bwidth", "zero\\u200bwidth"),
        ("\ufeffbom", "\\ufeffbom"),
        ("csi\x9b2J del\x7f", "csi\\x9b2J del\\x7f"),  # C1 control and DEL
    ],
)
def test_invisible_and_control_characters_are_shown_not_obeyed(typed: str, shown: str) -> None:
    assert printable(typed) == shown


def test_joiners_that_scripts_and_emoji_need_are_kept() -> None:
    family = "\U0001f468\u200d\U0001f469\u200d\U0001f467"
    persian = "\u0645\u06cc\u200c\u062e\u0648\u0627\u0647\u0645"  # with a non-joiner
    assert printable(family) == family and printable(persian) == persian
