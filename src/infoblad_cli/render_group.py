# SPDX-FileCopyrightText: 2026 The infoblad team
# SPDX-License-Identifier: EUPL-1.2
"""How a group's result looks: in the terminal (through ``render.Writer``) and as one HTML page
to project. Decides nothing: ``group.combine`` did the counting.

The HTML page is made for a projector at the back of a meeting room: large type, black on
white, bars that carry their number in text (colour is never the only signal), no script and
no network (a Content-Security-Policy forbids every request).
"""

from __future__ import annotations

import html
from collections.abc import Sequence

from rich.text import Text

from .fileio import strip_controls
from .group import BAND_LABELS, RATING_LABELS, Group, QuestionTally, Spread
from .render import STYLE_DIM, Writer, unicode_ok
from .render_quiz import bar
from .strings import t

BAR = 16
# No request of any kind; only the page's own styles (the bars' widths are inline styles).
_CSP = "default-src 'none'; style-src 'unsafe-inline'"


def _number(lang: str, value: float, digits: int = 0) -> str:
    """A number as people in that language write it: 0,75 in Dutch, 0.75 in English."""
    text = f"{value:.{digits}f}"
    return text.replace(".", ",") if lang == "nl" else text


def _plural(lang: str, key: str, count: int) -> str:
    return t(lang, f"{key}_one") if count == 1 else t(lang, key, count=count)


def _spread_line(lang: str, value: Spread) -> str:
    return t(
        lang,
        "group.spread",
        low=_number(lang, value.low),
        median=_number(lang, value.median),
        high=_number(lang, value.high),
    )


def _kind_label(lang: str, question: QuestionTally) -> str:
    if question.kind == "scenario":
        return t(lang, "quiz.situation") + (f" \u00b7 {question.setting}" if question.setting else "")
    if question.kind == "recognise":
        return t(lang, "quiz.voice")
    return t(lang, "quiz.statement")


def _best_label(lang: str, question: QuestionTally) -> str:
    return t(lang, "group.right" if question.kind == "recognise" else "group.best")


def _meta(lang: str, group: Group) -> list[str]:
    parts = [_plural(lang, "group.participants", group.participants)]
    if group.dates:
        parts.append(t(lang, "group.dates", dates=", ".join(group.dates)))
    if group.seeds:
        parts.append(t(lang, "group.seeds", seeds=", ".join(str(s) for s in group.seeds)))
    return parts


# ---------------------------------------------------------------- terminal


def terminal(w: Writer, group: Group) -> None:
    """The group's result for the terminal: summary first, then every question."""
    lang = w.lang
    w.title(w.t("group.title"), ". ".join(_meta(lang, group)[1:]) or None)
    w.wrap(_plural(lang, "group.participants", group.participants), style="bold")
    w.wrap(w.t("group.anonymous"), style=STYLE_DIM)

    w.heading(w.t("group.score"))
    if group.score is None:
        w.wrap(w.t("group.no_score"))
    else:
        _terminal_spread(w, group.score, 2)
    if group.themes:
        w.heading(w.t("group.by_theme"))
        for theme in group.themes:
            w.subheading(theme.title, 2)
            _terminal_spread(w, theme.spread, 4, compact=True)

    by_id = {q.id: q for q in group.questions}
    w.heading(w.t("group.disagreed"))
    if group.disagreed:
        w.wrap(w.t("group.disagreed_intro"))
        w.wrap(w.t("group.disagreement_explained"), style=STYLE_DIM)
        for number, qid in enumerate(group.disagreed, 1):
            w.blank()
            _terminal_question(w, by_id[qid], f"{number}. ")
    else:
        w.wrap(w.t("group.no_disagreement"))

    choices = [q for q in group.questions if q.options]
    if choices:
        w.heading(w.t("group.per_question"))
        for question in choices:
            w.blank()
            _terminal_question(w, question, "- ")
    ratings = [q for q in group.questions if q.ratings is not None]
    if ratings:
        w.heading(w.t("group.ratings"))
        w.wrap(w.t("group.ratings_scale"), style=STYLE_DIM)
        for question in ratings:
            assert question.ratings is not None
            w.blank()
            w.wrap(question.text, 2, first="- ", style="bold")
            _terminal_bands(w, RATING_LABELS, question.ratings.bands, 4)
            w.wrap(
                t(
                    lang,
                    "group.rating_spread",
                    median=_number(lang, question.ratings.median, 1 if question.ratings.median % 1 else 0),
                    low=_number(lang, question.ratings.low),
                    high=_number(lang, question.ratings.high),
                )
                + f" ({_plural(lang, 'group.answered', question.answered)})",
                4,
                style=STYLE_DIM,
            )


