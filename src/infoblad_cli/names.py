# SPDX-FileCopyrightText: 2026 The infoblad team
# SPDX-License-Identifier: EUPL-1.2
"""Every command's Dutch name next to its English one: the one table to add a line to.

Both names always work; Dutch help and completion show the Dutch names first, English
help the English ones. A command that is the same in both languages needs no line.
Imported on every start, so it holds nothing but this table.
"""

from __future__ import annotations

DUTCH: dict[str, str] = {
    "narratives": "verhalen",
    "lessons": "lessen",
    "cases": "voorbeelden",
    "personal": "persoonlijk",
    "about": "over",
    "quiz": "zelftest",
    "history": "geschiedenis",
    "search": "zoek",
    "validate": "controleer",
    "export": "exporteer",
    "group": "groep",
    "tip": "tip",
}

ENGLISH: dict[str, str] = {dutch: english for english, dutch in DUTCH.items()}


def canonical(name: str) -> str:
    """The English (registered) name of a command typed in either language."""
    return ENGLISH.get(name, name)


def shown(name: str, lang: str) -> str:
    """The name of the English command ``name`` as a person of ``lang`` sees it."""
    return DUTCH.get(name, name) if lang == "nl" else name
