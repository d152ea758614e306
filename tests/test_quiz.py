# SPDX-FileCopyrightText: 2026 The infoblad team
# SPDX-License-Identifier: EUPL-1.2
"""The quiz engine: seeded selection, answer parsing, scoring, the result. No I/O."""

from __future__ import annotations

from collections import Counter

import pytest

from infoblad_cli import content, quiz
from infoblad_cli import models as m


@pytest.fixture(scope="module")
def bundle() -> m.Bundle:
    return content.load_bundle("nl")


def shape(q: quiz.Quiz) -> list[tuple[str, tuple[int, ...]]]:
    return [(a.question.id, a.order) for a in q.asked]


def test_same_seed_same_quiz_other_seed_other_quiz(bundle: m.Bundle) -> None:
    assert shape(quiz.select(bundle, 8, seed=42)) == shape(quiz.select(bundle, 8, seed=42))
    others = {tuple(shape(quiz.select(bundle, 8, seed=s))) for s in range(1, 6)}
    assert len(others) == 5


def test_selection_spreads_themes_and_mixes_kinds(bundle: m.Bundle) -> None:
    for seed in range(20):
        asked = quiz.select(bundle, 8, seed=seed).asked
        assert len(asked) == 8
        assert len({a.question.id for a in asked}) == 8
        themes = Counter(a.question.theme for a in asked)
        assert len(themes) == 4 and max(themes.values()) == 2
        kinds = Counter(a.question.kind for a in asked)
        assert kinds["scenario"] >= 3 and kinds["recognise"] >= 1 and kinds["self-rating"] >= 1
        assert not isinstance(asked[0].question, m.SelfRating)


def test_option_order_is_shuffled_but_complete(bundle: m.Bundle) -> None:
    orders = set()
    for seed in range(10):
        for asked in quiz.select(bundle, 8, seed=seed).asked:
            if asked.order:
                assert sorted(asked.order) == list(range(len(asked.question.options)))  # type: ignore[union-attr]
                orders.add(asked.order)
    assert len(orders) > 3


def test_theme_filter_and_unknown_theme(bundle: m.Bundle) -> None:
    asked = quiz.select(bundle, 5, seed=1, theme="eigen-rol").asked
    assert {a.question.theme for a in asked} == {"eigen-rol"}
    with pytest.raises(quiz.NoQuestions):
        quiz.select(bundle, 5, seed=1, theme="bestaat-niet")


def test_count_larger_than_the_bank_takes_all(bundle: m.Bundle) -> None:
    assert len(quiz.select(bundle, 500, seed=1).asked) == len(bundle.questions)


def test_only_limits_to_given_ids(bundle: m.Bundle) -> None:
    ids = [q.id for q in bundle.questions[:3]]
    assert {a.question.id for a in quiz.select(bundle, 8, seed=1, only=ids).asked} == set(ids)


@pytest.mark.parametrize("text,expected", [("2", 2), (" 2 ", 2), ("b", 2), ("B", 2), ("2.", 2), ("1", 1)])
def test_answers_by_number_or_letter(bundle: m.Bundle, text: str, expected: int) -> None:
    scenario = next(a for a in quiz.select(bundle, 28, seed=1).asked if a.order)
    assert quiz.parse_answer(scenario, text) == expected


@pytest.mark.parametrize("text", ["", "x", "9", "0", "-1", "z", "1,2", "ab"])
def test_bad_answers_are_refused_with_the_range(bundle: m.Bundle, text: str) -> None:
    scenario = next(a for a in quiz.select(bundle, 28, seed=1).asked if a.order)
    with pytest.raises(quiz.AnswerError) as info:
        quiz.parse_answer(scenario, text)
    assert info.value.high == len(scenario.order)


def test_ratings_take_1_to_5_not_letters(bundle: m.Bundle) -> None:
    rating = next(a for a in quiz.select(bundle, 28, seed=1).asked if not a.order)
    assert quiz.parse_answer(rating, "5") == 5
    for bad in ("6", "a", "0"):
        with pytest.raises(quiz.AnswerError):
            quiz.parse_answer(rating, bad)


