# SPDX-FileCopyrightText: 2026 The infoblad team
# SPDX-License-Identifier: EUPL-1.2
"""Validate the plain data of one content file and turn it into models.

Every problem is collected (not only the first) with its file, line, entry and
field, so an editor can fix a whole file in one go. Checks that need other
files (references between entries) live in ``content.py``.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Sequence
from typing import Any, NamedTuple

from . import kinds as k
from . import models as m
from .errors import Message, Msg, Problem, msg

# Where the loader keeps line numbers inside each mapping (see yamlsafe).
LINE_KEY = "__line__"
LINES_KEY = "__lines__"

SLUG = re.compile(r"^[a-z0-9]+(?:-[a-z0-9]+)*$")
_BLANK_LINE = re.compile(r"\n[ \t]*\n")
_SPACES = re.compile(r"[ \t]+")
_INVALID = object()  # a value that failed validation; its problem is recorded


class Checker:
    """Collects the problems of one file."""

    def __init__(self, file: str) -> None:
        self.file = file
        self.problems: list[Problem] = []

    def add(
        self,
        message: Message,
        *,
        line: int | None = None,
        entry: str | None = None,
        field: str | None = None,
        expected: Message | None = None,
        severity: str = "error",
    ) -> None:
        self.problems.append(Problem(self.file, message, line, entry, field, expected, severity))

    def at(self, w: Where, message: Message, expected: Message | None = None) -> None:
        """A problem at the place ``w`` points to."""
        self.add(message, line=w.line, entry=w.entry, field=w.field, expected=expected)


class Where(NamedTuple):
    line: int | None
    entry: str | None
    field: str | None


Spec = Callable[[Any, Checker, Where], Any]


def normalize_text(value: str, one_line: bool = False) -> str:
    """Join lines within a paragraph; keep a blank line between paragraphs."""
    text = value.replace("\r\n", "\n").replace("\r", "\n").strip()
    paragraphs = [_one_line(p) for p in _BLANK_LINE.split(text)]
    paragraphs = [p for p in paragraphs if p]
    return " ".join(paragraphs) if one_line else "\n\n".join(paragraphs)


def _one_line(paragraph: str) -> str:
    """The lines of a paragraph joined, runs of spaces and tabs made one (the regex only when needed)."""
    line = paragraph.replace("\n", " ")
    if "  " in line or "\t" in line:
        line = _SPACES.sub(" ", line)
    return line.strip()


def _type_name(value: Any) -> Msg:
    if isinstance(value, dict):
        return msg("type.mapping")
    if isinstance(value, list):
        return msg("type.list")
    return msg("type.text")


def _both(items: Sequence[str]) -> Msg:
    """'a, b and c' in the run's language."""
    *first, last = items
    return (
        msg("schema.and", first=", ".join(first), last=last) if first else msg("schema.either", choices=last)
    )


def _either(choices: Sequence[str]) -> Msg:
    """'a, b or c' in the run's language."""
    *first, last = [str(choice) for choice in choices]
    return (
        msg("schema.or", first=", ".join(first), last=last) if first else msg("schema.either", choices=last)
    )


def text(one_line: bool = False) -> Spec:
    def check(value: Any, c: Checker, w: Where) -> Any:
        if not isinstance(value, str):
            c.at(w, msg("schema.not_text", found=_type_name(value)))
            return _INVALID
        result = normalize_text(value, one_line)
        if not result:
            c.at(w, msg("schema.empty"), msg("schema.some_text"))
            return _INVALID
        return result

    return check


def slug(value: Any, c: Checker, w: Where) -> Any:
    if not isinstance(value, str) or not SLUG.match(value.strip()):
        shown = value if isinstance(value, str) else _type_name(value)
        c.at(w, msg("schema.bad_id", value=shown), msg("schema.id_rule"))
        return _INVALID
    return value.strip()


