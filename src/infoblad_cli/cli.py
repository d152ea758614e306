# SPDX-FileCopyrightText: 2026 The infoblad team
# SPDX-License-Identifier: EUPL-1.2
"""The command line: one thin function per command.

Each command parses its options, asks the core for data and hands it to the
renderer. This is the one place that turns errors into messages on stderr and
exit codes (see ``InfobladGroup.invoke``). Heavy modules are imported inside the
commands that need them, so that reading commands start fast.
"""

import os
import re
import sys
from enum import Enum
from pathlib import Path
from typing import TYPE_CHECKING, Annotated, Any, NoReturn, Optional, cast

import typer
from typer.core import TyperGroup

from .errors import EXIT_INTERRUPTED, InfobladError, UsageError
from .names import canonical

if TYPE_CHECKING:
    from collections.abc import Callable

    from rich.console import Console

    from . import models as m
    from .render import Writer


class Lang(str, Enum):
    nl = "nl"
    en = "en"


def _debug() -> bool:
    return os.environ.get("INFOBLAD_DEBUG", "") not in ("", "0")


def err_console() -> "Console":
    from .term import console as safe_console

    console = safe_console(
        stderr=True,
        markup=False,
        emoji=False,
        highlight=False,
        color_system=None if _no_color(bool(_RUN["plain"]), sys.stderr) else "auto",
    )
    console.width = terminal_width()
    return console


# What this run asked for, so that errors (printed far from the options) follow it too.
_RUN: dict[str, Any] = {"lang": None, "plain": False}


def report(error: InfobladError) -> None:
    """Print an error and its hint on stderr, in plain words."""
    import textwrap

    from rich.text import Text

    from .strings import t
    from .term import clean

    console = err_console()
    width = console.width
    lang = _RUN["lang"] or _env_lang_or_default()
    label = t(lang, "error.label")
    # Wrapped only at spaces: a file path or a command stays whole, so it can be copied.
    # Control characters (from a typed argument, say) never reach the terminal.
    lines = textwrap.wrap(
        f"{label} " + clean(error.text(lang)),
        width,
        break_long_words=False,
        break_on_hyphens=False,
        subsequent_indent="  ",
    )
    first = Text(label, style="bold red") + Text(lines[0][len(label) :])
    console.print(Text("\n").join([first, *(Text(line) for line in lines[1:])]), soft_wrap=True)
    for paragraph in clean(error.hint_text(lang)).splitlines():
        wrapped = textwrap.wrap(paragraph, width, break_long_words=False, break_on_hyphens=False)
        console.print(Text("\n".join(wrapped)), soft_wrap=True)


class InfobladGroup(TyperGroup):
    """The top-level group: the single place where our errors become exit codes."""

    def make_context(
        self, info_name: Optional[str], args: list[str], parent: Any = None, **extra: Any
    ) -> Any:
        # Click never formats help narrower than 50 columns; on a narrow terminal we want
        # it to fit. Subcommands inherit the width from this context.
        extra.setdefault("terminal_width", max(1, terminal_width() - 2))  # Click's own margin
        self.argv = list(args)
        if "--help" in args or "-h" in args:  # help in the run's language (help_i18n.py)
            from .help_i18n import help_requested, localize, scan_lang

            if help_requested(args):
                localize(self, scan_lang(args))
        try:
            return super().make_context(info_name, args, parent=parent, **extra)
        except OSError as error:  # --help into a closed pipe, say
            raise _output_failure(error) from None
        except _ClickUsageError as error:
            self._usage_error(error)

    def invoke(self, ctx: Any) -> Any:
        try:
            return super().invoke(ctx)
        except InfobladError as error:
            if _debug():
                raise
            report(error)
            raise typer.Exit(error.exit_code) from None
        except OSError as error:
            # Click would turn a broken pipe into exit 1 ('nothing found'): main() decides instead.
            raise _output_failure(error) from None
        except _ClickUsageError as error:
            self._usage_error(error)

    def _usage_error(self, error: Any) -> NoReturn:
        """Click's parser error as our own: in the run's language, on stderr, exit 2."""
        from .help_i18n import scan_lang, usage_error

        _RUN["lang"] = scan_lang(self.argv)
        ours = usage_error(error, self.argv, self)
        report(ours)
        raise typer.Exit(ours.exit_code) from None

    # Dutch command names (names.py): both spellings work; help lists the run's own.
    def get_command(self, ctx: Any, cmd_name: str) -> Any:
        # The registered (English) command first: a Dutch alias registered as a hidden command
        # of its own must not hide the real one from the Dutch help.
        return super().get_command(ctx, canonical(cmd_name)) or super().get_command(ctx, cmd_name)

    def list_commands(self, ctx: Any) -> list[str]:
        names: dict[str, str] = getattr(self, "shown_names", {})
        registered = super().list_commands(ctx)
        # A Dutch name that is also registered as a (hidden) command of its own is listed once.
        own = [name for name in registered if canonical(name) == name or canonical(name) not in registered]
        return [names.get(name, name) for name in own]

    def shell_complete(self, ctx: Any, incomplete: str) -> list[Any]:
        from .help_i18n import complete_commands

        found = super().shell_complete(ctx, incomplete)
        spelled = {item.value for item in found}
        return [*found, *(i for i in complete_commands(self, ctx, incomplete) if i.value not in spelled)]


# Click's UsageError (from the Click that this Typer uses: its own copy or click itself).
_ClickUsageError: type[Exception] = typer.BadParameter.__mro__[1]


def _output_failure(error: OSError) -> BaseException:
    """Standard output's errors become OutputFailed; any other OSError stays what it is."""
    from .errors import OutputFailed

    return OutputFailed(error) if _is_output_error(error) else error


def _is_output_error(error: OSError) -> bool:
    import errno

    codes = {errno.EPIPE, errno.ENOSPC, errno.EBADF, errno.EIO, errno.EFBIG, getattr(errno, "EDQUOT", -1)}
    if os.name == "nt":
        codes.add(errno.EINVAL)  # how Windows reports a pipe whose reader has gone
    return isinstance(error, BrokenPipeError) or error.errno in codes


app = typer.Typer(
    cls=InfobladGroup,
    name="infoblad",
    help="infoblad: polarisation between citizens and government, in your terminal.",
    rich_markup_mode=None,
    pretty_exceptions_enable=False,
    invoke_without_command=True,
    context_settings={"help_option_names": ["-h", "--help"]},
)


# ---------------------------------------------------------------- shared options


def _complete_ids(kind: "str | Callable[[m.Bundle], Any]") -> Any:
    def complete(ctx: typer.Context, incomplete: str) -> list[tuple[str, str]]:
        try:
            from .content import load_bundle

            lang = ctx.params.get("lang") or os.environ.get("INFOBLAD_LANG") or "nl"
            packs = _resolve_packs(ctx.params.get("content_dir"))
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
        _RUN["plain"] = self.plain  # errors on stderr follow --plain too
        given = lang or parent.get("lang")
        # validate must run whatever INFOBLAD_LANG says: a bad value falls back to Dutch there.
        self.lang = _resolve_lang(given) if use_env_lang or given else _env_lang_or_default()
        _RUN["lang"] = self.lang  # ... and the language
        self.json = json or bool(parent.get("json"))
        self.packs = _resolve_packs(content_dir or parent.get("content_dir"), self.lang)

    def bundle(self) -> "m.Bundle":
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

    def writer(self) -> "Writer":
        from .render import Writer

        console = make_console(self.plain)
        if self.page and _stdio_are_terminals():
            from . import pager

            if not pager.off_by_environment(os.environ):
                # The page goes to memory; when the command ends it is shown, paged if it is long.
                console = pager.attach(self._ctx, console, self.lang)
        return Writer(console, self.lang, plain=self.plain or not console.is_terminal)


def _stdio_are_terminals() -> bool:
    """A pager needs a person at both ends: output to a terminal and keys from one."""
    try:
        return sys.stdout.isatty() and sys.stdin.isatty()
    except (AttributeError, ValueError):  # a closed or unusual stream
        return False


def _env_lang_or_default() -> str:
    env = os.environ.get("INFOBLAD_LANG", "").strip().lower()
    return env if env in ("nl", "en") else "nl"


