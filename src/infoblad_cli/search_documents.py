"""TEMPORARY adapter: the searchable documents of a bundle, in the team's ``Document`` format.

To be deleted when the lead's ``kinds.documents(bundle)`` lands on main (issue 10);
search then imports ``Document`` and ``documents`` from ``kinds``.
"""

from __future__ import annotations

from collections.abc import Iterator
from typing import NamedTuple

from . import models as m


class Document(NamedTuple):
    kind: str
    id: str
    title: str
    command: tuple[str, ...]
    fields: tuple[tuple[str, str, str], ...]  # (field name, weight class, text)


def _sources(sources: tuple[m.Source, ...]) -> list[tuple[str, str, str]]:
    return [("sources", "source", s.title) for s in sources]


def _short(text: str, limit: int = 70) -> str:
    text = " ".join(text.split())
    if len(text) <= limit:
        return text
    cut = text.rfind(" ", 0, limit)
    return text[: cut if cut > limit // 2 else limit].rstrip(" ,.;:") + "…"


def documents(bundle: m.Bundle) -> Iterator[Document]:
    """Every searchable item of ``bundle``, in kind order, then content order."""
    for n in bundle.narratives:
        yield Document(
            "narratives",
            n.id,
            n.title,
            ("narratives", n.id),
            (
                ("title", "title", n.title),
                ("summary", "summary", n.summary),
                ("experience", "body", n.experience),
                ("how_it_grows", "body", n.how_it_grows),
                *[("voices", "body", v) for v in n.voices],
                *[("asks_of_you.frontline", "body", a) for a in n.asks_of_you.frontline],
                *[("asks_of_you.policy", "body", a) for a in n.asks_of_you.policy],
                *_sources(n.sources),
            ),
        )
    for x in bundle.lessons:
        yield Document(
            "lessons",
            x.id,
            x.title,
            ("lessons", x.id),
            (
                ("title", "title", x.title),
                ("summary", "summary", x.summary),
                ("tomorrow.frontline", "summary", x.tomorrow.frontline),
                ("tomorrow.policy", "summary", x.tomorrow.policy),
                ("lesson", "body", x.lesson),
                ("why_it_works", "body", x.why_it_works),
                *_sources(x.sources),
            ),
        )
    for c in bundle.cases:
        yield Document(
            "cases",
            c.id,
            c.title,
            ("cases", c.id),
            (
                ("title", "title", c.title),
                ("place", "summary", c.place),
                ("summary", "summary", c.summary),
                ("situation", "body", c.situation),
                ("approach", "body", c.approach),
                ("result", "body", c.result),
                ("caveat", "body", c.caveat),
                *_sources(c.sources),
            ),
        )
    p = bundle.personal
    yield Document(
        "personal", "intro", p.title, ("personal",), (("title", "title", p.title), ("intro", "body", p.intro))
    )
    for t in p.themes:
        yield Document(
            "personal",
            t.id,
            t.title,
            ("personal", t.id),
            (
                ("title", "title", t.title),
                ("text", "body", t.text),
                *[("questions", "body", q) for q in t.questions],
                *_sources(t.sources),
            ),
        )
    a = bundle.about
    yield Document(
        "about",
        "about",
        a.title,
        ("about",),
        (
            ("title", "title", a.title),
            ("summary", "summary", a.summary),
            ("provenance", "body", a.provenance),
            ("checked", "source", a.checked),
            *_sources(a.sources),
        ),
    )
    for s in a.sections:
        yield Document(
            "about",
            s.id,
            s.title,
            ("about",),
            (("title", "title", s.title), ("text", "body", s.text), *_sources(s.sources)),
        )
    for g in bundle.glossary:
        yield Document(
            "glossary",
            g.id,
            g.term,
            ("about", "--term", g.id),
            (("term", "title", g.term), ("explanation", "body", g.explanation)),
        )
    for k in bundle.contacts:
        yield Document(
            "contact",
            k.id,
            k.name,
            ("contact",),
            (
                ("name", "title", k.name),
                ("description", "summary", k.description),
                ("email", "summary", k.email),
                ("phone", "summary", k.phone),
                ("hours", "summary", k.hours),
                ("website", "summary", k.website),
                *[("extra", "summary", f"{e.label}: {e.value}") for e in k.extra],
                ("note", "body", k.note),
                ("checked", "source", k.checked),
                *_sources(k.sources),
            ),
        )
    for qt in bundle.quiz_themes:
        yield Document(
            "quiz",
            qt.id,
            qt.title,
            ("quiz", "--theme", qt.id),
            (("title", "title", qt.title), ("description", "summary", qt.description)),
        )
    for q in bundle.questions:
        command = ("quiz", "--question", q.id)
        if isinstance(q, m.Scenario):
            fields: tuple[tuple[str, str, str], ...] = (
                ("setting", "summary", q.setting),
                ("prompt", "body", q.prompt),
                *[("options", "body", o.text) for o in q.options],
                *[("feedback", "body", o.feedback) for o in q.options],
            )
            yield Document("quiz", q.id, q.setting, command, fields)
        elif isinstance(q, m.Recognise):
            fields = (("voice", "body", q.voice), ("explanation", "body", q.explanation))
            yield Document("quiz", q.id, _short(q.voice), command, fields)
        else:
            fields = (("statement", "summary", q.statement), ("suggestion", "body", q.suggestion))
            yield Document("quiz", q.id, q.statement, command, fields)
