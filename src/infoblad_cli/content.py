# SPDX-FileCopyrightText: 2026 The infoblad team
# SPDX-License-Identifier: EUPL-1.2
"""Find, read, check and layer the content into one bundle per language (validate: checks.py).

Data flows one way: YAML file -> safe loader -> validated models -> layered
bundle. Parsing YAML is the slow part, so the parsed data of each file is kept in
a small JSON cache next to the user's other cache files, keyed by the file's
size and CRC-32: an edited file is parsed again, an unchanged one is not.
Validation runs on every load, so the cache can never hide a problem.
"""

from __future__ import annotations

import os
import zlib
from collections.abc import Iterable, Sequence
from pathlib import Path
from typing import Any, NamedTuple

from . import kinds
from . import models as m
from .errors import ContentError, Problem, UsageError, msg
from .kinds import FILES

LANGUAGES = ("nl", "en")
DEFAULT_LANG = "nl"
# The content files, one per kind (kinds.FILES).
KINDS = FILES
_FILES = {kind: f"{kind}.yaml" for kind in KINDS}
_OTHER_FILES = ("synonyms.yaml",)  # the search thesaurus: read and checked by thesaurus.py


def builtin_dir() -> Path:
    """The built-in content: inside the installed package, or the source checkout's content/."""
    here = Path(__file__).resolve().parent
    packaged = here / "content"
    if packaged.is_dir():
        return packaged
    return here.parent.parent / "content"


class Layer(NamedTuple):
    """One validated file of one content folder: what it holds and what is wrong with it."""

    file: str
    converted: dict[str, Any]  # what schema.parse_kind returned
    problems: list[Problem]
    lines: dict[str, dict[str, int]]  # schema.entry_lines: where each entry and field is


def read_layer(root: Path, lang: str, partial: bool, use_cache: bool = True) -> dict[str, Layer]:
    """Read and validate the YAML files of one language in one content folder.

    Returns kind -> Layer. Raises ContentError for files that cannot be read or
    parsed (all of them, not only the first). Problems inside a file that
    parsed are returned in its Layer, so that every problem can be listed.
    """
    found, problems = read_layer_and_problems(root, lang, partial, use_cache)
    if problems:
        raise ContentError(problems)
    return found


def is_folder(path: Path) -> bool:
    """Whether ``path`` is a folder; a folder we may not look into still is one."""
    import stat

    try:
        return stat.S_ISDIR(path.stat().st_mode)
    except (OSError, ValueError):
        return False


def read_layer_and_problems(
    root: Path, lang: str, partial: bool, use_cache: bool = True
) -> tuple[dict[str, Layer], list[Problem]]:
    """Like ``read_layer``, but the files that could be read are returned with the problems of
    those that could not: their references are still checked, so every problem shows at once."""
    from .fileio import content_file, read_bytes

    folder = root / lang
    found: dict[str, Layer] = {}
    problems: list[Problem] = []
    if not is_folder(folder):
        return found, problems
    try:
        os.listdir(folder)
    except OSError as exc:  # e.g. a folder with mode 000: say so, do not skip it
        return found, [
            Problem(str(folder), msg("content.cannot_read_folder", reason=exc.strerror or str(exc)))
        ]
    from .cache import FileCache

    cache = FileCache(root, lang) if use_cache else None
    for kind, name in _FILES.items():
        path = folder / name
        state = content_file(path)
        if state is False:
            continue
        if isinstance(state, Problem):
            problems.append(state)
            continue
        file = str(path)
        try:
            raw = read_bytes(path)
            stamp = f"{len(raw)}:{zlib.crc32(raw):08x}:{int(partial)}"
            layer = _from_cache(cache.get(name, stamp), kind, file) if cache is not None else None
            if layer is None:
                # The parser and the rules only when a file is new or changed.
                from .schema import entry_lines, parse_kind
                from .yamlsafe import decode, parse_text

                data = parse_text(decode(raw, file), file)
                converted, found_problems = parse_kind(kind, data, file, partial)
                layer = Layer(file, converted, found_problems, entry_lines(kind, data))
                if cache is not None:
                    cache.put(name, stamp, _to_cache(layer))
            found[kind] = layer
        except ContentError as exc:
            problems.extend(exc.problems)
    if cache is not None:
        cache.save(root)
    return found, problems


def _to_cache(layer: Layer) -> dict[str, Any]:
    from . import cache

    name = Path(layer.file).stem
    return {
        "converted": cache.encode(name, layer.converted),
        "problems": [p.to_row() for p in layer.problems],
        "lines": layer.lines,
    }


