"""Every command has help text and appears in the README, with its options."""

from __future__ import annotations

from pathlib import Path

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
