# SPDX-FileCopyrightText: 2026 The infoblad team
# SPDX-License-Identifier: EUPL-1.2
"""The search engine: what it finds, how it ranks, snippets and spans, speed. No I/O."""

from __future__ import annotations

import time
from pathlib import Path
from typing import Any

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from infoblad_cli import content
from infoblad_cli import models as m
from infoblad_cli.errors import EXIT_USAGE, UsageError
from infoblad_cli.search import (
    KINDS,
    SNIPPET_MAX,
    EmptyQueryError,
    Hit,
    fold,
    query_words,
    search,
    spans,
)

ROOT = Path(__file__).resolve().parent.parent
MARKER = "zoekproefxyz"  # a word that occurs nowhere in the content


@pytest.fixture(scope="module")
def nl() -> m.Bundle:
    return content.load_bundle("nl")


@pytest.fixture(scope="module")
def en() -> m.Bundle:
    return content.load_bundle("en")


def put(obj: Any, path: tuple[Any, ...], value: Any) -> Any:
    """A copy of ``obj`` with the value at ``path`` (attribute names and tuple indexes) replaced."""
    if not path:
        return value
    key, rest = path[0], path[1:]
    if isinstance(key, int):
        items = list(obj)
        items[key] = put(items[key], rest, value)
        return tuple(items)
    return obj._replace(**{key: put(getattr(obj, key), rest, value)})


def with_narrative(bundle: m.Bundle, **fields: Any) -> m.Bundle:
    """The bundle with one extra narrative: a copy of the first with ``fields`` replaced."""
    extra = bundle.narratives[0]._replace(**fields)
    return bundle._replace(narratives=(*bundle.narratives, extra))


def blank_narrative(bundle: m.Bundle, id: str, **fields: Any) -> m.Narrative:
    """A narrative whose texts are all neutral filler, with ``fields`` set."""
    base = bundle.narratives[0]._replace(
        id=id,
        title="Leeg",
        summary="Niets.",
        experience="Niets.",
        how_it_grows="Niets.",
        voices=("Niets.",),
        asks_of_you=m.Asks(("Niets.",), ("Niets.",)),
        sources=(m.Source("Bron", "https://example.org"),),
    )
    return base._replace(**fields)


def highlighted(hit: Hit) -> list[str]:
    return [hit.snippet[start:end] for start, end in hit.spans]


def assert_spans_fold_to(hit: Hit, words: tuple[str, ...]) -> None:
    assert hit.spans, hit
    for start, end in hit.spans:
        assert 0 <= start < end <= len(hit.snippet)
        assert any(word in fold(hit.snippet[start:end]) for word in words), (hit.snippet, start, end)


# ---------------------------------------------------------------- finding


def test_vertrouwen_finds_many_places_in_dutch(nl: m.Bundle) -> None:
    hits = search(nl, "vertrouwen")
    assert len(hits) >= 10
    assert {"narratives", "lessons", "cases"} <= {h.kind for h in hits}
    for hit in hits:
        assert_spans_fold_to(hit, ("vertrouwen",))


def test_trust_finds_many_places_in_english(en: m.Bundle) -> None:
    hits = search(en, "trust")
    assert len(hits) >= 10
    assert {"narratives", "lessons", "cases"} <= {h.kind for h in hits}
    for hit in hits:
        assert_spans_fold_to(hit, ("trust",))


def test_case_does_not_matter(nl: m.Bundle) -> None:
    lower = [(h.kind, h.id, h.spans) for h in search(nl, "vertrouwen")]
    assert lower == [(h.kind, h.id, h.spans) for h in search(nl, "VERTROUWEN")]
    assert lower == [(h.kind, h.id, h.spans) for h in search(nl, "VerTrouwen")]


def test_accents_do_not_matter_in_text_or_query(nl: m.Bundle) -> None:
    bundle = with_narrative(nl, id="geld", summary="Het gaat om de financiën van de GEMEENTE.")
    for query in ("financien", "financiën", "FINANCIËN", "fínanciën"):
        hits = search(bundle, query)
        assert [(h.kind, h.id) for h in hits] == [("narratives", "geld")], query
        assert highlighted(hits[0]) == ["financiën"]


def test_accents_in_the_real_content(nl: m.Bundle) -> None:
    # 'ideeën' and 'geïnformeerd' are in the built-in Dutch content.
    for query, written in (("ideeen", "ideeën"), ("geinformeerd", "geïnformeerd")):
        hits = search(nl, query)
        assert hits, query
        for hit in hits:
            assert written in highlighted(hit), (query, hit.snippet)


