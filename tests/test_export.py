# SPDX-FileCopyrightText: 2026 The infoblad team
# SPDX-License-Identifier: EUPL-1.2
"""The handout: Markdown, HTML and JSON exports of the whole content."""

from __future__ import annotations

import functools
import html
import itertools
import json
import re
from datetime import date
from html.parser import HTMLParser
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st
from markdown_it import MarkdownIt

from infoblad_cli import export
from infoblad_cli import models as m
from infoblad_cli.content import load_bundle
from infoblad_cli.export import md_escape, to_html, to_json, to_markdown
from infoblad_cli.strings import t

LANGS = ("nl", "en")
EVIL = (
    "<script>alert(1)</script> [bold]x[/] \x1b[31m **y** _z_ [link](http://evil) "
    "<img src=x onerror=alert(1)> `code` # not a heading | cell |"
)
VOID = {"area", "base", "br", "col", "embed", "hr", "img", "input", "link", "meta", "source", "track", "wbr"}


@functools.cache
def _load(lang: str) -> m.Bundle:
    return load_bundle(lang)


@pytest.fixture(params=LANGS)
def bundle(request: pytest.FixtureRequest, isolated_env: Path) -> m.Bundle:
    # Depends on isolated_env so the first load uses the test cache folder, not the real one.
    return _load(request.param)


@functools.cache
def _exports(lang: str) -> tuple[str, str, str]:
    b = _load(lang)
    return to_markdown(b), to_html(b), to_json(b)


@pytest.fixture
def outputs(bundle: m.Bundle) -> tuple[str, str, str]:
    return _exports(bundle.lang)


def _markdown_to_html(text: str) -> str:
    """Render Markdown the way a wiki would (CommonMark plus GFM tables and strikethrough)."""
    rendered: str = MarkdownIt("commonmark").enable(["table", "strikethrough"]).render(text)
    return rendered


class StrictParser(HTMLParser):
    """Fails on a closing tag that does not match, or an element left open."""

    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.stack: list[str] = []
        self.errors: list[str] = []
        self.tags: list[tuple[str, dict[str, str | None]]] = []
        self.headings: list[int] = []
        self.text: list[str] = []
        self.style = ""
        self._in_style = False

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        self.tags.append((tag, dict(attrs)))
        if re.fullmatch(r"h[1-6]", tag):
            self.headings.append(int(tag[1]))
        self._in_style = tag == "style"
        if tag not in VOID:
            self.stack.append(tag)

    def handle_startendtag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        self.errors.append(f"self-closing <{tag}/>")

    def handle_endtag(self, tag: str) -> None:
        self._in_style = False
        if tag in VOID:
            self.errors.append(f"end tag for void element </{tag}>")
        elif not self.stack or self.stack[-1] != tag:
            self.errors.append(f"</{tag}> closes <{self.stack[-1] if self.stack else 'nothing'}>")
        else:
            self.stack.pop()

    def handle_data(self, data: str) -> None:
        if self._in_style:
            self.style += data
        else:
            self.text.append(data)

    def close(self) -> None:
        super().close()
        if self.stack:
            self.errors.append(f"unclosed: {self.stack}")

    def attrs_of(self, tag: str) -> list[dict[str, str | None]]:
        return [attrs for name, attrs in self.tags if name == tag]


def _parse(page: str) -> StrictParser:
    parser = StrictParser()
    parser.feed(page)
    parser.close()
    assert parser.errors == []
    return parser


def _evil_bundle(b: m.Bundle) -> m.Bundle:
    first = b.narratives[0]
    evil = first._replace(
        title=EVIL,
        summary=EVIL,
        voices=(EVIL,),
        asks_of_you=first.asks_of_you._replace(frontline=(EVIL, "- 1. # > list?")),
        sources=(m.Source(EVIL, "https://example.org/ok"),),
    )
    return b._replace(narratives=(evil, *b.narratives[1:]))


# ---------------------------------------------------------------- every format has every entry


