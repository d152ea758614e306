"""The export command: formats, files, overwriting, packs."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from infoblad_cli import content


@pytest.mark.parametrize("fmt", ["md", "html", "json"])
def test_export_to_stdout_holds_every_title(run, fmt: str) -> None:
    result = run("export", "--format", fmt)
    assert result.exit_code == 0, result.stderr
    bundle = content.load_bundle("nl")
    for entry in (*bundle.narratives, *bundle.lessons, *bundle.cases):
        if fmt == "md":
            assert entry.id in result.stdout
        elif fmt == "html":
            import html

            assert html.escape(entry.title) in result.stdout
        else:
            assert entry.title in result.stdout


def test_export_json_parses_with_a_schema_version(run) -> None:
    data = json.loads(run("export", "--format", "json", "--lang", "en").stdout)
    assert data["schema_version"] == 1 and data["lang"] == "en"


def test_export_writes_a_file_and_refuses_to_overwrite(run, tmp_path: Path) -> None:
    target = tmp_path / "handout.html"
    first = run("export", "--format", "html", "-o", str(target))
    assert first.exit_code == 0
    assert target.read_text(encoding="utf-8").startswith("<!DOCTYPE html>")
    assert first.stdout == ""
    target.write_text("mine", encoding="utf-8")
    again = run("export", "--format", "html", "-o", str(target))
    assert again.exit_code == 2
    assert "--force" in again.stderr
    assert target.read_text(encoding="utf-8") == "mine"
    forced = run("export", "--format", "html", "-o", str(target), "--force")
    assert forced.exit_code == 0
    assert target.read_text(encoding="utf-8") != "mine"
    assert [p.name for p in tmp_path.iterdir()] == ["handout.html"]  # no temp files left


def test_export_into_a_missing_folder_is_a_clear_error(run, tmp_path: Path) -> None:
    result = run("export", "-o", str(tmp_path / "nope" / "x.md"))
    assert result.exit_code in (1, 2)
    assert "Traceback" not in result.stderr


def test_export_includes_packs(run) -> None:
    pack = Path(__file__).resolve().parent.parent / "examples" / "voorbeeldpack"
    out = run("export", "--format", "md", "--content-dir", str(pack)).stdout
    assert "Voorbeeldstad" in out


def test_bad_format_is_a_usage_error(run) -> None:
    assert run("export", "--format", "pdf").exit_code == 2