def _resolve_lang(value: "Lang | str | None") -> str:
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


def _resolve_packs(dirs: Optional[list[Path]], lang: str = "nl") -> list[Path]:
    from .content import check_pack_dirs

    if not dirs:
        env = os.environ.get("INFOBLAD_CONTENT_DIR", "")
        dirs = [Path(part) for part in env.split(os.pathsep) if part.strip()]
    return check_pack_dirs(dirs, lang)


def _no_color(plain: bool, stream: Any) -> bool:
    if plain or os.environ.get("NO_COLOR") or os.environ.get("TERM") == "dumb":
        return True
    if os.environ.get("FORCE_COLOR"):
        return False
    isatty = getattr(stream, "isatty", None)
    return not (isatty and isatty())


def terminal_width() -> int:
    """The usable width: the terminal's (however narrow), or 80 when unknown or nonsense."""
    import shutil

    columns = shutil.get_terminal_size((80, 24)).columns
    return columns if columns >= 1 else 80


def make_console(plain: bool) -> "Console":
    """The stdout console: colour only on a terminal, never with --plain/NO_COLOR/TERM=dumb."""
    from .term import console as safe_console

    no_color = _no_color(plain, sys.stdout)
    console = safe_console(
        markup=False,
        emoji=False,
        highlight=False,
        color_system=None if no_color else "auto",
        no_color=no_color,
    )
    console.width = min(terminal_width(), 100)
    return console


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


def _find(opts: "Options", bundle: "m.Bundle", kind: str, wanted: str) -> Any:
    return _find_in(opts, getattr(bundle, kind), kind, wanted)


def _find_in(opts: "Options", entries: Any, kind: str, wanted: str, listed_by: str = "") -> Any:
    slug = wanted.strip().lower()  # IDs are lower-case slugs: NIET-GEHOORD means niet-gehoord
    for entry in entries:
        if entry.id == slug:
            return entry
    unknown_id(opts.lang, kind, wanted, entries, listed_by)


# ---------------------------------------------------------------- commands


def _version(value: bool) -> None:
    if value:
        from importlib.metadata import PackageNotFoundError, version

        try:
            found = version("infoblad")
        except PackageNotFoundError:  # running from a source tree that was never installed
            found = "unknown (not installed)"
        typer.echo(f"infoblad {found}")
        raise typer.Exit()


@app.callback()
def home(
    ctx: typer.Context,
    lang: LangOption = None,
    json: JsonOption = False,
    plain: PlainOption = False,
    content_dir: ContentDirOption = None,
    no_pager: NoPagerOption = False,
    version: Annotated[
        bool, typer.Option("--version", callback=_version, is_eager=True, help="Show the version and exit.")
    ] = False,
) -> None:
    """A reference and self-assessment tool for civil servants, after the ESS infoblad
    'Polarisatie tussen burgers en overheid' (2022). Run without a command for the home screen."""
    ctx.obj = {"lang": lang, "json": json, "plain": plain, "content_dir": content_dir, "no_pager": no_pager}
    if ctx.invoked_subcommand is not None:
        return
    opts = Options(ctx, lang, json, plain, content_dir, no_pager=no_pager)
    from . import render

    bundle = opts.bundle()
    if opts.json:
        render.write_json(render.home_data(bundle))
        return
    render.home(opts.writer(), bundle)


ShortOption = Annotated[
    bool,
    typer.Option("--short", "-s", help="The gist on one screen: what it is, what it asks, one thing to do."),
]


def _reading_command(kind: str, title_key: str, intro_key: str, detail: str) -> Any:
    """Build a list-or-detail command for narratives, lessons and cases."""

    def command(
        ctx: typer.Context,
        id: Annotated[
            Optional[str],
            typer.Argument(
                help="The ID of one entry; leave out for the list.",
                show_default=False,
                autocompletion=_complete_ids(kind),
            ),
        ] = None,
        short: ShortOption = False,
        lang: LangOption = None,
        json: JsonOption = False,
        plain: PlainOption = False,
        content_dir: ContentDirOption = None,
        no_pager: NoPagerOption = False,
    ) -> None:
        opts = Options(ctx, lang, json, plain, content_dir, no_pager=no_pager)
        if short:
            return _short(opts, kind, id)
        from . import render

        bundle = opts.bundle()
        entries = getattr(bundle, kind)
        if id is None:
            if opts.json:
                render.write_json({"lang": bundle.lang, kind: [render.to_data(e) for e in entries]})
                return
            w = opts.writer()
            subtitle = (lambda e: w.t(f"outcome.{e.outcome}")) if kind == "cases" else None
            render.listing(w, kind, entries, w.t(title_key), w.t(intro_key, count=len(entries)), subtitle)
            w.blank()
            w.command(f"infoblad {kind} ID", label=w.t("list.open", command="").strip())
            return
        entry = _find(opts, bundle, kind, id)
        if opts.json:
            render.write_json({"lang": bundle.lang, kind[:-1]: render.to_data(entry)})
            return
        from .kinds import BY_NAME

        render.entry_page(opts.writer(), bundle, BY_NAME[kind], entry)

    return command


def _short(opts: Options, kind: str, id: Optional[str]) -> None:
    """--short: the gist of one entry, or the list as one line per entry."""
    from . import gist

    bundle = opts.bundle()
    entries = getattr(bundle, kind)
    if id is None:
        if opts.json:
            from .render import write_json

            write_json({"lang": bundle.lang, kind: [{"id": e.id, "title": e.title} for e in entries]})
            return
        gist.listing(opts.writer(), kind, entries)
        return
    found = gist.gist(bundle, kind, _find(opts, bundle, kind, id))
    if opts.json:
        from .render import write_json

        write_json(gist.to_data(found, bundle.lang))
        return
    gist.show(opts.writer(), found)


_narratives = _reading_command("narratives", "narratives.title", "narratives.intro", "narrative")
_narratives.__doc__ = """The narratives of citizens whose trust in government is under strain.

Without an ID: the list. With an ID (e.g. niet-gehoord): one narrative in full."""
app.command("narratives")(_narratives)

_lessons = _reading_command("lessons", "lessons.title", "lessons.intro", "lesson")
_lessons.__doc__ = """The lessons learned about restoring trust.

Without an ID: the list. With an ID (e.g. vroeg-betrekken): one lesson in full."""
app.command("lessons")(_lessons)

_cases = _reading_command("cases", "cases.title", "cases.intro", "case")
_cases.__doc__ = """Documented situations in which trust was restored (and one where it was not).

Without an ID: the list. With an ID (e.g. gilze-azc): one case in full."""
app.command("cases")(_cases)


def _document_command(name: str, data: Any) -> Any:
    def command(
        ctx: typer.Context,
        lang: LangOption = None,
        json: JsonOption = False,
        plain: PlainOption = False,
        content_dir: ContentDirOption = None,
        no_pager: NoPagerOption = False,
    ) -> None:
        opts = Options(ctx, lang, json, plain, content_dir, no_pager=no_pager)
        from . import render

        bundle = opts.bundle()
        if opts.json:
            render.write_json({"lang": bundle.lang, **data(bundle, render)})
            return
        getattr(render, name)(opts.writer(), bundle)

    return command


@app.command("personal")
def personal_command(
    ctx: typer.Context,
    theme: Annotated[
        Optional[str],
        typer.Argument(
            help="A theme ID (e.g. agressie): just that theme.",
            autocompletion=_complete_ids(lambda b: b.personal.themes),
            show_default=False,
        ),
    ] = None,
    lang: LangOption = None,
    json: JsonOption = False,
    plain: PlainOption = False,
    content_dir: ContentDirOption = None,
    no_pager: NoPagerOption = False,
) -> None:
    """The personal side of professionalism, with questions to reflect on.

    With a theme ID (e.g. agressie): just that theme."""
    opts = Options(ctx, lang, json, plain, content_dir, no_pager=no_pager)
    from . import render

    bundle = opts.bundle()
    if theme is None:
        if opts.json:
            render.write_json({"lang": bundle.lang, "personal": render.to_data(bundle.personal)})
        else:
            render.personal(opts.writer(), bundle)
        return
    chosen = _find_in(opts, bundle.personal.themes, "personal", theme)
    if opts.json:
        render.write_json({"lang": bundle.lang, "theme": render.to_data(chosen)})
    else:
        render.personal_theme(opts.writer(), bundle, chosen)


