"""The whole content as a handout: Markdown, one self-contained HTML page, or JSON.

Pure functions: a bundle goes in, text comes out. The CLI writes the file.

Markdown and HTML are built from one outline (``_outline``), so both formats
show the same parts in the same order with the same labels as the terminal
views in ``render.py``. The quiz is left out on purpose: it is a self-test,
and a handout with the answers in it would spoil it.

Content is data, never markup: every content string passes through
``md_escape`` or ``_html_text`` on its way out, control characters are
dropped, and only http(s) addresses ever become links. The output carries no
date or version, so the same content always gives the same file.
"""

from __future__ import annotations

import html
import json
import re
from collections.abc import Iterable, Sequence
from typing import Any, NamedTuple, Union
from urllib.parse import quote, urlsplit

from . import models as m
from .strings import t

SCHEMA_VERSION = 1

# Colours of the HTML page; tests check their contrast (WCAG AA: 4.5:1 for text).
COLOR_TEXT = "#1b1b1b"
COLOR_MUTED = "#4a4a4a"
COLOR_BACKGROUND = "#ffffff"
COLOR_PANEL = "#f3f4f6"
COLOR_LINK = "#0b4f9c"
COLOR_VISITED = "#5b2a86"
COLOR_FOCUS = "#b45309"

# ---------------------------------------------------------------- JSON


def to_json(bundle: m.Bundle) -> str:
    """The whole bundle as one JSON document (UTF-8 text, indent 2, trailing newline)."""
    document = {
        "schema_version": SCHEMA_VERSION,
        "lang": bundle.lang,
        "narratives": m.to_data(bundle.narratives),
        "lessons": m.to_data(bundle.lessons),
        "cases": m.to_data(bundle.cases),
        "personal": m.to_data(bundle.personal),
        "about": m.to_data(bundle.about),
        "contacts": m.to_data(bundle.contacts),
        "glossary": m.to_data(bundle.glossary),
        "quiz": {"themes": m.to_data(bundle.quiz_themes), "questions": m.to_data(bundle.questions)},
        "packs": list(bundle.packs),
    }
    return json.dumps(document, ensure_ascii=False, indent=2) + "\n"


# ---------------------------------------------------------------- shared text helpers

# C0 controls except tab, line feed and carriage return; DEL; C1 controls; lone surrogates.
_CONTROL = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\x7f-\x9f\ud800-\udfff]")
_SPACES = re.compile(r"[ \t\r\n]+")
_BLANK_LINE = re.compile(r"\n[ \t\r]*\n")
_SLUG = re.compile(r"[a-z0-9]+(?:-[a-z0-9]+)*")
# Characters that may stay in a URL as they are; everything else is percent-encoded.
_URL_SAFE = "!#$%&'()*+,/:;=?@[]~"


def _clean(text: str) -> str:
    """Drop control characters (ANSI escapes and the like) that have no place in a document."""
    return _CONTROL.sub("", text)


def _paragraphs(text: str) -> list[str]:
    """The paragraphs of a content text (separated by a blank line), each on one line."""
    found = (_SPACES.sub(" ", p).strip() for p in _BLANK_LINE.split(_clean(text)))
    return [p for p in found if p]


def web_url(url: str) -> str | None:
    """``url`` fit for a link target, or None when it is not an http(s) address.

    Spaces, ``<``, ``>``, quotes and other characters that could end a link or
    an attribute are percent-encoded; ``javascript:``, ``data:`` and anything
    without a host never become links.
    """
    cleaned = _SPACES.sub(" ", _clean(url)).strip()
    try:
        parts = urlsplit(cleaned)
    except ValueError:  # e.g. an unbalanced '[' in the host
        return None
    if parts.scheme.lower() not in ("http", "https") or not parts.hostname:
        return None
    return quote(cleaned, safe=_URL_SAFE)


def _outcome(lang: str, outcome: str) -> str:
    try:
        return t(lang, f"outcome.{outcome}")
    except KeyError:  # only reachable with a hand-built bundle; the schema checks outcomes
        return outcome


def _pack_name(path: str) -> str:
    """The folder name of a content pack: a handout goes to others, a full path may hold a user name."""
    parts = [p for p in re.split(r"[\\/]", path) if p]
    return parts[-1] if parts else path


# ---------------------------------------------------------------- the outline


class _Paragraphs(NamedTuple):
    text: str
    style: str = ""  # "summary", "note" or "meta"


