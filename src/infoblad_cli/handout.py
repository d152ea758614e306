# SPDX-FileCopyrightText: 2026 The infoblad team
# SPDX-License-Identifier: EUPL-1.2
"""The workshop's paper: the brief handout, the quiz discussion sheet and the trainer's answer key.

Pure functions: a bundle (and the trainer's choices) go in, Markdown or one self-contained
HTML page comes out; the CLI writes the file. Both formats are built from one list of
blocks per document, so Markdown and HTML always hold the same parts in the same order.
The brief's entries are the page outline's (``outline.py``): the same labels and order as the
terminal and the full export, with only the fields in ``BRIEF_FIELDS``; the exporters show them.
Content is data: every content string passes through ``export.md_escape`` or
``export.html_text``, and only http(s) addresses become links.

The HTML is made to be printed on A4 by a browser (print to PDF): no forced page breaks (so
no near-empty pages), no heading left alone at the bottom of a page, the contents list in
print, addresses printed in full, and boxes to write notes in where a workshop needs them.
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any, NamedTuple, Union
from urllib.parse import urlsplit

from . import export as ex
from . import kinds as k
from . import models as m
from . import outline as o
from . import quiz as engine
from .strings import t

# ---------------------------------------------------------------- sections

# The parts a brief handout can hold, in the order they appear; Dutch names are accepted too.
SECTIONS = ("narratives", "lessons", "cases", "personal", "contact", "glossary", "quiz")
DEFAULT_SECTIONS = ("narratives", "lessons", "personal", "contact")
SECTION_NAMES = {
    "narratives": "narratives",
    "verhalen": "narratives",
    "lessons": "lessons",
    "lessen": "lessons",
    "cases": "cases",
    "voorbeelden": "cases",
    "praktijkvoorbeelden": "cases",
    "personal": "personal",
    "persoonlijk": "personal",
    "contact": "contact",
    "glossary": "glossary",
    "begrippen": "glossary",
    "quiz": "quiz",
    "quiz-sheet": "quiz",
    "zelftest": "quiz",
    "gespreksblad": "quiz",
}


class UnknownSection(ValueError):
    """A name in --sections that is not a section."""


def parse_sections(text: str) -> tuple[str, ...]:
    """'verhalen,lessons' -> ('narratives', 'lessons'), in the handout's order, each once."""
    wanted = set()
    for name in (part.strip().lower() for part in text.replace(";", ",").split(",")):
        if not name:
            continue
        if name not in SECTION_NAMES:
            raise UnknownSection(name)
        wanted.add(SECTION_NAMES[name])
    if not wanted:
        raise UnknownSection(text)
    return tuple(s for s in SECTIONS if s in wanted)


# ---------------------------------------------------------------- blocks


class Heading(NamedTuple):
    level: int  # 1 = the cover's title
    text: str
    anchor: str = ""
    entry_id: str = ""  # shown small beside the heading: the ID to open it in the tool


class Para(NamedTuple):
    text: str
    style: str = ""  # "", "summary", "meta", "label", "voice", "strong"


class Bullets(NamedTuple):
    items: tuple[str, ...]
    label: str = ""


class Options(NamedTuple):
    """A question's options, lettered, each with what is said about it."""

    items: tuple[tuple[str, str, str], ...]  # (letter, text, note under it)


class Notes(NamedTuple):
    """An empty box to write in."""

    label: str
    lines: int = 4


class SourceList(NamedTuple):
    sources: tuple[m.Source, ...]


class Toc(NamedTuple):
    entries: tuple[tuple[int, str, str], ...]  # (level, title, anchor)


class Open(NamedTuple):
    """Starts a wrapper that is kept together on paper (an entry, a question)."""

    css: str


class Close(NamedTuple):
    pass


Block = Union[Heading, Para, Bullets, Options, Notes, SourceList, Toc, Open, Close, o.Part, o.Terms]

# What a brief handout shows of each kind: the gist. Field names as in kinds.py; shown in the
# kind's order with its labels. Sources are cited by number instead (one list at the end).
BRIEF_FIELDS = {
    "narratives": ("title", "summary", "voices", "asks_of_you"),
    "lessons": ("title", "summary", "tomorrow"),
    "cases": ("title", "place", "period", "outcome", "summary"),
    "personal": ("title", "questions"),
}


