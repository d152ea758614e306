# SPDX-FileCopyrightText: 2026 The infoblad team
# SPDX-License-Identifier: EUPL-1.2
"""The quiz history as a person reads it: the list, self-ratings over time, one attempt in full.

Knows no SQL (that is ``history.py``); it takes the attempts the store gives, newest first, and
today's content, which supplies the texts and the feedback. An attempt is honest about what it
was: a retry of missed questions or a single theme is marked as such, and only full quizzes make
the trend.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from typing import Any

from rich.text import Text

from . import models as m
from . import quiz as engine
from .errors import UsageError
from .render import STYLE_DIM, STYLE_HEADING, Writer
from .strings import t

MODES = ("full", "theme", "retry", "question")


def pick(attempts: Sequence[Mapping[str, Any]], wanted: str, lang: str) -> tuple[int, Mapping[str, Any]]:
    """The attempt numbered ``wanted`` as ``history`` lists them (1 = newest), or a usage error."""
    number = int(wanted) if wanted.strip().isdigit() else None
    if not attempts:
        raise UsageError(t(lang, "history.no_such_empty", number=wanted.strip()))
    if number is None or not 1 <= number <= len(attempts):
        hint = t(lang, "history.no_such_hint")
        if len(attempts) == 1:
            raise UsageError(t(lang, "history.no_such_one", number=wanted.strip()), hint=hint)
        raise UsageError(t(lang, "history.no_such", number=wanted.strip(), high=len(attempts)), hint=hint)
    return number, attempts[number - 1]


def mode_label(lang: str, attempt: Mapping[str, Any], titles: Mapping[str, str]) -> str:
    """'' for a full quiz; else what kind of run it was, in words."""
    mode = attempt.get("mode") or "full"
    if mode == "full":
        return ""
    if mode == "theme":
        theme = attempt.get("theme") or ""
        return t(lang, "history.mode.theme", theme=titles.get(theme, theme))
    return t(lang, f"history.mode.{mode}") if mode in MODES else mode


def self_ratings(attempts: Sequence[Mapping[str, Any]], bundle: m.Bundle) -> list[dict[str, Any]]:
    """Each self-rating statement with the ratings given over time, oldest first.

    In the order of the content; statements no longer in the content come last, by ID.
    """
    statements = {q.id: q.statement for q in bundle.questions if isinstance(q, m.SelfRating)}
    over_time: dict[str, list[dict[str, Any]]] = {}
    for attempt in reversed(attempts):  # oldest first
        for question, rating in attempt["ratings"].items():
            over_time.setdefault(question, []).append({"date": attempt["taken_at"], "rating": rating})
    order = {question: index for index, question in enumerate(statements)}
    return [
        {"question": question, "statement": statements.get(question, question), "ratings": ratings}
        for question, ratings in sorted(
            over_time.items(), key=lambda item: (order.get(item[0], len(order)), item[0])
        )
    ]


# ---------------------------------------------------------------- one attempt, answer by answer


def _orders(bundle: m.Bundle, attempt: Mapping[str, Any]) -> dict[str, tuple[int, ...]]:
    """The option order of an attempt saved without choices (before history version 2): the same
    seed gives the same quiz, as long as the content did not change. {} when it cannot be known."""
    from . import result_file

    ids = [answer["question"] for answer in attempt["answers"]]
    try:
        return result_file.orders_again(attempt, bundle, ids, engine)
    except result_file.NotExportable:
        return {}


def answers(bundle: m.Bundle, attempt: Mapping[str, Any]) -> list[tuple[Mapping[str, Any], Any]]:
    """Each saved answer with what today's content says about it.

    The second item is an ``engine.Outcome`` (the choice judged again: its feedback, the better
    answer, what to read), the question alone when the choice is no longer known, or None when
    the question is no longer in the content.
    """
    questions = {q.id: q for q in bundle.questions}
    orders: dict[str, tuple[int, ...]] | None = None
    found: list[tuple[Mapping[str, Any], Any]] = []
    for answer in attempt["answers"]:
        question = questions.get(answer["question"])
        if question is None:
            found.append((answer, None))
            continue
        try:
            given = int(answer["answer"])
        except (TypeError, ValueError):
            found.append((answer, question))
            continue
        if isinstance(question, m.SelfRating):
            found.append((answer, engine.judge(engine.Asked(question, ()), given, bundle)))
            continue
        choice = answer.get("choice")
        if choice is None:
            if orders is None:
                orders = _orders(bundle, attempt)
            order = orders.get(question.id, ())
            choice = order[given - 1] if 0 < given <= len(order) else None
        if choice is None or not 0 <= choice < len(question.options):
            found.append((answer, question))
            continue
        found.append((answer, engine.judge(engine.Asked(question, (choice,)), 1, bundle)))
    return found


def _question_text(question: m.Question) -> str:
    if isinstance(question, m.Scenario):
        return question.prompt
    if isinstance(question, m.Recognise):
        return question.voice
    return question.statement


def _chosen_text(bundle: m.Bundle, outcome: engine.Outcome) -> str:
    texts = engine.option_texts(outcome.asked, bundle)
    return texts[0] if texts else str(outcome.answer)


def answers_data(bundle: m.Bundle, attempt: Mapping[str, Any]) -> list[dict[str, Any]]:
    """The answers of one attempt for ``--json``, with the texts and the feedback."""
    from .render_quiz import command_for

    data = []
    for answer, known in answers(bundle, attempt):
        item: dict[str, Any] = {
            "id": answer["question"],
            "kind": answer["kind"],
            "answer": answer["answer"],
            "points": answer["points"],
            "max": answer["max"],
            "correct": answer["correct"],
            "in_content": known is not None,
        }
        if known is not None:
            question = known.asked.question if isinstance(known, engine.Outcome) else known
            item["theme"] = question.theme
            item["text"] = _question_text(question)
        if isinstance(known, engine.Outcome):
            if known.correct is not None:
                item["chosen"] = _chosen_text(bundle, known)
            item["feedback"] = known.feedback
            item["better_answer"] = known.best_text
            item["better_feedback"] = known.best_feedback
            item["read_more"] = command_for(known.link)
        data.append(item)
    return data


def theme_scores(bundle: m.Bundle, attempt: Mapping[str, Any]) -> list[engine.ThemeScore]:
    """An attempt's scores per theme, with the number of questions each rests on."""
    themes = {q.id: q.theme for q in bundle.questions}
    titles = {th.id: th.title for th in bundle.quiz_themes}
    counts: dict[str, int] = {}
    for answer in attempt["answers"]:
        if answer["correct"] is not None:
            theme = themes.get(answer["question"], "")
            counts[theme] = counts.get(theme, 0) + 1
    return [
        engine.ThemeScore(theme, titles.get(theme, theme), score["score"], score["max"], counts.get(theme, 0))
        for theme, score in attempt["themes"].items()
    ]


