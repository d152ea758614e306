# SPDX-FileCopyrightText: 2026 The infoblad team
# SPDX-License-Identifier: EUPL-1.2
"""The anonymous result file: one finished quiz, as a participant hands it to the trainer.

Written by ``infoblad quiz --result-file FILE``, ``infoblad history --export`` and the
offline HTML page; read by ``infoblad group``. The format is documented for other tools
in ``docs/result-file.md``; this module is its reference implementation. In short, one
UTF-8 JSON object::

    {"format": "infoblad-result", "version": 1, "date": "2026-11-30", "lang": "nl",
     "made_by": "cli", "quiz": {"seed": 12, "count": 8, "theme": null, "mode": "full"},
     "questions": [{"id": ..., "theme": ..., "kind": "scenario", "choice": 2,
                    "rating": null, "points": 1, "max_points": 2}, ...],
     "themes": {"THEME_ID": {"points": 3, "max_points": 4, "questions": 2}},
     "score": {"points": 9, "max_points": 12}}

``choice`` is the 0-based index of the chosen option in the content's order (not the
shuffled order the participant saw), so files of different seeds and languages can be
combined per question. A file holds no name, no machine data and no time of day: only
a date. Readers refuse another ``format`` or a newer ``version`` and ignore unknown keys.

Pure: no printing, no clock (the caller gives the date). Errors carry a message key and
its values; the CLI translates them into the run's language.
"""

from __future__ import annotations

import json
import re
from collections.abc import Mapping, Sequence
from pathlib import Path
from typing import TYPE_CHECKING, Any, NamedTuple, TypeGuard

if TYPE_CHECKING:
    from . import models as m
    from .quiz import Result

FORMAT = "infoblad-result"
VERSION = 1
KINDS = ("scenario", "recognise", "self-rating")
MODES = ("full", "theme", "retry", "question")
RATING_SCALE = 5
# A quiz of every question in the content is a few kilobytes; anything near this is not ours.
MAX_BYTES = 1024 * 1024
SUFFIX = ".json"

_DATE = re.compile(r"\d{4}-\d{2}-\d{2}")


class ResultFileError(Exception):
    """A result file that cannot be used: ``key`` names the reason (``result.error.*``)."""

    def __init__(self, file: str, key: str, **values: object) -> None:
        super().__init__(f"{file}: {key} {values}")
        self.file = file
        self.key = key
        self.values = values


class Answer(NamedTuple):
    """One answered question of a result file."""

    id: str
    theme: str
    kind: str  # scenario | recognise | self-rating
    choice: int | None  # 0-based index in the content's option order; None for a self-rating
    rating: int | None  # 1-5 for a self-rating, else None
    points: int
    max_points: int


class QuizInfo(NamedTuple):
    seed: int | None
    question_count: int | None  # "count" in the file
    theme: str | None
    mode: str


class ResultFile(NamedTuple):
    """A result file as read: only what the format defines, checked."""

    file: str
    version: int
    date: str | None
    lang: str
    made_by: str
    quiz: QuizInfo
    answers: tuple[Answer, ...]


# ---------------------------------------------------------------- writing


def mode_of(theme: str | None, retry: bool = False, question: bool = False) -> str:
    """The ``quiz.mode`` for a run: ``question`` beats ``retry`` beats ``theme``, else ``full``."""
    if question:
        return "question"
    if retry:
        return "retry"
    return "theme" if theme else "full"


def build(
    *,
    date: str,
    lang: str,
    made_by: str,
    seed: int | None,
    theme: str | None,
    mode: str,
    answers: Sequence[Answer],
) -> dict[str, Any]:
    """A result file's data from its answers; the totals per theme and overall are summed here.

    ``date`` must be a plain date (YYYY-MM-DD): a time of day is refused with ValueError,
    so no caller can put one in by mistake.
    """
    if not _DATE.fullmatch(date):
        raise ValueError(f"date must be YYYY-MM-DD, not {date!r}")
    if mode not in MODES:
        raise ValueError(f"mode must be one of {MODES}, not {mode!r}")
    themes: dict[str, dict[str, int]] = {}
    for answer in answers:
        if answer.kind == "self-rating":
            continue  # no right or wrong: not in the score
        totals = themes.setdefault(answer.theme, {"points": 0, "max_points": 0, "questions": 0})
        totals["points"] += answer.points
        totals["max_points"] += answer.max_points
        totals["questions"] += 1
    return {
        "format": FORMAT,
        "version": VERSION,
        "date": date,
        "lang": lang,
        "made_by": made_by,
        "quiz": {"seed": seed, "count": len(answers), "theme": theme, "mode": mode},
        "questions": [
            {
                "id": a.id,
                "theme": a.theme,
                "kind": a.kind,
                "choice": a.choice,
                "rating": a.rating,
                "points": a.points,
                "max_points": a.max_points,
            }
            for a in answers
        ],
        "themes": themes,
        "score": {
            "points": sum(a.points for a in answers),
            "max_points": sum(a.max_points for a in answers),
        },
    }


