# SPDX-FileCopyrightText: 2026 The infoblad team
# SPDX-License-Identifier: EUPL-1.2
"""The handout and a quiz as one offline HTML page, for colleagues without a terminal.

There is one quiz engine (``quiz.py``). Here it chooses and shuffles the
questions at export time and judges every possible answer in advance, so the
page only presents what Python decided: the questions, the option order, the
feedback on each option, the points, the themes and what to read next. The
page's script adds up points and ranks the links to read the same way
``quiz.result`` does (a browser test checks that they agree).

The page is self-contained and sends nothing anywhere: a Content-Security-Policy
allows only this page's own style sheet and script (by their SHA-256 hashes)
and forbids every request. Without JavaScript the quiz is a discussion sheet:
every question with the feedback on every option.

Content is data: the sheet is escaped HTML, and the script builds its DOM with
``textContent`` from a JSON data block in which ``<``, ``>`` and ``&`` are
escaped, so no content can close the block or become markup.
"""

from __future__ import annotations

import base64
import hashlib
import json
from importlib import resources
from typing import Any

from . import models as m
from . import quiz as engine
from .export import PageParts, html_paragraphs, html_text, paragraphs, style_sheet, to_html
from .render_quiz import first_sentence, title_of, verdict_key
from .result_file import mode_of
from .strings import t

QUIZ_ANCHOR = "quiz"
DATA_ID = "infoblad-quiz-data"
# Where each kind of linked entry sits in the handout (the anchors export.py gives them).
_ANCHOR_PREFIX = {"narratives": "narrative", "lessons": "lesson", "cases": "case", "personal": "personal"}
# A symbol beside each verdict: it helps the eye, the words carry the meaning.
_SYMBOL = {"quiz.right": "\u2713", "quiz.partly": "\u00b1", "quiz.wrong": "\u2717", "quiz.not_this": "\u2717"}
# The page texts the script needs, besides those decided per question.
_SCRIPT_TEXTS = (
    "quiz.title",
    "quiz.result",
    "quiz.by_theme",
    "quiz.self_image",
    "quiz.missed",
    "quiz.read_next",
    "quiz.better",
    "quiz.tip",
    "quiz.read_more",
    "quiz.no_score",
    "quiz.score",
    "page.start",
    "page.choose",
    "page.check",
    "page.choose_first",
    "page.your_answer",
    "page.feedback",
    "page.next",
    "page.to_result",
    "page.theme_score",
    "page.save_title",
    "page.save",
    "page.save_note",
    "page.saved",
    "page.file_name",
    "page.again",
)


def _web_file(name: str) -> str:
    """A file shipped in the package's web/ folder (the page's script and style sheet)."""
    return (resources.files("infoblad_cli") / "web" / name).read_text(encoding="utf-8")


def _csp_hash(text: str) -> str:
    return "'sha256-" + base64.b64encode(hashlib.sha256(text.encode("utf-8")).digest()).decode("ascii") + "'"


def _json_for_html(data: Any) -> str:
    """JSON that can sit inside <script type="application/json"> whatever the content holds."""
    text = json.dumps(data, ensure_ascii=False, separators=(",", ":"))
    for char, escape in (("<", "\\u003c"), (">", "\\u003e"), ("&", "\\u0026")):
        text = text.replace(char, escape)
    return text.replace("\u2028", "\\u2028").replace("\u2029", "\\u2029")


def _link(bundle: m.Bundle, link: tuple[str, str]) -> dict[str, str]:
    """Where a "read more" link points in the page, and its title."""
    kind, ident = link
    entries: tuple[Any, ...] = bundle.personal.themes if kind == "personal" else getattr(bundle, kind, ())
    known = any(entry.id == ident for entry in entries)
    anchor = f"{_ANCHOR_PREFIX[kind]}-{ident}" if known else _ANCHOR_PREFIX.get(kind, "main")
    if kind == "personal" and not known:
        return {"href": "#personal", "title": bundle.personal.title}
    return {"href": f"#{anchor}", "title": title_of(bundle, link) or ident}


def _link_key(link: tuple[str, str]) -> str:
    return f"{link[0]}/{link[1]}"


