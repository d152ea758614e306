"""The content types. Immutable: a bundle is built once and only read after that.

Long texts keep their paragraphs separated by a blank line ("\\n\\n"); the
renderers split on that. Field names match the YAML keys, so JSON output and
content files speak the same language.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Literal, Union

QuestionKind = Literal["scenario", "recognise", "self-rating"]


@dataclass(frozen=True, slots=True)
class Source:
    title: str
    url: str


@dataclass(frozen=True, slots=True)
class Asks:
    frontline: tuple[str, ...]
    policy: tuple[str, ...]


@dataclass(frozen=True, slots=True)
class Tomorrow:
    frontline: str
    policy: str


@dataclass(frozen=True, slots=True)
class Narrative:
    id: str
    title: str
    summary: str
    experience: str
    how_it_grows: str
    voices: tuple[str, ...]
    asks_of_you: Asks
    lessons: tuple[str, ...]
    sources: tuple[Source, ...]


@dataclass(frozen=True, slots=True)
class Lesson:
    id: str
    title: str
    summary: str
    lesson: str
    why_it_works: str
    answers: tuple[str, ...]
    tomorrow: Tomorrow
    cases: tuple[str, ...]
    sources: tuple[Source, ...]


@dataclass(frozen=True, slots=True)
class Case:
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


@dataclass(frozen=True, slots=True)
class Theme:
    """A theme of the personal side of professionalism."""

    id: str
    title: str
    text: str
    questions: tuple[str, ...]
    sources: tuple[Source, ...]
    lessons: tuple[str, ...] = ()


@dataclass(frozen=True, slots=True)
class Personal:
    title: str
    intro: str
    themes: tuple[Theme, ...]


@dataclass(frozen=True, slots=True)
class Section:
    id: str
    title: str
    text: str
    sources: tuple[Source, ...]


@dataclass(frozen=True, slots=True)
class About:
    title: str
    summary: str
    sections: tuple[Section, ...]
    provenance: str
    checked: str
    sources: tuple[Source, ...]


@dataclass(frozen=True, slots=True)
class ExtraLine:
    label: str
    value: str


@dataclass(frozen=True, slots=True)
class Contact:
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


@dataclass(frozen=True, slots=True)
class Term:
    id: str
    term: str
    explanation: str


@dataclass(frozen=True, slots=True)
class QuizTheme:
    id: str
    title: str
    description: str


@dataclass(frozen=True, slots=True)
class Option:
    text: str
    weight: int
    feedback: str
    lesson: str = ""
    narrative: str = ""


@dataclass(frozen=True, slots=True)
class Scenario:
    id: str
    theme: str
    setting: str
    prompt: str
    options: tuple[Option, ...]
    kind: QuestionKind = "scenario"


@dataclass(frozen=True, slots=True)
class Recognise:
    id: str
    theme: str
    voice: str
    options: tuple[str, ...]
    answer: str
    explanation: str
    kind: QuestionKind = "recognise"


@dataclass(frozen=True, slots=True)
class SelfRating:
    id: str
    theme: str
    statement: str
    suggestion: str
    lesson: str = ""
    narrative: str = ""
    kind: QuestionKind = "self-rating"


Question = Union[Scenario, Recognise, SelfRating]


@dataclass(frozen=True, slots=True)
class Bundle:
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
    packs: tuple[str, ...] = field(default=())
