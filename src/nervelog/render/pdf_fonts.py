"""Fonts for the PDF: DejaVu Sans shipped with nervelog, and the machine's fonts for the rest.

DejaVu covers Latin, Greek, Cyrillic, Arabic and Hebrew. For characters it lacks (CJK,
emoji, Indic scripts…) a font that has them is looked up on the machine: fontconfig on
Linux, the standard font folders on macOS and Windows. A character no font has is drawn
as a visible box (□), and the report says which script lacked a font and how to add one.
Nothing is downloaded.
"""

from __future__ import annotations

import os
import re
import shutil
import subprocess
import sys
import unicodedata
from collections.abc import Iterable
from dataclasses import dataclass, field
from pathlib import Path
from typing import NamedTuple

FONT = "DejaVu"
FONT_FOLDER = Path(__file__).resolve().parent.parent / "fonts"
BOX = "□"
"""Drawn in place of a character no available font has: visible, never a silent ``?``."""

# (name for the message, code point ranges, a font that has it)
_SCRIPTS: tuple[tuple[str, tuple[tuple[int, int], ...], str], ...] = (
    (
        "Chinese, Japanese or Korean",
        (
            (0x2E80, 0x9FFF),
            (0xAC00, 0xD7AF),
            (0xF900, 0xFAFF),
            (0xFF00, 0xFFEF),
            (0x20000, 0x3FFFF),
        ),
        "Noto Sans CJK (Debian/Ubuntu: sudo apt install fonts-noto-cjk)",
    ),
    (
        "emoji",
        ((0x1F000, 0x1FAFF), (0x2600, 0x27BF)),
        "Noto Color Emoji (Debian/Ubuntu: sudo apt install fonts-noto-color-emoji)",
    ),
    ("Arabic", ((0x0600, 0x06FF), (0x0750, 0x077F), (0xFB50, 0xFDFF), (0xFE70, 0xFEFF)), ""),
    ("Hebrew", ((0x0590, 0x05FF),), ""),
    ("Devanagari", ((0x0900, 0x097F),), ""),
    ("Bengali", ((0x0980, 0x09FF),), ""),
    ("Tamil", ((0x0B80, 0x0BFF),), ""),
    ("Thai", ((0x0E00, 0x0E7F),), ""),
)


# Unicode names start with their script: "OL CHIKI LETTER LA", "EGYPTIAN HIEROGLYPH A001".
_NAME_PARTS = re.compile(
    r"^(.+?) (?:CAPITAL |SMALL )?(?:LETTER|SIGN|DIGIT|HIEROGLYPH|SYLLABLE|SYLLABICS|"
    r"CHARACTER|VOWEL|CONSONANT|MARK|SYMBOL|LIGATURE|NUMBER|PUNCTUATION|IDEOGRAPH)\b"
)


def script_of(char: str) -> str:
    """The script a character belongs to, as named in messages.

    The scripts listed above by their code points; any other by the first words of the
    character's Unicode name ("Ol Chiki"); ``other`` when it has none.
    """
    code = ord(char)
    for name, ranges, _ in _SCRIPTS:
        if any(low <= code <= high for low, high in ranges):
            return name
    named = _NAME_PARTS.match(unicodedata.name(char, ""))
    return named.group(1).title() if named else "other"


def font_hint(script: str) -> str:
    """How to get a font for ``script``."""
    for name, _, hint in _SCRIPTS:
        if name == script and hint:
            return hint
    if script == "other":
        return "a font that has these characters, e.g. from the Noto family"
    if any(name == script for name, _, _ in _SCRIPTS):
        return f"Noto Sans {script} (Debian/Ubuntu: sudo apt install fonts-noto-core)"
    return f"a Noto font for {script} (Debian/Ubuntu: sudo apt install fonts-noto-extra)"


def ignorable(char: str) -> bool:
    """Joiners, variation selectors and the like: never drawn on their own, never missing."""
    return char in "\n\t" or unicodedata.category(char) in ("Cf", "Cc", "Zs")


def combining(char: str) -> bool:
    """A mark that belongs to the letter before it (a vowel sign, an accent)."""
    return unicodedata.category(char) in ("Mn", "Mc", "Me")


class FontFile(NamedTuple):
    """A font file on the machine (``face``: its number in a .ttc collection)."""

    path: Path
    face: int = 0