def test_every_title_appears_in_every_format(bundle: m.Bundle, outputs: tuple[str, str, str]) -> None:
    md, page, raw = outputs
    data = json.loads(raw)
    md_headings = set(re.findall(r"^### (.*)$", md, flags=re.MULTILINE))
    entries = [*bundle.narratives, *bundle.lessons, *bundle.cases, *bundle.personal.themes]
    assert len(entries) > 20
    for entry in entries:
        assert md_escape(entry.title) in md_headings, entry.id
        assert f"<h3>{html.escape(entry.title)}</h3>" in page, entry.id
    for kind in ("narratives", "lessons", "cases"):
        assert [e["title"] for e in data[kind]] == [e.title for e in getattr(bundle, kind)]


def test_labels_are_in_the_bundle_language(bundle: m.Bundle, outputs: tuple[str, str, str]) -> None:
    md, page, _ = outputs
    other = "en" if bundle.lang == "nl" else "nl"
    for key in ("narratives.experience", "lessons.why", "cases.situation", "export.made_with"):
        assert t(bundle.lang, key) in md
        assert html.escape(t(bundle.lang, key)) in page
        assert t(other, key) not in md


def test_output_is_reproducible_and_dated_by_content_only(
    bundle: m.Bundle, outputs: tuple[str, str, str]
) -> None:
    today = date.today()
    for text, again in zip(outputs, (to_markdown(bundle), to_html(bundle), to_json(bundle)), strict=True):
        assert text == again
        assert today.isoformat() not in text
        assert today.strftime("%d-%m-%Y") not in text
        assert text.endswith("\n")
    md, page, _ = outputs
    assert md_escape(bundle.about.checked, at_line_start=False) in md
    assert html.escape(bundle.about.checked) in page.split("<footer>")[1]


def test_the_quiz_is_left_out(bundle: m.Bundle, outputs: tuple[str, str, str]) -> None:
    md, page, _ = outputs
    texts = []
    for question in bundle.questions:
        if isinstance(question, m.Scenario):
            texts += [question.prompt, *(o.feedback for o in question.options)]
        elif isinstance(question, m.Recognise):
            texts.append(question.explanation)
        else:
            texts += [question.statement, question.suggestion]
    assert len(texts) > 50
    for text in texts:
        assert md_escape(text) not in md
        assert html.escape(text) not in page


# ---------------------------------------------------------------- JSON


def test_json_holds_the_whole_bundle(bundle: m.Bundle, outputs: tuple[str, str, str]) -> None:
    raw = outputs[2]
    data = json.loads(raw)
    assert list(data) == [
        "schema_version",
        "lang",
        "narratives",
        "lessons",
        "cases",
        "personal",
        "about",
        "contacts",
        "glossary",
        "quiz",
        "packs",
    ]
    assert data["schema_version"] == export.SCHEMA_VERSION == 1
    assert data["lang"] == bundle.lang
    for kind in ("narratives", "lessons", "cases", "contacts", "glossary"):
        assert [e["id"] for e in data[kind]] == [e.id for e in getattr(bundle, kind)], kind
    assert [x["id"] for x in data["personal"]["themes"]] == [x.id for x in bundle.personal.themes]
    assert [x["id"] for x in data["quiz"]["themes"]] == [x.id for x in bundle.quiz_themes]
    assert [x["id"] for x in data["quiz"]["questions"]] == [x.id for x in bundle.questions]
    first = bundle.narratives[0]
    assert data["narratives"][0]["asks_of_you"]["policy"] == list(first.asks_of_you.policy)
    assert data["narratives"][0]["sources"][0] == first.sources[0]._asdict()
    assert data["about"]["checked"] == bundle.about.checked
    assert raw.startswith('{\n  "schema_version": 1,')
    assert "\\u00" not in raw  # ensure_ascii=False: accents stay readable


# ---------------------------------------------------------------- HTML


def test_html_is_well_formed_and_self_contained(bundle: m.Bundle, outputs: tuple[str, str, str]) -> None:
    page = outputs[1]
    assert page.startswith("<!DOCTYPE html>\n")
    parser = _parse(page)
    assert parser.attrs_of("html") == [{"lang": bundle.lang}]
    assert {"charset": "utf-8"} in parser.attrs_of("meta")
    assert any(a.get("name") == "viewport" for a in parser.attrs_of("meta"))
    assert len(parser.attrs_of("title")) == 1
    assert len(parser.attrs_of("main")) == 1
    assert len(parser.attrs_of("header")) == len(parser.attrs_of("footer")) == 1
    navs = parser.attrs_of("nav")
    assert len(navs) == 1 and navs[0].get("aria-label")
    names = {name for name, _ in parser.tags}
    assert not names & {"script", "link", "iframe", "img", "object", "embed"}
    assert not any("src" in attrs for _, attrs in parser.tags)
    assert not any(name.startswith("on") for _, attrs in parser.tags for name in attrs)
    assert "@import" not in parser.style and "url(" not in parser.style and "@font-face" not in parser.style