def from_result(result: Result, date: str, mode: str) -> dict[str, Any]:
    """The result file of a quiz that was just finished."""
    answers = []
    for outcome in result.outcomes:
        question = outcome.asked.question
        rating = outcome.answer if question.kind == "self-rating" else None
        choice = None if rating is not None else outcome.asked.order[outcome.answer - 1]
        answers.append(
            Answer(
                question.id,
                question.theme,
                question.kind,
                choice,
                rating,
                outcome.points,
                outcome.max_points,
            )
        )
    quiz = result.quiz
    return build(
        date=date,
        lang=quiz.lang,
        made_by="cli",
        seed=quiz.seed,
        theme=quiz.theme,
        mode=mode,
        answers=answers,
    )


class NotExportable(Exception):
    """A history attempt whose chosen options cannot be told in the content's order."""


def from_attempt(attempt: Mapping[str, Any], bundle: m.Bundle, date: str) -> dict[str, Any]:
    """The result file of an attempt from the history.

    Attempts saved since result files exist keep the chosen option's index in the
    content (``choice``). For older ones the option order is worked out again from
    the seed: the same seed gives the same quiz. Raises NotExportable when that is not
    possible (the content changed since, or a retry run that cannot be repeated).
    """
    from . import models as m
    from . import quiz as engine

    questions = {q.id: q for q in bundle.questions}
    saved = list(attempt["answers"])
    orders: dict[str, tuple[int, ...]] | None = None
    answers = []
    for saved_answer in saved:
        question = questions.get(saved_answer["question"])
        if question is None:
            raise NotExportable(saved_answer["question"])
        shown = int(saved_answer["answer"])
        if isinstance(question, m.SelfRating):
            choice, rating = None, shown
        elif isinstance(saved_answer.get("choice"), int):
            choice, rating = int(saved_answer["choice"]), None
        else:
            if orders is None:
                orders = orders_again(attempt, bundle, [a["question"] for a in saved], engine)
            order = orders.get(question.id, ())
            if not 1 <= shown <= len(order):
                raise NotExportable(question.id)
            choice, rating = order[shown - 1], None
        answers.append(
            Answer(
                question.id,
                question.theme,
                question.kind,
                choice,
                rating,
                int(saved_answer["points"]),
                int(saved_answer["max"]),
            )
        )
    theme = attempt.get("theme")
    mode = attempt.get("mode")
    if mode not in MODES:
        mode = mode_of(theme)
    return build(
        date=date,
        lang=str(attempt["lang"]),
        made_by="cli",
        seed=attempt.get("seed"),
        theme=theme,
        mode=str(mode),
        answers=answers,
    )


def orders_again(
    attempt: Mapping[str, Any], bundle: m.Bundle, asked_ids: list[str], engine: Any
) -> dict[str, tuple[int, ...]]:
    """The shown option orders of an old attempt, by asking the engine for the same quiz again."""
    seed = attempt.get("seed")
    if seed is None:
        raise NotExportable("no seed")
    tries: list[list[str] | None] = [None, asked_ids]  # a plain run, or a retry limited to these IDs
    for only in tries:
        try:
            again = engine.select(bundle, len(asked_ids), seed, attempt.get("theme"), only)
        except engine.NoQuestions:
            continue
        if [a.question.id for a in again.asked] == asked_ids:
            return {a.question.id: a.order for a in again.asked}
    raise NotExportable("content changed")


def dumps(data: Mapping[str, Any]) -> bytes:
    """The file's bytes: UTF-8 JSON, indented so that a curious participant can read it."""
    return (json.dumps(data, ensure_ascii=False, indent=2) + "\n").encode("utf-8")


# ---------------------------------------------------------------- reading