def _from_cache(entry: Any, kind: str, file: str) -> Layer | None:
    if not isinstance(entry, dict):
        return None
    from . import cache

    try:
        converted = cache.decode(kind, entry["converted"])
        # Messages keep the path as the user gave it this time, not as it was cached.
        problems = [Problem.from_row(p)._replace(file=file) for p in entry["problems"]]
        lines = entry["lines"]
    except (KeyError, TypeError, ValueError, AttributeError):
        return None  # a cache from another version: parse again
    return Layer(file, converted, problems, lines)


def stray_files(root: Path) -> list[Problem]:
    """Files in a content folder that will never be read: likely a typo in the name."""
    import difflib

    problems: list[Problem] = []
    try:
        children = sorted(root.iterdir())
    except OSError as exc:
        return [Problem(str(root), msg("content.cannot_read_folder", reason=exc.strerror or str(exc)))]
    for child in children:
        if is_folder(child) and child.name in LANGUAGES:
            try:
                items = sorted(child.iterdir())
            except OSError:  # reported by read_layer_and_problems
                continue
            for item in items:
                known = (*_FILES.values(), *_OTHER_FILES)
                if item.name not in known and item.suffix.lower() in (".yaml", ".yml"):
                    close = difflib.get_close_matches(item.stem, list(_FILES), n=1)
                    problems.append(
                        Problem(
                            str(item),
                            msg("content.stray_file_close", close=f"{close[0]}.yaml")
                            if close
                            else msg("content.stray_file"),
                            expected=", ".join(known),
                            severity="warning",
                        )
                    )
        elif is_folder(child) and not child.name.startswith("."):
            problems.append(
                Problem(
                    str(child),
                    msg("content.stray_folder"),
                    severity="warning",
                    expected=msg("content.language_folders", names=", ".join(LANGUAGES)),
                )
            )
    return problems


# ---------------------------------------------------------------- layering


class _Layered:
    """Entries of every kind while layers are stacked; turned into a Bundle at the end."""

    def __init__(self) -> None:
        self.lists: dict[str, dict[str, Any]] = {}
        self.docs: dict[str, dict[str, Any]] = {}
        self.origin: dict[tuple[str, str], str] = {}  # (group, id) -> file it came from
        self.lines: dict[tuple[str, str], dict[str, int]] = {}  # (group, id) -> its lines


_LIST_GROUPS = {
    "narratives": ("narratives",),
    "lessons": ("lessons",),
    "cases": ("cases",),
    "contact": ("contacts",),
    "glossary": ("glossary",),
    "quiz": ("themes", "questions"),
}
_DOC_GROUPS = {"personal": "themes", "about": "sections"}


def _stack(layers: Sequence[dict[str, Layer]]) -> tuple[_Layered, list[Problem]]:
    stacked = _Layered()
    problems: list[Problem] = []
    for group in ("narratives", "lessons", "cases", "contacts", "glossary", "themes", "questions"):
        stacked.lists[group] = {}
    for kind in _DOC_GROUPS:
        stacked.docs[kind] = {"entries": {}}
    for files in layers:
        for kind, (file, converted, found, lines) in files.items():
            problems.extend(found)
            for key, where in lines.items():
                group, _, ident = key.partition(":")
                stacked.lines[(group, ident)] = where
            if kind in _DOC_GROUPS:
                doc = converted.get(kind)
                if not isinstance(doc, dict):
                    continue
                target = stacked.docs[kind]
                for name, value in doc.items():
                    if name == _DOC_GROUPS[kind]:
                        for entry in value:
                            target["entries"][entry.id] = entry
                            stacked.origin[(f"{kind}.{name}", entry.id)] = file
                    else:
                        target[name] = value
            else:
                for group in _LIST_GROUPS[kind]:
                    entries = converted.get(group, ())
                    if not isinstance(entries, tuple):
                        continue
                    for entry in entries:
                        stacked.lists[group][entry.id] = entry
                        stacked.origin[(group, entry.id)] = file
    return stacked, problems


_GROUP_KIND = {"themes": "quiz", "questions": "quiz", "contacts": "contact"}


