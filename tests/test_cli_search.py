# SPDX-FileCopyrightText: 2026 The infoblad team
# SPDX-License-Identifier: EUPL-1.2
"""The search command: hits, ranking shown, JSON, nothing found, usage errors."""

from __future__ import annotations

import json
from pathlib import Path


def test_search_finds_several_places_with_commands(run) -> None:
    result = run("search", "vertrouwen")
    assert result.exit_code == 0, result.stderr
    assert result.stdout.count("infoblad ") >= 5
    assert "Gevonden voor 'vertrouwen'" in result.stdout
    for line in result.stdout.splitlines():
        assert line == line.rstrip()


def test_search_in_english(run) -> None:
    result = run("search", "trust", "--lang", "en")
    assert result.exit_code == 0
    assert "Found for 'trust'" in result.stdout


def test_nothing_found_exits_1_with_a_tip_on_stderr(run) -> None:
    result = run("search", "qwertyuiop")
    assert result.exit_code == 1
    assert result.stdout == ""
    assert "qwertyuiop" in result.stderr and "Tip" in result.stderr
    assert "Bedoel je" not in result.stderr  # nothing close


def test_a_typo_gets_the_closest_words_in_the_run_language(run) -> None:
    result = run("search", "vertrouwn")
    assert result.exit_code == 1 and result.stdout == ""
    assert "Bedoel je: vertrouwen" in result.stderr
    result = run("search", "trsut", "--lang", "en")
    assert result.exit_code == 1
    assert "Did you mean: " in result.stderr and "trust" in result.stderr
    data = json.loads(run("search", "vertrouwn", "--json").stdout)
    assert data["hits"] == [] and data["suggestions"][0] == "vertrouwen"


def test_everyday_words_find_the_content(run) -> None:
    hits = run.json("search", "vluchtelingen")["hits"]
    assert hits[0]["command"].startswith("infoblad ")
    assert "gilze-azc" in [h["id"] for h in hits[:3]]
    hit = run.json("search", "ambtseed")["hits"][0]
    assert hit["command"] in ("infoblad personal ambtseed", "infoblad about --term ambtseed")


def test_json_lists_hits_with_spans_and_commands(run) -> None:
    result = run("search", "schijninspraak", "--json")
    assert result.exit_code == 0
    data = json.loads(result.stdout)
    assert data["total"] >= 1 and data["hits"]
    hit = data["hits"][0]
    assert set(hit) >= {"kind", "id", "title", "snippet", "spans", "command"}
    start, end = hit["spans"][0]
    assert hit["snippet"][start:end].lower() == "schijninspraak"


def test_json_with_nothing_found_is_still_json_and_exits_1(run) -> None:
    result = run("search", "qwertyuiop", "--json")
    assert result.exit_code == 1
    assert json.loads(result.stdout)["hits"] == []
    assert json.loads(result.stdout)["suggestions"] == []


def test_entries_with_all_words_come_first(run) -> None:
    both = run.json("search", "azc", "gilze")
    assert both["hits"][0]["id"] == "gilze-azc"
    assert both["total"] >= run.json("search", "azc")["total"]
    # A word that occurs nowhere does not hide what the other words find.
    assert run.json("search", "azc", "qwertyuiop")["total"] == run.json("search", "azc")["total"]


def test_accents_do_not_matter(run) -> None:
    assert run.json("search", "geinformeerd")["total"] == run.json("search", "geïnformeerd")["total"] > 0


def test_limit(run) -> None:
    limited = run.json("search", "de", "--limit", "3")
    assert len(limited["hits"]) == 3 and limited["total"] > 3
    assert len(run.json("search", "de", "--limit", "0")["hits"]) == limited["total"]


def test_empty_query_is_a_usage_error(run) -> None:
    assert run("search", " ").exit_code == 2
    assert run("search").exit_code == 2


def test_search_includes_packs(run) -> None:
    pack = Path(__file__).resolve().parent.parent / "examples" / "voorbeeldpack"
    assert run("search", "Voorbeeldstad", "--content-dir", str(pack)).exit_code == 0
    assert run("search", "Voorbeeldstad").exit_code == 1


def test_negative_limit_is_a_usage_error(run) -> None:
    assert run("search", "de", "--limit", "-3").exit_code == 2


def test_a_python_without_full_text_search_gets_a_clear_message(run, monkeypatch, tmp_path: Path) -> None:
    """Some Python builds leave SQLite's FTS5 out: say so, and what to do, not 'internal error'."""
    from infoblad_cli import search_index

    monkeypatch.setenv("INFOBLAD_CACHE_DIR", str(tmp_path / "fresh-cache"))  # the index is built now
    monkeypatch.setattr(search_index, "FTS", "no_such_module")  # as SQLite without FTS5 answers
    result = run("search", "vertrouwen")
    assert result.exit_code == 1
    assert "FTS5" in result.stderr and "python.org" in result.stderr
    assert "intern" not in result.stderr.lower() and "Traceback" not in result.stderr
    english = run("search", "trust", "--lang", "en")
    assert english.exit_code == 1 and "Search does not work with this Python" in english.stderr
    assert run("narratives").exit_code == 0  # everything else still works
