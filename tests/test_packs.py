# SPDX-FileCopyrightText: 2026 The infoblad team
# SPDX-License-Identifier: EUPL-1.2
"""Content packs: every broken pack is refused with a clear, located message; valid packs layer.

The packs live in tests/data/packs/<case>/ (one folder per case). The oversized file is not
checked in: it is written into a temporary folder by the test that needs it.
"""

from __future__ import annotations

import json
import os
import re
from pathlib import Path
from typing import Any, NamedTuple

import pytest

ROOT = Path(__file__).resolve().parent.parent
PACKS = Path(__file__).resolve().parent / "data" / "packs"
VOORBEELDPACK = ROOT / "examples" / "voorbeeldpack"


def flat(text: str) -> str:
    """The text with every run of whitespace made one space: wrapping does not split phrases."""
    return " ".join(text.split())


def pack(name: str) -> Path:
    return PACKS / name


class Broken(NamedTuple):
    """A broken pack and what validate must say about its (first) problem."""

    name: str
    file: str  # relative to the pack
    line: int | None
    entry: str | None
    field: str | None
    phrase: str  # the key phrase of the message
    entry_line: int | None = None  # for a reference: the entry's line is fine too


BROKEN = [
    Broken("alias-bomb", "nl/narratives.yaml", 2, None, None, "an anchor (&a) is not allowed"),
    Broken(
        "duplicate-key",
        "nl/narratives.yaml",
        6,
        None,
        None,
        "the key 'title' appears twice (first on line 4)",
    ),
    Broken("wrong-type", "nl/narratives.yaml", 10, "verkeerd-type", "voices", "expected a list, found text"),
    Broken("missing-field", "nl/narratives.yaml", 3, "veld-ontbreekt", "how_it_grows", "missing field"),
    Broken(
        "dangling-reference",
        "nl/narratives.yaml",
        15,
        "losse-verwijzing",
        "lessons",
        "refers to 'bestaat-niet', which does not exist in lessons",
        entry_line=3,
    ),
    Broken("bad-id", "nl/narratives.yaml", 3, "Niet Gehoord", "id", "'Niet Gehoord' is not a valid ID"),
    Broken("unknown-field", "nl/narratives.yaml", 4, "tikfout", "titel", "did you mean 'title'"),
    Broken("non-utf8", "nl/narratives.yaml", 5, None, None, "not UTF-8"),
    Broken(
        "two-broken-entries", "nl/narratives.yaml", 3, "eerste-kapot", "summary", "missing field: summary"
    ),
]
BROKEN_IDS = [case.name for case in BROKEN]


def find_problem(report: dict[str, Any], case: Broken) -> dict[str, Any]:
    """The error in a validate --json report that belongs to this case."""
    file = str(pack(case.name) / case.file)
    for problem in report["problems"]:
        if (
            problem["severity"] == "error"
            and problem["file"] == file
            and case.phrase in problem["message"]
            and problem["entry"] == case.entry
        ):
            return problem
    raise AssertionError(f"no error for {case.name} in {json.dumps(report['problems'], indent=2)}")


# ---------------------------------------------------------------- broken packs: validate


def test_every_pack_folder_has_a_test() -> None:
    """A new folder in tests/data/packs needs a case here (or in the valid packs below)."""
    valid = {"markup-injection", "replace-and-add", "stray-file", "only-dutch"}
    assert {p.name for p in PACKS.iterdir() if p.is_dir()} == set(BROKEN_IDS) | valid


@pytest.mark.parametrize("case", BROKEN, ids=BROKEN_IDS)
def test_validate_names_file_entry_field_line_and_message(run: Any, case: Broken) -> None:
    result = run("validate", "--lang", "en", str(pack(case.name)))
    assert result.exit_code == 1, result.stdout
    out = flat(result.stdout)
    assert case.phrase in out
    assert "ERROR" in result.stdout
    file = str(pack(case.name) / case.file)
    assert file in result.stdout
    if case.entry:
        assert f"entry '{case.entry}'" in result.stdout
    if case.field:
        assert f"field '{case.field}'" in result.stdout
    # The line last: a missing line number should not hide the checks above.
    lines = {case.line, case.entry_line} - {None}
    assert any(re.search(re.escape(f"{file}:{line}") + r"(?!\d)", result.stdout) for line in lines), (
        f"no line number for {file}"
    )
    assert "Traceback" not in result.stdout + result.stderr