# ---------------------------------------------------------------- the quiz sheet and answer key


def sheet_questions(bundle: m.Bundle, quiz: engine.Quiz | None) -> tuple[engine.Asked, ...]:
    """The questions of the sheet: the quiz's, in its order and option order, or every question."""
    if quiz is not None:
        return quiz.asked
    return tuple(
        engine.Asked(q, () if isinstance(q, m.SelfRating) else tuple(range(len(q.options))))
        for q in bundle.questions
    )


def _narrative_title(bundle: m.Bundle, narrative_id: str) -> str:
    return next((n.title for n in bundle.narratives if n.id == narrative_id), narrative_id)


def _verdict(lang: str, weight: int) -> str:
    key = "sheet.best" if weight >= engine.BEST else "sheet.partly" if weight else "sheet.wrong"
    return t(lang, key, points=weight)


def _question_blocks(
    bundle: m.Bundle, asked: engine.Asked, number: int, key: bool, level: int
) -> list[Block]:
    lang = bundle.lang
    question = asked.question
    titles = {th.id: th.title for th in bundle.quiz_themes}
    blocks: list[Block] = [Open("question")]
    blocks.append(Heading(level, t(lang, "sheet.question", number=number)))
    meta = titles.get(question.theme, question.theme)
    if isinstance(question, m.Scenario):
        meta += f" \u00b7 {question.setting}"
    blocks.append(Para(f"{meta} \u00b7 ID: {question.id}", "meta"))
    if isinstance(question, m.Scenario):
        blocks.append(Para(t(lang, "quiz.situation"), "label"))
        blocks.extend(Para(p) for p in question.prompt.split("\n\n"))
        options = []
        for letter, index in zip(engine.LETTERS, asked.order, strict=False):
            option = question.options[index]
            note = _verdict(lang, option.weight) if key else option.feedback
            if key:
                note += " " + option.feedback
            options.append((letter, option.text, note))
        blocks.append(Options(tuple(options)))
    elif isinstance(question, m.Recognise):
        blocks.append(Para(t(lang, "quiz.voice"), "label"))
        blocks.append(Para(question.voice, "voice"))
        blocks.append(Para(t(lang, "quiz.recognise"), "strong"))
        options = []
        for letter, index in zip(engine.LETTERS, asked.order, strict=False):
            narrative_id = question.options[index]
            right = narrative_id == question.answer
            note = t(lang, "sheet.right_narrative") if key and right else ""
            options.append((letter, _narrative_title(bundle, narrative_id), note))
        blocks.append(Options(tuple(options)))
        if key:
            blocks.append(Para(question.explanation))
        else:
            blocks.append(Para(t(lang, "sheet.voice_in_key"), "meta"))
    else:
        blocks.append(Para(t(lang, "quiz.statement"), "label"))
        blocks.append(Para(question.statement, "strong"))
        blocks.append(Para(t(lang, "quiz.rate")))
        if key:
            blocks.append(Para(t(lang, "sheet.no_right_answer"), "meta"))
        else:
            blocks.append(Para(t(lang, "page.sheet_low") + " " + question.suggestion))
    blocks.append(Close())
    return blocks


def _again(quiz: engine.Quiz | None, count: int, lang: str) -> str:
    if quiz is None:
        return ""
    parts = ["infoblad", "quiz", "--seed", str(quiz.seed)]
    if count != engine.DEFAULT_COUNT:
        parts += ["--count", str(count)]
    if quiz.theme:
        parts += ["--theme", quiz.theme]
    if lang != "nl":
        parts += ["--lang", lang]
    return " ".join(parts)


