"""The anonymous result file (format "infoblad-result", version 1; see the team's shared formats).

Here it keeps a finished quiz that could not be saved in the history (a damaged or busy
file): the answers are never lost, and the file can be read by ``infoblad group``.
"""

from __future__ import annotations

import json
import os
from datetime import date
from pathlib import Path
from typing import Any

from .quiz import Result

FORMAT = "infoblad-result"
VERSION = 1


def result_data(result: Result, count: int, mode: str, made_on: date | None = None) -> dict[str, Any]:
    """The result as the shared format has it: a date only, no name, no machine data."""
    questions = []
    themes: dict[str, dict[str, int]] = {}
    for outcome in result.outcomes:
        question = outcome.asked.question
        rating = outcome.answer if outcome.correct is None else None
        # The shared format counts options in the content's order, not in the shuffled order shown.
        choice = outcome.asked.order[outcome.answer - 1] if outcome.asked.order else None
        questions.append(
            {
                "id": question.id,
                "theme": question.theme,
                "kind": question.kind,
                "choice": choice,
                "rating": rating,
                "points": outcome.points if rating is None else 0,
                "max_points": outcome.max_points if rating is None else 0,
            }
        )
        totals = themes.setdefault(question.theme, {"points": 0, "max_points": 0, "questions": 0})
        totals["questions"] += 1
        if rating is None:
            totals["points"] += outcome.points
            totals["max_points"] += outcome.max_points
    return {
        "format": FORMAT,
        "version": VERSION,
        "date": (made_on or date.today()).isoformat(),
        "lang": result.quiz.lang,
        "made_by": "cli",
        "quiz": {"seed": result.quiz.seed, "count": count, "theme": result.quiz.theme, "mode": mode},
        "questions": questions,
        "themes": themes,
        "score": {
            "points": sum(q["points"] for q in questions),
            "max_points": sum(q["max_points"] for q in questions),
        },
    }


def keep_beside(folder: Path, data: dict[str, Any]) -> Path:
    """Write ``data`` to a new file in ``folder`` (never over another) and return its path."""
    folder.mkdir(parents=True, exist_ok=True)
    text = json.dumps(data, ensure_ascii=False, indent=2).encode("utf-8")
    for number in range(1, 1000):
        suffix = "" if number == 1 else f"-{number}"
        path = folder / f"infoblad-result-{data['date']}{suffix}.json"
        try:
            # O_EXCL: a second quiz on the same day gets its own file, never someone's old one.
            fd = os.open(path, os.O_WRONLY | os.O_CREAT | os.O_EXCL, 0o600)
        except FileExistsError:
            continue
        with os.fdopen(fd, "wb") as handle:
            handle.write(text)
        return path
    raise FileExistsError(str(folder / f"infoblad-result-{data['date']}.json"))
