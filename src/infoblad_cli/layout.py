# SPDX-FileCopyrightText: 2026 The infoblad team
# SPDX-License-Identifier: EUPL-1.2
"""Text laid out for any screen width: words are never split across lines.

Shared by the help (help_i18n.py) and the home screen (render.py). Standard
library only: the reading path imports it.
"""

from __future__ import annotations

import textwrap
from collections.abc import Sequence


def wrap(text: str, width: int, first: str = "", rest: str = "") -> list[str]:
    """Lines of at most ``width`` characters, broken only at spaces: a word is never split."""
    return textwrap.wrap(
        text,
        width=max(1, width),
        initial_indent=first,
        subsequent_indent=rest,
        break_long_words=False,
        break_on_hyphens=False,
    ) or [first.rstrip()]


def two_columns(
    rows: Sequence[tuple[str, str]], width: int, indent: int = 2, gap: int = 2, term_max: int = 30
) -> list[str]:
    """Terms with their descriptions: beside each other when there is room, else stacked.

    Stacked means the term on its own line and the description below it, indented:
    on a narrow screen (a zoomed font gives ~40 columns) that keeps every word whole
    and readable, instead of a column of one or two words per line.
    """
    if not rows:
        return []
    term_width = min(max(len(term) for term, _ in rows), term_max)
    text_column = indent + term_width + gap
    beside = width - text_column >= min(30, max(20, width // 3))
    lines: list[str] = []
    for term, text in rows:
        if beside and len(term) <= term_width:
            body = wrap(text, width - text_column) if text else [""]
            lines.append((" " * indent + term.ljust(term_width + gap) + body[0]).rstrip())
            lines.extend(" " * text_column + line for line in body[1:])
        else:
            lines.extend(wrap(term, width, " " * indent, " " * (indent + 2)))
            if text:
                lines.extend(wrap(text, width, " " * (indent + 4), " " * (indent + 4)))
    return lines
