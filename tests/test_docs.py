# SPDX-FileCopyrightText: 2026 The infoblad team
# SPDX-License-Identifier: EUPL-1.2
"""Every command has help text and appears in the README, with its options."""

from __future__ import annotations

import json
import os
import re
import shutil
import subprocess
import sys
from pathlib import Path
from typing import NamedTuple

import pytest

from infoblad_cli.cli import app

README = (Path(__file__).resolve().parent.parent / "README.md").read_text(encoding="utf-8")
COMMANDS = [command.name for command in app.registered_commands]


def test_there_are_commands() -> None:
    assert len(COMMANDS) >= 11


@pytest.mark.parametrize("name", COMMANDS)
def test_command_is_in_the_readme(name: str) -> None:
    assert f"`infoblad {name}" in README


@pytest.mark.parametrize("name", COMMANDS)
def test_command_has_help(run, name: str) -> None:  # type: ignore[no-untyped-def]
    result = run(name, "--help")
    assert result.exit_code == 0
    usage, _, rest = result.stdout.partition("\n\n")
    assert f"infoblad {name}" in usage
    assert len(rest.split("Options:")[0].strip()) > 20  # a real description, not just usage


def test_readme_quick_start_has_one_install_and_run_and_one_test_line() -> None:
    for marker in ("<!-- install-and-run -->", "<!-- install-and-test -->"):
        block = README.split(marker, 1)[1].split("```", 2)[1]
        lines = [line for line in block.splitlines() if line.strip()]
        assert len(lines) == 1, lines


def test_exit_codes_are_documented() -> None:
    for code in ("| 0 |", "| 1 |", "| 2 |", "| 130 |"):
        assert code in README


# --- Every command example in the docs and the help texts runs -------------------------------

ROOT = Path(__file__).resolve().parent.parent
DOCS = [
    "README.md",
    "CONTRIBUTING.md",
    *sorted(
        str(path.relative_to(ROOT)).replace("\\", "/")
        for folder in ("docs", "content", "examples")
        for path in (ROOT / folder).rglob("*.md")
    ),
]

# The first word of a line that is a command (as opposed to a file tree or some output).
_PROGRAMS = {"infoblad", "printf", "export", "python", "python3", "py", "pipx", "uv", "ruff", "mypy"}
_FENCE = re.compile(r"^(\s*)```(\S*)\s*$")
_COMMENT = re.compile(r"\s+#.*$")
_EXPECTED_EXIT = re.compile(r"#.*\bexits? (?:with )?(\d+)")


class Example(NamedTuple):
    doc: str
    line_no: int
    line: str

    def __str__(self) -> str:
        return f"{self.doc}:{self.line_no}: {_COMMENT.sub('', self.line)}"


def _first_word(line: str) -> str:
    word = line.strip().split(" ", 1)[0]
    return "$env:" if word.startswith("$env:") else word.rsplit("/", 1)[-1].rsplit("\\", 1)[-1]


def doc_examples(doc: str, text: str) -> list[Example]:
    """The lines of the shell blocks in a Markdown text: the blocks in which any line starts
    with a program (not a file tree or some output). A block tagged with another language
    (```text, ```yaml) is never shell."""
    examples: list[Example] = []
    block: list[Example] = []
    shell = in_block = False
    for number, line in enumerate(text.splitlines(), start=1):
        fence = _FENCE.match(line)
        if fence and not in_block:
            in_block, shell, block = True, fence.group(2) in ("", "sh", "bash", "console", "powershell"), []
        elif fence:
            if shell and any(_first_word(example.line) in _PROGRAMS for example in block):
                examples.extend(block)
            in_block = False
        elif in_block and line.strip():
            block.append(Example(doc, number, line.strip()))
    return examples


def _is_powershell(line: str) -> bool:
    return line.startswith(("py ", "$env:", '"')) or ".\\.venv\\Scripts" in line