def url(value: Any, c: Checker, w: Where) -> Any:
    result = text(one_line=True)(value, c, w)
    if result is _INVALID:
        return result
    if not re.match(r"^https?://[^\s/$.?#][^\s]*$", result):
        c.at(w, msg("schema.bad_url", value=result), msg("schema.url_rule"))
        return _INVALID
    return result


def _spelling(value: str) -> str:
    """'Niet hersteld', 'niet_hersteld' and 'NIET-HERSTELD' are the same word."""
    return "-".join(value.strip().lower().replace("_", " ").replace("-", " ").split())


def choice(*allowed: str, aliases: dict[str, str] | None = None) -> Spec:
    """One of ``allowed``, or a word for it in the other language (``aliases``): the canonical value."""
    names = {_spelling(a): a for a in allowed}
    names.update({_spelling(word): canonical for word, canonical in (aliases or {}).items()})
    dutch = {canonical: word for word, canonical in (aliases or {}).items()}
    accepted = [f"{a} ({dutch[a]})" if a in dutch else a for a in allowed]

    def check(value: Any, c: Checker, w: Where) -> Any:
        found = names.get(_spelling(value)) if isinstance(value, str) else None
        if found is None:
            c.at(w, msg("schema.not_allowed", value=value), _either(accepted))
            return _INVALID
        return found

    return check


def weight(value: Any, c: Checker, w: Where) -> Any:
    if not isinstance(value, str) or value.strip() not in ("0", "1", "2"):
        c.at(w, msg("schema.bad_weight", value=value), msg("schema.weight_rule"))
        return _INVALID
    return int(value)


def list_of(item: Spec, min_items: int = 0, max_items: int | None = None) -> Spec:
    def check(value: Any, c: Checker, w: Where) -> Any:
        if isinstance(value, str) and not value.strip() and min_items == 0:
            return ()  # "key:" with nothing after it
        if not isinstance(value, list):
            c.at(w, msg("schema.not_list", found=_type_name(value)), msg("schema.list_rule"))
            return _INVALID
        if len(value) < min_items or (max_items is not None and len(value) > max_items):
            bounds = (
                msg("schema.items_between", low=min_items, high=max_items)
                if max_items is not None
                else msg("schema.items_at_least", count=min_items, low=min_items)
            )
            c.at(w, msg("schema.item_count", count=len(value)), bounds)
        results = []
        for index, element in enumerate(value, 1):
            line = element.get(LINE_KEY) if isinstance(element, dict) else None
            result = item(element, c, Where(line or w.line, w.entry, f"{w.field}[{index}]"))
            results.append(result)
        if any(r is _INVALID for r in results):
            return _INVALID
        return tuple(results)

    return check


class F(NamedTuple):
    """A field of a record: its spec, whether it is required, its default."""

    spec: Spec
    required: bool = True
    default: Any = None


