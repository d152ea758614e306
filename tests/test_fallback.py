# SPDX-FileCopyrightText: 2026 The infoblad team
# SPDX-License-Identifier: EUPL-1.2
"""An entry that a pack has in one language only is shown in the other, marked (issue 14).

As the tldr client specification asks: never hide what exists in another language.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest

PACK = Path(__file__).resolve().parent / "data" / "packs" / "only-dutch"
CASE = "buurtkamer-voorbeeldstad"
TITLE = "De buurtkamer in Voorbeeldstad (verzonnen voorbeeld)"


def flat(text: str) -> str:
    return " ".join(text.split())


def test_list_shows_the_dutch_only_case_marked_in_english(run: Any) -> None:
    out = flat(run("cases", "--lang", "en", "--content-dir", str(PACK)).stdout)
    assert f"{TITLE} (only in Dutch)" in out
    assert f"infoblad cases {CASE}" in out
    dutch = flat(run("cases", "--content-dir", str(PACK)).stdout)
    assert TITLE in dutch and "alleen in" not in dutch  # in its own language: no marker


def test_detail_view_and_json_carry_the_language(run: Any) -> None:
    result = run("cases", CASE, "--lang", "en", "--content-dir", str(PACK))
    assert result.exit_code == 0
    assert result.stdout.startswith(f"{TITLE} (only in Dutch)")
    data = run.json("cases", CASE, "--lang", "en", "--content-dir", str(PACK))
    assert data["lang"] == "en" and data["case"]["lang"] == "nl"
    listing = run.json("cases", "--lang", "en", "--content-dir", str(PACK))
    langs = {case["id"]: case["lang"] for case in listing["cases"]}
    assert langs[CASE] == "nl" and set(langs.values()) == {"en", "nl"}


def test_search_and_export_include_it(run: Any) -> None:
    found = run("search", "buurtkamer", "--lang", "en", "--content-dir", str(PACK))
    assert found.exit_code == 0 and "(only in Dutch)" in found.stdout
    exported = run("export", "--lang", "en", "--content-dir", str(PACK)).stdout
    assert f"{TITLE} (only in Dutch)" in exported


def test_english_only_contact_is_marked_in_dutch(run: Any, tmp_path: Path) -> None:
    (tmp_path / "en").mkdir()
    (tmp_path / "en" / "contact.yaml").write_text(
        "contacts:\n  - id: helpdesk-x\n    name: Helpdesk X\n    email: help@example.org\n",
        encoding="utf-8",
    )
    out = run("contact", "--content-dir", str(tmp_path)).stdout
    assert "Helpdesk X (alleen in het Engels)" in out
    data = run.json("contact", "--content-dir", str(tmp_path))
    assert data["contacts"][-1]["lang"] == "en"
    english = run.json("contact", "--lang", "en", "--content-dir", str(tmp_path))
    assert english["contacts"][-1]["name"] == "Helpdesk X"


def test_validate_still_warns_about_the_missing_translation(run: Any) -> None:
    result = run("validate", str(PACK))
    assert result.exit_code == 0 and "WAARSCHUWING" in result.stdout and CASE in result.stdout


def test_broken_other_language_does_not_stop_this_one(run: Any, tmp_path: Path) -> None:
    (tmp_path / "nl").mkdir()
    (tmp_path / "en").mkdir()
    (tmp_path / "nl" / "contact.yaml").write_text("contacts: [\n", encoding="utf-8")
    (tmp_path / "en" / "contact.yaml").write_text(
        "contacts:\n  - id: helpdesk-x\n    name: Helpdesk X\n    email: help@example.org\n",
        encoding="utf-8",
    )
    assert run("contact", "--lang", "en", "--content-dir", str(tmp_path)).exit_code == 0


@pytest.mark.parametrize("lang", ["nl", "en"])
def test_without_packs_every_entry_is_in_the_run_language(run: Any, lang: str) -> None:
    for kind in ("narratives", "lessons", "cases"):
        data = run.json(kind, "--lang", lang)
        assert {entry["lang"] for entry in data[kind]} == {lang}