@app.command("about")
def about_command(
    ctx: typer.Context,
    term: Annotated[
        Optional[str],
        typer.Option(
            "--term",
            help="A term of the glossary (e.g. schijninspraak): just that term.",
            autocompletion=_complete_ids("glossary"),
            show_default=False,
        ),
    ] = None,
    lang: LangOption = None,
    json: JsonOption = False,
    plain: PlainOption = False,
    content_dir: ContentDirOption = None,
    no_pager: NoPagerOption = False,
) -> None:
    """The learning network, the organisations, the sources and how these texts were made.

    With --term ID: just that term of the glossary."""
    opts = Options(ctx, lang, json, plain, content_dir, no_pager=no_pager)
    from . import render

    bundle = opts.bundle()
    if term is None:
        if opts.json:
            render.write_json(
                {
                    "lang": bundle.lang,
                    "about": render.to_data(bundle.about),
                    "glossary": [render.to_data(t) for t in bundle.glossary],
                    "packs": list(bundle.packs),
                }
            )
        else:
            render.about(opts.writer(), bundle)
        return
    chosen = _find_in(opts, bundle.glossary, "glossary", term, listed_by="infoblad about")
    if opts.json:
        render.write_json({"lang": bundle.lang, "term": render.to_data(chosen)})
    else:
        render.glossary_term(opts.writer(), bundle, chosen)


_contact = _document_command("contact", lambda b, r: {"contacts": [r.to_data(c) for c in b.contacts]})
_contact.__doc__ = (
    """How to reach the ESS (e-mail, phone, office hours, website), plus local contacts from content packs."""
)
app.command("contact")(_contact)


@app.command("tip")
def tip_command(
    ctx: typer.Context,
    random: Annotated[bool, typer.Option("--random", "-r", help="Another tip, chosen at random.")] = False,
    day: Annotated[
        Optional[str],
        typer.Option(
            "--date",
            help="The tip of another day (YYYY-MM-DD), e.g. to plan a team meeting.",
            metavar="DATE",
            show_default=False,
        ),
    ] = None,
    lang: LangOption = None,
    json: JsonOption = False,
    plain: PlainOption = False,
    content_dir: ContentDirOption = None,
    no_pager: NoPagerOption = False,
) -> None:
    """One practical tip a day, from the lessons and narratives: the same all day, another tomorrow.

    Each tip says where it comes from and which command shows more. --random gives another one."""
    opts = Options(ctx, lang, json, plain, content_dir, no_pager=no_pager)
    from . import tips
    from .strings import t

    if day is None:
        when = tips.today()
    else:
        from datetime import date

        try:
            when = date.fromisoformat(day.strip())
        except ValueError:
            raise UsageError(t(opts.lang, "tip.bad_date", value=day)) from None
    bundle = opts.bundle()
    tip = tips.another(bundle, when) if random else tips.for_day(bundle, when)
    if tip is None:
        raise InfobladError(t(opts.lang, "tip.none"))
    if opts.json:
        from .render import write_json

        write_json(tips.to_data(tip, bundle.lang, when, random))
        return
    if random:
        title = t(opts.lang, "tip.title_random")
    elif day is None:
        title = t(opts.lang, "tip.title")
    else:
        title = t(opts.lang, "tip.title_date", date=when.isoformat())
    tips.show(opts.writer(), tip, title)


# ---------------------------------------------------------------- validate


@app.command("validate")
def validate_command(
    ctx: typer.Context,
    dirs: Annotated[
        Optional[list[Path]],
        typer.Argument(
            help="Content packs to check (default: --content-dir / INFOBLAD_CONTENT_DIR).", show_default=False
        ),
    ] = None,
    lang: LangOption = None,
    json: JsonOption = False,
    plain: PlainOption = False,
    content_dir: ContentDirOption = None,
) -> None:
    """Check the built-in content and content packs, and list every problem.

    Exit 0 when all is well, 1 when something must be fixed. Warnings (a file
    that is never read, an entry in one language only) do not fail the check."""
    # A bad INFOBLAD_LANG cannot stop validate: it falls back to Dutch there.
    opts = Options(ctx, lang, json, plain, None if dirs else content_dir, use_env_lang=False)
    _RUN["lang"] = opts.lang
    from . import content as c

    packs = c.check_pack_dirs(dirs, opts.lang) if dirs else opts.packs
    report_ = c.validate(packs, opts.lang)
    if opts.json:
        from .render import write_json

        write_json(report_)
    else:
        from .render import validation

        validation(opts.writer(), report_)
    if not report_["ok"]:
        raise typer.Exit(1)


# ---------------------------------------------------------------- search


@app.command("search")
def search_command(
    ctx: typer.Context,
    words: Annotated[
        list[str], typer.Argument(help="What to look for, in your own words.", metavar="TEXT...")
    ],
    limit: Annotated[
        int, typer.Option("--limit", "-n", min=0, help="Show at most this many hits; 0 shows all.")
    ] = 20,
    lang: LangOption = None,
    json: JsonOption = False,
    plain: PlainOption = False,
    content_dir: ContentDirOption = None,
    no_pager: NoPagerOption = False,
) -> None:
    """Search all texts: the best matches first, each with the command that shows it.

    Word forms, parts of compound words and words with the same meaning count
    (bedreigd finds bedreiging, eed finds ambtseed, azc finds opvang); case and
    accents do not matter. Entries with all your words come first. Exit 1 when
    nothing is found, like grep; then similar words of the content are suggested."""
    opts = Options(ctx, lang, json, plain, content_dir, no_pager=no_pager)
    from . import render
    from .search import search_page, suggestions
    from .strings import t

    query = " ".join(words)
    bundle = opts.bundle()
    shown, total = search_page(bundle, query, None if limit <= 0 else limit)
    close = [] if total else suggestions(bundle, query)
    if opts.json:
        render.write_json(
            {
                "lang": opts.lang,
                "query": query,
                "total": total,
                "hits": [{**hit._asdict(), "spans": [list(span) for span in hit.spans]} for hit in shown],
                "suggestions": close,
            }
        )
    elif total:
        render.search_results(opts.writer(), query, shown, total)
    if not total:
        if not opts.json:
            console = err_console()
            console.print(t(opts.lang, "search.none", query=query), markup=False, soft_wrap=True)
            if close:
                console.print(
                    t(opts.lang, "search.suggest", words=", ".join(close)), markup=False, soft_wrap=True
                )
            console.print(t(opts.lang, "search.tip"), markup=False, soft_wrap=True)
        raise typer.Exit(1)


# ---------------------------------------------------------------- export


class Format(str, Enum):
    md = "md"
    html = "html"
    json = "json"