def _answers(bundle: m.Bundle, asked: engine.Asked) -> list[dict[str, Any]]:
    """Every answer the question allows, in the order shown, as the engine judges it."""
    lang = bundle.lang
    question = asked.question
    answers = []
    for number, text in enumerate(_choice_texts(bundle, asked), 1):
        outcome = engine.judge(asked, number, bundle)
        if outcome.correct is None:
            verdict = t(lang, "quiz.rating_noted", rating=number)
            symbol = ""
            points = ""
        else:
            key = verdict_key(outcome)
            verdict = t(lang, key)
            symbol = _SYMBOL[key]
            points = t(lang, "page.points", points=outcome.points, max=outcome.max_points)
        answers.append(
            {
                "text": text,
                "choice": asked.order[number - 1] if asked.order else None,
                "rating": number if not asked.order else None,
                "points": outcome.points,
                "max_points": outcome.max_points,
                "correct": outcome.correct,
                "low": outcome.correct is None and number <= engine.LOW_RATING,
                "verdict": verdict,
                "symbol": symbol,
                "points_text": points,
                "feedback": paragraphs(outcome.feedback),
                "better": outcome.best_text,
                "better_feedback": paragraphs(outcome.best_feedback),
                # What the result lists under "missed": the terminal shows the same.
                "missed_feedback": paragraphs(outcome.best_feedback or outcome.feedback),
                "self_line": (
                    f"{getattr(question, 'statement', '')} ({number}/{engine.RATING_SCALE})"
                    if outcome.correct is None
                    else ""
                ),
                "link": _link_key(outcome.link),
            }
        )
    return answers


def _choice_texts(bundle: m.Bundle, asked: engine.Asked) -> list[str]:
    if asked.order:
        return engine.option_texts(asked, bundle)
    lang = bundle.lang
    low, high = t(lang, "page.scale_low"), t(lang, "page.scale_high")
    return [
        f"{n} \u2013 {low}" if n == 1 else f"{n} \u2013 {high}" if n == engine.RATING_SCALE else str(n)
        for n in range(1, engine.RATING_SCALE + 1)
    ]


def _question(bundle: m.Bundle, asked: engine.Asked, number: int, total: int) -> dict[str, Any]:
    lang = bundle.lang
    question = asked.question
    titles = {theme.id: theme.title for theme in bundle.quiz_themes}
    meta = titles.get(question.theme, question.theme)
    voice = ""
    if isinstance(question, m.Scenario):
        meta += f" \u00b7 {question.setting}"
        label, text, ask = t(lang, "quiz.situation"), question.prompt, t(lang, "page.choose")
    elif isinstance(question, m.Recognise):
        label, text, ask = t(lang, "quiz.voice"), "", t(lang, "quiz.recognise")
        voice = question.voice
    else:
        label, text, ask = t(lang, "quiz.statement"), question.statement, t(lang, "quiz.rate")
    gist = first_sentence(question.prompt if isinstance(question, m.Scenario) else voice)
    return {
        "id": question.id,
        "theme": question.theme,
        "kind": question.kind,
        "heading": t(lang, "quiz.question", number=number, total=total),
        "meta": meta,
        "label": label,
        "paragraphs": paragraphs(text),
        "voice": " ".join(paragraphs(voice)),
        "ask": ask,
        "gist": gist,
        "tip": paragraphs(question.suggestion) if isinstance(question, m.SelfRating) else [],
        "answers": _answers(bundle, asked),
    }


def page_data(bundle: m.Bundle, quiz: engine.Quiz) -> dict[str, Any]:
    """Everything the page's script shows, decided here: questions, answers, feedback, links, texts."""
    lang = bundle.lang
    total = len(quiz.asked)
    questions = [_question(bundle, asked, n, total) for n, asked in enumerate(quiz.asked, 1)]
    links: dict[str, dict[str, str]] = {}
    for asked in quiz.asked:
        for number in range(1, asked.choices + 1):
            link = engine.judge(asked, number, bundle).link
            links.setdefault(_link_key(link), _link(bundle, link))
    themes = [{"id": theme.id, "title": theme.title} for theme in bundle.quiz_themes]
    known = {theme.id for theme in bundle.quiz_themes}
    for asked in quiz.asked:  # a theme without a description goes last, as in quiz.result
        if asked.question.theme not in known:
            known.add(asked.question.theme)
            themes.append({"id": asked.question.theme, "title": asked.question.theme})
    return {
        "lang": lang,
        # As result_file.build writes it for the terminal's quiz.
        "quiz": {"seed": quiz.seed, "count": total, "theme": quiz.theme, "mode": mode_of(quiz.theme)},
        "intro": t(lang, "page.intro_one" if total == 1 else "page.intro", count=total),
        "privacy": t(lang, "page.privacy"),
        "code": t(lang, "page.code", seed=quiz.seed),
        "text": {key: t(lang, key) for key in _SCRIPT_TEXTS},
        "themes": themes,
        "links": links,
        "questions": questions,
    }


# ---------------------------------------------------------------- the page without its script