def _terminal_spread(w: Writer, value: Spread, indent: int, compact: bool = False) -> None:
    w.wrap(_spread_line(w.lang, value) + f" ({_plural(w.lang, 'group.people', value.people)})", indent)
    labels = tuple(f"{label}%" for label in BAND_LABELS)
    if compact:  # one line per theme keeps the themes side by side on one screen
        bands = "  ".join(f"{label}: {count}" for label, count in zip(labels, value.bands, strict=True))
        w.wrap(w.t("group.distribution") + ": " + bands, indent, style=STYLE_DIM)
        return
    _terminal_bands(w, labels, value.bands, indent)


def _terminal_bands(w: Writer, labels: Sequence[str], counts: Sequence[int], indent: int) -> None:
    width = max(len(label) for label in labels)
    most = max(counts) or 1
    size = max(4, min(BAR, w.width - indent - width - 8))
    for label, count in zip(labels, counts, strict=True):
        line = Text(" " * indent + label.rjust(width) + "  ")
        line.append(bar(w, count / most, size), style=w.style("cyan"))
        line.append(f" {count}")
        w.emit(line)


def _terminal_question(w: Writer, question: QuestionTally, first: str) -> None:
    lang = w.lang
    details = [_plural(lang, "group.answered", question.answered)]
    if question.disagreement is not None:
        details.append(t(lang, "group.disagreement", value=_number(lang, question.disagreement, 2)))
    w.wrap(_kind_label(lang, question) + " \u00b7 " + ", ".join(details), 2, style=STYLE_DIM)
    if question.kind == "recognise":  # a voice: in quotation marks, like in the quiz
        opening, closing = ('"', '"') if w.plain else ("\u201c", "\u201d")
        w.wrap(question.text + closing, 2, first=first + opening, style="bold")
    else:
        w.wrap(question.text, 2, first=first, style="bold")
    most = max((o.chosen for o in question.options), default=0) or 1
    digits = len(str(max((o.chosen for o in question.options), default=0)))
    size = 10
    mark = "*" if w.plain or not unicode_ok(w.console) else "\u2713"
    for option in question.options:
        head = f"{option.chosen:>{digits}} {bar(w, option.chosen / most, size)} "
        text = option.text + (f" ({mark} {_best_label(lang, question)})" if option.best else "")
        w.wrap(text, 4, first=head)


# ---------------------------------------------------------------- HTML to project

COLOR_TEXT = "#000000"
COLOR_MUTED = "#333333"
COLOR_BAR = "#0b4f9c"
COLOR_BEST = "#0a5d1e"
COLOR_TRACK = "#e6e6e6"

