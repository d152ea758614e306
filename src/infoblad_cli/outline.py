# SPDX-FileCopyrightText: 2026 The infoblad team
# SPDX-License-Identifier: EUPL-1.2
"""One outline of every page: parts with headings, and blocks of text under them.

Built from the kind descriptions in ``kinds.py``, and consumed by every view: the
terminal (``render.py``), Markdown and HTML (``export.py``) and the formats built
on them. So a field added to a kind shows up everywhere, under its own label, in
the same place. The outline holds content as plain strings; each backend escapes
or wraps it in its own way.
"""

import re
from collections.abc import Iterable, Sequence
from typing import Any, NamedTuple, Union

from . import kinds as k
from . import models as m
from .strings import t


class Paragraphs(NamedTuple):
    text: str
    style: str = ""  # "summary", "note" or "meta"


class Bullets(NamedTuple):
    items: tuple[str, ...]


class Voices(NamedTuple):
    """Example voices: illustrative, the heading above them says so."""

    items: tuple[str, ...]


class Fact(NamedTuple):
    label: str
    value: str
    link: bool = False  # the value is a web address


class Facts(NamedTuple):
    rows: tuple[Fact, ...]


class Sources(NamedTuple):
    sources: tuple[m.Source, ...]


class Ref(NamedTuple):
    """A related entry: its title, its anchor in a handout, its ID and the command that opens it."""

    title: str
    anchor: str
    id: str
    command: str


class Refs(NamedTuple):
    refs: tuple[Ref, ...]


class Terms(NamedTuple):
    terms: tuple[m.Term, ...]


class Part(NamedTuple):
    """A heading with what belongs under it; its level follows from how deep it is nested."""

    title: str
    children: "tuple[Block, ...]"
    anchor: str = ""
    entry_id: str = ""  # shown under the heading, so readers can open it in the tool
    tag: str = ""  # "section", "article" or "" (a heading without a wrapper)


Block = Union[Paragraphs, Bullets, Voices, Facts, Sources, Refs, Terms, Part]


def outcome(lang: str, value: str) -> str:
    """The words for a case's outcome (a value the schema checked)."""
    try:
        return t(lang, f"outcome.{value}")
    except KeyError:  # only reachable with a hand-built bundle
        return value


def pack_name(path: str) -> str:
    """The folder name of a content pack: a handout goes to others, a full path may hold a user name."""
    parts = [p for p in re.split(r"[\\/]", path) if p]
    return parts[-1] if parts else path


# ---------------------------------------------------------------- from the descriptions


def _refs(bundle: m.Bundle, kind: k.Kind, ids: Sequence[str]) -> tuple[Ref, ...]:
    by_id = {entry.id: entry for entry in k.entries(bundle, kind)}
    return tuple(
        Ref(kind.title_of(by_id[i]), f"{kind.anchor}-{i}", i, f"infoblad {kind.command} {i}")
        for i in ids
        if i in by_id
    )


def _sources(lang: str, sources: tuple[m.Source, ...]) -> tuple[Block, ...]:
    return (Part(t(lang, "sources"), (Sources(sources),)),) if sources else ()


def _fact(lang: str, kind: k.Kind, field: k.Field, value: Any) -> tuple[Fact, ...]:
    if field.type == "records":
        return tuple(Fact(str(item.label), str(item.value)) for item in value if item.value)
    if not value:
        return ()
    shown = outcome(lang, value) if field.type == "choice" else value
    return (Fact(t(lang, kind.label(field)), shown, link=field.type == "url"),)


_LABELLED = ("section", "voices", "bullets", "parts", "related")


def _blocks(bundle: m.Bundle, kind: k.Kind, fields: Iterable[k.Field], entry: Any) -> tuple[Block, ...]:
    """The blocks of one entry (or one record inside it), in the order of its fields.

    Facts gather where the first of them stands; what to read next gathers above the sources.
    """
    lang = bundle.lang
    out: list[Block] = []
    facts: list[Fact] = []
    facts_at: int | None = None
    related: list[Part] = []
    sources: tuple[Block, ...] = ()
    for field in fields:
        value = getattr(entry, field.name)
        show = field.show
        if show in ("hidden", "title") or (not value and field.type != "record"):
            continue
        label = t(lang, kind.label(field)) if show in _LABELLED else ""
        if show == "fact":
            if facts_at is None:
                facts_at = len(out)
            facts.extend(_fact(lang, kind, field, value))
        elif show == "lead":
            out.append(Paragraphs(value, "summary"))
        elif show == "body":
            out.append(Paragraphs(value))
        elif show == "note":
            # A text is a quiet paragraph; a line is labelled: "Checked: 1 May 2025".
            text = value if field.type == "text" else f"{t(lang, kind.label(field))}: {value}"
            out.append(Paragraphs(text, "note" if field.type == "text" else "meta"))
        elif show == "section":
            out.append(Part(label, (Paragraphs(value),)))
        elif show == "voices":
            out.append(Part(label, (Voices(value),)))
        elif show == "bullets":
            out.append(Part(label, (Bullets(value),)))
        elif show == "parts":
            out.append(Part(label, _blocks(bundle, kind, field.parts, value)))
        elif show == "related":
            refs = _refs(bundle, k.BY_NAME[field.ref], value)
            if refs:
                related.append(Part(label, (Refs(refs),)))
        elif show == "sources":
            sources = _sources(lang, value)
    if facts and facts_at is not None:
        out.insert(facts_at, Facts(tuple(facts)))
    if related:
        out.append(Part(t(lang, "related.read"), tuple(related)))
    return (*out, *sources)


