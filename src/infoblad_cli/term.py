# SPDX-FileCopyrightText: 2026 The infoblad team
# SPDX-License-Identifier: EUPL-1.2
"""What may reach a terminal, and how a command is spelled for the user's shell.

Text reaches the terminal from content files, from the content cache, from the quiz
history (SQLite), from what the user typed (a search term, an answer) and from file
names. Any of them can hold escape sequences that move the cursor, clear the screen,
set the clipboard (OSC 52) or hide a link (OSC 8), bidi overrides that reverse text,
or bytes that are not UTF-8. ``clean`` is the one filter on every way to the
terminal: the console writer, error messages and JSON all go through it.

It is also the terminal policy: which console a command writes to (colour only on a
terminal, never with --plain, NO_COLOR or TERM=dumb; the width), and how an error is
printed on stderr in the run's language (``report``).

Only the standard library is imported here at module level: this runs on every start.
"""

from __future__ import annotations

import os
import re
import sys
from collections.abc import Sequence
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from rich.console import Console
    from rich.text import Text

    from .errors import InfobladError

# C0 controls but tab and newline, DEL, C1 controls, bidi embeddings/overrides/isolates,
# line and paragraph separators, non-characters, and lone surrogates (the bytes of a name
# that is not UTF-8, as Python hands them over).
_UNSAFE = re.compile("[\x00-\x08\x0b-\x1f\x7f-\x9f\u2028-\u202e\u2066-\u2069\ufffe\uffff\ud800-\udfff]")


def _visible(match: re.Match[str]) -> str:
    char = match.group()
    code = ord(char)
    if 0xDC80 <= code <= 0xDCFF:  # one byte of a name that is not UTF-8 (surrogateescape)
        return f"\\x{code - 0xDC00:02x}"
    if code <= 0xFF:
        return f"\\x{code:02x}"
    return f"\\u{code:04x}"


def clean(text: str) -> str:
    """``text`` safe for a terminal: every control character is shown as an escape (``\\x1b``).

    Showing instead of dropping keeps what the user typed recognisable ('nl\\x01' is not
    'nl') while nothing can style, move or garble the terminal.
    """
    if _UNSAFE.search(text) is None:  # the common case: nothing to do
        return text
    return _UNSAFE.sub(_visible, text)


def clean_text(text: Text) -> Text:
    """A Rich ``Text`` with ``clean`` applied, its styles kept on the same characters."""
    plain = text.plain
    if _UNSAFE.search(plain) is None:
        return text
    from rich.text import Span, Text

    # Where each old offset lands in the new string, so that spans keep their characters.
    offsets = [0] * (len(plain) + 1)
    parts: list[str] = []
    position = 0
    for index, char in enumerate(plain):
        offsets[index] = position
        piece = clean(char)
        parts.append(piece)
        position += len(piece)
    offsets[len(plain)] = position
    result = Text(
        "".join(parts),
        style=text.style,
        justify=text.justify,
        overflow=text.overflow,
        no_wrap=text.no_wrap,
        end=text.end,
    )
    result.spans = [Span(offsets[s.start], offsets[s.end], s.style) for s in text.spans]
    return result


def clean_json(dumped: str) -> str:
    """JSON text with every unsafe character written as a ``\\uXXXX`` escape: the same data.

    ``json.dumps(..., ensure_ascii=False)`` escapes C0 controls but not C1 controls, bidi
    overrides or lone surrogates (which cannot even be encoded as UTF-8).
    """
    if _UNSAFE.search(dumped) is None:
        return dumped
    return _UNSAFE.sub(lambda m: f"\\u{ord(m.group()):04x}", dumped)


# ---------------------------------------------------------------- consoles

_console_class: list[type[Console]] = []


def console(**options: Any) -> Console:
    """A Rich console that cleans every str and Text it prints, and reports a broken pipe.

    Rich answers a broken pipe with ``SystemExit(1)``, the code for 'nothing found';
    here it stays a ``BrokenPipeError`` for the entry point to handle like other tools do.
    """
    if not _console_class:
        from rich.console import Console
        from rich.text import Text

        class SafeConsole(Console):
            def print(self, *objects: Any, **kwargs: Any) -> None:
                cleaned = [
                    clean(o) if isinstance(o, str) else clean_text(o) if isinstance(o, Text) else o
                    for o in objects
                ]
                super().print(*cleaned, **kwargs)

            def input(self, prompt: Any = "", **kwargs: Any) -> str:
                if isinstance(prompt, str):
                    prompt = clean(prompt)
                return super().input(prompt, **kwargs)

            def on_broken_pipe(self) -> None:
                raise BrokenPipeError(32, "Broken pipe")

        _console_class.append(SafeConsole)
    return _console_class[0](**options)


