# SPDX-FileCopyrightText: 2026 The infoblad team
# SPDX-License-Identifier: EUPL-1.2
"""The quiz and history commands: scripted, piped, saved, and every bad input."""

from __future__ import annotations

import json
from pathlib import Path

from infoblad_cli import content, quiz
from infoblad_cli import models as m


def answers_for(seed: int, count: int = 8, best: bool = True, theme: str | None = None) -> str:
    bundle = content.load_bundle("nl")
    chosen = quiz.select(bundle, count, seed, theme)
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
            picks.append(5 if best else 1)
    return ",".join(map(str, picks))


def history_file(data_dir: Path) -> Path:
    return data_dir / "history.sqlite3"


def test_scripted_quiz_shows_feedback_result_and_saves(run, isolated_env: Path) -> None:
    result = run("quiz", "--seed", "5", "--answers", answers_for(5, best=False))
    assert result.exit_code == 0, result.stderr
    out = result.stdout
    assert "Vraag 1 van 8" in out and "Vraag 8 van 8" in out
    assert "illustratief" in out
    assert "Beter:" in out  # the better answer after a wrong one
    assert "Per thema" in out and "%" in out
    assert "infoblad lessons" in out or "infoblad narratives" in out
    assert "infoblad quiz --seed 5" in out
    assert history_file(isolated_env).read_bytes().startswith(b"SQLite format 3\x00")
    saved = run.json("history")["attempts"]
    assert len(saved) == 1 and saved[0]["seed"] == 5


def test_json_result_parses_and_only_json_is_on_stdout(run) -> None:
    result = run("quiz", "--seed", "5", "--answers", answers_for(5), "--json")
    assert result.exit_code == 0
    data = json.loads(result.stdout)
    assert data["score"] == data["max_score"] > 0
    assert len(data["questions"]) == 8
    assert {t["theme"] for t in data["themes"]} <= {
        "verhalen-herkennen",
        "in-het-moment",
        "bewoners-betrekken",
        "eigen-rol",
    }
    assert 1 <= len(data["read_next"]) <= 3
    assert data["saved"] is True


def test_same_seed_same_questions_and_options(run) -> None:
    first = run("quiz", "--seed", "11", "--answers", answers_for(11), "--json", "--no-save")
    second = run("quiz", "--seed", "11", "--answers", answers_for(11), "--json", "--no-save")
    other = run("quiz", "--seed", "12", "--answers", answers_for(12), "--json", "--no-save")
    ids = lambda r: [(q["id"], q["options"]) for q in json.loads(r.stdout)["questions"]]  # noqa: E731
    assert ids(first) == ids(second)
    assert ids(first) != ids(other)


def test_answers_piped_on_stdin_line_by_line(run) -> None:
    lines = "\n".join(answers_for(5).split(",")) + "\n"
    result = run("quiz", "--seed", "5", "--json", input=lines)
    assert result.exit_code == 0, result.stderr
    data = json.loads(result.stdout)
    assert data["score"] == data["max_score"]


def test_a_wrong_line_on_stdin_asks_again_and_does_not_count(run) -> None:
    good = answers_for(5).split(",")
    lines = "x\n9\n\n" + "\n".join(good) + "\n"
    result = run("quiz", "--seed", "5", "--json", input=lines)
    assert result.exit_code == 0, result.stderr
    assert result.stderr.count("geen keuze") == 2  # 'x' and '9'
    assert result.stderr.count("Typ eerst je antwoord") == 1  # the empty line
    data = json.loads(result.stdout)
    assert data["score"] == data["max_score"]


def test_too_few_answers_on_stdin_exits_1_and_saves_nothing(run, isolated_env: Path) -> None:
    result = run("quiz", "--seed", "5", input="1\n2\n3\n")
    assert result.exit_code == 1
    assert "3 van de 8" in result.stderr
    assert "Traceback" not in result.stderr
    assert not history_file(isolated_env).exists()


def test_answers_with_the_wrong_count_is_a_usage_error(run, isolated_env: Path) -> None:
    result = run("quiz", "--seed", "5", "--answers", "1,2,3")
    assert result.exit_code == 2
    assert "3" in result.stderr and "8" in result.stderr
    assert not history_file(isolated_env).exists()


