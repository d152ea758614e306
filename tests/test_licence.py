# SPDX-FileCopyrightText: 2026 The infoblad team
# SPDX-License-Identifier: EUPL-1.2
"""The licences: the full texts in the REUSE layout, an SPDX header in every source file, and
pyproject.toml saying the same."""

from __future__ import annotations

import hashlib
import re
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent
LICENSES = ROOT / "LICENSES"

# The complete, exact texts: the EUPL-1.2 as published by the European Commission and the
# CC BY 4.0 legal code (legalcode.txt of Creative Commons). An edit, however small, fails here.
SHA256 = {
    "EUPL-1.2": "2684098cbd7501a84c93cd947f3b32ad01eb955b20a43ad62ab4455eed4d1410",
    "CC-BY-4.0": "f5b745ef98087f531e719ee8ca6a96809444573ecc7173c6fa68eaad39b3cc3f",
}
CODE = "EUPL-1.2"
TEXTS = "CC-BY-4.0"
COPYRIGHT = "SPDX-FileCopyrightText: 2026 The infoblad team"


def licensed_files() -> dict[Path, str]:
    """Every source file with the licence its header must name: code EUPL-1.2, our texts
    (the content and the example pack) CC BY 4.0. Test data, whose line numbers the tests
    rely on, is covered by REUSE.toml instead."""
    files: dict[Path, str] = {ROOT / ".ci" / "run": CODE, ROOT / "publiccode.yml": CODE}
    for folder in ("src", "tests", "benchmarks"):
        for path in (ROOT / folder).rglob("*.py"):
            files[path] = CODE
    for folder in ("content", "examples"):
        for path in (ROOT / folder).rglob("*.yaml"):
            files[path] = TEXTS
    return files


def header(path: Path) -> str:
    return "\n".join(path.read_text(encoding="utf-8").splitlines()[:6])


def test_licence_texts_are_complete_and_exact() -> None:
    for spdx, digest in SHA256.items():
        text = (LICENSES / f"{spdx}.txt").read_bytes()
        assert hashlib.sha256(text).hexdigest() == digest, f"LICENSES/{spdx}.txt was changed"
    eupl = (LICENSES / "EUPL-1.2.txt").read_text(encoding="utf-8")
    assert eupl.lstrip().startswith("EUROPEAN UNION PUBLIC LICENCE v. 1.2")
    for article in range(1, 16):
        assert re.search(rf"^{article}\.\s+\S", eupl, re.MULTILINE), f"EUPL article {article} is missing"
    assert eupl.rstrip().endswith("new EUPL version.")
    cc = (LICENSES / "CC-BY-4.0.txt").read_text(encoding="utf-8")
    assert cc.startswith("Attribution 4.0 International")
    for section in range(1, 9):
        assert f"Section {section} -- " in cc
    assert cc.rstrip().endswith("Creative Commons may be contacted at creativecommons.org.")


def test_licence_at_the_root_is_the_eupl() -> None:
    assert (ROOT / "LICENSE").read_bytes() == (LICENSES / "EUPL-1.2.txt").read_bytes()


def test_pyproject_names_the_licences_and_ships_their_texts() -> None:
    pyproject = (ROOT / "pyproject.toml").read_text(encoding="utf-8")
    assert re.search(r'^license = "EUPL-1\.2 AND CC-BY-4\.0"$', pyproject, re.MULTILINE)
    files = re.search(r"^license-files = \[(.*)\]$", pyproject, re.MULTILINE)
    assert files is not None
    shipped = re.findall(r'"([^"]+)"', files.group(1))
    assert shipped == ["LICENSE", "LICENSES/EUPL-1.2.txt", "LICENSES/CC-BY-4.0.txt"]
    # A licence expression in `license` needs PEP 639 support in the build backend.
    assert 'requires = ["hatchling>=1.27"]' in pyproject
    assert "License ::" not in pyproject, "no licence classifiers beside an SPDX expression"


@pytest.mark.parametrize(
    ("path", "spdx"),
    sorted(licensed_files().items()),
    ids=lambda value: str(value.relative_to(ROOT)) if isinstance(value, Path) else value,
)
def test_every_source_file_has_an_spdx_header(path: Path, spdx: str) -> None:
    top = header(path)
    wanted = f"# {COPYRIGHT}\n# SPDX-License-Identifier: {spdx}"
    assert wanted in top, f"{path.relative_to(ROOT)}: start the file with these lines:\n{wanted}"


def test_every_licence_named_has_its_text_and_every_text_is_named() -> None:
    named = set(licensed_files().values())
    reuse = (ROOT / "REUSE.toml").read_text(encoding="utf-8")
    named |= set(re.findall(r'SPDX-License-Identifier = "([^"]+)"', reuse))
    texts = {path.stem for path in LICENSES.glob("*.txt")}
    assert named == texts


def test_readme_states_the_licences_and_the_sources_rights() -> None:
    readme = (ROOT / "README.md").read_text(encoding="utf-8")
    licence = readme.split("## Licence", 1)[1].split("\n## ", 1)[0]
    for needed in ("EUPL-1.2", "CC BY 4.0", "LICENSES/CC-BY-4.0.txt", "Kessels & Smit", "KIS", "ESS"):
        assert needed in licence
