# SPDX-FileCopyrightText: 2026 The infoblad team
# SPDX-License-Identifier: EUPL-1.2
"""Each content kind, described once: its file, its model, its fields and what is done with them.

This is the one place that names a kind's fields. The schema validates from it,
the page outline (terminal, Markdown, HTML) shows from it, search indexes from
it and the content cache encodes from it. Adding a field to a kind is one line
here (plus the field on the model just above it), its label in ``strings.py``
and the content itself.

The description is plain data, so reading it costs nothing at start-up: what a
field's ``type`` means is decided by the modules that use it (``schema.py`` for
validation, ``outline.py`` for showing, ``cache.py`` for storing).

Field types:
  ``slug``     an ID (``niet-gehoord``)
  ``line``     one line of text
  ``text``     text with paragraphs (a blank line between them)
  ``texts``    a list of ``text``
  ``url``      an http(s) address
  ``choice``   one of ``values``
  ``refs``     a list of IDs of entries of the kind ``ref``
  ``sources``  a list of sources (title and URL)
  ``record``   a nested record of the fields ``parts``, built into ``model``
  ``records``  a list of such records

How a field is shown (``show``):
  ``title``    the entry's heading          ``lead``     the summary under the heading
  ``section``  a heading and the text      ``body``     the text, without a heading
  ``voices``   a heading and quoted example voices
  ``bullets``  a heading and a list          ``fact``     a row in the facts under the heading
  ``note``     a quiet paragraph             ``related``  under "read next", with the command
  ``sources``  the source list               ``hidden``   not shown (IDs and the like)
  ``parts``    a heading, then each part as shown by its own ``show``
"""

from collections.abc import Iterator
from typing import TYPE_CHECKING, Any, NamedTuple

if TYPE_CHECKING:
    from .models import Bundle

# ---------------------------------------------------------------- models of the entries


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
    lang: str = ""  # the entry's language: not the bundle's when it has no translation


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
    lang: str = ""  # the entry's language: not the bundle's when it has no translation


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
    lang: str = ""  # the entry's language: not the bundle's when it has no translation


class Theme(NamedTuple):
    """A theme of the personal side of professionalism."""

    id: str
    title: str
    text: str
    questions: tuple[str, ...]
    sources: tuple[Source, ...]
    lessons: tuple[str, ...] = ()
    lang: str = ""  # the entry's language: not the bundle's when it has no translation


class Section(NamedTuple):
    id: str
    title: str
    text: str
    sources: tuple[Source, ...]
    lang: str = ""  # the entry's language: not the bundle's when it has no translation


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
    lang: str = ""  # the entry's language: not the bundle's when it has no translation


class Term(NamedTuple):
    id: str
    term: str
    explanation: str
    lang: str = ""  # the entry's language: not the bundle's when it has no translation


# ---------------------------------------------------------------- the descriptions


class Field(NamedTuple):
    """One field of a kind: how it is read, shown and searched."""

    name: str
    type: str
    show: str = "section"
    search: str = "body"  # "title", "summary", "body", "source", or "" (not searched)
    required: bool = True
    label: str = ""  # a key in strings.py; "" means "<kind>.<name>"
    min_items: int = 0
    max_items: int | None = None
    ref: str = ""  # for refs: the kind the IDs point to
    values: tuple[str, ...] = ()  # for choice
    parts: "tuple[Field, ...]" = ()  # for record(s)
    model: Any = None  # for record(s): the class built from the parts


class Kind(NamedTuple):
    """A kind of content entry."""

    name: str  # the kind, as in messages and JSON: "narratives"
    file: str  # the content file it lives in, without ".yaml"
    group: str  # the key of the list in that file (or, for a document, inside it)
    model: Any
    fields: tuple[Field, ...]
    command: str  # the command that lists or shows it
    anchor: str  # the prefix of its anchors in HTML: "narrative"
    title_key: str = ""  # the heading of its list
    intro_key: str = ""  # the line under that heading
    opens_with_id: bool = True  # `infoblad narratives ID` opens one entry

    def label(self, field: Field) -> str:
        """The strings.py key of a field's heading."""
        if field.label:
            return field.label
        return f"{self.name}.{field.name}"

    def title_of(self, entry: Any) -> str:
        for field in self.fields:
            if field.show == "title":
                return str(getattr(entry, field.name))
        return str(entry.id)


def _f(name: str, type: str, show: str = "section", search: str = "body", **more: Any) -> Field:
    return Field(name, type, show, search, **more)


ID = Field("id", "slug", "hidden", "")
SOURCES = Field("sources", "sources", "sources", "source", label="sources", min_items=1)
# Set when the bundle is built, never read from a file: the entry's language, which differs
# from the bundle's for an entry that a pack has in one language only (content._add_untranslated).
LANG = Field("lang", "line", "hidden", "", required=False)


