# SPDX-FileCopyrightText: 2026 The infoblad team
# SPDX-License-Identifier: EUPL-1.2
"""Turn content and results into what a person reads, or into JSON for scripts.

The renderer never decides what to show, only how. Content is always wrapped
in ``rich.text.Text`` (never in markup strings), so ``[bold]`` or ``[link=...]``
in a content file is printed as those very characters.
"""

from __future__ import annotations

import json
import sys
import textwrap
from collections.abc import Iterable, Sequence
from typing import TYPE_CHECKING, Any

from rich.console import Console
from rich.text import Text

from . import kinds as k
from . import models as m
from .strings import t
from .term import clean_json, clean_text

if TYPE_CHECKING:
    from . import outline as o
    from .tips import Tip

MAX_WIDTH = 100

STYLE_TITLE = "bold"
STYLE_HEADING = "bold cyan"
STYLE_DIM = "dim"
STYLE_COMMAND = "green"
STYLE_VOICE = "italic"


class Writer:
    """A thin layer over a Rich console: headings, paragraphs, lists.

    ``plain`` (``--plain``, or output that is not a terminal) means no colour
    and no box drawing; the words and their order stay the same. Wrapping is
    ours, not Rich's: lines carry no trailing padding, and web addresses and
    commands are never broken in the middle, so they can be copied.
    """

    def __init__(self, console: Console, lang: str, plain: bool) -> None:
        self.console = console
        self.lang = lang
        self.plain = plain
        self.width = max(1, min(console.width, MAX_WIDTH))
        # Without colour there is nothing for Rich to do: write the text straight out
        # (our own wrapping already made the lines). Noticeably quicker for long pages.
        self.direct = console.color_system is None
        self.bullet = "-" if plain or not unicode_ok(console) else "\u2022"

    def t(self, key: str, **values: object) -> str:
        return t(self.lang, key, **values)

    def style(self, style: str) -> str:
        return "" if self.plain else style

    def emit(self, text: Text) -> None:
        """Print one line (or pre-wrapped lines) as they are, never a control character."""
        text = clean_text(text)
        if self.direct:
            self.console.file.write(text.plain + "\n")
        else:
            self.console.print(text, soft_wrap=True)

    def blank(self) -> None:
        if self.direct:
            self.console.file.write("\n")
        else:
            self.console.print()

    def wrap(self, text: str, indent: int = 0, first: str = "", style: str = "") -> None:
        """Print ``text`` wrapped to the width, indented; ``first`` starts the first line."""
        prefix = " " * indent
        lines = textwrap.wrap(
            text,
            width=self.width,
            initial_indent=prefix + first,
            subsequent_indent=prefix + " " * len(first),
            break_long_words=False,
            break_on_hyphens=False,
        ) or [prefix + first]
        self.emit(Text("\n".join(lines), style=self.style(style)))

    def quote(self, text: str, indent: int = 0) -> None:
        """An (illustrative) voice, in quotation marks; straight ones in plain output."""
        opening, closing = ('"', '"') if self.plain else ("\u201c", "\u201d")
        self.wrap(text + closing, indent, first=opening, style=STYLE_VOICE)

    def title(self, text: str, subtitle: str | None = None) -> None:
        self.wrap(text, style=STYLE_TITLE)
        if subtitle:
            self.wrap(subtitle, style=STYLE_DIM)

    def heading(self, text: str) -> None:
        self.blank()
        self.wrap(text, style=STYLE_HEADING)

    def subheading(self, text: str, indent: int = 0) -> None:
        self.wrap(text, indent, style="bold")

    def paragraphs(self, text: str, indent: int = 0, style: str = "") -> None:
        for index, paragraph in enumerate(text.split("\n\n")):
            if index:
                self.blank()
            self.wrap(paragraph, indent, style=style)

    def bullets(self, items: Iterable[str], indent: int = 0, style: str = "") -> None:
        for item in items:
            self.wrap(item, indent, first=self.bullet + " ", style=style)

    def command(self, command: str, indent: int = 0, label: str | None = None, after: str = "") -> None:
        head = " " * indent + (label + " " if label else "")
        if len(head) + len(command) + (len(after) + 2 if after else 0) > self.width:
            # Too long for the screen: break at spaces (never inside a word), the title below.
            from .layout import wrap

            if label:
                self.wrap(label, indent)
            lines = wrap(command, self.width, " " * indent, " " * (indent + 2))
            self.emit(Text("\n".join(lines), style=self.style(STYLE_COMMAND)))
            if after:
                self.wrap(after, indent + 2)
            return
        line = Text(head)
        line.append(command, style=self.style(STYLE_COMMAND))
        if after:
            line.append("  " + after)
        self.emit(line)

    def field_lines(self, rows: Sequence[tuple[str, str]], indent: int = 0) -> None:
        rows = [(label, value) for label, value in rows if value]
        width = max((len(label) for label, _ in rows), default=0)
        for label, value in rows:
            first = f"{label}:".ljust(width + 2) if label else " " * (width + 2)
            longest = max((len(word) for word in value.split()), default=0)
            # A narrow screen, or a word (a web address) that does not fit beside the label:
            # the value under its label, so no word is broken.
            if self.width - indent - len(first) < max(10, min(longest, self.width - indent - 2)):
                if label:
                    self.emit(Text(" " * indent + f"{label}:", style=self.style("bold")))
                self.wrap(value, indent + 2)
                continue
            body = textwrap.wrap(
                value,
                width=max(10, self.width - indent - len(first)),
                break_long_words=False,
                break_on_hyphens=False,
            ) or [""]
            line = Text(" " * indent)
            line.append(first, style=self.style("bold"))
            line.append(body[0])
            for more in body[1:]:
                line.append("\n" + " " * (indent + len(first)) + more)
            self.emit(line)

    def source_line(self, source: m.Source, indent: int = 0) -> None:
        self.wrap(source.title, indent, first=self.bullet + " ")
        self.wrap(source.url, indent + 2, style=STYLE_DIM)

    def sources(self, sources: Sequence[m.Source]) -> None:
        if not sources:
            return
        self.heading(self.t("sources"))
        for source in sources:
            self.source_line(source)