@pytest.mark.parametrize("case", BROKEN, ids=BROKEN_IDS)
def test_validate_json_lists_the_problem_with_its_place(run: Any, case: Broken) -> None:
    result = run("validate", "--lang", "en", str(pack(case.name)), "--json")
    assert result.exit_code == 1
    report = json.loads(result.stdout)
    assert report["ok"] is False
    assert report["errors"] >= 1
    problem = find_problem(report, case)
    assert set(problem) >= {"severity", "file", "line", "entry", "field", "message", "expected"}
    assert problem["severity"] == "error"
    assert problem["field"] == case.field
    assert problem["line"] in {case.line, case.entry_line} - {None}


@pytest.mark.parametrize(
    "command", [("narratives",), ("narratives", "niet-gehoord"), ("contact",), ("quiz",)]
)
@pytest.mark.parametrize("case", BROKEN, ids=BROKEN_IDS)
def test_reading_command_with_a_broken_pack_exits_1_with_the_problem_on_stderr(
    run: Any, case: Broken, command: tuple[str, ...]
) -> None:
    result = run(
        *command,
        "--content-dir",
        str(pack(case.name)),
        "--lang",
        "nl",  # the broken packs are Dutch: an English run does not read them
        "--no-save" if command[0] == "quiz" else "--plain",
    )
    assert result.exit_code == 1, result.stdout
    err = flat(result.stderr)
    assert err.startswith(("Fout:", "Error:"))
    assert str(pack(case.name) / case.file) in result.stderr
    assert "infoblad validate" in err  # what to do next
    assert result.stdout == ""
    assert "Traceback" not in result.stderr


def test_reading_command_names_the_first_problem_of_each_kind(run: Any) -> None:
    """The stderr message says what is wrong, not only where: in Dutch, the default language."""
    expected = {
        "alias-bomb": "een anker (&a) mag niet",
        "duplicate-key": "staat er twee keer (eerst op regel 4)",
        "wrong-type": "hier hoort tekst, maar er staat een lijst",
        "missing-field": "dit veld ontbreekt: how_it_grows",
        "dangling-reference": "bestaat niet in lessons",
        "bad-id": "is geen geldige ID",
        "unknown-field": "bedoel je 'title'",
        "non-utf8": "is geen UTF-8",
        "two-broken-entries": "dit veld ontbreekt: summary",
    }
    for name, phrase in expected.items():
        result = run("narratives", "--content-dir", str(pack(name)), "--lang", "nl")
        assert result.exit_code == 1, name
        assert phrase in flat(result.stderr), (name, result.stderr)


def test_more_problems_than_one_are_counted_on_stderr(run: Any) -> None:
    result = run("narratives", "--content-dir", str(pack("two-broken-entries")), "--lang", "nl")
    assert result.exit_code == 1
    assert "(en nog 1 probleem)" in result.stderr


