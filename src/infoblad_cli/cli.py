"""The command line: one thin function per command.

Each command parses its options, asks the core for data and hands it to the
renderer. This is the one place that turns errors into messages on stderr and
exit codes (see ``InfobladGroup.invoke``). Heavy modules are imported inside the
commands that need them, so that reading commands start fast.
"""

import os
import sys
from enum import Enum
from pathlib import Path
from typing import TYPE_CHECKING, Annotated, Any, NoReturn, Optional

import typer
from typer.core import TyperGroup

from .errors import EXIT_INTERRUPTED, InfobladError, UsageError

if TYPE_CHECKING:
    from rich.console import Console

    from . import models as m
    from .render import Writer


class Lang(str, Enum):
    nl = "nl"
    en = "en"


def _debug() -> bool:
    return os.environ.get("INFOBLAD_DEBUG", "") not in ("", "0")


def err_console() -> "Console":
    from rich.console import Console

    return Console(
        stderr=True,
        markup=False,
        emoji=False,
        highlight=False,
        color_system=None if _no_color(False, sys.stderr) else "auto",
    )


def report(error: InfobladError) -> None:
    """Print an error and its hint on stderr, in plain words."""
    from rich.text import Text

    console = err_console()
    console.print(Text("Error: ", style="bold red") + Text(error.message))
    if error.hint:
        console.print(Text(error.hint))


class InfobladGroup(TyperGroup):
    """The top-level group: the single place where our errors become exit codes."""

    def invoke(self, ctx: Any) -> Any:
        try:
            return super().invoke(ctx)
        except InfobladError as error:
            if _debug():
                raise
            report(error)
            raise typer.Exit(error.exit_code) from None


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


def _complete_ids(kind: str) -> Any:
    def complete(ctx: typer.Context, incomplete: str) -> list[tuple[str, str]]:
        try:
            from .content import load_bundle

            lang = ctx.params.get("lang") or os.environ.get("INFOBLAD_LANG") or "nl"
            bundle = load_bundle(lang.value if isinstance(lang, Lang) else str(lang))
        except Exception:  # completion must never crash the shell
            return []
        entries = getattr(bundle, kind)
        return [(e.id, e.title) for e in entries if e.id.startswith(incomplete)]

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
    ) -> None:
        parent: dict[str, Any] = {}
        if ctx.parent is not None and isinstance(ctx.parent.obj, dict):
            parent = ctx.parent.obj
        self.lang = _resolve_lang(lang or parent.get("lang"))
        self.json = json or bool(parent.get("json"))
        self.plain = plain or bool(parent.get("plain"))
        self.packs = _resolve_packs(content_dir or parent.get("content_dir"))

    def bundle(self) -> "m.Bundle":
        from .content import load_bundle

        return load_bundle(self.lang, self.packs)

    def writer(self) -> "Writer":
        from .render import Writer

        console = make_console(self.plain)
        return Writer(console, self.lang, plain=self.plain or not console.is_terminal)


def _resolve_lang(value: "Lang | str | None") -> str:
    if isinstance(value, Lang):
        return value.value
    if value:
        return str(value)
    env = os.environ.get("INFOBLAD_LANG", "").strip().lower()
    if not env:
        return "nl"
    if env not in ("nl", "en"):
        raise UsageError(
            f"INFOBLAD_LANG is set to '{env}', which is not a language of infoblad.",
            hint="Use nl or en, or unset INFOBLAD_LANG.",
        )
    return env


def _resolve_packs(dirs: Optional[list[Path]]) -> list[Path]:
    from .content import check_pack_dirs

    if not dirs:
        env = os.environ.get("INFOBLAD_CONTENT_DIR", "")
        dirs = [Path(part) for part in env.split(os.pathsep) if part.strip()]
    return check_pack_dirs(dirs)


def _no_color(plain: bool, stream: Any) -> bool:
    if plain or os.environ.get("NO_COLOR") or os.environ.get("TERM") == "dumb":
        return True
    if os.environ.get("FORCE_COLOR"):
        return False
    isatty = getattr(stream, "isatty", None)
    return not (isatty and isatty())


def make_console(plain: bool) -> "Console":
    """The stdout console: colour only on a terminal, never with --plain/NO_COLOR/TERM=dumb."""
    from rich.console import Console

    no_color = _no_color(plain, sys.stdout)
    console = Console(
        markup=False,
        emoji=False,
        highlight=False,
        color_system=None if no_color else "auto",
        no_color=no_color,
    )
    if console.width > 100:
        console.width = 100
    return console


