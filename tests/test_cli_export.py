# SPDX-FileCopyrightText: 2026 The infoblad team
# SPDX-License-Identifier: EUPL-1.2
"""The export command: formats, files, overwriting, packs."""

from __future__ import annotations

import json
import os
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


def test_format_follows_the_file_name(run, tmp_path: Path) -> None:
    run("export", "-o", str(tmp_path / "handout.html"))
    assert (tmp_path / "handout.html").read_text(encoding="utf-8").startswith("<!DOCTYPE html>")
    run("export", "-o", str(tmp_path / "data.json"))
    json.loads((tmp_path / "data.json").read_text(encoding="utf-8"))
    run("export", "-o", str(tmp_path / "notes.txt"))
    assert (tmp_path / "notes.txt").read_text(encoding="utf-8").startswith("# ")
    assert run("export", "-f", "HTML").stdout.startswith("<!DOCTYPE html>")


@pytest.mark.skipif(os.name == "nt", reason="POSIX permission bits")
def test_an_export_gets_normal_permissions_and_keeps_those_it_replaces(run, tmp_path: Path) -> None:
    import stat

    new = tmp_path / "new.md"
    old_umask = os.umask(0o022)
    try:
        run("export", "-o", str(new))
    finally:
        os.umask(old_umask)
    assert stat.S_IMODE(new.stat().st_mode) == 0o644
    shared = tmp_path / "shared.md"
    shared.write_text("old", encoding="utf-8")
    shared.chmod(0o664)
    run("export", "-o", str(shared), "--force")
    assert stat.S_IMODE(shared.stat().st_mode) == 0o664


@pytest.mark.skipif(os.name == "nt", reason="POSIX links and permission bits")
def test_force_respects_links_read_only_files_and_devices(run, tmp_path: Path, monkeypatch) -> None:
    real = tmp_path / "real.md"
    real.write_text("old", encoding="utf-8")
    link = tmp_path / "link.md"
    link.symlink_to(real)
    assert run("export", "-o", str(link), "--force").exit_code == 0
    assert link.is_symlink() and real.read_text(encoding="utf-8") != "old"
    locked = tmp_path / "locked.md"
    locked.write_text("mine", encoding="utf-8")
    locked.chmod(0o444)
    real_access = os.access
    # root may write anywhere; ask as an ordinary user would be answered
    monkeypatch.setattr(os, "access", lambda p, mode: False if Path(p) == locked else real_access(p, mode))
    result = run("export", "-o", str(locked), "--force")
    assert result.exit_code == 1 and locked.read_text(encoding="utf-8") == "mine"


def test_an_empty_file_name_is_a_usage_error(run) -> None:
    assert run("export", "-o", "").exit_code == 2


@pytest.mark.skipif(not Path("/dev/null").exists(), reason="needs /dev/null")
def test_a_device_is_not_replaced(run) -> None:
    result = run("export", "-o", "/dev/null", "--force")
    assert result.exit_code == 2
    assert Path("/dev/null").exists() and not Path("/dev/null").is_file()