# ---------------------------------------------------------------- terminal policy


class Run:
    """What this run asked for (language, --plain), for messages printed far from the options.

    An error can be raised anywhere below the command; it is printed in the run's language
    and without colour when --plain was given. The options set this once they are parsed
    (``options.Options``); ``main`` resets it at the start of every run.
    """

    def __init__(self) -> None:
        self.lang: str | None = None
        self.plain = False

    def reset(self) -> None:
        self.lang = None
        self.plain = False

    def language(self) -> str:
        """The run's language; before the options are parsed, INFOBLAD_LANG's or Dutch."""
        return self.lang or env_lang_or_default()


RUN = Run()


def env_lang_or_default() -> str:
    env = os.environ.get("INFOBLAD_LANG", "").strip().lower()
    return env if env in ("nl", "en") else "nl"


def no_color(plain: bool, stream: Any) -> bool:
    """No colour with --plain, NO_COLOR, TERM=dumb, or when the stream is not a terminal."""
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


def make_console(plain: bool) -> Console:
    """The stdout console: colour only on a terminal, never with --plain/NO_COLOR/TERM=dumb."""
    colourless = no_color(plain, sys.stdout)
    made = console(
        markup=False,
        emoji=False,
        highlight=False,
        color_system=None if colourless else "auto",
        no_color=colourless,
    )
    made.width = min(terminal_width(), 100)
    return made


def err_console() -> Console:
    """The stderr console: for errors, warnings and what talks beside the output."""
    made = console(
        stderr=True,
        markup=False,
        emoji=False,
        highlight=False,
        color_system=None if no_color(RUN.plain, sys.stderr) else "auto",
    )
    made.width = terminal_width()
    return made


def say_on_stderr(message: str) -> None:
    """One message on stderr, wrapped by the terminal, shown literally."""
    err_console().print(message, markup=False, soft_wrap=True)


def report(error: InfobladError) -> None:
    """Print an error and its hint on stderr, in plain words, in the run's language."""
    import textwrap

    from rich.text import Text

    from .strings import t

    stderr = err_console()
    width = stderr.width
    lang = RUN.language()
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
    stderr.print(Text("\n").join([first, *(Text(line) for line in lines[1:])]), soft_wrap=True)
    for paragraph in clean(error.hint_text(lang)).splitlines():
        wrapped = textwrap.wrap(paragraph, width, break_long_words=False, break_on_hyphens=False)
        stderr.print(Text("\n".join(wrapped)), soft_wrap=True)


# ---------------------------------------------------------------- commands to paste

_POSIX_SAFE = re.compile(r"[A-Za-z0-9_@%+=:,./-]+")
_WINDOWS_SAFE = re.compile(r"[A-Za-z0-9_@+=:,./\\-]+")


def quote(arg: str, windows: bool | None = None) -> str:
    """One argument, quoted so that it pastes as it is into the user's shell.

    POSIX shells: single quotes (``'\\''`` for a quote inside); bytes that are not UTF-8
    as ``$'\\xff'``, which bash and zsh read back as those very bytes. Windows: double
    quotes, which cmd and PowerShell both read; PowerShell expands ``$`` and backticks
    inside double quotes, so such a name gets PowerShell's single quotes (the default shell
    of Windows Terminal) with ``''`` for a quote inside.
    """
    if windows is None:
        windows = os.name == "nt"
    if windows:
        if arg and _WINDOWS_SAFE.fullmatch(arg):
            return arg
        if not any(char in arg for char in '"$`%'):
            return f'"{arg}"'
        return "'" + arg.replace("'", "''") + "'"
    if arg and _POSIX_SAFE.fullmatch(arg):
        return arg
    if _UNSAFE.search(arg):
        body = "".join(
            clean(char) if _UNSAFE.match(char) else "\\" + char if char in "\\'" else char for char in arg
        )
        return "$'" + body + "'"
    return "'" + arg.replace("'", "'\\''") + "'"


def command_line(parts: Sequence[str], windows: bool | None = None) -> str:
    """A command to show the user, each argument quoted for their shell."""
    return " ".join(quote(str(part), windows) for part in parts)