def record(
    build: Callable[..., Any],
    fields: dict[str, F],
    is_entry: bool = False,
    check: Callable[[dict[str, Any], Checker, Where, dict[str, int]], None] | None = None,
) -> Spec:
    """A mapping with known fields, built into ``build(**fields)``."""

    def validate(value: Any, c: Checker, w: Where) -> Any:
        if not isinstance(value, dict):
            c.at(w, msg("schema.not_mapping", found=_type_name(value)), ", ".join(fields))
            return _INVALID
        line = value.get(LINE_KEY, w.line)
        lines: dict[str, int] = value.get(LINES_KEY, {})
        entry = w.entry
        if is_entry:
            raw_id = value.get("id")
            entry = raw_id.strip() if isinstance(raw_id, str) and raw_id.strip() else None
            w = Where(line, entry, None)
        ok = True
        for key in value:
            if key in (LINE_KEY, LINES_KEY) or key in fields:
                continue
            close = _close(key, fields)
            c.add(
                msg("schema.unknown_field_close", name=key, close=close[0])
                if close
                else msg("schema.unknown_field", name=key),
                line=lines.get(key, line),
                entry=entry,
                field=_join(w.field, key),
                expected=msg("schema.one_of", choices=", ".join(fields)),
            )
            ok = False
        converted: dict[str, Any] = {}
        missing = [name for name, spec in fields.items() if spec.required and name not in value]
        if missing:
            c.add(
                msg(
                    "schema.missing_fields" if len(missing) > 1 else "schema.missing_field",
                    names=", ".join(missing),
                ),
                line=line,
                entry=entry,
                field=_join(w.field, missing[0]) if len(missing) == 1 else w.field,
                expected=msg(
                    "schema.required_fields", names=", ".join(n for n, f in fields.items() if f.required)
                ),
            )
            ok = False
        for name, spec in fields.items():
            here = Where(lines.get(name, line), entry, _join(w.field, name))
            if name not in value:
                if not spec.required and spec.default is not None:
                    converted[name] = spec.default
                continue
            result = spec.spec(value[name], c, here)
            if result is _INVALID:
                ok = False
            else:
                converted[name] = result
        if not ok:
            return _INVALID
        if check is not None:
            before = len(c.problems)
            check(converted, c, Where(line, entry, w.field), lines)
            if any(p.severity == "error" for p in c.problems[before:]):
                return _INVALID
        return build(**converted)

    return validate


def _close(key: str, known: Any) -> list[str]:
    import difflib  # only when there is a typo to explain

    return difflib.get_close_matches(key, list(known), n=1)


def _join(prefix: str | None, name: str) -> str:
    return f"{prefix}.{name}" if prefix else name


def _as_dict(**values: Any) -> dict[str, Any]:
    return values


SOURCE = record(m.Source, {"title": F(text(True)), "url": F(url)})
SOURCES = list_of(SOURCE, min_items=1)
IDS = list_of(slug)
PARAS = text()
LINE = text(one_line=True)

# ---------------------------------------------------------------- specs from the kind descriptions

# What a person types in the other language, normalised to the canonical value.
OUTCOME_WORDS = {
    "hersteld": "restored",
    "versterkt": "strengthened",
    "lopend": "ongoing",
    "niet-hersteld": "not-restored",
}
CHOICE_WORDS: dict[str, dict[str, str]] = {"outcome": OUTCOME_WORDS}
KIND_WORDS = {
    "situatie": "scenario",
    "herkennen": "recognise",
    "recognize": "recognise",
    "zelfbeoordeling": "self-rating",
    "zelfinschatting": "self-rating",
}

_SIMPLE: dict[str, Spec] = {"slug": slug, "line": LINE, "text": PARAS, "url": url}
_EMPTY_BY_DEFAULT = ("refs",)  # fields that are an empty list when left out


def field_spec(field: k.Field) -> Spec:
    """How one described field is validated, from its type (see kinds.py)."""
    kind = field.type
    if kind in _SIMPLE:
        return _SIMPLE[kind]
    if kind == "texts":
        return list_of(PARAS, field.min_items, field.max_items)
    if kind == "refs":
        return IDS
    if kind == "choice":
        return choice(*field.values, aliases=CHOICE_WORDS.get(field.name))
    if kind == "sources":
        return list_of(SOURCE, min_items=field.min_items)
    if kind in ("record", "records"):
        spec = record(field.model, {part.name: _field(part) for part in field.parts})
        return spec if kind == "record" else list_of(spec, field.min_items, field.max_items)
    raise ValueError(f"unknown field type {kind!r} of {field.name!r}")  # a mistake in kinds.py


def _field(field: k.Field) -> F:
    default = () if field.type in _EMPTY_BY_DEFAULT else None
    return F(field_spec(field), required=field.required, default=default)


