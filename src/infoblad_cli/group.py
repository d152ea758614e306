# SPDX-FileCopyrightText: 2026 The infoblad team
# SPDX-License-Identifier: EUPL-1.2
"""A group's quiz results combined: the core of ``infoblad group``. Pure: no files, no printing.

The result files of a workshop go in (already read by ``result_file``), one summary comes
out: how many took part, the spread of the scores per theme, how many chose each option of
every question, the spread of the self-ratings, and the questions on which the group
disagreed most.

Files of different quizzes (other seeds, counts, themes, languages, the terminal or the
offline page) are combined per question: ``choice`` counts in the content's order, so
option 2 of a question is the same option for everybody.

**Disagreement** is the normalised Shannon entropy of a question's option counts::

    H = -sum(p_i * ln p_i) / ln k        (p_i: share of option i, k: number of options)

0 means everybody chose the same option, 1 means the answers were spread evenly over all
options. Only situations and voices (questions with options) are ranked, and only when at
least two people answered them; the spread of self-ratings is shown on its own.
"""

from __future__ import annotations

import math
import statistics
from collections import Counter
from collections.abc import Sequence
from typing import Any, NamedTuple

from . import models as m
from .result_file import RATING_SCALE, ResultFile

# Score bands for the small distribution: 0-19 %, 20-39 %, 40-59 %, 60-79 %, 80-100 %.
BANDS = ((0, 19), (20, 39), (40, 59), (60, 79), (80, 100))
TOP_DISAGREED = 3
MIN_ANSWERS_FOR_DISAGREEMENT = 2


class Spread(NamedTuple):
    """How values (percentages or ratings) are spread over the people who have one."""

    people: int
    low: float
    median: float
    high: float
    mean: float
    bands: tuple[int, ...]  # for scores: people per band of BANDS; for ratings: people per rating 1-5


class ThemeTally(NamedTuple):
    id: str
    title: str
    spread: Spread  # of each participant's percentage in this theme


class OptionTally(NamedTuple):
    position: int  # the index in the content's order
    text: str
    chosen: int  # how many people chose it
    best: bool  # the best response (a situation) or the right narrative (a voice)


class QuestionTally(NamedTuple):
    id: str
    theme: str
    kind: str
    setting: str  # where a situation takes place; "" for other kinds
    text: str  # the situation, the voice or the statement
    answered: int
    options: tuple[OptionTally, ...]  # () for a self-rating
    ratings: Spread | None  # a self-rating's spread; None for other kinds
    disagreement: float | None  # 0-1, None for self-ratings and questions fewer than two answered


class Note(NamedTuple):
    """Something in a file that could not be counted; the rest of the file still counts."""

    file: str
    key: str  # group.note.*
    question: str


class Group(NamedTuple):
    participants: int
    langs: tuple[tuple[str, int], ...]  # language -> files, most first
    dates: tuple[str, ...]  # the distinct dates, sorted
    seeds: tuple[int, ...]  # the distinct seeds, sorted
    score: Spread | None  # the overall percentage; None when nobody answered a scored question
    themes: tuple[ThemeTally, ...]
    questions: tuple[QuestionTally, ...]  # in the content's order
    disagreed: tuple[str, ...]  # IDs of the most disputed questions, most first
    notes: tuple[Note, ...]


def spread(values: Sequence[float], bands: Sequence[tuple[int, int]] | None = None) -> Spread:
    """The spread of ``values``: count, lowest, median, highest, mean, and people per band.

    Without ``bands`` the values are ratings and the bands are 1, 2, ... RATING_SCALE.
    """
    if not values:
        raise ValueError("no values")
    if bands is None:
        counts = tuple(sum(1 for v in values if round(v) == r) for r in range(1, RATING_SCALE + 1))
    else:
        # A percentage such as 19.6 belongs to the band its rounded value falls in.
        counts = tuple(sum(1 for v in values if low <= round(v) <= high) for low, high in bands)
    return Spread(
        people=len(values),
        low=min(values),
        median=float(statistics.median(values)),
        high=max(values),
        mean=statistics.fmean(values),
        bands=counts,
    )


def disagreement(counts: Sequence[int]) -> float:
    """The normalised entropy of option counts: 0 (all the same) to 1 (evenly spread)."""
    total = sum(counts)
    if total == 0 or len(counts) < 2:
        return 0.0
    entropy = -sum((c / total) * math.log(c / total) for c in counts if c)
    return entropy / math.log(len(counts))


def _percent(points: int, max_points: int) -> float:
    return 100.0 * points / max_points


def _question_text(question: m.Question) -> tuple[str, str]:
    if isinstance(question, m.Scenario):
        return question.setting, question.prompt
    if isinstance(question, m.Recognise):
        return "", question.voice
    return "", question.statement


def _option_texts(question: m.Question, bundle: m.Bundle) -> list[tuple[str, bool]]:
    """Each option's text and whether it is the best, in the content's order."""
    if isinstance(question, m.Scenario):
        best = max(option.weight for option in question.options)
        return [(option.text, option.weight == best) for option in question.options]
    if isinstance(question, m.Recognise):
        titles = {n.id: n.title for n in bundle.narratives}
        return [(titles.get(n, n), n == question.answer) for n in question.options]
    return []


