# SPDX-FileCopyrightText: 2026 The infoblad team
# SPDX-License-Identifier: EUPL-1.2
"""The quiz engine: pure and seeded. No printing, no reading, no clock.

Selection, option order, scoring and the result are all decided here. The
questions are asked through a function the caller gives (``ask``), and feedback
goes out through another (``tell``), so the same engine runs under a test, a
pipe or a terminal.
"""

from __future__ import annotations

import random
from collections import Counter
from collections.abc import Callable, Sequence
from typing import Any, NamedTuple

from . import models as m

DEFAULT_COUNT = 8
RATING_SCALE = 5
LOW_RATING = 2  # a self-rating at or below this gets a suggestion
BEST = 2  # the weight of the best option; also the points of a right answer
LETTERS = "abcdefghij"
# The mix a quiz aims for: mostly situations, some voices, some questions about yourself.
KIND_SHARE = {"scenario": 0.5, "recognise": 0.25, "self-rating": 0.25}


class Asked(NamedTuple):
    """A question as it is asked: with its options in the shuffled order."""

    question: m.Question
    order: tuple[int, ...]  # shown position -> index in the question's options; () for self-ratings

    @property
    def choices(self) -> int:
        return len(self.order) if self.order else RATING_SCALE


class Quiz(NamedTuple):
    lang: str
    seed: int
    theme: str | None
    asked: tuple[Asked, ...]
    # "full" (all themes), "theme" (--theme) or "retry" (--retry-missed): only full quizzes make
    # the trend, since a retry or a single theme says little about how you do overall.
    mode: str = "full"


class Outcome(NamedTuple):
    """What one answer earned, and what to say about it."""

    asked: Asked
    answer: int  # the shown number (1-based) or the rating
    points: int
    max_points: int
    correct: bool | None  # None for self-ratings: there is no right answer
    feedback: str
    best_text: str  # the better answer, when this was not it
    best_feedback: str
    link: tuple[str, str]  # (kind, id) to read more


class ThemeScore(NamedTuple):
    theme: str
    title: str
    score: int
    max_score: int
    questions: int = 0  # how many questions the score rests on

    @property
    def percent(self) -> int:
        return round(100 * self.score / self.max_score) if self.max_score else 0


class Result(NamedTuple):
    quiz: Quiz
    outcomes: tuple[Outcome, ...]
    score: int
    max_score: int
    themes: tuple[ThemeScore, ...]
    missed: tuple[Outcome, ...]
    low_ratings: tuple[Outcome, ...]
    read_next: tuple[tuple[str, str], ...]  # (kind, id), two or three of them


class AnswerError(ValueError):
    """An answer that is not one of the choices; the message is a hint for the user."""

    def __init__(self, text: str, low: int, high: int, letters: bool) -> None:
        self.text = text
        self.low = low
        self.high = high
        self.letters = letters
        super().__init__(text)


class QuizIncomplete(Exception):
    """The answers ran out before the last question."""

    def __init__(self, answered: int, needed: int) -> None:
        super().__init__(f"{answered} of {needed}")
        self.answered = answered
        self.needed = needed


class NoQuestions(ValueError):
    """Nothing to ask: an unknown theme, or no questions at all."""


# ---------------------------------------------------------------- selection


def select(
    bundle: m.Bundle,
    count: int = DEFAULT_COUNT,
    seed: int = 0,
    theme: str | None = None,
    only: Sequence[str] | None = None,
) -> Quiz:
    """Pick ``count`` questions: spread over the themes, a mix of kinds, shuffled options.

    The same bundle, count, seed, theme and ``only`` always give the same quiz.
    ``only`` limits the choice to these question IDs (to retake missed questions).
    """
    rng = random.Random(seed)
    pool = [q for q in bundle.questions if theme is None or q.theme == theme]
    if only is not None:
        wanted = set(only)
        pool = [q for q in pool if q.id in wanted]
    if not pool:
        raise NoQuestions(theme or "")
    by_theme: dict[str, list[m.Question]] = {}
    for question in pool:
        by_theme.setdefault(question.theme, []).append(question)
    for questions in by_theme.values():
        rng.shuffle(questions)
    themes = sorted(by_theme)
    rng.shuffle(themes)
    kinds: Counter[str] = Counter()
    chosen: list[m.Question] = []
    while len(chosen) < min(count, len(pool)):
        for name in themes:
            if len(chosen) >= count or not by_theme[name]:
                continue
            # Of this theme's questions, take one of the kind furthest below its share.
            candidates = by_theme[name]
            pick = min(
                range(len(candidates)),
                key=lambda i: ((kinds[candidates[i].kind] + 1) / KIND_SHARE[candidates[i].kind], i),
            )
            question = candidates.pop(pick)
            kinds[question.kind] += 1
            chosen.append(question)
    # Start with a situation or a voice rather than a question about yourself.
    first = next((i for i, q in enumerate(chosen) if not isinstance(q, m.SelfRating)), 0)
    chosen = chosen[first:] + chosen[:first]
    asked = []
    for question in chosen:
        order: tuple[int, ...] = ()
        if not isinstance(question, m.SelfRating):
            positions = list(range(len(question.options)))
            rng.shuffle(positions)
            order = tuple(positions)
        asked.append(Asked(question, order))
    mode = "retry" if only is not None else "theme" if theme is not None else "full"
    return Quiz(bundle.lang, seed, theme, tuple(asked), mode)


