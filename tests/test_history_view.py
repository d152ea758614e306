# SPDX-FileCopyrightText: 2026 The infoblad team
# SPDX-License-Identifier: EUPL-1.2
"""An honest history: retries and single themes marked and kept out of the trend, self-ratings
over time, one attempt in full (`history N`); and the quiz result that fits the screen."""

from __future__ import annotations

import json
import re
import sqlite3
from pathlib import Path
from typing import Any

import pytest

from infoblad_cli import content, history, quiz
from infoblad_cli import models as m
from infoblad_cli.history import History


def picks_for(seed: int, count: int = 8, theme: str | None = None, best: bool = True, rating: int = 5) -> str:
    """Answers for a seeded quiz: all best (or all worst), every self-rating ``rating``."""
    chosen = quiz.select(content.load_bundle("nl"), count, seed, theme)
    picks = []
    for asked in chosen.asked:
        q = asked.question
        if isinstance(q, m.Scenario):
            weights = [q.options[i].weight for i in asked.order]
            picks.append(weights.index(2 if best else min(weights)) + 1)
        elif isinstance(q, m.Recognise):
            right = [q.options[i] == q.answer for i in asked.order]
            picks.append(right.index(best) + 1)
        else:
            picks.append(rating)
    return ",".join(map(str, picks))


def take(run: Any, seed: int, *extra: str, **kwargs: Any) -> Any:
    count = int(extra[extra.index("--count") + 1]) if "--count" in extra else 8
    theme = extra[extra.index("--theme") + 1] if "--theme" in extra else None
    result = run("quiz", "--seed", str(seed), *extra, "--answers", picks_for(seed, count, theme, **kwargs))
    assert result.exit_code == 0, result.stderr
    return result


# ---------------------------------------------------------------- modes and the trend


def test_retry_and_theme_runs_are_marked_and_kept_out_of_the_trend(run) -> None:
    take(run, 5, best=False)  # a full quiz with misses
    missed = len(run.json("history")["attempts"][0]["missed"])
    retry = run("quiz", "--retry-missed", "--answers", ",".join(["1"] * min(8, missed)), "--json")
    assert retry.exit_code == 0, retry.stderr
    assert json.loads(retry.stdout)["mode"] == "retry"
    take(run, 3, "--theme", "in-het-moment", "--count", "2")
    data = run.json("history")
    assert [a["mode"] for a in data["attempts"]] == ["theme", "retry", "full"]
    full = data["attempts"][-1]
    # The trend holds the full quiz only: one value per theme, that quiz's percentages.
    assert set(data["trend"]) == set(full["themes"])
    for theme, values in data["trend"].items():
        score = full["themes"][theme]
        assert values == [round(100 * score["score"] / score["max"], 1)]
    out = run("history").stdout
    flat = " ".join(out.split())
    assert "(alleen gemiste vragen)" in flat
    assert "(alleen thema In het moment)" in flat
    assert "Verloop per thema (alleen volledige quizzen)" in out


def test_without_a_full_quiz_the_trend_says_why_it_is_empty(run) -> None:
    take(run, 3, "--theme", "eigen-rol", "--count", "2")
    out = run("history", "--lang", "en").stdout
    assert "No full quiz yet" in out
    assert run.json("history")["trend"] == {}


def _version_1_file(path: Path, rows: list[tuple[str, str | None, str]]) -> None:
    """A history as infoblad wrote it before modes existed (schema version 1)."""
    conn = sqlite3.connect(path, isolation_level=None)
    try:
        history._create_tables(conn)
        conn.execute("PRAGMA user_version = 1")
        for taken_at, theme, detail in rows:
            cursor = conn.execute(
                "INSERT INTO attempts (taken_at, lang, seed, theme, score, max_score, detail)"
                " VALUES (?, 'nl', 5, ?, 2, 4, ?)",
                (taken_at, theme, detail),
            )
            conn.execute(
                "INSERT INTO theme_scores VALUES (?, 'eigen-rol', 2, 4)",
                (cursor.lastrowid,),
            )
    finally:
        conn.close()


def test_a_version_1_history_stays_readable_and_gets_modes(tmp_path: Path) -> None:
    path = tmp_path / "history.sqlite3"
    detail = json.dumps({"answers": [], "missed": [], "ratings": {}})
    _version_1_file(
        path,
        [("2026-01-01T10:00:00+00:00", None, detail), ("2026-01-02T10:00:00+00:00", "eigen-rol", detail)],
    )
    store = History(path)
    assert [a["mode"] for a in store.attempts()] == ["theme", "full"]
    assert store.trend() == {"eigen-rol": [50.0]}  # the single-theme run is left out
    conn = sqlite3.connect(path)
    try:
        assert conn.execute("PRAGMA user_version").fetchone()[0] == len(history._MIGRATIONS) == 2
    finally:
        conn.close()


