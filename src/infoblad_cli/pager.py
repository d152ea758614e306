# SPDX-FileCopyrightText: 2026 The infoblad team
# SPDX-License-Identifier: EUPL-1.2
"""Long pages through a pager, as git and man do.

A page is only paged when all of these hold: the command reads (a page of content, search hits,
the history, a tip), standard output and standard input are both a terminal, ``TERM`` is not
``dumb``, paging is not turned off (``--no-pager``, or ``PAGER`` set to nothing), and the page is
taller than the screen. JSON is never paged, nor is the quiz.

Which pager: ``INFOBLAD_PAGER``, else ``PAGER``, else ``less`` (on Windows: ``less`` when it is
installed, e.g. with Git for Windows, else the ``more`` that comes with Windows). ``less`` gets
``LESS=FRX`` when ``LESS`` is not set, as git does: colours pass (R), a page that fits ends at
once (F) and the text stays on the screen afterwards (X). A pager that is not found or does not
start means the page is written as it is; a pager you chose yourself that is missing gets a
one-line note on stderr.

The page is written to a buffer first (with the terminal's colours and width), then measured,
then shown. Only the reading commands on a terminal import this module, never a pipe.
"""

from __future__ import annotations

import io
import os
import re
import sys
from collections.abc import Callable, Mapping
from typing import IO, TYPE_CHECKING, Any

if TYPE_CHECKING:
    from rich.console import Console

_SGR = re.compile(r"\x1b\[[0-9;:]*m")
_ANSI = re.compile(r"\x1b\[[0-9;:?]*[A-Za-z]|\x1b\][^\x07\x1b]*(?:\x07|\x1b\\)")


class _Buffer(io.StringIO):
    """A page in memory that reports the terminal's encoding, so output is chosen for it."""

    def __init__(self, encoding: str) -> None:
        super().__init__()
        self._encoding = encoding

    @property
    def encoding(self) -> str:  # type: ignore[override]
        return self._encoding


def off_by_environment(env: Mapping[str, str]) -> bool:
    """``PAGER=`` (set, but empty), ``INFOBLAD_PAGER=`` or ``TERM=dumb`` turn paging off."""
    if env.get("TERM") == "dumb":
        return True
    for name in ("INFOBLAD_PAGER", "PAGER"):
        if name in env:
            return not env[name].strip() or env[name].strip() == "cat"
    return False


def command(env: Mapping[str, str], windows: bool = os.name == "nt") -> tuple[list[str], bool] | None:
    """The pager to run (its words) and whether the user chose it; None when paging is off."""
    import shlex

    for name in ("INFOBLAD_PAGER", "PAGER"):
        if name in env:
            value = env[name].strip()
            if not value or value == "cat":  # git's rule: PAGER=cat means no pager
                return None
            words = shlex.split(value, posix=not windows)
            if windows:  # non-POSIX splitting keeps the quotes around "C:\Program Files\..."
                words = [word.strip('"') for word in words]
            return (words, True) if words else None
    if windows:
        import shutil

        return (["less"] if shutil.which("less") else ["more"]), False
    return ["less"], False