def test_html_headings_nest_without_gaps(outputs: tuple[str, str, str]) -> None:
    levels = _parse(outputs[1]).headings
    assert levels[0] == 1 and levels.count(1) == 1
    assert {2, 3, 4} <= set(levels)
    for before, after in itertools.pairwise(levels):
        assert after <= before + 1, (before, after)


def test_html_sections_articles_and_table_of_contents(
    bundle: m.Bundle, outputs: tuple[str, str, str]
) -> None:
    parser = _parse(outputs[1])
    ids = [attrs["id"] for _, attrs in parser.tags if attrs.get("id")]
    assert len(ids) == len(set(ids)), "ids are unique"
    sections = {a["id"] for a in parser.attrs_of("section")}
    assert {"narratives", "lessons", "cases", "personal", "about", "contact"} <= sections
    articles = {a["id"] for a in parser.attrs_of("article")}
    expected = {
        *(f"narrative-{x.id}" for x in bundle.narratives),
        *(f"lesson-{x.id}" for x in bundle.lessons),
        *(f"case-{x.id}" for x in bundle.cases),
        *(f"personal-{x.id}" for x in bundle.personal.themes),
    }
    assert expected <= articles
    hrefs = [a.get("href") or "" for a in parser.attrs_of("a")]
    internal = {href[1:] for href in hrefs if href.startswith("#")}
    assert expected | {"narratives", "lessons", "cases", "personal", "about", "contact"} <= internal
    assert internal <= set(ids), "every internal link has a target"
    nav = outputs[1].split("<nav", 1)[1].split("</nav>", 1)[0]
    assert f'href="#narrative-{bundle.narratives[0].id}"' in nav


def test_html_sources_voices_and_footer(bundle: m.Bundle, outputs: tuple[str, str, str]) -> None:
    page = outputs[1]
    parser = _parse(page)
    hrefs = {a["href"] for a in parser.attrs_of("a")}
    for source in bundle.narratives[0].sources:
        assert source.url in hrefs
    assert page.count('<blockquote class="voice">') == sum(len(n.voices) for n in bundle.narratives)
    assert page.count(f"<h4>{html.escape(t(bundle.lang, 'narratives.voices'))}</h4>") == len(
        bundle.narratives
    )
    footer = page.split("<footer>")[1]
    assert html.escape(t(bundle.lang, "export.made_with")) in footer


def _luminance(colour: str) -> float:
    channels = [int(colour[i : i + 2], 16) / 255 for i in (1, 3, 5)]
    linear = [c / 12.92 if c <= 0.04045 else ((c + 0.055) / 1.055) ** 2.4 for c in channels]
    return 0.2126 * linear[0] + 0.7152 * linear[1] + 0.0722 * linear[2]


def _contrast(one: str, two: str) -> float:
    high, low = sorted((_luminance(one), _luminance(two)), reverse=True)
    return (high + 0.05) / (low + 0.05)


def test_html_style_is_readable_accessible_and_printable(outputs: tuple[str, str, str]) -> None:
    style = _parse(outputs[1]).style
    for colour in (export.COLOR_TEXT, export.COLOR_MUTED, export.COLOR_LINK, export.COLOR_VISITED):
        assert _contrast(colour, export.COLOR_BACKGROUND) >= 4.5, colour
        assert f"color: {colour}" in style
    assert _contrast(export.COLOR_TEXT, export.COLOR_PANEL) >= 4.5
    assert _contrast(export.COLOR_FOCUS, export.COLOR_BACKGROUND) >= 3  # non-text contrast
    assert f"background: {export.COLOR_BACKGROUND}" in style
    assert "max-width: 70ch" in style
    assert re.search(r":focus-visible \{ outline: 3px solid", style)
    printed = style.split("@media print", 1)[1]
    # The contents list prints (issue 15: a hidden one left the paper without one).
    assert not re.search(r"nav[^{]*\{ display: none", printed)
    assert "@page { size: A4" in style
    assert 'content: " (" attr(href) ")"' in printed
    assert "break-inside: avoid" in printed and "break-after: avoid" in printed
    assert "#000" in printed and "#fff" in printed