# ---------------------------------------------------------------- answers


def parse_answer(asked: Asked, text: str) -> int:
    """The shown number chosen (or the rating), from '2', 'b', ' B ' or '2.'; else AnswerError."""
    cleaned = text.replace("\ufeff", "").strip().lower().rstrip(".)")  # a BOM from Notepad
    letters = bool(asked.order)
    high = asked.choices
    # ASCII digits only, and few: '²', '①' or '٣' pass isdigit() but are no answer, and int()
    # of thousands of digits raises ValueError.
    if cleaned.isascii() and cleaned.isdecimal() and len(cleaned) <= 3 and 1 <= int(cleaned) <= high:
        return int(cleaned)
    if letters and len(cleaned) == 1 and cleaned in LETTERS[:high]:
        return LETTERS.index(cleaned) + 1
    raise AnswerError(text, 1, high, letters)


def judge(asked: Asked, answer: int, bundle: m.Bundle) -> Outcome:
    """Score one answer and find what to say about it."""
    question = asked.question
    if isinstance(question, m.SelfRating):
        low = answer <= LOW_RATING
        return Outcome(
            asked=asked,
            answer=answer,
            points=0,
            max_points=0,
            correct=None,  # a self-rating has no right answer
            feedback=question.suggestion if low else "",
            best_text="",
            best_feedback="",
            link=_link_of(question),
        )
    chosen = asked.order[answer - 1]
    if isinstance(question, m.Scenario):
        option = question.options[chosen]
        best = next(o for o in question.options if o.weight == BEST)
        right = option.weight == BEST
        return Outcome(
            asked=asked,
            answer=answer,
            points=option.weight,
            max_points=BEST,
            correct=right,
            feedback=option.feedback,
            best_text="" if right else best.text,
            best_feedback="" if right else best.feedback,
            link=_link_of(best if not right else option),
        )
    narrative_id = question.options[chosen]
    right = narrative_id == question.answer
    return Outcome(
        asked=asked,
        answer=answer,
        points=BEST if right else 0,
        max_points=BEST,
        correct=right,
        feedback=question.explanation,
        best_text="" if right else _narrative_title(bundle, question.answer),
        best_feedback="",
        link=("narratives", question.answer),
    )


def _link_of(item: m.Option | m.SelfRating) -> tuple[str, str]:
    if item.lesson:
        return ("lessons", item.lesson)
    if item.narrative:
        return ("narratives", item.narrative)
    return ("personal", item.personal)


def _narrative_title(bundle: m.Bundle, narrative_id: str) -> str:
    return next((n.title for n in bundle.narratives if n.id == narrative_id), narrative_id)


def option_texts(asked: Asked, bundle: m.Bundle) -> list[str]:
    """The options in the order they are shown."""
    question = asked.question
    if isinstance(question, m.Scenario):
        return [question.options[i].text for i in asked.order]
    if isinstance(question, m.Recognise):
        return [_narrative_title(bundle, question.options[i]) for i in asked.order]
    return []


# ---------------------------------------------------------------- running


Ask = Callable[[Asked, int, "AnswerError | None"], str]
Tell = Callable[[Outcome], None]


def run(quiz: Quiz, bundle: m.Bundle, ask: Ask, tell: Tell | None = None) -> Result:
    """Ask every question through ``ask`` until each has a valid answer; return the result.

    ``ask(asked, number, hint)`` returns the user's text; ``hint`` is the previous
    invalid answer's error, so the asker can explain. If ``ask`` raises EOFError,
    QuizIncomplete says how many answers were read. KeyboardInterrupt passes through.
    """
    outcomes: list[Outcome] = []
    for number, asked in enumerate(quiz.asked, 1):
        hint: AnswerError | None = None
        while True:
            try:
                text = ask(asked, number, hint)
            except EOFError:
                raise QuizIncomplete(len(outcomes), len(quiz.asked)) from None
            try:
                answer = parse_answer(asked, text)
            except AnswerError as error:
                hint = error
                continue
            break
        outcome = judge(asked, answer, bundle)
        outcomes.append(outcome)
        if tell is not None:
            tell(outcome)
    return result(quiz, bundle, outcomes)


