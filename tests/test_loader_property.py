# SPDX-FileCopyrightText: 2026 The infoblad team
# SPDX-License-Identifier: EUPL-1.2
"""Property tests: whatever text a content file holds, the loader and the schema never crash.

parse_text either returns plain data (dicts, lists, text, None; plus the loader's own line
numbers) or raises ContentError. parse_kind turns any parsed mapping into problems, never an
exception. Runs are derandomized so CI sees the same examples every time.
"""

from __future__ import annotations

from typing import Any

import yaml
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from infoblad_cli import schema
from infoblad_cli.errors import ContentError, Problem
from infoblad_cli.yamlsafe import loader_class, parse_text

SETTINGS = settings(
    max_examples=300,
    deadline=None,
    derandomize=True,
    database=None,
    suppress_health_check=[HealthCheck.function_scoped_fixture, HealthCheck.too_slow],
)

FRAGMENTS = [
    ": ",
    ":",
    "- ",
    "-",
    "&a ",
    "*a",
    "&b",
    "*b",
    "[",
    "]",
    "{",
    "}",
    ", ",
    '"',
    "'",
    "\\",
    "\\e",
    "\\x1b",
    "\\u202e",
    "\n",
    "\n  ",
    "\n    ",
    "\t",
    "%YAML 1.1\n",
    "%TAG ! tag:example.org,2000:\n",
    "!!tag ",
    "!!python/object/apply:os.system ",
    "!foo ",
    "!!binary ",
    "---\n",
    "...\n",
    "? ",
    "| ",
    ">- ",
    "# ",
    "<<: ",
    "__line__: ",
    "__lines__: ",
    "id: ",
    "title: ",
    "narratives:\n  - ",
    "questions:\n  - kind: scenario\n    ",
    "options: ",
    "weight: ",
    "sources: ",
    "niet-gehoord",
    "x",
    "0x1F",
    "~",
    "no",
    "2022-12-19",
    "é",
    "\u202e",
    "\x1b[31m",
    "\x00",
    "\ufeff",
    "\r\n",
]

yamlish = st.lists(st.one_of(st.sampled_from(FRAGMENTS), st.text(max_size=4)), min_size=0, max_size=40).map(
    "".join
)

LOADERS = [loader_class(), loader_class(prefer_c=False)]


def is_plain(value: Any, key: str | None = None) -> bool:
    """Only dicts with text keys, lists, text and None; ints only as the loader's line numbers."""
    if key == schema.LINE_KEY:
        return isinstance(value, int)
    if key == schema.LINES_KEY:
        return isinstance(value, dict) and all(
            isinstance(k, str) and isinstance(v, int) for k, v in value.items()
        )
    if value is None or isinstance(value, str):
        return True
    if isinstance(value, list):
        return all(is_plain(item) for item in value)
    if isinstance(value, dict):
        return all(isinstance(k, str) and is_plain(v, k) for k, v in value.items())
    return False


def parse_or_refuse(text: str, loader: Any) -> Any:
    """Parse; a ContentError is a fine answer (returned as None). Anything else fails the test."""
    try:
        data = parse_text(text, "f.yaml", loader)
    except ContentError as error:
        assert error.problems, "a ContentError must carry at least one problem"
        for problem in error.problems:
            assert isinstance(problem, Problem)
            assert problem.file == "f.yaml"
            assert problem.text()
        return None
    assert data is None or isinstance(data, (dict, list, str)), type(data)
    assert is_plain(data), data
    return data


def check_every_kind(data: Any) -> None:
    """parse_kind returns (values, problems) for every kind, partial or not; it never raises."""
    for kind in schema.KINDS:
        for partial in (True, False):
            out, problems = schema.parse_kind(kind, data, "f.yaml", partial=partial)
            assert isinstance(out, dict)
            assert isinstance(problems, list)
            for problem in problems:
                assert isinstance(problem, Problem)
                assert problem.severity in ("error", "warning")
                assert problem.text()
                problem.describe()  # formatting a problem must not fail either


@SETTINGS
@given(st.text())
def test_any_text_is_data_or_a_content_error(text: str) -> None:
    for loader in LOADERS:
        data = parse_or_refuse(text, loader)
        if isinstance(data, dict):
            check_every_kind(data)


@SETTINGS
@given(yamlish)
def test_yaml_like_text_is_data_or_a_content_error(text: str) -> None:
    for loader in LOADERS:
        data = parse_or_refuse(text, loader)
        if isinstance(data, dict):
            check_every_kind(data)


# Documents shaped like content files: the right keys with values of every shape.
FIELD_NAMES = sorted(
    {
        "narratives",
        "lessons",
        "cases",
        "contacts",
        "glossary",
        "themes",
        "questions",
        "personal",
        "about",
        "sections",
        "id",
        "title",
        "summary",
        "experience",
        "how_it_grows",
        "voices",
        "asks_of_you",
        "frontline",
        "policy",
        "sources",
        "url",
        "lesson",
        "why_it_works",
        "answers",
        "tomorrow",
        "outcome",
        "place",
        "period",
        "situation",
        "approach",
        "result",
        "caveat",
        "text",
        "intro",
        "provenance",
        "checked",
        "name",
        "description",
        "email",
        "phone",
        "hours",
        "website",
        "extra",
        "label",
        "value",
        "note",
        "term",
        "explanation",
        "theme",
        "kind",
        "setting",
        "prompt",
        "options",
        "weight",
        "feedback",
        "narrative",
        "voice",
        "answer",
        "statement",
        "suggestion",
        "titel",
    }
)
SCALARS = st.one_of(
    st.sampled_from(
        [
            "",
            " ",
            "niet-gehoord",
            "Niet Gehoord",
            "scenario",
            "recognise",
            "self-rating",
            "restored",
            "0",
            "1",
            "2",
            "3",
            " 2 ",
            "https://example.org",
            "ftp://x",
            "in-het-moment",
            "vroeg-betrekken",
        ]
    ),
    st.text(max_size=8),
)
documents = st.recursive(
    SCALARS,
    lambda children: st.one_of(
        st.lists(children, max_size=5),
        st.dictionaries(st.sampled_from(FIELD_NAMES), children, max_size=8),
    ),
    max_leaves=40,
)


@SETTINGS
@given(st.dictionaries(st.sampled_from(FIELD_NAMES), documents, min_size=1, max_size=4))
def test_content_shaped_documents_give_problems_not_exceptions(document: dict[str, Any]) -> None:
    # Through YAML text and the safe loader, so the data carries line numbers as in real use.
    text = yaml.safe_dump(document, allow_unicode=True, sort_keys=False)
    data = parse_or_refuse(text, LOADERS[0])
    if isinstance(data, dict):
        check_every_kind(data)
