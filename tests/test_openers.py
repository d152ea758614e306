# SPDX-FileCopyrightText: 2026 The infoblad team
# SPDX-License-Identifier: EUPL-1.2
"""Every search hit opens with the command it shows: a quiz question, a glossary term, a personal theme."""

from __future__ import annotations

import json
import shlex

import pytest

from infoblad_cli import content
from infoblad_cli.kinds import documents


@pytest.mark.parametrize("lang", ["nl", "en"])
def test_every_searchable_item_opens_with_its_command(run, lang: str) -> None:
    bundle = content.load_bundle(lang)
    for doc in documents(bundle):
        args = list(doc.command)
        if args[0] == "quiz" and "--question" in args:
            args += ["--answers", "1", "--no-save"]
        elif args[0] == "quiz":
            args += ["--answers", "1", "--count", "1", "--no-save"]
        result = run(*args, "--lang", lang, "--plain")
        assert result.exit_code == 0, (args, result.stderr)
        if doc.kind not in ("quiz",) or "--question" in args:
            first_line = " ".join(doc.title.split())[:30]
            assert first_line.lower() in " ".join(result.stdout.split()).lower(), (args, doc.title)


def test_search_hits_show_commands_that_run(run) -> None:
    for query in ("bedreigd", "eed", "wappies", "terugkoppeling"):
        for hit in run.json("search", query)["hits"]:
            args = shlex.split(hit["command"])[1:]
            if "--question" in args:
                args += ["--answers", "1"]
            assert run(*args).exit_code == 0, hit["command"]


def test_quiz_question_asks_just_that_one_with_feedback_and_keeps_it_out_of_the_history(run) -> None:
    result = run("quiz", "--question", "balie-bedreiging", "--answers", "2", "--seed", "1")
    assert result.exit_code == 0, result.stderr
    assert "Vraag 1 van 1" in result.stdout
    assert "Ik weet je wel te vinden" in result.stdout
    assert any(v in result.stdout for v in ("Goed gekozen.", "Deels goed.", "Dit helpt niet."))  # feedback
    assert "Lees meer: infoblad personal agressie" in result.stdout
    assert "Meer vragen: infoblad quiz" in result.stdout
    assert "Uitslag" not in result.stdout
    assert run.json("history")["attempts"] == []


def test_quiz_question_in_english_json_and_on_stdin(run) -> None:
    data = run.json("quiz", "--question", "BALIE-BEDREIGING", "--answers", "2", "--lang", "en")
    assert [q["id"] for q in data["questions"]] == ["balie-bedreiging"]
    assert data["saved"] is False
    assert data["again"].startswith("infoblad quiz --seed") and "--question balie-bedreiging" in data["again"]
    result = run("quiz", "--question", "zelf-eerst-vragen", input="4\n")
    assert result.exit_code == 0 and "4" in result.stdout


def test_an_unknown_question_names_the_closest_ids(run) -> None:
    result = run("quiz", "--question", "balie-bedreigin")
    assert result.exit_code == 2
    assert "balie-bedreigin" in result.stderr and "balie-bedreiging" in result.stderr
    assert "infoblad search WOORD" in result.stderr
    result = run("quiz", "--question", "balie-bedreigin", "--lang", "en")
    assert "Did you mean" in result.stderr and "infoblad search WORD" in result.stderr


def test_quiz_question_does_not_mix_with_a_theme_or_a_retry(run) -> None:
    result = run("quiz", "--question", "balie-bedreiging", "--theme", "eigen-rol")
    assert result.exit_code == 2 and "--question" in result.stderr
    result = run("quiz", "--question", "balie-bedreiging", "--retry-missed", "--lang", "en")
    assert result.exit_code == 2 and "cannot be combined" in result.stderr


def test_about_term_shows_just_that_term(run) -> None:
    result = run("about", "--term", "schijninspraak")
    assert result.exit_code == 0
    assert result.stdout.startswith("Schijninspraak")
    assert "Inspraak die alleen voor de vorm is" in result.stdout
    assert "Leernetwerk" not in result.stdout and "infoblad about" in result.stdout
    data = run.json("about", "--term", "azc", "--lang", "en")
    assert data["term"]["id"] == "azc" and "asylum" in data["term"]["explanation"].lower()


def test_an_unknown_term_names_the_closest_ids(run) -> None:
    result = run("about", "--term", "schijninspraken")
    assert result.exit_code == 2
    assert "schijninspraak" in result.stderr and "infoblad about" in result.stderr
    assert "Unknown ID" in run("about", "--term", "xyz", "--lang", "en").stderr


def test_personal_theme_shows_just_that_theme(run) -> None:
    result = run("personal", "agressie")
    assert result.exit_code == 0
    assert result.stdout.startswith("Boosheid en agressie")
    assert "Veilige Publieke Taak" in result.stdout
    assert "De ambtseed" not in result.stdout and "Het persoonlijke aspect" not in result.stdout
    data = run.json("personal", "ambtseed", "--lang", "en")
    assert data["theme"]["id"] == "ambtseed" and data["theme"]["title"] == "The civil service oath"
    assert "personal" in run.json("personal")  # without an ID: the whole page, as before


def test_an_unknown_theme_names_the_closest_ids(run) -> None:
    result = run("personal", "agresie")
    assert result.exit_code == 2
    assert "agressie" in result.stderr and "infoblad personal" in result.stderr


def test_quiz_feedback_links_to_the_personal_theme(run) -> None:
    data = run.json("quiz", "--question", "balie-bedreiging", "--answers", "2", "--seed", "1")
    assert json.dumps(data).count("infoblad personal agressie") >= 1
