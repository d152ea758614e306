# SPDX-FileCopyrightText: 2026 The infoblad team
# SPDX-License-Identifier: EUPL-1.2
"""The claims ledger: no figure in the content without a source line, and packs checked too."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import pytest
import yaml

from infoblad_cli import claims
from infoblad_cli.content import KINDS, builtin_dir
from infoblad_cli.errors import Problem


def _describe(problems: list[Problem]) -> str:
    return "\n".join(p.describe() for p in problems)


def test_every_figure_in_the_built_in_content_has_a_ledger_line() -> None:
    assert (builtin_dir() / claims.LEDGER).is_file()  # without a ledger nothing would be checked
    problems = claims.check(builtin_dir())
    assert problems == [], _describe(problems)


def test_the_built_in_ledger_names_sources_the_entry_lists() -> None:
    # A ledger line must point to a source the reader can also find on the entry's page.
    ledger = yaml.safe_load((builtin_dir() / claims.LEDGER).read_text(encoding="utf-8"))["claims"]
    listed: dict[tuple[str, str], set[str]] = {}
    for lang in claims.LANGUAGES:
        for path in (builtin_dir() / lang).glob("*.yaml"):
            if path.stem not in KINDS:  # e.g. synonyms.yaml, the search thesaurus: no entries
                continue
            data = yaml.safe_load(path.read_text(encoding="utf-8"))
            for name, body in _entries_with_sources(path.stem, data):
                listed[(lang, name)] = {s["url"] for s in body.get("sources") or []}
    wrong = [
        f"{c['lang']} {c['entry']}: {c['source']}"
        for c in ledger
        if listed.get((c["lang"], c["entry"])) and c["source"] not in listed[(c["lang"], c["entry"])]
    ]
    assert wrong == []


def _entries_with_sources(kind: str, data: dict) -> list[tuple[str, dict]]:
    if kind in ("personal", "about"):
        doc = data[kind]
        children = doc.get("themes" if kind == "personal" else "sections") or []
        return [(kind, doc), *((f"{kind}/{c['id']}", c) for c in children)]
    key = {"contact": "contacts", "quiz": "questions"}.get(kind, kind)
    name = "quiz" if kind == "quiz" else kind
    return [(f"{name}/{e['id']}", e) for e in data.get(key) or []]


def test_the_built_in_ledger_covers_both_languages() -> None:
    ledger = yaml.safe_load((builtin_dir() / claims.LEDGER).read_text(encoding="utf-8"))["claims"]
    entries = {lang: {c["entry"] for c in ledger if c["lang"] == lang} for lang in claims.LANGUAGES}
    assert entries["nl"] == entries["en"]


# ---------------------------------------------------------------- a small pack


def _pack(tmp_path: Path, explanation: str, ledger: list[dict[str, str]] | None) -> Path:
    (tmp_path / "nl").mkdir()
    (tmp_path / "nl" / "glossary.yaml").write_text(
        yaml.safe_dump(
            {"glossary": [{"id": "loket", "term": "Loket", "explanation": explanation}]}, allow_unicode=True
        ),
        encoding="utf-8",
    )
    if ledger is not None:
        (tmp_path / claims.LEDGER).write_text(
            yaml.safe_dump({"claims": ledger}, allow_unicode=True, sort_keys=False), encoding="utf-8"
        )
    return tmp_path


def _line(fragment: str, **changes: str) -> dict[str, str]:
    line = {
        "entry": "glossary/loket",
        "lang": "nl",
        "field": "explanation",
        "fragment": fragment,
        "claim": "the desk closed in 2019",
        "source": "https://example.org/loket",
        "where": "second paragraph",
    }
    line.update(changes)
    return line


TEXT = "Een plek waar je de gemeente spreekt. Het loket in de wijk sloot in 2019. Er kwamen 40 klachten."


def test_an_unsourced_figure_fails(tmp_path: Path) -> None:
    pack = _pack(tmp_path, TEXT, [_line("sloot in 2019")])
    problems = claims.check(pack)
    assert len(problems) == 1
    problem = problems[0]
    assert problem.file.endswith("glossary.yaml") and problem.line is not None
    assert (problem.entry, problem.field) == ("glossary/loket", "explanation")
    assert "40" in problem.text("en") and "Er kwamen 40 klachten." in problem.text("en")


def test_a_sourced_figure_passes(tmp_path: Path) -> None:
    pack = _pack(tmp_path, TEXT, [_line("sloot in 2019"), _line("40 klachten")])
    assert claims.check(pack) == []


def test_a_new_figure_in_a_sourced_sentence_still_fails(tmp_path: Path) -> None:
    # The ledger line covers 2019; someone adds a second figure to the same sentence.
    text = "Het loket in de wijk sloot in 2019, na 12 jaar."
    problems = claims.check(_pack(tmp_path, text, [_line("sloot in 2019")]))
    assert [p.text("en") for p in problems] == [
        "this sentence names 12, but claims.yaml gives no source for it:"
        " 'Het loket in de wijk sloot in 2019, na 12 jaar.'"
    ]


def test_a_fragment_must_stand_in_the_sentence_it_covers(tmp_path: Path) -> None:
    # "2019" also occurs elsewhere in the field, but not in the sentence the ledger line quotes.
    text = "Het loket sloot in 2019. In 2019 kwam er een app."
    problems = claims.check(_pack(tmp_path, text, [_line("sloot in 2019")]))
    assert len(problems) == 1 and "In 2019 kwam er een app." in problems[0].text("en")


def test_web_addresses_are_not_figures(tmp_path: Path) -> None:
    text = "Lees meer op https://example.org/2022/12/19/loket en bel ons."
    assert claims.check(_pack(tmp_path, text, [])) == []


def test_stale_and_misplaced_ledger_lines_are_reported(tmp_path: Path) -> None:
    ledger = [
        _line("sloot in 2018"),  # the text says 2019 now
        _line("sloot in 2019", field="uitleg"),  # no such field
        _line("sloot in 2019", entry="glossary/balie"),  # no such entry
        _line("sloot in 2019"),
        _line("40 klachten"),
    ]
    problems = claims.check(_pack(tmp_path, TEXT, ledger))
    assert [(p.entry, p.field, p.text("en")) for p in problems] == [
        (
            "glossary/loket",
            "explanation",
            "the fragment 'sloot in 2018' is not (or no longer) in this field",
        ),
        ("glossary/loket", "uitleg", "this field does not exist in the content (nl)"),
        ("glossary/balie", "explanation", "this field does not exist in the content (nl)"),
    ]
    assert all(p.file.endswith("claims.yaml") and p.line for p in problems)


def test_the_form_of_a_ledger_is_checked(tmp_path: Path) -> None:
    ledger = [
        {"entry": "glossary/loket", "lang": "nl"},
        _line("sloot in 2019", lang="de"),
        _line("sloot in 2019", source="example.org"),
        _line("40 klachten"),
    ]
    problems = claims.check(_pack(tmp_path, TEXT, ledger))
    messages = [p.text("nl") for p in problems]
    assert messages[0] == "deze regel mist: field, fragment, claim, source, where"
    assert messages[1] == "'de' is geen taal van de inhoud"
    assert messages[2] == "'example.org' is geen webadres"
    # The third line still covers 2019 (its source is reported), so nothing is unsourced.
    assert len(messages) == 3


def test_a_ledger_that_is_not_a_list(tmp_path: Path) -> None:
    pack = _pack(tmp_path, TEXT, None)
    (pack / claims.LEDGER).write_text("claims: nee\n", encoding="utf-8")
    assert [p.text("en") for p in claims.check(pack)] == ["this file has no list 'claims'"]


def test_a_folder_without_a_ledger_is_not_checked(tmp_path: Path) -> None:
    assert claims.check(_pack(tmp_path, TEXT, None)) == []


@pytest.mark.parametrize("lang", ["nl", "en"])
def test_every_message_exists_in_both_languages(lang: str) -> None:
    from infoblad_cli.strings import EN, NL

    keys = {k for k in NL if k.startswith("claims.")}
    assert keys and keys == {k for k in EN if k.startswith("claims.")}


# ---------------------------------------------------------------- through the CLI


def test_validate_checks_a_packs_ledger(tmp_path: Path, run: Any) -> None:
    (tmp_path / "pack").mkdir()
    pack = _pack(tmp_path / "pack", TEXT, [_line("sloot in 2019")])
    result = run("validate", str(pack), "--json")
    assert result.exit_code == 1
    report = json.loads(result.stdout)
    found = [p for p in report["problems"] if p["entry"] == "glossary/loket"]
    assert len(found) == 1 and "40" in found[0]["message"] and found[0]["severity"] == "error"

    (pack / claims.LEDGER).write_text(
        yaml.safe_dump({"claims": [_line("sloot in 2019"), _line("40 klachten")]}, allow_unicode=True),
        encoding="utf-8",
    )
    result = run("validate", str(pack), "--json")
    assert result.exit_code == 0, result.stdout
