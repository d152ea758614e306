# SPDX-FileCopyrightText: 2026 The infoblad team
# SPDX-License-Identifier: EUPL-1.2
"""How the quiz and the history look in a terminal. Decides nothing: it only shows."""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any

from rich.text import Text

from . import models as m
from .quiz import LETTERS, RATING_SCALE, AnswerError, Asked, Outcome, Result, ThemeScore, option_texts
from .render import STYLE_DIM, STYLE_HEADING, Writer, unicode_ok

BAR_WIDTH = 20


def command_for(link: tuple[str, str]) -> str:
    kind, ident = link
    return f"infoblad {kind} {ident}"  # a personal theme opens on its own too


def intro(w: Writer, count: int) -> None:
    w.title(w.t("quiz.title"))
    w.wrap(w.t("quiz.intro_one" if count == 1 else "quiz.intro", count=count), style=STYLE_DIM)


def question(w: Writer, bundle: m.Bundle, asked: Asked, number: int, total: int) -> None:
    """One question with its options, numbered and lettered."""
    q = asked.question
    titles = {t.id: t.title for t in bundle.quiz_themes}
    w.blank()
    head = w.t("quiz.question", number=number, total=total) + f"  \u00b7  {titles.get(q.theme, q.theme)}"
    if isinstance(q, m.Scenario):
        head += f"  \u00b7  {q.setting}"
    w.wrap(head if not w.plain else head.replace("\u00b7", "-"), style=STYLE_HEADING)
    if isinstance(q, m.Scenario):
        w.wrap(w.t("quiz.situation"), style=STYLE_DIM)
        w.paragraphs(q.prompt)
    elif isinstance(q, m.Recognise):
        w.wrap(w.t("quiz.voice"), style=STYLE_DIM)
        w.quote(q.voice, 2)
        w.blank()
        w.wrap(w.t("quiz.recognise"))
    else:
        w.wrap(w.t("quiz.statement"), style=STYLE_DIM)
        w.paragraphs(q.statement, style="bold")
        w.wrap(w.t("quiz.rate"))
        return
    w.blank()
    for index, text in enumerate(option_texts(asked, bundle)):
        w.wrap(text, 2, first=f"{index + 1}. ")


def prompt_text(w: Writer, asked: Asked) -> str:
    return w.t("quiz.prompt", low=1, high=asked.choices)


def shorten(text: str, limit: int = 40) -> str:
    """What the user typed, cut short: a pasted page or 5,000 digits need not come back whole."""
    return text if len(text) <= limit else text[: limit - 1] + "\u2026"


def hint(w: Writer, error: AnswerError) -> str:
    if not error.text.strip():
        return w.t("quiz.hint_empty", high=error.high)
    typed = shorten(error.text.strip())
    if error.letters:
        return w.t("quiz.hint_options", text=typed, high=error.high, letter=LETTERS[error.high - 1])
    return w.t("quiz.hint_rating", text=typed)


_VERDICT_STYLE = {
    "quiz.right": "bold green",
    "quiz.partly": "bold yellow",
    "quiz.not_this": "bold red",
    "quiz.wrong": "bold red",
}


def verdict_key(outcome: Outcome) -> str:
    """The message key of the verdict on a scored answer (the offline page says the same)."""
    if outcome.correct:
        return "quiz.right"
    if outcome.points:
        return "quiz.partly"
    return "quiz.not_this" if isinstance(outcome.asked.question, m.Recognise) else "quiz.wrong"


def feedback(w: Writer, outcome: Outcome) -> None:
    """What the answer earned and why; the better answer when it was not the best."""
    w.blank()
    if outcome.correct is None:
        w.wrap(w.t("quiz.rating_noted", rating=outcome.answer), style="bold")
        if outcome.feedback:
            w.wrap(outcome.feedback, 2, first=w.t("quiz.tip") + " ")
    else:
        key = verdict_key(outcome)
        w.wrap(w.t(key), style=_VERDICT_STYLE[key])
        w.paragraphs(outcome.feedback, 2)
        if outcome.best_text:
            w.blank()
            w.wrap(outcome.best_text, 2, first=w.t("quiz.better") + " ", style="bold")
            if outcome.best_feedback:
                w.paragraphs(outcome.best_feedback, 2)
    w.command(command_for(outcome.link), 2, label=w.t("quiz.read_more"))


def bar(w: Writer, fraction: float, size: int = BAR_WIDTH) -> str:
    filled = round(size * max(0.0, min(1.0, fraction)))
    if w.plain or not unicode_ok(w.console):
        return "[" + "#" * filled + "-" * (size - filled) + "]"
    return "\u2588" * filled + "\u2591" * (size - filled)