@app.command("export")
def export_command(
    ctx: typer.Context,
    format: Annotated[
        Optional[Format],
        typer.Option(
            "--format",
            "-f",
            help="md, html or json (default: from the file name given to -o, else md).",
            case_sensitive=False,
            show_default=False,
        ),
    ] = None,
    output: Annotated[
        Optional[Path],
        typer.Option(
            "--output",
            "-o",
            help="The file to write (default: standard output).",
            dir_okay=False,
            readable=False,  # we only write it; whether we may is checked before writing
            show_default=False,
        ),
    ] = None,
    force: Annotated[bool, typer.Option("--force", help="Overwrite the file if it exists.")] = False,
    with_quiz: Annotated[
        bool,
        typer.Option(
            "--with-quiz",
            help="HTML only: add a quiz, chosen now, to take offline in a browser (no terminal needed).",
        ),
    ] = False,
    count: Annotated[
        Optional[int], typer.Option("--count", "-n", help="With --with-quiz: how many questions (default 8).")
    ] = None,
    seed: Annotated[
        Optional[int],
        typer.Option(
            help="With --with-quiz: the same seed gives the same quiz.",
            show_default=False,
            min=0,
            max=2**31 - 1,
        ),
    ] = None,
    theme: Annotated[
        Optional[str],
        typer.Option(
            help="With --with-quiz: only questions of this theme.",
            autocompletion=_complete_ids("quiz_themes"),
            show_default=False,
        ),
    ] = None,
    brief: Annotated[
        bool,
        typer.Option(
            "--brief",
            help="A short printable workshop handout (Dutch: korte hand-out): per part the gist, what it"
            " asks of you, what to do tomorrow; one source list; notes boxes; A4.",
        ),
    ] = False,
    sections: Annotated[
        Optional[str],
        typer.Option(
            "--sections",
            help="With --brief: the parts, with commas: narratives, lessons, cases, personal, contact,"
            " glossary, quiz (or verhalen, lessen, voorbeelden, persoonlijk, begrippen, gespreksblad)."
            " Default: narratives,lessons,personal,contact.",
            show_default=False,
        ),
    ] = None,
    title: Annotated[
        Optional[str],
        typer.Option("--title", help="With --brief: the title on the cover.", show_default=False),
    ] = None,
    subtitle: Annotated[
        Optional[str],
        typer.Option(
            "--subtitle",
            help="With --brief: a line under the title (e.g. the date and place).",
            show_default=False,
        ),
    ] = None,
    organisation: Annotated[
        Optional[str],
        typer.Option(
            "--organisation", help="With --brief: your organisation, on the cover.", show_default=False
        ),
    ] = None,
    quiz_sheet: Annotated[
        bool,
        typer.Option(
            "--quiz-sheet",
            help="The quiz discussion sheet (Dutch: gespreksblad): every question, every answer and what"
            " to say about it. All questions, or those of --seed/--count/--theme.",
        ),
    ] = False,
    answer_key: Annotated[
        bool,
        typer.Option(
            "--answer-key",
            help="The trainer's answer key (Dutch: antwoordsleutel) to the quiz sheet: the best answer and"
            " the points of each answer.",
        ),
    ] = False,
    lang: LangOption = None,
    content_dir: ContentDirOption = None,
) -> None:
    """The whole content as a handout: Markdown, one self-contained HTML page, or JSON.

    Content packs are included. An existing file is only overwritten with --force,
    and the file is written in one go: never half.

    With --with-quiz the HTML page also holds a quiz for colleagues without a terminal:
    it works offline in any browser, sends nothing anywhere, and saves the result as
    a file for 'infoblad group'."""
    opts = Options(ctx, lang, False, False, content_dir)
    from . import export
    from .strings import t

    to_stdout = output is None or str(output) == "-"
    # -o "" reaches us as Path('.'): the current folder, never a file name.
    if not to_stdout and (not str(output).strip() or str(output) == "."):
        raise UsageError(t(opts.lang, "export.no_name"))
    if not to_stdout and output is not None and output.suffix.lower() == ".pdf":
        # Writing Markdown into a .pdf would give a file no PDF reader opens.
        raise UsageError(
            t(opts.lang, "export.pdf_refused", file=output), hint=t(opts.lang, "export.pdf_hint")
        )
    if format is None:
        suffix = "" if to_stdout or output is None else output.suffix.lower()
        default = Format.html if with_quiz else Format.md
        format = {".html": Format.html, ".htm": Format.html, ".json": Format.json}.get(suffix, default)
    workshop = _check_workshop_options(
        opts, format, brief, quiz_sheet, answer_key, with_quiz, sections, title, subtitle, organisation
    )
    if not workshop:  # the quiz sheet, the answer key and a brief's quiz part choose questions too
        _check_quiz_options(opts, format, with_quiz, {"--count": count, "--seed": seed, "--theme": theme})
    bundle = opts.bundle()
    render = {Format.md: export.to_markdown, Format.html: export.to_html, Format.json: export.to_json}
    if workshop:
        text = _workshop_paper(
            opts,
            bundle,
            format,
            brief,
            answer_key,
            sections,
            title,
            subtitle,
            organisation,
            count,
            seed,
            theme,
        )
    else:
        text = _quiz_page(opts, bundle, count, seed, theme) if with_quiz else render[format](bundle)
    if to_stdout or output is None:
        from .render import write_stdout

        write_stdout(text)
        return
    target = _export_target(opts, output, force)
    from .fileio import write_atomic

    try:
        write_atomic(target, text.encode("utf-8"), private=False)
    except OSError as error:
        raise InfobladError(
            t(opts.lang, "export.cannot_write", file=output, reason=error.strerror or error),
            hint=t(opts.lang, "export.cannot_write_hint"),
        ) from None
    err_console().print(t(opts.lang, "export.written", file=output), markup=False, soft_wrap=True)


def _check_workshop_options(
    opts: Options,
    format: Format,
    brief: bool,
    quiz_sheet: bool,
    answer_key: bool,
    with_quiz: bool,
    sections: Optional[str],
    title: Optional[str],
    subtitle: Optional[str],
    organisation: Optional[str],
) -> bool:
    """Whether this is workshop paper (brief, quiz sheet, answer key); refuse what does not go together."""
    from .strings import t

    if sum((brief, quiz_sheet, answer_key, with_quiz)) > 1:
        raise UsageError(t(opts.lang, "brief.one_kind"))
    cover = {"--sections": sections, "--title": title, "--subtitle": subtitle, "--organisation": organisation}
    given = [name for name, value in cover.items() if value is not None]
    if given and not brief:
        raise UsageError(t(opts.lang, "brief.only_with_brief", option=given[0]))
    chosen = "--brief" if brief else "--quiz-sheet" if quiz_sheet else "--answer-key" if answer_key else ""
    if chosen and format is Format.json:
        raise UsageError(t(opts.lang, "brief.not_json", option=chosen))
    return bool(chosen)


def _workshop_paper(
    opts: Options,
    bundle: Any,
    format: Format,
    brief: bool,
    answer_key: bool,
    sections: Optional[str],
    title: Optional[str],
    subtitle: Optional[str],
    organisation: Optional[str],
    count: Optional[int],
    seed: Optional[int],
    theme: Optional[str],
) -> str:
    """The brief handout, the quiz discussion sheet or the answer key, as Markdown or HTML."""
    from . import handout
    from . import quiz as engine
    from .strings import t

    parts: tuple[str, ...] = handout.DEFAULT_SECTIONS
    if sections is not None:
        try:
            parts = handout.parse_sections(sections)
        except handout.UnknownSection as error:
            raise UsageError(
                t(opts.lang, "brief.unknown_section", name=str(error)),
                hint=t(opts.lang, "brief.sections_hint"),
            ) from None
    quiz = None
    if count is not None or seed is not None or theme is not None:
        count = engine.DEFAULT_COUNT if count is None else count
        if count < 1:
            raise UsageError(t(opts.lang, "quiz.bad_count"))
        theme_ids = [th.id for th in bundle.quiz_themes]
        if theme is not None and theme not in theme_ids:
            unknown_theme(opts.lang, theme, theme_ids)
        if seed is None:
            import random

            seed = random.randrange(1, 100_000)
        try:
            quiz = engine.select(bundle, count, seed, theme)
        except engine.NoQuestions:
            unknown_theme(opts.lang, theme or "", theme_ids)
    if brief:
        chosen = handout.Brief(parts, title or "", subtitle or "", organisation or "", quiz)
        blocks = handout.brief_blocks(bundle, chosen)
        page_title = title or t(opts.lang, "export.title")
    else:
        blocks = handout.sheet_blocks(bundle, quiz, key=answer_key)
        page_title = t(opts.lang, "sheet.key_title" if answer_key else "sheet.title")
    if format is Format.html:
        return handout.to_html(blocks, bundle.lang, page_title)
    return handout.to_markdown(blocks, bundle.lang)


def _check_quiz_options(opts: Options, format: Format, with_quiz: bool, quiz_options: dict[str, Any]) -> None:
    from .strings import t

    if with_quiz and format is not Format.html:
        raise UsageError(t(opts.lang, "page.needs_html"))
    given = [name for name, value in quiz_options.items() if value is not None]
    if given and not with_quiz:
        raise UsageError(
            t(opts.lang, "page.needs_quiz", option=given[0]),
            hint=t(opts.lang, "page.needs_quiz_hint", option=given[0]),
        )