def _sheet(data: dict[str, Any]) -> list[str]:
    """The quiz as a discussion sheet: what shows when JavaScript is off, and on paper."""
    lang = data["lang"]
    out = ['<div id="quiz-sheet" class="sheet">', f'<p class="note">{html_text(t(lang, "page.sheet"))}</p>']
    out.append('<ol class="sheet-questions">')
    for number, question in enumerate(data["questions"], 1):
        out.append(f'<li><article class="sheet-question" aria-labelledby="sheet-q{number}">')
        out.append(f'<h3 id="sheet-q{number}">{html_text(question["heading"])}</h3>')
        out.append(f'<p class="meta">{html_text(question["meta"])}</p>')
        out.append(f'<p class="label">{html_text(question["label"])}</p>')
        if question["voice"]:
            out.append(
                f'<blockquote class="voice"><p>\u201c{html_text(question["voice"])}\u201d</p></blockquote>'
            )
        tag = "strong" if question["kind"] == "self-rating" else "span"
        out.extend(f"<p><{tag}>{html_text(p)}</{tag}></p>" for p in question["paragraphs"])
        out.append(f'<p class="ask">{html_text(question["ask"])}</p>')
        if question["kind"] == "self-rating":
            if question["tip"]:
                out.append(
                    f'<p class="sheet-tip"><strong>{html_text(t(lang, "page.sheet_low"))}</strong></p>'
                )
                out.extend(html_paragraphs(" ".join(question["tip"])))
        else:
            out.append('<ol class="sheet-options" type="a">')
            for answer in question["answers"]:
                out.append(_sheet_option(data, answer))
            out.append("</ol>")
        out.append("</article></li>")
    out.append("</ol>")
    out.append("</div>")
    return out


def _sheet_option(data: dict[str, Any], answer: dict[str, Any]) -> str:
    link = data["links"][answer["link"]]
    verdict_class = "right" if answer["correct"] else "partly" if answer["points"] else "wrong"
    parts = [
        f'<li><p class="option-text">{html_text(answer["text"])}</p>',
        f'<p class="verdict verdict-{verdict_class}"><span class="symbol" aria-hidden="true">'
        f"{html_text(answer['symbol'])}</span> <strong>{html_text(answer['verdict'])}</strong> "
        f"{html_text(answer['points_text'])}</p>",
        *(f"<p>{html_text(p)}</p>" for p in answer["feedback"]),
        f'<p class="read-more">{html_text(data["text"]["quiz.read_more"])} '
        f'<a href="{html_text(link["href"])}">{html_text(link["title"])}</a></p>',
        "</li>",
    ]
    return "".join(parts)


def _section(data: dict[str, Any]) -> str:
    title = data["text"]["quiz.title"]
    out = [
        f'<section id="{QUIZ_ANCHOR}" class="quiz" aria-labelledby="quiz-title">',
        f'<h2 id="quiz-title">{html_text(title)}</h2>',
        f"<p>{html_text(data['intro'])}</p>",
        f"<p>{html_text(data['privacy'])}</p>",
        f'<p class="meta">{html_text(data["code"])}</p>',
        # The script fills this in and hides the sheet; without it, the sheet is the quiz.
        '<div id="quiz-app" class="quiz-app" hidden></div>',
        *_sheet(data),
        "</section>",
    ]
    return "\n".join(out)


def to_page(bundle: m.Bundle, quiz: engine.Quiz) -> str:
    """The handout with ``quiz`` in it, as one self-contained offline HTML page."""
    lang = bundle.lang
    data = page_data(bundle, quiz)
    css = _web_file("page.css").strip()
    script = "\n" + _web_file("quiz.js").strip() + "\n"
    csp = "; ".join(
        (
            "default-src 'none'",
            f"script-src {_csp_hash(script)}",
            f"style-src {_csp_hash(style_sheet(css))}",
            "img-src 'none'",
            "font-src 'none'",
            "connect-src 'none'",
            "form-action 'none'",
            "base-uri 'none'",
        )
    )
    total = len(quiz.asked)
    note = t(lang, "page.quiz_note_one" if total == 1 else "page.quiz_note", count=total)
    parts = PageParts(
        head=(
            f'<meta http-equiv="Content-Security-Policy" content="{html_text(csp)}">\n'
            '<meta name="referrer" content="no-referrer">'
        ),
        css=css,
        quiz_note=(
            f'<p class="quiz-note">{html_text(note)} '
            f'<a href="#{QUIZ_ANCHOR}">{html_text(t(lang, "page.to_quiz"))}</a></p>'
        ),
        anchor=QUIZ_ANCHOR,
        title=data["text"]["quiz.title"],
        section=_section(data),
        body_end=(
            f'<script type="application/json" id="{DATA_ID}">{_json_for_html(data)}</script>\n'
            f"<script>{script}</script>"
        ),
    )
    return to_html(bundle, parts)
