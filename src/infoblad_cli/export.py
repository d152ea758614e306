# SPDX-FileCopyrightText: 2026 The infoblad team
# SPDX-License-Identifier: EUPL-1.2
"""The whole content as a handout: Markdown, one self-contained HTML page, or JSON.

Pure functions: a bundle goes in, text comes out. The CLI writes the file.

Markdown and HTML are built from the page outline (``outline.py``) that the
terminal views in ``render.py`` show too: the same parts in the same order
with the same labels. The quiz is left out on purpose: it is a self-test,
and a handout with the answers in it would spoil it.

Content is data, never markup: every content string passes through
``md_escape`` or ``html_text`` on its way out, control characters are
dropped, and only http(s) addresses ever become links. The output carries no
date or version, so the same content always gives the same file.
"""

from __future__ import annotations

import html
import json
import re
from collections.abc import Iterable, Sequence
from typing import NamedTuple
from urllib.parse import quote, urlsplit

from . import models as m
from . import outline as o
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


def paragraphs(text: str) -> list[str]:
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


def md_url(url: str) -> str:
    safe = web_url(url)
    return f"<{safe}>" if safe else md_escape(url)


def _md_field(field: o.Fact) -> str:
    value = md_url(field.value) if field.link else md_escape(field.value, at_line_start=False)
    return f"- **{md_escape(field.label)}:** {value}"


def md_blocks(lang: str, blocks: Iterable[o.Block], level: int, out: list[str]) -> None:
    for block in blocks:
        if isinstance(block, o.Part):
            out.append("#" * min(level, 6) + " " + md_escape(block.title))
            if block.entry_id:
                out.append(f"{md_escape(t(lang, 'export.id'))}: {_md_code(block.entry_id)}")
            md_blocks(lang, block.children, level + 1, out)
        elif isinstance(block, o.Paragraphs):
            for paragraph in paragraphs(block.text):
                escaped = md_escape(paragraph)
                out.append(f"*{escaped}*" if block.style in ("summary", "note") else escaped)
        elif isinstance(block, o.Bullets):
            out.append("\n".join(f"- {md_escape(item)}" for item in block.items))
        elif isinstance(block, o.Voices):
            out.extend(f"> \u201c{md_escape(voice)}\u201d" for voice in block.items)
        elif isinstance(block, o.Facts):
            out.append("\n".join(_md_field(row) for row in block.rows))
        elif isinstance(block, o.Sources):
            out.append("\n".join(f"- {md_escape(s.title)}: {md_url(s.url)}" for s in block.sources))
        elif isinstance(block, o.Refs):
            out.append("\n".join(f"- {md_escape(r.title)} ({_md_code(r.id)})" for r in block.refs))
        elif isinstance(block, o.Terms):
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
    for line in o.intro(bundle):
        out.extend(md_escape(paragraph) for paragraph in paragraphs(line))
    md_blocks(lang, o.outline(bundle), 2, out)
    return "\n\n".join(out) + "\n"


# ---------------------------------------------------------------- HTML


def html_text(text: str) -> str:
    """Content as HTML text or attribute value: escaped, without control characters."""
    return html.escape(_clean(text), quote=True)


def _html_link(url: str, label: str | None = None) -> str:
    """A link for an http(s) address; anything else stays plain text."""
    safe = web_url(url)
    if safe is None:
        return f'<span class="url">{html_text(label if label is not None else url)}</span>'
    if label is None:  # the address is the text: print CSS must not repeat it
        return f'<a class="bare" href="{html_text(safe)}">{html_text(url)}</a>'
    return f'<a href="{html_text(safe)}">{html_text(label)}</a>'


def html_paragraphs(text: str, css_class: str = "") -> list[str]:
    attr = f' class="{css_class}"' if css_class else ""
    return [f"<p{attr}>{html_text(p)}</p>" for p in paragraphs(text)]


def _html_fields(rows: Iterable[o.Fact]) -> list[str]:
    out = ['<dl class="fields">']
    for row in rows:
        value = _html_link(row.value) if row.link else html_text(row.value)
        out.append(f"<div><dt>{html_text(row.label)}</dt><dd>{value}</dd></div>")
    out.append("</dl>")
    return out


def _html_source(source: m.Source) -> str:
    if web_url(source.url) is None:
        # No link: show the title and the address as text, like the terminal does.
        return f'<li>{html_text(source.title)}: <span class="url">{html_text(source.url)}</span></li>'
    return f"<li>{_html_link(source.url, source.title)}</li>"