def _references(stacked: _Layered, unread: Iterable[str] = ()) -> list[Problem]:
    """Every ID that one entry names must exist.

    References into a kind of which a file could not be read are not checked: its
    entries are unknown, and 'does not exist' would be a false alarm next to the real problem.
    """
    lists = stacked.lists
    known = {**lists, "personal": stacked.docs["personal"]["entries"]}
    problems: list[Problem] = []
    unsure = set(unread)

    def need(group: str, owner_group: str, owner: str, field: str, ids: Iterable[str]) -> None:
        if _GROUP_KIND.get(group, group) in unsure:
            return
        for ref in ids:
            if ref and ref not in known[group]:
                import difflib

                close = difflib.get_close_matches(ref, list(known[group]), n=1)
                where = stacked.lines.get((owner_group, owner), {})
                top_field = field.split("[")[0].split(".")[0]
                problems.append(
                    Problem(
                        stacked.origin.get((owner_group, owner), "?"),
                        msg("content.bad_ref_close", ref=ref, group=group, close=close[0])
                        if close
                        else msg("content.bad_ref", ref=ref, group=group),
                        line=where.get(top_field) or where.get("") or None,
                        entry=owner,
                        field=field,
                        expected=msg("content.an_id_from", group=group),
                    )
                )

    def links(owner: str, field: str, item: m.Option | m.SelfRating) -> None:
        need("lessons", "questions", owner, f"{field}lesson", [item.lesson])
        need("narratives", "questions", owner, f"{field}narrative", [item.narrative])
        need("personal", "questions", owner, f"{field}personal", [item.personal])

    # Every 'refs' field of every kind, as kinds.py describes it.
    for kind in kinds.ENTRY_KINDS:
        if kind.file in stacked.docs:  # a document's entries: personal.themes, about.sections
            owner_group, entries = f"{kind.file}.{kind.group}", stacked.docs[kind.file]["entries"]
        else:
            owner_group, entries = kind.group, lists[kind.group]
        for field in kind.fields:
            if field.type == "refs":
                for entry in entries.values():
                    need(field.ref, owner_group, entry.id, field.name, getattr(entry, field.name))
    # The quiz's links (it has no kind description: its questions are of three shapes).
    for q in lists["questions"].values():
        need("themes", "questions", q.id, "theme", [q.theme])
        if isinstance(q, m.Scenario):
            for index, option in enumerate(q.options, 1):
                links(q.id, f"options[{index}].", option)
        elif isinstance(q, m.Recognise):
            need("narratives", "questions", q.id, "options", q.options)
        else:
            links(q.id, "", q)
    return problems


_REQUIRED_DOC = {
    "personal": ("title", "intro"),
    "about": ("title", "summary", "provenance", "checked", "sources"),
}


def _finish(lang: str, stacked: _Layered, packs: Sequence[Path]) -> tuple[m.Bundle | None, list[Problem]]:
    problems: list[Problem] = []
    docs: dict[str, dict[str, Any]] = {}
    for kind, required in _REQUIRED_DOC.items():
        doc = stacked.docs[kind]
        missing = [name for name in required if name not in doc]
        if missing or not doc["entries"]:
            problems.append(
                Problem(
                    f"{lang}/{kind}.yaml",
                    msg("content.incomplete", kind=kind, names=", ".join(missing or [_DOC_GROUPS[kind]])),
                )
            )
            continue
        values = {k: v for k, v in doc.items() if k != "entries"}
        values[_DOC_GROUPS[kind]] = tuple(doc["entries"].values())
        docs[kind] = values
    lists = stacked.lists
    for group in ("narratives", "lessons", "cases", "contacts"):
        if not lists[group]:
            problems.append(Problem(f"{lang}/", msg("content.none_of", group=group), severity="error"))
    if problems:
        return None, problems

    def own(entries: Iterable[Any]) -> tuple[Any, ...]:
        # Every entry says its language (JSON shows it); untranslated ones already did.
        return tuple(e if e.lang else e._replace(lang=lang) for e in entries)

    docs["personal"]["themes"] = own(docs["personal"]["themes"])
    docs["about"]["sections"] = own(docs["about"]["sections"])
    bundle = m.Bundle(
        lang=lang,
        narratives=own(lists["narratives"].values()),
        lessons=own(lists["lessons"].values()),
        cases=own(lists["cases"].values()),
        personal=m.Personal(**docs["personal"]),
        about=m.About(**docs["about"]),
        contacts=own(lists["contacts"].values()),
        glossary=own(lists["glossary"].values()),
        quiz_themes=tuple(lists["themes"].values()),
        questions=tuple(lists["questions"].values()),
        packs=tuple(str(p) for p in packs),
    )
    return bundle, problems