_CSS = f"""
:root {{ color-scheme: light; }}
html {{ font-size: 24px; -webkit-text-size-adjust: 100%; text-size-adjust: 100%; }}
body {{
  margin: 0; background: #fff; color: {COLOR_TEXT};
  font-family: system-ui, -apple-system, "Segoe UI", Roboto, "Helvetica Neue", Arial, sans-serif;
  line-height: 1.4; overflow-wrap: break-word;
}}
main {{ max-width: 1400px; margin: 0 auto; padding: 1.5rem 2rem 3rem; }}
h1 {{ font-size: 2.2rem; margin: 0 0 0.3rem; }}
h2 {{
  font-size: 1.6rem; margin: 2.5rem 0 0.6rem; padding-bottom: 0.2rem; border-bottom: 4px solid {COLOR_TEXT};
}}
h3 {{ font-size: 1.15rem; margin: 0 0 0.4rem; }}
p {{ margin: 0.3rem 0; }}
.big {{ font-size: 1.6rem; font-weight: bold; margin: 0.5rem 0; }}
.muted {{ color: {COLOR_MUTED}; }}
.small {{ font-size: 0.8rem; }}
section.question, div.theme {{
  border: 3px solid {COLOR_TEXT}; border-radius: 10px; padding: 0.8rem 1.1rem; margin: 1rem 0;
  break-inside: avoid; page-break-inside: avoid;
}}
.label {{
  font-size: 0.8rem; font-weight: bold; text-transform: uppercase; letter-spacing: 0.04em;
  color: {COLOR_MUTED};
}}
.text {{ font-size: 1.05rem; font-weight: bold; margin: 0.2rem 0 0.7rem; }}
.rows {{
  display: grid; grid-template-columns: minmax(6rem, 1fr) 3fr; gap: 0.4rem 1rem; align-items: center;
}}
.rows.options {{ grid-template-columns: 3fr minmax(8rem, 2fr); }}
.track {{ background: {COLOR_TRACK}; border: 2px solid {COLOR_TEXT}; height: 1.6rem; position: relative; }}
.fill {{ background: {COLOR_BAR}; height: 100%; }}
.count {{ font-weight: bold; font-size: 1.1rem; text-align: right; }}
.barline {{ display: grid; grid-template-columns: 1fr 2.2rem 3.2rem; gap: 0.5rem; align-items: center; }}
.share {{ color: {COLOR_MUTED}; font-size: 0.85rem; text-align: right; }}
.option {{ padding: 0.15rem 0; }}
.best .option {{ font-weight: bold; }}
.best .fill {{ background: {COLOR_BEST}; }}
.tag {{
  display: inline-block; border: 2px solid {COLOR_BEST}; color: {COLOR_BEST}; border-radius: 6px;
  padding: 0 0.3rem; font-size: 0.75rem; font-weight: bold; margin-left: 0.3rem; white-space: nowrap;
}}
.rank {{ font-size: 1.4rem; font-weight: bold; margin-right: 0.3rem; }}
ol.plain {{ list-style: none; padding: 0; margin: 0; }}
footer {{ max-width: 1400px; margin: 0 auto; padding: 0 2rem 2rem; color: {COLOR_MUTED}; font-size: 0.8rem; }}
@media print {{
  html {{ font-size: 12pt; }}
  h2 {{ break-after: avoid; page-break-after: avoid; }}
  .track, .fill {{ -webkit-print-color-adjust: exact; print-color-adjust: exact; }}
}}
""".strip()


def _h(text: str) -> str:
    return html.escape(strip_controls(text), quote=True)


def _bar_html(count: int, total: int, label: str) -> str:
    """A bar as long as the share of ``total``, with the count written next to it."""
    width = round(100 * count / total) if total else 0
    return (
        f'<div class="barline"><div class="track" role="img" aria-label="{_h(label)}">'
        f'<div class="fill" style="width: {width}%"></div></div>'
        f'<span class="count">{count}</span><span class="share">{width}%</span></div>'
    )


def _bands_html(labels: Sequence[str], counts: Sequence[int], lang: str) -> list[str]:
    total = sum(counts)
    out = ['<div class="rows">']
    for label, count in zip(labels, counts, strict=True):
        people = _plural(lang, "group.people", count)
        out.append(f"<div>{_h(label)}</div>{_bar_html(count, total, f'{label}: {people}')}")
    out.append("</div>")
    return out


def _question_html(lang: str, question: QuestionTally, rank: int | None = None) -> list[str]:
    details = [_plural(lang, "group.answered", question.answered)]
    if question.disagreement is not None:
        details.append(t(lang, "group.disagreement", value=_number(lang, question.disagreement, 2)))
    out = [f'<section class="question" id="q-{_h(question.id)}">']
    out.append(f'<p class="label">{_h(_kind_label(lang, question))} \u00b7 {_h(", ".join(details))}</p>')
    rank_html = f'<span class="rank">{rank}.</span>' if rank is not None else ""
    text = f"\u201c{question.text}\u201d" if question.kind == "recognise" else question.text
    out.append(f'<p class="text">{rank_html}{_h(text)}</p>')
    most = question.answered
    out.append('<ol class="plain rows options">')
    for option in question.options:
        tag = f'<span class="tag">\u2713 {_h(_best_label(lang, question))}</span>' if option.best else ""
        people = _plural(lang, "group.people", option.chosen)
        css = ' class="best"' if option.best else ""
        out.append(
            f'<li{css} style="display: contents"><div class="option">{_h(option.text)}{tag}</div>'
            f"{_bar_html(option.chosen, most, people)}</li>"
        )
    out.append("</ol>")
    out.append("</section>")
    return out


