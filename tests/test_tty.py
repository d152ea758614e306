# SPDX-FileCopyrightText: 2026 The infoblad team
# SPDX-License-Identifier: EUPL-1.2
"""The quiz in a real terminal (a pseudo-terminal): wrong keys, the end, and Ctrl-C."""

from __future__ import annotations

import os
import platform
import sys
import time
from collections.abc import Iterator
from pathlib import Path

import pytest

pytestmark = [
    pytest.mark.slow,
    pytest.mark.skipif(sys.platform == "win32", reason="pseudo-terminals are POSIX-only"),
]


# The number of read(2) in /proc/PID/syscall, per machine (Linux).
_READ_SYSCALL = {"x86_64": "0", "amd64": "0", "aarch64": "63", "arm64": "63"}
PATIENCE = 300  # seconds: only a safety net for a hung child; the tests wait for text, not time


class Terminal:
    """Run infoblad under a pty, as if a person typed at a terminal."""

    def __init__(self, *args: str) -> None:
        import pty
        import signal

        env = {**os.environ, "TERM": "xterm", "COLUMNS": "80", "LINES": "40"}
        env.pop("NO_COLOR", None)
        self.pid, self.fd = pty.fork()
        if self.pid == 0:  # the child: become infoblad
            # A test run started in the background (or by a tool) may ignore SIGINT, and a
            # child inherits that: Ctrl-C would do nothing. A terminal program starts with the default.
            signal.signal(signal.SIGINT, signal.SIG_DFL)
            os.execvpe(sys.executable, [sys.executable, "-m", "infoblad_cli", *args], env)
        self.output = b""

    def read_until(self, marker: bytes, timeout: float = PATIENCE) -> bytes:
        import select

        deadline = time.monotonic() + timeout
        while marker not in self.output:
            remaining = deadline - time.monotonic()
            if remaining <= 0:
                raise AssertionError(f"never saw {marker!r}; got:\n{self.output.decode(errors='replace')}")
            ready, _, _ = select.select([self.fd], [], [], remaining)
            if ready:
                try:
                    chunk = os.read(self.fd, 4096)
                except OSError:  # the child closed the terminal
                    chunk = b""
                if not chunk:
                    raise AssertionError(f"ended before {marker!r}:\n{self.output.decode(errors='replace')}")
                self.output += chunk
        return self.output

    def wait_until_reading(self, timeout: float = PATIENCE) -> None:
        """Wait until the child is blocked reading the terminal.

        A Ctrl-C that arrives after the prompt is written but before read() starts is only
        noticed by Python when a line is entered: typing it then would test nothing but luck.
        Where /proc tells the state (Linux), wait for it; elsewhere the prompt must do.
        """
        number = _READ_SYSCALL.get(platform.machine().lower())
        path = f"/proc/{self.pid}/syscall"
        if number is None or not os.path.exists(path):
            return
        deadline = time.monotonic() + timeout
        while time.monotonic() < deadline:
            try:
                with open(path) as handle:
                    fields = handle.read().split()
            except OSError:  # no permission to look, or the child is gone
                return
            if len(fields) > 1 and fields[0] == number and int(fields[1], 16) == 0:
                return
            time.sleep(0.005)  # polling a state, not waiting for one to be likely
        raise AssertionError("the child never waited for input:\n" + self.output.decode(errors="replace"))

    def type(self, text: str) -> None:
        os.write(self.fd, text.encode())

    def interrupt(self) -> None:
        """Ctrl-C, once the child is reading (see wait_until_reading)."""
        self.wait_until_reading()
        self.type("\x03")

    def wait(self, timeout: float = PATIENCE) -> int:
        import select

        deadline = time.monotonic() + timeout
        while time.monotonic() < deadline:
            ready, _, _ = select.select([self.fd], [], [], 0.1)
            if ready:
                try:
                    chunk = os.read(self.fd, 4096)
                except OSError:
                    chunk = b""
                self.output += chunk
            pid, status = os.waitpid(self.pid, os.WNOHANG)
            if pid:
                return os.waitstatus_to_exitcode(status)
        os.kill(self.pid, 9)
        raise AssertionError("the quiz did not end:\n" + self.output.decode(errors="replace"))


@pytest.fixture
def cache_env(monkeypatch: pytest.MonkeyPatch) -> None:
    # The autouse fixture already points data and cache at temp folders; the child inherits them.
    monkeypatch.setenv("PYTHONIOENCODING", "utf-8")


def test_wrong_key_asks_again_and_the_quiz_ends_with_0(cache_env: None) -> None:
    term = Terminal("quiz", "--seed", "3", "--count", "2")
    term.read_until(b"Vraag 1 van 2")
    term.read_until(b"(1-")
    term.type("x\r")
    term.read_until(b"geen keuze")
    term.type("1\r")
    term.read_until(b"Vraag 2 van 2")
    term.type("2\r")
    term.read_until(b"Je resultaat")
    assert term.wait() == 0
    text = term.output.decode(errors="replace")
    assert "Traceback" not in text
    assert "\x1b[" in text  # a real terminal gets colour