def unicode_ok(console: Console) -> bool:
    return (console.encoding or "").lower().replace("-", "").startswith("utf")


# ---------------------------------------------------------------- JSON


to_data = m.to_data  # for the commands: a model as JSON-ready data


def write_json(data: Any) -> None:
    """One JSON document on stdout, always UTF-8, whatever the console's encoding."""
    write_stdout(json.dumps(data, ensure_ascii=False, indent=2) + "\n")


def write_stdout(text: str) -> None:
    """Text meant for a file or a script goes out as UTF-8, whatever the console's encoding.

    Control characters, bidi overrides and lone surrogates go out as JSON-style ``\\uXXXX``
    escapes: in JSON that is the very same data, in Markdown or HTML harmless text.
    """
    text = clean_json(text)
    buffer = getattr(sys.stdout, "buffer", None)
    if buffer is None:  # pragma: no cover - a stdout without a byte buffer
        sys.stdout.write(text)
        return
    sys.stdout.flush()
    buffer.write(text.encode("utf-8"))
    buffer.flush()


# ---------------------------------------------------------------- listings


def listing(
    w: Writer, kind: str, entries: Sequence[Any], title: str, intro: str, subtitle: Any = None
) -> None:
    """A list of entries: each with its title, ID, summary and the command that opens it."""
    w.title(title, intro)
    for entry in entries:
        w.blank()
        extra = subtitle(entry) if subtitle else None
        w.wrap(entry.title + (f"  ({extra})" if extra else ""), style="bold")
        w.wrap(entry.summary, 2)
        w.command(f"infoblad {kind} {entry.id}", 2)


# ---------------------------------------------------------------- pages, from the outline


def page(w: Writer, part: o.Part, subtitle: str | None = None) -> None:
    """One page of the outline (an entry, or a whole section) as terminal text."""
    w.title(part.title, subtitle)
    _blocks(w, part.children, depth=0)


