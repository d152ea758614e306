# SPDX-FileCopyrightText: 2026 The infoblad team
# SPDX-License-Identifier: EUPL-1.2
"""The safe loader: every kind of bad YAML is a ContentError with a place, never a crash."""

from __future__ import annotations

from pathlib import Path

import pytest

from infoblad_cli import fileio
from infoblad_cli.errors import ContentError
from infoblad_cli.yamlsafe import load_file, parse_text


def problem(text: str) -> str:
    with pytest.raises(ContentError) as info:
        parse_text(text, "pack/nl/narratives.yaml")
    return info.value.problems[0].describe()


def test_scalars_stay_text_exactly_as_written() -> None:
    data = parse_text("a: no\nb: 0703334555\nc: 2022-12-19\nd: 1.0\ne: ~\nf: yes\n", "f.yaml")
    assert [data[k] for k in "abcdef"] == ["no", "0703334555", "2022-12-19", "1.0", "~", "yes"]


def test_phone_number_in_parentheses_survives() -> None:
    assert parse_text('phone: "(070) 333 4555"', "f.yaml")["phone"] == "(070) 333 4555"


def test_line_numbers_are_kept_per_field() -> None:
    data = parse_text("x: 1\nitems:\n  - id: a\n    title: b\n", "f.yaml")
    entry = data["items"][0]
    assert entry["__line__"] == 3
    assert entry["__lines__"] == {"id": 3, "title": 4}


def test_alias_is_refused_before_it_expands() -> None:
    bomb = 'a: &a ["lol","lol","lol","lol","lol","lol","lol","lol","lol"]\n'
    pairs = zip("abcdefgh", "bcdefghi", strict=True)
    bomb += "".join(f"{c}: &{c} [*{p},*{p},*{p},*{p},*{p},*{p},*{p},*{p},*{p}]\n" for p, c in pairs)
    message = problem(bomb)
    assert "anchor (&a) is not allowed" in message
    assert ":1:" in message


def test_plain_alias_is_refused() -> None:
    assert "alias" in problem("a: 1\nb: *x\n") or "anchor" in problem("a: 1\nb: *x\n")


def test_duplicate_key_names_both_lines() -> None:
    message = problem("id: a\ntitle: one\ntitle: two\n")
    assert "'title' appears twice (first on line 2)" in message
    assert "narratives.yaml:3" in message


def test_merge_key_is_refused() -> None:
    assert "merge keys" in problem("a:\n  <<: {b: 1}\n")


def test_syntax_error_names_the_line() -> None:
    message = problem("a: 1\nb: [unclosed\nc: 2\n")
    assert "not valid YAML" in message
    assert "narratives.yaml:" in message


def test_deep_nesting_is_refused_not_a_recursion_error() -> None:
    assert "nest" in problem("[" * 5000 + "]" * 5000)


def test_control_characters_and_escapes_are_stripped() -> None:
    data = parse_text('a: "\\e[31mred\\x9b \\u202eevil"\nb: "bell\\x07"\n', "f.yaml")
    assert data["a"] == "[31mred evil"
    assert data["b"] == "bell"


def test_python_tags_construct_nothing() -> None:
    data = parse_text('a: !!python/object/apply:os.system ["echo hacked"]\n', "f.yaml")
    assert data["a"] == ["echo hacked"]


def test_non_utf8_file_is_refused_with_its_name(tmp_path: Path) -> None:
    path = tmp_path / "narratives.yaml"
    path.write_bytes("title: caf\u00e9\n".encode("cp1252"))
    with pytest.raises(ContentError) as info:
        load_file(path)
    message = info.value.problems[0].describe()
    assert str(path) in message and "not UTF-8" in message and "byte 0xe9" in message


def test_utf8_bom_is_accepted(tmp_path: Path) -> None:
    path = tmp_path / "x.yaml"
    path.write_bytes(b"\xef\xbb\xbfa: b\n")
    assert load_file(path)["a"] == "b"


def test_oversized_file_is_refused_before_parsing(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    path = tmp_path / "big.yaml"
    path.write_text("a: " + "x" * 2000 + "\n", encoding="utf-8")
    monkeypatch.setattr(fileio, "MAX_FILE_BYTES", 1000)
    with pytest.raises(ContentError) as info:
        load_file(path)
    assert "too large" in info.value.problems[0].text()


def test_empty_document_is_none() -> None:
    assert parse_text("", "f.yaml") is None


@pytest.mark.parametrize(
    "text",
    ["a: no\nb: [1, 2]\nc: {d: e}\n", "a: &x 1\n", "a: 1\nb: *x\n", "a: 1\na: 2\n", "a: [\n"],
)
def test_pure_python_loader_follows_the_same_rules(text: str) -> None:
    from infoblad_cli.yamlsafe import loader_class

    def outcome(loader_type: object) -> object:
        try:
            return parse_text(text, "f.yaml", loader_type)
        except ContentError as exc:
            return exc.problems[0].text().split(":")[0]

    assert outcome(loader_class(prefer_c=False)) == outcome(loader_class())
