# SPDX-FileCopyrightText: 2026 The infoblad team
# SPDX-License-Identifier: EUPL-1.2
"""Build the wheel, install it into a fresh virtual environment, run it from another folder.

This is what a user gets from 'pip install': it proves the content ships inside the
wheel and is found there, and that nothing depends on the source tree.
"""

from __future__ import annotations

import json
import os
import subprocess
import sys
import venv
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent

pytestmark = pytest.mark.slow


@pytest.fixture(scope="module")
def installed(tmp_path_factory: pytest.TempPathFactory) -> Path:
    work = tmp_path_factory.mktemp("wheel")
    dist = work / "dist"
    subprocess.run(
        [
            sys.executable,
            "-m",
            "pip",
            "wheel",
            "--no-deps",
            "--quiet",
            "--disable-pip-version-check",
            "-w",
            str(dist),
            str(ROOT),
        ],
        check=True,
        timeout=600,
    )
    wheels = list(dist.glob("infoblad-*.whl"))
    assert len(wheels) == 1
    env_dir = work / "venv"
    venv.create(env_dir, with_pip=True)
    bin_dir = env_dir / ("Scripts" if os.name == "nt" else "bin")
    python = bin_dir / ("python.exe" if os.name == "nt" else "python")
    subprocess.run(
        [str(python), "-m", "pip", "install", "--quiet", "--disable-pip-version-check", str(wheels[0])],
        check=True,
        timeout=600,
    )
    return bin_dir / ("infoblad.exe" if os.name == "nt" else "infoblad")


def run(
    exe: Path, *args: str, env: dict[str, str] | None = None, cwd: Path
) -> subprocess.CompletedProcess[str]:
    base = {k: v for k, v in os.environ.items() if not k.startswith("INFOBLAD_")}
    base.update({"INFOBLAD_DATA_DIR": str(cwd / "data"), "INFOBLAD_CACHE_DIR": str(cwd / "cache")})
    base.update(env or {})
    return subprocess.run(
        [str(exe), *args], capture_output=True, text=True, encoding="utf-8", env=base, cwd=cwd, timeout=120
    )


def test_installed_wheel_runs_every_reading_command(installed: Path, tmp_path: Path) -> None:
    assert run(installed, "--version", cwd=tmp_path).stdout.startswith("infoblad 0.")
    for lang in ("nl", "en"):
        for command in (
            [],
            ["narratives"],
            ["lessons"],
            ["cases"],
            ["personal"],
            ["about"],
            ["contact"],
            ["narratives", "niet-gehoord"],
        ):
            done = run(installed, *command, "--lang", lang, cwd=tmp_path)
            assert done.returncode == 0, (command, done.stderr)
            assert done.stdout.strip()
            assert done.stderr == ""
    english = run(installed, "narratives", env={"INFOBLAD_LANG": "en"}, cwd=tmp_path)
    assert "Narratives of distrust" in english.stdout
    contact = json.loads(run(installed, "contact", "--json", cwd=tmp_path).stdout)
    assert contact["contacts"][0]["phone"] == "(070) 333 4555"
    unknown = run(installed, "lessons", "onbekend", cwd=tmp_path)
    assert unknown.returncode == 2 and "Traceback" not in unknown.stderr


def test_wheel_carries_the_content_not_the_source_tree(installed: Path, tmp_path: Path) -> None:
    site = installed.parent.parent
    found = list(site.rglob("infoblad_cli/content/nl/narratives.yaml"))
    assert found, "the built-in content is not inside the installed package"
    assert list(site.rglob("infoblad_cli/content/en/narratives.yaml"))
    # Every YAML file of the content (the ledger too), or a test of an installed copy fails.
    shipped = next(site.rglob("infoblad_cli/content"))
    for path in (ROOT / "content").rglob("*.yaml"):
        assert (shipped / path.relative_to(ROOT / "content")).is_file(), f"{path.name} is not in the wheel"


def test_the_offline_quiz_page_ships_its_script_and_style(installed: Path, tmp_path: Path) -> None:
    done = run(installed, "export", "--with-quiz", "--seed", "7", "-o", "zelftest.html", cwd=tmp_path)
    assert done.returncode == 0, done.stderr
    page = (tmp_path / "zelftest.html").read_text(encoding="utf-8")
    site = installed.parent.parent
    for name in ("quiz.js", "page.css"):
        shipped = list(site.rglob(f"infoblad_cli/web/{name}"))
        assert shipped, f"web/{name} is not inside the installed package"
        assert shipped[0].read_text(encoding="utf-8").strip() in page


def test_wheel_names_its_licences_and_carries_their_texts(installed: Path) -> None:
    site = installed.parent.parent
    dist_info = next(site.rglob("infoblad-*.dist-info"))
    metadata = (dist_info / "METADATA").read_text(encoding="utf-8")
    assert "License-Expression: EUPL-1.2 AND CC-BY-4.0" in metadata.splitlines()
    for name in ("LICENSE", "LICENSES/EUPL-1.2.txt", "LICENSES/CC-BY-4.0.txt"):
        assert f"License-File: {name}" in metadata.splitlines()
        shipped = dist_info / "licenses" / name
        assert shipped.read_bytes() == (ROOT / name).read_bytes()