def test_answers_out_of_range_is_a_usage_error(run) -> None:
    given = answers_for(5).split(",")
    given[2] = "9"
    result = run("quiz", "--seed", "5", "--answers", ",".join(given))
    assert result.exit_code == 2
    assert "'9'" in result.stderr and "vraag 3" in result.stderr


def test_letters_work_as_answers(run) -> None:
    bundle = content.load_bundle("nl")
    first = quiz.select(bundle, 8, 5).asked
    letters = ",".join(
        "abcd"[int(a) - 1] if asked.order else a
        for a, asked in zip(answers_for(5).split(","), first, strict=True)
    )
    data = json.loads(run("quiz", "--seed", "5", "--answers", letters, "--json", "--no-save").stdout)
    assert data["score"] == data["max_score"]


def test_no_save_leaves_no_history(run, isolated_env: Path) -> None:
    assert run("quiz", "--seed", "5", "--answers", answers_for(5), "--no-save").exit_code == 0
    assert not history_file(isolated_env).exists()


def test_theme_filter_and_unknown_theme(run) -> None:
    data = json.loads(
        run(
            "quiz",
            "--seed",
            "2",
            "--theme",
            "eigen-rol",
            "--count",
            "3",
            "--answers",
            answers_for(2, 3, theme="eigen-rol"),
            "--json",
        ).stdout
    )
    assert {q["theme"] for q in data["questions"]} == {"eigen-rol"}
    result = run("quiz", "--theme", "eigen-rool")
    assert result.exit_code == 2
    assert "eigen-rol" in result.stderr


def test_count_must_be_positive(run) -> None:
    assert run("quiz", "--count", "0").exit_code == 2


def test_retry_missed_asks_the_missed_questions_again(run) -> None:
    first = json.loads(run("quiz", "--seed", "5", "--answers", answers_for(5, best=False), "--json").stdout)
    missed = set(first["missed"])
    assert missed
    retry = run("quiz", "--retry-missed", "--answers", ",".join("1" * len(missed)), "--json")
    assert retry.exit_code == 0, retry.stderr
    assert {q["id"] for q in json.loads(retry.stdout)["questions"]} == missed


def test_retry_missed_without_history_says_so(run) -> None:
    result = run("quiz", "--retry-missed")
    assert result.exit_code == 0
    assert "infoblad quiz" in result.stdout


def test_english_quiz(run) -> None:
    result = run("quiz", "--seed", "5", "--answers", answers_for(5), "--lang", "en", "--no-save")
    assert result.exit_code == 0
    assert "Question 1 of 8" in result.stdout and "Your result" in result.stdout


def test_history_empty_list_and_trend(run) -> None:
    assert "infoblad quiz" in run("history").stdout
    for seed in (5, 6):
        assert run("quiz", "--seed", str(seed), "--answers", answers_for(seed)).exit_code == 0
    result = run("history")
    assert result.exit_code == 0
    assert "Verloop per thema" in result.stdout
    data = run.json("history")
    assert [a["seed"] for a in data["attempts"]] == [6, 5]  # newest first
    assert all(len(values) >= 1 for values in data["trend"].values())


def test_history_clear_asks_first_and_needs_yes_without_a_terminal(run) -> None:
    run("quiz", "--seed", "5", "--answers", answers_for(5))
    refused = run("history", "--clear")
    assert refused.exit_code == 2 and "--yes" in refused.stderr
    assert len(run.json("history")["attempts"]) == 1
    done = run("history", "--clear", "--yes")
    assert done.exit_code == 0
    assert run.json("history")["attempts"] == []


def test_corrupt_history_is_reported_and_never_overwritten(run, isolated_env: Path) -> None:
    isolated_env.mkdir(parents=True, exist_ok=True)
    damaged = history_file(isolated_env)
    damaged.write_bytes(b"this is not a database" * 100)
    before = damaged.read_bytes()
    listing = run("history")
    assert listing.exit_code == 1
    assert str(damaged) in listing.stderr
    saving = run("quiz", "--seed", "5", "--answers", answers_for(5))
    assert saving.exit_code == 1
    assert str(damaged) in saving.stderr
    assert damaged.read_bytes() == before
    assert "Traceback" not in listing.stderr + saving.stderr
    removed = run("history", "--clear", "--yes")
    assert removed.exit_code == 0
    assert not damaged.exists()


def test_answers_may_be_separated_by_spaces_and_end_with_a_comma(run) -> None:
    spaced = answers_for(5).replace(",", " ") + ","
    data = json.loads(run("quiz", "--seed", "5", "--answers", spaced, "--json", "--no-save").stdout)
    assert data["score"] == data["max_score"]


