# SPDX-FileCopyrightText: 2026 The infoblad team
# SPDX-License-Identifier: EUPL-1.2
"""The content types. Immutable: a bundle is built once and only read after that.

Named tuples, not dataclasses: they are typed and immutable too, and creating
the classes costs a quarter of the time, which every start of the tool pays.

Long texts keep their paragraphs separated by a blank line ("\\n\\n"); the
renderers split on that. Field names match the YAML keys, so JSON output and
content files speak the same language.
"""

from typing import Any, Literal, NamedTuple, Union

# The entry models are defined beside their descriptions; they are re-exported here, so every
# module keeps reading the content types from one place.
from .kinds import Asks, Case, Contact, ExtraLine, Lesson, Narrative, Section, Source, Term, Theme, Tomorrow

__all__ = [
    "About",
    "Asks",
    "Bundle",
    "Case",
    "Contact",
    "ExtraLine",
    "Lesson",
    "Narrative",
    "Option",
    "Personal",
    "Question",
    "QuestionKind",
    "QuizTheme",
    "Recognise",
    "Scenario",
    "Section",
    "SelfRating",
    "Source",
    "Term",
    "Theme",
    "Tomorrow",
    "to_data",
]

QuestionKind = Literal["scenario", "recognise", "self-rating"]


class Personal(NamedTuple):
    title: str
    intro: str
    themes: tuple[Theme, ...]


class About(NamedTuple):
    title: str
    summary: str
    sections: tuple[Section, ...]
    provenance: str
    checked: str
    sources: tuple[Source, ...]


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