def html_blocks(lang: str, blocks: Iterable[o.Block], level: int, out: list[str]) -> None:
    for block in blocks:
        if isinstance(block, o.Part):
            heading = f"h{min(level, 6)}"
            if block.tag:
                anchor = f' id="{html_text(block.anchor)}"' if block.anchor else ""
                out.append(f"<{block.tag}{anchor}>")
            out.append(f"<{heading}>{html_text(block.title)}</{heading}>")
            if block.entry_id:
                out.append(
                    f'<p class="meta">{html_text(t(lang, "export.id"))}: '
                    f"<code>{html_text(block.entry_id)}</code></p>"
                )
            html_blocks(lang, block.children, level + 1, out)
            if block.tag:
                out.append(f"</{block.tag}>")
        elif isinstance(block, o.Paragraphs):
            out.extend(html_paragraphs(block.text, block.style))
        elif isinstance(block, o.Bullets):
            out.append("<ul>")
            out.extend(f"<li>{html_text(item)}</li>" for item in block.items)
            out.append("</ul>")
        elif isinstance(block, o.Voices):
            out.extend(
                f'<blockquote class="voice"><p>\u201c{html_text(voice)}\u201d</p></blockquote>'
                for voice in block.items
            )
        elif isinstance(block, o.Facts):
            out.extend(_html_fields(block.rows))
        elif isinstance(block, o.Sources):
            out.append('<ul class="sources">')
            out.extend(_html_source(source) for source in block.sources)
            out.append("</ul>")
        elif isinstance(block, o.Refs):
            out.append("<ul>")
            out.extend(
                f'<li><a href="#{html_text(r.anchor)}">{html_text(r.title)}</a></li>' for r in block.refs
            )
            out.append("</ul>")
        elif isinstance(block, o.Terms):
            out.append('<dl class="glossary">')
            for term in block.terms:
                body = "".join(html_paragraphs(term.explanation))
                out.append(
                    f'<div id="{html_text("term-" + term.id)}"><dt>{html_text(term.term)}</dt>'
                    f"<dd>{body}</dd></div>"
                )
            out.append("</dl>")


def _html_toc(lang: str, outline: Sequence[o.Part]) -> list[str]:
    """The table of contents: every part, and the entries in it, one level deep."""
    out = [f'<nav aria-label="{html_text(t(lang, "export.toc"))}">']
    out.append(f"<h2>{html_text(t(lang, 'export.toc'))}</h2>")
    out.append("<ol>")
    for part in outline:
        out.append(f'<li><a href="#{html_text(part.anchor)}">{html_text(part.title)}</a>')
        entries = [c for c in part.children if isinstance(c, o.Part) and c.anchor]
        if entries:
            out.append("<ol>")
            out.extend(f'<li><a href="#{html_text(c.anchor)}">{html_text(c.title)}</a></li>' for c in entries)
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
/* A long e-mail or web address wraps anywhere rather than push the page sideways. */
dl.fields dd {{ min-width: 0; overflow-wrap: anywhere; }}
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
@page {{ size: A4; margin: 16mm 15mm 18mm; }}
@media print {{
  .skip {{ display: none !important; }}
  nav a {{ color: #000; text-decoration: none; }}
  html {{ font-size: 11pt; }}
  body, blockquote.voice, code, .meta, .note, footer {{
    color: #000 !important; background: #fff !important;
  }}
  header, main, footer {{ max-width: none; padding-left: 0; padding-right: 0; }}
  a, a:visited {{ color: #000; }}
  a[href^="http"]:not(.bare)::after {{ content: " (" attr(href) ")"; font-size: 90%; word-break: break-all; }}
  blockquote, li, dl div {{ break-inside: avoid; page-break-inside: avoid; }}
  h1, h2, h3, h4, h5, h6 {{ break-after: avoid; page-break-after: avoid; break-inside: avoid; }}
  p, li {{ orphans: 3; widows: 3; }}
  /* No forced page breaks: they left pages with a few source lines on them. A long entry
     may run on over a page; a heading never stays behind at the bottom of one. */
  /* The footer goes with the last lines of the content, never alone on a last page. */
  footer {{ margin-top: 1rem; break-before: avoid; page-break-before: avoid; break-inside: avoid; }}
  footer p {{ margin: 0.2em 0; }}
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
    outline = o.outline(bundle)
    out = [
        "<!DOCTYPE html>",
        f'<html lang="{html_text(lang)}">',
        "<head>",
        '<meta charset="utf-8">',
        *((page.head,) if page else ()),
        '<meta name="viewport" content="width=device-width, initial-scale=1">',
        '<meta name="generator" content="infoblad">',
        f"<title>{html_text(title)} \u2013 infoblad</title>",
        f"<style>{style_sheet(page.css if page else '')}</style>",
        "</head>",
        "<body>",
        f'<a class="skip" href="#main">{html_text(t(lang, "export.skip"))}</a>',
        "<header>",
        f"<h1>{html_text(title)}</h1>",
    ]
    if page:  # first thing under the title: on a phone the quiz is far down otherwise
        out.append(page.quiz_note)
    quiz_note = t(lang, "export.quiz_note")
    for line in o.intro(bundle)[:-1]:  # "made with" goes in the footer
        if not (page and line == quiz_note):
            out.extend(html_paragraphs(line))
    out.append("</header>")
    toc = _html_toc(lang, outline)
    if page:
        entry = f'<li><a href="#{html_text(page.anchor)}">{html_text(page.title)}</a></li>'
        toc.insert(toc.index("<ol>") + 1, entry)
    out.extend(toc)
    out.append('<main id="main">')
    if page:
        out.append(page.section)
    html_blocks(lang, outline, 2, out)
    out.append("</main>")
    out.append("<footer>")
    out.extend(html_paragraphs(t(lang, "export.made_with")))
    out.extend(html_paragraphs(f"{t(lang, 'about.checked')}: {bundle.about.checked}"))
    out.extend(html_paragraphs(t(lang, "home.source")))
    out.append("</footer>")
    if page:
        out.append(page.body_end)
    out.append("</body>")
    out.append("</html>")
    return "\n".join(out) + "\n"
