# SPDX-FileCopyrightText: 2026 The infoblad team
# SPDX-License-Identifier: EUPL-1.2
"""Help, usage errors and command names in the run's language (issue 14)."""

from __future__ import annotations

from typing import Any

import pytest

from infoblad_cli.cli import app
from infoblad_cli.help_i18n import scan_lang
from infoblad_cli.layout import two_columns
from infoblad_cli.names import DUTCH, ENGLISH, canonical, shown

COMMANDS = [command.name for command in app.registered_commands]


def test_top_help_is_dutch_by_default_and_lists_the_dutch_names(run: Any) -> None:
    out = run("--help").stdout
    assert out.startswith("Gebruik: infoblad [OPTIES] COMMANDO")
    assert "Opties:" in out and "Commando's:" in out
    assert "Toon deze hulp en stop." in out
    for english in ("narratives", "lessons", "cases", "personal", "about", "history", "search", "export"):
        assert f"  {DUTCH[english]} " in out
        assert f"  {english} " not in out
    assert "Usage" not in out and "Show this message" not in out


@pytest.mark.parametrize(
    ("args", "env"),
    [
        (("--help", "--lang", "en"), {}),
        (("--lang", "en", "--help"), {}),
        (("--help",), {"INFOBLAD_LANG": "en"}),
        (("-len", "--help"), {}),
        (("--lang=en", "--help"), {}),
    ],
)
def test_top_help_in_english(run: Any, args: tuple[str, ...], env: dict[str, str]) -> None:
    out = run(*args, env=env).stdout
    assert out.startswith("Usage: infoblad [OPTIONS] COMMAND")
    assert "Show this message and exit." in out
    for english in ("narratives", "lessons", "cases", "personal", "about"):
        assert f"  {english} " in out
    assert "verhalen" not in out


def test_each_command_is_listed_once(run: Any) -> None:
    for lang in ("nl", "en"):
        listed = run("--help", "--lang", lang).stdout.split(":\n")[-1].split("\n")
        names = [line.split()[0] for line in listed if line.startswith("  ") and line.strip()]
        assert len(names) == len(set(names)), names
        assert len(names) == len({canonical(name) for name in names})


def test_lang_after_the_command_counts_for_its_help(run: Any) -> None:
    dutch = run("narratives", "--help").stdout
    english = run("narratives", "--help", "--lang", "en").stdout
    assert "Verhalen van burgers" in dutch and "Taal: nl (standaard) of en." in dutch
    assert "The narratives of citizens" in english and "Language: nl (default) or en." in english
    assert run("narratives", "--help", "--lang", "nl", env={"INFOBLAD_LANG": "en"}).stdout == dutch


@pytest.mark.parametrize("name", COMMANDS)
def test_every_command_has_help_in_both_languages(run: Any, name: str) -> None:
    dutch = run(shown(name, "nl"), "--help")
    english = run(name, "--help", env={"INFOBLAD_LANG": "en"})
    assert dutch.exit_code == english.exit_code == 0
    assert dutch.stdout.startswith(f"Gebruik: infoblad {shown(name, 'nl')}")
    assert english.stdout.startswith(f"Usage: infoblad {name}")
    assert dutch.stdout != english.stdout


def test_dutch_names_run_the_same_commands(run: Any) -> None:
    for english, dutch in DUTCH.items():
        if english not in COMMANDS:
            continue  # reserved for a command that another change adds
        if english in ("quiz", "history", "validate", "export", "search"):
            continue  # these act or need arguments; their help is checked above
        assert run(dutch).stdout == run(english).stdout
    assert run("verhalen", "niet-gehoord").stdout == run("narratives", "niet-gehoord").stdout
    assert run("--lang", "en", "zoek", "trust").stdout == run("--lang", "en", "search", "trust").stdout


def test_name_table_is_one_to_one() -> None:
    assert len(set(DUTCH.values())) == len(DUTCH)
    assert not set(ENGLISH) & (set(DUTCH) - {"tip"})  # no Dutch name is another English name
    assert canonical("verhalen") == "narratives" and canonical("narratives") == "narratives"
    assert shown("narratives", "nl") == "verhalen" and shown("narratives", "en") == "narratives"
    assert shown("contact", "nl") == "contact"


def test_only_the_command_that_runs_is_built_for_dutch_names() -> None:
    from infoblad_cli.cli import _app_for

    assert [c.name for c in _app_for(["verhalen", "niet-gehoord"]).registered_commands] == ["narratives"]


