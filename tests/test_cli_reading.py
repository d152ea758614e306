# SPDX-FileCopyrightText: 2026 The infoblad team
# SPDX-License-Identifier: EUPL-1.2
"""Every reading command: exit code, stdout and stderr, in both languages."""

from __future__ import annotations

import re

import pytest

from infoblad_cli import content

ANSI = re.compile(r"\x1b\[")
BOX = re.compile("[\u2500-\u257f\u2580-\u259f]")
READING = ["narratives", "lessons", "cases", "personal", "about", "contact"]


@pytest.mark.parametrize("lang", ["nl", "en"])
@pytest.mark.parametrize("command", [[], *([c] for c in READING)])
def test_reading_command_exits_0_with_text(run, command, lang) -> None:
    result = run(*command, "--lang", lang)
    assert result.exit_code == 0, result.stderr
    assert result.stderr == ""
    assert len(result.stdout.splitlines()) > 5
    assert not ANSI.search(result.stdout)


def test_home_screen_lists_the_commands(run) -> None:
    """In the run's language: the Dutch names in Dutch, the English names in English."""
    out = run().stdout
    for command in ("verhalen", "lessen", "voorbeelden", "persoonlijk", "zelftest", "contact", "over"):
        assert f"infoblad {command}" in out
    assert "ESS" in out
    out = run("--lang", "en").stdout
    for command in ("narratives", "lessons", "cases", "personal", "quiz", "contact", "about"):
        assert f"infoblad {command}" in out


def test_env_lang_gives_english(run) -> None:
    dutch = run("narratives").stdout
    english = run("narratives", env={"INFOBLAD_LANG": "en"}).stdout
    assert "Verhalen van wantrouwen" in dutch
    assert "Narratives of distrust" in english
    assert run("narratives", "--lang", "nl", env={"INFOBLAD_LANG": "en"}).stdout == dutch


def test_bad_env_lang_is_a_usage_error(run) -> None:
    result = run("narratives", env={"INFOBLAD_LANG": "fr"})
    assert result.exit_code == 2
    assert "INFOBLAD_LANG" in result.stderr and "nl of en" in result.stderr


def test_bad_lang_option_is_a_usage_error(run) -> None:
    result = run("narratives", "--lang", "de")
    assert result.exit_code == 2
    assert "--lang" in result.stderr


@pytest.mark.parametrize("kind", ["narratives", "lessons", "cases"])
def test_listing_shows_each_id_and_the_command_that_opens_it(run, kind) -> None:
    out = run(kind).stdout
    for entry in getattr(content.load_bundle("nl"), kind):
        assert f"infoblad {kind} {entry.id}" in out


@pytest.mark.parametrize("kind", ["narratives", "lessons", "cases"])
def test_each_id_opens_in_both_languages(run, kind) -> None:
    for lang in ("nl", "en"):
        for entry in getattr(content.load_bundle(lang), kind):
            result = run(kind, entry.id, "--lang", lang)
            assert result.exit_code == 0, result.stderr
            assert entry.title in result.stdout
            assert "https://" in result.stdout  # the sources are shown


def test_narrative_detail_labels_voices_as_illustrative(run) -> None:
    assert "illustratief" in run("narratives", "niet-gehoord").stdout
    assert "illustrative" in run("narratives", "niet-gehoord", "--lang", "en").stdout


@pytest.mark.parametrize(
    "kind,wrong,right",
    [
        ("narratives", "niet-gehord", "niet-gehoord"),
        ("lessons", "vroeg", "vroeg-betrekken"),
        ("cases", "gilze", "gilze-azc"),
    ],
)
def test_unknown_id_is_a_usage_error_with_suggestions(run, kind, wrong, right) -> None:
    result = run(kind, wrong)
    assert result.exit_code == 2
    assert result.stdout == ""
    assert wrong in result.stderr and right in result.stderr
    assert "Traceback" not in result.stderr


def test_unknown_command_suggests_the_closest(run) -> None:
    result = run("narativs")
    assert result.exit_code == 2
    assert "narratives" in result.stderr