# ---------------------------------------------------------------- on the screen


def _local_time(taken_at: str) -> str:
    """The moment of a result in this computer's time zone (it is stored in UTC)."""
    from datetime import datetime

    try:
        return datetime.fromisoformat(taken_at).astimezone().strftime("%Y-%m-%d %H:%M")
    except ValueError:
        return taken_at[:16].replace("T", " ")


def _percent(score: int, most: int) -> int:
    return round(100 * score / most) if most else 0


def listing(
    w: Writer,
    attempts: Sequence[Mapping[str, Any]],
    trend: Mapping[str, Sequence[float]],
    ratings: Sequence[Mapping[str, Any]],
    titles: Mapping[str, str],
) -> None:
    """Earlier results, numbered, newest first; the trend of full quizzes; self-ratings over time."""
    w.title(w.t("history.title"))
    w.blank()
    digits = len(str(len(attempts)))
    for number, attempt in enumerate(attempts, 1):
        line = w.t(
            "history.attempt",
            date=_local_time(attempt["taken_at"]),
            score=attempt["score"],
            max=attempt["max_score"],
            percent=_percent(attempt["score"], attempt["max_score"]),
            count=len(attempt["answers"]),
            language=attempt["lang"],
        )
        label = mode_label(w.lang, attempt, titles)
        w.wrap(line + (f"  ({label})" if label else ""), 2, first=f"{number:>{digits}}  ")
    w.heading(w.t("history.trend"))
    if trend:
        width = max(len(titles.get(theme, theme)) for theme in trend)
        for theme, values in trend.items():
            shown = " ".join(f"{round(v)}%" for v in values[-6:])
            arrow = ""
            if len(values) > 1:
                change = values[-1] - values[0]
                word = "up" if change > 0 else "down" if change < 0 else "same"
                symbol = {"up": "\u2191", "down": "\u2193", "same": "="}[word]
                # An arrow on a terminal; a word where it must read aloud or be copied.
                arrow = " " + (w.t(f"history.{word}") if w.plain else symbol)
            w.emit(Text("  " + titles.get(theme, theme).ljust(width) + "  " + shown + arrow))
    else:
        w.wrap(w.t("history.no_full"), 2)
    if ratings:
        w.heading(w.t("history.ratings"))
        arrow = ", " if w.plain else " \u2192 "
        for item in ratings:
            w.wrap(item["statement"], 2, first=w.bullet + " ")
            shown = arrow.join(str(r["rating"]) for r in item["ratings"][-8:])
            w.wrap(shown, 4, style="bold")
    w.blank()
    key = "history.open" if len(attempts) > 1 else "history.open_one"
    w.wrap(w.t(key, high=len(attempts)), style=STYLE_DIM)