def result(quiz: Quiz, bundle: m.Bundle, outcomes: Sequence[Outcome]) -> Result:
    """Totals, a score per theme, what was missed and what to read next."""
    titles = {t.id: t.title for t in bundle.quiz_themes}
    per_theme: dict[str, list[int]] = {}
    for outcome in outcomes:
        if outcome.correct is None:
            continue
        totals = per_theme.setdefault(outcome.asked.question.theme, [0, 0, 0])
        totals[0] += outcome.points
        totals[1] += outcome.max_points
        totals[2] += 1
    themes = tuple(
        ThemeScore(theme, titles.get(theme, theme), score, most, count)
        for theme, (score, most, count) in sorted(
            per_theme.items(), key=lambda kv: list(titles).index(kv[0]) if kv[0] in titles else len(titles)
        )
    )
    missed = tuple(o for o in outcomes if o.correct is False)
    low = tuple(o for o in outcomes if o.correct is None and o.answer <= LOW_RATING)
    return Result(
        quiz=quiz,
        outcomes=tuple(outcomes),
        score=sum(o.points for o in outcomes),
        max_score=sum(o.max_points for o in outcomes),
        themes=themes,
        missed=missed,
        low_ratings=low,
        read_next=_read_next(bundle, missed, low, outcomes),
    )


def _read_next(
    bundle: m.Bundle, missed: Sequence[Outcome], low: Sequence[Outcome], outcomes: Sequence[Outcome]
) -> tuple[tuple[str, str], ...]:
    """Two or three things to read: most often linked from what went less well."""
    counts: Counter[tuple[str, str]] = Counter()
    for outcome in (*missed, *low):
        counts[outcome.link] += 1
    ranked = [link for link, _ in counts.most_common()]
    if len(ranked) < 2:
        # Everything went well: suggest what the answered questions point to.
        for outcome in outcomes:
            if outcome.link not in ranked:
                ranked.append(outcome.link)
    return tuple(ranked[:3])


def attempt(result: Result, taken_at: str) -> dict[str, Any]:
    """The result as the history stores it: dates, language, questions, answers, scores."""
    return {
        "taken_at": taken_at,
        "lang": result.quiz.lang,
        "seed": result.quiz.seed,
        "theme": result.quiz.theme,
        "mode": result.quiz.mode,
        "score": result.score,
        "max_score": result.max_score,
        "themes": {t.theme: {"score": t.score, "max": t.max_score} for t in result.themes},
        "answers": [
            {
                "question": o.asked.question.id,
                "kind": o.asked.question.kind,
                "answer": str(o.answer),
                # The option's index in the content (not the shuffled order): what a result file needs.
                "choice": o.asked.order[o.answer - 1] if o.asked.order else None,
                "points": o.points,
                "max": o.max_points,
                "correct": o.correct,
            }
            for o in result.outcomes
        ],
        "missed": [o.asked.question.id for o in result.missed],
        "ratings": {o.asked.question.id: o.answer for o in result.outcomes if o.correct is None},
    }


def to_data(result: Result, bundle: m.Bundle) -> dict[str, Any]:
    """The whole result for ``--json``: the attempt plus the texts a script may want."""
    data = attempt(result, taken_at="")
    data.pop("taken_at")
    data["themes"] = [
        {
            "theme": t.theme,
            "title": t.title,
            "score": t.score,
            "max": t.max_score,
            "percent": t.percent,
            "questions": t.questions,
        }
        for t in result.themes
    ]
    data["questions"] = [
        {
            "id": o.asked.question.id,
            "kind": o.asked.question.kind,
            "theme": o.asked.question.theme,
            "options": option_texts(o.asked, bundle),
            "answer": o.answer,
            "points": o.points,
            "max": o.max_points,
            "correct": o.correct,
            "feedback": o.feedback,
            "better_answer": o.best_text,
            "read_more": f"infoblad {o.link[0]} {o.link[1]}",
        }
        for o in result.outcomes
    ]
    data["read_next"] = [f"infoblad {kind} {ident}" for kind, ident in result.read_next]
    return data