def test_validate_reads_the_pack_from_the_environment(run: Any, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("INFOBLAD_CONTENT_DIR", str(pack("bad-id")))
    result = run("validate", "--lang", "en")
    assert result.exit_code == 1
    assert "is not a valid ID" in flat(result.stdout)


def test_validate_checks_several_packs_at_once(run: Any) -> None:
    report = json.loads(
        run("validate", "--lang", "en", str(pack("bad-id")), str(pack("missing-field")), "--json").stdout
    )
    files = {p["file"] for p in report["problems"] if p["severity"] == "error"}
    assert str(pack("bad-id") / "nl" / "narratives.yaml") in files
    assert str(pack("missing-field") / "nl" / "narratives.yaml") in files


# ---------------------------------------------------------------- specific broken packs


def test_alias_bomb_is_refused_at_its_first_anchor(run: Any) -> None:
    """Refused where the first anchor stands (line 2), so nothing was ever expanded: no clock needed."""
    for command in (
        ("validate", str(pack("alias-bomb"))),
        ("narratives", "--content-dir", str(pack("alias-bomb"))),
    ):
        result = run(*command)
        assert result.exit_code == 1
        out = result.stdout + result.stderr
        assert "anker" in out
        assert "narratives.yaml:2" in flat(out).replace(" ", "")


def test_alias_bomb_in_a_separate_process_no_hang_no_traceback() -> None:
    import subprocess
    import sys

    done = subprocess.run(  # the timeout only stops a hang; the test asserts no speed
        [sys.executable, "-m", "infoblad_cli", "narratives", "--content-dir", str(pack("alias-bomb"))],
        capture_output=True,
        timeout=300,
    )
    assert done.returncode == 1
    stderr = done.stderr.decode("utf-8", "replace")
    assert "anker" in stderr and "Traceback" not in stderr


def test_dangling_quiz_option_is_reported_with_its_question_and_option(run: Any) -> None:
    report = json.loads(run("validate", "--lang", "en", str(pack("dangling-reference")), "--json").stdout)
    [problem] = [p for p in report["problems"] if "ontbrekende-les" in p["message"]]
    assert problem["severity"] == "error"
    assert problem["file"] == str(pack("dangling-reference") / "nl" / "quiz.yaml")
    assert problem["entry"] == "losse-link-vraag"
    assert problem["field"] == "options[1].lesson"
    assert "does not exist in lessons" in problem["message"]


def test_dangling_reference_keeps_the_ids_that_do_exist(run: Any) -> None:
    """'vroeg-betrekken' exists: only 'bestaat-niet' is a problem."""
    report = json.loads(run("validate", "--lang", "en", str(pack("dangling-reference")), "--json").stdout)
    messages = " ".join(p["message"] for p in report["problems"])
    assert "bestaat-niet" in messages
    assert "'vroeg-betrekken'" not in messages


def test_wrong_type_reports_both_fields(run: Any) -> None:
    report = json.loads(run("validate", "--lang", "en", str(pack("wrong-type")), "--json").stdout)
    fields = {p["field"]: p for p in report["problems"] if p["severity"] == "error"}
    assert "expected text, found a list" in fields["title"]["message"]
    assert fields["title"]["line"] == 4
    assert "expected a list, found text" in fields["voices"]["message"]


def test_unknown_field_shows_the_suggestion_and_the_missing_field(run: Any) -> None:
    out = flat(run("validate", "--lang", "en", str(pack("unknown-field"))).stdout)
    assert "unknown field 'titel'; did you mean 'title'?" in out
    assert "missing field: title" in out


def test_non_utf8_names_the_byte_and_the_fix(run: Any) -> None:
    out = flat(run("validate", "--lang", "en", str(pack("non-utf8"))).stdout)
    assert "byte 0xe9" in out
    assert "UTF-8" in out and "save the file" in out


def test_two_broken_entries_are_both_reported(run: Any) -> None:
    result = run("validate", "--lang", "en", str(pack("two-broken-entries")))
    assert result.exit_code == 1
    out = flat(result.stdout)
    assert "entry 'eerste-kapot'" in out and "missing field: summary" in out
    assert "entry 'tweede-kapot'" in out and "is not a web address" in out
    assert "2 problems to fix" in out
    report = json.loads(run("validate", "--lang", "en", str(pack("two-broken-entries")), "--json").stdout)
    errors = [p for p in report["problems"] if p["severity"] == "error"]
    assert report["errors"] == 2
    assert {p["entry"] for p in errors} == {"eerste-kapot", "tweede-kapot"}
    second = next(p for p in errors if p["entry"] == "tweede-kapot")
    assert second["field"] == "sources[1].url"
    assert second["line"] == 31


@pytest.fixture(scope="module")
def oversized_pack(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """A pack whose narratives.yaml is just over the size limit (never checked in)."""
    from infoblad_cli import fileio

    root = tmp_path_factory.mktemp("oversized")
    (root / "nl").mkdir()
    line = b"# " + b"x" * 1021 + b"\n"  # 1 KiB per line
    with (root / "nl" / "narratives.yaml").open("wb") as handle:
        handle.write(b"narratives:\n")
        for _ in range(fileio.MAX_FILE_BYTES // len(line) + 1):
            handle.write(line)
    assert (root / "nl" / "narratives.yaml").stat().st_size > fileio.MAX_FILE_BYTES
    return root


def test_oversized_file_is_refused_before_it_is_parsed(
    run: Any, oversized_pack: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    from infoblad_cli import yamlsafe

    file = str(oversized_pack / "nl" / "narratives.yaml")
    parsed: list[str] = []
    real = yamlsafe.parse_text

    def spy(text: str, name: str, *more: Any) -> Any:
        parsed.append(name)
        return real(text, name, *more)

    monkeypatch.setattr(yamlsafe, "parse_text", spy)
    result = run("validate", "--lang", "en", str(oversized_pack))
    assert parsed, "the spy saw no file: the test would prove nothing"
    assert file not in parsed  # refused on its size, before the parser saw a byte of it
    assert result.exit_code == 1
    out = flat(result.stdout)
    assert "too large" in out and file in out
    report = json.loads(run("validate", "--lang", "en", str(oversized_pack), "--json").stdout)
    [problem] = [p for p in report["problems"] if p["severity"] == "error"]
    assert problem["file"] == file and "too large" in problem["message"]
    reading = run("narratives", "--content-dir", str(oversized_pack))
    assert reading.exit_code == 1
    assert "te groot" in flat(reading.stderr) and "Traceback" not in reading.stderr


def test_oversized_file_with_a_small_limit(run: Any, tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """The same refusal with a lowered limit: the limit is read when the file is read."""
    from infoblad_cli import fileio

    root = tmp_path / "pack"
    (root / "nl").mkdir(parents=True)
    text = (pack("replace-and-add") / "nl" / "contact.yaml").read_text(encoding="utf-8")
    (root / "nl" / "contact.yaml").write_text(text + "# " + "x" * 100_000 + "\n", encoding="utf-8")
    biggest = max(p.stat().st_size for p in (ROOT / "content").rglob("*.yaml"))
    monkeypatch.setattr(fileio, "MAX_FILE_BYTES", max(biggest + 1, 90_000))
    result = run("contact", "--content-dir", str(root))
    assert result.exit_code == 1
    assert "te groot" in flat(result.stderr)


def test_missing_pack_folder_is_a_usage_error(run: Any, tmp_path: Path) -> None:
    result = run("validate", "--lang", "en", str(tmp_path / "does-not-exist"))
    assert result.exit_code == 2
    result = run("narratives", "--content-dir", str(tmp_path / "does-not-exist"))
    assert result.exit_code == 2
    assert "Traceback" not in result.stderr


# ---------------------------------------------------------------- valid packs


def test_voorbeeldpack_is_valid(run: Any) -> None:
    result = run("validate", "--lang", "en", str(VOORBEELDPACK))
    assert result.exit_code == 0, result.stdout
    report = json.loads(run("validate", "--lang", "en", str(VOORBEELDPACK), "--json").stdout)
    assert report["ok"] is True and report["errors"] == 0


@pytest.mark.parametrize("name", ["replace-and-add", "markup-injection"])
def test_valid_pack_passes_without_warnings(run: Any, name: str) -> None:
    result = run("validate", "--lang", "en", str(pack(name)))
    assert result.exit_code == 0, result.stdout
    assert "All content is valid" in flat(result.stdout)
    report = json.loads(run("validate", "--lang", "en", str(pack(name)), "--json").stdout)
    assert report["ok"] is True
    assert report["errors"] == 0 and report["warnings"] == 0, report["problems"]


@pytest.mark.parametrize(
    ("lang", "title", "builtin_title"),
    [("nl", "Niet gehoord in Voorbeeldstad", "Niet gehoord worden"), ("en", "Not heard in Sampletown", None)],
)
def test_pack_replaces_a_builtin_narrative(
    run: Any, lang: str, title: str, builtin_title: str | None
) -> None:
    result = run("narratives", "niet-gehoord", "--lang", lang, "--content-dir", str(pack("replace-and-add")))
    assert result.exit_code == 0, result.stderr
    assert title in result.stdout
    if builtin_title:
        assert builtin_title not in result.stdout
    assert "infoblad lessons buurtkoffie" in result.stdout  # the narrative links to the new lesson
    data = run.json(
        "narratives", "niet-gehoord", "--lang", lang, "--content-dir", str(pack("replace-and-add"))
    )
    assert data["narrative"]["title"] == title
    assert data["narrative"]["lessons"] == ["vroeg-betrekken", "buurtkoffie"]
    listing = run.json("narratives", "--lang", lang, "--content-dir", str(pack("replace-and-add")))
    ids = [n["id"] for n in listing["narratives"]]
    assert ids.count("niet-gehoord") == 1 and len(ids) == 5


@pytest.mark.parametrize("lang", ["nl", "en"])
def test_pack_adds_a_lesson(run: Any, lang: str) -> None:
    args = ("--lang", lang, "--content-dir", str(pack("replace-and-add")))
    result = run("lessons", *args)
    assert result.exit_code == 0
    assert "infoblad lessons buurtkoffie" in result.stdout
    detail = run("lessons", "buurtkoffie", *args)
    assert detail.exit_code == 0
    assert (
        "Drink koffie in de buurt" if lang == "nl" else "Have coffee in the neighbourhood"
    ) in detail.stdout
    assert "infoblad narratives niet-gehoord" in detail.stdout
    without = run("lessons", "buurtkoffie", "--lang", lang)
    assert without.exit_code == 2  # the lesson exists only with the pack


@pytest.mark.parametrize("lang", ["nl", "en"])
def test_local_contact_comes_after_the_ess(run: Any, lang: str) -> None:
    args = ("--lang", lang, "--content-dir", str(pack("replace-and-add")))
    result = run("contact", *args)
    assert result.exit_code == 0
    out = result.stdout
    local = "Wijkteam Voorbeeldstad" if lang == "nl" else "Sampletown neighbourhood team"
    assert "ESS@minszw.nl" in out and local in out
    assert out.index("ESS@minszw.nl") < out.index(local)
    data = run.json("contact", *args)
    assert [c["id"] for c in data["contacts"]] == ["ess", "voorbeeldstad-wijkteam"]


def second_layer(tmp_path: Path, title: str) -> Path:
    """A second pack that replaces niet-gehoord again, with another title."""
    root = tmp_path / "second"
    for lang in ("nl", "en"):
        source = (pack("replace-and-add") / lang / "narratives.yaml").read_text(encoding="utf-8")
        old = "Niet gehoord in Voorbeeldstad" if lang == "nl" else "Not heard in Sampletown"
        assert old in source
        (root / lang).mkdir(parents=True)
        (root / lang / "narratives.yaml").write_text(source.replace(old, f"{title} {lang}"), encoding="utf-8")
    return root


def test_packs_are_layered_in_order(run: Any, tmp_path: Path) -> None:
    first, second = pack("replace-and-add"), second_layer(tmp_path, "Tweede laag")
    later_wins = run.json(
        "narratives", "niet-gehoord", "--content-dir", str(first), "--content-dir", str(second)
    )
    assert later_wins["narrative"]["title"] == "Tweede laag nl"
    reversed_ = run.json(
        "narratives", "niet-gehoord", "--content-dir", str(second), "--content-dir", str(first)
    )
    assert reversed_["narrative"]["title"] == "Niet gehoord in Voorbeeldstad"
    # What the first pack adds survives the second layer.
    lessons = run.json("lessons", "--content-dir", str(first), "--content-dir", str(second))
    assert "buurtkoffie" in [lesson["id"] for lesson in lessons["lessons"]]
    assert run("validate", "--lang", "en", str(first), str(second)).exit_code == 0


def test_content_dir_from_the_environment_with_two_folders(
    run: Any, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    first, second = pack("replace-and-add"), second_layer(tmp_path, "Uit de omgeving")
    monkeypatch.setenv("INFOBLAD_CONTENT_DIR", os.pathsep.join([str(first), str(second)]))
    data = run.json("narratives", "niet-gehoord", "--lang", "en")
    assert data["narrative"]["title"] == "Uit de omgeving en"
    contacts = run.json("contact")
    assert [c["id"] for c in contacts["contacts"]] == ["ess", "voorbeeldstad-wijkteam"]
    assert run("validate", "--lang", "en").exit_code == 0


def test_two_packs_with_local_contacts_add_both(run: Any) -> None:
    data = run.json(
        "contact", "--content-dir", str(pack("replace-and-add")), "--content-dir", str(VOORBEELDPACK)
    )
    assert [c["id"] for c in data["contacts"]] == [
        "ess",
        "voorbeeldstad-wijkteam",
        "voorbeeldstad-samenleven",
    ]


def test_stray_file_is_a_warning_not_an_error(run: Any) -> None:
    result = run("validate", "--lang", "en", str(pack("stray-file")))
    assert result.exit_code == 0, result.stdout
    out = flat(result.stdout)
    assert "WARNING" in out
    assert str(pack("stray-file") / "nl" / "narratieven.yaml") in out
    assert "is not read" in out and "did you mean 'narratives.yaml'?" in out
    report = json.loads(run("validate", "--lang", "en", str(pack("stray-file")), "--json").stdout)
    assert report["ok"] is True and report["warnings"] == 1
    [problem] = report["problems"]
    assert problem["severity"] == "warning"
    assert problem["file"].endswith("narratieven.yaml")
    # Reading commands work; the misnamed file is not read.
    reading = run.json("narratives", "--content-dir", str(pack("stray-file")))
    assert "verkeerde-naam" not in [n["id"] for n in reading["narratives"]]


def test_only_dutch_passes_with_a_warning(run: Any) -> None:
    result = run("validate", "--lang", "en", str(pack("only-dutch")))
    assert result.exit_code == 0, result.stdout
    out = flat(result.stdout)
    assert "WARNING" in out and "buurtkamer-voorbeeldstad" in out
    assert "All content is valid" in out and "1 warning." in out
    report = json.loads(run("validate", "--lang", "en", str(pack("only-dutch")), "--json").stdout)
    assert report["ok"] is True and report["errors"] == 0 and report["warnings"] == 1
    assert report["problems"][0]["severity"] == "warning"
    nl = run("cases", "buurtkamer-voorbeeldstad", "--content-dir", str(pack("only-dutch")))
    assert nl.exit_code == 0 and "Voorbeeldstad" in nl.stdout
    # English runs show it too, marked, instead of losing it (tests/test_fallback.py has more).
    en = run.json("cases", "--lang", "en", "--content-dir", str(pack("only-dutch")))
    assert "buurtkamer-voorbeeldstad" in [c["id"] for c in en["cases"]]


# ---------------------------------------------------------------- everyday mistakes (written on the fly)


def _contact_text() -> str:
    return (pack("replace-and-add") / "nl" / "contact.yaml").read_text(encoding="utf-8")


def test_windows_line_endings_bom_and_an_odd_folder_name(run: Any, tmp_path: Path) -> None:
    """Notepad's UTF-8 with BOM and CRLF, in a folder with a space and an accent: all fine."""
    root = tmp_path / "Mijn pack é"
    (root / "nl").mkdir(parents=True)
    (root / "nl" / "contact.yaml").write_bytes(
        b"\xef\xbb\xbf" + _contact_text().replace("\n", "\r\n").encode()
    )
    assert run("validate", "--lang", "en", str(root)).exit_code == 0
    data = run.json("contact", "--content-dir", str(root))
    assert data["contacts"][1]["name"] == "Wijkteam Voorbeeldstad (testcontact)"
    assert data["contacts"][1]["phone"] == "(012) 345 0000"


def test_utf16_file_is_refused_as_not_utf8(run: Any, tmp_path: Path) -> None:
    """Notepad's 'Unicode' is UTF-16: a clear message, not a crash or garbage."""
    (tmp_path / "nl").mkdir()
    (tmp_path / "nl" / "contact.yaml").write_bytes(_contact_text().encode("utf-16"))
    result = run("validate", "--lang", "en", str(tmp_path))
    assert result.exit_code == 1
    assert "not UTF-8" in flat(result.stdout)
    assert f"{tmp_path / 'nl' / 'contact.yaml'}:1" in result.stdout


def test_tab_indentation_names_the_line(run: Any, tmp_path: Path) -> None:
    (tmp_path / "nl").mkdir()
    (tmp_path / "nl" / "contact.yaml").write_text(_contact_text().replace("    name:", "\tname:"), "utf-8")
    result = run("validate", "--lang", "en", str(tmp_path), "--json")
    assert result.exit_code == 1
    [problem] = json.loads(result.stdout)["problems"]
    assert problem["line"] == 4
    assert "not valid YAML" in problem["message"] and "tab" in problem["message"]


def test_yml_extension_is_a_warning_with_the_right_name(run: Any, tmp_path: Path) -> None:
    (tmp_path / "nl").mkdir()
    (tmp_path / "nl" / "contact.yml").write_text(_contact_text(), "utf-8")
    result = run("validate", "--lang", "en", str(tmp_path))
    assert result.exit_code == 0
    out = flat(result.stdout)
    assert "WARNING" in out and "contact.yml" in out and "did you mean 'contact.yaml'?" in out


def test_wrong_language_folder_is_a_warning(run: Any, tmp_path: Path) -> None:
    (tmp_path / "nl-NL").mkdir()
    (tmp_path / "nl-NL" / "contact.yaml").write_text(_contact_text(), "utf-8")
    report = json.loads(run("validate", "--lang", "en", str(tmp_path), "--json").stdout)
    assert report["ok"] is True
    messages = {p["message"] for p in report["problems"] if p["severity"] == "warning"}
    assert "this folder is not read" in messages
    assert "holds no content" in messages


ODD_VALUES = ["TODO", "", "{}", "[]", "[x]", "[{id: a}]", "{id: a}", "[[1]]"]
TOP_KEYS = {
    "narratives": ["narratives"],
    "lessons": ["lessons"],
    "cases": ["cases"],
    "contact": ["contacts"],
    "glossary": ["glossary"],
    "quiz": ["themes", "questions"],
    "personal": ["personal"],
    "about": ["about"],
}


@pytest.mark.parametrize("use_cache", [False, True], ids=["no-cache", "cache"])
@pytest.mark.parametrize("kind", sorted(TOP_KEYS))
def test_any_shape_under_a_top_key_is_a_problem_never_a_crash(
    tmp_path: Path, kind: str, use_cache: bool
) -> None:
    """Every odd value where a list or document belongs: problems, with or without the cache."""
    from infoblad_cli import content

    for index, value in enumerate(ODD_VALUES):
        pack = tmp_path / f"p{index}"
        (pack / "nl").mkdir(parents=True)
        body = "".join(f"{key}: {value}\n" for key in TOP_KEYS[kind])
        (pack / "nl" / f"{kind}.yaml").write_text(body, encoding="utf-8")
        for _ in range(2):  # the second run reads what the first one cached
            bundle, problems = content.build("nl", [pack], use_cache=use_cache)
            assert bundle is not None or problems
