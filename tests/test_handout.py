# SPDX-FileCopyrightText: 2026 The infoblad team
# SPDX-License-Identifier: EUPL-1.2
"""The workshop's paper: the quiz discussion sheet, the answer key, the brief handout, no fake PDF."""

from __future__ import annotations

import re
from pathlib import Path

import pytest

from infoblad_cli import content, handout, quiz
from infoblad_cli import models as m


def export(run, *args: str) -> str:  # type: ignore[no-untyped-def]
    result = run("export", *args)
    assert result.exit_code == 0, result.stderr
    return str(result.stdout)


# ---------------------------------------------------------------- quiz sheet and answer key


def test_quiz_sheet_has_every_question_option_and_feedback(run) -> None:  # type: ignore[no-untyped-def]
    bundle = content.load_bundle("nl")
    sheet = export(run, "--quiz-sheet")
    assert sheet.startswith("# Gespreksblad bij de zelftest")
    assert len(re.findall(r"^## Vraag \d+$", sheet, re.M)) == len(bundle.questions)
    flat = " ".join(sheet.split())
    for question in bundle.questions:
        assert question.id in flat
        if isinstance(question, m.Scenario):
            for option in question.options:
                assert " ".join(option.feedback.split())[:60] in flat.replace("\\", "")
        elif isinstance(question, m.SelfRating):
            assert " ".join(question.suggestion.split())[:40] in flat
    # The sheet is for discussion: verdicts and points are in the trainer's key only.
    assert "Beste antwoord" not in sheet and "punten)" not in sheet
    recognise = next(q for q in bundle.questions if isinstance(q, m.Recognise))
    assert " ".join(recognise.explanation.split())[:50] not in flat


def test_answer_key_follows_the_sheet_of_a_seeded_quiz(run) -> None:  # type: ignore[no-untyped-def]
    bundle = content.load_bundle("nl")
    chosen = quiz.select(bundle, 8, 12)
    sheet = export(run, "--quiz-sheet", "--seed", "12")
    key = export(run, "--answer-key", "--seed", "12")
    assert "infoblad quiz --seed 12" in sheet
    assert len(re.findall(r"^## Vraag \d+$", key, re.M)) == 8
    questions = key.split("\n## Vraag ")[1:]
    for number, (asked, block) in enumerate(zip(chosen.asked, questions, strict=True), 1):
        assert block.startswith(f"{number}\n") and asked.question.id in block
        question = asked.question
        letters = re.findall(r"^- \*\*([a-j])\.\*\* (.*)$", block, re.M)
        if isinstance(question, m.Scenario):
            # The letters are the quiz's: option a is the first one the quiz shows.
            for (letter, text), index in zip(letters, asked.order, strict=True):
                option = question.options[index]
                assert text.replace("\\", "") == option.text
                verdict = {2: "Beste antwoord", 1: "Deels goed", 0: "Helpt niet"}[option.weight]
                assert verdict in block.split(f"**{letter}.**", 1)[1].split("\n- **", 1)[0]
        elif isinstance(question, m.Recognise):
            right = asked.order.index(question.options.index(question.answer))
            assert (
                "Het juiste verhaal" in block.split(f"**{'abcdefghij'[right]}.**", 1)[1].split("\n- **", 1)[0]
            )
        else:
            assert "Geen goed of fout" in block