class _Bullets(NamedTuple):
    items: tuple[str, ...]


class _Voices(NamedTuple):
    """Example voices: illustrative, the heading above them says so."""

    items: tuple[str, ...]


class _Field(NamedTuple):
    label: str
    value: str
    link: bool = False  # the value is a web address


class _Fields(NamedTuple):
    rows: tuple[_Field, ...]


class _Sources(NamedTuple):
    sources: tuple[m.Source, ...]


class _Ref(NamedTuple):
    """A related entry elsewhere in the handout."""

    title: str
    anchor: str
    id: str


class _Refs(NamedTuple):
    refs: tuple[_Ref, ...]


class _Terms(NamedTuple):
    terms: tuple[m.Term, ...]


class _Part(NamedTuple):
    """A heading with what belongs under it; its level follows from how deep it is nested."""

    title: str
    children: tuple[_Block, ...]
    anchor: str = ""
    entry_id: str = ""  # shown under the heading, so readers can open it in the tool
    tag: str = ""  # "section", "article" or "" (a heading without a wrapper)


_Block = Union[_Paragraphs, _Bullets, _Voices, _Fields, _Sources, _Refs, _Terms, _Part]


def _refs(entries: Sequence[Any], ids: Sequence[str], prefix: str) -> tuple[_Ref, ...]:
    by_id = {entry.id: entry for entry in entries}
    return tuple(_Ref(by_id[i].title, f"{prefix}-{i}", i) for i in ids if i in by_id)


def _related(lang: str, groups: Iterable[tuple[str, tuple[_Ref, ...]]]) -> tuple[_Block, ...]:
    parts = tuple(_Part(label, (_Refs(refs),)) for label, refs in groups if refs)
    return (_Part(t(lang, "related.read"), parts),) if parts else ()


def _sources(lang: str, sources: tuple[m.Source, ...]) -> tuple[_Block, ...]:
    return (_Part(t(lang, "sources"), (_Sources(sources),)),) if sources else ()


def _narrative(bundle: m.Bundle, n: m.Narrative) -> _Part:
    lang = bundle.lang
    return _Part(
        n.title,
        (
            _Paragraphs(n.summary, "summary"),
            _Part(t(lang, "narratives.experience"), (_Paragraphs(n.experience),)),
            _Part(t(lang, "narratives.how_it_grows"), (_Paragraphs(n.how_it_grows),)),
            _Part(t(lang, "narratives.voices"), (_Voices(n.voices),)),
            _Part(
                t(lang, "narratives.asks"),
                (
                    _Part(t(lang, "narratives.frontline"), (_Bullets(n.asks_of_you.frontline),)),
                    _Part(t(lang, "narratives.policy"), (_Bullets(n.asks_of_you.policy),)),
                ),
            ),
            *_related(lang, [(t(lang, "related.lessons"), _refs(bundle.lessons, n.lessons, "lesson"))]),
            *_sources(lang, n.sources),
        ),
        anchor=f"narrative-{n.id}",
        entry_id=n.id,
        tag="article",
    )


def _lesson(bundle: m.Bundle, lesson: m.Lesson) -> _Part:
    lang = bundle.lang
    return _Part(
        lesson.title,
        (
            _Paragraphs(lesson.summary, "summary"),
            _Part(t(lang, "lessons.lesson"), (_Paragraphs(lesson.lesson),)),
            _Part(t(lang, "lessons.why"), (_Paragraphs(lesson.why_it_works),)),
            _Part(
                t(lang, "lessons.tomorrow"),
                (
                    _Part(t(lang, "lessons.frontline"), (_Paragraphs(lesson.tomorrow.frontline),)),
                    _Part(t(lang, "lessons.policy"), (_Paragraphs(lesson.tomorrow.policy),)),
                ),
            ),
            *_related(
                lang,
                [
                    (t(lang, "lessons.answers"), _refs(bundle.narratives, lesson.answers, "narrative")),
                    (t(lang, "related.cases"), _refs(bundle.cases, lesson.cases, "case")),
                ],
            ),
            *_sources(lang, lesson.sources),
        ),
        anchor=f"lesson-{lesson.id}",
        entry_id=lesson.id,
        tag="article",
    )


