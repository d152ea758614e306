# SPDX-FileCopyrightText: 2026 The infoblad team
# SPDX-License-Identifier: EUPL-1.2
"""One translation path: every message a person can see exists in Dutch and English.

Core modules raise errors and report problems as message keys (``errors.msg``);
``strings.t`` turns a key into the run's language. These tests walk the source:
every key named anywhere exists in both languages, and no error or problem is
built from a bare sentence, which could only be in one language.
"""

from __future__ import annotations

import ast
import re
import string
from pathlib import Path
from typing import Any

import pytest

from infoblad_cli import strings
from infoblad_cli.errors import ContentError, DataError, Problem, msg

SRC = Path(__file__).resolve().parent.parent / "src" / "infoblad_cli"
SOURCES = sorted(SRC.rglob("*.py"))


def _calls(tree: ast.AST) -> list[ast.Call]:
    return [node for node in ast.walk(tree) if isinstance(node, ast.Call)]


def _name(call: ast.Call) -> str:
    func = call.func
    if isinstance(func, ast.Name):
        return func.id
    if isinstance(func, ast.Attribute):
        return func.attr
    return ""


def _keys_used() -> set[tuple[str, str]]:
    """(file, key) for every literal key given to msg(), t() or a writer's t()."""
    found = set()
    for path in SOURCES:
        for call in _calls(ast.parse(path.read_text(encoding="utf-8"))):
            name = _name(call)
            args = call.args
            if name == "msg" and args:
                key = args[0]
            elif name == "t" and len(args) >= 2:
                key = args[1]
            elif name == "t" and len(args) == 1 and isinstance(call.func, ast.Attribute):
                key = args[0]  # Writer.t(key)
            else:
                continue
            if isinstance(key, ast.Constant) and isinstance(key.value, str):
                found.add((path.name, key.value))
    return found


def test_both_languages_have_the_same_keys() -> None:
    assert set(strings.NL) == set(strings.EN)


def test_every_key_named_in_the_code_exists_in_both_languages() -> None:
    used = _keys_used()
    assert len(used) > 200  # the walk finds the keys: it would pass trivially if it found none
    missing = sorted((file, key) for file, key in used if key not in strings.NL or key not in strings.EN)
    assert not missing


def test_both_languages_fill_in_the_same_values() -> None:
    fields = string.Formatter()
    for key, dutch in strings.NL.items():
        names_nl = {name for _, name, _, _ in fields.parse(dutch) if name}
        names_en = {name for _, name, _, _ in fields.parse(strings.EN[key]) if name}
        assert names_nl == names_en, key


def test_singular_forms_are_used_for_one() -> None:
    assert strings.t("nl", "validate.failed", count=1) == "1 probleem om op te lossen."
    assert strings.t("nl", "validate.failed", count=2) == "2 problemen om op te lossen."
    assert msg("error.more_problems", count=1).text("en") == "(and 1 more problem)"


_MESSAGE_TAKERS = {
    "InfobladError",
    "UsageError",
    "ContentError",
    "DataError",
    "Problem",
    "add",
    "at",
    "_RefusedConstruct",
}


def _bare_sentence(node: ast.AST) -> bool:
    """A literal sentence or an f-string: text in one language."""
    if isinstance(node, ast.JoinedStr):
        return True
    if isinstance(node, ast.Constant) and isinstance(node.value, str):
        return bool(re.search(r"[A-Za-z]{3,} [A-Za-z]{2,}", node.value))
    if isinstance(node, ast.BinOp):
        return _bare_sentence(node.left) or _bare_sentence(node.right)
    return False


@pytest.mark.parametrize("path", SOURCES, ids=lambda p: p.name)
def test_errors_and_problems_are_built_from_message_keys(path: Path) -> None:
    tree = ast.parse(path.read_text(encoding="utf-8"))
    offenders = []
    for call in _calls(tree):
        name = _name(call)
        if name not in _MESSAGE_TAKERS:
            continue
        # The message is the first argument (Problem: the second, after the file; at(): after the place).
        position = 1 if name in ("Problem", "at") else 0
        candidates: list[Any] = call.args[position : position + 2]
        candidates += [kw.value for kw in call.keywords if kw.arg in ("message", "hint", "expected")]
        if any(_bare_sentence(node) for node in candidates):
            offenders.append(f"{path.name}:{call.lineno}")
    assert not offenders


