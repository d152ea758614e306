# SPDX-FileCopyrightText: 2026 The infoblad team
# SPDX-License-Identifier: EUPL-1.2
"""The kind descriptions: one place that names a kind's fields, and what is built from it."""

from __future__ import annotations

from typing import Any

import pytest

from infoblad_cli import cache, content, kinds
from infoblad_cli import models as m


@pytest.mark.parametrize("kind", kinds.ENTRY_KINDS, ids=lambda kind: kind.name)
def test_every_model_field_is_described_once(kind: kinds.Kind) -> None:
    names = [field.name for field in kind.fields]
    assert sorted(names) == sorted(kind.model._fields)
    assert len(set(names)) == len(names)
    for field in kind.fields:
        if field.type in ("record", "records"):
            assert sorted(p.name for p in field.parts) == sorted(field.model._fields)
        if field.type == "refs":
            assert field.ref in kinds.BY_NAME


@pytest.mark.parametrize("lang", ["nl", "en"])
@pytest.mark.parametrize("file", kinds.FILES)
def test_the_cache_codec_gives_back_what_it_was_given(lang: str, file: str) -> None:
    from infoblad_cli.schema import parse_kind
    from infoblad_cli.yamlsafe import decode, parse_text

    path = content.builtin_dir() / lang / f"{file}.yaml"
    data = parse_text(decode(path.read_bytes(), str(path)), str(path))
    converted, problems = parse_kind(file, data, str(path), partial=False)
    assert not [p for p in problems if p.severity == "error"]
    import json

    stored = json.loads(json.dumps(cache.encode(file, converted)))
    assert cache.decode(file, stored) == converted


def test_a_row_of_another_shape_is_refused() -> None:
    with pytest.raises(ValueError):
        cache.decode("narratives", {"narratives": [["only-an-id"]]})


def test_documents_cover_every_entry_with_the_command_that_opens_it() -> None:
    bundle = content.load_bundle("nl")
    docs = list(kinds.documents(bundle))
    found = {(d.kind, d.id) for d in docs}
    assert {("narratives", n.id) for n in bundle.narratives} <= found
    assert {("quiz", q.id) for q in bundle.questions} <= found
    by_key = {(d.kind, d.id): d for d in docs}
    first = bundle.narratives[0]
    doc = by_key[("narratives", first.id)]
    assert doc.command == ("narratives", first.id)
    assert doc.title == first.title
    assert ("title", "title", first.title) in doc.fields
    assert ("asks_of_you.frontline", "body", first.asks_of_you.frontline[0]) in doc.fields
    assert by_key[("glossary", bundle.glossary[0].id)].command == ("about", "--term", bundle.glossary[0].id)
    q = bundle.questions[0]
    assert by_key[("quiz", q.id)].command == ("quiz", "--question", q.id)
    for d in docs:
        assert d.title.strip(), d
        assert {weight for _, weight, _ in d.fields} <= {"title", "summary", "body", "source"}


def test_models_are_the_described_classes() -> None:
    assert m.Narrative is kinds.Narrative
    assert kinds.BY_NAME["narratives"].model is m.Narrative


# ---------------------------------------------------------------- adding a field is one edit


def _kind_with_a_new_field() -> kinds.Kind:
    """The narratives kind with one more field, added the way an editor would: one line."""
    from typing import NamedTuple

    fields = (*kinds.NARRATIVES.fields, kinds.Field("how_it_ends", "text", required=False))
    model = NamedTuple(  # type: ignore[misc]
        "NarrativePlus", [(f.name, Any) for f in fields]
    )
    return kinds.NARRATIVES._replace(name="narratives", model=model, fields=fields)


def test_a_field_added_to_a_kind_is_validated_shown_searched_exported_and_cached(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    from infoblad_cli import export, outline, render, schema, strings
    from infoblad_cli.schema import Checker, Where

    monkeypatch.setitem(strings.NL, "narratives.how_it_ends", "Hoe het afloopt")
    monkeypatch.setitem(strings.EN, "narratives.how_it_ends", "How it ends")
    kind = _kind_with_a_new_field()
    bundle = content.load_bundle("nl")
    # "lang" is set when the bundle is built, not read from a file.
    raw = {name: getattr(bundle.narratives[0], name) for name in kinds.Narrative._fields if name != "lang"}
    raw = {**raw, "voices": list(raw["voices"]), "lessons": list(raw["lessons"])}
    raw["asks_of_you"] = {
        role: list(items) for role, items in bundle.narratives[0].asks_of_you._asdict().items()
    }
    raw["sources"] = [dict(s._asdict()) for s in bundle.narratives[0].sources]
    raw["how_it_ends"] = "Zo loopt het af: met een ZZEINDE."

    checker = Checker("test.yaml")
    item = schema.kind_spec(kind)(raw, checker, Where(1, None, None))
    assert not checker.problems
    assert item.how_it_ends == "Zo loopt het af: met een ZZEINDE."

    # Validated: a wrong type is a problem named after the field.
    bad = schema.kind_spec(kind)({**raw, "how_it_ends": ["a list"]}, checker, Where(1, None, None))
    assert bad is schema._INVALID
    assert [p.field for p in checker.problems] == ["how_it_ends"]

    # Shown, under its label, in the terminal and in the handouts.
    part = outline.entry(bundle, kind, item)
    assert outline.Part("Hoe het afloopt", (outline.Paragraphs(item.how_it_ends),)) in part.children
    lines: list[str] = []
    export.md_blocks("nl", [part], 2, lines)
    assert "Hoe het afloopt" in "\n".join(lines) and "ZZEINDE" in "\n".join(lines)
    html: list[str] = []
    export.html_blocks("nl", [part], 2, html)
    assert "Hoe het afloopt" in "\n".join(html)
    import io

    from rich.console import Console

    console = Console(file=io.StringIO(), width=80, color_system=None)
    render.page(render.Writer(console, "nl", plain=True), part)
    assert "Hoe het afloopt" in console.file.getvalue()  # type: ignore[attr-defined]

    # Searched, as body text.
    assert ("how_it_ends", "body", item.how_it_ends) in tuple(kinds.field_texts(kind.fields, item))

    # Cached.
    assert cache.decode_entry(kind.fields, kind.model, cache.encode_entry(kind.fields, item)) == item


def test_a_reference_field_added_to_a_kind_is_checked(monkeypatch: pytest.MonkeyPatch) -> None:
    """A new 'refs' field is cross-checked as kinds.py describes it: no edit in content.py."""
    from types import SimpleNamespace

    fields = (*kinds.NARRATIVES.fields, kinds.Field("see_also", "refs", required=False, ref="cases"))
    monkeypatch.setattr(
        kinds, "ENTRY_KINDS", (kinds.NARRATIVES._replace(fields=fields), *kinds.ENTRY_KINDS[1:])
    )
    stacked = content._Layered()
    stacked.lists = {group: {} for group in ("narratives", "lessons", "cases", "contacts", "glossary")}
    stacked.lists.update(themes={}, questions={})
    stacked.docs = {"personal": {"entries": {}}, "about": {"entries": {}}}
    stacked.lists["cases"]["gilze-azc"] = SimpleNamespace(id="gilze-azc", lessons=())
    entry = SimpleNamespace(id="een-verhaal", lessons=(), see_also=("gilze-azc", "geen-geval"))
    stacked.lists["narratives"]["een-verhaal"] = entry
    problems = content._references(stacked)
    assert [(p.entry, p.field) for p in problems] == [("een-verhaal", "see_also")]
    assert "geen-geval" in problems[0].text("en") and "cases" in problems[0].text("en")