def kind_spec(kind: k.Kind) -> Spec:
    """How one entry of a kind is validated and built into its model."""
    # 'lang' is set when the bundle is built, never read from a file.
    fields = {field.name: _field(field) for field in kind.fields if field is not k.LANG}
    if len(fields) == len(kind.fields):
        return record(kind.model, fields, is_entry=True)

    def build(**values: Any) -> Any:
        return kind.model(**values, lang="")

    return record(build, fields, is_entry=True)


NARRATIVE = kind_spec(k.NARRATIVES)
LESSON = kind_spec(k.LESSONS)
CASE = kind_spec(k.CASES)
THEME = kind_spec(k.THEMES)
SECTION = kind_spec(k.SECTIONS)
CONTACT = kind_spec(k.CONTACTS)
TERM = kind_spec(k.GLOSSARY)
OUTCOMES = k.OUTCOMES

QUIZ_THEME = record(m.QuizTheme, {"id": F(slug), "title": F(LINE), "description": F(LINE)}, is_entry=True)


def _one_link(values: dict[str, Any], c: Checker, w: Where, lines: dict[str, int]) -> None:
    links = [name for name in ("lesson", "narrative", "personal") if values.get(name)]
    if len(links) != 1:
        c.at(
            w,
            msg("schema.needs_one_link") if links else msg("schema.needs_link"),
            msg("schema.link_rule"),
        )


def _check_scenario(values: dict[str, Any], c: Checker, w: Where, lines: dict[str, int]) -> None:
    best = [o for o in values["options"] if o.weight == 2]
    if len(best) != 1:
        c.add(
            msg("schema.best_count", count=len(best)),
            line=lines.get("options", w.line),
            entry=w.entry,
            field="options",
            expected=msg("schema.best_rule"),
        )


def _check_recognise(values: dict[str, Any], c: Checker, w: Where, lines: dict[str, int]) -> None:
    options = values["options"]
    if len(set(options)) != len(options):
        c.add(
            msg("schema.narrative_twice"),
            line=lines.get("options", w.line),
            entry=w.entry,
            field="options",
            expected=msg("schema.different_narratives"),
        )
    if values["answer"] not in options:
        c.add(
            msg("schema.answer_not_option", answer=values["answer"]),
            line=lines.get("answer", w.line),
            entry=w.entry,
            field="answer",
            expected=msg("schema.one_of", choices=", ".join(options)),
        )


OPTION = record(
    m.Option,
    {
        "text": F(PARAS),
        "weight": F(weight),
        "feedback": F(PARAS),
        "lesson": F(slug, required=False),
        "narrative": F(slug, required=False),
        "personal": F(slug, required=False),
    },
    check=_one_link,
)

QUESTION_KINDS: dict[str, Spec] = {
    "scenario": record(
        m.Scenario,
        {
            "id": F(slug),
            "theme": F(slug),
            "kind": F(choice("scenario")),
            "setting": F(LINE),
            "prompt": F(PARAS),
            "options": F(list_of(OPTION, min_items=3, max_items=4)),
        },
        is_entry=True,
        check=_check_scenario,
    ),
    "recognise": record(
        m.Recognise,
        {
            "id": F(slug),
            "theme": F(slug),
            "kind": F(choice("recognise")),
            "voice": F(PARAS),
            "options": F(list_of(slug, min_items=3, max_items=4)),
            "answer": F(slug),
            "explanation": F(PARAS),
        },
        is_entry=True,
        check=_check_recognise,
    ),
    "self-rating": record(
        m.SelfRating,
        {
            "id": F(slug),
            "theme": F(slug),
            "kind": F(choice("self-rating")),
            "statement": F(PARAS),
            "suggestion": F(PARAS),
            "lesson": F(slug, required=False),
            "narrative": F(slug, required=False),
            "personal": F(slug, required=False),
        },
        is_entry=True,
        check=_one_link,
    ),
}


