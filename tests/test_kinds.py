"""The kind descriptions: one place that names a kind's fields, and what is built from it."""

from __future__ import annotations

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