def _quiz_page(
    opts: Options, bundle: Any, count: Optional[int], seed: Optional[int], theme: Optional[str]
) -> str:
    """The offline page: the quiz is chosen here, by the same engine as 'infoblad quiz'."""
    from . import quiz as engine
    from .export_page import to_page
    from .strings import t

    count = engine.DEFAULT_COUNT if count is None else count
    if count < 1:
        raise UsageError(t(opts.lang, "quiz.bad_count"))
    theme_ids = [th.id for th in bundle.quiz_themes]
    if theme is not None and theme not in theme_ids:
        unknown_theme(opts.lang, theme, theme_ids)
    if seed is None:
        import random

        seed = random.randrange(1, 100_000)
    try:
        quiz = engine.select(bundle, count, seed, theme)
    except engine.NoQuestions:
        unknown_theme(opts.lang, theme or "", theme_ids)
    return to_page(bundle, quiz)


def _export_target(opts: Options, output: Path, force: bool) -> Path:
    """The file to write: refuse to replace what the user did not ask to replace."""
    import stat

    from .strings import t

    try:
        # lstat, not exists(): a link to nowhere, or in a circle, is something the user has.
        info = output.lstat()
    except FileNotFoundError:
        return output
    except OSError as error:
        raise InfobladError(
            t(opts.lang, "export.cannot_write", file=output, reason=error.strerror or error),
            hint=t(opts.lang, "export.cannot_write_hint"),
        ) from None
    if not force:
        raise UsageError(t(opts.lang, "export.exists", file=output), hint=t(opts.lang, "export.exists_hint"))
    if stat.S_ISLNK(info.st_mode):
        try:
            real = output.resolve(strict=True)  # through a link: the link stays, its file gets the export
        except (OSError, RuntimeError):  # to nowhere or in a circle: --force replaces the link itself
            return output
    else:
        real = output
    if not real.is_file():
        raise UsageError(
            t(opts.lang, "export.not_a_file", file=output), hint=t(opts.lang, "export.stdout_hint")
        )
    if not os.access(real, os.W_OK):
        raise InfobladError(t(opts.lang, "export.read_only", file=output))
    return real


# ---------------------------------------------------------------- quiz and history


@app.command("quiz")
def quiz_command(
    ctx: typer.Context,
    count: Annotated[int, typer.Option("--count", "-n", help="How many questions.")] = 8,
    seed: Annotated[
        Optional[int],
        typer.Option(
            help="The same seed gives the same questions in the same order.",
            show_default=False,
            min=0,
            max=2**31 - 1,
        ),
    ] = None,
    theme: Annotated[
        Optional[str],
        typer.Option(
            help="Only questions of this theme.",
            autocompletion=_complete_ids("quiz_themes"),
            show_default=False,
        ),
    ] = None,
    answers: Annotated[
        Optional[str],
        typer.Option(
            help="Answer without prompting, e.g. 2,1,b,4 (numbers, letters or ratings).", show_default=False
        ),
    ] = None,
    retry_missed: Annotated[
        bool, typer.Option("--retry-missed", help="Retake the questions you missed last time.")
    ] = False,
    question: Annotated[
        Optional[str],
        typer.Option(
            "--question",
            help="Ask just this one question (by ID, as search shows it), with feedback; not saved.",
            autocompletion=_complete_ids("questions"),
            show_default=False,
        ),
    ] = None,
    no_save: Annotated[
        bool, typer.Option("--no-save", help="Do not keep the result in the history.")
    ] = False,
    result_file: Annotated[
        Optional[Path],
        typer.Option(
            "--result-file",
            help="Also write the result as an anonymous result file (JSON, no name, a date only)"
            " for the trainer's 'infoblad group'.",
            dir_okay=False,
            readable=False,
            show_default=False,
        ),
    ] = None,
    force: Annotated[
        bool, typer.Option("--force", help="With --result-file: overwrite the file if it exists.")
    ] = False,
    lang: LangOption = None,
    json: JsonOption = False,
    plain: PlainOption = False,
    content_dir: ContentDirOption = None,
) -> None:
    """A short self-assessment: situations, voices and questions about your own practice.

    Answer by number or letter; you get feedback after each answer and a result at the
    end. Answers can also come from --answers or line by line on standard input.
    With --question ID: just that question and its feedback, kept out of the history.
    Ctrl-C stops without saving (exit 130). With --result-file the result is also
    written as an anonymous file for a workshop trainer (see 'infoblad group')."""
    opts = Options(ctx, lang, json, plain, content_dir)
    from . import quiz as engine
    from . import render_quiz as show
    from .strings import t

    bundle = opts.bundle()
    if count < 1:
        raise UsageError(t(opts.lang, "quiz.bad_count"))
    # Checked before the first question: nobody should answer eight questions to hear the
    # file already exists.
    result_target = _result_target(opts, result_file, force) if result_file is not None else None
    theme_ids = [th.id for th in bundle.quiz_themes]
    if theme is not None:
        theme = theme.strip().lower()  # IDs are lower-case slugs: IN-HET-MOMENT means in-het-moment
        if theme not in theme_ids:
            unknown_theme(opts.lang, theme, theme_ids)
    only: Optional[list[str]] = None
    if question is not None:
        if theme is not None or retry_missed:
            raise UsageError(t(opts.lang, "quiz.question_alone"))
        only = [
            _find_in(
                opts, bundle.questions, "quiz", question, listed_by=t(opts.lang, "quiz.question_list")
            ).id
        ]
        count, no_save = 1, True  # one question is no attempt: it stays out of the history and the trend
    store = None
    if retry_missed or not no_save:
        from .history import History, default_path

        # Check the history before the first question: a damaged file is reported now,
        # not after the user has answered everything. Every page, not only the newest row.
        store = History(default_path(), opts.lang)
        store.check()
        earlier = store.attempts(limit=1)
    if retry_missed:
        assert store is not None
        if not earlier:
            _say(opts, t(opts.lang, "quiz.no_history"))
            return
        only = [qid for qid in store.last_missed() if any(q.id == qid for q in bundle.questions)]
        if not only:
            _say(opts, t(opts.lang, "quiz.no_missed"))
            return
    if seed is None:
        import random

        seed = random.randrange(1, 100_000)
    try:
        quiz = engine.select(bundle, count, seed, theme, only)
    except engine.NoQuestions:
        if only is not None:  # --retry-missed with a theme in which nothing was missed
            _say(opts, t(opts.lang, "quiz.no_missed_theme", theme=theme))
            return
        unknown_theme(opts.lang, theme or "", theme_ids)
    total = len(quiz.asked)
    again = _again_command(opts, seed, count, theme, retry_missed, question=question)

    scripted = answers is not None
    interactive = not scripted and sys.stdin.isatty()
    # With --json, stdout holds only the JSON: an interactive quiz talks on stderr instead.
    display = None if (opts.json and not interactive) else _quiz_writer(opts, to_stderr=opts.json)

    if scripted:
        assert answers is not None
        # Commas or spaces between answers; a trailing comma is forgiven.
        given = [part for part in re.split(r"[,\s]+", answers.strip().strip(",")) if part]
        # After --retry-missed the again-command is empty; the same command without --answers shows them.
        see = again or _again_command(opts, seed, count, theme, False, retry_missed=True)
        if len(given) != total:
            key = "quiz.answers_count"
            if len(given) == 1 and total != 1:
                key = "quiz.answers_count_one"
            elif total == 1 and len(given) != 1:
                key = "quiz.answers_count_of_one"
            raise UsageError(
                t(opts.lang, key, given=len(given), needed=total),
                hint=t(opts.lang, "quiz.answers_hint", command=see),
            )
        for number, (asked, text) in enumerate(zip(quiz.asked, given, strict=True), 1):
            try:
                engine.parse_answer(asked, text)
            except engine.AnswerError:
                raise UsageError(
                    t(
                        opts.lang,
                        "quiz.answers_value",
                        number=number,
                        text=show.shorten(text),
                        low=1,
                        high=asked.choices,
                    ),
                    hint=t(opts.lang, "quiz.answers_hint", command=see),
                ) from None
        supply = iter(given)

    def ask(asked: engine.Asked, number: int, hint: Optional[engine.AnswerError]) -> str:
        if display is not None and hint is None:
            show.question(display, bundle, asked, number, total)
        if hint is not None:
            message = show.hint(display or _quiz_writer(opts, to_stderr=True), hint)
            if interactive and display is not None:
                display.wrap(message, style="yellow")
            else:
                err_console().print(message, markup=False, soft_wrap=True)
        if scripted:
            text = next(supply)
        elif interactive:
            assert display is not None
            try:
                text = display.console.input(show.prompt_text(display, asked))
            except EOFError:
                display.blank()  # Ctrl-D: end the prompt's line before the message
                raise
        else:
            line = sys.stdin.readline()
            if not line:
                raise EOFError
            text = line.rstrip("\r\n")
        if display is not None and not interactive:
            display.wrap(display.t("quiz.you_chose", answer=show.shorten(text.strip())), style="bold")
        return text

    def tell(outcome: engine.Outcome) -> None:
        if display is not None:
            show.feedback(display, outcome)

    if display is not None:
        show.intro(display, total)
    try:
        result = engine.run(quiz, bundle, ask, tell)
    except KeyboardInterrupt:
        err_console().print("\n" + t(opts.lang, "quiz.interrupted"), markup=False, soft_wrap=True)
        raise typer.Exit(EXIT_INTERRUPTED) from None
    except engine.QuizIncomplete as incomplete:
        if interactive:  # Ctrl-D at the prompt: a person stopped, not a script that ran short
            raise InfobladError(
                t(opts.lang, "quiz.stopped_eof", answered=incomplete.answered, needed=incomplete.needed),
                hint=t(opts.lang, "quiz.stopped_eof_hint", command=again or "infoblad quiz --retry-missed"),
            ) from None
        raise InfobladError(
            t(opts.lang, "quiz.incomplete", answered=incomplete.answered, needed=incomplete.needed),
            hint=t(opts.lang, "quiz.incomplete_hint", needed=incomplete.needed),
        ) from None

    saved = False
    not_saved: Optional[InfobladError] = None
    if store is not None and not no_save:
        from datetime import datetime, timezone

        from .errors import DataError
        from .history import Attempt

        taken_at = datetime.now(timezone.utc).isoformat(timespec="seconds")
        try:
            store.save(cast(Attempt, engine.attempt(result, taken_at)))
            saved = True
        except DataError as error:  # show the result all the same; then say where it was kept
            not_saved = _keep_elsewhere(opts, store.path, error, result, theme, retry_missed)
    not_written: Optional[InfobladError] = None
    if result_target is not None:
        from . import result_file as results

        mode = results.mode_of(theme, retry=retry_missed, question=question is not None)
        data = results.from_result(result, _today(), mode)
        not_written = _write_result(opts, result_target, results.dumps(data), quiet=opts.json)
    if opts.json:
        from .render import write_json

        data = engine.to_data(result, bundle)
        data["saved"] = saved
        data["again"] = again
        write_json(data)
    elif question is not None:
        assert display is not None
        display.blank()
        display.wrap(display.t("quiz.question_more"), style="dim")
    else:
        assert display is not None
        show.result(display, bundle, result)
        display.blank()
        if saved or no_save:
            display.wrap(display.t("quiz.saved") if saved else display.t("quiz.not_saved"), style="dim")
        if again:
            display.wrap(display.t("quiz.again", command=again), style="dim")
        if result.missed and saved:
            display.wrap(display.t("quiz.retry"), style="dim")
    if not_saved is not None:
        raise not_saved
    if not_written is not None:
        raise not_written


