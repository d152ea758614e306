# SPDX-FileCopyrightText: 2026 The infoblad team
# SPDX-License-Identifier: EUPL-1.2
"""``infoblad validate``: every problem of the content and the packs, at once.

Loading (``content.py``) stops at the first file that is wrong, since a bundle cannot be
built from it; ``validate`` goes on. It builds every language with and without the
packs, compares the languages (IDs, references and weights must be the same in each,
only the texts differ), checks the thesaurus files, each pack's claims ledger and
folders, and reports every problem sorted by file and line, errors before warnings.
"""

from __future__ import annotations

from collections.abc import Sequence
from pathlib import Path
from typing import Any

from . import models as m
from .content import DEFAULT_LANG, LANGUAGES, build, builtin_dir, is_folder, stray_files
from .errors import Msg, Problem, msg

# ---------------------------------------------------------------- languages in step

# Fields whose values must be the same in every language (IDs, references, weights).
_SAME_IN_ALL = {
    "id",
    "lessons",
    "answers",
    "cases",
    "theme",
    "kind",
    "weight",
    "lesson",
    "narrative",
    "answer",
    "outcome",
    "email",
    "phone",
    "website",
    "url",
}


_MODELS = frozenset(
    {
        m.Source,
        m.Asks,
        m.Tomorrow,
        m.Narrative,
        m.Lesson,
        m.Case,
        m.Theme,
        m.Personal,
        m.Section,
        m.About,
        m.ExtraLine,
        m.Contact,
        m.Term,
        m.QuizTheme,
        m.Option,
        m.Scenario,
        m.Recognise,
        m.SelfRating,
        m.Bundle,
    }
)


def _is_model(value: Any) -> bool:
    return type(value) in _MODELS


def _same_in_all(model: Any, name: str) -> bool:
    # Lesson.lesson is the lesson's text; elsewhere 'lesson' is a link to one.
    return name in _SAME_IN_ALL and not (type(model) is m.Lesson and name == "lesson")


def compare_languages(first: m.Bundle, second: m.Bundle) -> list[Problem]:
    """Where two bundles differ in IDs, fields, references or the length of lists.

    Texts may differ (they are translations); everything else must be the same.
    This walks every entry, so it is written to be quick: paths are only spelled
    out when there is a problem to report.
    """
    problems: list[Problem] = []
    where = f"{first.lang} <> {second.lang}"
    SAME = msg("drift.same")
    Path_ = tuple[Any, ...]  # (parent path, name) pairs, spelled out only for a problem

    def spell(path: Path_) -> str:
        parts: list[str] = []
        while path:
            path, name = path
            parts.append(name)
        text = ""
        for part in reversed(parts):
            text += part if part.startswith("[") or not text else "." + part
        return text

    def add(message: Msg, entry: str | None, field: str | None = None, expected: Msg | None = None) -> None:
        problems.append(Problem(where, message, entry=entry, field=field, expected=expected))

    def walk_model(a: Any, b: Any, path: Path_, entry: str | None) -> None:
        if type(a) is not type(b):
            add(
                msg(
                    "drift.type",
                    path=spell(path),
                    a=type(a).__name__,
                    b=type(b).__name__,
                    first=first.lang,
                    second=second.lang,
                ),
                entry,
            )
            return
        entry = getattr(a, "id", entry)
        for name, va, vb in zip(a._fields, a, b, strict=True):
            if type(va) is str:
                if _same_in_all(a, name) and va != vb:
                    add(
                        msg("drift.differs", path=spell((path, name)), a=repr(va), b=repr(vb)),
                        entry,
                        name,
                        SAME,
                    )
                elif bool(va) != bool(vb):
                    add(msg("drift.empty", path=spell((path, name))), entry, name)
            elif type(va) is tuple or type(vb) is tuple:
                walk_tuple(va, vb, (path, name), entry, name)
            elif _is_model(va):
                walk_model(va, vb, (path, name), entry)
            elif va != vb:  # numbers: weights
                add(msg("drift.differs", path=spell((path, name)), a=repr(va), b=repr(vb)), entry, name, SAME)

    def walk_tuple(a: Any, b: Any, path: Path_, entry: str | None, name: str) -> None:
        if not isinstance(a, tuple) or not isinstance(b, tuple):
            add(msg("drift.missing", path=spell(path)), entry, name)
            return
        holds_models = bool(a) and _is_model(a[0])
        if holds_models and hasattr(a[0], "id"):
            ids_a = [x.id for x in a]
            ids_b = [getattr(x, "id", "") for x in b]
            if ids_a != ids_b:
                only_a, only_b = sorted(set(ids_a) - set(ids_b)), sorted(set(ids_b) - set(ids_a))
                add(
                    msg(
                        "drift.ids",
                        path=spell(path),
                        first=first.lang,
                        second=second.lang,
                        only_a=", ".join(only_a) or "-",
                        only_b=", ".join(only_b) or "-",
                    )
                    if only_a or only_b
                    else msg("drift.order", path=spell(path)),
                    entry,
                )
                return
        if len(a) != len(b):
            add(
                msg(
                    "drift.count", path=spell(path), a=len(a), b=len(b), first=first.lang, second=second.lang
                ),
                entry,
                name,
                msg("drift.same_number"),
            )
            return
        if not holds_models:
            if name in _SAME_IN_ALL and a != b:  # lists of IDs: references, recognise options
                add(msg("drift.differs", path=spell(path), a=repr(a), b=repr(b)), entry, name, SAME)
            return
        for index, (x, y) in enumerate(zip(a, b, strict=True), 1):
            walk_model(x, y, (path, f"[{index}]"), entry)

    walk_model(first._replace(lang="", packs=()), second._replace(lang="", packs=()), (), None)
    return problems


