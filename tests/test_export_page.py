# SPDX-FileCopyrightText: 2026 The infoblad team
# SPDX-License-Identifier: EUPL-1.2
"""export --with-quiz: the offline quiz page, without a browser (test_page_browser.py has those tests)."""

from __future__ import annotations

import base64
import hashlib
import json
import re
from html.parser import HTMLParser
from pathlib import Path
from typing import Any

import pytest

from infoblad_cli import content, quiz
from infoblad_cli import models as m
from infoblad_cli.export_page import DATA_ID, page_data, to_page
from infoblad_cli.strings import EN, NL, t

HOSTILE = "</script><script>alert(1)</script><!-- \u2028 & <b>bold</b> {count}"


class Page(HTMLParser):
    """What the tests look at: the tags with their attributes, and the text of scripts and styles."""

    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.tags: list[tuple[str, dict[str, str | None]]] = []
        self.scripts: list[tuple[dict[str, str | None], str]] = []
        self.styles: list[str] = []
        self._open: tuple[str, dict[str, str | None]] | None = None

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        self.tags.append((tag, dict(attrs)))
        if tag in ("script", "style"):
            self._open = (tag, dict(attrs))

    def handle_data(self, data: str) -> None:
        if self._open is None:
            return
        tag, attrs = self._open
        if tag == "script":
            self.scripts.append((attrs, data))
        else:
            self.styles.append(data)
        self._open = None


def parse(html: str) -> Page:
    page = Page()
    page.feed(html)
    return page


def sha256(text: str) -> str:
    return "'sha256-" + base64.b64encode(hashlib.sha256(text.encode("utf-8")).digest()).decode() + "'"


@pytest.fixture(scope="module")
def bundle() -> m.Bundle:
    return content.load_bundle("nl")


def export(run: Any, tmp_path: Path, *args: str) -> str:
    target = tmp_path / "zelftest.html"
    result = run("export", "--with-quiz", "-o", str(target), *args)
    assert result.exit_code == 0, result.stderr
    return target.read_text(encoding="utf-8")


def test_the_page_holds_the_quiz_the_engine_chose(run: Any, tmp_path: Path, bundle: m.Bundle) -> None:
    html = export(run, tmp_path, "--seed", "12")
    page = parse(html)
    data = json.loads(next(text for attrs, text in page.scripts if attrs.get("id") == DATA_ID))
    chosen = quiz.select(bundle, 8, 12)
    assert [q["id"] for q in data["questions"]] == [a.question.id for a in chosen.asked]
    for question, asked in zip(data["questions"], chosen.asked, strict=True):
        # The option order is the engine's; each answer carries its index in the content's order.
        assert [a["choice"] for a in question["answers"]] == (list(asked.order) or [None] * 5)
        assert [a["text"] for a in question["answers"]][: len(asked.order)] == quiz.option_texts(
            asked, bundle
        )
        for number, shown in enumerate(question["answers"], 1):
            outcome = quiz.judge(asked, number, bundle)
            assert (shown["points"], shown["max_points"], shown["correct"]) == (
                outcome.points,
                outcome.max_points,
                outcome.correct,
            )
    assert data["quiz"] == {"seed": 12, "count": 8, "theme": None, "mode": "full"}
    # The same options give the same page, byte for byte.
    assert export(run, tmp_path, "--seed", "12", "--force") == html


def test_the_page_may_load_nothing_and_runs_only_its_own_script_and_style(run: Any, tmp_path: Path) -> None:
    html = export(run, tmp_path, "--seed", "5")
    page = parse(html)
    meta = [a for tag, a in page.tags if tag == "meta" and a.get("http-equiv") == "Content-Security-Policy"]
    assert len(meta) == 1
    policy = dict(part.strip().split(" ", 1) for part in str(meta[0]["content"]).split(";"))
    assert policy["default-src"] == "'none'"
    assert policy["connect-src"] == "'none'" and policy["form-action"] == "'none'"
    assert policy["img-src"] == "'none'" and policy["font-src"] == "'none'"
    assert "unsafe-inline" not in str(meta[0]["content"])
    code = [text for attrs, text in page.scripts if "type" not in attrs]
    assert len(code) == 1 and policy["script-src"] == sha256(code[0])
    assert len(page.styles) == 1 and policy["style-src"] == sha256(page.styles[0])
    # Nothing that fetches: no external scripts, styles, fonts, images, frames or forms that post.
    for tag, attrs in page.tags:
        assert tag not in ("link", "img", "iframe", "object", "embed", "form", "base"), tag
        assert "src" not in attrs and "style" not in attrs, (tag, attrs)
        if tag == "a":
            assert str(attrs["href"]).startswith(("#", "https://", "http://")), attrs
    assert "url(" not in page.styles[0] and "@import" not in page.styles[0]
    assert "document.cookie" not in code[0] and "localStorage" not in code[0] and "fetch(" not in code[0]