def _case(bundle: m.Bundle, case: m.Case) -> _Part:
    lang = bundle.lang
    caveat = (_Part(t(lang, "cases.caveat"), (_Paragraphs(case.caveat),)),) if case.caveat else ()
    return _Part(
        case.title,
        (
            _Fields(
                (
                    _Field(t(lang, "cases.place"), case.place),
                    _Field(t(lang, "cases.period"), case.period),
                    _Field(t(lang, "export.outcome"), _outcome(lang, case.outcome)),
                )
            ),
            _Paragraphs(case.summary, "summary"),
            _Part(t(lang, "cases.situation"), (_Paragraphs(case.situation),)),
            _Part(t(lang, "cases.approach"), (_Paragraphs(case.approach),)),
            _Part(t(lang, "cases.result"), (_Paragraphs(case.result),)),
            *caveat,
            *_related(lang, [(t(lang, "related.lessons"), _refs(bundle.lessons, case.lessons, "lesson"))]),
            *_sources(lang, case.sources),
        ),
        anchor=f"case-{case.id}",
        entry_id=case.id,
        tag="article",
    )


def _theme(bundle: m.Bundle, theme: m.Theme) -> _Part:
    lang = bundle.lang
    return _Part(
        theme.title,
        (
            _Paragraphs(theme.text),
            _Part(t(lang, "personal.questions"), (_Bullets(theme.questions),)),
            *_related(lang, [(t(lang, "related.lessons"), _refs(bundle.lessons, theme.lessons, "lesson"))]),
            *_sources(lang, theme.sources),
        ),
        anchor=f"personal-{theme.id}",
        entry_id=theme.id,
        tag="article",
    )


def _about(bundle: m.Bundle) -> _Part:
    lang = bundle.lang
    about = bundle.about
    sections = tuple(
        _Part(
            section.title,
            (_Paragraphs(section.text), *_sources(lang, section.sources)),
            anchor=f"about-{section.id}",
            tag="article",
        )
        for section in about.sections
    )
    provenance = _Part(
        t(lang, "about.provenance"),
        (_Paragraphs(about.provenance), _Fields((_Field(t(lang, "about.checked"), about.checked),))),
        anchor="provenance",
        tag="section",
    )
    glossary: tuple[_Block, ...] = ()
    if bundle.glossary:
        glossary = (
            _Part(t(lang, "about.glossary"), (_Terms(bundle.glossary),), anchor="glossary", tag="section"),
        )
    packs: tuple[_Block, ...] = ()
    if bundle.packs:
        names = tuple(_pack_name(p) for p in bundle.packs)
        packs = (_Part(t(lang, "about.packs"), (_Bullets(names),), anchor="packs", tag="section"),)
    return _Part(
        about.title,
        (
            _Paragraphs(about.summary),
            *sections,
            provenance,
            *glossary,
            *packs,
            *_sources(lang, about.sources),
        ),
        anchor="about",
        tag="section",
    )


def _contact(lang: str, contact: m.Contact) -> _Part:
    children: list[_Block] = []
    if contact.description:
        children.append(_Paragraphs(contact.description))
    rows = (
        _Field(t(lang, "contact.email"), contact.email),
        _Field(t(lang, "contact.phone"), contact.phone),
        _Field(t(lang, "contact.hours"), contact.hours),
        _Field(t(lang, "contact.website"), contact.website, link=True),
        *(_Field(extra.label, extra.value) for extra in contact.extra),
    )
    rows = tuple(row for row in rows if row.value)
    if rows:
        children.append(_Fields(rows))
    if contact.note:
        children.append(_Paragraphs(contact.note, "note"))
    if contact.checked:
        children.append(_Paragraphs(f"{t(lang, 'contact.checked')}: {contact.checked}", "meta"))
    children.extend(_sources(lang, contact.sources))
    return _Part(contact.name, tuple(children), anchor=f"contact-{contact.id}", tag="article")


def _contacts(bundle: m.Bundle) -> _Part:
    lang = bundle.lang
    children: list[_Block] = [_contact(lang, c) for c in bundle.contacts[:1]]
    local = tuple(_contact(lang, c) for c in bundle.contacts[1:])
    if local:
        children.append(_Part(t(lang, "contact.local"), local, anchor="local-contacts", tag="section"))
    return _Part(t(lang, "contact.title"), tuple(children), anchor="contact", tag="section")