def sheet_blocks(
    bundle: m.Bundle, quiz: engine.Quiz | None, key: bool, level: int = 2, standalone: bool = True
) -> list[Block]:
    """The discussion sheet (``key=False``) or the trainer's answer key (``key=True``)."""
    lang = bundle.lang
    asked = sheet_questions(bundle, quiz)
    blocks: list[Block] = []
    title = t(lang, "sheet.key_title" if key else "sheet.title")
    blocks.append(Heading(1 if standalone else level, title, anchor="answer-key" if key else "quiz-sheet"))
    blocks.append(Para(t(lang, "sheet.key_intro" if key else "sheet.intro")))
    command = _again(quiz, len(asked), lang)
    if command:
        blocks.append(Para(t(lang, "sheet.same_quiz", command=command), "meta"))
    else:
        blocks.append(Para(t(lang, "sheet.all_questions", count=len(asked)), "meta"))
    for number, item in enumerate(asked, 1):
        blocks.extend(_question_blocks(bundle, item, number, key, 2 if standalone else level + 1))
    return blocks


# ---------------------------------------------------------------- the brief handout


class Brief(NamedTuple):
    """What the trainer chose for the brief handout."""

    sections: tuple[str, ...] = DEFAULT_SECTIONS
    title: str = ""
    subtitle: str = ""
    organisation: str = ""
    quiz: engine.Quiz | None = None  # the quiz sheet's questions (None: all of them)


class _Sources:
    """One numbered list of sources for the whole handout: each address once."""

    def __init__(self) -> None:
        self.sources: list[m.Source] = []
        self.numbers: dict[str, int] = {}

    def cite(self, sources: Sequence[m.Source]) -> str:
        numbers = []
        for source in sources:
            key = _source_key(source.url)
            if key not in self.numbers:
                self.sources.append(source)
                self.numbers[key] = len(self.sources)
            if self.numbers[key] not in numbers:
                numbers.append(self.numbers[key])
        return ", ".join(f"[{n}]" for n in numbers)


def _source_key(url: str) -> str:
    """The same address written twice (http/https, a trailing slash, capitals in the host) is one."""
    try:
        parts = urlsplit(url.strip())
    except ValueError:
        return url.strip()
    host = (parts.hostname or "").removeprefix("www.")
    return f"{host}{parts.path.rstrip('/')}{'?' + parts.query if parts.query else ''}" or url.strip()


def _brief_entry(bundle: m.Bundle, kind: k.Kind, item: Any, sources: _Sources) -> o.Part:
    """One entry as the outline shows it, with only the brief's fields and its sources by number."""
    keep = BRIEF_FIELDS[kind.name]
    part = o.entry(bundle, kind._replace(fields=tuple(f for f in kind.fields if f.name in keep)), item)
    cited = sources.cite(item.sources)
    if cited:
        note = o.Paragraphs(f"{t(bundle.lang, 'sources')}: {cited}", "meta")
        part = part._replace(children=(*part.children, note))
    return part


def _narratives(bundle: m.Bundle, sources: _Sources) -> list[Block]:
    lang = bundle.lang
    blocks: list[Block] = [
        Heading(2, t(lang, "narratives.title"), "narratives"),
        Para(t(lang, "narratives.intro", count=len(bundle.narratives))),
    ]
    for n in bundle.narratives:
        # One example voice is enough to recognise the narrative by.
        blocks += [
            Open("entry long"),
            _brief_entry(bundle, k.NARRATIVES, n._replace(voices=n.voices[:1]), sources),
        ]
        blocks.append(Close())
    blocks.append(Notes(t(lang, "brief.notes_narratives")))
    return blocks


def _lessons(bundle: m.Bundle, sources: _Sources) -> list[Block]:
    lang = bundle.lang
    blocks: list[Block] = [Heading(2, t(lang, "lessons.title"), "lessons"), Para(t(lang, "lessons.intro"))]
    for lesson in bundle.lessons:
        blocks += [Open("entry short"), _brief_entry(bundle, k.LESSONS, lesson, sources), Close()]
    blocks.append(Notes(t(lang, "brief.notes_lessons")))
    return blocks


def _cases(bundle: m.Bundle, sources: _Sources) -> list[Block]:
    lang = bundle.lang
    blocks: list[Block] = [Heading(2, t(lang, "cases.title"), "cases"), Para(t(lang, "cases.intro"))]
    for case in bundle.cases:
        blocks += [Open("entry short"), _brief_entry(bundle, k.CASES, case, sources), Close()]
    return blocks