def unknown_id(lang: str, kind: str, wanted: str, entries: Any) -> NoReturn:
    """An ID that does not exist: a usage error naming the closest IDs."""
    import difflib

    from .strings import t

    ids = [e.id for e in entries]
    close = difflib.get_close_matches(wanted.lower(), ids, n=3, cutoff=0.5)
    close += [i for i in ids if wanted.lower() in i and i not in close][: 3 - len(close)]
    hint = t(lang, "error.did_you_mean", ids=", ".join(close)) + "\n" if close else ""
    raise UsageError(
        t(lang, "error.unknown_id", id=wanted, kind=kind), hint=hint + t(lang, "error.see_list", kind=kind)
    )


def _find(opts: "Options", bundle: "m.Bundle", kind: str, wanted: str) -> Any:
    entries = getattr(bundle, kind)
    for entry in entries:
        if entry.id == wanted:
            return entry
    unknown_id(opts.lang, kind, wanted, entries)


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
    version: Annotated[
        bool, typer.Option("--version", callback=_version, is_eager=True, help="Show the version and exit.")
    ] = False,
) -> None:
    """A reference and self-assessment tool for civil servants, after the ESS infoblad
    'Polarisatie tussen burgers en overheid' (2022). Run without a command for the home screen."""
    ctx.obj = {"lang": lang, "json": json, "plain": plain, "content_dir": content_dir}
    if ctx.invoked_subcommand is not None:
        return
    opts = Options(ctx, lang, json, plain, content_dir)
    from . import render

    bundle = opts.bundle()
    if opts.json:
        render.write_json(render.home_data(bundle))
        return
    render.home(opts.writer(), bundle)


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
        lang: LangOption = None,
        json: JsonOption = False,
        plain: PlainOption = False,
        content_dir: ContentDirOption = None,
    ) -> None:
        opts = Options(ctx, lang, json, plain, content_dir)
        from . import render

        bundle = opts.bundle()
        entries = getattr(bundle, kind)
        if id is None:
            if opts.json:
                render.write_json({"lang": bundle.lang, kind: [render.to_data(e) for e in entries]})
                return
            w = opts.writer()
            subtitle = (lambda e: w.t(f"outcome.{e.outcome}")) if kind == "cases" else None
            render.listing(w, kind, entries, w.t(title_key), w.t(intro_key), subtitle)
            w.blank()
            w.command(f"infoblad {kind} ID", label=w.t("list.open", command="").strip())
            return
        entry = _find(opts, bundle, kind, id)
        if opts.json:
            render.write_json({"lang": bundle.lang, kind[:-1]: render.to_data(entry)})
            return
        getattr(render, detail)(opts.writer(), bundle, entry)

    return command


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
    ) -> None:
        opts = Options(ctx, lang, json, plain, content_dir)
        from . import render

        bundle = opts.bundle()
        if opts.json:
            render.write_json({"lang": bundle.lang, **data(bundle, render)})
            return
        getattr(render, name)(opts.writer(), bundle)

    return command


_personal = _document_command("personal", lambda b, r: {"personal": r.to_data(b.personal)})
_personal.__doc__ = """The personal side of professionalism, with questions to reflect on."""
app.command("personal")(_personal)

_about = _document_command(
    "about",
    lambda b, r: {
        "about": r.to_data(b.about),
        "glossary": [r.to_data(term) for term in b.glossary],
        "packs": list(b.packs),
    },
)
_about.__doc__ = """The learning network, the organisations, the sources and how these texts were made."""
app.command("about")(_about)

_contact = _document_command("contact", lambda b, r: {"contacts": [r.to_data(c) for c in b.contacts]})
_contact.__doc__ = (
    """How to reach the ESS (e-mail, phone, office hours, website), plus local contacts from content packs."""
)
app.command("contact")(_contact)


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


def main() -> None:
    """Console-script entry point: never lets a traceback reach the user."""
    import codecs

    codecs.register_error("infoblad", _encoding_fallback)
    for stream in (sys.stdout, sys.stderr):
        reconfigure = getattr(stream, "reconfigure", None)
        if reconfigure is not None:
            try:
                reconfigure(errors="infoblad")
            except (ValueError, OSError):  # pragma: no cover - detached or odd streams
                pass
    try:
        app(prog_name="infoblad")
    except KeyboardInterrupt:
        sys.stderr.write("\nInterrupted.\n")
        sys.exit(EXIT_INTERRUPTED)
    except InfobladError as error:  # raised outside a command, e.g. in completion
        report(error)
        sys.exit(error.exit_code)
    except Exception as error:  # a bug: say so plainly, show the trace only on request
        if _debug():
            raise
        sys.stderr.write(
            f"infoblad stopped because of an internal error ({type(error).__name__}: {error}).\n"
            "Run it again with INFOBLAD_DEBUG=1 to see the details, and report them.\n"
        )
        sys.exit(1)