def test_json_ids_are_the_same_in_both_languages(run) -> None:
    for kind in ("narratives", "lessons", "cases"):
        nl = [e["id"] for e in run.json(kind, "--lang", "nl")[kind]]
        en = [e["id"] for e in run.json(kind, "--lang", "en")[kind]]
        assert nl == en and nl


def test_json_of_one_entry(run) -> None:
    data = run.json("narratives", "niet-gehoord")
    assert data["lang"] == "nl"
    narrative = data["narrative"]
    assert narrative["id"] == "niet-gehoord"
    assert narrative["asks_of_you"]["frontline"]
    assert narrative["sources"][0]["url"].startswith("http")


@pytest.mark.parametrize("command", [[], ["personal"], ["about"], ["contact"], ["cases", "gilze-azc"]])
def test_json_documents_parse(run, command) -> None:
    data = run.json(*command)
    assert data["lang"] == "nl"


def test_contact_shows_email_and_phone(run) -> None:
    for lang in ("nl", "en"):
        out = run("contact", "--lang", lang).stdout
        assert "ESS@minszw.nl" in out
        assert "(070) 333 4555" in out
    assert run.json("contact")["contacts"][0]["phone"] == "(070) 333 4555"


def test_plain_has_no_box_drawing_or_colour(run) -> None:
    for command in ([], ["narratives", "niet-gehoord"], ["contact"], ["personal"], ["about"]):
        out = run(*command, "--plain").stdout
        assert not BOX.search(out)
        assert not ANSI.search(out)
        assert "\u2022" not in out


def test_colour_only_when_forced_and_never_with_no_color(run) -> None:
    forced = run("narratives", env={"FORCE_COLOR": "1"}).stdout
    assert ANSI.search(forced)
    assert not ANSI.search(run("narratives", env={"FORCE_COLOR": "1", "NO_COLOR": "1"}).stdout)
    assert not ANSI.search(run("narratives", env={"FORCE_COLOR": "1", "TERM": "dumb"}).stdout)
    assert not ANSI.search(run("narratives", "--plain", env={"FORCE_COLOR": "1"}).stdout)


def test_lines_fit_80_columns_and_have_no_trailing_spaces(run) -> None:
    for command in (["narratives", "onzichtbare-burger"], ["lessons", "vroeg-betrekken"], ["personal"]):
        for line in run(*command).stdout.splitlines():
            assert line == line.rstrip()
            if "://" not in line:  # web addresses are never broken
                assert len(line) <= 80, line


def test_version(run) -> None:
    result = run("--version")
    assert result.exit_code == 0
    assert result.stdout.startswith("infoblad ")


def test_missing_content_dir_is_a_usage_error(run, tmp_path) -> None:
    result = run("narratives", "--content-dir", str(tmp_path / "nope"))
    assert result.exit_code == 2
    result = run("narratives", env={"INFOBLAD_CONTENT_DIR": str(tmp_path / "nope")})
    assert result.exit_code == 2
    assert "nope" in result.stderr


def test_help_of_every_command(run) -> None:
    for command in ([], *([c] for c in READING)):
        result = run(*command, "--help")
        assert result.exit_code == 0
        assert "--lang" in result.stdout


def test_only_the_command_that_runs_is_built(monkeypatch) -> None:
    import sys

    from infoblad_cli.cli import _app_for, app

    def names(a):  # type: ignore[no-untyped-def]
        return [c.name for c in a.registered_commands]

    assert names(_app_for(["narratives", "niet-gehoord"])) == ["narratives"]
    assert "infoblad_cli.commands.reading" in sys.modules
    assert names(_app_for(["--lang", "en", "--plain", "lessons"])) == ["lessons"]
    assert names(_app_for(["--content-dir", "narratives", "contact"])) == ["contact"]
    assert _app_for(["--help"]) is app
    assert _app_for(["narativs"]) is app  # a typo needs every name to suggest one
    assert names(_app_for([])) == []  # the home screen needs no command at all
    assert names(_app_for(["--lang", "en", "--json"])) == []
    assert _app_for(["--lang", "en", "-h"]) is app
    monkeypatch.setenv("_INFOBLAD_COMPLETE", "complete_bash")
    assert _app_for(["narratives"]) is app


