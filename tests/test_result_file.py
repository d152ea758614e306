# SPDX-FileCopyrightText: 2026 The infoblad team
# SPDX-License-Identifier: EUPL-1.2
"""The anonymous result file: written by quiz and history, read back strictly but forgivingly."""

from __future__ import annotations

import getpass
import json
import socket
from pathlib import Path

import pytest

from infoblad_cli import content, quiz, result_file
from infoblad_cli import models as m
from infoblad_cli.history import History

SPEC_KEYS = {"format", "version", "date", "lang", "made_by", "quiz", "questions", "themes", "score"}
QUESTION_KEYS = {"id", "theme", "kind", "choice", "rating", "points", "max_points"}


def scripted(seed: int, picks: list[int], count: int = 8) -> tuple[str, quiz.Quiz]:
    """Answers for a seeded quiz: ``picks[i]`` is the shown number (ratings as they are)."""
    bundle = content.load_bundle("nl")
    chosen = quiz.select(bundle, count, seed)
    given = [str(min(p, a.choices)) for p, a in zip(picks, chosen.asked, strict=True)]
    return ",".join(given), chosen


def test_quiz_writes_a_result_file_in_content_order(run, tmp_path: Path) -> None:
    answers, chosen = scripted(12, [3, 1, 2, 4, 2, 1, 3, 2])
    target = tmp_path / "r.json"
    result = run("quiz", "--seed", "12", "--answers", answers, "--result-file", str(target))
    assert result.exit_code == 0, result.stderr
    assert str(target) in result.stderr
    data = json.loads(target.read_text(encoding="utf-8"))
    assert set(data) == SPEC_KEYS
    assert data["format"] == "infoblad-result" and data["version"] == 1
    assert data["made_by"] == "cli" and data["lang"] == "nl"
    assert data["quiz"] == {"seed": 12, "count": 8, "theme": None, "mode": "full"}
    assert len(data["date"]) == 10 and data["date"][4] == "-"  # a date, no time
    shown = [int(a) for a in answers.split(",")]
    for entry, asked, number in zip(data["questions"], chosen.asked, shown, strict=True):
        assert set(entry) == QUESTION_KEYS
        assert entry["id"] == asked.question.id and entry["kind"] == asked.question.kind
        if isinstance(asked.question, m.SelfRating):
            assert entry["choice"] is None and entry["rating"] == number
            assert entry["points"] == entry["max_points"] == 0
        else:
            assert entry["rating"] is None
            assert entry["choice"] == asked.order[number - 1]
            if isinstance(asked.question, m.Scenario):
                assert entry["points"] == asked.question.options[entry["choice"]].weight
    assert data["score"]["points"] == sum(q["points"] for q in data["questions"])
    assert data["score"]["max_points"] == sum(q["max_points"] for q in data["questions"])
    for theme, totals in data["themes"].items():
        scored = [q for q in data["questions"] if q["theme"] == theme and q["kind"] != "self-rating"]
        assert totals == {
            "points": sum(q["points"] for q in scored),
            "max_points": sum(q["max_points"] for q in scored),
            "questions": len(scored),
        }


def test_result_file_holds_no_name_machine_or_time(run, tmp_path: Path) -> None:
    answers, _ = scripted(3, [1] * 8)
    target = tmp_path / "r.json"
    assert run("quiz", "--seed", "3", "--answers", answers, "--result-file", str(target)).exit_code == 0
    text = target.read_text(encoding="utf-8")
    for secret in {getpass.getuser(), socket.gethostname(), str(tmp_path)}:
        assert secret.lower() not in text.lower()
    assert "T" not in json.loads(text)["date"] and ":" not in json.loads(text)["date"]


def test_quiz_refuses_an_existing_result_file_before_the_first_question(
    run, tmp_path: Path, isolated_env
) -> None:
    target = tmp_path / "r.json"
    target.write_text("keep me", encoding="utf-8")
    answers, _ = scripted(12, [1] * 8)
    result = run("quiz", "--seed", "12", "--answers", answers, "--result-file", str(target))
    assert result.exit_code == 2
    assert "bestaat al" in result.stderr and "--force" in result.stderr
    assert "Vraag 1" not in result.stdout  # refused before asking anything
    assert target.read_text(encoding="utf-8") == "keep me"
    assert not (isolated_env / "history.sqlite3").exists()
    result = run("quiz", "--seed", "12", "--answers", answers, "--result-file", str(target), "--force")
    assert result.exit_code == 0
    assert json.loads(target.read_text(encoding="utf-8"))["format"] == "infoblad-result"