def test_every_word_has_to_match_somewhere_in_the_entry(nl: m.Bundle) -> None:
    def found(query: str) -> set[tuple[str, str]]:
        return {(h.kind, h.id) for h in search(nl, query)}

    azc, wijk, both = found("azc"), found("wijk"), found("azc wijk")
    assert both and both == azc & wijk
    assert len(both) < min(len(azc), len(wijk))
    assert found("wijk azc") == both  # the order of the words does not matter


def test_words_may_sit_in_different_fields_but_not_in_different_entries(nl: m.Bundle) -> None:
    one = blank_narrative(
        nl, "een", title="Alfaqq in de titel", sources=(m.Source("Betaqq", "https://x.nl"),)
    )
    two = blank_narrative(nl, "twee", summary="Alleen alfaqq hier.")
    three = blank_narrative(nl, "drie", summary="Alleen betaqq hier.")
    bundle = nl._replace(narratives=(one, two, three))
    assert [h.id for h in search(bundle, "alfaqq betaqq")] == ["een"]
    assert [h.id for h in search(bundle, "alfaqq")] == ["een", "twee"]


def test_nothing_found_is_an_empty_list(nl: m.Bundle) -> None:
    assert search(nl, MARKER) == []
    assert search(nl, "vertrouwen " + MARKER) == []


@pytest.mark.parametrize("query", ["", "   ", " - ? ", "…"])
def test_a_query_without_words_is_a_usage_error(nl: m.Bundle, query: str) -> None:
    with pytest.raises(EmptyQueryError) as caught:
        search(nl, query)
    assert issubclass(EmptyQueryError, ValueError) and issubclass(EmptyQueryError, UsageError)
    assert caught.value.exit_code == EXIT_USAGE
    assert "infoblad search" in (caught.value.hint or "")


def test_query_words() -> None:
    assert query_words("  Financiën  VERTROUWEN financien ") == ("financien", "vertrouwen")
    assert query_words("[bold] - e-mail ?") == ("[bold]", "e-mail")


def test_content_packs_are_searched() -> None:
    bundle = content.load_bundle("nl", [ROOT / "examples" / "voorbeeldpack"])
    hits = search(bundle, "voorbeeldstad")
    assert ("contact", "voorbeeldstad-samenleven", "infoblad contact") in [
        (h.kind, h.id, h.command) for h in hits
    ]
    (hit,) = search(bundle, "weekmarkt")
    assert (hit.kind, hit.id, hit.field) == ("quiz", "voorbeeldstad-markt-gerucht", "setting")
    assert hit.command == "infoblad quiz --question voorbeeldstad-markt-gerucht"


# ---------------------------------------------------------------- every text of every kind


def _first(bundle: m.Bundle, kind: type) -> int:
    return next(i for i, q in enumerate(bundle.questions) if isinstance(q, kind))


