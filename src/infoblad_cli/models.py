"""The content types. Immutable: a bundle is built once and only read after that.

Named tuples, not dataclasses: they are typed and immutable too, and creating
the classes costs a quarter of the time, which every start of the tool pays.

Long texts keep their paragraphs separated by a blank line ("\\n\\n"); the
renderers split on that. Field names match the YAML keys, so JSON output and
content files speak the same language.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any, Literal, NamedTuple, Union

QuestionKind = Literal["scenario", "recognise", "self-rating"]


class Source(NamedTuple):
    title: str
    url: str


class Asks(NamedTuple):
    frontline: tuple[str, ...]
    policy: tuple[str, ...]


class Tomorrow(NamedTuple):
    frontline: str
    policy: str


class Narrative(NamedTuple):
    id: str
    title: str
    summary: str
    experience: str
    how_it_grows: str
    voices: tuple[str, ...]
    asks_of_you: Asks
    lessons: tuple[str, ...]
    sources: tuple[Source, ...]


class Lesson(NamedTuple):
    id: str
    title: str
    summary: str
    lesson: str
    why_it_works: str
    answers: tuple[str, ...]
    tomorrow: Tomorrow
    cases: tuple[str, ...]
    sources: tuple[Source, ...]


class Case(NamedTuple):
    id: str
    title: str
    place: str
    period: str
    outcome: str
    summary: str
    situation: str
    approach: str
    result: str
    lessons: tuple[str, ...]
    sources: tuple[Source, ...]
    caveat: str = ""


class Theme(NamedTuple):
    """A theme of the personal side of professionalism."""

    id: str
    title: str
    text: str
    questions: tuple[str, ...]
    sources: tuple[Source, ...]
    lessons: tuple[str, ...] = ()


class Personal(NamedTuple):
    title: str
    intro: str
    themes: tuple[Theme, ...]


class Section(NamedTuple):
    id: str
    title: str
    text: str
    sources: tuple[Source, ...]


class About(NamedTuple):
    title: str
    summary: str
    sections: tuple[Section, ...]
    provenance: str
    checked: str
    sources: tuple[Source, ...]


class ExtraLine(NamedTuple):
    label: str
    value: str


class Contact(NamedTuple):
    id: str
    name: str
    description: str = ""
    email: str = ""
    phone: str = ""
    hours: str = ""
    website: str = ""
    extra: tuple[ExtraLine, ...] = ()
    note: str = ""
    checked: str = ""
    sources: tuple[Source, ...] = ()


class Term(NamedTuple):
    id: str
    term: str
    explanation: str


class QuizTheme(NamedTuple):
    id: str
    title: str
    description: str


class Option(NamedTuple):
    text: str
    weight: int
    feedback: str
    lesson: str = ""
    narrative: str = ""
    personal: str = ""


class Scenario(NamedTuple):
    id: str
    theme: str
    setting: str
    prompt: str
    options: tuple[Option, ...]
    kind: QuestionKind = "scenario"


class Recognise(NamedTuple):
    id: str
    theme: str
    voice: str
    options: tuple[str, ...]
    answer: str
    explanation: str
    kind: QuestionKind = "recognise"


class SelfRating(NamedTuple):
    id: str
    theme: str
    statement: str
    suggestion: str
    lesson: str = ""
    narrative: str = ""
    personal: str = ""
    kind: QuestionKind = "self-rating"


Question = Union[Scenario, Recognise, SelfRating]


class Bundle(NamedTuple):
    """All content of one language, after content packs were layered on top."""

    lang: str
    narratives: tuple[Narrative, ...]
    lessons: tuple[Lesson, ...]
    cases: tuple[Case, ...]
    personal: Personal
    about: About
    contacts: tuple[Contact, ...]
    glossary: tuple[Term, ...]
    quiz_themes: tuple[QuizTheme, ...]
    questions: tuple[Question, ...]
    packs: tuple[str, ...] = ()


# ---------------------------------------------------------------- to and from plain data


def to_data(value: Any) -> Any:
    """Models as plain JSON-ready data, with the field names of the content files."""
    if isinstance(value, tuple):
        if hasattr(value, "_fields"):
            return {name: to_data(getattr(value, name)) for name in value._fields}
        return [to_data(item) for item in value]
    if isinstance(value, dict):
        return {key: to_data(item) for key, item in value.items()}
    return value


# ---------------------------------------------------------------- rows, for the cache
# The content cache keeps validated entries as rows: lists in field order, without the
# field names. That is half the size of dicts, and quicker to read back.


def to_rows(value: Any) -> Any:
    """Models as nested lists in field order (dicts and plain values as they are)."""
    if isinstance(value, tuple):
        return [to_rows(item) for item in value]
    if isinstance(value, dict):
        return {key: to_rows(item) for key, item in value.items()}
    return value


_CONVERTERS: dict[type, tuple[Callable[[Any], Any] | None, ...]] = {}


def _converters(cls: type) -> tuple[Callable[[Any], Any] | None, ...]:
    """How to rebuild each field of ``cls`` from a row, read from its annotations once."""
    found = _CONVERTERS.get(cls)
    if found is None:
        names = globals()
        converters: list[Callable[[Any], Any] | None] = []
        for field in cls._fields:  # type: ignore[attr-defined]
            # Annotations are text here (postponed evaluation), or ForwardRefs holding text.
            annotation = cls.__annotations__[field]
            annotation = str(getattr(annotation, "__forward_arg__", annotation))
            if annotation in ("str", "int", "QuestionKind"):
                converters.append(None)
            elif annotation == "tuple[str, ...]":
                converters.append(tuple)
            elif annotation.startswith("tuple["):
                converters.append(_many(names[annotation[len("tuple[") : -len(", ...]")]]))
            else:
                converters.append(_one(names[annotation]))
        found = _CONVERTERS[cls] = tuple(converters)
    return found


def _many(cls: type) -> Callable[[Any], Any]:
    def convert(rows: list[Any]) -> tuple[Any, ...]:
        return tuple(from_row(cls, row) for row in rows)

    return convert


def _one(cls: type) -> Callable[[Any], Any]:
    def convert(row: list[Any]) -> Any:
        return from_row(cls, row)

    return convert


def from_row(cls: type, row: list[Any]) -> Any:
    """One model from its row."""
    if cls is Question:  # type: ignore[comparison-overlap]
        cls = _QUESTION_KINDS[row[-1]]
    return cls(
        *[
            value if convert is None else convert(value)
            for convert, value in zip(_converters(cls), row, strict=True)
        ]
    )


_QUESTION_KINDS: dict[str, type] = {"scenario": Scenario, "recognise": Recognise, "self-rating": SelfRating}
_GROUPS: dict[str, Any] = {
    "narratives": Narrative,
    "lessons": Lesson,
    "cases": Case,
    "contacts": Contact,
    "glossary": Term,
    "themes": QuizTheme,
    "questions": Question,
}
_DOCS: dict[str, tuple[str, type]] = {"personal": ("themes", Theme), "about": ("sections", Section)}


def from_rows(kind: str, data: dict[str, Any]) -> dict[str, Any]:
    """Rebuild what ``schema.parse_kind`` returned for one file from ``to_rows``."""
    if kind in _DOCS:
        doc = data.get(kind)
        if doc is None:
            return {}
        group, cls = _DOCS[kind]
        values = dict(doc)
        if group in values:
            values[group] = tuple(from_row(cls, row) for row in values[group])
        if "sources" in values:
            values["sources"] = tuple(from_row(Source, row) for row in values["sources"])
        return {kind: values}
    return {group: tuple(from_row(_GROUPS[group], row) for row in rows) for group, rows in data.items()}


MODEL_SIGNATURE = repr(
    [
        (cls.__name__, cls._fields)
        for cls in (
            Source,
            Asks,
            Tomorrow,
            Narrative,
            Lesson,
            Case,
            Theme,
            Personal,
            Section,
            About,
            ExtraLine,
            Contact,
            Term,
            QuizTheme,
            Option,
            Scenario,
            Recognise,
            SelfRating,
        )
    ]
)