def _outline(bundle: m.Bundle) -> tuple[_Part, ...]:
    """Everything but the quiz, in the order and with the labels of the terminal views."""
    lang = bundle.lang
    return (
        _Part(
            t(lang, "narratives.title"),
            (_Paragraphs(t(lang, "narratives.intro")), *(_narrative(bundle, n) for n in bundle.narratives)),
            anchor="narratives",
            tag="section",
        ),
        _Part(
            t(lang, "lessons.title"),
            (_Paragraphs(t(lang, "lessons.intro")), *(_lesson(bundle, x) for x in bundle.lessons)),
            anchor="lessons",
            tag="section",
        ),
        _Part(
            t(lang, "cases.title"),
            (_Paragraphs(t(lang, "cases.intro")), *(_case(bundle, x) for x in bundle.cases)),
            anchor="cases",
            tag="section",
        ),
        _Part(
            bundle.personal.title,
            (_Paragraphs(bundle.personal.intro), *(_theme(bundle, x) for x in bundle.personal.themes)),
            anchor="personal",
            tag="section",
        ),
        _about(bundle),
        _contacts(bundle),
    )


def _intro(bundle: m.Bundle) -> tuple[str, ...]:
    """The lines under the title: what this is, where it comes from, what is left out."""
    lang = bundle.lang
    return (
        bundle.about.summary,
        t(lang, "home.source"),
        t(lang, "export.provenance_see", section=t(lang, "about.provenance")),
        t(lang, "export.quiz_note"),
        t(lang, "export.made_with"),
    )


# ---------------------------------------------------------------- Markdown

# Escaped everywhere: code, emphasis, links and images, headings, tables, pandoc
# attributes, strikeout, sub/superscript and TeX math.
_MD_SPECIAL = re.compile(r"([\\`*_{}\[\]#|~^$])")
# '&' only where it would start an entity; '@' only where pandoc would read a citation.
_MD_ENTITY = re.compile(r"&(?=#[0-9]{1,7};|#[xX][0-9a-fA-F]{1,6};|[A-Za-z][A-Za-z0-9]{1,31};)")
_MD_CITATION = re.compile(r"(?<![0-9A-Za-z])@")
# At the start of a line: a list marker (1. 1) a. iv. ...) or a block marker (- + = : % ( ...).
_MD_LIST_START = re.compile(r"^([0-9]{1,9}|[A-Za-z]|[ivxlcdm]+|[IVXLCDM]+)([.)])(?=[ \t]|$)")
_MD_BLOCK_START = re.compile(r"^([-+=:%]|\((?=(?:[0-9]{1,9}|[A-Za-z]|[ivxlcdm]+|[IVXLCDM]+|@[\w-]*)\)))")


def md_escape(text: str, at_line_start: bool = True) -> str:
    """``text`` as literal Markdown (CommonMark, GFM, pandoc) on one line.

    Nothing in it can become markup: no emphasis, link, image, HTML tag,
    heading, list, table, code or math. Control characters are dropped and
    runs of white space (line breaks included) become one space, so the result
    is safe in a heading, a list item or a paragraph. ``at_line_start=False``
    is only for text that follows other text on its line (a field's value):
    there a leading ``1.`` or ``-`` cannot start a list, so it is left as is.
    """
    line = _SPACES.sub(" ", _clean(text)).strip()
    line = _MD_SPECIAL.sub(r"\\\1", line)
    line = _MD_ENTITY.sub(r"\\&", line)
    line = _MD_CITATION.sub(r"\\@", line)
    # Entities rather than '\<', so no raw '<tag>' is left in the file at all.
    line = line.replace("<", "&lt;").replace(">", "&gt;")
    if not at_line_start:
        return line
    line = _MD_LIST_START.sub(r"\1\\\2", line)
    return _MD_BLOCK_START.sub(r"\\\1", line)


def _md_code(slug: str) -> str:
    """An ID as inline code; anything that is not a plain slug is escaped text instead."""
    return f"`{slug}`" if _SLUG.fullmatch(slug) else md_escape(slug)


def _md_url(url: str) -> str:
    safe = web_url(url)
    return f"<{safe}>" if safe else md_escape(url)


def _md_field(field: _Field) -> str:
    value = _md_url(field.value) if field.link else md_escape(field.value, at_line_start=False)
    return f"- **{md_escape(field.label)}:** {value}"


