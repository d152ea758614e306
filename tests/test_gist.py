# SPDX-FileCopyrightText: 2026 The infoblad team
# SPDX-License-Identifier: EUPL-1.2
"""`narratives|lessons|cases ID --short`: the gist on one screen."""

from __future__ import annotations

import io
import json
import re

import pytest
from rich.console import Console

from infoblad_cli import content, gist
from infoblad_cli.render import Writer

KINDS = ["narratives", "lessons", "cases"]
ANSI = re.compile(r"\x1b\[")


def test_narrative_gist_has_what_it_is_what_it_asks_tomorrow_and_the_full_command(run) -> None:
    result = run("narratives", "niet-gehoord", "--short")
    assert result.exit_code == 0, result.stderr
    assert result.stderr == ""
    out = result.stdout
    bundle = content.load_bundle("nl")
    narrative = next(n for n in bundle.narratives if n.id == "niet-gehoord")
    lesson = next(x for x in bundle.lessons if x.id == narrative.lessons[0])
    flat = " ".join(out.split())
    assert out.startswith(narrative.title + "\n")
    assert narrative.summary in flat
    assert "Wat vraagt dit van jou?" in out
    assert narrative.asks_of_you.frontline[0] in flat
    assert narrative.asks_of_you.policy[0] in flat
    assert "Morgen al te doen" in out
    assert lesson.tomorrow.frontline in flat  # from the first linked lesson ...
    assert f"infoblad lessons {lesson.id}" in out  # ... which it names
    assert out.rstrip().splitlines()[-1] == "Alles lezen: infoblad narratives niet-gehoord"
    # Only the first thing it asks, not the whole page.
    assert narrative.asks_of_you.frontline[1] not in flat
    assert "Voorbeelduitspraken" not in out


def test_lesson_gist_uses_its_own_tomorrow_and_the_start_of_the_lesson(run) -> None:
    out = run("lessons", "vroeg-betrekken", "--short").stdout
    lesson = next(x for x in content.load_bundle("nl").lessons if x.id == "vroeg-betrekken")
    flat = " ".join(out.split())
    assert gist.sentences(lesson.lesson)[0] in flat
    assert lesson.tomorrow.frontline in flat and lesson.tomorrow.policy in flat
    assert "Uit de les" not in out  # the lesson is its own source
    assert out.rstrip().endswith("infoblad lessons vroeg-betrekken")


def test_case_gist_names_place_outcome_and_the_lessons_it_shows(run) -> None:
    out = run("cases", "schilderswijk", "--short", "--lang", "en").stdout
    case = next(c for c in content.load_bundle("en").cases if c.id == "schilderswijk")
    assert case.place in out
    assert "counter-example" in out
    for lesson_id in case.lessons:
        assert f"infoblad lessons {lesson_id}" in out
    assert "Something to do tomorrow" in out
    assert out.rstrip().endswith("Read it all: infoblad cases schilderswijk")


@pytest.mark.parametrize("lang", ["nl", "en"])
@pytest.mark.parametrize("kind", KINDS)
def test_every_gist_fits_24_lines_at_80_columns(run, kind, lang) -> None:
    for entry in getattr(content.load_bundle(lang), kind):
        out = run(kind, entry.id, "--short", "--lang", lang).stdout
        lines = out.splitlines()
        assert len(lines) <= 23, (entry.id, out)  # one line left for the prompt
        assert max(len(line) for line in lines) <= 80, (entry.id, out)


def _render(g: gist.Gist, width: int = 80, lang: str = "nl") -> str:
    buffer = io.StringIO()
    console = Console(file=buffer, width=width, color_system=None, markup=False, emoji=False)
    gist.show(Writer(console, lang, plain=True), g)
    return buffer.getvalue()


def test_long_texts_from_a_pack_are_shortened_to_fit_whole_sentences_first() -> None:
    bundle = content.load_bundle("nl")
    narrative = bundle.narratives[0]
    long_sentence = "Dit is een lange zin die steeds maar doorgaat over vertrouwen en afstand. "
    long = narrative._replace(
        summary=long_sentence * 12,
        asks_of_you=narrative.asks_of_you._replace(frontline=(long_sentence * 8,), policy=("woord " * 200,)),
    )
    out = _render(gist.gist(bundle, "narratives", long))
    lines = out.splitlines()
    assert len(lines) <= 23, out
    assert lines[-1] == f"Alles lezen: infoblad narratives {narrative.id}"
    assert lines[0] == narrative.title
    assert "Dit is een lange zin" in out  # shortened, not dropped
    assert "\u2026" in out  # the text without sentences was cut at a word, visibly


def test_gist_json_has_the_whole_texts_and_the_command(run) -> None:
    data = run.json("narratives", "niet-gehoord", "--short")
    assert data["kind"] == "narratives" and data["id"] == "niet-gehoord"
    assert [ask["role"] for ask in data["asks"]] == ["frontline", "policy"]
    assert [step["role"] for step in data["tomorrow"]] == ["frontline", "policy"]
    assert data["tomorrow_from"]["command"] == "infoblad lessons vroeg-betrekken"
    assert data["command"] == "infoblad narratives niet-gehoord"


def test_gist_plain_has_no_colour_or_unicode_bullets(run) -> None:
    out = run("cases", "gilze-azc", "--short", "--plain").stdout
    assert not ANSI.search(out)
    assert "\u2022" not in out and "\u00b7" not in out
    assert "  - " in out


def test_gist_of_an_unknown_id_is_a_usage_error_naming_close_ids(run) -> None:
    result = run("narratives", "niet-gehord", "--short")
    assert result.exit_code == 2
    assert "niet-gehoord" in result.stderr
    assert result.stdout == ""


def test_short_without_id_lists_ids_and_titles_one_per_line(run) -> None:
    out = run("lessons", "--short").stdout
    bundle = content.load_bundle("nl")
    for lesson in bundle.lessons:
        assert re.search(rf"^  {re.escape(lesson.id)} +{re.escape(lesson.title)}$", out, re.M)
    assert "infoblad lessons ID --short" in out
    data = json.loads(run("lessons", "--short", "--json").stdout)
    assert [item["id"] for item in data["lessons"]] == [x.id for x in bundle.lessons]


def test_a_narrative_without_linked_lessons_has_no_tomorrow() -> None:
    bundle = content.load_bundle("en")
    lonely = bundle.narratives[0]._replace(lessons=())
    g = gist.gist(bundle, "narratives", lonely)
    assert g.tomorrow == () and g.tomorrow_from is None
    out = _render(g, lang="en")
    assert "tomorrow" not in out
    assert out.splitlines()[-1].startswith("Read it all:")