# (path to a text, the hit's kind, its field, its command: "" when another row checks it)
FIELDS: list[tuple[tuple[Any, ...], str, str, str]] = [
    (("narratives", 0, "title"), "narratives", "title", "infoblad narratives {id}"),
    (("narratives", 0, "summary"), "narratives", "summary", "infoblad narratives {id}"),
    (("narratives", 0, "experience"), "narratives", "experience", "infoblad narratives {id}"),
    (("narratives", 0, "how_it_grows"), "narratives", "how_it_grows", "infoblad narratives {id}"),
    (("narratives", 0, "voices", 1), "narratives", "voices", "infoblad narratives {id}"),
    (("narratives", 0, "asks_of_you", "frontline", 1), "narratives", "asks_of_you.frontline", ""),
    (("narratives", 0, "asks_of_you", "policy", 0), "narratives", "asks_of_you.policy", ""),
    (("narratives", 0, "sources", 0, "title"), "narratives", "sources", ""),
    (("lessons", 1, "title"), "lessons", "title", "infoblad lessons {id}"),
    (("lessons", 1, "summary"), "lessons", "summary", ""),
    (("lessons", 1, "lesson"), "lessons", "lesson", ""),
    (("lessons", 1, "why_it_works"), "lessons", "why_it_works", ""),
    (("lessons", 1, "tomorrow", "frontline"), "lessons", "tomorrow.frontline", ""),
    (("lessons", 1, "tomorrow", "policy"), "lessons", "tomorrow.policy", ""),
    (("lessons", 1, "sources", 0, "title"), "lessons", "sources", ""),
    (("cases", 0, "title"), "cases", "title", "infoblad cases {id}"),
    (("cases", 0, "place"), "cases", "place", ""),
    (("cases", 0, "period"), "cases", "period", ""),
    (("cases", 0, "summary"), "cases", "summary", ""),
    (("cases", 0, "situation"), "cases", "situation", ""),
    (("cases", 0, "approach"), "cases", "approach", ""),
    (("cases", 0, "result"), "cases", "result", ""),
    (("cases", 0, "caveat"), "cases", "caveat", ""),
    (("cases", 0, "sources", 0, "title"), "cases", "sources", ""),
    (("personal", "title"), "personal", "title", "infoblad personal"),
    (("personal", "intro"), "personal", "intro", "infoblad personal"),
    (("personal", "themes", 1, "title"), "personal", "title", "infoblad personal {id}"),
    (("personal", "themes", 1, "text"), "personal", "text", "infoblad personal {id}"),
    (("personal", "themes", 1, "questions", 0), "personal", "questions", "infoblad personal {id}"),
    (("personal", "themes", 1, "sources", 0, "title"), "personal", "sources", "infoblad personal {id}"),
    (("about", "title"), "about", "title", "infoblad about"),
    (("about", "summary"), "about", "summary", "infoblad about"),
    (("about", "provenance"), "about", "provenance", "infoblad about"),
    (("about", "checked"), "about", "checked", "infoblad about"),
    (("about", "sources", 0, "title"), "about", "sources", "infoblad about"),
    (("about", "sections", 1, "title"), "about", "title", "infoblad about"),
    (("about", "sections", 1, "text"), "about", "text", "infoblad about"),
    (("about", "sections", 1, "sources", 0, "title"), "about", "sources", "infoblad about"),
    (("glossary", 2, "term"), "glossary", "term", "infoblad about --term {id}"),
    (("glossary", 2, "explanation"), "glossary", "explanation", "infoblad about --term {id}"),
    (("contacts", 0, "name"), "contact", "name", "infoblad contact"),
    (("contacts", 0, "description"), "contact", "description", "infoblad contact"),
    (("contacts", 0, "email"), "contact", "email", "infoblad contact"),
    (("contacts", 0, "phone"), "contact", "phone", "infoblad contact"),
    (("contacts", 0, "hours"), "contact", "hours", "infoblad contact"),
    (("contacts", 0, "website"), "contact", "website", "infoblad contact"),
    (("contacts", 0, "extra", 0, "label"), "contact", "extra.label", "infoblad contact"),
    (("contacts", 0, "extra", 0, "value"), "contact", "extra.value", "infoblad contact"),
    (("contacts", 0, "note"), "contact", "note", "infoblad contact"),
    (("contacts", 0, "checked"), "contact", "checked", "infoblad contact"),
    (("contacts", 0, "sources", 0, "title"), "contact", "sources", "infoblad contact"),
    (("quiz_themes", 1, "title"), "quiz", "title", "infoblad quiz --theme {id}"),
    (("quiz_themes", 1, "description"), "quiz", "description", "infoblad quiz --theme {id}"),
    (("questions", m.Scenario, "setting"), "quiz", "setting", "infoblad quiz --question {id}"),
    (("questions", m.Scenario, "prompt"), "quiz", "prompt", "infoblad quiz --question {id}"),
    (("questions", m.Scenario, "options", 1, "text"), "quiz", "options", "infoblad quiz --question {id}"),
    (("questions", m.Scenario, "options", 2, "feedback"), "quiz", "feedback", ""),
    (("questions", m.Recognise, "voice"), "quiz", "voice", "infoblad quiz --question {id}"),
    (("questions", m.Recognise, "explanation"), "quiz", "explanation", ""),
    (("questions", m.SelfRating, "statement"), "quiz", "statement", "infoblad quiz --question {id}"),
    (("questions", m.SelfRating, "suggestion"), "quiz", "suggestion", ""),
]


def _entry_at(bundle: m.Bundle, path: tuple[Any, ...]) -> tuple[str, str]:
    """The ID a hit should carry for the text at ``path``, and the quiz theme of that entry."""
    if path[0] == "personal":
        return (bundle.personal.themes[path[2]].id, "") if path[1] == "themes" else ("intro", "")
    if path[0] == "about":
        return (bundle.about.sections[path[2]].id, "") if path[1] == "sections" else ("about", "")
    entry = getattr(bundle, path[0])[path[1]]
    return entry.id, getattr(entry, "theme", "")


