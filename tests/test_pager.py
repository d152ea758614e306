# SPDX-FileCopyrightText: 2026 The infoblad team
# SPDX-License-Identifier: EUPL-1.2
"""The pager: long pages through $PAGER on a terminal only; never in a pipe, for JSON or the quiz.

Unit tests of the rules; CliRunner tests of the hook (with a spy for a pager and the terminal
check replaced); and a real terminal in tmux, 80x24, with less, and a pipe.
"""

from __future__ import annotations

import io
import os
import shutil
import subprocess
import sys
import time
import uuid
from collections.abc import Iterator
from pathlib import Path

import pytest

from infoblad_cli import options, pager

SPY = """
import sys
from pathlib import Path
Path(sys.argv[1]).write_bytes(sys.stdin.buffer.read())
"""


@pytest.fixture
def spy(tmp_path: Path) -> Iterator[tuple[str, Path]]:
    """A 'pager' that writes what it was given to a file: (the PAGER value, that file)."""
    script = tmp_path / "spy.py"
    script.write_text(SPY, encoding="utf-8")
    seen = tmp_path / "seen.txt"
    yield f"{sys.executable} {script} {seen}", seen


# ---------------------------------------------------------------- the rules


def test_which_pager() -> None:
    assert pager.command({}, windows=False) == (["less"], False)
    assert pager.command({"PAGER": "most -s"}, windows=False) == (["most", "-s"], True)
    assert pager.command({"PAGER": "less", "INFOBLAD_PAGER": "more"}, windows=False) == (["more"], True)
    assert pager.command({"PAGER": ""}, windows=False) is None
    assert pager.command({"PAGER": "  "}, windows=False) is None
    assert pager.command({"PAGER": "cat"}, windows=False) is None  # as git: cat is no pager
    assert pager.command({"INFOBLAD_PAGER": "", "PAGER": "less"}, windows=False) is None
    windows = pager.command({"PAGER": '"C:\\Program Files\\Git\\usr\\bin\\less.exe" -R'}, windows=True)
    assert windows == (["C:\\Program Files\\Git\\usr\\bin\\less.exe", "-R"], True)
    default = pager.command({}, windows=True)
    assert default is not None and default[0] in (["less"], ["more"]) and default[1] is False


def test_off_by_environment() -> None:
    assert pager.off_by_environment({"PAGER": ""})
    assert pager.off_by_environment({"TERM": "dumb"})
    assert not pager.off_by_environment({"TERM": "xterm-256color"})
    assert not pager.off_by_environment({"PAGER": "less"})


def test_rows_count_wrapped_lines_and_ignore_colour_codes() -> None:
    assert pager.rows("a\nb\n", 80) == 2
    assert pager.rows("\x1b[1m" + "x" * 80 + "\x1b[0m\n", 80) == 1
    assert pager.rows("x" * 81 + "\n\n", 80) == 3  # a long line takes two rows, an empty line one


def test_a_page_taller_than_the_screen_goes_to_the_pager(spy: tuple[str, Path]) -> None:
    command, seen = spy
    out = io.StringIO()
    text = "".join(f"regel {n} \u00eb\n" for n in range(30))
    shown = pager.show(text, out, height=24, columns=80, env={"PAGER": command}, note=pytest.fail)
    assert shown is True
    assert out.getvalue() == ""
    assert seen.read_bytes().decode(sys.stdout.encoding or "utf-8") == text


def test_a_page_that_fits_is_written_as_it_is(spy: tuple[str, Path]) -> None:
    command, seen = spy
    out = io.StringIO()
    text = "".join(f"regel {n}\n" for n in range(23))  # 23 rows and the prompt: fits 24
    assert pager.show(text, out, height=24, columns=80, env={"PAGER": command}, note=pytest.fail) is False
    assert out.getvalue() == text
    assert not seen.exists()


def test_a_pager_that_is_not_there_falls_back_to_plain_output(tmp_path: Path) -> None:
    out = io.StringIO()
    notes: list[str] = []
    text = "x\n" * 50
    missing = str(tmp_path / "no-such-pager")
    assert pager.show(text, out, height=24, columns=80, env={"PAGER": missing}, note=notes.append) is False
    assert out.getvalue() == text
    assert notes == [missing]  # the user chose it: say so once
    # The default pager missing is no news: nobody asked for it.
    out = io.StringIO()
    notes.clear()
    path_without_less = {"PATH": str(tmp_path)}
    assert pager.show(text, out, height=24, columns=80, env=path_without_less, note=notes.append) is False
    assert out.getvalue() == text and notes == []


