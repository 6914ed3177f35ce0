"""Pages for the plain-text report, so a printout carries the disclaimer on every sheet."""

from __future__ import annotations

import textwrap

from nervelog.domain.disclaimer import DISCLAIMER

# 60 lines fit an A4 or Letter sheet at the usual 6 lines per inch with margins.
PAGE_LINES = 60
# A break is moved back to a blank line when one is this close, so charts and tables
# are not cut in half.
LOOK_BACK = 24


def paginate(text: str, width: int, page_lines: int = PAGE_LINES) -> str:
    """Split ``text`` into pages separated by form feeds, each ending with a footer.

    The footer is a rule, the disclaimer and "page N of M", never wider than ``width``.
    """
    footer_lines = textwrap.wrap(DISCLAIMER, width)
    body_lines = page_lines - len(footer_lines) - 2  # the rule and the page number
    lines = text.rstrip("\n").split("\n")
    pages: list[list[str]] = []
    start = 0
    while start < len(lines):
        end = min(start + body_lines, len(lines))
        if end < len(lines):
            blanks = [
                i
                for i in range(end, max(start, end - LOOK_BACK), -1)
                if not lines[i].strip() and not _underline(lines[i - 1])
            ]
            if blanks:
                end = blanks[0]
        pages.append(lines[start:end])
        start = end
        while start < len(lines) and not lines[start].strip():
            start += 1  # a page never starts with blank lines
    total = len(pages)
    out = []
    for number, page in enumerate(pages, start=1):
        padding = [""] * (body_lines - len(page))
        label = f"page {number} of {total}"
        footer = ["-" * width, *footer_lines, label.rjust(width)]
        out.append("\n".join([*page, *padding, *footer]))
    return "\n\f\n".join(out) + "\n"


def _underline(line: str) -> bool:
    """A heading's underline: a page break right under it would orphan the heading."""
    text = line.strip()
    return bool(text) and set(text) <= {"-", "="}