def _md_blocks(lang: str, blocks: Iterable[_Block], level: int, out: list[str]) -> None:
    for block in blocks:
        if isinstance(block, _Part):
            out.append("#" * min(level, 6) + " " + md_escape(block.title))
            if block.entry_id:
                out.append(f"{md_escape(t(lang, 'export.id'))}: {_md_code(block.entry_id)}")
            _md_blocks(lang, block.children, level + 1, out)
        elif isinstance(block, _Paragraphs):
            for paragraph in _paragraphs(block.text):
                escaped = md_escape(paragraph)
                out.append(f"*{escaped}*" if block.style in ("summary", "note") else escaped)
        elif isinstance(block, _Bullets):
            out.append("\n".join(f"- {md_escape(item)}" for item in block.items))
        elif isinstance(block, _Voices):
            out.extend(f"> \u201c{md_escape(voice)}\u201d" for voice in block.items)
        elif isinstance(block, _Fields):
            out.append("\n".join(_md_field(row) for row in block.rows))
        elif isinstance(block, _Sources):
            out.append("\n".join(f"- {md_escape(s.title)}: {_md_url(s.url)}" for s in block.sources))
        elif isinstance(block, _Refs):
            out.append("\n".join(f"- {md_escape(r.title)} ({_md_code(r.id)})" for r in block.refs))
        elif isinstance(block, _Terms):
            out.append(
                "\n".join(
                    f"- **{md_escape(x.term)}:** {md_escape(x.explanation, at_line_start=False)}"
                    for x in block.terms
                )
            )


def to_markdown(bundle: m.Bundle) -> str:
    """The content (without the quiz) as Markdown for pandoc or a wiki."""
    lang = bundle.lang
    out = ["# " + md_escape(t(lang, "export.title"))]
    for line in _intro(bundle):
        out.extend(md_escape(paragraph) for paragraph in _paragraphs(line))
    _md_blocks(lang, _outline(bundle), 2, out)
    return "\n\n".join(out) + "\n"


# ---------------------------------------------------------------- HTML


def _html_text(text: str) -> str:
    """Content as HTML text or attribute value: escaped, without control characters."""
    return html.escape(_clean(text), quote=True)


def _html_link(url: str, label: str | None = None) -> str:
    """A link for an http(s) address; anything else stays plain text."""
    safe = web_url(url)
    if safe is None:
        return f'<span class="url">{_html_text(label if label is not None else url)}</span>'
    if label is None:  # the address is the text: print CSS must not repeat it
        return f'<a class="bare" href="{_html_text(safe)}">{_html_text(url)}</a>'
    return f'<a href="{_html_text(safe)}">{_html_text(label)}</a>'


def _html_paragraphs(text: str, css_class: str = "") -> list[str]:
    attr = f' class="{css_class}"' if css_class else ""
    return [f"<p{attr}>{_html_text(p)}</p>" for p in _paragraphs(text)]


def _html_fields(rows: Iterable[_Field]) -> list[str]:
    out = ['<dl class="fields">']
    for row in rows:
        value = _html_link(row.value) if row.link else _html_text(row.value)
        out.append(f"<div><dt>{_html_text(row.label)}</dt><dd>{value}</dd></div>")
    out.append("</dl>")
    return out


def _html_source(source: m.Source) -> str:
    if web_url(source.url) is None:
        # No link: show the title and the address as text, like the terminal does.
        return f'<li>{_html_text(source.title)}: <span class="url">{_html_text(source.url)}</span></li>'
    return f"<li>{_html_link(source.url, source.title)}</li>"


def _html_blocks(lang: str, blocks: Iterable[_Block], level: int, out: list[str]) -> None:
    for block in blocks:
        if isinstance(block, _Part):
            heading = f"h{min(level, 6)}"
            if block.tag:
                anchor = f' id="{_html_text(block.anchor)}"' if block.anchor else ""
                out.append(f"<{block.tag}{anchor}>")
            out.append(f"<{heading}>{_html_text(block.title)}</{heading}>")
            if block.entry_id:
                out.append(
                    f'<p class="meta">{_html_text(t(lang, "export.id"))}: '
                    f"<code>{_html_text(block.entry_id)}</code></p>"
                )
            _html_blocks(lang, block.children, level + 1, out)
            if block.tag:
                out.append(f"</{block.tag}>")
        elif isinstance(block, _Paragraphs):
            out.extend(_html_paragraphs(block.text, block.style))
        elif isinstance(block, _Bullets):
            out.append("<ul>")
            out.extend(f"<li>{_html_text(item)}</li>" for item in block.items)
            out.append("</ul>")
        elif isinstance(block, _Voices):
            out.extend(
                f'<blockquote class="voice"><p>\u201c{_html_text(voice)}\u201d</p></blockquote>'
                for voice in block.items
            )
        elif isinstance(block, _Fields):
            out.extend(_html_fields(block.rows))
        elif isinstance(block, _Sources):
            out.append('<ul class="sources">')
            out.extend(_html_source(source) for source in block.sources)
            out.append("</ul>")
        elif isinstance(block, _Refs):
            out.append("<ul>")
            out.extend(
                f'<li><a href="#{_html_text(r.anchor)}">{_html_text(r.title)}</a></li>' for r in block.refs
            )
            out.append("</ul>")
        elif isinstance(block, _Terms):
            out.append('<dl class="glossary">')
            for term in block.terms:
                body = "".join(_html_paragraphs(term.explanation))
                out.append(
                    f'<div id="{_html_text("term-" + term.id)}"><dt>{_html_text(term.term)}</dt>'
                    f"<dd>{body}</dd></div>"
                )
            out.append("</dl>")