@dataclass
class FontPlan:
    """Which machine fonts a report needs beyond DejaVu, and what no font has."""

    fallbacks: list[FontFile] = field(default_factory=list)
    missing: dict[str, set[str]] = field(default_factory=dict)
    """Script name to the characters no font has."""

    def warnings(self) -> list[str]:
        """One line per script without a font, saying how to add one."""
        return [
            f"No font on this machine has the {script} characters in the report "
            f"({''.join(sorted(chars))[:12]}); the PDF shows them as {BOX}. "
            f"Install {font_hint(script)}, then make the report again."
            for script, chars in sorted(self.missing.items())
        ]


def plan_fonts(chars: Iterable[str], covered: set[int]) -> FontPlan:
    """The fallback fonts for the characters that ``covered`` (DejaVu's cmap) lacks."""
    plan = FontPlan()
    needed = sorted({c for c in chars if ord(c) not in covered and not ignorable(c)})
    by_script: dict[str, list[str]] = {}
    for char in needed:
        by_script.setdefault(script_of(char), []).append(char)
    for script, group in by_script.items():
        left = set(group)
        for font in _fonts_for(group[0]):
            cmap = _cmap(font)
            if not cmap or ord(group[0]) not in cmap:
                continue
            if font not in plan.fallbacks:
                plan.fallbacks.append(font)
            left = {c for c in left if ord(c) not in cmap}
            break
        if left:
            plan.missing.setdefault(script, set()).update(left)
    return plan


def _fonts_for(char: str) -> list[FontFile]:
    """Machine fonts that may have ``char``, best first."""
    if shutil.which("fc-list"):
        return _fontconfig(char)
    return [FontFile(p) for p in _font_files()]


def _fontconfig(char: str) -> list[FontFile]:
    try:
        out = subprocess.run(
            ["fc-list", f":charset={ord(char):x}", "file", "index", "style"],
            capture_output=True,
            text=True,
            timeout=10,
            check=False,
        ).stdout
    except (OSError, subprocess.SubprocessError):
        return []
    found: list[tuple[int, FontFile]] = []
    for line in out.splitlines():
        path, _, rest = line.partition(": ")
        index = 0
        if ":index=" in rest or rest.startswith("index="):
            try:
                index = int(rest.split("index=")[1].split(":")[0])
            except ValueError:
                index = 0
        found.append((_preference(path, rest), FontFile(Path(path), index)))
    return [
        f for _, f in sorted(found, key=lambda item: (-item[0], str(item[1].path), item[1].face))
    ]


def _preference(path: str, style: str) -> int:
    """Regular sans faces first; bold, serif and mono later."""
    name = (Path(path).name + " " + style).lower()
    score = 0
    score += 2 if "sans" in name else 0
    score += 1 if "regular" in name or "book" in name else 0
    score -= 2 if "bold" in name or "black" in name or "light" in name or "thin" in name else 0
    score -= 1 if "serif" in name or "mono" in name else 0
    return score


def _font_files() -> list[Path]:
    """Font files in the standard folders of macOS and Windows (and ~/.fonts)."""
    if sys.platform == "darwin":
        folders = [
            Path("/System/Library/Fonts"),
            Path("/Library/Fonts"),
            Path.home() / "Library/Fonts",
        ]
    elif sys.platform == "win32":
        folders = [Path(os.environ.get("WINDIR", r"C:\Windows")) / "Fonts"]
        local = os.environ.get("LOCALAPPDATA")
        if local:
            folders.append(Path(local) / "Microsoft" / "Windows" / "Fonts")
    else:
        folders = [
            Path("/usr/share/fonts"),
            Path.home() / ".fonts",
            Path.home() / ".local/share/fonts",
        ]
    files: list[Path] = []
    for folder in folders:
        if folder.is_dir():
            files += sorted(
                p for p in folder.rglob("*") if p.suffix.lower() in (".ttf", ".otf", ".ttc")
            )
    return sorted(files, key=lambda p: -_preference(str(p), ""))


def _cmap(font: FontFile) -> set[int]:
    """The code points a font file has (empty when it cannot be read)."""
    from fontTools.ttLib import TTFont

    try:
        with TTFont(font.path, fontNumber=font.face, lazy=True) as ttf:
            best = ttf.getBestCmap()
            return set(best) if best else set()
    except Exception:  # an unreadable font is simply not used
        return set()