def one(w: Writer, bundle: m.Bundle, number: int, attempt: Mapping[str, Any]) -> None:
    """One earlier attempt in full: its scores, then every answer with its feedback."""
    from . import render_quiz as show

    titles = {th.id: th.title for th in bundle.quiz_themes}
    w.title(
        w.t("history.one_title", number=number, date=_local_time(attempt["taken_at"])),
        mode_label(w.lang, attempt, titles) or w.t("history.mode.full"),
    )
    w.blank()
    if attempt["max_score"]:
        w.wrap(
            w.t(
                "quiz.score",
                score=attempt["score"],
                max=attempt["max_score"],
                percent=_percent(attempt["score"], attempt["max_score"]),
            ),
            style="bold",
        )
    else:
        w.wrap(w.t("quiz.no_score"))
    scores = theme_scores(bundle, attempt)
    if scores:
        w.heading(w.t("quiz.by_theme"))
        show.theme_bars(w, scores)
    sep = " - " if w.plain else "  \u00b7  "
    for index, (answer, known) in enumerate(answers(bundle, attempt), 1):
        w.blank()
        head = w.t("quiz.question", number=index, total=len(attempt["answers"]))
        if known is None:
            w.wrap(head, style=STYLE_HEADING)
            w.wrap(w.t("history.gone", id=answer["question"]), 2, style=STYLE_DIM)
            continue
        question = known.asked.question if isinstance(known, engine.Outcome) else known
        w.wrap(head + sep + titles.get(question.theme, question.theme), style=STYLE_HEADING)
        if isinstance(question, m.Recognise):
            w.quote(question.voice, 2)
        else:
            w.paragraphs(_question_text(question), 2)
        if not isinstance(known, engine.Outcome):
            w.wrap(w.t("history.choice_unknown", answer=answer["answer"]), 2, style=STYLE_DIM)
            continue
        if known.correct is not None:
            w.wrap(_chosen_text(bundle, known), 2, first=w.t("history.you_chose") + " ", style="bold")
        show.feedback(w, known)
    w.blank()
    if attempt.get("mode") in ("full", "theme") and attempt.get("seed") is not None:
        again = f"infoblad quiz --seed {attempt['seed']} --count {len(attempt['answers'])}"
        if attempt.get("theme"):
            again += f" --theme {attempt['theme']}"
        if attempt["lang"] != "nl":
            again += f" --lang {attempt['lang']}"
        w.wrap(w.t("quiz.again", command=again), style=STYLE_DIM)


def attempt_data(bundle: m.Bundle, number: int, attempt: Mapping[str, Any]) -> dict[str, Any]:
    """One attempt for ``history N --json``."""
    return {
        "lang": bundle.lang,
        "number": number,
        "attempt": dict(attempt),
        "themes": [
            {
                "theme": s.theme,
                "title": s.title,
                "score": s.score,
                "max": s.max_score,
                "questions": s.questions,
            }
            for s in theme_scores(bundle, attempt)
        ],
        "answers": answers_data(bundle, attempt),
    }