def _html_toc(lang: str, outline: Sequence[_Part]) -> list[str]:
    """The table of contents: every part, and the entries in it, one level deep."""
    out = [f'<nav aria-label="{_html_text(t(lang, "export.toc"))}">']
    out.append(f"<h2>{_html_text(t(lang, 'export.toc'))}</h2>")
    out.append("<ol>")
    for part in outline:
        out.append(f'<li><a href="#{_html_text(part.anchor)}">{_html_text(part.title)}</a>')
        entries = [c for c in part.children if isinstance(c, _Part) and c.anchor]
        if entries:
            out.append("<ol>")
            out.extend(
                f'<li><a href="#{_html_text(c.anchor)}">{_html_text(c.title)}</a></li>' for c in entries
            )
            out.append("</ol>")
        out.append("</li>")
    out.append("</ol>")
    out.append("</nav>")
    return out


_CSS = f"""
:root {{ color-scheme: light; }}
html {{ font-size: 112.5%; -webkit-text-size-adjust: 100%; text-size-adjust: 100%; }}
body {{
  margin: 0; background: {COLOR_BACKGROUND}; color: {COLOR_TEXT};
  font-family: system-ui, -apple-system, "Segoe UI", Roboto, "Helvetica Neue", Arial, sans-serif;
  line-height: 1.6; overflow-wrap: break-word;
}}
header, nav, main, footer {{ max-width: 70ch; margin: 0 auto; padding: 0 1.25rem; }}
header {{ padding-top: 1.5rem; }}
h1, h2, h3, h4, h5, h6 {{ line-height: 1.25; margin: 1.6em 0 0.5em; }}
h1 {{ font-size: 2rem; margin-top: 0.5em; }}
h2 {{ font-size: 1.6rem; padding-bottom: 0.2em; border-bottom: 2px solid {COLOR_MUTED}; }}
h3 {{ font-size: 1.3rem; }}
h4 {{ font-size: 1.1rem; }}
h5, h6 {{ font-size: 1rem; }}
nav h2 {{ font-size: 1.3rem; border: 0; }}
nav ol ol {{ font-size: 0.95rem; }}
a {{ color: {COLOR_LINK}; text-decoration: underline; text-underline-offset: 0.15em; }}
a:visited {{ color: {COLOR_VISITED}; }}
a:hover {{ text-decoration-thickness: 2px; }}
:focus {{ outline: 3px solid {COLOR_FOCUS}; outline-offset: 2px; }}
:focus:not(:focus-visible) {{ outline: none; }}
:focus-visible {{ outline: 3px solid {COLOR_FOCUS}; outline-offset: 2px; }}
.skip {{ position: absolute; left: -10000px; }}
.skip:focus {{ position: static; display: inline-block; margin: 0.5rem 1.25rem; }}
.summary {{ font-size: 1.1rem; font-style: italic; }}
.meta, .note, footer {{ color: {COLOR_MUTED}; }}
.meta {{ font-size: 0.9rem; }}
blockquote.voice {{
  margin: 0.75rem 0; padding: 0.25rem 1rem; border-left: 4px solid {COLOR_MUTED};
  background: {COLOR_PANEL}; color: {COLOR_TEXT}; font-style: italic;
}}
dl.fields div {{ display: flex; flex-wrap: wrap; gap: 0 0.5rem; }}
dl.fields dt::after {{ content: ":"; }}
dt {{ font-weight: bold; }}
dd {{ margin: 0; }}
dl.glossary dd {{ margin: 0 0 0.75rem 1.25rem; }}
dl.glossary dd p {{ margin: 0; }}
code {{
  font-family: ui-monospace, SFMono-Regular, Menlo, Consolas, monospace; font-size: 0.9em;
  background: {COLOR_PANEL}; color: {COLOR_TEXT}; padding: 0 0.2em; border-radius: 3px;
}}
.url {{ word-break: break-all; }}
footer {{ margin-top: 3rem; padding-top: 1rem; padding-bottom: 2rem; border-top: 1px solid {COLOR_MUTED}; }}
@media print {{
  nav, .skip {{ display: none !important; }}
  html {{ font-size: 11pt; }}
  body, blockquote.voice, code, .meta, .note, footer {{
    color: #000 !important; background: #fff !important;
  }}
  header, main, footer {{ max-width: none; padding-left: 0; padding-right: 0; }}
  a, a:visited {{ color: #000; }}
  a[href^="http"]:not(.bare)::after {{ content: " (" attr(href) ")"; font-size: 90%; word-break: break-all; }}
  article, blockquote, li, dl div {{ break-inside: avoid; page-break-inside: avoid; }}
  h1, h2, h3, h4, h5, h6 {{ break-after: avoid; page-break-after: avoid; break-inside: avoid; }}
  p, li {{ orphans: 3; widows: 3; }}
  main > section {{ break-before: page; page-break-before: always; }}
}}
""".strip()


