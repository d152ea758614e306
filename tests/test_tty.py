"""The quiz in a real terminal (a pseudo-terminal): wrong keys, the end, and Ctrl-C."""

from __future__ import annotations

import os
import sys
import time

import pytest

pytestmark = [
    pytest.mark.slow,
    pytest.mark.skipif(sys.platform == "win32", reason="pseudo-terminals are POSIX-only"),
]


class Terminal:
    """Run infoblad under a pty, as if a person typed at a terminal."""

    def __init__(self, *args: str) -> None:
        import pty

        env = {**os.environ, "TERM": "xterm", "COLUMNS": "80", "LINES": "40"}
        env.pop("NO_COLOR", None)
        self.pid, self.fd = pty.fork()
        if self.pid == 0:  # the child: become infoblad
            os.execvpe(sys.executable, [sys.executable, "-m", "infoblad_cli", *args], env)
        self.output = b""

    def read_until(self, marker: bytes, timeout: float = 20) -> bytes:
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

    def type(self, text: str) -> None:
        os.write(self.fd, text.encode())

    def wait(self, timeout: float = 20) -> int:
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
    term.type("\x03")  # Ctrl-C
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
        timeout=60,
    )
    assert saved.returncode == 0, saved.stderr

    def count() -> int:
        done = subprocess.run(
            [sys.executable, "-m", "infoblad_cli", "history", "--json"], capture_output=True, timeout=60
        )
        return len(json.loads(done.stdout)["attempts"])

    assert count() == 1
    term = Terminal("history", "--clear")
    term.read_until(b"[j/N]")
    term.type("n\r")
    assert term.wait() == 0
    assert count() == 1
    term = Terminal("history", "--clear")
    term.read_until(b"[j/N]")
    term.type("\x03")
    assert term.wait() == 130
    assert count() == 1
    term = Terminal("history", "--clear")
    term.read_until(b"[j/N]")
    term.type("j\r")  # Dutch for yes
    assert term.wait() == 0
    assert count() == 0