def _today() -> str:
    """Today's local date (never a time): all a result file may say about when."""
    from datetime import date

    return date.today().isoformat()


def _result_target(opts: Options, output: Path, force: bool) -> Path:
    """Where a result file goes: like an export, never replacing a file without --force."""
    from .strings import t

    if not str(output).strip() or str(output) == "-":
        raise UsageError(t(opts.lang, "result.no_name"))
    folder = output.parent
    if not folder.is_dir():
        raise UsageError(
            t(opts.lang, "result.no_folder", folder=folder), hint=t(opts.lang, "export.cannot_write_hint")
        )
    return _export_target(opts, output, force)


def _write_result(opts: Options, target: Path, data: bytes, quiet: bool = False) -> Optional[InfobladError]:
    """Write a result file in one go; the error (not raised, so the result is still shown)."""
    from .fileio import write_atomic
    from .strings import t

    try:
        write_atomic(target, data, private=False)
    except OSError as error:
        return InfobladError(
            t(opts.lang, "export.cannot_write", file=target, reason=error.strerror or error),
            hint=t(opts.lang, "export.cannot_write_hint"),
        )
    if not quiet:
        err_console().print(t(opts.lang, "result.written", file=target), markup=False, soft_wrap=True)
    return None


def _again_command(
    opts: Options,
    seed: int,
    count: int,
    theme: Optional[str],
    retry: bool,
    retry_missed: bool = False,
    question: Optional[str] = None,
) -> str:
    """The command that asks the very same questions again ('' after --retry-missed: it changes).

    With ``retry_missed``: the --retry-missed command itself, which shows this run's questions.
    With ``question``: the command that asks that one question again.
    """
    if retry:
        return ""
    from .quiz import DEFAULT_COUNT
    from .term import command_line

    parts = (
        ["infoblad", "quiz", "--retry-missed"] if retry_missed else ["infoblad", "quiz", "--seed", str(seed)]
    )
    if question is not None:
        parts += ["--question", question.strip().lower()]
    elif count != DEFAULT_COUNT:
        parts += ["--count", str(count)]
    if theme:
        parts += ["--theme", theme]
    if opts.lang != "nl":
        parts += ["--lang", opts.lang]
    for pack in opts.packs:
        parts += ["--content-dir", str(pack)]
    return command_line(parts)


def _keep_elsewhere(
    opts: Options, history: Path, error: InfobladError, result: Any, theme: Optional[str], retry: bool
) -> InfobladError:
    """The history could not take the result: keep it in a result file next to it, and say where."""
    from . import result_file as results
    from .strings import t
    from .term import quote

    data = results.dumps(results.from_result(result, _today(), results.mode_of(theme, retry=retry)))
    try:
        history.parent.mkdir(parents=True, exist_ok=True)
        for number in range(1, 1000):
            kept = history.parent / f"infoblad-result-{_today()}{'' if number == 1 else f'-{number}'}.json"
            try:
                # O_EXCL: a second quiz on the same day gets its own file, never an older one.
                fd = os.open(kept, os.O_WRONLY | os.O_CREAT | os.O_EXCL, 0o600)
            except FileExistsError:
                continue
            with os.fdopen(fd, "wb") as handle:
                handle.write(data)
            break
        else:
            raise FileExistsError(17, "too many result files", str(kept))
    except OSError as problem:
        error.hint = (
            error.hint_text(opts.lang) + "\n" + t(opts.lang, "quiz.kept_nowhere", reason=problem.strerror)
        )
        return error
    error.hint = (
        t(opts.lang, "quiz.kept_elsewhere", file=quote(str(kept))) + "\n" + error.hint_text(opts.lang)
    )
    return error


def _quiz_writer(opts: Options, to_stderr: bool) -> "Writer":
    from .render import Writer

    console = err_console() if to_stderr else make_console(opts.plain)
    return Writer(console, opts.lang, plain=opts.plain or not console.is_terminal)


def _say(opts: Options, message: str) -> None:
    if opts.json:
        from .render import write_json

        write_json({"lang": opts.lang, "message": message})
    else:
        opts.writer().wrap(message)


def unknown_theme(lang: str, theme: str, theme_ids: list[str]) -> NoReturn:
    from .strings import t

    raise UsageError(
        t(lang, "quiz.unknown_theme", theme=theme),
        hint=t(lang, "quiz.themes_hint", themes=", ".join(theme_ids)),
    )