def test_colour_codes_are_kept_for_less_and_dropped_where_they_would_show_as_text(
    spy: tuple[str, Path],
) -> None:
    command, seen = spy
    text = "\x1b[1mvet\x1b[0m\n" * 40
    pager.show(text, io.StringIO(), height=24, columns=80, env={"PAGER": command}, note=pytest.fail)
    assert b"\x1b[1m" in seen.read_bytes()  # any pager but Windows' more gets the colours
    assert pager._keeps_colour(["less"], {"LESS": "FRX"}, windows=False)
    assert not pager._keeps_colour(["less"], {"LESS": "-i"}, windows=False)  # the user's LESS lacks R
    assert not pager._keeps_colour(["more.com"], {}, windows=True)


# ---------------------------------------------------------------- the commands (CliRunner)


@pytest.fixture
def terminal(monkeypatch: pytest.MonkeyPatch) -> None:
    """As if stdin and stdout were a terminal of 24 lines (CliRunner's streams are not)."""
    monkeypatch.setattr(options, "_stdio_are_terminals", lambda: True)
    monkeypatch.setenv("LINES", "24")


@pytest.mark.parametrize(
    "args", [["about"], ["narratives", "niet-gehoord"], ["history", "1"], ["search", "vertrouwen"]]
)
def test_long_pages_go_through_the_pager_on_a_terminal(run, terminal, spy, args) -> None:
    command, seen = spy
    if args[0] == "history":
        answers = ",".join(["1"] * 8)
        assert run("quiz", "--seed", "1", "--answers", answers).exit_code == 0
    result = run(*args, env={"PAGER": command})
    assert result.exit_code == 0, result.stderr
    assert result.stdout == ""
    assert len(seen.read_text(encoding="utf-8").splitlines()) > 24


def test_no_pager_option_and_empty_pager_turn_it_off(run, terminal, spy) -> None:
    command, seen = spy
    for args, env in (
        (["about", "--no-pager"], {"PAGER": command}),
        (["--no-pager", "about"], {"PAGER": command}),
        (["about"], {"PAGER": ""}),
        (["about"], {"PAGER": command, "TERM": "dumb"}),
        (["about", "--json"], {"PAGER": command}),
    ):
        result = run(*args, env=env)
        assert result.exit_code == 0, result.stderr
        assert "infoblad" in result.stdout.lower() or result.stdout.startswith("{"), args
        assert not seen.exists(), args


def test_short_pages_and_the_gist_are_not_paged(run, terminal, spy) -> None:
    command, seen = spy
    for args in (["narratives", "niet-gehoord", "--short"], ["tip"], ["contact", "--lang", "en"]):
        result = run(*args, env={"PAGER": command, "LINES": "40"})
        assert result.exit_code == 0
        assert result.stdout.strip()
        assert not seen.exists(), args


def test_the_quiz_is_never_paged(run, terminal, spy) -> None:
    command, seen = spy
    result = run("quiz", "--seed", "1", "--answers", ",".join(["1"] * 8), "--no-save", env={"PAGER": command})
    assert result.exit_code == 0
    assert "Je resultaat" in result.stdout
    assert not seen.exists()


def test_not_a_terminal_means_no_pager(run, spy) -> None:
    command, seen = spy
    result = run("about", env={"PAGER": command, "LINES": "10"})
    assert result.exit_code == 0
    assert len(result.stdout.splitlines()) > 24
    assert not seen.exists()


def test_every_reading_command_takes_no_pager(run) -> None:
    for args in (
        ["--no-pager"],
        ["narratives", "--no-pager"],
        ["lessons", "vroeg-betrekken", "--no-pager"],
        ["cases", "--no-pager"],
        ["personal", "--no-pager"],
        ["about", "--no-pager"],
        ["contact", "--no-pager"],
        ["search", "inspraak", "--no-pager"],
        ["history", "--no-pager"],
        ["tip", "--no-pager"],
    ):
        result = run(*args)
        assert result.exit_code == 0, (args, result.stderr)


# ---------------------------------------------------------------- a real terminal (tmux)

needs_tmux = pytest.mark.skipif(
    shutil.which("tmux") is None or shutil.which("less") is None or sys.platform == "win32",
    reason="needs tmux and less (POSIX)",
)