def test_quiz_result_file_in_a_missing_folder_is_a_usage_error(run, tmp_path: Path) -> None:
    answers, _ = scripted(12, [1] * 8)
    target = tmp_path / "nope" / "r.json"
    result = run("quiz", "--seed", "12", "--answers", answers, "--result-file", str(target), "--lang", "en")
    assert result.exit_code == 2
    assert "does not exist" in " ".join(result.stderr.split())


def test_json_output_stays_pure_with_a_result_file(run, tmp_path: Path) -> None:
    answers, _ = scripted(12, [2] * 8)
    target = tmp_path / "r.json"
    result = run("quiz", "--seed", "12", "--answers", answers, "--result-file", str(target), "--json")
    assert result.exit_code == 0
    json.loads(result.stdout)
    assert target.exists()


def test_theme_and_retry_runs_say_their_mode(run, tmp_path: Path) -> None:
    bundle = content.load_bundle("nl")
    chosen = quiz.select(bundle, 2, 1, "eigen-rol")
    target = tmp_path / "t.json"
    answers = ",".join("1" for _ in chosen.asked)
    result = run(
        "quiz", "--seed", "1", "--count", "2", "--theme", "eigen-rol", "--answers", answers,
        "--result-file", str(target),
    )  # fmt: skip
    assert result.exit_code == 0, result.stderr
    data = json.loads(target.read_text(encoding="utf-8"))
    assert data["quiz"] == {"seed": 1, "count": 2, "theme": "eigen-rol", "mode": "theme"}


def test_history_export_matches_the_quiz_result_file(run, tmp_path: Path) -> None:
    answers, _ = scripted(7, [2, 3, 1, 4, 5, 1, 2, 3])
    direct = tmp_path / "direct.json"
    assert run("quiz", "--seed", "7", "--answers", answers, "--result-file", str(direct)).exit_code == 0
    exported = run("history", "--export")
    assert exported.exit_code == 0, exported.stderr
    assert json.loads(exported.stdout) == json.loads(direct.read_text(encoding="utf-8"))
    target = tmp_path / "h.json"
    assert run("history", "--export", "-o", str(target)).exit_code == 0
    assert target.read_bytes() == direct.read_bytes()
    again = run("history", "--export", "-o", str(target))
    assert again.exit_code == 2 and "--force" in again.stderr


def test_history_export_of_an_older_attempt_works_out_the_option_order(run, isolated_env: Path) -> None:
    """Attempts saved before result files existed have no 'choice': the seed gives it back."""
    bundle = content.load_bundle("nl")
    chosen = quiz.select(bundle, 8, 5)
    picks = iter(["2", "1", "3", "2", "4", "1", "2", "1"])
    done = quiz.run(chosen, bundle, lambda asked, n, hint: str(min(int(next(picks)), asked.choices)))
    attempt = quiz.attempt(done, "2026-01-05T22:30:00+00:00")
    for answer in attempt["answers"]:
        del answer["choice"]
    History(isolated_env / "history.sqlite3").save(attempt)  # type: ignore[arg-type]
    result = run("history", "--export")
    assert result.exit_code == 0, result.stderr
    data = json.loads(result.stdout)
    expected = result_file.from_result(done, data["date"], "full")
    assert data == expected
    assert data["date"] in ("2026-01-05", "2026-01-06")  # the local date of that moment


def test_history_export_without_results_says_what_to_do(run) -> None:
    result = run("history", "--export")
    assert result.exit_code == 1
    assert "infoblad quiz" in result.stderr


def test_output_without_export_is_a_usage_error(run, tmp_path: Path) -> None:
    assert run("history", "-o", str(tmp_path / "x.json")).exit_code == 2


# ---------------------------------------------------------------- reading