# ---------------------------------------------------------------- Markdown


def test_markdown_structure(bundle: m.Bundle, outputs: tuple[str, str, str]) -> None:
    md = outputs[0]
    lines = md.splitlines()
    assert lines[0] == "# " + md_escape(t(bundle.lang, "export.title"))
    assert md_escape(bundle.about.summary) in md.split("\n## ", 1)[0]
    levels = [len(x) - len(x.lstrip("#")) for x in lines if re.match(r"#+ ", x)]
    assert levels.count(1) == 1
    for before, after in itertools.pairwise(levels):
        assert after <= before + 1, (before, after)
    for heading in ("narratives.title", "lessons.title", "cases.title", "contact.title"):
        assert "## " + md_escape(t(bundle.lang, heading)) in lines
    assert "## " + md_escape(bundle.personal.title) in lines
    assert "## " + md_escape(bundle.about.title) in lines
    for narrative in bundle.narratives:
        assert f"ID: `{narrative.id}`" in lines
        for source in narrative.sources:
            assert f"- {md_escape(source.title)}: <{source.url}>" in lines
    assert md.count("\n> \u201c") == sum(len(n.voices) for n in bundle.narratives)
    assert md.count("#### " + md_escape(t(bundle.lang, "narratives.voices"))) == len(bundle.narratives)
    assert "### " + md_escape(t(bundle.lang, "about.glossary")) in lines
    assert "<" not in md.replace("<http", "")  # no HTML at all, only autolinks
    rendered = _markdown_to_html(md)
    assert "<h1>" in rendered and rendered.count("<h2>") == 6


# ---------------------------------------------------------------- content is data


def test_injected_markup_stays_text_in_html(bundle: m.Bundle) -> None:
    page = to_html(_evil_bundle(bundle))
    parser = _parse(page)
    assert "&lt;script&gt;alert(1)&lt;/script&gt;" in page
    assert "<script" not in page.lower() and "<img" not in page.lower()
    assert "\x1b" not in page
    assert not any(name.startswith("on") for _, attrs in parser.tags for name in attrs)
    hrefs = {a["href"] for a in parser.attrs_of("a")}
    assert "http://evil" not in hrefs
    assert EVIL.replace("\x1b", "") in html.unescape("".join(parser.text))


def test_injected_markup_stays_text_in_markdown(bundle: m.Bundle) -> None:
    md = to_markdown(_evil_bundle(bundle))
    assert "<script" not in md and "<img" not in md
    assert "\x1b" not in md
    assert not re.search(r"(?<!\\)\[[^\]]*(?<!\\)\]\(", md), "a live [text](url) link"
    rendered = _markdown_to_html(md)
    assert "<script" not in rendered and "<img" not in rendered
    assert "http://evil" not in re.findall(r'href="([^"]*)"', rendered)
    assert "<code>code</code>" not in rendered and "<strong>y</strong>" not in rendered
    heading = re.search(r"<h3>(.*?alert.*?)</h3>", rendered)
    assert heading is not None
    assert html.unescape(heading.group(1)) == " ".join(EVIL.replace("\x1b", "").split())
    assert "<li>- 1. # &gt; list?</li>" in rendered  # no nested list, heading or quote


def test_json_keeps_the_exact_string(bundle: m.Bundle) -> None:
    data = json.loads(to_json(_evil_bundle(bundle)))
    narrative = data["narratives"][0]
    assert narrative["title"] == EVIL
    assert narrative["voices"] == [EVIL]
    assert narrative["sources"] == [{"title": EVIL, "url": "https://example.org/ok"}]