class PageParts(NamedTuple):
    """What the offline quiz page (``export_page``) adds to the HTML handout; all of it is HTML."""

    head: str  # right after <meta charset>, so it governs all that follows (the CSP)
    css: str  # appended to the handout's style sheet
    quiz_note: str  # under the title, instead of the line that says the quiz is not in the handout
    anchor: str  # the quiz section: first in <main> and in the table of contents
    title: str
    section: str
    body_end: str  # the scripts


def style_sheet(extra_css: str = "") -> str:
    """The text of the page's one <style> element (the quiz page hashes it for its CSP)."""
    return f"\n{_CSS}\n{extra_css}\n" if extra_css else f"\n{_CSS}\n"


def to_html(bundle: m.Bundle, page: PageParts | None = None) -> str:
    """The content (without the quiz) as one self-contained, printable HTML page.

    ``page`` adds the offline quiz (see ``export_page.to_page``)."""
    lang = bundle.lang
    title = t(lang, "export.title")
    outline = _outline(bundle)
    out = [
        "<!DOCTYPE html>",
        f'<html lang="{_html_text(lang)}">',
        "<head>",
        '<meta charset="utf-8">',
        *((page.head,) if page else ()),
        '<meta name="viewport" content="width=device-width, initial-scale=1">',
        '<meta name="generator" content="infoblad">',
        f"<title>{_html_text(title)} \u2013 infoblad</title>",
        f"<style>{style_sheet(page.css if page else '')}</style>",
        "</head>",
        "<body>",
        f'<a class="skip" href="#main">{_html_text(t(lang, "export.skip"))}</a>',
        "<header>",
        f"<h1>{_html_text(title)}</h1>",
    ]
    if page:  # first thing under the title: on a phone the quiz is far down otherwise
        out.append(page.quiz_note)
    quiz_note = t(lang, "export.quiz_note")
    for line in _intro(bundle)[:-1]:  # "made with" goes in the footer
        if not (page and line == quiz_note):
            out.extend(_html_paragraphs(line))
    out.append("</header>")
    toc = _html_toc(lang, outline)
    if page:
        entry = f'<li><a href="#{_html_text(page.anchor)}">{_html_text(page.title)}</a></li>'
        toc.insert(toc.index("<ol>") + 1, entry)
    out.extend(toc)
    out.append('<main id="main">')
    if page:
        out.append(page.section)
    _html_blocks(lang, outline, 2, out)
    out.append("</main>")
    out.append("<footer>")
    out.extend(_html_paragraphs(t(lang, "export.made_with")))
    out.extend(_html_paragraphs(f"{t(lang, 'about.checked')}: {bundle.about.checked}"))
    out.extend(_html_paragraphs(t(lang, "home.source")))
    out.append("</footer>")
    if page:
        out.append(page.body_end)
    out.append("</body>")
    out.append("</html>")
    return "\n".join(out) + "\n"