def good() -> dict[str, object]:
    return {
        "format": "infoblad-result",
        "version": 1,
        "date": "2026-11-30",
        "lang": "nl",
        "made_by": "page",
        "quiz": {"seed": 12, "count": 2, "theme": None, "mode": "full"},
        "questions": [
            {
                "id": "a",
                "theme": "t",
                "kind": "scenario",
                "choice": 2,
                "rating": None,
                "points": 1,
                "max_points": 2,
            },
            {
                "id": "b",
                "theme": "t",
                "kind": "self-rating",
                "choice": None,
                "rating": 4,
                "points": 0,
                "max_points": 0,
            },
        ],
        "themes": {"t": {"points": 1, "max_points": 2, "questions": 1}},
        "score": {"points": 1, "max_points": 2},
    }


def write(tmp_path: Path, data: object, name: str = "r.json", bom: bool = False) -> Path:
    path = tmp_path / name
    text = json.dumps(data)
    path.write_bytes((b"\xef\xbb\xbf" if bom else b"") + text.encode("utf-8"))
    return path


def test_read_a_good_file_with_unknown_keys_and_a_bom(tmp_path: Path) -> None:
    data = good()
    data["future_key"] = {"anything": [1, 2]}
    data["questions"][0]["time_taken"] = 12  # type: ignore[index]
    read = result_file.read(write(tmp_path, data, bom=True))
    assert read.made_by == "page" and read.quiz.seed == 12
    assert read.answers[0] == result_file.Answer("a", "t", "scenario", 2, None, 1, 2)
    assert read.answers[1].rating == 4


@pytest.mark.parametrize(
    ("change", "key"),
    [
        (lambda d: d.update(format="something-else"), "result.error.foreign"),
        (lambda d: d.update(version=2), "result.error.newer"),
        (lambda d: d.update(version="1"), "result.error.damaged"),
        (lambda d: d.update(date="2026-11-30T10:12:00"), "result.error.damaged"),
        (lambda d: d.update(questions="none"), "result.error.damaged"),
        (lambda d: d["questions"][0].update(choice=-1), "result.error.damaged"),
        (lambda d: d["questions"][0].update(choice=True), "result.error.damaged"),
        (lambda d: d["questions"][1].update(rating=6), "result.error.damaged"),
        (lambda d: d["questions"][1].update(choice=1), "result.error.damaged"),
        (lambda d: d["questions"][0].update(kind="essay"), "result.error.damaged"),
        (lambda d: d["questions"].append(dict(d["questions"][0])), "result.error.damaged"),
    ],
)
def test_read_refuses_what_is_not_the_format(tmp_path: Path, change, key: str) -> None:  # type: ignore[no-untyped-def]
    data = good()
    change(data)
    path = write(tmp_path, data)
    with pytest.raises(result_file.ResultFileError) as caught:
        result_file.read(path)
    assert caught.value.key == key
    assert caught.value.file == str(path)


def test_read_refuses_non_json_and_a_list(tmp_path: Path) -> None:
    path = tmp_path / "x.json"
    path.write_bytes(b"\x00\xff not json")
    with pytest.raises(result_file.ResultFileError) as caught:
        result_file.read(path)
    assert caught.value.key == "result.error.not_json"
    with pytest.raises(result_file.ResultFileError) as caught:
        result_file.read(write(tmp_path, [good()], "list.json"))
    assert caught.value.key == "result.error.foreign"


def test_build_refuses_a_time_of_day() -> None:
    with pytest.raises(ValueError):
        result_file.build(
            date="2026-11-30T10:00", lang="nl", made_by="cli", seed=1, theme=None, mode="full", answers=[]
        )


def test_every_error_key_exists_in_both_languages() -> None:
    from infoblad_cli.strings import EN, NL

    for key in ("unreadable", "too_big", "not_json", "foreign", "damaged", "newer"):
        assert f"result.error.{key}" in NL and f"result.error.{key}" in EN


def test_the_documented_example_is_a_valid_result_file() -> None:
    doc = (Path(__file__).resolve().parent.parent / "docs" / "result-file.md").read_text(encoding="utf-8")
    example = doc.split("```json", 1)[1].split("```", 1)[0]
    read = result_file.parse(example.encode("utf-8"), "docs/result-file.md")
    assert read.version == result_file.VERSION
    bundle = content.load_bundle("nl")
    ids = {q.id: q for q in bundle.questions}
    for answer in read.answers:  # the example names real questions, of the right kind and theme
        assert ids[answer.id].kind == answer.kind and ids[answer.id].theme == answer.theme