@app.command("history")
def history_command(
    ctx: typer.Context,
    number: Annotated[
        Optional[str],
        typer.Argument(
            help="One earlier result in full, with your answers: its number in the list (1 = newest).",
            metavar="[N]",
            show_default=False,
        ),
    ] = None,
    clear: Annotated[bool, typer.Option("--clear", help="Delete all saved results (asks first).")] = False,
    yes: Annotated[bool, typer.Option("--yes", "-y", help="With --clear: do not ask.")] = False,
    export: Annotated[
        bool,
        typer.Option(
            "--export",
            help="Write your newest result as an anonymous result file (JSON) for the trainer's"
            " 'infoblad group'.",
        ),
    ] = False,
    output: Annotated[
        Optional[Path],
        typer.Option(
            "--output",
            "-o",
            help="With --export: the file to write (default: standard output).",
            dir_okay=False,
            readable=False,
            show_default=False,
        ),
    ] = None,
    force: Annotated[
        bool, typer.Option("--force", help="With --export: overwrite the file if it exists.")
    ] = False,
    lang: LangOption = None,
    json: JsonOption = False,
    plain: PlainOption = False,
    content_dir: ContentDirOption = None,
    no_pager: NoPagerOption = False,
) -> None:
    """Earlier quiz results on this computer, newest first, with the trend per theme.

    The trend counts full quizzes only; retries (--retry-missed) and single-theme quizzes are
    marked in the list. 'infoblad history 1' shows the newest result in full, with your answers.

    --export writes the newest result (or result N) as an anonymous result file for a workshop
    trainer: no name, no time, only the date, the questions and your answers."""
    opts = Options(ctx, lang, json, plain, content_dir, no_pager=no_pager)
    from .errors import DataError
    from .history import History, default_path
    from .strings import t

    path = default_path()
    store = History(path, opts.lang)
    if clear and number is not None:
        raise UsageError(t(opts.lang, "history.number_and_clear"))
    if export:
        if clear:
            raise UsageError(t(opts.lang, "result.export_and_clear"))
        _export_history(opts, store, output, force, number)
        return
    if output is not None or force:
        raise UsageError(t(opts.lang, "result.output_needs_export"))
    if clear:
        try:
            count = len(store.attempts())
        except DataError:
            # A damaged file: deleting it is the only way to start again, so ask about exactly that.
            if not _confirm(opts, t(opts.lang, "history.corrupt_confirm", file=path), yes):
                _say(opts, t(opts.lang, "history.kept"))
                return
            store.remove_file()
            _say(opts, t(opts.lang, "history.removed"))
            return
        question = t(
            opts.lang, "history.clear_confirm_one" if count == 1 else "history.clear_confirm", count=count
        )
        if count and not _confirm(opts, question, yes):
            _say(opts, t(opts.lang, "history.kept"))
            return
        removed = store.clear() if count else 0
        if opts.json:
            from .render import write_json

            write_json({"lang": opts.lang, "deleted": removed})
        else:
            opts.writer().wrap(
                t(opts.lang, "history.cleared_one" if removed == 1 else "history.cleared", count=removed)
            )
        return
    attempts = store.attempts()
    from . import history_view as view

    if number is not None:
        index, attempt = view.pick(attempts, number, opts.lang)
        bundle = opts.bundle()
        if opts.json:
            from .render import write_json

            write_json(view.attempt_data(bundle, index, attempt))
            return
        view.one(opts.writer(), bundle, index, attempt)
        return
    trend = store.trend()
    bundle = opts.bundle()
    ratings = view.self_ratings(attempts, bundle)
    if opts.json:
        from .render import write_json

        write_json(
            {
                "lang": opts.lang,
                "file": str(path),
                "attempts": attempts,
                "trend": trend,
                "self_ratings": ratings,
            }
        )
        return
    w = opts.writer()
    if not attempts:
        w.wrap(t(opts.lang, "history.empty"))
        return
    titles = {th.id: th.title for th in bundle.quiz_themes}
    view.listing(w, attempts, trend, ratings, titles)


def _export_history(
    opts: Options, store: Any, output: Optional[Path], force: bool, number: Optional[str] = None
) -> None:
    """Write the newest attempt of the history (or number N) as a result file (to stdout or -o FILE)."""
    from datetime import datetime

    from . import result_file as results
    from .content import load_bundle
    from .strings import t

    to_stdout = output is None or str(output) == "-"
    target = None if to_stdout else _result_target(opts, cast(Path, output), force)
    newest = store.attempts(limit=None if number is not None else 1)
    if not newest:
        raise InfobladError(
            t(opts.lang, "result.nothing_to_export"), hint=t(opts.lang, "result.take_quiz_hint")
        )
    attempt = newest[0]
    if number is not None:
        from .history_view import pick

        attempt = pick(newest, number, opts.lang)[1]
    # The question texts do not go into the file, but the option order of an older attempt is
    # worked out from the content of the language it was taken in.
    bundle = load_bundle(attempt["lang"], opts.packs)
    local_date = datetime.fromisoformat(attempt["taken_at"]).astimezone().date().isoformat()
    try:
        data = results.from_attempt(attempt, bundle, local_date)
    except results.NotExportable:
        raise InfobladError(
            t(opts.lang, "result.not_exportable"), hint=t(opts.lang, "result.not_exportable_hint")
        ) from None
    if target is None:
        from .render import write_stdout

        write_stdout(results.dumps(data).decode("utf-8"))
        return
    error = _write_result(opts, target, results.dumps(data))
    if error is not None:
        raise error


def _confirm(opts: Options, question: str, yes: bool) -> bool:
    if yes:
        return True
    from .strings import t

    if not sys.stdin.isatty():
        raise UsageError(t(opts.lang, "history.needs_yes"), hint=t(opts.lang, "history.needs_yes_hint"))
    try:
        from .term import clean

        answer = input(clean(f"{question} {t(opts.lang, 'history.yes_no')} "))
    except EOFError:  # Ctrl-D: no
        answer = ""
    except KeyboardInterrupt:  # Ctrl-C at the question: nothing is deleted
        err_console().print("\n" + t(opts.lang, "history.kept"), markup=False, soft_wrap=True)
        raise typer.Exit(EXIT_INTERRUPTED) from None
    # Dutch j/ja as well as y/yes, in either language: people type what they are used to.
    return answer.strip().lower() in ("j", "ja", "y", "yes")


# ---------------------------------------------------------------- group


def group_command(
    ctx: typer.Context,
    paths: Annotated[
        list[Path],
        typer.Argument(
            help="Result files, or folders with result files (*.json).",
            metavar="FILE|FOLDER...",
            show_default=False,
        ),
    ],
    html: Annotated[
        bool,
        typer.Option("--html", help="One self-contained HTML page to project (large type, high contrast)."),
    ] = False,
    output: Annotated[
        Optional[Path],
        typer.Option(
            "--output",
            "-o",
            help="The file to write (default: standard output). A name ending in .html implies --html,"
            " .json implies --json.",
            dir_okay=False,
            readable=False,
            show_default=False,
        ),
    ] = None,
    force: Annotated[bool, typer.Option("--force", help="Overwrite the file if it exists.")] = False,
    lang: LangOption = None,
    json: JsonOption = False,
    plain: PlainOption = False,
    content_dir: ContentDirOption = None,
) -> None:
    """A group's quiz results combined, without names (Dutch: infoblad groep).

    Reads the anonymous result files of a workshop (made with 'infoblad quiz
    --result-file FILE' or 'infoblad history --export') and shows how many took
    part, the spread of the scores per theme, how many chose each answer, the
    spread of the self-ratings, and the three questions on which the group
    disagreed most. A damaged or foreign file is named and skipped."""
    opts = Options(ctx, lang, json, plain, content_dir)
    from . import group as core
    from . import result_file as results
    from .strings import t

    to_stdout = output is None or str(output) == "-"
    if not to_stdout and output is not None and not (html or opts.json):
        suffix = output.suffix.lower()
        html = suffix in (".html", ".htm")
        opts.json = suffix == ".json"
    if html and opts.json:
        raise UsageError(t(opts.lang, "group.html_and_json"))
    target = None if to_stdout else _export_target(opts, cast(Path, output), force)
    bundle = opts.bundle()

    files, missing = results.files_in(paths)
    warn = err_console()

    def warning(message: str) -> None:
        warn.print(t(opts.lang, "group.skipped", reason=message), markup=False, soft_wrap=True)

    for path in missing:
        warning(t(opts.lang, "group.missing", path=path))
    for path in paths:
        if path.is_dir() and not any(f.parent == path for f in files):
            warning(t(opts.lang, "group.empty_folder", folder=path))
    seen: set[Path] = set()
    readable = []
    for file in files:
        key = file.resolve()
        if key in seen:  # named twice (a folder and a file in it): count the person once
            continue
        seen.add(key)
        try:
            readable.append(results.read(file))
        except results.ResultFileError as error:
            warning(t(opts.lang, error.key, file=error.file, **error.values))
    if not readable:
        raise InfobladError(t(opts.lang, "group.none"), hint=t(opts.lang, "group.none_hint"))
    summary = core.combine(readable, bundle)
    for note in summary.notes:
        warn.print(
            t(opts.lang, note.key, file=note.file, question=note.question), markup=False, soft_wrap=True
        )
    if opts.json or html:
        from . import render_group

        if opts.json:
            data = core.to_data(summary)
            data["lang"] = opts.lang
            import json as json_module

            text = json_module.dumps(data, ensure_ascii=False, indent=2) + "\n"
        else:
            text = render_group.to_html(summary, opts.lang)
        if target is None:
            from .render import write_stdout

            write_stdout(text)
            return
        failed = _write_result(opts, target, text.encode("utf-8"), quiet=True)
        if failed is not None:
            raise failed
        warn.print(t(opts.lang, "export.written", file=output), markup=False, soft_wrap=True)
        return
    from . import render_group

    if target is None:
        render_group.terminal(opts.writer(), summary)
        return
    import io

    from rich.console import Console

    from .render import Writer

    buffer = io.StringIO()
    console = Console(file=buffer, markup=False, emoji=False, highlight=False, color_system=None, width=100)
    render_group.terminal(Writer(console, opts.lang, plain=True), summary)
    failed = _write_result(opts, target, buffer.getvalue().encode("utf-8"), quiet=True)
    if failed is not None:
        raise failed
    warn.print(t(opts.lang, "export.written", file=output), markup=False, soft_wrap=True)


