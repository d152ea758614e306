# SPDX-FileCopyrightText: 2026 The infoblad team
# SPDX-License-Identifier: EUPL-1.2
"""The gist of a narrative, lesson or case: what it is, what it asks of you, what to do tomorrow.

Made for the ten minutes between two clients: it fits one screen (24 lines at 80 columns,
one of them left for the prompt) and ends with the command for the full page.

What each kind contributes:

- a narrative: its summary; the first thing it asks on the front line and of a policy officer;
  for tomorrow, the ``tomorrow`` of its first linked lesson (a narrative has no actions itself).
- a lesson: its summary; the first two sentences of the lesson; its own ``tomorrow``.
- a case: its summary, place, period and outcome; the lessons it shows (lesson titles are
  imperatives: they say what the case asks); for tomorrow, its first linked lesson's ``tomorrow``.

``gist`` picks the texts (pure, no I/O); ``show`` lays them out and, if a content pack brings
long texts, shortens the longest parts (whole sentences first) until the page fits.
"""

from __future__ import annotations

import re
import textwrap
from collections.abc import Sequence
from typing import TYPE_CHECKING, Any, NamedTuple

from . import models as m

if TYPE_CHECKING:
    from .render import Writer

SCREEN_LINES = 23  # a 24-line terminal, less the line the shell prompt needs afterwards
ROLES = ("frontline", "policy")


class Ask(NamedTuple):
    """One line of 'what it asks of you' or 'tomorrow'."""

    text: str
    role: str = ""  # "frontline", "policy", or "" when the line is not about a role
    command: str = ""  # the command that opens what the line names, if it names something


class Source(NamedTuple):
    kind: str
    id: str
    title: str

    @property
    def command(self) -> str:
        return f"infoblad {self.kind} {self.id}"


class Gist(NamedTuple):
    kind: str  # "narratives", "lessons" or "cases"
    id: str
    title: str
    summary: str
    facts: tuple[tuple[str, str], ...]  # (label key, value): a case's place, period and outcome
    asks: tuple[Ask, ...]
    tomorrow: tuple[Ask, ...]
    tomorrow_from: Source | None  # the lesson the 'tomorrow' comes from, when it is not this entry

    @property
    def command(self) -> str:
        return f"infoblad {self.kind} {self.id}"


def _lessons(bundle: m.Bundle, ids: Sequence[str]) -> list[m.Lesson]:
    by_id = {lesson.id: lesson for lesson in bundle.lessons}
    return [by_id[i] for i in ids if i in by_id]


def _tomorrow(lesson: m.Lesson) -> tuple[Ask, ...]:
    pairs = zip(ROLES, (lesson.tomorrow.frontline, lesson.tomorrow.policy), strict=True)
    return tuple(Ask(text, role) for role, text in pairs if text.strip())


_SENTENCE_END = re.compile(r"(?<=[.!?])\s+(?=\S)")


def sentences(text: str) -> list[str]:
    """The sentences of the first paragraph of ``text``."""
    first = text.strip().split("\n\n")[0]
    return [part for part in _SENTENCE_END.split(" ".join(first.split())) if part]


def gist(bundle: m.Bundle, kind: str, entry: Any) -> Gist:
    """The gist of one narrative, lesson or case (``kind`` as in the command name)."""
    if kind == "narratives":
        n: m.Narrative = entry
        asks = tuple(Ask(items[0], role) for role, items in zip(ROLES, n.asks_of_you, strict=True) if items)
        linked = _lessons(bundle, n.lessons)
        source = linked[0] if linked else None
        return Gist(
            kind,
            n.id,
            n.title,
            n.summary,
            (),
            asks,
            _tomorrow(source) if source else (),
            Source("lessons", source.id, source.title) if source else None,
        )
    if kind == "lessons":
        lesson: m.Lesson = entry
        core = " ".join(sentences(lesson.lesson)[:2])
        return Gist(
            kind,
            lesson.id,
            lesson.title,
            lesson.summary,
            (),
            (Ask(core),) if core else (),
            _tomorrow(lesson),
            None,
        )
    if kind == "cases":
        case: m.Case = entry
        linked = _lessons(bundle, case.lessons)
        source = linked[0] if linked else None
        places = (("cases.place", case.place), ("cases.period", case.period))
        facts = (
            *((label, value) for label, value in places if value.strip()),
            ("", f"outcome.{case.outcome}"),
        )
        return Gist(
            kind,
            case.id,
            case.title,
            case.summary,
            facts,
            tuple(Ask(lesson.title, command=f"infoblad lessons {lesson.id}") for lesson in linked[:3]),
            _tomorrow(source) if source else (),
            Source("lessons", source.id, source.title) if source else None,
        )
    raise ValueError(f"no gist for {kind!r}")


def to_data(g: Gist, lang: str) -> dict[str, Any]:
    """The gist for ``--json``: the texts whole (only the screen shortens them)."""
    from .strings import t

    data: dict[str, Any] = {
        "lang": lang,
        "kind": g.kind,
        "id": g.id,
        "title": g.title,
        "summary": g.summary,
    }
    if g.facts:
        data["facts"] = {
            (label.split(".")[-1] if label else "outcome"): (t(lang, value) if not label else value)
            for label, value in g.facts
        }
    data["asks"] = [{"text": a.text, "role": a.role or None, "command": a.command or None} for a in g.asks]
    data["tomorrow"] = [{"text": a.text, "role": a.role} for a in g.tomorrow]
    data["tomorrow_from"] = (
        {
            "kind": g.tomorrow_from.kind,
            "id": g.tomorrow_from.id,
            "title": g.tomorrow_from.title,
            "command": g.tomorrow_from.command,
        }
        if g.tomorrow_from
        else None
    )
    data["command"] = g.command
    return data