# ---------------------------------------------------------------- validate


def validate(packs: Sequence[Path], lang: str = DEFAULT_LANG) -> dict[str, Any]:
    """Check the built-in content and the packs in every language; collect every problem.

    Built-in content must be complete and the same in both languages. A pack may
    hold any subset: an entry it has in one language only is a warning.
    """
    problems: list[Problem] = []
    bundles: dict[str, m.Bundle] = {}
    builtin: dict[str, m.Bundle] = {}
    for language in LANGUAGES:
        bundle, found = build(language, packs)
        problems.extend(found)
        if bundle is not None:
            bundles[language] = bundle
        if packs:
            plain_bundle, _ = build(language, ())
            if plain_bundle is not None:
                builtin[language] = plain_bundle
    first, second = LANGUAGES
    if first in bundles and second in bundles:
        drift = compare_languages(bundles[first], bundles[second])
        if packs and first in builtin and second in builtin:
            known = {p.describe() for p in compare_languages(builtin[first], builtin[second])}
            drift = [p if p.describe() in known else p._replace(severity="warning") for p in drift]
        problems.extend(drift)
    from .claims import check as check_claims
    from .strings import t
    from .thesaurus import problems as thesaurus_problems

    for root in (builtin_dir(), *packs):
        for language in LANGUAGES:
            problems.extend(thesaurus_problems(root, language, lang))
    for pack in packs:
        problems.extend(stray_files(pack))
        problems.extend(check_claims(pack))  # a pack's claims.yaml, where it has one
        if not any(is_folder(pack / code) for code in LANGUAGES):
            problems.append(
                Problem(
                    str(pack),
                    msg("content.empty_pack"),
                    severity="warning",
                    expected=msg("content.empty_pack_rule"),
                )
            )
    unique = list(dict.fromkeys(problems))  # the same problem can surface in two languages
    unique.sort(key=lambda p: (p.severity != "error", p.file, p.line or 0))
    errors = [p for p in unique if p.severity == "error"]
    counts = {}
    any_bundle = bundles.get(DEFAULT_LANG) or next(iter(bundles.values()), None)
    if any_bundle is not None:
        counts = {
            "narratives": len(any_bundle.narratives),
            "lessons": len(any_bundle.lessons),
            "cases": len(any_bundle.cases),
            "personal": len(any_bundle.personal.themes),
            "contacts": len(any_bundle.contacts),
            "questions": len(any_bundle.questions),
        }
    return {
        "ok": not errors,
        "checked": [t(lang, "validate.builtin"), *(str(p) for p in packs)],
        "errors": len(errors),
        "warnings": len(unique) - len(errors),
        "counts": counts,
        "problems": [p.to_dict(lang) for p in unique],
    }