def _related(name: str, ref: str, label: str) -> Field:
    return Field(name, "refs", "related", "", required=False, ref=ref, label=label)


NARRATIVES = Kind(
    name="narratives",
    file="narratives",
    group="narratives",
    model=Narrative,
    command="narratives",
    anchor="narrative",
    title_key="narratives.title",
    intro_key="narratives.intro",
    fields=(
        ID,
        _f("title", "line", "title", "title"),
        _f("summary", "line", "lead", "summary"),
        _f("experience", "text"),
        _f("how_it_grows", "text"),
        _f("voices", "texts", "voices", min_items=1),
        _f(
            "asks_of_you",
            "record",
            "parts",
            label="narratives.asks",
            model=Asks,
            parts=(
                _f("frontline", "texts", "bullets", min_items=1, label="narratives.frontline"),
                _f("policy", "texts", "bullets", min_items=1, label="narratives.policy"),
            ),
        ),
        _related("lessons", "lessons", "related.lessons"),
        SOURCES,
        LANG,
    ),
)

LESSONS = Kind(
    name="lessons",
    file="lessons",
    group="lessons",
    model=Lesson,
    command="lessons",
    anchor="lesson",
    title_key="lessons.title",
    intro_key="lessons.intro",
    fields=(
        ID,
        _f("title", "line", "title", "title"),
        _f("summary", "line", "lead", "summary"),
        _f("lesson", "text"),
        _f("why_it_works", "text", label="lessons.why"),
        _related("answers", "narratives", "lessons.answers"),
        _f(
            "tomorrow",
            "record",
            "parts",
            model=Tomorrow,
            parts=(
                _f("frontline", "text", label="lessons.frontline"),
                _f("policy", "text", label="lessons.policy"),
            ),
        ),
        _related("cases", "cases", "related.cases"),
        SOURCES,
        LANG,
    ),
)

# "ongoing": trust kept up or worked on, with no source that shows it restored or grown.
OUTCOMES = ("restored", "strengthened", "ongoing", "not-restored")

CASES = Kind(
    name="cases",
    file="cases",
    group="cases",
    model=Case,
    command="cases",
    anchor="case",
    title_key="cases.title",
    intro_key="cases.intro",
    fields=(
        ID,
        _f("title", "line", "title", "title"),
        _f("place", "line", "fact"),
        _f("period", "line", "fact"),
        _f("outcome", "choice", "fact", "", values=OUTCOMES, label="export.outcome"),
        _f("summary", "line", "lead", "summary"),
        _f("situation", "text"),
        _f("approach", "text"),
        _f("result", "text"),
        _f("caveat", "text", required=False),
        _related("lessons", "lessons", "related.lessons"),
        SOURCES,
        LANG,
    ),
)

THEMES = Kind(
    name="personal",
    file="personal",
    group="themes",
    model=Theme,
    command="personal",
    anchor="personal",
    fields=(
        ID,
        _f("title", "line", "title", "title"),
        _f("text", "text", "body", "summary"),
        _f("questions", "texts", "bullets", min_items=1, label="personal.questions"),
        _related("lessons", "lessons", "related.lessons"),
        SOURCES,
        LANG,
    ),
)

SECTIONS = Kind(
    name="about",
    file="about",
    group="sections",
    model=Section,
    command="about",
    anchor="about",
    opens_with_id=False,
    fields=(
        ID,
        _f("title", "line", "title", "title"),
        _f("text", "text", "body", "summary"),
        SOURCES,
        LANG,
    ),
)

GLOSSARY = Kind(
    name="glossary",
    file="glossary",
    group="glossary",
    model=Term,
    command="about",
    anchor="term",
    opens_with_id=False,
    fields=(
        ID,
        _f("term", "line", "title", "title"),
        _f("explanation", "text", "body", "summary"),
        LANG,
    ),
)

CONTACTS = Kind(
    name="contact",
    file="contact",
    group="contacts",
    model=Contact,
    command="contact",
    anchor="contact",
    opens_with_id=False,
    fields=(
        ID,
        _f("name", "line", "title", "title"),
        _f("description", "text", "body", "summary", required=False),
        _f("email", "line", "fact", "summary", required=False, label="contact.email"),
        _f("phone", "line", "fact", "summary", required=False, label="contact.phone"),
        _f("hours", "line", "fact", "summary", required=False, label="contact.hours"),
        _f("website", "url", "fact", "summary", required=False, label="contact.website"),
        _f(
            "extra",
            "records",
            "fact",
            "summary",
            required=False,
            model=ExtraLine,
            parts=(_f("label", "line"), _f("value", "line")),
        ),
        _f("note", "text", "note", required=False),
        _f("checked", "line", "note", "source", required=False, label="contact.checked"),
        Field("sources", "sources", "sources", "source", required=False, label="sources"),
        LANG,
    ),
)

