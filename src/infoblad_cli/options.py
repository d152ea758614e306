# SPDX-FileCopyrightText: 2026 The infoblad team
# SPDX-License-Identifier: EUPL-1.2
"""The options every command shares, and what one call makes of them.

``Options`` is one call's reading options after INFOBLAD_LANG, INFOBLAD_CONTENT_DIR and
the top-level options (``infoblad --lang en narratives``) are applied: the language,
--json, --plain, the content packs, whether a long page may go through a pager. It
loads the content and makes the writer. The ``*Option`` aliases are the Typer
declarations the commands share; a command's own options are declared beside it in
``commands/``. Looking up an ID and refusing an unknown one is here too: every
command that takes an ID does it the same way.

Only typer and the standard library at module level: this is imported on every start.
"""

from __future__ import annotations

import os
import sys
from enum import Enum
from pathlib import Path
from typing import TYPE_CHECKING, Annotated, Any, NoReturn, Optional

import typer

from .errors import UsageError
from .term import RUN, env_lang_or_default, make_console

if TYPE_CHECKING:
    from collections.abc import Callable

    from . import models as m
    from .render import Writer


class Lang(str, Enum):
    nl = "nl"
    en = "en"


def complete_ids(kind: str | Callable[[m.Bundle], Any]) -> Any:
    """Shell completion of the IDs of one kind (``kind`` names a bundle field, or picks entries)."""

    def complete(ctx: typer.Context, incomplete: str) -> list[tuple[str, str]]:
        try:
            from .content import load_bundle

            lang = ctx.params.get("lang") or os.environ.get("INFOBLAD_LANG") or "nl"
            packs = resolve_packs(ctx.params.get("content_dir"))
            bundle = load_bundle(lang.value if isinstance(lang, Lang) else str(lang), packs)
        except Exception:  # completion must never crash the shell
            return []
        entries = kind(bundle) if callable(kind) else getattr(bundle, kind)
        return [
            (e.id, getattr(e, "title", "") or getattr(e, "term", ""))
            for e in entries
            if e.id.startswith(incomplete)
        ]

    return complete


# ---------------------------------------------------------------- the shared options

LangOption = Annotated[
    Optional[Lang],
    typer.Option(
        "--lang",
        "-l",
        help="Language: nl (default) or en. Env: INFOBLAD_LANG.",
        show_default=False,
        case_sensitive=False,
    ),
]
JsonOption = Annotated[bool, typer.Option("--json", help="Print one JSON document (UTF-8), nothing else.")]
PlainOption = Annotated[
    bool,
    typer.Option("--plain", help="No colour, no box drawing: for screen readers, copy-paste and e-mail."),
]
NoPagerOption = Annotated[
    bool,
    typer.Option(
        "--no-pager",
        help="Never show a long page through a pager ($PAGER, less). PAGER= (empty) does the same.",
    ),
]
ContentDirOption = Annotated[
    Optional[list[Path]],
    typer.Option(
        "--content-dir",
        help="A content pack to layer over the built-in content (repeatable). "
        "Env: INFOBLAD_CONTENT_DIR, folders joined by the OS path separator.",
        file_okay=False,
        show_default=False,
    ),
]
ForceOption = Annotated[bool, typer.Option("--force", help="Overwrite the file if it exists.")]