def to_html(group: Group, lang: str) -> str:
    """The group's result as one self-contained page to project (no script, no network)."""
    title = t(lang, "group.title")
    out = [
        "<!DOCTYPE html>",
        f'<html lang="{_h(lang)}">',
        "<head>",
        '<meta charset="utf-8">',
        '<meta name="viewport" content="width=device-width, initial-scale=1">',
        f'<meta http-equiv="Content-Security-Policy" content="{_CSP}">',
        '<meta name="generator" content="infoblad">',
        f"<title>{_h(title)} \u2013 infoblad</title>",
        f"<style>\n{_CSS}\n</style>",
        "</head>",
        "<body>",
        "<main>",
        f"<h1>{_h(title)}</h1>",
        f'<p class="big">{_h(_plural(lang, "group.participants", group.participants))}</p>',
    ]
    meta = _meta(lang, group)[1:]
    if meta:
        joined = " \u00b7 ".join(meta)
        out.append(f'<p class="muted">{_h(joined)}</p>')
    out.append(f'<p class="muted">{_h(t(lang, "group.anonymous"))}</p>')

    by_id = {q.id: q for q in group.questions}
    out.append(f'<h2 id="disagreed">{_h(t(lang, "group.disagreed"))}</h2>')
    if group.disagreed:
        out.append(f"<p>{_h(t(lang, 'group.disagreed_intro'))}</p>")
        for rank, qid in enumerate(group.disagreed, 1):
            out.extend(_question_html(lang, by_id[qid], rank))
        out.append(f'<p class="muted small">{_h(t(lang, "group.disagreement_explained"))}</p>')
    else:
        out.append(f"<p>{_h(t(lang, 'group.no_disagreement'))}</p>")

    band_labels = tuple(f"{label}%" for label in BAND_LABELS)
    out.append(f'<h2 id="score">{_h(t(lang, "group.score"))}</h2>')
    if group.score is None:
        out.append(f"<p>{_h(t(lang, 'group.no_score'))}</p>")
    else:
        out.append('<div class="theme">')
        out.append(f'<p class="text">{_h(_spread_line(lang, group.score))}</p>')
        out.extend(_bands_html(band_labels, group.score.bands, lang))
        out.append("</div>")
    if group.themes:
        out.append(f'<h2 id="by-theme">{_h(t(lang, "group.by_theme"))}</h2>')
        for theme in group.themes:
            out.append('<div class="theme">')
            out.append(f"<h3>{_h(theme.title)}</h3>")
            people = _plural(lang, "group.people", theme.spread.people)
            out.append(f'<p class="text">{_h(_spread_line(lang, theme.spread))} ({_h(people)})</p>')
            out.extend(_bands_html(band_labels, theme.spread.bands, lang))
            out.append("</div>")

    choices = [q for q in group.questions if q.options]
    if choices:
        out.append(f'<h2 id="per-question">{_h(t(lang, "group.per_question"))}</h2>')
        for question in choices:
            out.extend(_question_html(lang, question))
    ratings = [q for q in group.questions if q.ratings is not None]
    if ratings:
        out.append(f'<h2 id="ratings">{_h(t(lang, "group.ratings"))}</h2>')
        out.append(f'<p class="muted">{_h(t(lang, "group.ratings_scale"))}</p>')
        for question in ratings:
            assert question.ratings is not None
            out.append(f'<section class="question" id="q-{_h(question.id)}">')
            out.append(f'<p class="label">{_h(_plural(lang, "group.answered", question.answered))}</p>')
            out.append(f'<p class="text">{_h(question.text)}</p>')
            out.extend(_bands_html(RATING_LABELS, question.ratings.bands, lang))
            median = _number(lang, question.ratings.median, 1 if question.ratings.median % 1 else 0)
            spread_text = t(
                lang,
                "group.rating_spread",
                median=median,
                low=_number(lang, question.ratings.low),
                high=_number(lang, question.ratings.high),
            )
            out.append(f'<p class="muted">{_h(spread_text)}</p>')
            out.append("</section>")
    out.append("</main>")
    out.append(f"<footer><p>{_h(t(lang, 'group.footer', count=group.participants))}</p></footer>")
    out.append("</body>")
    out.append("</html>")
    return "\n".join(out) + "\n"
