# SPDX-FileCopyrightText: 2026 The infoblad team
# SPDX-License-Identifier: EUPL-1.2
"""The tool as a separate process: redirects, hostile encodings, no tracebacks."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import pytest


def infoblad(
    *args: str, env: dict[str, str] | None = None, cwd: Path | None = None, stdin: str | None = None
) -> subprocess.CompletedProcess[bytes]:
    full_env = {k: v for k, v in os.environ.items() if k not in ("PYTHONIOENCODING", "FORCE_COLOR")}
    full_env.update(env or {})
    return subprocess.run(
        [sys.executable, "-m", "infoblad_cli", *args],
        capture_output=True,
        env=full_env,
        cwd=cwd,
        input=(stdin or "").encode(),
        timeout=60,
    )


@pytest.mark.parametrize("encoding", ["cp1252", "ascii"])
def test_windows_redirect_to_a_file(tmp_path: Path, encoding: str) -> None:
    """PYTHONIOENCODING=cp1252 infoblad narratives > out.txt, as on a Windows console."""
    out = tmp_path / "out.txt"
    with out.open("wb") as handle:
        done = subprocess.run(
            [sys.executable, "-m", "infoblad_cli", "narratives", "niet-gehoord"],
            stdout=handle,
            stderr=subprocess.PIPE,
            timeout=60,
            env={**os.environ, "PYTHONIOENCODING": encoding},
        )
    assert done.returncode == 0, done.stderr.decode()
    text = out.read_bytes().decode(encoding)  # strict: every byte is valid in that encoding
    assert "Niet gehoord worden" in text
    assert "\x1b[" not in text


def test_cp1252_keeps_dutch_letters_and_replaces_the_rest() -> None:
    utf8 = infoblad("about", env={"PYTHONIOENCODING": "utf-8"}).stdout.decode("utf-8")
    done = infoblad("about", env={"PYTHONIOENCODING": "cp1252"})
    assert done.returncode == 0
    cp1252 = done.stdout.decode("cp1252")
    accented = [ch for ch in "\u00eb\u00ef\u00e9\u00e8" if ch in utf8]
    assert accented, "the about text should hold some Dutch accented letters"
    for ch in accented:
        assert ch in cp1252


def test_json_is_utf8_even_on_a_cp1252_console() -> None:
    import json

    done = infoblad("about", "--json", env={"PYTHONIOENCODING": "cp1252"})
    assert done.returncode == 0
    json.loads(done.stdout.decode("utf-8"))


def test_pipe_has_no_ansi_even_on_a_colour_terminal_type() -> None:
    done = infoblad("narratives", env={"TERM": "xterm-256color"})
    assert done.returncode == 0
    assert b"\x1b[" not in done.stdout


def test_errors_never_show_a_traceback() -> None:
    done = infoblad("narratives", "bestaat-niet")
    assert done.returncode == 2
    assert b"Traceback" not in done.stderr
    assert b"bestaat-niet" in done.stderr


@pytest.mark.parametrize(
    "words,cword,expected",
    [
        ("infoblad narratives niet", "2", "niet-gehoord"),
        ("infoblad cases gil", "2", "gilze-azc"),
        ("infoblad narr", "1", "narratives"),
        ("infoblad quiz --theme in-het", "3", "in-het-moment"),
    ],
)
def test_shell_completion_of_commands_ids_and_themes(words: str, cword: str, expected: str) -> None:
    done = infoblad(env={"_INFOBLAD_COMPLETE": "complete_bash", "COMP_WORDS": words, "COMP_CWORD": cword})
    assert expected in done.stdout.decode().split()