def question(value: Any, c: Checker, w: Where) -> Any:
    kind = value.get("kind") if isinstance(value, dict) else None
    canonical = _KIND_NAMES.get(_spelling(kind)) if isinstance(kind, str) else None
    spec = QUESTION_KINDS.get(canonical or "")
    if spec is not None and canonical != kind:
        value = {**value, "kind": canonical}  # a Dutch word for the kind: the canonical one from here on
    if spec is None:
        entry = value.get("id") if isinstance(value, dict) else None
        line = (
            value.get(LINES_KEY, {}).get("kind", value.get(LINE_KEY)) if isinstance(value, dict) else w.line
        )
        c.add(
            msg("schema.unknown_question_kind", kind=kind) if kind is not None else msg("schema.missing"),
            line=line,
            entry=entry if isinstance(entry, str) else None,
            field="kind",
            expected=_either([f"{name} ({_DUTCH_KIND[name]})" for name in QUESTION_KINDS]),
        )
        return _INVALID
    return spec(value, c, w)


_KIND_NAMES = {**{kind: kind for kind in QUESTION_KINDS}, **KIND_WORDS}
_DUTCH_KIND = {"scenario": "situatie", "recognise": "herkennen", "self-rating": "zelfbeoordeling"}


def _document(fields: dict[str, F], list_key: str, entry: Spec, partial: bool) -> Spec:
    spec_fields = {name: (F(spec.spec, required=False) if partial else spec) for name, spec in fields.items()}
    spec_fields[list_key] = F(list_of(entry, min_items=0 if partial else 1), required=not partial)
    return record(_as_dict, spec_fields)


KINDS = k.FILES

_LISTS: dict[str, dict[str, Spec]] = {
    "narratives": {"narratives": list_of(NARRATIVE)},
    "lessons": {"lessons": list_of(LESSON)},
    "cases": {"cases": list_of(CASE)},
    "contact": {"contacts": list_of(CONTACT)},
    "glossary": {"glossary": list_of(TERM)},
    "quiz": {"themes": list_of(QUIZ_THEME), "questions": list_of(question)},
}

_DOCS: dict[str, tuple[dict[str, F], str, Spec]] = {
    name: ({field.name: _field(field) for field in k.DOCUMENT_FIELDS[name]}, k.BY_NAME[name].group, spec)
    for name, spec in (("personal", THEME), ("about", SECTION))
}


def parse_kind(kind: str, data: Any, file: str, partial: bool) -> tuple[dict[str, Any], list[Problem]]:
    """Validate the data of one kind's file.

    Returns the converted top-level values (lists of models, or for personal/about
    a dict of fields) and the problems found. ``partial`` relaxes what a content
    pack may leave out (the top-level texts of personal and about).
    """
    c = Checker(file)
    top: dict[str, Spec]
    if kind in _DOCS:
        fields, list_key, entry = _DOCS[kind]
        top = {kind: _document(fields, list_key, entry, partial)}
    else:
        top = _LISTS[kind]
    out: dict[str, Any] = {}
    if data is None or (isinstance(data, str) and not data.strip()):
        if not partial:
            c.add(msg("schema.file_empty"), expected=msg("schema.at_top", key=next(iter(top))))
        return out, c.problems
    if not isinstance(data, dict):
        c.add(
            msg("schema.top_not_mapping", found=_type_name(data)),
            line=1,
            expected=_both([f"'{key}:'" for key in top]),
        )
        return out, c.problems
    lines: dict[str, int] = data.get(LINES_KEY, {})
    for key in data:
        if key in (LINE_KEY, LINES_KEY) or key in top:
            continue
        close = _close(key, top)
        c.add(
            msg("schema.unknown_top_close", key=key, close=close[0])
            if close
            else msg("schema.unknown_top", key=key),
            line=lines.get(key),
            expected=_both([f"'{key}:'" for key in top]),
        )
    for key, spec in top.items():
        if key not in data:
            if not partial:
                c.add(
                    msg("schema.top_missing", key=key), line=1, expected=msg("schema.at_top_of_file", key=key)
                )
            continue
        result = spec(data[key], c, Where(lines.get(key), None, None if kind in _DOCS else key))
        if result is _INVALID:
            result = _salvage(spec, data[key])
        if result is not _INVALID:  # what could not be salvaged is left out, not passed on
            out[key] = result
    _duplicate_ids(out, data, c)
    return out, c.problems