# The kinds of entries a person reads, and the field that names each: an entry that exists
# in one language only is shown in the other with a marker after this name. (Quiz
# questions are not: a quiz asks its questions in one language.)
_NAME_FIELD = {
    "narratives": "title",
    "lessons": "title",
    "cases": "title",
    "contacts": "name",
    "glossary": "term",
    "personal.themes": "title",
    "about.sections": "title",
}


def _add_untranslated(stacked: _Layered, lang: str, packs: Sequence[Path], use_cache: bool) -> None:
    """Add the packs' entries that exist only in the other language, marked and with their language."""
    from .strings import t

    other = next(code for code in LANGUAGES if code != lang)
    # That language's own problems are reported when it is read (or validated), not here.
    layers = [read_layer_and_problems(root, other, partial=True, use_cache=use_cache)[0] for root in packs]
    theirs, _ = _stack(layers)
    marker = t(lang, f"fallback.only_{other}")
    for group, name_field in _NAME_FIELD.items():
        if "." in group:
            kind = group.split(".")[0]
            ours_entries = stacked.docs[kind]["entries"]
            their_entries = theirs.docs[kind]["entries"]
        else:
            ours_entries = stacked.lists[group]
            their_entries = theirs.lists[group]
        for ident, entry in their_entries.items():
            if ident in ours_entries:
                continue
            name = getattr(entry, name_field)
            ours_entries[ident] = entry._replace(**{name_field: f"{name} ({marker})", "lang": other})
            stacked.origin[(group, ident)] = theirs.origin.get((group, ident), "?")


def check_pack_dirs(packs: Sequence[Path]) -> list[Path]:
    """Refuse content folders that do not exist (a usage error: the option is wrong)."""
    import stat

    from .fileio import content_file

    result = []
    for given in packs:
        pack = given.expanduser()
        try:
            mode = pack.stat().st_mode
        except (OSError, ValueError) as exc:
            missing = isinstance(exc, (FileNotFoundError, NotADirectoryError, ValueError))
            message = (
                msg("pack.not_found", folder=given)
                if missing
                else msg("pack.unreadable", folder=given, reason=getattr(exc, "strerror", None) or exc)
            )
            raise UsageError(message, hint=msg("pack.hint")) from None
        if not stat.S_ISDIR(mode):
            raise UsageError(msg("pack.is_file", folder=given), hint=msg("pack.hint"))
        if not any(is_folder(pack / code) for code in LANGUAGES) and any(
            content_file(pack / name) is True for name in _FILES.values()
        ):
            # e.g. mypack/nl given instead of mypack: its files would silently be ignored
            raise UsageError(
                msg("pack.files_in_top", folder=given, languages=", ".join(LANGUAGES)),
                hint=msg("pack.files_in_top_hint", parent=pack.resolve().parent, target=pack / "nl"),
            )
        result.append(pack)
    return result


def build(
    lang: str, packs: Sequence[Path] = (), use_cache: bool = True, fallback: bool = False
) -> tuple[m.Bundle | None, list[Problem]]:
    """Read and layer everything for one language; return the bundle and all problems.

    With ``fallback``, an entry that a pack has only in the other language is added
    too, marked as such (see ``_add_untranslated``); validate builds without it, so
    that it can still warn about the missing translation.
    """
    problems: list[Problem] = []
    layers: list[dict[str, Layer]] = []
    unread: set[str] = set()  # kinds of which a file could not be read: references to them are unsure
    for index, root in enumerate([builtin_dir(), *packs]):
        layer, trouble = read_layer_and_problems(root, lang, partial=index > 0, use_cache=use_cache)
        layers.append(layer)
        problems.extend(trouble)
        if any(p.file == str(root / lang) for p in trouble):  # the whole language folder
            unread.update(_FILES)
        unread.update(kind for kind, name in _FILES.items() if any(p.file.endswith(name) for p in trouble))
    stacked, found = _stack(layers)
    problems.extend(found)
    if fallback and packs:
        _add_untranslated(stacked, lang, packs, use_cache)
    problems.extend(_references(stacked, unread))
    bundle, found = _finish(lang, stacked, packs)
    problems.extend(found)
    return bundle, problems


def load_bundle(lang: str, packs: Sequence[Path] = ()) -> m.Bundle:
    """The bundle for one language, or ContentError listing what is wrong.

    Entries that a content pack has only in the other language are in it, marked
    (the tldr client rule: show what exists in another language, never hide it).
    """
    bundle, problems = build(lang, packs, fallback=True)
    errors = [p for p in problems if p.severity == "error"]
    if errors or bundle is None:
        raise ContentError(errors or problems)
    return bundle
