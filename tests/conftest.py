# SPDX-FileCopyrightText: 2026 The infoblad team
# SPDX-License-Identifier: EUPL-1.2
"""Shared fixtures: no test touches the real home folder, cache or the user's settings."""

from __future__ import annotations

import json
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
from typer.testing import CliRunner

from infoblad_cli.cli import app

ROOT = Path(__file__).resolve().parent.parent
DATA = Path(__file__).resolve().parent / "data"

_ENV_TO_CLEAR = (
    "INFOBLAD_LANG",
    "INFOBLAD_CONTENT_DIR",
    "INFOBLAD_DEBUG",
    "NO_COLOR",
    "FORCE_COLOR",
    "CLICOLOR_FORCE",
    "TERM",
    "COLUMNS",
    "LINES",
)


@pytest.fixture(scope="session")
def shared_cache(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """One content cache for the whole run: parsing the built-in YAML once is enough."""
    return tmp_path_factory.mktemp("cache")


@pytest.fixture(autouse=True)
def isolated_env(monkeypatch: pytest.MonkeyPatch, tmp_path: Path, shared_cache: Path) -> Iterator[Path]:
    """Point data and cache at temp folders and clear settings that change output."""
    for name in _ENV_TO_CLEAR:
        monkeypatch.delenv(name, raising=False)
    data = tmp_path / "data"
    monkeypatch.setenv("INFOBLAD_DATA_DIR", str(data))
    monkeypatch.setenv("INFOBLAD_CACHE_DIR", str(shared_cache))
    monkeypatch.setenv("COLUMNS", "80")
    # A home folder nobody should write to: any test that does fails loudly.
    monkeypatch.setenv("HOME", str(tmp_path / "no-home"))
    monkeypatch.setenv("USERPROFILE", str(tmp_path / "no-home"))
    monkeypatch.setenv("APPDATA", str(tmp_path / "no-home" / "AppData"))
    monkeypatch.setenv("LOCALAPPDATA", str(tmp_path / "no-home" / "LocalAppData"))
    monkeypatch.setenv("XDG_DATA_HOME", str(tmp_path / "no-home" / "xdg-data"))
    monkeypatch.setenv("XDG_CACHE_HOME", str(tmp_path / "no-home" / "xdg-cache"))
    yield data


class Run:
    """Invoke the CLI in-process and keep stdout and stderr apart."""

    def __init__(self) -> None:
        self.runner = CliRunner()

    def __call__(self, *args: str, input: str | None = None, env: dict[str, str] | None = None) -> Any:
        return self.runner.invoke(app, list(args), input=input, env=env, catch_exceptions=False)

    def json(self, *args: str, env: dict[str, str] | None = None) -> Any:
        result = self(*args, "--json", env=env)
        assert result.exit_code == 0, result.stderr
        return json.loads(result.stdout)


@pytest.fixture
def run() -> Run:
    return Run()