def _personal(bundle: m.Bundle, sources: _Sources) -> list[Block]:
    lang = bundle.lang
    blocks: list[Block] = [Heading(2, bundle.personal.title, "personal")]
    for theme in bundle.personal.themes:
        blocks += [Open("entry short"), _brief_entry(bundle, k.THEMES, theme, sources)]
        blocks += [Notes(t(lang, "brief.notes"), 3), Close()]
    return blocks


def _contact(bundle: m.Bundle, sources: _Sources) -> list[Block]:
    # The outline's contact section, without the sources of the contact details.
    contacts = o.contacts(bundle)
    parts = [block for block in _without_sources(contacts.children) if isinstance(block, o.Part)]
    return [Heading(2, contacts.title, "contact"), Open("entry short"), *parts, Close()]


def _without_sources(blocks: Sequence[o.Block]) -> tuple[o.Block, ...]:
    kept: list[o.Block] = []
    for block in blocks:
        if isinstance(block, o.Part):
            children = _without_sources(block.children)
            if children:
                kept.append(block._replace(children=children))
        elif not isinstance(block, o.Sources):
            kept.append(block)
    return tuple(kept)


def _glossary(bundle: m.Bundle, sources: _Sources) -> list[Block]:
    return [Heading(2, t(bundle.lang, "about.glossary"), "glossary"), o.Terms(bundle.glossary)]


def brief_blocks(bundle: m.Bundle, brief: Brief) -> list[Block]:
    """The brief handout: a cover with the contents, the chosen sections, one source list."""
    lang = bundle.lang
    sources = _Sources()
    makers = {
        "narratives": _narratives,
        "lessons": _lessons,
        "cases": _cases,
        "personal": _personal,
        "contact": _contact,
        "glossary": _glossary,
    }
    body: list[Block] = []
    for section in brief.sections:
        if section == "quiz":
            body.extend(sheet_blocks(bundle, brief.quiz, key=False, level=2, standalone=False))
        elif section == "glossary" and not bundle.glossary:
            continue
        else:
            body.extend(makers[section](bundle, sources))
    if sources.sources:
        body.append(Heading(2, t(lang, "sources"), "sources"))
        body.append(Para(t(lang, "brief.sources_intro"), "meta"))
        body.append(SourceList(tuple(sources.sources)))
    cover: list[Block] = [Heading(1, brief.title or t(lang, "export.title"), "top")]
    if brief.subtitle:
        cover.append(Para(brief.subtitle, "summary"))
    if brief.organisation:
        cover.append(Para(brief.organisation, "strong"))
    cover.append(Para(t(lang, "brief.about")))
    cover.append(Para(t(lang, "home.source") + " " + t(lang, "export.made_with"), "meta"))
    toc = tuple(
        (1, block.text, block.anchor) if isinstance(block, Heading) else (2, block.title, block.anchor)
        for block in body
        if (isinstance(block, Heading) and block.level == 2 and block.anchor)
        or (isinstance(block, o.Part) and block.anchor and block.tag == "article")
    )
    return [*cover, Heading(2, t(lang, "export.toc"), "contents"), Toc(toc), *body]


# ---------------------------------------------------------------- Markdown


