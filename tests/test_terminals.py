# SPDX-FileCopyrightText: 2026 The infoblad team
# SPDX-License-Identifier: EUPL-1.2
"""Hostile terminals: very narrow, dumb, colour switched off, and consoles that cannot show UTF-8."""

from __future__ import annotations

import json
import os
import re
import subprocess
import sys
from pathlib import Path
from typing import Any

import pytest

PACKS = Path(__file__).resolve().parent / "data" / "packs"
SGR = re.compile(r"\x1b\[[0-9;]*m")
WIDTH = 40
QUIZ_SEED = "7"


def quiz_answers(run: Any, lang: str = "nl") -> str:
    """Valid answers for the quiz with QUIZ_SEED: from a first --json run, then the best option."""
    first = run.json(
        "quiz", "--seed", QUIZ_SEED, "--no-save", "--lang", lang, "--answers", ",".join(["1"] * 8)
    )
    assert len(first["answers"]) == 8
    # Vary them: the first answer 1, then 2, 3, 1, ... (every question has at least 3 choices).
    return ",".join(str(1 + index % 3) for index in range(len(first["answers"])))


EMAIL = re.compile(r"\S+@\S+\.\S+")


def too_wide(text: str, width: int = WIDTH) -> list[str]:
    """Lines wider than ``width``, except those holding something that cannot be broken.

    A web address, a command (``infoblad ...``) and an e-mail address must stay whole to be
    copied, so a line that holds one may stick out.
    """
    wide = []
    for line in SGR.sub("", text).splitlines():
        if len(line) <= width or "://" in line or "infoblad " in line or EMAIL.search(line):
            continue
        wide.append(f"{len(line)}: {line!r}")
    return wide


READING = {
    "home": (),
    "narratives": ("narratives",),
    "narrative": ("narratives", "niet-gehoord"),
    "lessons": ("lessons",),
    "lesson": ("lessons", "vroeg-betrekken"),
    "cases": ("cases",),
    "case": ("cases", "schilderswijk"),
    "personal": ("personal",),
    "about": ("about",),
    "contact": ("contact",),
    "validate": ("validate",),
    "history-empty": ("history",),
}


@pytest.mark.parametrize("colour", [False, True], ids=["no-colour", "force-colour"])
@pytest.mark.parametrize("lang", ["nl", "en"])
@pytest.mark.parametrize("view", list(READING), ids=list(READING))
def test_40_columns(run: Any, view: str, lang: str, colour: bool) -> None:
    env = {"COLUMNS": str(WIDTH), **({"FORCE_COLOR": "1"} if colour else {})}
    args = READING[view] + (() if view == "validate" else ("--lang", lang))
    result = run(*args, env=env)
    assert result.exit_code == 0, result.stderr
    assert result.stdout.strip()
    assert not too_wide(result.stdout), "\n".join(too_wide(result.stdout))


@pytest.mark.parametrize("lang", ["nl", "en"])
def test_40_columns_with_a_content_pack(run: Any, lang: str) -> None:
    for args in (("contact",), ("narratives", "niet-gehoord"), ("narratives", "opmaak-proef")):
        pack = "markup-injection" if "opmaak-proef" in args else "replace-and-add"
        result = run(*args, "--lang", lang, "--content-dir", str(PACKS / pack), env={"COLUMNS": str(WIDTH)})
        assert result.exit_code == 0
        assert not too_wide(result.stdout), "\n".join(too_wide(result.stdout))


@pytest.mark.parametrize("lang", ["nl", "en"])
def test_40_columns_quiz_result(run: Any, lang: str) -> None:
    answers = quiz_answers(run, lang)
    result = run(
        "quiz", "--seed", QUIZ_SEED, "--no-save", "--lang", lang, "--answers", answers, env={"COLUMNS": "40"}
    )
    assert result.exit_code == 0, result.stderr
    assert not too_wide(result.stdout), "\n".join(too_wide(result.stdout))