def _salvage(spec: Spec, value: Any) -> Any:
    """After a problem, keep the entries that are valid, so later checks still run."""
    if isinstance(value, list):
        quiet = Checker("")
        results = []
        for element in value:
            result = spec([element], quiet, Where(None, None, None))
            if result is not _INVALID:
                results.extend(result)
        return tuple(results)
    return _INVALID


def _duplicate_ids(out: dict[str, Any], data: dict[str, Any], c: Checker) -> None:
    def entries(key: str, value: Any) -> list[tuple[str, Any]]:
        if isinstance(value, tuple):
            return [(key, e) for e in value]
        if isinstance(value, dict):
            return [(k, e) for k, v in value.items() if isinstance(v, tuple) for e in v]
        return []

    def raw_lines(key: str, group: str) -> dict[str, list[int]]:
        """Where each ID stands in the file, in order: the line of the second one is the one to fix."""
        raw = data.get(key)
        if isinstance(raw, dict) and group != key:
            raw = raw.get(group)
        found: dict[str, list[int]] = {}
        for item in raw if isinstance(raw, list) else ():
            if isinstance(item, dict) and isinstance(item.get("id"), str):
                line = item.get(LINES_KEY, {}).get("id") or item.get(LINE_KEY)
                found.setdefault(item["id"].strip(), []).append(int(line or 0))
        return found

    for key, value in out.items():
        seen: dict[str, int] = {}
        lines: dict[str, dict[str, list[int]]] = {}
        for group, entry in entries(key, value):
            entry_id = getattr(entry, "id", None)
            if entry_id is None:
                continue
            if entry_id in seen:
                where = lines.setdefault(group, raw_lines(key, group)).get(entry_id, [])
                first = where[0] if where else None
                c.add(
                    msg("schema.id_twice_at", id=entry_id, group=group, first=first)
                    if first
                    else msg("schema.id_twice", id=entry_id, group=group),
                    line=where[seen[entry_id]] if len(where) > seen[entry_id] else None,
                    entry=entry_id,
                    field="id",
                    expected=msg("schema.id_rule_unique"),
                )
            seen[entry_id] = seen.get(entry_id, 0) + 1


# The fields that hold references to other entries: the only ones checked across files.
_REFERENCE_FIELDS = ("lessons", "answers", "cases", "theme", "options", "lesson", "narrative", "personal")


def entry_lines(kind: str, data: Any) -> dict[str, dict[str, int]]:
    """Where each entry of a file starts, and where its fields are: 'group:id' -> {'': line, field: line}.

    Checks across files (references) use this to say on which line a wrong ID is.
    """
    found: dict[str, dict[str, int]] = {}
    if not isinstance(data, dict):
        return found
    if kind in _DOCS:
        doc = data.get(kind)
        groups = {f"{kind}.{_DOCS[kind][1]}": doc.get(_DOCS[kind][1])} if isinstance(doc, dict) else {}
    else:
        groups = {group: data.get(group) for group in _LISTS[kind]}
    for group, entries in groups.items():
        if not isinstance(entries, list):
            continue
        for entry in entries:
            if isinstance(entry, dict) and isinstance(entry.get("id"), str):
                field_lines = entry.get(LINES_KEY, {})
                lines = {name: field_lines[name] for name in _REFERENCE_FIELDS if name in field_lines}
                lines[""] = entry.get(LINE_KEY, 0)
                found[f"{group}:{entry['id'].strip()}"] = lines
    return found
