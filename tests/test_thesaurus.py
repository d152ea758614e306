# SPDX-FileCopyrightText: 2026 The infoblad team
# SPDX-License-Identifier: EUPL-1.2
"""The search thesaurus as content: files per language, packs add groups, validate checks them."""

from __future__ import annotations

from pathlib import Path

import pytest

from infoblad_cli import checks, thesaurus
from infoblad_cli.content import builtin_dir


def write(root: Path, text: str, lang: str = "nl") -> Path:
    (root / lang).mkdir(parents=True, exist_ok=True)
    (root / lang / "synonyms.yaml").write_text(text, encoding="utf-8")
    return root


@pytest.mark.parametrize("lang", ["nl", "en"])
def test_the_built_in_thesaurus_is_valid_and_has_the_everyday_groups(lang: str) -> None:
    assert thesaurus.problems(builtin_dir(), lang, "en") == []
    groups = thesaurus.load(thesaurus.files(lang, []))
    assert len(groups) >= 20
    together = {"nl": ("azc", "vluchtelingen"), "en": ("azc", "refugees")}[lang]
    assert any(set(together) <= set(group) for group in groups)


def test_packs_add_their_groups_after_the_built_in_ones(tmp_path: Path) -> None:
    pack = write(tmp_path, "synonyms:\n  - [qqalfa, qqbeta]\n")
    paths = thesaurus.files("nl", [str(pack)])
    assert paths == [builtin_dir() / "nl" / "synonyms.yaml", pack / "nl" / "synonyms.yaml"]
    assert thesaurus.load(paths)[-1] == ["qqalfa", "qqbeta"]
    assert thesaurus.files("en", [str(pack)]) == [builtin_dir() / "en" / "synonyms.yaml"]
    before = thesaurus.stamp(paths)
    write(tmp_path, "synonyms:\n  - [qqalfa, qqgamma]\n")
    assert thesaurus.stamp(paths) != before


@pytest.mark.parametrize(
    ("text", "key", "severity"),
    [
        ("woorden:\n  - [a, b]\n", "thes.no_key", "error"),
        ("synonyms: geen lijst\n", "thes.not_list", "error"),
        ("synonyms:\n  - [a, b]\n  - los woord\n", "thes.group_shape", "error"),
        ("synonyms:\n  - [alleen]\n", "thes.too_small", "error"),
        ("synonyms:\n  - [a, a]\n", "thes.too_small", "error"),
        ("synonyms:\n  - [a, b, a]\n", "thes.twice", "warning"),
        ("synonyms:\n  - [a, b, '-']\n", "thes.empty_term", "warning"),
        ("synonyms:\n  - [a, b]\nextra: x\n", "thes.unknown_key", "warning"),
        ("synonyms:\n  - [a, b, a b c d e]\n", "thes.too_long", "warning"),
    ],
)
def test_problems_are_named_in_both_languages(tmp_path: Path, text: str, key: str, severity: str) -> None:
    from infoblad_cli.strings import t

    write(tmp_path, text)
    for lang in ("nl", "en"):
        found = thesaurus.problems(tmp_path, "nl", lang)
        assert [p.severity for p in found].count(severity) >= 1
        term = {"thes.unknown_key": "extra", "thes.too_long": "a b c d e"}.get(key, "a")
        expected = t(lang, key, term=term)
        assert expected in [p.message for p in found], (lang, found)
        assert all(p.file == str(tmp_path / "nl" / "synonyms.yaml") for p in found)
    assert thesaurus.problems(tmp_path, "en", "nl") == []  # no file, no problem


def test_a_file_that_is_not_yaml_is_a_problem_with_its_line(tmp_path: Path) -> None:
    write(tmp_path, "synonyms:\n  - [a, b\n")
    (problem,) = thesaurus.problems(tmp_path, "nl", "nl")
    assert problem.severity == "error" and problem.line is not None
    assert thesaurus.load([tmp_path / "nl" / "synonyms.yaml"]) == []  # search goes on without it


def test_validate_checks_the_thesaurus_of_packs_and_knows_the_file(tmp_path: Path) -> None:
    write(tmp_path, "synonyms:\n  - [alleen]\n")
    report = checks.validate([tmp_path])
    assert not report["ok"]
    assert any(p["file"].endswith("synonyms.yaml") for p in report["problems"])
    assert not any("not read" in p["message"] for p in report["problems"])  # not a stray file
    write(tmp_path, "synonyms:\n  - [qqalfa, qqbeta]\n")
    assert not any(p["file"].endswith("synonyms.yaml") for p in checks.validate([tmp_path])["problems"])