@pytest.mark.parametrize(("path", "kind", "field", "command"), FIELDS, ids=lambda v: str(v))
def test_every_text_of_every_kind_is_searched(
    nl: m.Bundle, path: tuple[Any, ...], kind: str, field: str, command: str
) -> None:
    if path[0] == "questions":
        path = ("questions", _first(nl, path[1]), *path[2:])
    bundle = put(nl, path, f"Hier staat {MARKER.upper()} in de tekst.")
    hits = search(bundle, MARKER)
    assert len(hits) == 1, hits
    (hit,) = hits
    entry_id, theme = _entry_at(nl, path)
    assert (hit.kind, hit.id, hit.field) == (kind, entry_id, field)
    if command:
        assert hit.command == command.format(id=entry_id, theme=theme)
    assert highlighted(hit) == [MARKER.upper()]


def test_commands_for_every_kind(nl: m.Bundle) -> None:
    hits = search(nl, "e")  # in nearly every text
    assert {h.kind for h in hits} == set(KINDS)
    themes = {q.id: q.theme for q in nl.questions} | {t.id: t.id for t in nl.quiz_themes}
    ids = {kind: {e.id for e in getattr(nl, kind)} for kind in ("narratives", "lessons", "cases")}
    for hit in hits:
        if hit.kind in ids:
            assert hit.id in ids[hit.kind]
            assert hit.command == f"infoblad {hit.kind} {hit.id}"
        elif hit.kind == "quiz":
            option = "--theme" if hit.id in themes.values() else "--question"
            assert hit.command == f"infoblad quiz {option} {hit.id}"
        elif hit.kind == "glossary":
            assert hit.command == f"infoblad about --term {hit.id}"
        elif hit.kind == "personal" and hit.id != "intro":
            assert hit.command == f"infoblad personal {hit.id}"
        else:
            assert hit.command == f"infoblad {hit.kind}"


# ---------------------------------------------------------------- ranking


def test_title_hits_rank_above_body_hits(nl: m.Bundle) -> None:
    body = blank_narrative(nl, "body", experience=" ".join(["Qqwoord hier."] * 20), summary="qqwoord qqwoord")
    title = blank_narrative(nl, "title", title="Over qqwoorden")  # only a part of a word, only once
    bundle = nl._replace(narratives=(body, title))
    hits = search(bundle, "qqwoord")
    assert [h.id for h in hits] == ["title", "body"]
    assert hits[0].score > hits[1].score


def test_title_hits_come_first_in_the_real_content(nl: m.Bundle) -> None:
    hits = search(nl, "vertrouwen")
    in_title = ["vertrouwen" in fold(h.title) for h in hits if h.kind != "quiz"]
    assert any(in_title) and not all(in_title)
    assert in_title == sorted(in_title, reverse=True)


def test_more_occurrences_and_better_fields_rank_higher(nl: m.Bundle) -> None:
    once = blank_narrative(nl, "once", experience="Een qqwoord.")
    twice = blank_narrative(nl, "twice", experience="Een qqwoord. " * 2)
    summary = blank_narrative(nl, "summary", summary="Een qqwoord.")
    source = blank_narrative(nl, "source", sources=(m.Source("Over qqwoord", "https://x.nl"),))
    partial = blank_narrative(nl, "partial", experience="Een qqwoorden.")
    bundle = nl._replace(narratives=(partial, source, once, twice, summary))
    assert [h.id for h in search(bundle, "qqwoord")] == ["summary", "twice", "once", "partial", "source"]


def test_ties_follow_kind_order_then_content_order(nl: m.Bundle) -> None:
    term = m.Term("qq", "Qqterm", "Niets.")
    bundle = nl._replace(
        narratives=(blank_narrative(nl, "n1", title="Qqterm"), blank_narrative(nl, "n2", title="Qqterm")),
        glossary=(term, *nl.glossary),
    )
    hits = search(bundle, "qqterm")
    assert [(h.kind, h.id) for h in hits] == [("narratives", "n1"), ("narratives", "n2"), ("glossary", "qq")]
    assert hits[0].score == hits[1].score == hits[2].score


def test_limit_and_determinism(nl: m.Bundle) -> None:
    hits = search(nl, "de")
    assert hits == search(nl, "de")
    assert search(nl, "de", limit=5) == hits[:5]
    assert search(nl, "de", limit=0) == []


# ---------------------------------------------------------------- snippets and spans


def test_snippets_are_short_cut_at_words_and_collapsed(nl: m.Bundle) -> None:
    hits = search(nl, "de")
    assert any(h.snippet.startswith("…") for h in hits) and any(h.snippet.endswith("…") for h in hits)
    for hit in hits:
        assert len(hit.snippet) <= SNIPPET_MAX
        assert "\n" not in hit.snippet and "  " not in hit.snippet
        assert hit.snippet == hit.snippet.strip()