class Tmux:
    """One tmux server of our own, 80x24, running one shell command."""

    def __init__(self, command: str, env: dict[str, str]) -> None:
        self.socket = f"infoblad-test-{uuid.uuid4().hex[:8]}"
        self.env = {k: v for k, v in env.items() if k not in ("TMUX", "TMUX_PANE", "COLUMNS", "LINES")}
        # The pane ends with a marker and then waits (cat), so that its last screen can be read.
        shell = f"{command}; printf '\\n[exit %s]\\n' $?; exec cat"
        self.tmux("new-session", "-d", "-x", "80", "-y", "24", "-s", "t", "sh", "-c", shell)

    def tmux(self, *args: str) -> str:
        done = subprocess.run(
            ["tmux", "-L", self.socket, "-f", "/dev/null", *args],
            capture_output=True,
            text=True,
            env=self.env,
            timeout=30,
            check=True,
        )
        return done.stdout

    def screen(self, colours: bool = False) -> str:
        return self.tmux("capture-pane", "-p", "-t", "t", *(["-e"] if colours else []))

    def wait_for(self, predicate: object, what: str, timeout: float = 30) -> str:
        deadline = time.monotonic() + timeout
        while True:
            screen = self.screen()
            if predicate(screen):  # type: ignore[operator]
                return screen
            if time.monotonic() > deadline:
                raise AssertionError(f"never saw {what}; the screen:\n{screen}")
            time.sleep(0.05)  # polling a state, not waiting for one to happen by time

    def keys(self, *keys: str) -> None:
        self.tmux("send-keys", "-t", "t", *keys)

    def close(self) -> None:
        subprocess.run(["tmux", "-L", self.socket, "kill-server"], capture_output=True, timeout=30)


def infoblad_line(args: str, extra: str = "") -> str:
    unset = "-u PAGER -u LESS -u INFOBLAD_PAGER -u COLUMNS -u LINES"
    return f"env {unset} {extra} {sys.executable} -m infoblad_cli {args}"


@pytest.fixture
def tmux_env(isolated_env: Path) -> dict[str, str]:
    env = dict(os.environ)
    env["LANG"] = "C.UTF-8"
    env["TERM"] = "xterm-256color"
    env.pop("NO_COLOR", None)
    return env


@needs_tmux
@pytest.mark.slow
def test_in_a_real_terminal_a_long_page_opens_in_less_with_colours(tmux_env: dict[str, str]) -> None:
    term = Tmux(infoblad_line("about"), tmux_env)
    try:
        screen = term.wait_for(lambda s: s.splitlines()[-1:] == [":"], "less's prompt")
        lines = screen.splitlines()
        assert len(lines) == 24
        assert lines[0].startswith("Over")  # the top of the page, not its end
        assert "[exit" not in screen  # infoblad is still waiting for the pager
        assert "\x1b[" in term.screen(colours=True)  # colours got through (LESS=FRX)
        term.keys("q")
        screen = term.wait_for(lambda s: "[exit 0]" in s, "infoblad to end after q")
    finally:
        term.close()


@needs_tmux
@pytest.mark.slow
def test_in_a_real_terminal_space_pages_on_to_the_end(tmux_env: dict[str, str]) -> None:
    term = Tmux(infoblad_line("personal"), tmux_env)
    try:
        first = term.wait_for(lambda s: s.splitlines()[-1:] == [":"], "less's prompt")
        term.keys("G")  # to the end
        last = term.wait_for(lambda s: s != first and "(END)" in s, "the end of the page")
        assert "[exit" not in last
        term.keys("q")
        term.wait_for(lambda s: "[exit 0]" in s, "infoblad to end after q")
    finally:
        term.close()


@needs_tmux
@pytest.mark.slow
@pytest.mark.parametrize(
    ("args", "extra", "shell_tail"),
    [
        ("about", "", " | cat"),  # stdout a pipe
        ("about --no-pager", "", ""),
        ("about", "PAGER=", ""),
        ("narratives niet-gehoord --short", "", ""),  # fits the screen
    ],
)
def test_in_a_real_terminal_no_pager_in_a_pipe_or_when_turned_off_or_short(
    tmux_env: dict[str, str], args: str, extra: str, shell_tail: str
) -> None:
    term = Tmux(infoblad_line(args, extra) + shell_tail, tmux_env)
    try:
        screen = term.wait_for(lambda s: "[exit 0]" in s, "infoblad to end without a pager")
        assert ":" not in screen.splitlines()[-1:]
        assert "(END)" not in screen
    finally:
        term.close()