def _blocks(w: Writer, blocks: Sequence[o.Block], depth: int) -> None:
    """Blocks under a part at ``depth`` (0 for the page itself): headings, then indented text."""
    from . import outline as o

    indent = 2 * max(0, depth - 1)
    for index, block in enumerate(blocks):
        if isinstance(block, o.Part):
            if depth == 0:
                title = block.title.upper() if w.plain and block.tag == "article" else block.title
                w.heading(title)
            else:
                if index:
                    w.blank()
                w.subheading(block.title, indent)
            _blocks(w, block.children, depth + 1)
        elif isinstance(block, o.Paragraphs):
            if depth == 0 or block.style == "summary":
                w.blank()
            style = {"summary": STYLE_VOICE, "note": STYLE_DIM, "meta": STYLE_DIM}.get(block.style, "")
            w.paragraphs(block.text, indent, style=style)
        elif isinstance(block, o.Facts):
            if depth == 0:
                w.blank()
            w.field_lines([(fact.label, fact.value) for fact in block.rows], indent)
        elif isinstance(block, o.Bullets):
            w.bullets(block.items, indent)
        elif isinstance(block, o.Voices):
            for voice in block.items:
                w.quote(voice, indent + 2)
        elif isinstance(block, o.Refs):
            for ref in block.refs:
                w.command(ref.command, indent, after=ref.title)
        elif isinstance(block, o.Sources):
            for source in block.sources:
                w.source_line(source, indent)
        elif isinstance(block, o.Terms):
            for term in block.terms:
                w.subheading(term.term, indent)
                w.paragraphs(term.explanation, indent + 2)


def entry_page(w: Writer, bundle: m.Bundle, kind: k.Kind, item: Any) -> None:
    """One entry in full: its page of the outline, under the kind's name and the entry's ID."""
    from . import outline as o

    page(w, o.entry(bundle, kind, item), f"{w.t(kind.title_key)}: {item.id}")


def personal(w: Writer, bundle: m.Bundle) -> None:
    from . import outline as o

    page(w, o.personal(bundle))


def personal_theme(w: Writer, bundle: m.Bundle, theme: m.Theme) -> None:
    """One theme of the personal side (``infoblad personal THEME``), and where the others are."""
    from . import outline as o

    page(w, o.entry(bundle, k.THEMES, theme), f"{w.t('kind.personal')}: {theme.id}")
    w.blank()
    w.command("infoblad personal")


def glossary_term(w: Writer, bundle: m.Bundle, term: m.Term) -> None:
    """One term of the glossary (``infoblad about --term ID``), and where the others are."""
    from . import outline as o

    page(w, o.entry(bundle, k.GLOSSARY, term), f"{w.t('kind.glossary')}: {term.id}")
    w.blank()
    w.command("infoblad about")


def about(w: Writer, bundle: m.Bundle) -> None:
    from . import outline as o

    page(w, o.about(bundle))


def contact(w: Writer, bundle: m.Bundle) -> None:
    from . import outline as o

    page(w, o.contacts(bundle))


HOME_COMMANDS = (
    "narratives",
    "lessons",
    "cases",
    "personal",
    "tip",
    "quiz",
    "history",
    "search",
    "contact",
    "about",
    "export",
    "validate",
)


def home(w: Writer, bundle: m.Bundle, version: str | None = None) -> None:
    from .layout import two_columns
    from .names import shown

    w.title("infoblad", w.t("home.tagline"))
    w.blank()
    w.paragraphs(bundle.about.summary)
    w.heading(w.t("home.commands"))
    # The command beside its description when there is room, above it when not (narrow screens).
    rows = [(f"infoblad {shown(name, w.lang)}", w.t(f"cmd.{name}")) for name in HOME_COMMANDS]
    for text in two_columns(rows, w.width, indent=2):
        line = Text(text)
        for command, _ in rows:
            if text[2:] == command or text[2:].startswith(command + " "):
                line.stylize(w.style(STYLE_COMMAND), 2, 2 + len(command))
        w.emit(line)
    w.blank()
    w.wrap(w.t("home.source"), style=STYLE_DIM)
    w.wrap(w.t("home.more"), style=STYLE_DIM)