# ---------------------------------------------------------------- self-ratings over time


def test_self_ratings_are_shown_over_time_oldest_first(run) -> None:
    take(run, 5, rating=2)
    take(run, 5, rating=4)
    data = run.json("history")
    ratings = data["self_ratings"]
    assert ratings, "seed 5 asks at least one question about yourself"
    for item in ratings:
        assert [r["rating"] for r in item["ratings"]] == [2, 4]
        assert item["statement"] and item["statement"] != item["question"]
    out = run("history").stdout
    assert "Hoe je jezelf inschatte, van oud naar nieuw (1-5)" in out
    assert re.search(r"^    2, 4$", out, re.M)  # plain output: a comma, not an arrow
    assert " ".join(ratings[0]["statement"].split()) in " ".join(out.split())


# ---------------------------------------------------------------- one attempt in full


def test_history_n_shows_one_attempt_with_its_answers_and_feedback(run) -> None:
    first = json.loads(take(run, 5, "--json", best=False).stdout)
    take(run, 6)
    out = run("history", "2").stdout  # 2 = the older one
    assert out.startswith("Resultaat 2, ")
    assert "Volledige quiz" in out
    assert f"{first['score']} van {first['max_score']} punten" in out
    for number in range(1, 9):
        assert f"Vraag {number} van 8" in out
    flat = " ".join(out.split())
    for question in first["questions"]:
        if question["kind"] == "self-rating":
            continue
        chosen = question["options"][question["answer"] - 1]
        assert f"Je koos: {' '.join(chosen.split())}" in flat  # the option as it was shown then
        assert " ".join(question["feedback"].split()) in flat
        if question["better_answer"]:
            assert " ".join(question["better_answer"].split()) in flat
    assert "Beter:" in out and "Lees meer: infoblad" in out
    assert "infoblad quiz --seed 5 --count 8" in out


def test_history_n_json(run) -> None:
    taken = json.loads(take(run, 5, "--json", best=False).stdout)
    data = run.json("history", "1")
    assert data["number"] == 1
    assert data["attempt"]["mode"] == "full" and data["attempt"]["seed"] == 5
    assert [a["id"] for a in data["answers"]] == [q["id"] for q in taken["questions"]]
    for answer, question in zip(data["answers"], taken["questions"], strict=True):
        assert answer["feedback"] == question["feedback"]
        assert answer["read_more"] == question["read_more"]
        if question["kind"] != "self-rating":
            assert answer["chosen"] == question["options"][question["answer"] - 1]
    assert sum(t["questions"] for t in data["themes"]) == sum(
        1 for q in taken["questions"] if q["kind"] != "self-rating"
    )


@pytest.mark.parametrize(
    ("args", "lang", "words"),
    [
        (["3"], "nl", "Kies een nummer van 1 tot 2"),
        (["0"], "nl", "Kies een nummer van 1 tot 2"),
        (["x"], "en", "Choose a number from 1 to 2"),
        (["1", "--clear"], "nl", "niet allebei"),
    ],
)
def test_an_unknown_number_is_a_usage_error_naming_the_range(run, args, lang, words) -> None:
    take(run, 5)
    take(run, 6)
    result = run("history", *args, "--lang", lang)
    assert result.exit_code == 2
    assert words in result.stderr
    assert result.stdout == ""


def test_a_number_without_any_history_says_there_is_none(run) -> None:
    result = run("history", "1")
    assert result.exit_code == 2
    assert "nog geen resultaten" in result.stderr


def _old_attempt(answers: list[dict[str, Any]], mode: str = "full", seed: int = 5) -> Any:
    return {
        "taken_at": "2026-01-01T10:00:00+00:00",
        "lang": "nl",
        "seed": seed,
        "theme": None,
        "mode": mode,
        "score": 0,
        "max_score": 2,
        "themes": {},
        "answers": answers,
        "missed": [],
        "ratings": {},
    }