# ---------------------------------------------------------------- what a person sees


def test_a_missing_content_folder_is_said_in_dutch_and_in_english(run: Any) -> None:
    dutch = run("narratives", "--content-dir", "/nope")
    assert dutch.exit_code == 2
    assert dutch.stderr.startswith("Fout: De inhoudsmap /nope bestaat niet.")
    assert "Geef een bestaande map" in dutch.stderr
    english = run("narratives", "--content-dir", "/nope", "--lang", "en")
    assert english.exit_code == 2
    assert english.stderr.startswith("Error: Content folder not found: /nope")
    assert "Give an existing folder" in english.stderr


def test_validate_speaks_the_run_s_language(run: Any) -> None:
    pack = Path(__file__).resolve().parent / "data" / "packs" / "bad-id"
    dutch = run("validate", str(pack))
    assert dutch.exit_code == 1
    assert "FOUT" in dutch.stdout and "is geen geldige ID" in dutch.stdout
    assert "ERROR" not in dutch.stdout and "expected" not in dutch.stdout
    english = run("validate", str(pack), "--lang", "en")
    assert "ERROR" in english.stdout and "is not a valid ID" in english.stdout
    report = run("validate", str(pack), "--json", "--lang", "en").stdout
    assert '"code": "schema.bad_id"' in report


def test_content_and_history_errors_have_both_languages() -> None:
    problem = Problem("x.yaml", msg("schema.bad_id", value="Niet Goed"), 3, "e", "id", msg("schema.id_rule"))
    assert problem.describe("nl").startswith("x.yaml:3, item 'e', veld 'id': 'Niet Goed' is geen geldige ID")
    assert problem.describe("en").startswith("x.yaml:3, entry 'e', field 'id': 'Niet Goed' is not a valid ID")
    error = ContentError([problem, problem._replace(line=4)])
    assert error.text("nl").endswith("(en nog 1 probleem)")
    assert error.hint_text("en").startswith("Run 'infoblad validate'")
    damaged = DataError(msg("history.err.damaged", file="h.sqlite3"), hint=msg("history.err.damaged_hint"))
    assert "beschadigd" in damaged.text("nl") and "damaged" in damaged.text("en")


def test_a_problem_survives_the_content_cache_in_both_languages() -> None:
    problem = Problem(
        "f", msg("schema.not_list", found=msg("type.text")), 2, None, "voices", msg("schema.list_rule")
    )
    again = Problem.from_row(problem.to_row())
    assert again == problem
    assert again.text("nl") == "hier hoort een lijst, maar er staat tekst"


@pytest.mark.parametrize("path", [p for p in SOURCES if p.name != "strings.py"], ids=lambda p: p.name)
def test_no_module_keeps_a_translation_table_of_its_own(path: Path) -> None:
    """A dict of sentences keyed by "nl" and "en" is a second translation path: use strings.py."""
    for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
        if isinstance(node, ast.Dict):
            keys = {k.value for k in node.keys if isinstance(k, ast.Constant)}
            sentences = [
                v
                for v in node.values
                if _bare_sentence(v) or (isinstance(v, ast.Tuple) and any(map(_bare_sentence, v.elts)))
            ]
            assert not ({"nl", "en"} <= keys and sentences), (
                f"{path.name}:{node.lineno}: an nl/en table of sentences"
            )


def test_core_modules_raise_message_keys_not_translated_text() -> None:
    """Errors and problems of the core carry keys (errors.msg), put into words where they are shown."""
    core = (
        "content",
        "checks",
        "claims",
        "history",
        "search",
        "search_index",
        "schema",
        "yamlsafe",
        "fileio",
        "cache",
    )
    for name in core:
        tree = ast.parse((SRC / f"{name}.py").read_text(encoding="utf-8"))
        built = [
            node
            for node in ast.walk(tree)
            if isinstance(node, ast.Raise)
            or (isinstance(node, ast.Call) and _callee(node) in _MESSAGE_TAKERS)
        ]
        translated = sorted(
            {
                inner.lineno
                for node in built
                for inner in ast.walk(node)
                if isinstance(inner, ast.Call) and _callee(inner) == "t"
            }
        )
        assert not translated, f"{name}.py translates an error at lines {translated}: use msg(...)"


def _callee(call: ast.Call) -> str:
    func = call.func
    return func.id if isinstance(func, ast.Name) else func.attr if isinstance(func, ast.Attribute) else ""
