# SPDX-FileCopyrightText: 2026 The infoblad team
# SPDX-License-Identifier: EUPL-1.2
"""`infoblad tip`: one practical tip a day, the same all day, another tomorrow."""

from __future__ import annotations

import json
from datetime import date, timedelta
from itertools import pairwise
from random import Random

import pytest

from infoblad_cli import content, tips

DAY = date(2026, 11, 30)


@pytest.fixture
def today(monkeypatch: pytest.MonkeyPatch) -> date:
    """Tests never read the real clock: 'today' is a fixed date."""
    monkeypatch.setattr(tips, "today", lambda: DAY)
    return DAY


def test_tips_are_the_lessons_tomorrow_and_the_narratives_asks() -> None:
    bundle = content.load_bundle("nl")
    found = {(tip.kind, tip.id, tip.text) for tip in tips.all_tips(bundle)}
    for lesson in bundle.lessons:
        assert ("lessons", lesson.id, lesson.tomorrow.frontline) in found
        assert ("lessons", lesson.id, lesson.tomorrow.policy) in found
    for narrative in bundle.narratives:
        for text in (*narrative.asks_of_you.frontline, *narrative.asks_of_you.policy):
            assert ("narratives", narrative.id, text) in found
    expected = 2 * len(bundle.lessons) + sum(
        len(n.asks_of_you.frontline) + len(n.asks_of_you.policy) for n in bundle.narratives
    )
    assert len(tips.all_tips(bundle)) == expected


def test_every_day_brings_another_tip_and_all_come_round_before_one_repeats() -> None:
    bundle = content.load_bundle("nl")
    count = len(tips.all_tips(bundle))
    days = [DAY + timedelta(days=n) for n in range(count)]
    shown = [tips.for_day(bundle, day) for day in days]
    assert len(set(shown)) == count
    for yesterday, tomorrow in pairwise(shown):
        assert yesterday != tomorrow
    assert tips.for_day(bundle, DAY + timedelta(days=count)) == shown[0]


def test_the_order_mixes_sources_and_is_the_same_in_both_languages() -> None:
    dutch = tips.all_tips(content.load_bundle("nl"))
    english = tips.all_tips(content.load_bundle("en"))
    assert [(t.kind, t.id, t.role) for t in dutch] == [(t.kind, t.id, t.role) for t in english]
    # Not simply the content order: the first few tips come from more than one place.
    assert len({t.id for t in dutch[:4]}) > 1


def test_another_tip_is_never_the_tip_of_the_day() -> None:
    bundle = content.load_bundle("nl")
    of_the_day = tips.for_day(bundle, DAY)
    for seed in range(50):
        assert tips.another(bundle, DAY, Random(seed)) != of_the_day


def test_tip_is_the_same_all_day_and_names_its_source_and_command(run, today) -> None:
    first = run("tip")
    assert first.exit_code == 0, first.stderr
    assert first.stderr == ""
    assert run("tip").stdout == first.stdout
    tip = tips.for_day(content.load_bundle("nl"), today)
    assert tip is not None
    out = first.stdout
    assert out.startswith("Tip van de dag\n")
    assert tip.text.split()[0] in out and " ".join(tip.text.split()) in " ".join(out.split())
    assert f"'{tip.title}'" in out
    assert f"Lees meer: {tip.command}" in out
    assert "infoblad tip --random" in out


def test_tomorrow_brings_another_tip(run, today, monkeypatch: pytest.MonkeyPatch) -> None:
    now = run("tip", "--json").stdout
    monkeypatch.setattr(tips, "today", lambda: today + timedelta(days=1))
    later = run("tip", "--json").stdout
    assert json.loads(now)["tip"] != json.loads(later)["tip"]
    assert json.loads(later)["date"] == "2026-12-01"


def test_date_option_shows_the_tip_of_that_day(run, today) -> None:
    data = run.json("tip", "--date", "2026-11-30")
    assert data == run.json("tip")
    assert "Tip van 2026-12-01" in run("tip", "--date", "2026-12-01").stdout


def test_random_gives_another_tip(run, today) -> None:
    of_the_day = run.json("tip")["tip"]
    for _ in range(5):
        data = run.json("tip", "--random")
        assert data["random"] is True
        assert data["tip"] != of_the_day
    assert run("tip", "--random").stdout.startswith("Nog een tip\n")


def test_tip_json_english_and_plain(run, today) -> None:
    data = run.json("tip", "--lang", "en")
    assert data["lang"] == "en" and data["date"] == "2026-11-30"
    assert set(data["tip"]) == {"text", "role", "kind", "id", "title", "command"}
    assert data["tip"]["command"] == f"infoblad {data['tip']['kind']} {data['tip']['id']}"
    out = run("tip", "--lang", "en", "--plain").stdout
    assert out.startswith("Tip of the day\n")
    assert "Read more: infoblad " in out
    assert "\x1b[" not in out


@pytest.mark.parametrize(("lang", "words"), [("nl", "geen datum"), ("en", "not a date")])
def test_a_bad_date_is_a_usage_error_in_the_run_language(run, lang, words) -> None:
    result = run("tip", "--date", "30-11-2026", "--lang", lang)
    assert result.exit_code == 2
    assert words in result.stderr and "30-11-2026" in result.stderr
    assert result.stdout == ""


def test_home_screen_offers_the_tip(run) -> None:
    assert "infoblad tip" in run().stdout