def rows(text: str, columns: int) -> int:
    """How many screen rows ``text`` takes at ``columns`` wide (escape sequences take none)."""
    from rich.cells import cell_len

    count = 0
    lines = text.split("\n")
    if lines and lines[-1] == "":
        lines.pop()
    for line in lines:
        cells = cell_len(_ANSI.sub("", line))
        count += max(1, -(-cells // max(1, columns)))
    return count


def buffered(console: Console) -> Console:
    """A console like ``console`` (colours, width, encoding) that writes to memory instead."""
    from rich.console import Console

    page = Console(
        file=_Buffer(console.encoding),
        markup=False,
        emoji=False,
        highlight=False,
        force_terminal=True,
        color_system=console.color_system,  # type: ignore[arg-type]
        no_color=console.no_color,
        legacy_windows=False,
    )
    page.width = console.width
    return page


def _encoding(words: list[str], windows: bool) -> str:
    if windows and _name(words) == "more":
        try:
            import ctypes

            return f"cp{ctypes.windll.kernel32.GetConsoleOutputCP()}"  # type: ignore[attr-defined]
        except (AttributeError, OSError):
            pass
    return getattr(sys.stdout, "encoding", None) or "utf-8"


def _name(words: list[str]) -> str:
    base = os.path.basename(words[0]).lower() if words else ""
    return base[:-4] if base.endswith((".exe", ".com")) else base


def _keeps_colour(words: list[str], env: Mapping[str, str], windows: bool) -> bool:
    name = _name(words)
    if name == "less":
        flags = " ".join(words[1:]) + " " + env.get("LESS", "FRX")
        return "R" in flags or "r" in flags or "--RAW-CONTROL-CHARS" in flags
    return not (windows and name == "more")  # Windows' more shows escape codes as text


def show(
    text: str,
    out: IO[str],
    *,
    height: int,
    columns: int,
    env: Mapping[str, str],
    note: Callable[[str], None],
    windows: bool = os.name == "nt",
) -> bool:
    """Show ``text``: through the pager when taller than the screen, else straight to ``out``.

    Returns whether a pager showed it. ``note`` gets the name of a pager the user chose that
    could not be started (the page is then written to ``out``).
    """
    if not text:
        return False
    chosen = command(env, windows)
    if chosen is None or rows(text, columns) < height:  # the prompt needs the last row
        out.write(text)
        out.flush()
        return False
    words, by_user = chosen
    if _run(words, text, env, windows):
        return True
    if by_user:
        note(words[0])
    out.write(text)
    out.flush()
    return False


def _run(words: list[str], text: str, env: Mapping[str, str], windows: bool) -> bool:
    """Run the pager on ``text``; False when it cannot be started."""
    import shutil
    import signal
    import subprocess

    program = shutil.which(words[0], path=env.get("PATH"))
    if program is None:
        return False
    pager_env = dict(env)
    pager_env.setdefault("LESS", "FRX")
    pager_env.setdefault("LV", "-c")
    if not _keeps_colour(words, pager_env, windows):
        text = _SGR.sub("", text)
    encoding = _encoding(words, windows)
    try:
        errors = "infoblad"
        import codecs

        codecs.lookup_error(errors)
    except LookupError:  # outside main(): the plain fallback
        errors = "replace"
    try:
        process = subprocess.Popen([program, *words[1:]], stdin=subprocess.PIPE, env=pager_env)
    except OSError:
        return False
    # Ctrl-C belongs to the pager now (less uses it to stop a search); we wait for it to end.
    try:
        previous = signal.signal(signal.SIGINT, signal.SIG_IGN)
    except ValueError:  # not the main thread
        previous = None
    try:
        assert process.stdin is not None
        try:
            process.stdin.write(text.encode(encoding, errors))
            process.stdin.close()
        except OSError:  # the reader quit before the end (q): that is fine
            pass
        process.wait()
    finally:
        if previous is not None:
            signal.signal(signal.SIGINT, previous)
    return True


def attach(ctx: Any, console: Console, lang: str) -> Console:
    """A console in memory for this command's page; shown (paged if long) when the command ends."""
    page = buffered(console)
    ctx.call_on_close(lambda: finish(page, lang))
    return page


def finish(page: Console, lang: str) -> None:
    """Show what the command wrote: through the pager when it is taller than the screen."""
    import shutil

    text = page.file.getvalue() if isinstance(page.file, io.StringIO) else ""
    size = shutil.get_terminal_size((80, 24))

    def note(name: str) -> None:
        from .strings import t
        from .term import clean

        sys.stderr.write(t(lang, "pager.not_found", pager=clean(name)) + "\n")
        sys.stderr.flush()

    show(text, sys.stdout, height=size.lines, columns=size.columns, env=os.environ, note=note)
