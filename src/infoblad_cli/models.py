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


# ---------------------------------------------------------------- back from plain data
# The content cache keeps validated entries as JSON; these rebuild the named tuples.


def _sources(items: list[dict[str, str]]) -> tuple[Source, ...]:
    return tuple(Source(**s) for s in items)


def _narrative(d: dict[str, Any]) -> Narrative:
    asks = d["asks_of_you"]
    return Narrative(
        **{
            **d,
            "voices": tuple(d["voices"]),
            "lessons": tuple(d["lessons"]),
            "asks_of_you": Asks(tuple(asks["frontline"]), tuple(asks["policy"])),
            "sources": _sources(d["sources"]),
        }
    )


def _lesson(d: dict[str, Any]) -> Lesson:
    return Lesson(
        **{
            **d,
            "answers": tuple(d["answers"]),
            "cases": tuple(d["cases"]),
            "tomorrow": Tomorrow(**d["tomorrow"]),
            "sources": _sources(d["sources"]),
        }
    )


def _case(d: dict[str, Any]) -> Case:
    return Case(**{**d, "lessons": tuple(d["lessons"]), "sources": _sources(d["sources"])})


def _theme(d: dict[str, Any]) -> Theme:
    return Theme(
        **{
            **d,
            "questions": tuple(d["questions"]),
            "lessons": tuple(d["lessons"]),
            "sources": _sources(d["sources"]),
        }
    )


def _section(d: dict[str, Any]) -> Section:
    return Section(**{**d, "sources": _sources(d["sources"])})


def _contact(d: dict[str, Any]) -> Contact:
    return Contact(
        **{**d, "extra": tuple(ExtraLine(**x) for x in d["extra"]), "sources": _sources(d["sources"])}
    )


def _question(d: dict[str, Any]) -> Question:
    if d["kind"] == "scenario":
        return Scenario(**{**d, "options": tuple(Option(**o) for o in d["options"])})
    if d["kind"] == "recognise":
        return Recognise(**{**d, "options": tuple(d["options"])})
    return SelfRating(**d)


_ENTRY: dict[str, Callable[[dict[str, Any]], Any]] = {
    "narratives": _narrative,
    "lessons": _lesson,
    "cases": _case,
    "contacts": _contact,
    "glossary": lambda d: Term(**d),
    "themes": lambda d: QuizTheme(**d),
    "questions": _question,
}
_DOC_ENTRY = {"personal": ("themes", _theme), "about": ("sections", _section)}


def hydrate(kind: str, data: dict[str, Any]) -> dict[str, Any]:
    """Rebuild what ``schema.parse_kind`` returned for one file from its plain-data form."""
    if kind in _DOC_ENTRY:
        doc = data.get(kind)
        if doc is None:
            return {}
        group, build = _DOC_ENTRY[kind]
        values = dict(doc)
        if group in values:
            values[group] = tuple(build(e) for e in values[group])
        if "sources" in values:
            values["sources"] = _sources(values["sources"])
        return {kind: values}
    return {group: tuple(_ENTRY[group](e) for e in entries) for group, entries in data.items()}


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