# Lines that this test does not run, and who does.
def not_run_reason(line: str) -> str | None:
    if _is_powershell(line):
        return "PowerShell: only its form is checked here"
    if " -m venv " in line or " pip install" in line:
        return "installs: .ci/run runs the Quick start's lines in a clean clone with the system python3"
    if "pytest" in line or _first_word(line) in ("ruff", "mypy"):
        return "the test suite and the developers' checks: land.sh and .ci/run run them"
    if "benchmarks/bench.py" in line:
        return "measures start-up for minutes: run by hand"
    if _first_word(line) in ("pipx", "uv"):
        return "another installer, not on every machine"
    return None


def all_doc_examples() -> list[Example]:
    found: list[Example] = []
    for doc in DOCS:
        path = ROOT / doc
        if path.exists():
            found.extend(doc_examples(doc, path.read_text(encoding="utf-8")))
    return found


EXAMPLES = all_doc_examples()
RUNNABLE = [example for example in EXAMPLES if not_run_reason(example.line) is None]


def test_doc_examples_are_found() -> None:
    # The README alone has more than twenty: a parser that finds none must fail, not pass.
    assert len(RUNNABLE) >= 20, EXAMPLES
    assert any(example.line.startswith("printf ") for example in RUNNABLE)


def test_every_shell_line_in_the_docs_is_a_command_we_know() -> None:
    strangers = [str(e) for e in EXAMPLES if _first_word(e.line) not in _PROGRAMS | {"$env:", '"2","3","4"'}]
    strangers = [s for s in strangers if not _is_powershell(s.split(": ", 1)[1])]
    assert not strangers, "lines in a shell block that are not commands; tag the block ```text"


def test_powershell_examples_are_powershell() -> None:
    lines = [e.line for e in EXAMPLES if _is_powershell(e.line)] + re.findall(
        r"`([^`]*\$env:[^`]*|py -m [^`]*)`", (ROOT / "README.md").read_text(encoding="utf-8")
    )
    assert lines
    for line in lines:
        assert "&&" not in line, f"PowerShell 5 has no '&&': {line}"
        assert not re.match(r"\s*set \w+=", line, re.IGNORECASE), f"cmd syntax, not PowerShell: {line}"
        for value in re.findall(r"\$env:\w+\s*=\s*(\S.*?)(?:\s+#.*)?$", line):
            assert value.startswith('"') and value.endswith('"'), f"quote the value: {line}"
        assert "/bin/" not in line, f"a Windows venv keeps its programs in .venv\\Scripts: {line}"


def test_readme_lines_that_are_not_run_here_are_run_by_ci() -> None:
    ci = (ROOT / ".ci" / "run").read_text(encoding="utf-8")
    for marker in ("install-and-run", "install-and-test"):
        assert f"readme_line {marker}" in ci, f".ci/run must run the README's {marker} line"
    assert "PATH=/usr/bin:/bin" in ci, ".ci/run must run them with the system python3"


@pytest.fixture(scope="module")
def workspace(tmp_path_factory: pytest.TempPathFactory, shared_cache: Path) -> dict[str, Path]:
    """What the examples expect around them, built once: the example pack (also as the
    README's 'mijn-pack' and as two packs in the home folder), an `infoblad` on PATH that runs
    this checkout, and a history with one quiz in which some answers were missed."""
    base = tmp_path_factory.mktemp("docs")
    work = base / "work"
    shutil.copytree(ROOT / "examples", work / "examples")
    shutil.copytree(ROOT / "examples" / "voorbeeldpack", work / "mijn-pack")
    home = base / "home"
    for pack in ("gemeente", "training"):
        shutil.copytree(ROOT / "examples" / "voorbeeldpack", home / "packs" / pack)
    bin_dir = base / "bin"
    bin_dir.mkdir()
    shim = bin_dir / "infoblad"
    shim.write_text(f'#!/bin/sh\nexec "{sys.executable}" -m infoblad_cli "$@"\n', encoding="utf-8")
    shim.chmod(0o755)
    data = base / "data"
    seeded = subprocess.run(
        [str(shim), "quiz", "--seed", "1", "--answers", ",".join("1" * 8)],
        env=_example_env(bin_dir, home, data, shared_cache),
        capture_output=True,
        text=True,
        timeout=120,
    )
    assert seeded.returncode == 0, seeded.stderr
    return {"work": work, "home": home, "bin": bin_dir, "data": data, "cache": shared_cache}