app.command("group")(group_command)
# The Dutch name; hidden so that help does not list the command twice.
app.command("groep", hidden=True)(group_command)


# ---------------------------------------------------------------- entry point


def _encoding_fallback(error: UnicodeError) -> tuple[str, int]:
    """Write 'e' for 'ë' and '-' for a dash on consoles that cannot show them."""
    if not isinstance(error, UnicodeEncodeError):
        raise error
    import unicodedata

    chunk = error.object[error.start : error.end]
    simple = {
        "\u2014": "-",
        "\u2013": "-",
        "\u2018": "'",
        "\u2019": "'",
        "\u201c": '"',
        "\u201d": '"',
        "\u2022": "-",
        "\u2026": "...",
        "\u00b7": "-",
        "\u2192": "->",
    }
    out = []
    for char in chunk:
        ascii_form = unicodedata.normalize("NFKD", char).encode("ascii", "ignore").decode("ascii")
        out.append(simple.get(char) or ascii_form or "?")
    return "".join(out), error.end


_TOP_OPTIONS_WITH_VALUE = {"--lang", "-l", "--content-dir"}


def _app_for(args: list[str]) -> typer.Typer:
    """The app with only the command that will run, when that is clear from the arguments.

    Typer turns every registered command into a Click command on each start;
    building just the one that runs saves a few milliseconds of every start-up.
    Help, typos and shell completion get the full app.
    """
    if any(name.endswith("_COMPLETE") for name in os.environ):
        return app
    index = 0
    while index < len(args) and args[index].startswith("-"):
        index += 2 if args[index] in _TOP_OPTIONS_WITH_VALUE else 1
    wanted = args[index] if index < len(args) else None
    chosen = [c for c in app.registered_commands if c.name == canonical(wanted or "")]
    if not chosen:
        return app
    single = typer.Typer(
        cls=InfobladGroup,
        name="infoblad",
        rich_markup_mode=None,
        pretty_exceptions_enable=False,
        invoke_without_command=True,
        context_settings={"help_option_names": ["-h", "--help"]},
    )
    single.registered_callback = app.registered_callback
    single.registered_commands = chosen
    return single


class _ClosedStream:
    """Standard output when the process started without one (``>&-``): writing is an error.

    Python sets ``sys.stdout`` to None then, and Rich silently writes nowhere: a command
    would 'succeed' having shown nothing. A command that writes no output (export -o FILE)
    still works.
    """

    encoding = "utf-8"
    errors = "strict"

    def write(self, text: str) -> int:
        import errno

        raise OSError(errno.EBADF, "closed")

    def flush(self) -> None:
        pass

    def isatty(self) -> bool:
        return False


def _guard_standard_streams() -> None:
    """Make closed stdout/stderr safe: writes to stdout fail loudly, the fds are not reused."""
    for fd, name in ((1, "stdout"), (2, "stderr")):
        if getattr(sys, name) is not None:
            continue
        try:
            os.fstat(fd)
        except OSError:
            # Hold the fd with /dev/null, or the next file opened (the history!) would get it.
            devnull = os.open(os.devnull, os.O_WRONLY)
            if devnull != fd:
                os.close(devnull)
        setattr(sys, name, _ClosedStream() if name == "stdout" else open(os.devnull, "w"))  # noqa: SIM115


def _end_quietly(code: int) -> NoReturn:
    """Exit without Python's own flush at exit failing again on a broken stdout."""
    try:
        devnull = os.open(os.devnull, os.O_WRONLY)
        os.dup2(devnull, sys.stdout.fileno())
    except (OSError, AttributeError, ValueError):
        pass
    sys.exit(code)


def _output_failed(error: OSError) -> NoReturn:
    import errno
    import signal

    from .strings import t

    if (
        isinstance(error, BrokenPipeError)
        or error.errno == errno.EPIPE
        or (os.name == "nt" and error.errno == errno.EINVAL)
    ):
        # The reader has gone (| head): end quietly, as tools stopped by SIGPIPE do (128 + 13).
        _end_quietly(128 + getattr(signal, "SIGPIPE", 13) if os.name != "nt" else 0)
    lang = _RUN["lang"] or _env_lang_or_default()
    reason = t(lang, "output.closed") if error.errno == errno.EBADF else (error.strerror or str(error))
    report(InfobladError(t(lang, "output.failed", reason=reason), hint=t(lang, "output.hint")))
    _end_quietly(1)


def main() -> None:
    """Console-script entry point: never lets a traceback reach the user."""
    import codecs

    from .errors import OutputFailed, Terminated

    _RUN.update(lang=None, plain=False)
    _guard_standard_streams()
    codecs.register_error("infoblad", _encoding_fallback)
    for stream in (sys.stdout, sys.stderr):
        reconfigure = getattr(stream, "reconfigure", None)
        if reconfigure is not None:
            try:
                reconfigure(errors="infoblad")
            except (ValueError, OSError):  # pragma: no cover - detached or odd streams
                pass
    try:
        try:
            _app_for(sys.argv[1:])(prog_name="infoblad")
        finally:
            # What Python would flush at exit, flushed here where a failure can still be told.
            sys.stdout.flush()
    except KeyboardInterrupt:
        from .strings import t

        sys.stderr.write("\n" + t(_RUN["lang"] or _env_lang_or_default(), "error.interrupted") + "\n")
        sys.exit(EXIT_INTERRUPTED)
    except Terminated as stop:  # SIGTERM/SIGHUP during a write: cleaned up, now end as asked
        _end_quietly(128 + stop.signum)
    except OutputFailed as failed:
        _output_failed(failed.error)
    except InfobladError as error:  # raised outside a command, e.g. in completion
        report(error)
        sys.exit(error.exit_code)
    except OSError as error:
        if not _is_output_error(error):
            _internal_error(error)
        _output_failed(error)
    except Exception as error:  # a bug: say so plainly, show the trace only on request
        _internal_error(error)


def _internal_error(error: Exception) -> NoReturn:
    if _debug():
        raise error
    from .strings import t
    from .term import clean

    lang = _RUN["lang"] or _env_lang_or_default()
    sys.stderr.write(
        t(lang, "error.internal", error=clean(f"{type(error).__name__}: {error}"))
        + "\n"
        + t(lang, "error.internal_hint")
        + "\n"
    )
    sys.exit(1)