class Options:
    """The reading options of one call, after env and the top-level options are applied."""

    def __init__(
        self,
        ctx: typer.Context,
        lang: Optional[Lang],
        json: bool,
        plain: bool,
        content_dir: Optional[list[Path]],
        use_env_lang: bool = True,
        no_pager: Optional[bool] = None,
    ) -> None:
        parent: dict[str, Any] = {}
        if ctx.parent is not None and isinstance(ctx.parent.obj, dict):
            parent = ctx.parent.obj
        self._ctx = ctx
        # Only reading commands page (they pass no_pager); the quiz, validate and export never do.
        self.page = no_pager is not None and not (no_pager or parent.get("no_pager"))
        self.plain = plain or bool(parent.get("plain"))
        RUN.plain = self.plain  # errors on stderr follow --plain too
        given = lang or parent.get("lang")
        # validate must run whatever INFOBLAD_LANG says: a bad value falls back to Dutch there.
        self.lang = resolve_lang(given) if use_env_lang or given else env_lang_or_default()
        RUN.lang = self.lang  # ... and the language
        self.json = json or bool(parent.get("json"))
        self.packs = resolve_packs(content_dir or parent.get("content_dir"))

    def bundle(self) -> m.Bundle:
        from .content import load_bundle
        from .errors import ContentError
        from .strings import t

        try:
            return load_bundle(self.lang, self.packs)
        except ContentError as error:
            from .term import command_line

            # Name the packs in the hint: a plain 'infoblad validate' would not check them.
            command = command_line(["infoblad", "validate", *(str(p) for p in self.packs)])
            error.hint = t(self.lang, "error.validate_hint", command=command)
            raise

    def writer(self) -> Writer:
        from .render import Writer

        console = make_console(self.plain)
        if self.page and _stdio_are_terminals():
            from . import pager

            if not pager.off_by_environment(os.environ):
                # The page goes to memory; when the command ends it is shown, paged if it is long.
                console = pager.attach(self._ctx, console, self.lang)
        return Writer(console, self.lang, plain=self.plain or not console.is_terminal)

    def say(self, message: str) -> None:
        """A short message as the command's output (a JSON document with --json)."""
        if self.json:
            from .render import write_json

            write_json({"lang": self.lang, "message": message})
        else:
            self.writer().wrap(message)


def _stdio_are_terminals() -> bool:
    """A pager needs a person at both ends: output to a terminal and keys from one."""
    try:
        return sys.stdout.isatty() and sys.stdin.isatty()
    except (AttributeError, ValueError):  # a closed or unusual stream
        return False


def resolve_lang(value: Lang | str | None) -> str:
    if isinstance(value, Lang):
        return value.value
    if value:
        return str(value)
    env = os.environ.get("INFOBLAD_LANG", "").strip().lower()
    if not env:
        return "nl"
    if env not in ("nl", "en"):
        from .strings import t

        # The value as it is (the error report shows control characters as escapes), not stripped.
        raw = os.environ.get("INFOBLAD_LANG", "")
        raise UsageError(t("nl", "lang.bad_env", value=raw), hint=t("nl", "lang.bad_env_hint"))
    return env


def resolve_packs(dirs: Optional[list[Path]]) -> list[Path]:
    from .content import check_pack_dirs

    if not dirs:
        env = os.environ.get("INFOBLAD_CONTENT_DIR", "")
        dirs = [Path(part) for part in env.split(os.pathsep) if part.strip()]
    return check_pack_dirs(dirs)


# ---------------------------------------------------------------- IDs


def unknown_id(lang: str, kind: str, wanted: str, entries: Any, listed_by: str = "") -> NoReturn:
    """An ID that does not exist: a usage error naming the closest IDs.

    ``listed_by``: the command that shows every ID, when it is not ``infoblad KIND``."""
    import difflib

    from .strings import t

    ids = [e.id for e in entries]
    close = difflib.get_close_matches(wanted.lower(), ids, n=3, cutoff=0.5)
    close += [i for i in ids if wanted.lower() in i and i not in close][: 3 - len(close)]
    hint = t(lang, "error.did_you_mean", ids=", ".join(close)) + "\n" if close else ""
    see = t(lang, "error.see_with", command=listed_by) if listed_by else t(lang, "error.see_list", kind=kind)
    raise UsageError(t(lang, "error.unknown_id", id=wanted, kind=kind), hint=hint + see)


def find(opts: Options, entries: Any, kind: str, wanted: str, listed_by: str = "") -> Any:
    """The entry with this ID (case does not matter), or a usage error naming the closest."""
    slug = wanted.strip().lower()  # IDs are lower-case slugs: NIET-GEHOORD means niet-gehoord
    for entry in entries:
        if entry.id == slug:
            return entry
    unknown_id(opts.lang, kind, wanted, entries, listed_by)


def unknown_theme(lang: str, theme: str, theme_ids: list[str]) -> NoReturn:
    from .strings import t

    raise UsageError(
        t(lang, "quiz.unknown_theme", theme=theme),
        hint=t(lang, "quiz.themes_hint", themes=", ".join(theme_ids)),
    )