def _example_env(bin_dir: Path, home: Path, data: Path, cache: Path) -> dict[str, str]:
    env = {k: v for k, v in os.environ.items() if not k.startswith("INFOBLAD_")}
    env.update(
        PATH=f"{bin_dir}{os.pathsep}{env.get('PATH', '')}",
        HOME=str(home),
        INFOBLAD_DATA_DIR=str(data),
        INFOBLAD_CACHE_DIR=str(cache),
        COLUMNS="80",
    )
    return env


def run_example(line: str, workspace: dict[str, Path], tmp_path: Path) -> subprocess.CompletedProcess[str]:
    """Run one example as a user would paste it into bash, in a folder of its own."""
    cwd = tmp_path / "work"
    shutil.copytree(workspace["work"], cwd)
    data = tmp_path / "data"
    shutil.copytree(workspace["data"], data)
    script = line
    if line.startswith("export "):
        # Setting a variable proves nothing by itself: use it.
        script = f"{line}\ninfoblad contact --plain"
    interactive = re.search(r"\binfoblad quiz\b", line) and "--answers" not in line and "|" not in line
    return subprocess.run(
        ["bash", "-o", "pipefail", "-c", script],
        cwd=cwd,
        env=_example_env(workspace["bin"], workspace["home"], data, workspace["cache"]),
        # An interactive example gets its answers typed: 1 fits every kind of question.
        input="1\n" * 40 if interactive else "",
        capture_output=True,
        text=True,
        encoding="utf-8",
        timeout=120,
    )


def check_example(line: str, result: subprocess.CompletedProcess[str], cwd: Path) -> None:
    expected = int(m.group(1)) if (m := _EXPECTED_EXIT.search(line)) else 0
    output = result.stdout + result.stderr
    assert result.returncode == expected, f"{line!r} exited {result.returncode}:\n{output[-2000:]}"
    assert "Traceback" not in output
    if "--json" in line and "|" not in line:
        json.loads(result.stdout)
    if line.startswith("export INFOBLAD_CONTENT_DIR"):
        assert "Voorbeeldstad" in result.stdout, "the packs named in the variable were not used"
    for written in re.findall(r"(?:-o|--output) (\S+)", line):
        assert (cwd / written).stat().st_size > 0, f"{line!r} did not write {written}"


@pytest.mark.skipif(os.name == "nt", reason="the examples are POSIX shell lines")
@pytest.mark.parametrize("example", RUNNABLE, ids=str)
def test_doc_example_runs(example: Example, workspace: dict[str, Path], tmp_path: Path) -> None:
    result = run_example(example.line, workspace, tmp_path)
    check_example(example.line, result, tmp_path / "work")


def help_examples(run) -> list[str]:  # type: ignore[no-untyped-def]
    """Command lines (starting with 'infoblad ') in every help text, in both languages."""
    lines: set[str] = set()
    texts = 0
    for name in ["", *COMMANDS]:
        for lang in ("nl", "en"):
            result = run(*([name] if name else []), "--help", env={"INFOBLAD_LANG": lang})
            assert result.exit_code == 0, result.output
            texts += 1
            for raw in result.stdout.splitlines():
                line = raw.strip().removeprefix("$ ")
                if line.startswith("infoblad ") and not line.startswith("infoblad [OPTIONS]"):
                    lines.add(line)
    assert texts == 2 * (len(COMMANDS) + 1)
    return sorted(lines)


@pytest.mark.skipif(os.name == "nt", reason="the examples are POSIX shell lines")
def test_help_text_examples_run(run, workspace: dict[str, Path], tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    failures = []
    for number, line in enumerate(help_examples(run)):
        result = run_example(line, workspace, tmp_path / str(number))
        try:
            check_example(line, result, tmp_path / str(number) / "work")
        except AssertionError as error:
            failures.append(f"{line}: {error}")
    assert not failures, "\n".join(failures)