def main_raising(monkeypatch, error: BaseException, *argv: str) -> SystemExit:  # type: ignore[no-untyped-def]
    """Run cli.main() with an app that raises ``error``; return the SystemExit it ends with."""
    from infoblad_cli import cli

    def failing_app(args):  # type: ignore[no-untyped-def]
        def run(**kwargs):  # type: ignore[no-untyped-def]
            raise error

        return run

    monkeypatch.setattr(cli, "_app_for", failing_app)
    monkeypatch.setattr(cli.sys, "argv", ["infoblad", *argv])
    with pytest.raises(SystemExit) as info:
        cli.main()
    return info.value


def test_an_internal_error_is_a_plain_message_unless_debugging(monkeypatch, capsys) -> None:
    assert main_raising(monkeypatch, RuntimeError("boom"), "narratives").code == 1
    err = capsys.readouterr().err
    assert "interne fout" in err and "INFOBLAD_DEBUG=1" in err and "Traceback" not in err
    monkeypatch.setenv("INFOBLAD_DEBUG", "1")
    with pytest.raises(RuntimeError):
        main_raising(monkeypatch, RuntimeError("boom"), "narratives")


def test_ctrl_c_outside_the_quiz_exits_130(monkeypatch) -> None:
    assert main_raising(monkeypatch, KeyboardInterrupt(), "validate").code == 130


def test_a_language_folder_given_as_a_pack_is_a_usage_error(run) -> None:
    from pathlib import Path

    lang_folder = Path(__file__).resolve().parent / "data" / "packs" / "two-broken-entries" / "nl"
    for args in (["validate", str(lang_folder)], ["narratives", "--content-dir", str(lang_folder)]):
        result = run(*args)
        assert result.exit_code == 2
        assert "two-broken-entries" in result.stderr and "taalmappen" in result.stderr
        result = run(*args, env={"INFOBLAD_LANG": "en"})
        assert result.exit_code == 2
        assert "two-broken-entries" in result.stderr and "language folders" in result.stderr


def test_ids_are_found_whatever_their_case(run) -> None:
    assert run("narratives", "NIET-GEHOORD").exit_code == 0


def test_content_dir_expands_the_home_folder(run, tmp_path, monkeypatch) -> None:
    import shutil
    from pathlib import Path

    home = tmp_path / "home"
    shutil.copytree(Path(__file__).resolve().parent.parent / "examples" / "voorbeeldpack", home / "pack")
    monkeypatch.setenv("HOME", str(home))
    monkeypatch.setenv("USERPROFILE", str(home))
    assert "Voorbeeldstad" in run("contact", "--content-dir", "~/pack").stdout
    assert "Voorbeeldstad" in run("contact", env={"INFOBLAD_CONTENT_DIR": "~/pack"}).stdout


def test_validate_is_not_stopped_by_a_bad_infoblad_lang(run) -> None:
    assert run("validate", env={"INFOBLAD_LANG": "de"}).exit_code == 0


def test_errors_speak_the_language_of_the_run_and_name_the_pack(run) -> None:
    from pathlib import Path

    assert run("narratives", "nope").stderr.startswith("Fout:")
    assert run("narratives", "nope", "--lang", "en").stderr.startswith("Error:")
    pack = Path(__file__).resolve().parent / "data" / "packs" / "duplicate-key"
    result = run("narratives", "--content-dir", str(pack))  # the pack is Dutch only
    assert result.exit_code == 1
    assert f"infoblad validate {pack}" in " ".join(result.stderr.split())


def test_plain_errors_have_no_colour_even_when_forced(run) -> None:
    forced = run("narratives", "nope", env={"FORCE_COLOR": "1"})
    assert "\x1b[" in forced.stderr
    plain = run("narratives", "nope", "--plain", env={"FORCE_COLOR": "1"})
    assert "\x1b[" not in plain.stderr