def entry(bundle: m.Bundle, kind: k.Kind, item: Any) -> Part:
    """One entry of a kind as a part: its heading, ID and every field it shows."""
    return Part(
        kind.title_of(item),
        _blocks(bundle, kind, kind.fields, item),
        anchor=f"{kind.anchor}-{item.id}",
        entry_id=item.id if kind.opens_with_id else "",
        tag="article",
    )


def kind_section(bundle: m.Bundle, kind: k.Kind, items: Sequence[Any] | None = None) -> Part:
    """A kind's section of a handout: its heading, its intro and its entries."""
    lang = bundle.lang
    items = k.entries(bundle, kind) if items is None else items
    return Part(
        t(lang, kind.title_key),
        (Paragraphs(t(lang, kind.intro_key, count=len(items))), *(entry(bundle, kind, x) for x in items)),
        anchor=kind.name,
        tag="section",
    )


def personal(bundle: m.Bundle) -> Part:
    """The personal side of professionalism: an intro and its themes."""
    p = bundle.personal
    return Part(
        p.title,
        (Paragraphs(p.intro), *(entry(bundle, k.THEMES, theme) for theme in p.themes)),
        anchor="personal",
        tag="section",
    )


def about(bundle: m.Bundle) -> Part:
    """About: the network, the sources, how the texts were made, the glossary, the packs."""
    lang = bundle.lang
    a = bundle.about
    sections = tuple(entry(bundle, k.SECTIONS, section) for section in a.sections)
    provenance = Part(
        t(lang, "about.provenance"),
        (Paragraphs(a.provenance), Facts((Fact(t(lang, "about.checked"), a.checked),))),
        anchor="provenance",
        tag="section",
    )
    glossary: tuple[Block, ...] = ()
    if bundle.glossary:
        glossary = (
            Part(t(lang, "about.glossary"), (Terms(bundle.glossary),), anchor="glossary", tag="section"),
        )
    packs: tuple[Block, ...] = ()
    if bundle.packs:
        names = tuple(pack_name(p) for p in bundle.packs)
        packs = (Part(t(lang, "about.packs"), (Bullets(names),), anchor="packs", tag="section"),)
    return Part(
        a.title,
        (Paragraphs(a.summary), *sections, provenance, *glossary, *packs, *_sources(lang, a.sources)),
        anchor="about",
        tag="section",
    )


def contacts(bundle: m.Bundle) -> Part:
    """The ESS first, then the local contacts that content packs add."""
    lang = bundle.lang
    children: list[Block] = [entry(bundle, k.CONTACTS, c) for c in bundle.contacts[:1]]
    local = tuple(entry(bundle, k.CONTACTS, c) for c in bundle.contacts[1:])
    if local:
        children.append(Part(t(lang, "contact.local"), local, anchor="local-contacts", tag="section"))
    return Part(t(lang, "contact.title"), tuple(children), anchor="contact", tag="section")


def outline(bundle: m.Bundle) -> tuple[Part, ...]:
    """Everything but the quiz, in the order and with the labels of the terminal views."""
    return (
        kind_section(bundle, k.NARRATIVES),
        kind_section(bundle, k.LESSONS),
        kind_section(bundle, k.CASES),
        personal(bundle),
        about(bundle),
        contacts(bundle),
    )


def intro(bundle: m.Bundle) -> tuple[str, ...]:
    """The lines under a handout's title: what this is, where it comes from, what is left out."""
    lang = bundle.lang
    return (
        bundle.about.summary,
        t(lang, "home.source"),
        t(lang, "export.provenance_see", section=t(lang, "about.provenance")),
        t(lang, "export.quiz_note"),
        t(lang, "export.made_with"),
    )