def test_40_columns_history_with_results(run: Any) -> None:
    answers = quiz_answers(run)
    for _ in range(2):
        assert run("quiz", "--seed", QUIZ_SEED, "--answers", answers).exit_code == 0
    result = run("history", env={"COLUMNS": "40"})
    assert result.exit_code == 0
    assert not too_wide(result.stdout), "\n".join(too_wide(result.stdout))


def test_40_columns_validate_problems(run: Any) -> None:
    """File paths cannot be broken; the rest of a problem report must fit."""
    result = run("validate", str(PACKS / "two-broken-entries"), env={"COLUMNS": "40"})
    assert result.exit_code == 1
    wide = [line for line in too_wide(result.stdout) if str(PACKS) not in line]
    assert not wide, "\n".join(wide)


def test_40_columns_error_message(run: Any) -> None:
    """An error on stderr is wrapped too (only a path or a command may stick out)."""
    result = run("narratives", "nope", env={"COLUMNS": "40"})
    assert result.exit_code == 2
    assert not too_wide(result.stderr), "\n".join(too_wide(result.stderr))


@pytest.mark.parametrize("command", [(), ("quiz",), ("narratives",)], ids=["top", "quiz", "narratives"])
def test_40_columns_help(command: tuple[str, ...]) -> None:
    """In a real process: Click's test runner forces help to 80 columns, so in-process proves nothing."""
    env = {k: v for k, v in os.environ.items() if k not in ("FORCE_COLOR", "PYTHONIOENCODING")}
    env["COLUMNS"] = str(WIDTH)
    done = subprocess.run(
        [sys.executable, "-m", "infoblad_cli", *command, "--help"],
        capture_output=True,
        env=env,
        timeout=60,
    )
    assert done.returncode == 0
    out = done.stdout.decode("utf-8")
    assert not too_wide(out), "\n".join(too_wide(out))


@pytest.mark.parametrize("columns", ["0", "1", "10", "-5", "abc", "100000"])
def test_odd_widths_still_show_everything(run: Any, columns: str) -> None:
    """COLUMNS=0 (set by some CI runners and editors' shells) or nonsense: the same words, no crash."""
    for args, expected in (
        (("narratives", "niet-gehoord"), "Niet gehoord worden"),
        (("contact",), "ESS@minszw.nl"),
        (("validate",), "Alle inhoud is in orde"),
    ):
        result = run(*args, env={"COLUMNS": columns})
        assert result.exit_code == 0, (columns, args, result.stderr)
        assert expected in " ".join(result.stdout.split()), (columns, args, result.stdout)
    error = run("narratives", "nope", env={"COLUMNS": columns})
    assert error.exit_code == 2
    assert "nope" in error.stderr, (columns, "the error message is lost")


# ---------------------------------------------------------------- colour switched off


NO_COLOUR_ENVS = {
    "term-dumb": {"TERM": "dumb", "FORCE_COLOR": "1"},
    "no-color": {"NO_COLOR": "1", "FORCE_COLOR": "1"},
    "no-color-empty-force": {"NO_COLOR": "1", "FORCE_COLOR": ""},
}
COLOUR_VIEWS = {
    "narrative": ("narratives", "niet-gehoord"),
    "contact": ("contact",),
    "home": (),
    "validate-problems": ("validate", str(PACKS / "two-broken-entries")),
}


@pytest.mark.parametrize("view", list(COLOUR_VIEWS), ids=list(COLOUR_VIEWS))
def test_force_color_alone_gives_colour(run: Any, view: str) -> None:
    """The control case: FORCE_COLOR=1 does colour these views, so the tests below mean something."""
    result = run(*COLOUR_VIEWS[view], env={"FORCE_COLOR": "1"})
    assert "\x1b[" in result.stdout


@pytest.mark.parametrize("env", list(NO_COLOUR_ENVS.values()), ids=list(NO_COLOUR_ENVS))
@pytest.mark.parametrize("view", list(COLOUR_VIEWS), ids=list(COLOUR_VIEWS))
def test_no_escapes_when_colour_is_off(run: Any, view: str, env: dict[str, str]) -> None:
    result = run(*COLOUR_VIEWS[view], env=env)
    assert result.exit_code in (0, 1)
    assert "\x1b" not in result.stdout
    assert "\x1b" not in result.stderr