def read(path: Path) -> ResultFile:
    """Read and check one result file; ResultFileError says what is wrong with it."""
    file = str(path)
    try:
        with path.open("rb") as handle:
            raw = handle.read(MAX_BYTES + 1)
    except OSError as error:
        raise ResultFileError(file, "result.error.unreadable", reason=error.strerror or error) from None
    if len(raw) > MAX_BYTES:
        raise ResultFileError(file, "result.error.too_big")
    return parse(raw, file)


def parse(raw: bytes, file: str = "-") -> ResultFile:
    """Check the bytes of a result file; ``file`` names it in errors."""
    try:
        data = json.loads(raw.decode("utf-8-sig"))  # utf-8-sig: a BOM from Notepad is forgiven
    except (UnicodeDecodeError, ValueError):
        raise ResultFileError(file, "result.error.not_json") from None
    if not isinstance(data, dict) or data.get("format") != FORMAT:
        raise ResultFileError(file, "result.error.foreign")
    version = data.get("version")
    if not _is_int(version) or version < 1:
        raise ResultFileError(file, "result.error.damaged", field="version")
    if version > VERSION:
        raise ResultFileError(file, "result.error.newer", version=version, known=VERSION)

    def bad(field: str) -> ResultFileError:
        return ResultFileError(file, "result.error.damaged", field=field)

    date = data.get("date")
    if date is not None and not (isinstance(date, str) and _DATE.fullmatch(date)):
        raise bad("date")
    lang = data.get("lang")
    if not isinstance(lang, str) or not lang:
        raise bad("lang")
    made_by = data.get("made_by", "")
    if not isinstance(made_by, str):
        raise bad("made_by")
    quiz_data = data.get("quiz", {})
    if not isinstance(quiz_data, dict):
        raise bad("quiz")
    seed, count, theme = quiz_data.get("seed"), quiz_data.get("count"), quiz_data.get("theme")
    mode = quiz_data.get("mode", "full")
    if seed is not None and not _is_int(seed):
        raise bad("quiz.seed")
    if count is not None and not _is_int(count):
        raise bad("quiz.count")
    if theme is not None and not isinstance(theme, str):
        raise bad("quiz.theme")
    if not isinstance(mode, str):
        raise bad("quiz.mode")
    questions = data.get("questions")
    if not isinstance(questions, list):
        raise bad("questions")
    answers: list[Answer] = []
    seen: set[str] = set()
    for index, item in enumerate(questions):
        answer = _answer(item)
        if answer is None:
            raise bad(f"questions[{index}]")
        if answer.id in seen:
            raise bad(f"questions[{index}].id")
        seen.add(answer.id)
        answers.append(answer)
    return ResultFile(
        file=file,
        version=version,
        date=date,
        lang=lang,
        made_by=made_by,
        quiz=QuizInfo(seed, count, theme, mode),
        answers=tuple(answers),
    )


def _answer(item: Any) -> Answer | None:
    """One question entry, or None when it does not follow the format."""
    if not isinstance(item, dict):
        return None
    qid, theme, kind = item.get("id"), item.get("theme"), item.get("kind")
    choice, rating = item.get("choice"), item.get("rating")
    points, max_points = item.get("points", 0), item.get("max_points", 0)
    if not (isinstance(qid, str) and qid and isinstance(theme, str) and kind in KINDS):
        return None
    if not (_is_int(points) and _is_int(max_points) and 0 <= points <= max_points):
        return None
    if kind == "self-rating":
        if choice is not None or not (_is_int(rating) and 1 <= rating <= RATING_SCALE):
            return None
    elif rating is not None or not (_is_int(choice) and choice >= 0):
        return None
    return Answer(qid, theme, str(kind), choice, rating, points, max_points)


def _is_int(value: object) -> TypeGuard[int]:
    return isinstance(value, int) and not isinstance(value, bool)


def files_in(paths: Sequence[Path]) -> tuple[list[Path], list[Path]]:
    """The result files named: files as given, folders by their ``*.json`` files (sorted).

    Returns (files, missing): ``missing`` are paths that are neither a file nor a folder.
    """
    files: list[Path] = []
    missing: list[Path] = []
    for path in paths:
        if path.is_dir():
            files.extend(sorted(p for p in path.iterdir() if p.suffix.lower() == SUFFIX and p.is_file()))
        elif path.is_file():
            files.append(path)
        else:
            missing.append(path)
    return files, missing