def test_ctrl_c_stops_cleanly_with_130_and_saves_nothing(cache_env: None, isolated_env) -> None:
    term = Terminal("quiz", "--seed", "3", "--count", "3")
    term.read_until(b"Vraag 1 van 3")
    term.read_until(b"(1-")
    term.interrupt()  # Ctrl-C
    assert term.wait() == 130
    text = term.output.decode(errors="replace")
    assert "Quiz gestopt" in text
    assert "Traceback" not in text
    assert not (isolated_env / "history.sqlite3").exists()


def test_history_clear_asks_at_a_terminal(cache_env: None, isolated_env) -> None:
    import json
    import subprocess

    saved = subprocess.run(
        [sys.executable, "-m", "infoblad_cli", "quiz", "--seed", "1", "--count", "1", "--answers", "1"],
        capture_output=True,
        timeout=PATIENCE,
    )
    assert saved.returncode == 0, saved.stderr

    def count() -> int:
        done = subprocess.run(
            [sys.executable, "-m", "infoblad_cli", "history", "--json"], capture_output=True, timeout=PATIENCE
        )
        return len(json.loads(done.stdout)["attempts"])

    assert count() == 1
    term = Terminal("history", "--clear")
    term.read_until(b"[j/N]")
    assert "Het ene resultaat wissen?" in term.output.decode()  # one result: not 'Alle 1 resultaten'
    term.type("n\r")
    assert term.wait() == 0
    assert count() == 1
    term = Terminal("history", "--clear")
    term.read_until(b"[j/N]")
    term.interrupt()
    assert term.wait() == 130
    assert count() == 1
    term = Terminal("history", "--clear")
    term.read_until(b"[j/N]")
    term.type("j\r")  # Dutch for yes
    assert term.wait() == 0
    assert count() == 0


@pytest.fixture
def sigint_ignored() -> Iterator[None]:
    """The test run itself ignores SIGINT, as a background job (or some CI runners) does."""
    import signal

    previous = signal.signal(signal.SIGINT, signal.SIG_IGN)
    try:
        yield
    finally:
        signal.signal(signal.SIGINT, previous)


def test_ctrl_c_works_when_the_test_run_ignores_sigint(
    cache_env: None, isolated_env: Path, sigint_ignored: None
) -> None:
    term = Terminal("quiz", "--seed", "3", "--count", "2")
    term.read_until(b"(1-")
    term.interrupt()
    assert term.wait() == 130
    assert "Quiz gestopt" in term.output.decode(errors="replace")
    assert not (isolated_env / "history.sqlite3").exists()


def test_superscript_and_circled_digits_at_the_terminal_get_the_hint(cache_env: None) -> None:
    term = Terminal("quiz", "--seed", "3", "--count", "1", "--no-save")
    term.read_until(b"(1-")
    term.type("\u00b2\r")  # AltGr+2 on a common Dutch keyboard layout
    term.read_until(b"geen keuze")
    term.type("\u2460\r")
    term.read_until(b"\xe2\x91\xa0' is geen keuze")
    term.type("1\r")
    term.read_until(b"Je resultaat")
    assert term.wait() == 0
    assert "interne fout" not in term.output.decode(errors="replace")


def test_typed_escape_sequences_are_not_sent_back_raw(cache_env: None) -> None:
    term = Terminal("quiz", "--seed", "3", "--count", "1", "--no-save")
    term.read_until(b"(1-")
    term.type("\x1b]52;c;aGFjaw==\x07\r")  # OSC 52: would set the clipboard
    term.read_until(b"geen keuze")
    term.type("\x1b[2J\r")  # CSI 2J: would clear the screen
    term.read_until(b"[2J' is geen keuze")
    term.type("1\r")
    assert term.wait() == 0
    # The terminal's own echo shows them as ^[ (ECHOCTL); our hints must not send them raw.
    assert b"\x1b]52" not in term.output
    assert b"\x1b[2J" not in term.output


def test_ctrl_d_at_the_prompt_stops_without_advice_for_scripts(cache_env: None, isolated_env: Path) -> None:
    term = Terminal("quiz", "--seed", "3", "--count", "2")
    term.read_until(b"(1-")
    term.wait_until_reading()
    term.type("\x04")  # Ctrl-D
    assert term.wait() == 1
    text = term.output.decode(errors="replace")
    assert "Quiz gestopt na 0 van de 2 vragen" in text
    assert "--answers" not in text and "per regel" not in text
    assert "infoblad quiz --seed 3 --count 2" in text
    assert not (isolated_env / "history.sqlite3").exists()
