# SPDX-FileCopyrightText: 2026 The infoblad team
# SPDX-License-Identifier: EUPL-1.2
"""infoblad group: twenty participants' result files combined, with every count checked."""

from __future__ import annotations

import json
import math
import statistics
from collections import Counter
from pathlib import Path

import pytest

from infoblad_cli import content, group, quiz, result_file
from infoblad_cli import models as m

SEED = 12
PEOPLE = 20


def shown_answers(person: int, chosen: quiz.Quiz) -> list[int]:
    """Varied, deterministic answers: each person leans differently on each question."""
    picks = []
    for number, asked in enumerate(chosen.asked):
        # Most people take the same option on question 0 (agreement); the rest spread out.
        if number == 0:
            picks.append(1 if person % 10 else 2)
        else:
            picks.append((person * (number + 1) + person // 3) % asked.choices + 1)
    return picks


@pytest.fixture
def workshop(run, tmp_path: Path) -> tuple[Path, quiz.Quiz, list[list[int]]]:
    """Twenty result files made by `infoblad quiz --seed 12 --answers ... --result-file`."""
    bundle = content.load_bundle("nl")
    chosen = quiz.select(bundle, quiz.DEFAULT_COUNT, SEED)
    folder = tmp_path / "groep"
    folder.mkdir()
    everyone = []
    for person in range(PEOPLE):
        picks = shown_answers(person, chosen)
        everyone.append(picks)
        target = folder / f"deelnemer-{person:02d}.json"
        answers = ",".join(map(str, picks))
        result = run(
            "quiz", "--seed", str(SEED), "--answers", answers, "--no-save", "--result-file", str(target)
        )
        assert result.exit_code == 0, result.stderr
    return folder, chosen, everyone


def expected_counts(chosen: quiz.Quiz, everyone: list[list[int]]) -> dict[str, Counter[int]]:
    """Per question, how many chose each option, in the content's order (or each rating)."""
    counts: dict[str, Counter[int]] = {}
    for picks in everyone:
        for asked, shown in zip(chosen.asked, picks, strict=True):
            value = shown if isinstance(asked.question, m.SelfRating) else asked.order[shown - 1]
            counts.setdefault(asked.question.id, Counter())[value] += 1
    return counts


def test_group_counts_twenty_participants(run, workshop) -> None:  # type: ignore[no-untyped-def]
    folder, chosen, everyone = workshop
    (folder / "kapot.json").write_text('{"format": "infoblad-result", "version": 1, "questions": 3', "utf-8")
    (folder / "vreemd.json").write_text('{"format": "iets-anders"}', "utf-8")
    (folder / "nieuwer.json").write_text('{"format": "infoblad-result", "version": 9}', "utf-8")
    result = run("group", str(folder), "--json")
    assert result.exit_code == 0, result.stderr
    # Every bad file is named on stderr and skipped; the twenty good ones count.
    for name in ("kapot.json", "vreemd.json", "nieuwer.json"):
        assert name in result.stderr
    assert "Overgeslagen" in result.stderr
    data = json.loads(result.stdout)
    assert data["participants"] == PEOPLE
    assert data["seeds"] == [SEED]

    expected = expected_counts(chosen, everyone)
    by_id = {q["id"]: q for q in data["questions"]}
    assert set(by_id) == set(expected)
    bundle = content.load_bundle("nl")
    content_order = [q.id for q in bundle.questions]
    assert [q["id"] for q in data["questions"]] == sorted(by_id, key=content_order.index)
    for asked in chosen.asked:
        question = asked.question
        tally = by_id[question.id]
        assert tally["answered"] == PEOPLE
        if isinstance(question, m.SelfRating):
            ratings = tally["ratings"]
            assert ratings["distribution"] == {str(r): expected[question.id][r] for r in range(1, 6)}
            given = [picks[chosen.asked.index(asked)] for picks in everyone]
            assert ratings["median"] == statistics.median(given)
            assert (ratings["min"], ratings["max"]) == (min(given), max(given))
            assert tally["options"] == []
        else:
            assert [o["count"] for o in tally["options"]] == [
                expected[question.id][i] for i in range(len(question.options))
            ]
            texts = (
                [o.text for o in question.options]
                if isinstance(question, m.Scenario)
                else [next(n.title for n in bundle.narratives if n.id == nid) for nid in question.options]
            )
            assert [o["text"] for o in tally["options"]] == texts  # content order, run's language
            assert sum(o["best"] for o in tally["options"]) >= 1


def test_group_theme_spread_and_disagreement(run, workshop) -> None:  # type: ignore[no-untyped-def]
    folder, chosen, everyone = workshop
    data = json.loads(run("group", str(folder), "--json").stdout)
    bundle = content.load_bundle("nl")
    # Each participant's percentage per theme, worked out here from the scripted answers.
    percents: dict[str, list[float]] = {}
    totals: list[float] = []
    for picks in everyone:
        per_theme: dict[str, list[int]] = {}
        for asked, shown in zip(chosen.asked, picks, strict=True):
            if isinstance(asked.question, m.SelfRating):
                continue
            outcome = quiz.judge(asked, shown, bundle)
            score = per_theme.setdefault(asked.question.theme, [0, 0])
            score[0] += outcome.points
            score[1] += outcome.max_points
        for theme, (points, most) in per_theme.items():
            percents.setdefault(theme, []).append(100 * points / most)
        totals.append(100 * sum(p for p, _ in per_theme.values()) / sum(x for _, x in per_theme.values()))
    themes = {th["theme"]: th["score_percent"] for th in data["themes"]}
    assert set(themes) == set(percents)
    for theme, values in percents.items():
        spread = themes[theme]
        assert spread["count"] == PEOPLE
        assert spread["min"] == round(min(values), 1)
        assert spread["median"] == round(statistics.median(values), 1)
        assert spread["max"] == round(max(values), 1)
        assert sum(spread["distribution"].values()) == PEOPLE
    assert data["score_percent"]["median"] == round(statistics.median(totals), 1)

    # Disagreement: normalised entropy of the option counts, highest first, three of them.
    expected = expected_counts(chosen, everyone)
    entropy = {}
    for asked in chosen.asked:
        if isinstance(asked.question, m.SelfRating):
            continue
        counts = [expected[asked.question.id][i] for i in range(len(asked.question.options))]
        h = -sum(c / PEOPLE * math.log(c / PEOPLE) for c in counts if c) / math.log(len(counts))
        entropy[asked.question.id] = h
    ranked = sorted(entropy, key=lambda qid: -entropy[qid])
    assert len(data["most_disagreed"]) == 3
    assert [round(entropy[q], 6) for q in data["most_disagreed"]] == [
        round(entropy[q], 6) for q in ranked[:3]
    ]
    first = chosen.asked[0].question.id  # 18 of 20 chose the same option: not a top question
    assert first not in data["most_disagreed"]
    for q in data["questions"]:
        if q["id"] in entropy:
            assert q["disagreement"] == round(entropy[q["id"]], 3)


def test_group_in_the_terminal_and_as_html(run, workshop, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    folder, chosen, everyone = workshop
    text = run("group", str(folder), "--plain")
    assert text.exit_code == 0, text.stderr
    out = text.stdout
    assert "20 deelnemers" in out and "Hier verschilde de groep het meest" in out
    assert "mediaan" in out and "Zelfinschatting" in out
    dutch = run("groep", str(folder), "--plain")
    assert dutch.exit_code == 0 and dutch.stdout == out  # the Dutch name is the same command

    page = tmp_path / "groep.html"
    written = run("group", str(folder), "-o", str(page))  # .html: the page to project
    assert written.exit_code == 0, written.stderr
    html = page.read_text(encoding="utf-8")
    assert html.startswith("<!DOCTYPE html>") and "20 deelnemers" in html
    assert "<script" not in html and "default-src 'none'" in html
    assert "http://" not in html and "https://" not in html  # nothing to fetch
    expected = expected_counts(chosen, everyone)
    scenario = next(a.question for a in chosen.asked if isinstance(a.question, m.Scenario))
    for index, option in enumerate(scenario.options):
        block = html.split(f'id="q-{scenario.id}"', 1)[1].split("</section>", 1)[0]
        assert option.text.replace("'", "&#x27;") in block or option.text in block
        assert f'<span class="count">{expected[scenario.id][index]}</span>' in block
    again = run("group", str(folder), "-o", str(page))
    assert again.exit_code == 2 and "--force" in again.stderr

    english = run("group", str(folder), "--html", "--lang", "en")
    assert "20 participants" in english.stdout and 'lang="en"' in english.stdout


def test_files_of_different_quizzes_combine_per_question(run, tmp_path: Path) -> None:
    bundle = content.load_bundle("nl")
    one = quiz.select(bundle, 8, 1)
    two = quiz.select(bundle, 8, 2)
    shared = {a.question.id for a in one.asked} & {a.question.id for a in two.asked}
    assert shared, "seeds 1 and 2 share no question; pick other seeds"
    files = []
    for seed, chosen in ((1, one), (2, two)):
        target = tmp_path / f"s{seed}.json"
        answers = ",".join("1" for _ in chosen.asked)
        assert (
            run(
                "quiz", "--seed", str(seed), "--answers", answers, "--no-save", "--result-file", str(target)
            ).exit_code
            == 0
        )
        files.append(str(target))
    data = run.json("group", *files)
    assert data["participants"] == 2 and data["seeds"] == [1, 2]
    by_id = {q["id"]: q for q in data["questions"]}
    for qid in shared:
        assert by_id[qid]["answered"] == 2
    only_one = ({a.question.id for a in one.asked} ^ {a.question.id for a in two.asked}) - shared
    for qid in only_one:
        assert by_id[qid]["answered"] == 1


def test_no_readable_files_is_exit_1_with_a_clear_message(run, tmp_path: Path) -> None:
    (tmp_path / "leeg").mkdir()
    (tmp_path / "x.json").write_text("not json", encoding="utf-8")
    result = run("group", str(tmp_path / "leeg"), str(tmp_path / "x.json"), str(tmp_path / "weg.json"))
    assert result.exit_code == 1
    assert "Geen bruikbare resultaatbestanden" in result.stderr
    assert "x.json" in result.stderr and "weg.json" in result.stderr
    assert "--result-file" in result.stderr
    assert "Traceback" not in result.stderr
    english = run("group", str(tmp_path / "x.json"), "--lang", "en")
    assert english.exit_code == 1 and "No usable result files" in english.stderr


def test_unknown_questions_and_options_are_named_and_left_out(run, tmp_path: Path) -> None:
    bundle = content.load_bundle("nl")
    scenario = next(q for q in bundle.questions if isinstance(q, m.Scenario))
    answers = [
        result_file.Answer(scenario.id, scenario.theme, "scenario", 0, None, 1, 2),
        result_file.Answer("bestaat-niet", "eigen-rol", "scenario", 1, None, 0, 2),
    ]
    good = result_file.build(
        date="2026-11-30", lang="nl", made_by="page", seed=None, theme=None, mode="full", answers=answers
    )
    (tmp_path / "a.json").write_bytes(result_file.dumps(good))
    odd = dict(good, questions=[dict(good["questions"][0], choice=9)])
    (tmp_path / "b.json").write_bytes(result_file.dumps(odd))
    result = run("group", str(tmp_path), "--json")
    assert result.exit_code == 0
    assert "bestaat-niet" in result.stderr and "b.json" in result.stderr
    data = json.loads(result.stdout)
    assert data["participants"] == 2
    tally = next(q for q in data["questions"] if q["id"] == scenario.id)
    assert tally["answered"] == 1 and tally["options"][0]["count"] == 1


def test_a_file_named_twice_counts_once(run, workshop) -> None:  # type: ignore[no-untyped-def]
    folder, _, _ = workshop
    data = run.json("group", str(folder), str(folder / "deelnemer-00.json"))
    assert data["participants"] == PEOPLE


def test_disagreement_and_spread_helpers() -> None:
    assert group.disagreement([5, 0, 0]) == 0.0
    assert group.disagreement([2, 2, 2]) == pytest.approx(1.0)
    assert 0 < group.disagreement([3, 1, 0]) < group.disagreement([2, 1, 1]) < 1
    spread = group.spread([0.0, 50.0, 100.0, 19.6], group.BANDS)
    assert (spread.low, spread.median, spread.high, spread.people) == (0.0, 34.8, 100.0, 4)
    assert spread.bands == (1, 1, 1, 0, 1)  # 19.6 rounds to 20


def test_the_example_workshop_still_fits_the_content(run) -> None:  # type: ignore[no-untyped-def]
    """examples/resultaten is what a trainer tries first: every answer in it must count."""
    folder = Path(__file__).resolve().parent.parent / "examples" / "resultaten"
    result = run("group", str(folder), "--json")
    assert result.exit_code == 0 and result.stderr == ""
    data = json.loads(result.stdout)
    assert data["participants"] == 8 and data["notes"] == []
    assert len(data["most_disagreed"]) == 3