def test_snippet_is_cut_at_word_boundaries(nl: m.Bundle) -> None:
    words = [f"woord{i}" for i in range(80)]
    text = " ".join(words[:40]) + " qqmidden " + " ".join(words[40:])
    bundle = nl._replace(narratives=(blank_narrative(nl, "x", experience=text),))
    (hit,) = search(bundle, "qqmidden")
    assert hit.field == "experience"
    assert hit.snippet.startswith("…woord") and hit.snippet.endswith("…")
    inner = hit.snippet.strip("…").split(" ")
    assert set(inner) <= {*words, "qqmidden"}  # no word cut in two
    assert highlighted(hit) == ["qqmidden"]


def test_spans_are_right_when_folding_changes_the_length(nl: m.Bundle) -> None:
    # 'ß' folds to two characters, 'ﬁ' (a ligature) to two, 'e' + U+0301 to one: offsets shift.
    text = "De Straße, de ﬁets en het cafe\u0301 kosten veel: dat raakt de ﬁnanciën. Financiën!"
    bundle = nl._replace(narratives=(blank_narrative(nl, "x", summary=text),))
    (hit,) = search(bundle, "financien")
    assert hit.snippet == text
    assert highlighted(hit) == ["ﬁnanciën", "Financiën"]
    (hit,) = search(bundle, "strasse cafe fiets")
    assert highlighted(hit) == ["Straße", "ﬁets", "cafe\u0301"]


def test_markup_is_searched_and_shown_literally(nl: m.Bundle) -> None:
    text = "Dit is [bold]geen opmaak[/bold] en [link=https://x.nl]ook geen link[/link]."
    bundle = nl._replace(narratives=(blank_narrative(nl, "x", summary=text),))
    (hit,) = search(bundle, "[bold]")
    assert hit.snippet == text
    assert highlighted(hit) == ["[bold]"]
    (hit,) = search(bundle, "[link=https://x.nl]")
    assert highlighted(hit) == ["[link=https://x.nl]"]


def test_control_characters_in_content_do_not_break_the_search(nl: m.Bundle) -> None:
    text = "Voor\x00qqwoord\x01 na \x1b[31mrood"
    bundle = nl._replace(narratives=(blank_narrative(nl, "x", summary=text, experience="qqwoord"),))
    (hit,) = search(bundle, "qqwoord")
    assert hit.field == "summary"
    assert highlighted(hit) == ["qqwoord"]
    assert "\x1b[31mrood" in hit.snippet


# ---------------------------------------------------------------- folding


def test_fold() -> None:
    assert fold("Financiën") == "financien"
    assert fold("STRAßE") == "strasse"
    assert fold("ﬁets") == "fiets"
    assert fold("cafe\u0301 café") == "cafe cafe"
    assert fold("‘a’ “b” – c — d") == "'a' \"b\" - c - d"
    assert fold("[bold]") == "[bold]"


ALPHABET = "aAeEiIsSzZ .,[]-éëÉïßﬁİΣς’“–\u0301\u0308\u00a0"


@settings(max_examples=150, deadline=None)
@given(st.text(ALPHABET, max_size=30), st.text(ALPHABET, max_size=30))
def test_fold_works_character_by_character(a: str, b: str) -> None:
    assert fold(a + b) == fold(a) + fold(b)
    assert fold(fold(a)) == fold(a)


@settings(max_examples=150, deadline=None)
@given(st.text(ALPHABET, min_size=1, max_size=40), st.data())
def test_spans_point_at_text_that_folds_to_the_word(text: str, data: st.DataObject) -> None:
    folded = fold(text)
    start = data.draw(st.integers(0, max(0, len(folded) - 1)))
    word = folded[start : start + data.draw(st.integers(1, 4))]
    found = spans(text, [word]) if word.strip() else ()
    if word.strip():
        assert found
    for begin, end in found:
        assert word in fold(text[begin:end])


# ---------------------------------------------------------------- speed


def test_search_time_grows_linearly(nl: m.Bundle) -> None:
    def bundle_of(n: int) -> m.Bundle:
        base = nl.narratives
        return nl._replace(
            narratives=tuple(base[i % len(base)]._replace(id=f"x{i}", title=f"Titel {i}") for i in range(n))
        )

    def best_time(bundle: m.Bundle) -> float:
        times = []
        for _ in range(3):
            started = time.perf_counter()
            search(bundle, "vertrouwen overheid", limit=20)
            times.append(time.perf_counter() - started)
        return min(times)

    small, large = bundle_of(250), bundle_of(2000)
    assert len(search(large, "vertrouwen overheid")) >= 2000
    ratio = best_time(large) / best_time(small)
    assert ratio < 16, f"8 times the entries took {ratio:.1f} times as long"
