"""Laying out a report as plain text or Markdown: headings, paragraphs, tables.

Text is measured and wrapped by display width (``domain.text``), so CJK and emoji in
the patient's notes keep the columns straight; Markdown escapes what it would format.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass, field
from typing import NamedTuple

from nervelog.domain.text import display_width, lines_of, pad, wrap


class TableSpan(NamedTuple):
    """Where a plain-text table lies in the lines, so pages break between its rows."""

    header: list[str]
    """The heading row and its rule, repeated on a page the table continues onto."""
    rows: list[int]
    """The index of each row's first line."""
    end: int
    """The index after the table's last line."""


@dataclass
class TextDoc:
    """A report being laid out as plain text (fixed width) or as Markdown."""

    markdown: bool
    width: int
    lines: list[str] = field(default_factory=list)
    tables: list[TableSpan] = field(default_factory=list)

    def blank(self) -> None:
        if self.lines and self.lines[-1] != "":
            self.lines.append("")

    def title(self, text: str, mark: str = "#", rule: str = "=") -> None:
        self.blank()
        self.lines += [f"{mark} {text}"] if self.markdown else [text, rule * len(text)]
        self.blank()

    def heading(self, text: str) -> None:
        self.title(text, "##", "-")

    def subheading(self, text: str) -> None:
        self.blank()
        self.lines.append(f"### {text}" if self.markdown else text)
        if self.markdown:
            self.blank()

    def item(self, text: str) -> None:
        """A list item; the patient's words in it are shown literally in Markdown."""
        if self.markdown:
            self.lines.append(f"- {md_escape(text).replace(chr(10), ' ')}")
            return
        lines = _fill(text, self.width - 2)
        self.lines += [f"{'-' if i == 0 else ' '} {line}".rstrip() for i, line in enumerate(lines)]

    def para(self, text: str) -> None:
        for paragraph in text.split("\n"):
            if self.markdown:
                # Markdown viewers re-flow paragraphs; a hard wrap would only get in the way.
                self.lines.append(paragraph.strip())
            else:
                self.lines += _fill(paragraph, self.width)

    def rule(self) -> None:
        self.blank()
        self.lines.append("---" if self.markdown else "=" * self.width)

    def strong(self, text: str) -> None:
        self.para(f"**{text}**" if self.markdown else text)

    def block(self, text: str) -> None:
        fence = ["```"] if self.markdown else []
        self.lines += [*fence, *text.split("\n"), *fence]

    def table(
        self,
        headings: Sequence[str],
        rows: Sequence[Sequence[str]],
        widths: Sequence[int],
        indent: str = "",
    ) -> None:
        """A table; in text, ``widths`` are the column widths and long cells wrap."""
        if self.markdown:
            self.lines.append("| " + " | ".join(_md_cell(h) for h in headings) + " |")
            self.lines.append("|" + "|".join("---" for _ in headings) + "|")
            for row in rows:
                self.lines.append("| " + " | ".join(_md_cell(c) for c in row) + " |")
            return
        header, body = _text_table(headings, rows, widths, indent)
        self.lines += header
        starts = []
        for row_lines in body:
            starts.append(len(self.lines))
            self.lines += row_lines
        self.tables.append(TableSpan(header, starts, len(self.lines)))


_MD_SPECIAL = re.compile(r"([\\`*_\[\]<>|#])")


def md_escape(text: str) -> str:
    """User text shown literally in Markdown: no emphasis, links, headings or HTML."""
    return _MD_SPECIAL.sub(r"\\\1", text)


def _md_cell(text: str) -> str:
    """A Markdown table cell: special characters escaped, line breaks as ``<br>``."""
    return md_escape(text).replace("\n", "<br>")


def _fill(text: str, width: int) -> list[str]:
    """Wrap one paragraph by display width; over-long words are cut, never overflowing."""
    return [line.rstrip() for line in wrap(text.strip(), width)]


def _wrap_cell(text: str, width: int) -> list[str]:
    if "\n" not in text and display_width(text) <= width:
        return [text.strip()]  # most cells fit as they are
    return list(lines_of(text, width)) or [""]


def _text_table(
    headings: Sequence[str], rows: Sequence[Sequence[str]], widths: Sequence[int], indent: str
) -> tuple[list[str], list[list[str]]]:
    """The heading row with its rule, and each row's lines."""

    def render(cells: Sequence[str]) -> list[str]:
        wrapped = [_wrap_cell(c, w) for c, w in zip(cells, widths, strict=True)]
        height = max(len(col) for col in wrapped)
        out = []
        for i in range(height):
            parts = [
                pad(col[i] if i < len(col) else "", w)
                for col, w in zip(wrapped, widths, strict=True)
            ]
            out.append((indent + "  ".join(parts)).rstrip())
        return out

    header = render(headings)
    header.append((indent + "  ".join("-" * w for w in widths)).rstrip())
    return header, [render(row) for row in rows]