def test_an_attempt_saved_without_choices_gets_them_back_from_its_seed(run, isolated_env: Path) -> None:
    taken = json.loads(take(run, 5, "--json", "--no-save", best=False).stdout)
    answers = [
        {
            "question": q["id"],
            "kind": q["kind"],
            "answer": str(q["answer"]),
            "points": q["points"],
            "max": q["max"],
            "correct": q["correct"],
        }
        for q in taken["questions"]
    ]  # as history version 1 kept them: the shown number only
    History(isolated_env / "history.sqlite3").save(_old_attempt(answers))
    data = run.json("history", "1")
    for answer, question in zip(data["answers"], taken["questions"], strict=True):
        if question["kind"] != "self-rating":
            assert answer["chosen"] == question["options"][question["answer"] - 1]
    # When the seed no longer gives these questions (the content changed), the choices stay
    # unknown, and it says so.
    History(isolated_env / "history.sqlite3").save(
        {**_old_attempt(answers, seed=999), "taken_at": "2026-02-01T10:00:00+00:00"}
    )
    out = run("history", "1").stdout
    assert "is niet bewaard" in out


def test_a_question_no_longer_in_the_content_is_named(run, isolated_env: Path) -> None:
    gone = {"question": "weg-vraag", "kind": "scenario", "answer": "1", "choice": 0, "points": 0, "max": 2}
    History(isolated_env / "history.sqlite3").save(_old_attempt([{**gone, "correct": False}]))
    out = run("history", "1").stdout
    assert "Deze vraag (weg-vraag) staat niet meer in de inhoud." in out
    assert run.json("history", "1")["answers"][0]["in_content"] is False


# ---------------------------------------------------------------- the quiz result


def summary_of(out: str) -> str:
    """The result's last line: the one before the blank line above 'Bewaard' / 'Niet bewaard'."""
    lines = out.splitlines()
    saved = next(i for i, line in enumerate(lines) if line.startswith(("Bewaard", "Niet bewaard")))
    assert lines[saved - 1] == ""
    return lines[saved - 2]


def test_result_starts_with_score_and_bars_and_ends_with_a_one_line_summary(run) -> None:
    result = take(run, 12, "--no-save", best=False)
    data = json.loads(
        run("quiz", "--seed", "12", "--answers", picks_for(12, best=False), "--no-save", "--json").stdout
    )
    out = result.stdout
    part = out[out.index("Je resultaat") :]
    lines = part.splitlines()
    # Right under the heading: the score, then the bars, before anything else.
    assert lines[1].startswith(f"{data['score']} van {data['max_score']} punten")
    assert lines[3] == "Per thema"
    for offset, theme in enumerate(data["themes"]):
        line = lines[4 + offset]
        assert line.lstrip().startswith(theme["title"])
        count = theme["questions"]
        detail = f"{theme['score']} van {theme['max']} punten, {count} {'vraag' if count == 1 else 'vragen'}"
        assert line.endswith(detail), line
        assert len(line) <= 80
    assert sum(t["questions"] for t in data["themes"]) == sum(
        1 for q in data["questions"] if q["kind"] != "self-rating"
    )
    # At the end, once more in one line (before what was saved and how to go again).
    summary = summary_of(out)
    assert summary.startswith((f"{data['score']} van {data['max_score']} punten", "Samengevat:"))
    assert len(summary) <= 80
    assert out.index(summary) > out.index("Lees nu")  # after everything else of the result


@pytest.mark.parametrize("columns", [60, 80, 100])
def test_summary_line_fits_the_width(run, columns) -> None:
    answers = picks_for(12, best=False)
    out = run("quiz", "--seed", "12", "--answers", answers, "--no-save", env={"COLUMNS": str(columns)}).stdout
    summary = summary_of(out)
    assert "van 12 punten" in summary
    assert len(summary) <= columns


def test_json_result_has_the_mode_and_questions_per_theme(run) -> None:
    data = json.loads(take(run, 3, "--theme", "eigen-rol", "--count", "2", "--json", "--no-save").stdout)
    assert data["mode"] == "theme"
    assert [t["questions"] for t in data["themes"]] == [
        sum(1 for q in data["questions"] if q["kind"] != "self-rating")
    ]


def test_history_n_export_writes_that_attempt_as_a_result_file(run) -> None:
    take(run, 5, "--theme", "eigen-rol", "--count", "2")
    take(run, 6)
    older = json.loads(run("history", "2", "--export").stdout)
    newer = json.loads(run("history", "--export").stdout)
    assert older["quiz"]["seed"] == 5 and older["quiz"]["mode"] == "theme"
    assert newer["quiz"]["seed"] == 6 and newer["quiz"]["mode"] == "full"
    wrong = run("history", "3", "--export")
    assert wrong.exit_code == 2 and "1 tot 2" in wrong.stderr