# In the order of the handout and of search's tie-breaking.
ENTRY_KINDS = (NARRATIVES, LESSONS, CASES, THEMES, SECTIONS, GLOSSARY, CONTACTS)
BY_NAME = {kind.name: kind for kind in (NARRATIVES, LESSONS, CASES, GLOSSARY)}
BY_NAME["personal"] = THEMES
BY_NAME["about"] = SECTIONS
BY_NAME["contact"] = CONTACTS

# The content files, in the order they are read and reported.
FILES = ("narratives", "lessons", "cases", "personal", "about", "contact", "glossary", "quiz")
# The files that hold one document with a list in it, and that document's own fields.
DOCUMENT_FIELDS: dict[str, tuple[Field, ...]] = {
    "personal": (_f("title", "line", "title", "title"), _f("intro", "text", "lead", "summary")),
    "about": (
        _f("title", "line", "title", "title"),
        _f("summary", "text", "lead", "summary"),
        _f("provenance", "text", label="about.provenance"),
        _f("checked", "line", "fact", "source", label="about.checked"),
        SOURCES,
    ),
}


def entries(bundle: "Bundle", kind: Kind) -> tuple[Any, ...]:
    """The entries of one kind in a bundle."""
    if kind is THEMES:
        return bundle.personal.themes
    if kind is SECTIONS:
        return bundle.about.sections
    if kind is CONTACTS:
        return bundle.contacts
    return tuple(getattr(bundle, kind.group))


# ---------------------------------------------------------------- documents, for search and other walks


class Document(NamedTuple):
    """One thing a person can find and open: its texts, weighted, and the command that opens it."""

    kind: str
    id: str
    title: str
    command: tuple[str, ...]
    fields: tuple[tuple[str, str, str], ...]  # (field name, weight class, text)


def field_texts(fields: tuple[Field, ...], entry: Any, prefix: str = "") -> Iterator[tuple[str, str, str]]:
    """Every searchable text of an entry, as (field path, weight class, text)."""
    for field in fields:
        value = getattr(entry, field.name)
        name = prefix + field.name
        if field.type in ("record", "records"):
            for item in (value,) if field.type == "record" else value:
                weight = field.search
                for sub, _, text in field_texts(field.parts, item, name + "."):
                    if weight:
                        yield sub, weight, text
            continue
        if not field.search or not value:
            continue
        if field.type == "sources":
            for source in value:
                yield name, field.search, source.title
        elif isinstance(value, tuple):
            for text in value:
                yield name, field.search, text
        else:
            yield name, field.search, value


def _open(kind: Kind, entry_id: str) -> tuple[str, ...]:
    if kind is GLOSSARY:
        return ("about", "--term", entry_id)
    if kind.opens_with_id:
        return (kind.command, entry_id)
    return (kind.command,)


def _short(text: str, limit: int = 70) -> str:
    """A long text (a quiz voice) cut to a title, at a word boundary."""
    text = " ".join(text.split())
    if len(text) <= limit:
        return text
    cut = text.rfind(" ", 0, limit)
    return text[: cut if cut > limit // 2 else limit].rstrip(" ,.;:") + "…"


def documents(bundle: "Bundle") -> Iterator[Document]:
    """Everything a person can search for, in the order that breaks ties."""
    from . import models as m

    for kind in ENTRY_KINDS:
        if kind.name in DOCUMENT_FIELDS:
            doc = bundle.personal if kind is THEMES else bundle.about
            yield Document(
                kind.name,
                "intro" if kind is THEMES else "about",
                doc.title,
                (kind.command,),
                tuple(field_texts(DOCUMENT_FIELDS[kind.name], doc)),
            )
        for entry in entries(bundle, kind):
            texts = tuple(field_texts(kind.fields, entry))
            yield Document(kind.name, entry.id, kind.title_of(entry), _open(kind, entry.id), texts)
    for theme in bundle.quiz_themes:
        yield Document(
            "quiz",
            theme.id,
            theme.title,
            ("quiz", "--theme", theme.id),
            (("title", "title", theme.title), ("description", "summary", theme.description)),
        )
    for q in bundle.questions:
        if isinstance(q, m.Scenario):
            title = q.setting
            texts = (
                ("setting", "summary", q.setting),
                ("prompt", "body", q.prompt),
                *(("options", "body", o.text) for o in q.options),
                *(("feedback", "body", o.feedback) for o in q.options),
            )
        elif isinstance(q, m.Recognise):
            title = _short(q.voice)
            texts = (("voice", "body", q.voice), ("explanation", "body", q.explanation))
        else:
            title = q.statement
            texts = (("statement", "summary", q.statement), ("suggestion", "body", q.suggestion))
        yield Document("quiz", q.id, title, ("quiz", "--question", q.id), texts)