@pytest.mark.parametrize("env", list(NO_COLOUR_ENVS.values()), ids=list(NO_COLOUR_ENVS))
def test_no_escapes_in_errors_and_quiz_when_colour_is_off(run: Any, env: dict[str, str]) -> None:
    error = run("narratives", "nope", env=env)
    assert error.exit_code == 2
    assert "\x1b" not in error.stderr + error.stdout
    broken = run("narratives", "--content-dir", str(PACKS / "bad-id"), env=env)
    assert broken.exit_code == 1
    assert "\x1b" not in broken.stderr + broken.stdout
    answers = quiz_answers(run)
    quiz = run("quiz", "--seed", QUIZ_SEED, "--no-save", "--answers", answers, env=env)
    assert quiz.exit_code == 0
    assert "\x1b" not in quiz.stdout + quiz.stderr


# ---------------------------------------------------------------- consoles that cannot show UTF-8


def _run_to_file(args: list[str], encoding: str, out: Path) -> subprocess.CompletedProcess[bytes]:
    env = {k: v for k, v in os.environ.items() if k not in ("FORCE_COLOR", "NO_COLOR", "TERM")}
    env["PYTHONIOENCODING"] = encoding
    with out.open("wb") as handle:
        return subprocess.run(
            [sys.executable, "-m", "infoblad_cli", *args],
            stdout=handle,
            stderr=subprocess.PIPE,
            stdin=subprocess.DEVNULL,
            env=env,
            timeout=60,
        )


ENCODED = {
    "narrative": ["narratives", "niet-gehoord"],
    "personal": ["personal"],
    "about": ["about"],
    "quiz": ["quiz", "--seed", QUIZ_SEED, "--no-save", "--answers", "ANSWERS"],
}


@pytest.mark.parametrize("lang", ["nl", "en"])
@pytest.mark.parametrize("encoding", ["ascii", "cp1252"])
@pytest.mark.parametrize("view", list(ENCODED), ids=list(ENCODED))
def test_output_to_a_file_in_a_legacy_encoding(
    run: Any, tmp_path: Path, view: str, encoding: str, lang: str
) -> None:
    args = [quiz_answers(run, lang) if a == "ANSWERS" else a for a in ENCODED[view]] + ["--lang", lang]
    out = tmp_path / "out.txt"
    done = _run_to_file(args, encoding, out)
    stderr = done.stderr.decode("utf-8", "replace")
    assert done.returncode == 0, stderr
    assert "Traceback" not in stderr
    text = out.read_bytes().decode(encoding)  # strict: every byte must be valid in that encoding
    assert text.strip()
    assert "\x1b" not in text
    done.stderr.decode(encoding)  # messages on stderr, if any, are in that encoding too


@pytest.mark.parametrize("encoding", ["ascii", "cp1252"])
def test_quiz_json_is_utf8_whatever_the_console(run: Any, tmp_path: Path, encoding: str) -> None:
    out = tmp_path / "out.json"
    done = _run_to_file(
        ["quiz", "--seed", QUIZ_SEED, "--no-save", "--answers", quiz_answers(run), "--json"], encoding, out
    )
    assert done.returncode == 0, done.stderr.decode("utf-8", "replace")
    data = json.loads(out.read_bytes().decode("utf-8"))
    assert len(data["answers"]) == 8


@pytest.mark.parametrize("encoding", ["ascii", "cp1252"])
def test_markup_pack_in_a_legacy_encoding(tmp_path: Path, encoding: str) -> None:
    out = tmp_path / "out.txt"
    pack = str(PACKS / "markup-injection")
    done = _run_to_file(["narratives", "opmaak-proef", "--content-dir", pack], encoding, out)
    assert done.returncode == 0, done.stderr.decode("utf-8", "replace")
    text = out.read_bytes().decode(encoding)
    assert "[bold red]x[/]" in text
    assert "\x1b" not in text and "\x07" not in text