def test_quiz_sheet_html_prints_on_a4(run, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    target = tmp_path / "gespreksblad.html"
    assert (
        run(
            "export", "--quiz-sheet", "--theme", "eigen-rol", "--count", "3", "--seed", "4", "-o", str(target)
        ).exit_code
        == 0
    )
    page = target.read_text(encoding="utf-8")
    assert "@page { size: A4" in page and "<script" not in page
    assert page.count('<div class="question">') == 3
    english = export(run, "--answer-key", "--lang", "en", "--format", "html")
    assert "Answer key for the trainer" in english and "Best answer (2 points)" in english


# ---------------------------------------------------------------- brief handout


def test_brief_sections_accept_dutch_names_and_keep_their_order() -> None:
    assert handout.parse_sections("lessen, verhalen") == ("narratives", "lessons")
    assert handout.parse_sections("gespreksblad,begrippen,cases") == ("cases", "glossary", "quiz")
    with pytest.raises(handout.UnknownSection):
        handout.parse_sections("narratives,nonsense")


def test_brief_holds_the_gist_and_one_source_list(run) -> None:  # type: ignore[no-untyped-def]
    bundle = content.load_bundle("nl")
    text = export(run, "--brief", "--sections", "verhalen,lessen", "--title", "Workshop vertrouwen",
                  "--subtitle", "Dinsdag 1 december", "--organisation", "Gemeente Voorbeeldstad")  # fmt: skip
    flat = " ".join(text.replace("\\", "").split())
    assert text.startswith("# Workshop vertrouwen")
    assert "Dinsdag 1 december" in flat and "Gemeente Voorbeeldstad" in flat
    assert "## Inhoud" in text
    for narrative in bundle.narratives:
        assert narrative.summary in flat
        assert " ".join(narrative.asks_of_you.frontline[0].split()) in flat
        assert narrative.experience[:80] not in flat  # brief: the gist, not the full text
    for lesson in bundle.lessons:
        assert lesson.summary in flat and " ".join(lesson.tomorrow.policy.split()) in flat
    assert "Praktijkvoorbeelden" not in text  # not chosen
    # One numbered source list at the end; each address in it once; entries cite by number.
    assert text.count("## Bronnen") == 1
    listed = re.findall(r"^\d+\. .*?: <(.*)>$", text.split("## Bronnen", 1)[1], re.M)
    cited = {s.url for x in (*bundle.narratives, *bundle.lessons) for s in x.sources}
    assert len(listed) == len(set(listed)) and len(listed) >= 1
    assert {handout._source_key(u) for u in listed} == {handout._source_key(u) for u in cited}
    assert re.search(r"Bronnen: \[\d+\]", flat)


def test_brief_html_is_made_for_print(run) -> None:  # type: ignore[no-untyped-def]
    page = export(run, "--brief", "--format", "html")
    assert "@page { size: A4" in page
    assert "nav.toc { display: block !important; }" in page  # the contents list prints
    assert "break-after: avoid" in page and "break-before: page" not in page
    assert page.count('class="notes"') >= 3
    assert "<script" not in page and "default-src 'none'" in page
    quiz_part = export(run, "--brief", "--sections", "quiz", "--seed", "12", "--format", "html")
    assert quiz_part.count('<div class="question">') == 8


def test_english_brief_and_dutch_help_names(run) -> None:  # type: ignore[no-untyped-def]
    text = export(run, "--brief", "--lang", "en", "--sections", "narratives,contact")
    assert text.startswith("# Polarisation between citizens and government")
    assert "## Contents" in text and "## Contact" in text
    help_text = run("export", "--help").stdout
    for word in ("--brief", "--quiz-sheet", "--answer-key", "gespreksblad", "antwoordsleutel"):
        assert word in help_text


@pytest.mark.parametrize(
    ("args", "message"),
    [
        (["--sections", "verhalen"], "--sections hoort bij --brief"),
        (["--title", "x"], "--title hoort bij --brief"),
        (["--brief", "--sections", "recepten"], "Onbekend onderdeel 'recepten'"),
        (["--brief", "--quiz-sheet"], "Kies één van"),
        (["--brief", "--format", "json"], "geen JSON"),
        (["--quiz-sheet", "--theme", "geen-thema"], "Onbekend thema"),
    ],
)
def test_workshop_options_that_do_not_fit(run, args: list[str], message: str) -> None:  # type: ignore[no-untyped-def]
    result = run("export", *args)
    assert result.exit_code == 2
    assert message in " ".join(result.stderr.split())


# ---------------------------------------------------------------- PDF and the full export


@pytest.mark.parametrize("lang", ["nl", "en"])
def test_a_pdf_name_is_refused_with_how_to_make_one(run, tmp_path: Path, lang: str) -> None:  # type: ignore[no-untyped-def]
    target = tmp_path / "handout.pdf"
    result = run("export", "--brief", "-o", str(target), "--lang", lang)
    assert result.exit_code == 2
    said = " ".join(result.stderr.split())
    assert ("Opslaan als PDF" if lang == "nl" else "Save as PDF") in said
    assert "-o handout.html" in said
    assert not target.exists()


def test_full_html_export_prints_without_forced_breaks_or_placeholders(run) -> None:  # type: ignore[no-untyped-def]
    page = export(run, "--format", "html")
    assert "{count}" not in page
    bundle = content.load_bundle("nl")
    assert f"{len(bundle.narratives)} verhalen" in page
    assert "@page {{" not in page and "@page { size: A4" in page
    assert "break-before: page" not in page
    assert "nav, .skip { display: none" not in page  # the contents list prints
    markdown = export(run)
    assert "{count}" not in markdown
