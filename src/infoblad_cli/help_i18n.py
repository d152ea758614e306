# SPDX-FileCopyrightText: 2026 The infoblad team
# SPDX-License-Identifier: EUPL-1.2
"""Help and usage errors in the run's language, laid out for narrow screens.

Click (inside Typer) writes help and parser errors in English, with the texts of
our docstrings. Only when help or a usage error is about to be shown does
``cli.InfobladGroup`` call in here: ``localize`` rewrites the commands' help,
their options' help and the usage pieces from ``strings.py`` (``help.*`` keys),
gives every command a help formatter that speaks the language and never breaks
a word, and ``usage_error`` turns Click's parser errors into our own message.
Reading commands never import this module, so their start-up pays nothing.
"""

from __future__ import annotations

import os
import re
import sys
from collections.abc import Sequence
from typing import Any

from .layout import two_columns, wrap
from .names import DUTCH, canonical, shown
from .strings import t

try:  # typer 0.28 ships its own copy of Click; older versions use click itself
    from typer import _click as click  # type: ignore[attr-defined,unused-ignore]
except ImportError:  # pragma: no cover - depends on the installed typer
    import click  # type: ignore[no-redef,unused-ignore,import-not-found]

LANGS = ("nl", "en")


# ---------------------------------------------------------------- the run's language


def scan_lang(args: Sequence[str]) -> str:
    """The language a run asks for, from its arguments (anywhere) or INFOBLAD_LANG.

    Help and parser errors come before the options are parsed, so this reads
    ``--lang``/``-l`` itself: after the command as well as before it.
    """
    found = ""
    items = list(args)
    for index, arg in enumerate(items):
        if arg == "--":
            break
        if arg in ("--lang", "-l") and index + 1 < len(items):
            found = items[index + 1]
        elif arg.startswith("--lang="):
            found = arg.partition("=")[2]
        elif arg.startswith("-l") and len(arg) > 2 and not arg.startswith("--"):
            found = arg[2:]
    found = found.strip().lower()
    if found in LANGS:
        return found
    env = os.environ.get("INFOBLAD_LANG", "").strip().lower()
    return env if env in LANGS else "nl"


# ---------------------------------------------------------------- Click's own words

# Click's and Typer's English texts (their gettext message IDs) and our keys for them.
_CLICK_WORDS = {
    "Usage:": "help.usage",
    "Options": "help.options",
    "Arguments": "help.arguments",
    "Commands": "help.commands",
    "default: {default}": "help.default",
    "required": "help.required",
    "env var: {var}": "help.env_var",
    "Show this message and exit.": "help.opt.help",
    "Install completion for the current shell.": "help.opt.install_completion",
    "Show completion for the current shell, to copy it or customize the installation.": (
        "help.opt.show_completion"
    ),
}

_STATE = {"lang": "nl"}


def _gettext(message: str) -> str:
    key = _CLICK_WORDS.get(message)
    return t(_STATE["lang"], key) if key else message


def _patch_gettext() -> None:
    """Click's own words through our strings (Click binds gettext's ``_`` in each module)."""
    for name in (
        "typer.core",
        "click.core",
        "click.exceptions",
        "click.formatting",
        "click.decorators",
        "click.parser",
        "click.types",
    ):
        module = sys.modules.get(name)
        if module is not None and callable(getattr(module, "_", None)):
            module._ = _gettext  # type: ignore[attr-defined]


class HelpFormatter(click.HelpFormatter):  # type: ignore[misc,name-defined,unused-ignore]
    """Click's help formatter in the run's language; it wraps at spaces only."""

    lang = "nl"

    def write_usage(self, prog: str, args: str = "", prefix: str | None = None) -> None:
        head = f"{t(self.lang, 'help.usage')} {prog}"
        lines = wrap(f"{head} {args}".strip(), self.width, " " * self.current_indent, " " * 4)
        self.write("\n".join(lines) + "\n")

    def write_heading(self, heading: str) -> None:
        self.write(f"{'':>{self.current_indent}}{_gettext(heading)}:\n")

    def write_text(self, text: str) -> None:
        indent = " " * self.current_indent
        paragraphs = [" ".join(p.split()) for p in re.split(r"\n\s*\n", text.replace("\b", "")) if p.strip()]
        blocks = ["\n".join(wrap(p, self.width, indent, indent)) for p in paragraphs]
        self.write("\n\n".join(blocks) + "\n")

    def write_dl(self, rows: Sequence[tuple[str, str]], col_max: int = 30, col_spacing: int = 2) -> None:
        rows = [(term, _gettext(text)) for term, text in rows]
        lines = two_columns(rows, self.width, self.current_indent, col_spacing, col_max)
        self.write("".join(line + "\n" for line in lines))