# ---------------------------------------------------------------- on the screen


class _Block:
    """Text to wrap with a first-line prefix and an indent; may be shortened to fit."""

    def __init__(
        self, text: str, indent: int = 0, first: str = "", style: str = "", shrink: bool = True
    ) -> None:
        self.text = text
        self.indent = indent
        self.first = first
        self.style = style
        self.shrink = shrink
        self.keep: int | None = None  # at most this many lines, once shortened

    def lines(self, width: int) -> list[str]:
        wrapped = self._wrap(self.text, width)
        if self.keep is None or len(wrapped) <= self.keep:
            return wrapped
        return self._wrap(_shorten(self.text, lambda text: len(self._wrap(text, width)) <= self.keep), width)

    def _wrap(self, text: str, width: int) -> list[str]:
        prefix = " " * self.indent
        return textwrap.wrap(
            text,
            width=width,
            initial_indent=prefix + self.first,
            subsequent_indent=prefix + " " * len(self.first),
            break_long_words=False,
            break_on_hyphens=False,
        ) or [prefix + self.first]


def _shorten(text: str, fits: Any) -> str:
    """The longest start of ``text`` that ``fits``: whole sentences if possible, else words and '…'."""
    parts = sentences(text)
    for count in range(len(parts) - 1, 0, -1):
        candidate = " ".join(parts[:count])
        if fits(candidate):
            return candidate
    words = text.split()
    for count in range(len(words) - 1, 0, -1):
        candidate = " ".join(words[:count]).rstrip(",;:") + " \u2026"
        if fits(candidate):
            return candidate
    return "\u2026"


def _fit(blocks: Sequence[_Block | None], width: int, budget: int) -> None:
    """Shorten the longest shrinkable blocks, a line at a time, until all fit in ``budget`` lines."""
    while True:
        sizes = [(len(b.lines(width)) if b else 1, b) for b in blocks]
        if sum(size for size, _ in sizes) <= budget:
            return
        candidates = [(size, b) for size, b in sizes if b is not None and b.shrink and size > 1]
        if not candidates:
            return  # nothing left to shorten: a very narrow terminal
        size, longest = max(candidates, key=lambda pair: pair[0])
        longest.keep = size - 1


def show(w: Writer, g: Gist, budget: int = SCREEN_LINES) -> None:
    """The gist on one screen, the command for the full page last."""
    from rich.text import Text

    from .render import STYLE_COMMAND, STYLE_DIM, STYLE_HEADING, STYLE_TITLE, STYLE_VOICE

    kind_title = w.t(f"{g.kind}.title")
    sep = " - " if w.plain else " \u00b7 "
    blocks: list[_Block | None] = [
        _Block(g.title, style=STYLE_TITLE, shrink=False),
        _Block(f"{kind_title}: {g.id}{sep}{w.t('gist.label')}", style=STYLE_DIM, shrink=False),
    ]
    if g.facts:
        blocks.append(_Block(sep.join(w.t(v) if not k else v for k, v in g.facts), style=STYLE_DIM))
    blocks += [None, _Block(g.summary, style=STYLE_VOICE)]
    labels = {"frontline": w.t("gist.frontline"), "policy": w.t("gist.policy")}
    if g.asks:
        blocks += [None, _Block(w.t("gist.asks"), style=STYLE_HEADING, shrink=False)]
        for ask in g.asks:
            text = f"{labels[ask.role]} {ask.text}" if ask.role else ask.text
            if ask.command:
                text += f" ({ask.command})"
            blocks.append(_Block(text, 2, first=w.bullet + " " if len(g.asks) > 1 or ask.command else ""))
    if g.tomorrow:
        blocks += [None, _Block(w.t("gist.tomorrow"), style=STYLE_HEADING, shrink=False)]
        for ask in g.tomorrow:
            blocks.append(_Block(f"{labels[ask.role]} {ask.text}", 2, first=w.bullet + " "))
        if g.tomorrow_from:
            source = g.tomorrow_from
            blocks.append(
                _Block(w.t("gist.from", title=source.title, command=source.command), 2, style=STYLE_DIM)
            )
    blocks += [None, None]  # the last line: the command, never shortened
    _fit(blocks, w.width, budget)
    for block in blocks[:-1]:
        if block is None:
            w.blank()
        else:
            w.emit(Text("\n".join(block.lines(w.width)), style=w.style(block.style)))
    line = Text(w.t("gist.full") + " ")
    line.append(g.command, style=w.style(STYLE_COMMAND))
    w.emit(line)


def listing(w: Writer, kind: str, entries: Sequence[Any]) -> None:
    """The list in short: one line per entry (ID and title), and how to get one entry's gist."""
    from .render import STYLE_TITLE

    w.wrap(w.t(f"{kind}.title"), style=STYLE_TITLE)
    width = max((len(e.id) for e in entries), default=0)
    for entry in entries:
        w.wrap(entry.title, 2, first=entry.id.ljust(width) + "  ")
    w.blank()
    w.command(f"infoblad {kind} ID --short", label=w.t("gist.open"))