def to_markdown(blocks: Sequence[Block], lang: str) -> str:
    """The blocks as Markdown (for pandoc, a wiki or an e-mail)."""
    out: list[str] = []
    for block in blocks:
        if isinstance(block, (o.Part, o.Terms)):  # an entry of the outline: the exporter shows it
            ex.md_blocks(lang, [block], 3, out)
        elif isinstance(block, Heading):
            line = "#" * block.level + " " + ex.md_escape(block.text)
            out.append(line)
        elif isinstance(block, Para):
            text = ex.md_escape(block.text)
            if block.style in ("summary", "meta"):
                text = f"*{text}*"
            elif block.style in ("label", "strong"):
                text = f"**{text}**"
            elif block.style == "voice":
                text = f"> \u201c{text}\u201d"
            out.append(text)
        elif isinstance(block, Bullets):
            lines = [f"**{ex.md_escape(block.label)}**"] if block.label else []
            lines.extend(f"- {ex.md_escape(item)}" for item in block.items)
            out.append("\n".join(lines))
        elif isinstance(block, Options):
            lines = []
            for letter, text, note in block.items:
                lines.append(f"- **{letter}.** {ex.md_escape(text, at_line_start=False)}")
                if note:
                    lines.append(f"  *{ex.md_escape(note)}*")
            out.append("\n".join(lines))
        elif isinstance(block, Notes):
            out.append(
                f"**{ex.md_escape(block.label)}**\n\n" + "\n\n".join(["\\_" * 40] * min(block.lines, 3))
            )
        elif isinstance(block, SourceList):
            out.append(
                "\n".join(
                    f"{n}. {ex.md_escape(s.title, at_line_start=False)}: {ex.md_url(s.url)}"
                    for n, s in enumerate(block.sources, 1)
                )
            )
        elif isinstance(block, Toc):
            out.append(
                "\n".join(
                    "  " * (level - 1) + f"- [{ex.md_escape(title)}](#{anchor})"
                    for level, title, anchor in block.entries
                )
            )
    return "\n\n".join(out) + "\n"


# ---------------------------------------------------------------- HTML

_PRINT_CSS = """
@page { size: A4; margin: 16mm 15mm 18mm; }
.notes { border: 1.5px solid #4a4a4a; border-radius: 4px; padding: 0.3rem 0.6rem; margin: 0.8rem 0 1rem; }
.notes p { margin: 0; font-weight: bold; font-size: 0.9rem; }
.notes .lines { height: calc(var(--lines) * 1.9rem);
  background: repeating-linear-gradient(to bottom, transparent 0, transparent 1.85rem, #9a9a9a 1.85rem,
  #9a9a9a 1.9rem); }
.label { font-weight: bold; margin-bottom: 0.2rem; }
.list-label { font-weight: bold; margin: 0.4rem 0 0; }
blockquote.voice { margin: 0.5rem 0; }
ol.options { list-style: none; padding-left: 0; }
ol.options li { margin: 0 0 0.6rem; padding-left: 2rem; text-indent: -2rem; }
ol.options .letter { display: inline-block; width: 2rem; text-indent: 0; font-weight: bold; }
ol.options .note { display: block; text-indent: 0; color: #4a4a4a; font-size: 0.95rem; }
ol.sources { padding-left: 2rem; }
ol.sources .url { display: block; font-size: 0.9rem; }
nav.toc ol { padding-left: 1.4rem; }
nav.toc ol ol { columns: 2; column-gap: 2rem; }
.entry-id { font-weight: normal; font-size: 0.75em; color: #4a4a4a; }
@media print {
  html { font-size: 10.5pt; }
  body { line-height: 1.45; }
  h1 { font-size: 20pt; margin-top: 0; }
  h2 { font-size: 15pt; margin: 1.1em 0 0.4em; }
  h3 { font-size: 12pt; margin: 0.9em 0 0.3em; }
  h1, h2, h3, h4, h5, .label, .list-label { break-after: avoid; page-break-after: avoid; }
  article h4, article h5 { font-size: 10.5pt; margin: 0.5em 0 0.15em; }
  article h5 { font-style: italic; }
  article .meta { margin: 0.1em 0 0.3em; }
  /* Short entries stay whole; a long one (a narrative) may continue on the next page rather
     than leave half a page empty. */
  .entry.short, .question, .notes, blockquote, li { break-inside: avoid; page-break-inside: avoid; }
  ul { margin: 0.2em 0 0.4em; padding-left: 1.3em; }
  p { margin: 0.35em 0; }
  nav.toc { display: block !important; }
  nav.toc a { text-decoration: none; }
  p, li { orphans: 3; widows: 3; }
  .entry-id, ol.options .note, .notes { color: #000; }
}
""".strip()


# No request of any kind: the page is whole as it is (the notes boxes' inline style needs 'unsafe-inline').
_CSP = "default-src 'none'; style-src 'unsafe-inline'"


def html_text(text: str) -> str:
    return ex.html_text(text)