_FORMATTERS: dict[str, type] = {}


def _formatter(lang: str) -> type:
    if lang not in _FORMATTERS:
        _FORMATTERS[lang] = type(f"HelpFormatter_{lang}", (HelpFormatter,), {"lang": lang})
    return _FORMATTERS[lang]


def _context_class(base: type, lang: str) -> type:
    return type(f"{base.__name__}_{lang}", (base,), {"formatter_class": _formatter(lang)})


# ---------------------------------------------------------------- commands and options

_METAVARS = {"directory": "help.meta.folder", "file": "help.meta.file", "path": "help.meta.file"}
_NUMBER_TYPES = ("int", "int range", "integer", "integer range", "float", "float range")


def _key(lang: str, *candidates: str) -> str | None:
    from .strings import STRINGS

    for key in candidates:
        if key in STRINGS[lang]:
            return key
    return None


def _localize_command(command: Any, name: str, lang: str) -> None:
    key = _key(lang, f"help.cmd.{name}")
    if key:
        command.help = t(lang, key)
    short = _key(lang, f"cmd.{name}")
    if short:
        command.short_help = t(lang, short)
    if getattr(command, "options_metavar", None):
        command.options_metavar = t(lang, "help.meta.options")
    if getattr(command, "subcommand_metavar", None):
        command.subcommand_metavar = t(lang, "help.meta.command")
    for param in command.params:
        param_name = param.name or ""
        key = _key(lang, f"help.{name}.{param_name}", f"help.opt.{param_name}")
        if key and getattr(param, "help", None) is not None:
            param.help = t(lang, key)
        meta_key = _key(lang, f"help.meta.{param_name}")
        type_name = getattr(param.type, "name", "")
        if meta_key:
            param.metavar = t(lang, meta_key)
        elif param.metavar is None and getattr(param, "is_flag", False) is False:
            if type_name in _METAVARS:
                param.metavar = t(lang, _METAVARS[type_name])
            elif type_name in _NUMBER_TYPES:
                param.metavar = t(lang, "help.meta.number")
            elif type_name in ("str", "text"):
                param.metavar = t(lang, "help.meta.text")
    command.context_class = _context_class(command.context_class, lang)


def localize(group: Any, lang: str) -> None:
    """Give ``group`` and its commands help in ``lang``: texts, names and layout."""
    _STATE["lang"] = lang
    _patch_gettext()
    _localize_command(group, "infoblad", lang)
    group.shown_names = {name: shown(name, lang) for name in group.commands}
    for name, command in group.commands.items():
        _localize_command(command, canonical(name), lang)  # a hidden Dutch alias: its command's texts


# ---------------------------------------------------------------- completion


def complete_commands(group: Any, ctx: Any, incomplete: str) -> list[Any]:
    """Command names in both languages that start with what was typed."""
    items = []
    for name, command in group.commands.items():
        if command.hidden:
            continue
        for spelling in dict.fromkeys((DUTCH.get(name, name), name)):
            if spelling.startswith(incomplete):
                items.append(
                    click.shell_completion.CompletionItem(spelling, help=command.get_short_help_str())
                )
    return items


# ---------------------------------------------------------------- usage errors


def _choices(param: Any) -> str:
    return ", ".join(str(c) for c in getattr(param.type, "choices", ()))


def _problem(lang: str, error: Any) -> str:
    """Click's reason why a value is wrong, in ``lang`` (known reasons; else as Click said it)."""
    message = str(error.message)
    param = getattr(error, "param", None)
    value = re.match(r"^'?(.*?)'? is not", message)
    shown_value = value.group(1) if value else ""
    if param is not None and hasattr(param.type, "choices") and "is not one of" in message:
        return t(lang, "help.not_a_choice", value=shown_value, choices=_choices(param))
    if re.search(r"is not a valid (int|integer|float)\b", message):
        return t(lang, "help.not_a_number", value=shown_value)
    ranged = re.match(r"^(.*?) is not in the range (.*?)\.?$", message)
    if ranged:
        number, bounds = ranged.groups()
        low = re.search(r"x?>=?\s*(-?\d+)|(-?\d+)<=?x", bounds)
        high = re.search(r"x<=?\s*(-?\d+)", bounds)
        if low and high:
            return t(lang, "help.between", value=number, low=low.group(1) or low.group(2), high=high.group(1))
        if low:
            return t(lang, "help.at_least", value=number, low=low.group(1) or low.group(2))
        if high:
            return t(lang, "help.at_most", value=number, high=high.group(1))
        return t(lang, "help.out_of_range", value=number, range=bounds)
    for pattern, key in (
        (r"^Directory '(.*)' does not exist", "help.no_folder"),
        (r"^File '(.*)' does not exist", "help.no_file"),
        (r"^Path '(.*)' does not exist", "help.no_file"),
        (r"^File '(.*)' is a directory", "help.is_folder"),
        (r"^Directory '(.*)' is a file", "help.is_file"),
        (r"^\w+ '(.*)' is not readable", "help.not_readable"),
        (r"^\w+ '(.*)' is not writable", "help.not_writable"),
    ):
        found = re.match(pattern, message)
        if found:
            return t(lang, key, name=found.group(1))
    return t(lang, "help.other", message=message)


