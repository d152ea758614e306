# SPDX-FileCopyrightText: 2026 The infoblad team
# SPDX-License-Identifier: EUPL-1.2
"""The search thesaurus: groups of words that mean the same to the people who search.

Content, not code: ``content/LANG/synonyms.yaml`` holds groups such as
``[informatieavond, bewonersavond, inspraakavond]``; a content pack's file adds
its groups to the built-in ones. A search for one word of a group also finds
the others (ranked a little below the word itself). ``validate`` checks the
files with ``problems``.
"""

from __future__ import annotations

import zlib
from pathlib import Path

from .errors import ContentError, Problem, msg

FILE = "synonyms.yaml"
MAX_WORDS = 4  # a longer phrase is never matched: search looks at runs of at most four query words
KEY = "synonyms"


def _is_file(path: Path) -> bool:
    """Whether ``path`` is a file; an unreadable folder counts as none (validate reports the folder)."""
    try:
        return path.is_file()
    except OSError:
        return False


def files(lang: str, packs: tuple[str, ...] | list[str]) -> list[Path]:
    """The thesaurus files for ``lang``: built-in first, then the packs in order (existing ones only)."""
    from .content import builtin_dir

    found = []
    for root in (builtin_dir(), *(Path(p) for p in packs)):
        path = root / lang / FILE
        if _is_file(path):
            found.append(path)
    return found


def stamp(paths: list[Path]) -> int:
    """A checksum of the files' bytes (a changed thesaurus rebuilds the search index)."""
    check = 0
    for path in paths:
        try:
            check = zlib.crc32(
                path.read_bytes(), zlib.crc32(str(path).encode("utf-8", "surrogatepass"), check)
            )
        except OSError:
            pass
    return check


def _parse(path: Path) -> tuple[list[list[str]], list[tuple[str, str, int | None, str | None]]]:
    """Groups and (message key, detail, line, entry) findings of one file; a broken file gives none."""
    from .fileio import read_bytes
    from .schema import LINES_KEY
    from .yamlsafe import decode, parse_text

    file = str(path)
    data = parse_text(decode(read_bytes(path), file), file)
    findings: list[tuple[str, str, int | None, str | None]] = []
    if not isinstance(data, dict) or KEY not in data:
        return [], [("thes.no_key", "", None, None)]
    line = data.get(LINES_KEY, {}).get(KEY)
    for key in data:
        if not key.startswith("__") and key != KEY:
            findings.append(("thes.unknown_key", key, data.get(LINES_KEY, {}).get(key), None))
    raw_groups = data[KEY]
    if not isinstance(raw_groups, list):
        return [], [("thes.not_list", "", line, None)]
    groups: list[list[str]] = []
    for index, raw in enumerate(raw_groups, 1):
        entry = f"#{index}"  # list items carry no line numbers: the group's place in the list says where
        if not isinstance(raw, list) or not all(isinstance(term, str) for term in raw):
            findings.append(("thes.group_shape", "", None, entry))
            continue
        terms = [" ".join(term.split()) for term in raw]
        if any(not any(c.isalnum() for c in term) for term in terms):
            findings.append(("thes.empty_term", "", None, entry))
            terms = [term for term in terms if any(c.isalnum() for c in term)]
        seen: set[str] = set()
        for term in terms:
            if len(term.split()) > MAX_WORDS:
                findings.append(("thes.too_long", term, None, entry))
            if term.casefold() in seen:
                findings.append(("thes.twice", term, None, entry))
            seen.add(term.casefold())
        if len(seen) < 2:
            findings.append(("thes.too_small", "", None, entry))
            continue
        groups.append(terms)
    return groups, findings


def load(paths: list[Path]) -> list[list[str]]:
    """All groups of ``paths``; a file that cannot be read is left out (``validate`` names it)."""
    groups: list[list[str]] = []
    for path in paths:
        try:
            groups.extend(_parse(path)[0])
        except (ContentError, OSError):
            continue
    return groups


WARNINGS = frozenset({"thes.twice", "thes.unknown_key", "thes.empty_term", "thes.too_long"})
_SHAPE = frozenset({"thes.no_key", "thes.not_list", "thes.group_shape"})  # these name the expected shape


def problems(root: Path, lang: str, message_lang: str) -> list[Problem]:
    """What is wrong with the thesaurus of ``root`` in ``lang``, in ``message_lang``."""
    from .strings import t

    path = root / lang / FILE
    if not _is_file(path):
        return []
    try:
        _, findings = _parse(path)
    except ContentError as exc:
        return list(exc.problems)
    except OSError as exc:
        return [Problem(str(path), msg("file.cannot_read", reason=exc.strerror or str(exc)))]
    return [
        Problem(
            str(path),
            t(message_lang, key, term=detail),
            line=line,
            entry=entry,
            expected=t(message_lang, "thes.expected") if key in _SHAPE else None,
            severity="warning" if key in WARNINGS else "error",
        )
        for key, detail, line, entry in findings
    ]