def to_html(blocks: Sequence[Block], lang: str, title: str) -> str:
    """The blocks as one self-contained page, made to be printed on A4."""
    out = [
        "<!DOCTYPE html>",
        f'<html lang="{html_text(lang)}">',
        "<head>",
        '<meta charset="utf-8">',
        f'<meta http-equiv="Content-Security-Policy" content="{_CSP}">',
        '<meta name="viewport" content="width=device-width, initial-scale=1">',
        '<meta name="generator" content="infoblad">',
        f"<title>{html_text(title)} \u2013 infoblad</title>",
        f"<style>{ex.style_sheet(_PRINT_CSS)}</style>",
        "</head>",
        "<body>",
        '<main id="main">',
    ]
    for block in blocks:
        if isinstance(block, (o.Part, o.Terms)):  # an entry of the outline: the exporter shows it
            ex.html_blocks(lang, [block], 3, out)
        elif isinstance(block, Heading):
            anchor = f' id="{html_text(block.anchor)}"' if block.anchor else ""
            entry = f' <span class="entry-id">({html_text(block.entry_id)})</span>' if block.entry_id else ""
            out.append(f"<h{block.level}{anchor}>{html_text(block.text)}{entry}</h{block.level}>")
        elif isinstance(block, Para):
            if block.style == "voice":
                out.append(
                    f'<blockquote class="voice"><p>\u201c{html_text(block.text)}\u201d</p></blockquote>'
                )
            elif block.style == "strong":
                out.append(f"<p><strong>{html_text(block.text)}</strong></p>")
            else:
                css = f' class="{block.style}"' if block.style else ""
                out.append(f"<p{css}>{html_text(block.text)}</p>")
        elif isinstance(block, Bullets):
            if block.label:
                out.append(f'<p class="list-label">{html_text(block.label)}</p>')
            out.append("<ul>" + "".join(f"<li>{html_text(item)}</li>" for item in block.items) + "</ul>")
        elif isinstance(block, Options):
            items = []
            for letter, text, note in block.items:
                note_html = f'<span class="note">{html_text(note)}</span>' if note else ""
                items.append(f'<li><span class="letter">{letter}.</span>{html_text(text)}{note_html}</li>')
            out.append('<ol class="options">' + "".join(items) + "</ol>")
        elif isinstance(block, Notes):
            out.append(
                f'<div class="notes"><p>{html_text(block.label)}</p>'
                f'<div class="lines" style="--lines: {block.lines}"></div></div>'
            )
        elif isinstance(block, SourceList):
            out.append('<ol class="sources">')
            for source in block.sources:
                safe = ex.web_url(source.url)
                if safe is None:
                    address = f'<span class="url">{html_text(source.url)}</span>'
                else:  # the address is the link's text: on paper it can be typed over
                    address = f'<a class="url bare" href="{html_text(safe)}">{html_text(source.url)}</a>'
                out.append(f"<li>{html_text(source.title)}{address}</li>")
            out.append("</ol>")
        elif isinstance(block, Toc):
            out.append(f'<nav class="toc" aria-label="{html_text(t(lang, "export.toc"))}">')
            out.append(_toc_html(block.entries))
            out.append("</nav>")
        elif isinstance(block, Open):
            out.append(f'<div class="{block.css}">')
        elif isinstance(block, Close):
            out.append("</div>")
    out.append("</main>")
    out.append("</body>")
    out.append("</html>")
    return "\n".join(out) + "\n"


def _toc_html(entries: Sequence[tuple[int, str, str]]) -> str:
    out = ["<ol>"]
    open_sub = False
    for level, title, anchor in entries:
        link = f'<a href="#{html_text(anchor)}">{html_text(title)}</a>'
        if level == 1:
            if open_sub:
                out.append("</ol></li>")
                open_sub = False
            elif len(out) > 1:
                out.append("</li>")
            out.append(f"<li>{link}")
        else:
            if not open_sub:
                out.append("<ol>")
                open_sub = True
            out.append(f"<li>{link}</li>")
    if open_sub:
        out.append("</ol></li>")
    elif len(out) > 1:
        out.append("</li>")
    out.append("</ol>")
    return "".join(out)