def home_data(bundle: m.Bundle) -> dict[str, Any]:
    return {
        "lang": bundle.lang,
        "title": "infoblad",
        "tagline": t(bundle.lang, "home.tagline"),
        "summary": bundle.about.summary,
        "source": t(bundle.lang, "home.source"),
        "commands": [
            {"command": f"infoblad {name}", "description": t(bundle.lang, f"cmd.{name}")}
            for name in HOME_COMMANDS
        ],
    }


def validation(w: Writer, report: dict[str, Any]) -> None:
    """The outcome of 'infoblad validate': every problem, errors first, in the run's language."""
    w.title(w.t("validate.title"))
    for checked in report["checked"]:
        w.wrap(checked, 2, first="- ")
    w.blank()
    for problem in report["problems"]:
        where = problem["file"] + (f":{problem['line']}" if problem["line"] else "")
        details = []
        if problem["entry"]:
            details.append(w.t("problem.entry", id=problem["entry"]))
        if problem["field"]:
            details.append(w.t("problem.field", name=problem["field"]))
        error = problem["severity"] == "error"
        line = Text()
        line.append(
            w.t("validate.error" if error else "validate.warning"),
            style=w.style("bold red" if error else "yellow"),
        )
        line.append(f"  {where}" + (f" ({', '.join(details)})" if details else ""))
        w.emit(line)
        message = problem["message"]
        if problem["expected"]:
            message += " " + w.t("problem.expected", expected=problem["expected"])
        w.wrap(message, 4)
    if report["problems"]:
        w.blank()
    if report["ok"]:
        counts = ", ".join(f"{w.t('validate.count.' + kind)}: {n}" for kind, n in report["counts"].items())
        summary = w.t("validate.ok_counts", counts=counts) if counts else w.t("validate.ok")
        if report["warnings"]:
            summary += " " + w.t("validate.warnings", count=report["warnings"])
        w.wrap(summary, style="bold green")
    else:
        w.wrap(
            w.t("validate.failed", count=report["errors"])
            + " "
            + w.t("validate.warnings", count=report["warnings"]),
            style="bold red",
        )
        w.wrap(w.t("validate.fix"))


def search_results(w: Writer, query: str, hits: Sequence[Any], total: int) -> None:
    """Search hits: kind, ID and title, a snippet with the matches marked, the command."""
    w.title(w.t("search.title", query=query, count=total))
    for hit in hits:
        w.blank()
        where = f"({w.t('kind.' + hit.kind)}: {hit.id})"
        if len(hit.title) + 2 + len(where) <= w.width:
            head = Text()
            head.append(hit.title, style=w.style("bold"))
            head.append("  " + where, style=w.style(STYLE_DIM))
            w.emit(head)
        else:  # a narrow screen: where it is found on a line of its own, no word broken
            w.wrap(hit.title, style="bold")
            w.wrap(where, style=STYLE_DIM)
        room = max(1, w.width - 2)
        # Plain text to a pipe or file, no word wider than the screen: nothing for Rich to do
        # (the snippet's whitespace is collapsed, so both wrap alike), the quick way.
        if w.direct and all(len(word) <= room for word in hit.snippet.split()):
            for plain in textwrap.wrap(hit.snippet, room, break_on_hyphens=False):
                w.emit(Text("  " + plain))
        else:
            snippet = Text(hit.snippet)
            if not w.plain:
                for start, end in hit.spans:
                    snippet.stylize("bold yellow", start, end)
            for line in snippet.wrap(w.console, room):
                line.rstrip()
                w.emit(Text("  ") + line)
        w.command(hit.command, 2)
    if total > len(hits):
        w.blank()
        w.wrap(w.t("search.more", more=total - len(hits)), style=STYLE_DIM)


def tip(w: Writer, tip: Tip, title: str) -> None:
    """The tip, whom it is for, where it comes from and the command to read more."""
    w.title(title, w.t(f"tip.for.{tip.role}"))
    w.blank()
    w.wrap(tip.text, 2, style="bold")
    w.blank()
    w.wrap(w.t(f"tip.from.{tip.kind}", title=tip.title))
    w.command(tip.command, label=w.t("tip.read_more"))
    w.wrap(w.t("tip.another"), style=STYLE_DIM)