def test_the_full_dutch_page_with_eight_questions_is_small(run: Any, tmp_path: Path) -> None:
    size = len(export(run, tmp_path, "--seed", "1").encode("utf-8"))
    assert size < 400_000, size  # well under 1 MB


def test_without_its_script_the_page_is_a_discussion_sheet(bundle: m.Bundle) -> None:
    chosen = quiz.select(bundle, 8, 3)
    html = to_page(bundle, chosen)
    sheet = html[html.index('<div id="quiz-sheet"') : html.index("</section>", html.index('id="quiz-sheet"'))]
    flat = " ".join(re.sub(r"<[^>]+>", " ", sheet).split())
    for asked in chosen.asked:
        question = asked.question
        if isinstance(question, m.Scenario):
            for option in question.options:
                assert " ".join(option.feedback.split()).replace("'", "&#x27;") in flat
        elif isinstance(question, m.Recognise):
            assert " ".join(question.explanation.split()).replace("'", "&#x27;") in flat
        else:
            assert " ".join(question.suggestion.split()).replace("'", "&#x27;") in flat
    assert t("nl", "page.sheet") in html


def test_content_cannot_break_out_of_the_page(bundle: m.Bundle) -> None:
    """A question whose texts hold a closing script tag, a comment and markup stays text."""
    hostile = m.Scenario(
        id="vijandig",
        theme=bundle.quiz_themes[0].id,
        setting=HOSTILE,
        prompt=HOSTILE,
        options=(
            m.Option(text=HOSTILE, weight=2, feedback=HOSTILE, lesson=bundle.lessons[0].id),
            m.Option(text="gewoon", weight=0, feedback=HOSTILE, lesson=bundle.lessons[0].id),
        ),
    )
    hostile_bundle = bundle._replace(questions=(*bundle.questions, hostile))
    chosen = quiz.select(hostile_bundle, 1, 0, only=["vijandig"])
    html = to_page(hostile_bundle, chosen)
    page = parse(html)
    assert sum(1 for tag, _ in page.tags if tag == "script") == 2
    data = json.loads(next(text for attrs, text in page.scripts if attrs.get("id") == DATA_ID))
    # The JSON block gives the script the text exactly as the content has it.
    assert all(answer["feedback"] == [HOSTILE] for answer in data["questions"][0]["answers"])
    assert "<b>bold" not in html and "<!--" not in html and "alert(1)</script>" not in html
    assert "&lt;/script&gt;&lt;script&gt;alert(1)" in html  # the sheet shows it as typed


def test_page_texts_come_from_the_translations(bundle: m.Bundle) -> None:
    chosen = quiz.select(bundle, 8, 1)
    dutch = page_data(bundle, chosen)
    english_bundle = content.load_bundle("en")
    english = page_data(english_bundle, quiz.select(english_bundle, 8, 1))
    assert (
        dutch["text"]["page.start"] == NL["page.start"] and english["text"]["page.start"] == EN["page.start"]
    )
    for key in dutch["text"]:
        assert key in NL and key in EN
    assert english["questions"][0]["heading"] == "Question 1 of 8"


def test_english_page_and_a_theme(run: Any, tmp_path: Path) -> None:
    # IDs do not care about case here either, as in 'infoblad quiz --theme'.
    html = export(run, tmp_path, "--seed", "4", "--count", "3", "--theme", " Eigen-ROL", "--lang", "en")
    assert '<html lang="en">' in html
    data = json.loads(parse(html).scripts[0][1])
    assert data["quiz"] == {"seed": 4, "count": 3, "theme": "eigen-rol", "mode": "theme"}
    assert {q["theme"] for q in data["questions"]} == {"eigen-rol"}
    assert EN["page.privacy"] in html


def test_the_format_follows_with_quiz_and_stdout_works(run: Any) -> None:
    result = run("export", "--with-quiz", "--seed", "2")
    assert result.exit_code == 0, result.stderr
    assert result.stdout.startswith("<!DOCTYPE html>") and DATA_ID in result.stdout


@pytest.mark.parametrize(
    ("args", "message"),
    [
        (("--with-quiz", "--format", "md"), "--with-quiz maakt een HTML-pagina"),
        (("--with-quiz", "-o", "x.json"), "--with-quiz maakt een HTML-pagina"),
        (("--seed", "3"), "--seed hoort bij --with-quiz"),
        (("--with-quiz", "--theme", "onbekend"), "Onbekend thema 'onbekend'"),
        (("--with-quiz", "--count", "0"), "--count moet 1 of meer zijn"),
    ],
)
def test_wrong_options_are_usage_errors(
    run: Any, tmp_path: Path, args: tuple[str, ...], message: str
) -> None:
    result = run("export", *args)
    assert result.exit_code == 2
    assert message in result.stderr
    assert "Traceback" not in result.stderr