def _option_names(param: Any) -> str:
    names = [*getattr(param, "opts", ()), *getattr(param, "secondary_opts", ())]
    return " / ".join(names) if names else str(param.human_readable_name)


def _close_commands(group: Any, typo: str) -> list[str]:
    """The commands closest to a typo, spelled as the typo was: English or Dutch."""
    import difflib

    spellings = {}
    for name in group.commands:
        for spelling in (name, DUTCH.get(name, name)):
            spellings[spelling] = name
    close = difflib.get_close_matches(typo.lower(), list(spellings), n=4, cutoff=0.6)
    first: dict[str, str] = {}
    for spelling in close:
        first.setdefault(spellings[spelling], spelling)  # one spelling per command
    return list(first.values())[:3]


def message_for(error: Any, lang: str, group: Any = None) -> str:
    """Click's usage error as one sentence (or two) in ``lang``."""
    message = str(error.message)
    if isinstance(error, click.exceptions.NoSuchOption):
        text = t(lang, "help.no_such_option", name=error.option_name)
        if error.possibilities:
            text += " " + t(lang, "help.did_you_mean", names=", ".join(sorted(error.possibilities)))
        return text
    if isinstance(error, click.exceptions.MissingParameter):
        param = error.param
        if param is None:
            return t(lang, "help.missing_argument", name="?")
        if param.param_type_name == "option":
            return t(lang, "help.missing_option", name=_option_names(param))
        ctx = error.ctx
        metavar = param.make_metavar(ctx) if ctx is not None else str(param.human_readable_name)
        return t(lang, "help.missing_argument", name=metavar)
    if isinstance(error, click.exceptions.BadParameter):
        param = error.param
        if param is None:
            return t(lang, "help.invalid_value_plain", problem=_problem(lang, error))
        if param.param_type_name == "option" or error.ctx is None:
            name = _option_names(param)
        else:
            name = param.make_metavar(error.ctx)
        return t(lang, "help.invalid_value", name=name, problem=_problem(lang, error))
    found = re.match(r"^Option '(.*)' requires an argument", message)
    if found:
        return t(lang, "help.needs_value", name=found.group(1))
    found = re.match(r"^Option '(.*)' requires (\d+) arguments", message)
    if found:
        return t(lang, "help.needs_values", name=found.group(1), count=found.group(2))
    found = re.match(r"^Option '(.*)' does not take a value", message)
    if found:
        return t(lang, "help.takes_no_value", name=found.group(1))
    found = re.match(r"^Got unexpected extra argument(?:s|\(s\))? \((.*)\)", message)
    if found:
        return t(lang, "help.extra_arguments", args=found.group(1))
    found = re.match(r"^No such command '(.*)'\.", message, re.S)
    if found:
        text = t(lang, "help.no_such_command", name=found.group(1))
        close = _close_commands(group, found.group(1)) if group is not None else []
        if close:
            text += " " + t(lang, "help.did_you_mean", names=", ".join(close))
        return text
    if message.startswith("Missing command"):
        return t(lang, "help.missing_command")
    return t(lang, "help.other", message=message)


def usage_error(error: Any, args: Sequence[str], group: Any) -> Any:
    """Our UsageError for Click's: the reason, the usage line and where to find help."""
    from .errors import UsageError

    lang = scan_lang(args)
    localize(group, lang)
    ctx = error.ctx
    hint = ""
    if ctx is not None:
        formatter = _formatter(lang)(width=ctx.terminal_width or 80)
        ctx.command.format_usage(ctx, formatter)
        usage = formatter.getvalue().rstrip()
        help_name = (ctx.help_option_names or ["--help"])[-1]
        hint = usage + "\n" + t(lang, "help.more", command=f"{ctx.command_path} {help_name}")
    return UsageError(message_for(error, lang, group), hint=hint)


def help_requested(args: Sequence[str]) -> bool:
    """Whether these arguments ask for help (before a ``--``)."""
    for arg in args:
        if arg == "--":
            return False
        if arg in ("--help", "-h"):
            return True
    return False


__all__ = [
    "complete_commands",
    "help_requested",
    "localize",
    "scan_lang",
    "two_columns",
    "usage_error",
    "wrap",
]
