# SPDX-FileCopyrightText: 2026 The infoblad team
# SPDX-License-Identifier: EUPL-1.2
"""The built-in content: valid, complete in both languages, and in step."""

from __future__ import annotations

import pytest

from infoblad_cli import cache, checks, content
from infoblad_cli import models as m


@pytest.fixture(scope="module")
def bundles() -> dict[str, m.Bundle]:
    return {lang: content.load_bundle(lang) for lang in content.LANGUAGES}


@pytest.mark.parametrize("lang", content.LANGUAGES)
def test_builtin_content_has_no_problems(lang: str) -> None:
    bundle, problems = content.build(lang, use_cache=False)
    assert bundle is not None
    assert [p.describe() for p in problems] == []


def test_languages_are_in_step(bundles: dict[str, m.Bundle]) -> None:
    assert [p.describe() for p in checks.compare_languages(bundles["nl"], bundles["en"])] == []


def test_the_five_narratives(bundles: dict[str, m.Bundle]) -> None:
    ids = [n.id for n in bundles["nl"].narratives]
    assert ids == [
        "onzichtbare-overheid",
        "onzichtbare-burger",
        "ongelijke-behandeling",
        "niet-gehoord",
        "incompetentie",
    ]


def test_language_drift_is_detected(bundles: dict[str, m.Bundle]) -> None:
    nl, en = bundles["nl"], bundles["en"]
    first = en.narratives[0]
    fewer_voices = first._replace(voices=first.voices[:-1])
    drifted = en._replace(narratives=(fewer_voices, *en.narratives[1:]))
    problems = checks.compare_languages(nl, drifted)
    assert any("voices" in p.text() and "items in nl and" in p.text() for p in problems)

    renamed = en._replace(lessons=(en.lessons[0]._replace(id="iets-anders"), *en.lessons[1:]))
    assert any("IDs differ" in p.text() for p in checks.compare_languages(nl, renamed))

    other_ref = en._replace(cases=(en.cases[0]._replace(lessons=("x",)), *en.cases[1:]))
    assert any(p.field == "lessons" for p in checks.compare_languages(nl, other_ref))


def test_every_entry_lists_a_source(bundles: dict[str, m.Bundle]) -> None:
    for bundle in bundles.values():
        for entry in (
            *bundle.narratives,
            *bundle.lessons,
            *bundle.cases,
            *bundle.personal.themes,
            *bundle.about.sections,
            *bundle.contacts,
        ):
            assert entry.sources, f"{bundle.lang}: {entry.id} has no sources"
            for source in entry.sources:
                assert source.url.startswith(("https://", "http://"))


def test_contact_phone_is_text(bundles: dict[str, m.Bundle]) -> None:
    ess = bundles["nl"].contacts[0]
    assert ess.email == "ESS@minszw.nl"
    assert ess.phone == "(070) 333 4555"


def test_cache_is_used_and_invalidated_when_a_file_changes(tmp_path, monkeypatch) -> None:
    import shutil

    pack = tmp_path / "pack"
    (pack / "nl").mkdir(parents=True)
    shutil.copy(content.builtin_dir() / "nl" / "contact.yaml", pack / "nl" / "contact.yaml")
    monkeypatch.setenv("INFOBLAD_CACHE_DIR", str(tmp_path / "cache"))
    first = content.read_layer(pack, "nl", partial=True)
    assert list((tmp_path / "cache").glob("content-*-nl.json"))
    calls = []
    from infoblad_cli import yamlsafe

    real = yamlsafe.parse_text
    monkeypatch.setattr(yamlsafe, "parse_text", lambda *a: calls.append(a) or real(*a))
    assert content.read_layer(pack, "nl", partial=True) == first
    assert calls == []  # served from the cache
    path = pack / "nl" / "contact.yaml"
    path.write_text(
        path.read_text(encoding="utf-8").replace("ESS@minszw.nl", "ess@example.org"), encoding="utf-8"
    )
    changed = content.read_layer(pack, "nl", partial=True)
    assert len(calls) == 1
    assert changed["contact"].converted["contacts"][0].email == "ess@example.org"


def test_damaged_cache_is_rebuilt(tmp_path, monkeypatch) -> None:
    monkeypatch.setenv("INFOBLAD_CACHE_DIR", str(tmp_path))
    content.load_bundle("nl")
    for stored in tmp_path.glob("content-*.json"):
        stored.write_text("{not json", encoding="utf-8")
    assert content.load_bundle("nl").narratives


def test_cache_from_other_rules_is_not_used(tmp_path, monkeypatch) -> None:
    """A new version of the validation code must not trust results cached by the old one."""
    monkeypatch.setenv("INFOBLAD_CACHE_DIR", str(tmp_path))
    content.load_bundle("nl")
    calls = []
    from infoblad_cli import yamlsafe

    real = yamlsafe.parse_text
    monkeypatch.setattr(yamlsafe, "parse_text", lambda *a: calls.append(a) or real(*a))
    content.load_bundle("nl")
    assert calls == []
    monkeypatch.setattr(cache, "_format", ["other-rules"])
    content.load_bundle("nl")
    assert calls  # parsed and validated again


def test_content_and_schema_agree_on_the_kinds() -> None:
    from infoblad_cli import schema

    assert content.KINDS == schema.KINDS


def test_old_caches_are_pruned_when_a_cache_is_written(tmp_path, monkeypatch) -> None:
    import os
    import shutil
    import time

    monkeypatch.setenv("INFOBLAD_CACHE_DIR", str(tmp_path / "cache"))
    (tmp_path / "cache").mkdir()
    stale = tmp_path / "cache" / "content-deadbeef-nl.json"
    fresh = tmp_path / "cache" / "content-cafebabe-nl.json"
    for path in (stale, fresh):
        path.write_text("{}", encoding="utf-8")
    month_ago = time.time() - 31 * 24 * 3600
    os.utime(stale, (month_ago, month_ago))
    pack = tmp_path / "pack"
    (pack / "nl").mkdir(parents=True)
    shutil.copy(content.builtin_dir() / "nl" / "contact.yaml", pack / "nl" / "contact.yaml")
    content.read_layer(pack, "nl", partial=True)
    assert not stale.exists()
    assert fresh.exists()


@pytest.mark.parametrize("xdg", [None, "/tmp/xdg-cache-test"])
def test_cache_folder_is_the_one_platformdirs_names(monkeypatch, xdg) -> None:
    import platformdirs

    monkeypatch.delenv("INFOBLAD_CACHE_DIR", raising=False)
    if xdg is None:
        monkeypatch.delenv("XDG_CACHE_HOME", raising=False)
    else:
        monkeypatch.setenv("XDG_CACHE_HOME", xdg)
    expected = platformdirs.user_cache_dir("infoblad", appauthor=False)
    assert str(cache.cache_dir()) == expected