def test_a_bom_before_the_first_answer_on_stdin_is_ignored(run) -> None:
    lines = "\ufeff" + "\r\n".join(answers_for(5).split(",")) + "\r\n"
    result = run("quiz", "--seed", "5", "--json", "--no-save", input=lines)
    assert result.exit_code == 0, result.stderr
    assert result.stderr == ""


def test_seed_out_of_range_is_a_usage_error(run) -> None:
    assert run("quiz", "--seed", "99999999999999999999999999", "--answers", "1").exit_code == 2
    assert run("quiz", "--seed", "-1", "--answers", "1").exit_code == 2


def test_a_damaged_history_is_reported_before_the_first_question(run, isolated_env: Path) -> None:
    isolated_env.mkdir(parents=True, exist_ok=True)
    history_file(isolated_env).write_bytes(b"not a database")
    result = run("quiz", "--seed", "5", input="1\n")
    assert result.exit_code == 1
    assert "Vraag 1" not in result.stdout  # nobody answers eight questions for nothing
    assert "--no-save" in run("quiz", "--help").stdout
    assert run("quiz", "--seed", "5", "--answers", answers_for(5), "--no-save").exit_code == 0


def test_a_damaged_newest_result_is_reported_before_the_first_question(run, isolated_env: Path) -> None:
    import sqlite3

    assert run("quiz", "--seed", "5", "--answers", answers_for(5)).exit_code == 0
    with sqlite3.connect(history_file(isolated_env)) as db:  # the file is sound, its newest row is not
        db.execute("UPDATE attempts SET detail = 'x'")
    db.close()
    result = run("quiz", "--seed", "5", input="1\n")
    assert result.exit_code == 1, result.stdout
    assert "Vraag 1" not in result.stdout and "beschadigd" in result.stderr


def test_a_result_that_cannot_be_saved_is_still_shown(run, monkeypatch) -> None:
    from infoblad_cli import history
    from infoblad_cli.errors import DataError

    def fail(self, attempt):  # type: ignore[no-untyped-def]
        raise DataError("The quiz history cannot be written (disk full).")

    monkeypatch.setattr(history.History, "save", fail)
    result = run("quiz", "--seed", "5", "--answers", answers_for(5))
    assert result.exit_code == 1
    assert "Je resultaat" in result.stdout
    assert "disk full" in result.stderr
    data = run("quiz", "--seed", "5", "--answers", answers_for(5), "--json")
    assert data.exit_code == 1 and json.loads(data.stdout)["saved"] is False


def test_retry_missed_with_a_theme_without_misses_says_so(run) -> None:
    bundle = content.load_bundle("nl")
    chosen = quiz.select(bundle, 8, 5)
    picks = answers_for(5).split(",")
    miss = next(i for i, a in enumerate(chosen.asked) if a.order)  # miss one situation or voice
    picks[miss] = "1" if picks[miss] != "1" else "2"
    run("quiz", "--seed", "5", "--answers", ",".join(picks))
    missed_theme = chosen.asked[miss].question.theme
    other = next(t.id for t in bundle.quiz_themes if t.id != missed_theme)
    result = run("quiz", "--retry-missed", "--theme", other)
    assert result.exit_code == 0
    assert "Onbekend thema" not in result.stdout + result.stderr
    assert other in result.stdout


def test_the_again_command_names_the_content_packs(run) -> None:
    pack = Path(__file__).resolve().parent.parent / "examples" / "voorbeeldpack"
    given = answers_for(5, 2, theme="verhalen-herkennen")  # a theme the pack adds nothing to
    result = run(
        "quiz",
        "--seed",
        "5",
        "--count",
        "2",
        "--theme",
        "verhalen-herkennen",
        "--answers",
        given,
        "--no-save",
        "--content-dir",
        str(pack),
        "--json",
    )
    assert f"--content-dir {pack}" in json.loads(result.stdout)["again"]


def test_history_in_plain_dutch_says_the_trend_in_words(run) -> None:
    for seed in (5, 6):
        run("quiz", "--seed", str(seed), "--answers", answers_for(seed, best=seed == 6))
    out = run("history", "--plain").stdout
    assert "omhoog" in out or "gelijk" in out
    assert " up" not in out and " same" not in out
