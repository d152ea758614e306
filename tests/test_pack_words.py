# SPDX-FileCopyrightText: 2026 The infoblad team
# SPDX-License-Identifier: EUPL-1.2
"""Values in packs accept the word a person types in either language (issue 14)."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest

from infoblad_cli import models as m
from infoblad_cli import schema
from infoblad_cli.errors import say

CASE = {
    "id": "buurtkamer",
    "title": "De buurtkamer",
    "place": "Voorbeeldstad",
    "period": "sinds 2020",
    "summary": "Een buurtkamer.",
    "situation": "Bewoners zagen de gemeente niet.",
    "approach": "Elke dinsdag een medewerker.",
    "result": "Bewoners weten wie ze kunnen aanspreken.",
    "sources": [{"title": "Verzonnen", "url": "https://example.org/x"}],
}


def _case(outcome: str) -> tuple[Any, list[Any]]:
    out, problems = schema.parse_kind("cases", {"cases": [{**CASE, "outcome": outcome}]}, "f.yaml", True)
    return out.get("cases"), problems


@pytest.mark.parametrize(
    ("typed", "canonical"),
    [
        ("hersteld", "restored"),
        ("versterkt", "strengthened"),
        ("niet-hersteld", "not-restored"),
        ("Niet hersteld", "not-restored"),
        ("NIET_HERSTELD", "not-restored"),
        ("restored", "restored"),
        ("not-restored", "not-restored"),
        (" Strengthened ", "strengthened"),
    ],
)
def test_outcome_in_either_language(typed: str, canonical: str) -> None:
    cases, problems = _case(typed)
    assert problems == []
    assert cases[0].outcome == canonical


def test_wrong_outcome_names_the_accepted_words_of_both_languages() -> None:
    cases, problems = _case("gelukt")
    assert cases == () and len(problems) == 1
    assert "'gelukt' is not allowed here" in problems[0].text("en")
    expected = say("en", problems[0].expected or "")
    for word in ("restored", "hersteld", "strengthened", "versterkt", "not-restored", "niet-hersteld"):
        assert word in expected


@pytest.mark.parametrize(
    ("typed", "model"),
    [("zelfbeoordeling", m.SelfRating), ("Zelfinschatting", m.SelfRating), ("self-rating", m.SelfRating)],
)
def test_question_kind_in_either_language(typed: str, model: type) -> None:
    question = {
        "id": "q-een",
        "theme": "eigen-rol",
        "kind": typed,
        "statement": "Ik luister eerst.",
        "suggestion": "Luister eerst.",
        "lesson": "aanwezig-zijn",
    }
    out, problems = schema.parse_kind("quiz", {"questions": [question]}, "f.yaml", True)
    assert problems == []
    assert isinstance(out["questions"][0], model) and out["questions"][0].kind == "self-rating"


def test_unknown_question_kind_names_both_words() -> None:
    question = {"id": "q-een", "theme": "eigen-rol", "kind": "vraag"}
    _, problems = schema.parse_kind("quiz", {"questions": [question]}, "f.yaml", True)
    expected = say("en", problems[0].expected or "")
    assert "herkennen" in expected and "recognise" in expected


def test_a_pack_with_a_dutch_outcome_shows_it(run: Any, tmp_path: Path) -> None:
    source = Path(__file__).resolve().parent / "data" / "packs" / "only-dutch" / "nl" / "cases.yaml"
    (tmp_path / "nl").mkdir()
    (tmp_path / "nl" / "cases.yaml").write_text(
        source.read_text(encoding="utf-8").replace("outcome: strengthened", "outcome: versterkt"),
        encoding="utf-8",
    )
    assert run("validate", str(tmp_path)).exit_code == 0
    data = run.json("cases", "buurtkamer-voorbeeldstad", "--content-dir", str(tmp_path))
    assert data["case"]["outcome"] == "strengthened"
    assert "vertrouwen versterkt" in run("cases", "--content-dir", str(tmp_path)).stdout