def result(w: Writer, bundle: m.Bundle, res: Result) -> None:
    """Score, a bar per theme, self-ratings, what was missed and what to read next."""
    w.heading(w.t("quiz.result"))
    if res.max_score:
        percent = round(100 * res.score / res.max_score)
        w.wrap(w.t("quiz.score", score=res.score, max=res.max_score, percent=percent), style="bold")
    else:
        w.wrap(w.t("quiz.no_score"))
    if res.themes:
        w.heading(w.t("quiz.by_theme"))
        theme_bars(w, res.themes)
    ratings = [o for o in res.outcomes if o.correct is None]
    if ratings:
        w.heading(w.t("quiz.self_image"))
        for outcome in ratings:
            statement = outcome.asked.question
            assert isinstance(statement, m.SelfRating)
            w.wrap(f"{statement.statement} ({outcome.answer}/{RATING_SCALE})", 2, first="- ")
            if outcome.feedback:
                w.wrap(outcome.feedback, 4, first=w.t("quiz.tip") + " ", style=STYLE_DIM)
    if res.missed:
        w.heading(w.t("quiz.missed"))
        for outcome in res.missed:
            q = outcome.asked.question
            text = q.prompt if isinstance(q, m.Scenario) else getattr(q, "voice", "")
            w.wrap(first_sentence(text), 2, first="- ")
            if outcome.best_text:
                w.wrap(outcome.best_text, 4, first=w.t("quiz.better") + " ", style="bold")
            w.paragraphs(outcome.best_feedback or outcome.feedback, 4, style=STYLE_DIM)
    if res.read_next:
        w.heading(w.t("quiz.read_next"))
        for link in res.read_next:
            w.command(command_for(link), 2, after=title_of(bundle, link))
    if res.max_score:
        # The top has scrolled away by now: say the outcome once more, on one line.
        w.blank()
        w.emit(Text(summary_line(w, res), style=w.style("bold")))


def theme_bars(w: Writer, themes: Sequence[ThemeScore]) -> None:
    """A bar per theme, with the points and the number of questions the score rests on."""
    label = max(len(theme.title) for theme in themes)
    details = [
        w.t(
            "quiz.theme_detail_one" if theme.questions == 1 else "quiz.theme_detail",
            score=theme.score,
            max=theme.max_score,
            count=theme.questions,
        )
        for theme in themes
    ]
    detail = max(len(text) for text in details)
    # Title, bar, percentage and detail on one line when they fit; else the title on a line above;
    # on a very narrow screen the detail gets a line of its own too.
    ends = len(bar(w, 0, 0))  # the brackets around a bar in plain output
    room = w.width - (2 + label + 2) - ends - (5 + 2 + detail)
    one_line = room >= 8
    detail_below = not one_line and 4 + ends + 5 + 5 + 2 + detail > w.width
    if one_line:
        size = min(BAR_WIDTH, room)
    elif detail_below:
        size = max(5, min(BAR_WIDTH, w.width - 4 - ends - 5))
    else:
        size = max(5, min(BAR_WIDTH, w.width - 4 - ends - 5 - 2 - detail))
    for theme, text in zip(themes, details, strict=True):
        fraction = theme.score / theme.max_score if theme.max_score else 0
        if one_line:
            line = Text("  " + theme.title.ljust(label) + "  ")
        else:
            w.wrap(theme.title, 2)
            line = Text("    ")
        line.append(bar(w, fraction, size), style=w.style("cyan"))
        line.append(f" {theme.percent:3d}%")
        if detail_below:
            w.emit(line)
            w.wrap(text, 4, style=STYLE_DIM)
            continue
        line.append("  ")
        line.append(text, style=w.style(STYLE_DIM))
        w.emit(line)


def summary_line(w: Writer, res: Result) -> str:
    """The score and the themes in one line of the width: as much as fits."""
    sep = " - " if w.plain else " \u00b7 "
    numbers = {"score": res.score, "max": res.max_score, "percent": round(100 * res.score / res.max_score)}
    start = w.t("quiz.summary", **numbers)
    candidates = [start + "".join(f"{sep}{theme.title} {theme.percent}%" for theme in res.themes)]
    ranked = sorted(res.themes, key=lambda theme: theme.percent)
    if len(ranked) > 1 and ranked[0].percent != ranked[-1].percent:
        strong, weak = ranked[-1], ranked[0]
        candidates += [
            sep.join(
                [
                    start,
                    w.t("quiz.summary_best", theme=strong.title, percent=strong.percent),
                    w.t("quiz.summary_least", theme=weak.title, percent=weak.percent),
                ]
            ),
            sep.join(
                [
                    w.t("quiz.summary_short", **numbers),
                    w.t("quiz.summary_best_short", theme=strong.title),
                    w.t("quiz.summary_least_short", theme=weak.title),
                ]
            ),
            start + sep + w.t("quiz.summary_work", theme=weak.title),
        ]
    short = w.t("quiz.summary_short", **numbers)  # on the narrowest screens: the score alone
    return next((line for line in [*candidates, start] if len(line) <= w.width), short)


def first_sentence(text: str) -> str:
    """Enough of a situation to recognise it: its first sentence."""
    first = text.split("\n\n")[0]
    for end in (". ", "? ", "! "):
        cut = first.find(end)
        if 0 < cut < len(first) - 2:
            return first[: cut + 1] + " \u2026"
    return first


def title_of(bundle: m.Bundle, link: tuple[str, str]) -> str:
    kind, ident = link
    if kind == "personal":
        return next((t.title for t in bundle.personal.themes if t.id == ident), bundle.personal.title)
    entries: Sequence[Any] = getattr(bundle, kind)
    return next((e.title for e in entries if e.id == ident), "")
