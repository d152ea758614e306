# SPDX-FileCopyrightText: 2026 The infoblad team
# SPDX-License-Identifier: EUPL-1.2
"""The claims ledger of a content folder: every figure in the texts traced to its source.

A content folder (the built-in one, or a pack) may hold ``claims.yaml`` next to
``nl/`` and ``en/``. Each line names one factual claim: the entry and field it
stands in, a short literal fragment of that field, the claim in a few words, the
source URL and where in the source it stands. ``check`` finds what is wrong with
a ledger and every sentence with a figure (a digit) that no ledger line covers,
so an unsourced number cannot slip into the content unnoticed.

Pure: reads the folder, returns ``Problem`` records, prints nothing.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from pathlib import Path
from typing import Any, NamedTuple

from .errors import ContentError, Problem, msg
from .schema import LINE_KEY, LINES_KEY, normalize_text

LEDGER = "claims.yaml"
LANGUAGES = ("nl", "en")
FIELDS = ("entry", "lang", "field", "fragment", "claim", "source", "where")

# Keys whose values are references, settings or sources, never prose with claims.
_SKIP = frozenset(
    {
        "id",
        "sources",
        "weight",
        "kind",
        "theme",
        "answer",
        "lessons",
        "answers",
        "cases",
        "narrative",
        "personal",
        "website",
        "email",
    }
)
_NUMBER = re.compile(r"\d+(?:[.,]\d+)*")
_URL = re.compile(r"https?://\S+")
_SENTENCE_END = re.compile(r"(?<=[.!?])\s+")
_HTTP = re.compile(r"^https?://[^\s/$.?#][^\s]*$")


class Field(NamedTuple):
    """One prose field of one entry, as written in a content file."""

    entry: str  # e.g. "personal/ambtseed", "quiz/balie-bedreiging", "about"
    field: str  # e.g. "text", "options[2].feedback", "asks_of_you.frontline[1]"
    text: str  # normalised: lines of a paragraph joined
    file: str
    line: int | None


def numbers(text: str) -> list[str]:
    """The figures in ``text`` (digits, with their thousands or decimal separators)."""
    return _NUMBER.findall(text)


def sentences(text: str) -> list[str]:
    """The sentences of a field, without the web addresses in them."""
    found: list[str] = []
    for paragraph in text.split("\n\n"):
        found.extend(s.strip() for s in _SENTENCE_END.split(_URL.sub("", paragraph)) if s.strip())
    return found


def _walk(value: Any, entry: str, path: str, file: str, line: int | None) -> Iterator[Field]:
    if isinstance(value, str):
        if value.strip():
            yield Field(entry, path, normalize_text(value), file, line)
    elif isinstance(value, list):
        for index, item in enumerate(value, 1):
            item_line = item.get(LINE_KEY, line) if isinstance(item, dict) else line
            yield from _walk(item, entry, f"{path}[{index}]", file, item_line)
    elif isinstance(value, dict):
        lines = value.get(LINES_KEY, {})
        for key, item in value.items():
            if key.startswith("__") or key in _SKIP:
                continue
            yield from _walk(item, entry, f"{path}.{key}" if path else key, file, lines.get(key, line))


def _entries(kind: str, data: Any) -> Iterator[tuple[str, Any]]:
    """(entry name, mapping) for every entry of one file; top-level prose of a document kind too."""
    if not isinstance(data, dict):
        return
    if kind in ("personal", "about"):
        doc = data.get(kind)
        if not isinstance(doc, dict):
            return
        children = "themes" if kind == "personal" else "sections"
        top = {k: v for k, v in doc.items() if k != children}
        yield kind, top
        for item in doc.get(children) or []:
            if isinstance(item, dict) and isinstance(item.get("id"), str):
                yield f"{kind}/{item['id']}", item
        return
    if kind == "quiz":
        for group, name in (("themes", "quiz-theme"), ("questions", "quiz")):
            for item in data.get(group) or []:
                if isinstance(item, dict) and isinstance(item.get("id"), str):
                    # A recognise question's options are narrative IDs, not prose.
                    if item.get("kind") == "recognise":
                        item = {k: v for k, v in item.items() if k != "options"}
                    yield f"{name}/{item['id']}", item
        return
    key = "contacts" if kind == "contact" else kind
    for item in data.get(key) or []:
        if isinstance(item, dict) and isinstance(item.get("id"), str):
            yield f"{kind}/{item['id']}", item


def fields(root: Path, lang: str) -> Iterator[Field]:
    """Every prose field of the content of one language in a content folder."""
    from .yamlsafe import load_file

    folder = root / lang
    if not folder.is_dir():
        return
    for path in sorted(folder.glob("*.yaml")):
        try:
            data = load_file(path)
        except ContentError:
            continue  # the content checks report a file that cannot be read
        for entry, mapping in _entries(path.stem, data):
            yield from _walk(mapping, entry, "", str(path), mapping.get(LINE_KEY))


class Claim(NamedTuple):
    entry: str
    lang: str
    field: str
    fragment: str
    line: int | None


def read_ledger(path: Path) -> tuple[list[Claim] | None, list[Problem]]:
    """The lines of one ledger (None when it cannot be read at all), and what is wrong with its form."""
    from .yamlsafe import load_file

    file = str(path)
    try:
        data = load_file(path)
    except ContentError as error:
        return None, error.problems
    items = data.get("claims") if isinstance(data, dict) else None
    if not isinstance(items, list):
        return None, [Problem(file, msg("claims.no_list"), expected=msg("claims.no_list_expected"))]
    claims: list[Claim] = []
    problems: list[Problem] = []
    for index, item in enumerate(items, 1):
        where = f"claims[{index}]"
        if not isinstance(item, dict):
            problems.append(Problem(file, msg("claims.not_mapping"), entry=where))
            continue
        line = item.get(LINE_KEY)
        lines = item.get(LINES_KEY, {})
        missing = [k for k in FIELDS if not isinstance(item.get(k), str) or not item[k].strip()]
        if missing:
            problems.append(
                Problem(
                    file,
                    msg("claims.missing", keys=", ".join(missing)),
                    line,
                    where,
                    None,
                    ", ".join(FIELDS),
                )
            )
            continue
        if item["lang"] not in LANGUAGES:
            problems.append(
                Problem(
                    file,
                    msg("claims.bad_lang", language=item["lang"]),
                    lines.get("lang", line),
                    where,
                    "lang",
                    " / ".join(LANGUAGES),
                )
            )
            continue
        if not _HTTP.match(item["source"].strip()):
            problems.append(
                Problem(
                    file,
                    msg("claims.bad_source", source=item["source"]),
                    lines.get("source", line),
                    where,
                    "source",
                    "https://...",
                )
            )
        claims.append(
            Claim(
                item["entry"].strip(),
                item["lang"],
                item["field"].strip(),
                normalize_text(item["fragment"], True),
                lines.get("fragment", line),
            )
        )
    return claims, problems


def check(root: Path) -> list[Problem]:
    """What is wrong with the ledger of a content folder, and every figure it leaves unsourced.

    A folder without ``claims.yaml`` has nothing to check. The problems carry message keys.
    """
    from .fileio import content_file

    path = root / LEDGER
    state = content_file(path)  # a folder, FIFO or broken link in its place is a problem, not nothing
    if state is False:
        return []
    if state is not True:
        return [state]
    claims, problems = read_ledger(path)
    if claims is None:  # listing every figure of the folder would bury the one real problem
        return problems
    by_field: dict[tuple[str, str, str], list[Claim]] = {}
    for claim in claims:
        by_field.setdefault((claim.lang, claim.entry, claim.field), []).append(claim)
    seen: set[tuple[str, str, str]] = set()
    for text_lang in LANGUAGES:
        for f in fields(root, text_lang):
            key = (text_lang, f.entry, f.field)
            seen.add(key)
            mine = by_field.get(key, [])
            for claim in mine:
                if claim.fragment not in f.text:
                    problems.append(
                        Problem(
                            str(path),
                            msg("claims.fragment_gone", fragment=claim.fragment),
                            claim.line,
                            f.entry,
                            f.field,
                            msg("claims.fragment_gone_expected"),
                        )
                    )
            for sentence in sentences(f.text):
                covered = {n for c in mine if c.fragment in sentence for n in numbers(c.fragment)}
                loose = [n for n in numbers(sentence) if n not in covered]
                if loose:
                    problems.append(
                        Problem(
                            f.file,
                            msg("claims.unsourced", figure=loose[0], sentence=sentence),
                            f.line,
                            f.entry,
                            f.field,
                            msg("claims.unsourced_expected", ledger=LEDGER),
                        )
                    )
    for claim in claims:
        if (claim.lang, claim.entry, claim.field) not in seen:
            problems.append(
                Problem(
                    str(path),
                    msg("claims.no_field", language=claim.lang),
                    claim.line,
                    claim.entry,
                    claim.field,
                    msg("claims.no_field_expected"),
                )
            )
    return problems