def best_answer(asked: quiz.Asked) -> str:
    q = asked.question
    if isinstance(q, m.Scenario):
        return str(next(pos + 1 for pos, i in enumerate(asked.order) if q.options[i].weight == 2))
    if isinstance(q, m.Recognise):
        return str(next(pos + 1 for pos, i in enumerate(asked.order) if q.options[i] == q.answer))
    return "5"


def worst_answer(asked: quiz.Asked) -> str:
    q = asked.question
    if isinstance(q, m.Scenario):
        return str(min(range(len(asked.order)), key=lambda p: q.options[asked.order[p]].weight) + 1)
    if isinstance(q, m.Recognise):
        return str(next(pos + 1 for pos, i in enumerate(asked.order) if q.options[i] != q.answer))
    return "1"


def run_with(bundle: m.Bundle, q: quiz.Quiz, pick) -> quiz.Result:  # type: ignore[no-untyped-def]
    return quiz.run(q, bundle, lambda asked, number, hint: pick(asked))


def test_all_best_answers_score_full_marks(bundle: m.Bundle) -> None:
    q = quiz.select(bundle, 8, seed=7)
    result = run_with(bundle, q, best_answer)
    assert result.score == result.max_score > 0
    assert result.missed == ()
    assert all(t.percent == 100 for t in result.themes)
    assert 1 <= len(result.read_next) <= 3


def test_worst_answers_are_missed_with_the_better_answer(bundle: m.Bundle) -> None:
    q = quiz.select(bundle, 8, seed=7)
    result = run_with(bundle, q, worst_answer)
    scored = [a for a in q.asked if a.order]
    assert len(result.missed) == len(scored)
    assert result.score < result.max_score
    for outcome in result.missed:
        assert outcome.best_text
    assert len(result.low_ratings) == sum(1 for a in q.asked if not a.order)
    assert 2 <= len(result.read_next) <= 3


def test_partial_credit_for_a_middle_option(bundle: m.Bundle) -> None:
    q = quiz.select(bundle, 28, seed=3)
    asked = next(
        a
        for a in q.asked
        if isinstance(a.question, m.Scenario) and any(o.weight == 1 for o in a.question.options)
    )
    middle = next(pos + 1 for pos, i in enumerate(asked.order) if asked.question.options[i].weight == 1)  # type: ignore[union-attr]
    outcome = quiz.judge(asked, middle, bundle)
    assert (outcome.points, outcome.max_points, outcome.correct) == (1, 2, False)


def test_invalid_answers_are_asked_again_with_a_hint(bundle: m.Bundle) -> None:
    q = quiz.select(bundle, 2, seed=1)
    replies = iter(["x", "", "99", "1", "1"])
    hints: list[object] = []

    def ask(asked: quiz.Asked, number: int, hint: quiz.AnswerError | None) -> str:
        hints.append(hint)
        return next(replies)

    result = quiz.run(q, bundle, ask)
    assert len(result.outcomes) == 2
    assert hints[0] is None and all(isinstance(h, quiz.AnswerError) for h in hints[1:4])
    assert hints[4] is None


def test_end_of_input_says_how_many_were_read(bundle: m.Bundle) -> None:
    q = quiz.select(bundle, 8, seed=1)
    replies = iter(["1", "1", "1"])

    def ask(asked: quiz.Asked, number: int, hint: object) -> str:
        try:
            return next(replies)
        except StopIteration:
            raise EOFError from None

    with pytest.raises(quiz.QuizIncomplete) as info:
        quiz.run(q, bundle, ask)
    assert (info.value.answered, info.value.needed) == (3, 8)


def test_attempt_holds_only_dates_language_questions_answers_scores(bundle: m.Bundle) -> None:
    q = quiz.select(bundle, 8, seed=7)
    attempt = quiz.attempt(run_with(bundle, q, best_answer), "2026-01-01T10:00:00+00:00")
    assert set(attempt) == {
        "taken_at",
        "lang",
        "seed",
        "theme",
        "mode",
        "score",
        "max_score",
        "themes",
        "answers",
        "missed",
        "ratings",
    }
    assert [a["question"] for a in attempt["answers"]] == [a.question.id for a in q.asked]