@pytest.mark.parametrize(
    "url",
    [
        "javascript:alert(1)",
        " JaVaScRiPt:alert(document.cookie)",
        "java\tscript:alert(1)",
        "data:text/html,<script>alert(1)</script>",
        "vbscript:msgbox(1)",
        "https:no-host",
        "//evil.example/path",
    ],
)
def test_only_web_addresses_become_links(url: str) -> None:
    b = _load("en")
    first = b.narratives[0]
    bad = b._replace(narratives=(first._replace(sources=(m.Source("Bad source", url),)), *b.narratives[1:]))
    page = to_html(bad)
    parser = _parse(page)
    hrefs = [a["href"] or "" for a in parser.attrs_of("a")]
    assert all(h.startswith(("#", "http://", "https://")) for h in hrefs)
    assert html.escape(url.strip(), quote=True).replace("\t", "") in page.replace("\t", "")
    md = to_markdown(bad)
    assert f"<{url.strip()}" not in md
    rendered = _markdown_to_html(md)
    assert all(h.startswith(("http://", "https://")) for h in re.findall(r'href="([^"]*)"', rendered))


def test_awkward_web_addresses_are_encoded() -> None:
    b = _load("en")
    first = b.narratives[0]
    url = 'https://example.org/a b>"<x y'
    odd = b._replace(narratives=(first._replace(sources=(m.Source("Odd", url),)), *b.narratives[1:]))
    assert "- Odd: <https://example.org/a%20b%3E%22%3Cx%20y>" in to_markdown(odd).splitlines()
    assert '<a href="https://example.org/a%20b%3E%22%3Cx%20y">Odd</a>' in to_html(odd)
    assert export.web_url("https://example.org/ä?q=1&r=2#top") == "https://example.org/%C3%A4?q=1&r=2#top"


def test_pack_paths_show_only_the_folder_name() -> None:
    b = _load("nl")._replace(packs=("/home/jzwxq/packs/gemeente-x", "C:\\Users\\pqvkz\\pack-y\\"))
    for text in (to_markdown(b), to_html(b)):
        assert "gemeente-x" in text and "pack-y" in text
        assert "jzwxq" not in text and "pqvkz" not in text


# ---------------------------------------------------------------- md_escape


@pytest.mark.parametrize(
    "text",
    [
        EVIL,
        "# heading",
        "- item",
        "+ item",
        "1. item",
        "2) item",
        "a) item",
        "(1) item",
        "(@) example",
        "> quote",
        "---",
        "***",
        "___",
        "    code block",
        "[x]: http://evil",
        "![img](http://evil/x.png)",
        "<http://evil>",
        "&copy; &#169; &#xA9; &amp; & plain",
        "back\\slash\\",
        "$x$ ^sup^ ~sub~ ~~strike~~ {.class} @cite [@cite]",
        "a | b\n--|--\nc | d",
        "line one\n\nline two  \nthree",
        "ESS@minszw.nl (070) 333 4555",
    ],
)
def test_md_escape_renders_as_the_same_text(text: str) -> None:
    expected = " ".join(text.replace("\x1b", "").split())
    assert _markdown_to_html(md_escape(text)) == f"<p>{html.escape(expected, quote=False)}</p>\n".replace(
        '"', "&quot;"
    )
    item = _markdown_to_html("- " + md_escape(text))
    assert item == f"<ul>\n<li>{html.escape(expected, quote=False)}</li>\n</ul>\n".replace('"', "&quot;")


@settings(max_examples=300, deadline=None)
@given(
    st.text(
        alphabet=st.one_of(
            st.sampled_from(list("\\`*_{}[]()#+-.!|~^$<>&@:;=%\"' \n\t1aI")),
            st.characters(codec="utf-8", exclude_categories=("Cc", "Cs", "Zs", "Zl", "Zp")),
        ),
        max_size=40,
    )
)
def test_md_escape_never_makes_markup(text: str) -> None:
    expected = " ".join(text.split(" ")).replace("\n", " ").replace("\t", " ")
    expected = re.sub(r" +", " ", expected).strip()
    rendered = _markdown_to_html(md_escape(text))
    want = f"<p>{html.escape(expected, quote=False)}</p>\n".replace('"', "&quot;") if expected else ""
    assert rendered == want
    emphasised = _markdown_to_html(f"*{md_escape(text)}*") if expected else ""
    assert not expected or emphasised == want.replace("<p>", "<p><em>").replace("</p>", "</em></p>")


def test_md_escape_leaves_a_value_after_a_label_readable() -> None:
    assert md_escape("(070) 333 4555", at_line_start=False) == "(070) 333 4555"
    assert md_escape("(070) 333 4555") == "\\(070) 333 4555"
    assert md_escape("Kessels & Smit, ESS@minszw.nl") == "Kessels & Smit, ESS@minszw.nl"
