# SPDX-FileCopyrightText: 2026 The infoblad team
# SPDX-License-Identifier: EUPL-1.2
"""The command line: the Typer app, its commands, and the entry point.

The commands themselves live in ``commands/`` (one module per family); this module
registers them and is the one place that turns errors into messages on stderr and exit
codes (``InfobladGroup.invoke``, ``main``). A broken pipe, a closed or full stdout,
Ctrl-C and SIGTERM end here too, each with its documented exit code. Heavy modules are
imported inside the commands that need them, so that reading commands start fast.
"""

import os
import sys
from collections.abc import Iterable
from typing import Annotated, Any, NoReturn, Optional

import typer
from typer.core import TyperGroup

from .errors import EXIT_INTERRUPTED, InfobladError
from .names import canonical
from .options import ContentDirOption, JsonOption, LangOption, NoPagerOption, Options, PlainOption
from .term import RUN, report, terminal_width


def _debug() -> bool:
    return os.environ.get("INFOBLAD_DEBUG", "") not in ("", "0")


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

        RUN.lang = scan_lang(self.argv)
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


# ---------------------------------------------------------------- the top level


def _version(value: bool) -> None:
    if value:
        from importlib.metadata import PackageNotFoundError, version

        try:
            found = version("infoblad")
        except PackageNotFoundError:  # running from a source tree that was never installed
            found = "unknown (not installed)"
        typer.echo(f"infoblad {found}")
        raise typer.Exit()


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
    from .commands.reading import home as home_screen

    home_screen(Options(ctx, lang, json, plain, content_dir, no_pager=no_pager))


# ---------------------------------------------------------------- the commands

# Each command: the module in commands/ and the function. A run imports only the module of the
# command it runs (``_app_for``); help, a typo and shell completion get the whole app.
COMMANDS = {
    "narratives": ("reading", "narratives"),
    "lessons": ("reading", "lessons"),
    "cases": ("reading", "cases"),
    "personal": ("reading", "personal_command"),
    "about": ("reading", "about_command"),
    "contact": ("reading", "contact"),
    "tip": ("reading", "tip_command"),
    "validate": ("validate", "validate_command"),
    "search": ("search", "search_command"),
    "export": ("export", "export_command"),
    "quiz": ("quiz", "quiz_command"),
    "history": ("history", "history_command"),
    "group": ("group", "group_command"),  # also 'groep': the Dutch names are in names.py
}


def _new_app(names: Iterable[str]) -> typer.Typer:
    """The app with the home screen and the commands ``names``."""
    from importlib import import_module

    made = typer.Typer(
        cls=InfobladGroup,
        name="infoblad",
        help="infoblad: polarisation between citizens and government, in your terminal.",
        rich_markup_mode=None,
        pretty_exceptions_enable=False,
        invoke_without_command=True,
        context_settings={"help_option_names": ["-h", "--help"]},
    )
    made.callback()(home)
    for name in names:
        module, function = COMMANDS[name]
        made.command(name)(getattr(import_module(f".commands.{module}", __package__), function))
    return made


_WHOLE: list[typer.Typer] = []


def whole_app() -> typer.Typer:
    """The app with every command (made once)."""
    if not _WHOLE:
        _WHOLE.append(_new_app(COMMANDS))
    return _WHOLE[0]


def __getattr__(name: str) -> Any:
    if name == "app":  # ``from infoblad_cli.cli import app``: the whole app, for tests and tools
        return whole_app()
    raise AttributeError(f"module {__name__!r} has no attribute {name!r}")


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
        return whole_app()
    index = 0
    while index < len(args) and args[index].startswith("-"):
        index += 2 if args[index] in _TOP_OPTIONS_WITH_VALUE else 1
    wanted = canonical(args[index]) if index < len(args) else ""
    if wanted in COMMANDS:
        return _new_app([wanted])
    if not wanted and not {"-h", "--help"} & set(args):  # the home screen: no command at all
        return _new_app([])
    return whole_app()


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
    lang = RUN.language()
    reason = t(lang, "output.closed") if error.errno == errno.EBADF else (error.strerror or str(error))
    report(InfobladError(t(lang, "output.failed", reason=reason), hint=t(lang, "output.hint")))
    _end_quietly(1)


def main() -> None:
    """Console-script entry point: never lets a traceback reach the user."""
    import codecs

    from .errors import OutputFailed, Terminated

    RUN.reset()
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

        sys.stderr.write("\n" + t(RUN.language(), "error.interrupted") + "\n")
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

    lang = RUN.language()
    sys.stderr.write(
        t(lang, "error.internal", error=clean(f"{type(error).__name__}: {error}"))
        + "\n"
        + t(lang, "error.internal_hint")
        + "\n"
    )
    sys.exit(1)