@pytest.mark.parametrize(
    ("args", "dutch", "english"),
    [
        (
            ("narratives", "--jsn"),
            "De optie '--jsn' bestaat niet. Bedoel je: --json?",
            "There is no option '--jsn'.",
        ),
        (("search",), "TEKST... ontbreekt.", "TEXT... is missing."),
        (("narratives", "a", "b"), "Er is meer opgegeven dan dit commando verwacht: b", "More was given"),
        (
            ("--lang", "xx"),
            "'xx' is geen keuze. Kies uit: nl, en.",
            "'xx' is not a choice. Choose from: nl, en.",
        ),
        (("quiz", "--count", "x"), "'x' is geen geheel getal.", "'x' is not a whole number."),
        (("quiz", "--seed", "-1"), "-1 moet tussen 0 en 2147483647 liggen.", "-1 must be between 0 and"),
        (
            ("narratives", "--lang"),
            "De optie '--lang' heeft een waarde nodig.",
            "The option '--lang' needs a value.",
        ),
        (
            ("export", "--format", "pdf"),
            "'pdf' is geen keuze. Kies uit: md, html, json.",
            "'pdf' is not a choice.",
        ),
    ],
)
def test_usage_errors_in_the_run_language(run: Any, args: tuple[str, ...], dutch: str, english: str) -> None:
    result = run(*args, env={"COLUMNS": "200"})
    assert result.exit_code == 2
    assert result.stderr.startswith("Fout: ") and dutch in result.stderr, result.stderr
    assert "Usage" not in result.stderr and "Error" not in result.stderr
    result = run(*args, env={"INFOBLAD_LANG": "en", "COLUMNS": "200"})
    assert result.exit_code == 2
    assert result.stderr.startswith("Error: ") and english in result.stderr, result.stderr


def test_usage_error_shows_the_usage_and_where_to_find_help(run: Any) -> None:
    result = run("verhalen", "--foo")
    assert result.stderr.splitlines()[1:] == [
        "Gebruik: infoblad verhalen [OPTIES] [ID]",
        "Meer hulp: infoblad verhalen --help",
    ]
    result = run("narratives", "--foo", "--lang", "en")  # --lang after the bad option still counts
    assert "Usage: infoblad narratives [OPTIONS] [ID]" in result.stderr


@pytest.mark.parametrize(
    ("typo", "meant"), [("verhaaln", "verhalen"), ("narativs", "narratives"), ("zoeken", "zoek")]
)
def test_unknown_command_suggests_names_in_both_languages(run: Any, typo: str, meant: str) -> None:
    result = run(typo)
    assert result.exit_code == 2
    assert f"Het commando '{typo}' bestaat niet." in result.stderr
    assert f"Bedoel je: {meant}" in result.stderr


def test_completion_knows_both_names() -> None:
    import typer

    group = typer.main.get_command(app)
    ctx = group.make_context("infoblad", [], resilient_parsing=True)
    values = [item.value for item in group.shell_complete(ctx, "")]
    for english, dutch in DUTCH.items():
        if english in COMMANDS:
            assert english in values and dutch in values
    assert [item.value for item in group.shell_complete(ctx, "ver")] == ["verhalen"]
    assert sorted(item.value for item in group.shell_complete(ctx, "ex")) == ["export", "exporteer"]


def test_scan_lang(monkeypatch: pytest.MonkeyPatch) -> None:
    assert scan_lang([]) == "nl"
    assert scan_lang(["narratives", "--lang", "en"]) == "en"
    assert scan_lang(["-l", "EN"]) == "en"
    assert scan_lang(["--lang=en", "--lang", "nl"]) == "nl"  # the last one wins, as in Click
    assert scan_lang(["--", "--lang", "en"]) == "nl"
    assert scan_lang(["--lang", "xx"]) == "nl"
    monkeypatch.setenv("INFOBLAD_LANG", "en")
    assert scan_lang([]) == "en"
    assert scan_lang(["--lang", "nl"]) == "nl"


def test_two_columns_side_by_side_or_stacked() -> None:
    rows = [("infoblad verhalen", "vijf verhalen van burgers met weinig vertrouwen")]
    wide = two_columns(rows, 80)
    assert wide == ["  infoblad verhalen  vijf verhalen van burgers met weinig vertrouwen"]
    narrow = two_columns(rows, 30)
    assert narrow[0] == "  infoblad verhalen"
    assert all(len(line) <= 30 for line in narrow)
    assert (
        " ".join(" ".join(narrow).split())
        == "infoblad verhalen vijf verhalen van burgers met weinig vertrouwen"
    )