def combine(files: Sequence[ResultFile], bundle: m.Bundle) -> Group:
    """Combine the result files of a group; texts come from ``bundle`` (the run's language).

    Answers to a question the content does not have, or to an option it does not have,
    are left out of the counts and reported as notes; the file's other answers count.
    """
    questions = {q.id: q for q in bundle.questions}
    titles = {th.id: th.title for th in bundle.quiz_themes}
    notes: list[Note] = []
    choices: dict[str, Counter[int]] = {}
    ratings: dict[str, list[int]] = {}
    theme_percents: dict[str, list[float]] = {}
    scores: list[float] = []
    for file in files:
        per_theme: dict[str, list[int]] = {}
        for answer in file.answers:
            if answer.kind != "self-rating" and answer.max_points > 0:
                totals = per_theme.setdefault(answer.theme, [0, 0])
                totals[0] += answer.points
                totals[1] += answer.max_points
            question = questions.get(answer.id)
            if question is None:
                notes.append(Note(file.file, "group.note.unknown_question", answer.id))
                continue
            if question.kind != answer.kind:
                notes.append(Note(file.file, "group.note.other_kind", answer.id))
                continue
            if answer.rating is not None:
                ratings.setdefault(answer.id, []).append(answer.rating)
                continue
            assert answer.choice is not None  # result_file checks: one of the two is set
            if isinstance(question, m.SelfRating) or answer.choice >= len(question.options):
                notes.append(Note(file.file, "group.note.unknown_option", answer.id))
                continue
            choices.setdefault(answer.id, Counter())[answer.choice] += 1
        for theme, (points, most) in per_theme.items():
            theme_percents.setdefault(theme, []).append(_percent(points, most))
        total_points = sum(p for p, _ in per_theme.values())
        total_max = sum(x for _, x in per_theme.values())
        if total_max:
            scores.append(_percent(total_points, total_max))

    tallies: list[QuestionTally] = []
    for question in bundle.questions:
        setting, text = _question_text(question)
        if question.id in ratings:
            given = ratings[question.id]
            tallies.append(
                QuestionTally(
                    question.id,
                    question.theme,
                    question.kind,
                    setting,
                    text,
                    len(given),
                    (),
                    spread(given),
                    None,
                )
            )
        elif question.id in choices:
            counts = choices[question.id]
            options = tuple(
                OptionTally(index, option_text, counts[index], best)
                for index, (option_text, best) in enumerate(_option_texts(question, bundle))
            )
            answered = sum(counts.values())
            tallies.append(
                QuestionTally(
                    question.id,
                    question.theme,
                    question.kind,
                    setting,
                    text,
                    answered,
                    options,
                    None,
                    disagreement([o.chosen for o in options])
                    if answered >= MIN_ANSWERS_FOR_DISAGREEMENT
                    else None,
                )
            )
    order = {q.id: i for i, q in enumerate(tallies)}
    ranked = sorted(
        (q for q in tallies if q.disagreement),  # 0 or None: nothing to discuss
        key=lambda q: (-(q.disagreement or 0.0), -q.answered, order[q.id]),
    )
    theme_order = [th.id for th in bundle.quiz_themes]
    themes = tuple(
        ThemeTally(theme, titles.get(theme, theme), spread(theme_percents[theme], BANDS))
        for theme in sorted(
            theme_percents,
            key=lambda th: (theme_order.index(th) if th in theme_order else len(theme_order), th),
        )
    )
    return Group(
        participants=len(files),
        langs=tuple(Counter(f.lang for f in files).most_common()),
        dates=tuple(sorted({f.date for f in files if f.date})),
        seeds=tuple(sorted({f.quiz.seed for f in files if f.quiz.seed is not None})),
        score=spread(scores, BANDS) if scores else None,
        themes=themes,
        questions=tuple(tallies),
        disagreed=tuple(q.id for q in ranked[:TOP_DISAGREED]),
        notes=tuple(notes),
    )


def _spread_data(value: Spread | None, labels: Sequence[str]) -> dict[str, Any] | None:
    if value is None:
        return None
    return {
        "count": value.people,
        "min": round(value.low, 1),
        "median": round(value.median, 1),
        "max": round(value.high, 1),
        "mean": round(value.mean, 1),
        "distribution": dict(zip(labels, value.bands, strict=True)),
    }


BAND_LABELS = tuple(f"{low}-{high}" for low, high in BANDS)
RATING_LABELS = tuple(str(r) for r in range(1, RATING_SCALE + 1))


def to_data(group: Group) -> dict[str, Any]:
    """The group's summary as plain JSON-ready data (``infoblad group --json``)."""
    return {
        "participants": group.participants,
        "langs": dict(group.langs),
        "dates": list(group.dates),
        "seeds": list(group.seeds),
        "disagreement": "normalised entropy of the option counts: 0 = all chose the same, 1 = evenly spread",
        "score_percent": _spread_data(group.score, BAND_LABELS),
        "themes": [
            {"theme": th.id, "title": th.title, "score_percent": _spread_data(th.spread, BAND_LABELS)}
            for th in group.themes
        ],
        "questions": [
            {
                "id": q.id,
                "theme": q.theme,
                "kind": q.kind,
                "setting": q.setting or None,
                "text": q.text,
                "answered": q.answered,
                "options": [
                    {"index": o.position, "text": o.text, "count": o.chosen, "best": o.best}
                    for o in q.options
                ],
                "ratings": _spread_data(q.ratings, RATING_LABELS),
                "disagreement": None if q.disagreement is None else round(q.disagreement, 3),
            }
            for q in group.questions
        ],
        "most_disagreed": list(group.disagreed),
        "notes": [note._asdict() for note in group.notes],
    }
