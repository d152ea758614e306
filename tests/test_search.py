# SPDX-FileCopyrightText: 2026 The infoblad team
# SPDX-License-Identifier: EUPL-1.2
"""The search engine: language-aware matching, the thesaurus, ranking, snippets, suggestions, the index."""

from __future__ import annotations

import time
from pathlib import Path
from typing import Any

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from infoblad_cli import analysis, content
from infoblad_cli import models as m
from infoblad_cli.errors import EXIT_USAGE, UsageError
from infoblad_cli.search import SNIPPET_MAX, EmptyQueryError, Hit, fold, search, search_page, suggestions

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


def only(bundle: m.Bundle, *narratives: m.Narrative) -> m.Bundle:
    """A bundle that holds just ``narratives`` (and empty texts of the kinds that are always there)."""
    return bundle._replace(
        narratives=narratives,
        lessons=(),
        cases=(),
        personal=m.Personal("Leeg", "Niets.", ()),
        about=bundle.about._replace(
            title="Leeg", summary="Niets.", sections=(), provenance="", checked="", sources=()
        ),
        contacts=(),
        glossary=(),
        quiz_themes=(),
        questions=(),
    )


def ids(hits: list[Hit]) -> list[str]:
    return [h.id for h in hits]


def keys(hits: list[Hit]) -> list[tuple[str, str]]:
    return [(h.kind, h.id) for h in hits]


def highlighted(hit: Hit) -> list[str]:
    return [hit.snippet[start:end] for start, end in hit.spans]


# ---------------------------------------------------------------- the contract of old


def test_vertrouwen_finds_many_places_in_dutch(nl: m.Bundle) -> None:
    hits = search(nl, "vertrouwen")
    assert len(hits) >= 10
    assert {"narratives", "lessons", "cases"} <= {h.kind for h in hits}
    for hit in hits:
        assert any("vertrouw" in fold(word) for word in highlighted(hit)), hit


def test_trust_finds_many_places_in_english(en: m.Bundle) -> None:
    hits = search(en, "trust")
    assert len(hits) >= 10
    assert {"narratives", "lessons", "cases"} <= {h.kind for h in hits}
    for hit in hits:
        assert any("trust" in fold(word) for word in highlighted(hit)), hit


def test_case_does_not_matter(nl: m.Bundle) -> None:
    lower = [(h.kind, h.id, h.spans) for h in search(nl, "vertrouwen")]
    assert lower == [(h.kind, h.id, h.spans) for h in search(nl, "VERTROUWEN")]
    assert lower == [(h.kind, h.id, h.spans) for h in search(nl, "VerTrouwen")]


def test_accents_do_not_matter_in_text_or_query(nl: m.Bundle) -> None:
    bundle = only(nl, blank_narrative(nl, "geld", summary="Het gaat om de financiën van de GEMEENTE."))
    for query in ("financien", "financiën", "FINANCIËN", "fínanciën"):
        hits = search(bundle, query)
        assert keys(hits) == [("narratives", "geld")], query
        assert highlighted(hits[0]) == ["financiën"]


def test_accents_in_the_real_content(nl: m.Bundle) -> None:
    # 'ideeën' and 'geïnformeerd' are in the built-in Dutch content.
    for query, written in (("ideeen", "ideeën"), ("geinformeerd", "geïnformeerd")):
        hits = search(nl, query)
        assert hits, query
        assert any(written in highlighted(hit) for hit in hits), query


def test_nothing_found_is_an_empty_list(nl: m.Bundle) -> None:
    assert search(nl, MARKER) == []
    assert search_page(nl, MARKER) == ([], 0)


@pytest.mark.parametrize("query", ["", "   ", " - ? ", "…"])
def test_a_query_without_words_is_a_usage_error(nl: m.Bundle, query: str) -> None:
    with pytest.raises(EmptyQueryError) as caught:
        search(nl, query)
    assert issubclass(EmptyQueryError, ValueError) and issubclass(EmptyQueryError, UsageError)
    assert caught.value.exit_code == EXIT_USAGE
    assert "infoblad search" in caught.value.hint_text("nl") and "vertrouwen" in caught.value.hint_text("nl")
    assert caught.value.text("en") == "Give a word to search for."


def test_content_packs_are_searched() -> None:
    bundle = content.load_bundle("nl", [ROOT / "examples" / "voorbeeldpack"])
    hits = search(bundle, "voorbeeldstad")
    assert ("contact", "voorbeeldstad-samenleven", "infoblad contact") in [
        (h.kind, h.id, h.command) for h in hits
    ]
    hit = search(bundle, "weekmarkt")[0]
    assert (hit.kind, hit.id, hit.field) == ("quiz", "voorbeeldstad-markt-gerucht", "setting")
    assert hit.command == "infoblad quiz --question voorbeeldstad-markt-gerucht"


# ---------------------------------------------------------------- every text of every kind


def _first(bundle: m.Bundle, kind: type) -> int:
    return next(i for i, q in enumerate(bundle.questions) if isinstance(q, kind))


# (path to a text, the hit's kind, its field, its command: "" when another row checks it)
FIELDS: list[tuple[tuple[Any, ...], str, str, str]] = [
    (("narratives", 0, "title"), "narratives", "title", "infoblad narratives {id}"),
    (("narratives", 0, "summary"), "narratives", "summary", ""),
    (("narratives", 0, "experience"), "narratives", "experience", ""),
    (("narratives", 0, "how_it_grows"), "narratives", "how_it_grows", ""),
    (("narratives", 0, "voices", 1), "narratives", "voices", ""),
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


def _entry_id(bundle: m.Bundle, path: tuple[Any, ...]) -> str:
    if path[0] == "personal":
        return bundle.personal.themes[path[2]].id if path[1] == "themes" else "intro"
    if path[0] == "about":
        return bundle.about.sections[path[2]].id if path[1] == "sections" else "about"
    return str(getattr(bundle, path[0])[path[1]].id)


@pytest.mark.parametrize(("path", "kind", "field", "command"), FIELDS, ids=lambda v: str(v))
def test_every_text_of_every_kind_is_searched_and_opens_its_item(
    nl: m.Bundle, path: tuple[Any, ...], kind: str, field: str, command: str
) -> None:
    if path[0] == "questions":
        path = ("questions", _first(nl, path[1]), *path[2:])
    bundle = put(nl, path, f"Hier staat {MARKER.upper()} in de tekst.")
    hits = search(bundle, MARKER)
    assert len(hits) == 1, hits
    (hit,) = hits
    entry_id = _entry_id(nl, path)
    assert (hit.kind, hit.id, hit.field) == (kind, entry_id, field)
    if command:
        assert hit.command == command.format(id=entry_id)
    assert highlighted(hit) == [MARKER.upper()]


# ---------------------------------------------------------------- language: stems, compounds, stop words


@pytest.mark.parametrize(
    ("written", "query"),
    [
        ("Een bedreiging aan de balie.", "bedreigd"),
        ("Hij wil zijn afspraken nakomen.", "nagekomen"),
        ("Vergeet het terugkoppelen niet.", "terugkoppeling"),
        ("Ze hebben drie keer gebeld.", "bellen"),
        ("Beloftes van de gemeente.", "belofte"),
    ],
)
def test_dutch_word_forms_find_each_other(nl: m.Bundle, written: str, query: str) -> None:
    bundle = only(nl, blank_narrative(nl, "x", summary=written), blank_narrative(nl, "y"))
    (hit,) = search(bundle, query)
    assert hit.id == "x" and len(highlighted(hit)) == 1


@pytest.mark.parametrize(
    ("written", "query"),
    [
        ("She was threatened twice.", "threats"),
        ("Residents' meetings", "meeting"),
        ("Promises made.", "promise"),
    ],
)
def test_english_word_forms_find_each_other(en: m.Bundle, written: str, query: str) -> None:
    bundle = only(en, blank_narrative(en, "x", summary=written), blank_narrative(en, "y"))
    assert ids(search(bundle, query)) == ["x"]


def test_exact_word_form_ranks_above_another_form(nl: m.Bundle) -> None:
    bundle = only(
        nl,
        blank_narrative(nl, "other", summary="Zij weten het."),
        blank_narrative(nl, "exact", summary="Zij gewetens."),
    )
    assert search(bundle, "weten")[0].id == "other"


def test_parts_of_dutch_compounds_are_found(nl: m.Bundle) -> None:
    assert {"ambtseed"} <= set(ids(search(nl, "eed")))  # the glossary term and the personal theme
    assert {("glossary", "ambtseed"), ("personal", "ambtseed")} <= set(keys(search(nl, "eed")))
    bundle = only(
        nl,
        blank_narrative(nl, "compound", summary="De fietsenstalling is vol."),
        blank_narrative(nl, "vertrouwen", summary="Vertrouwen in de overheid."),
        blank_narrative(nl, "fietsen", summary="Wij fietsen naar het werk."),
        blank_narrative(nl, "stalling", summary="Een stalling voor de winter."),
    )
    assert ids(search(bundle, "fietsen")) == ["fietsen", "compound"]  # the word itself above a part of a word
    assert ids(search(bundle, "stalling")) == ["stalling", "compound"]
    assert ids(search(bundle, "trouwen")) == []  # 'ver' is no part: too short


def test_compound_parts() -> None:
    words = {
        "ambtenaar",
        "ambtelijk",
        "ambtseed",
        "eed",
        "opvang",
        "locatie",
        "opvanglocatie",
        "ver",
        "trouwen",
    }

    def parts(word: str) -> tuple[str, ...]:
        starts = {w[:n] for w in words for n in range(4, len(w))}
        many = {p for p in starts if sum(w.startswith(p) for w in words) >= 2}
        return analysis.compound_parts(word, words.__contains__, many.__contains__, "nl")

    assert parts("ambtseed") == ("ambt", "eed")  # a linking s after a stretch that starts other words
    assert parts("opvanglocatie") == ("opvang", "locatie")
    assert parts("vertrouwen") == ()  # 'ver' is too short to be a part
    assert parts("bedreiging") == ()
    assert analysis.compound_parts("opvanglocatie", words.__contains__, words.__contains__, "en") == ()


def test_query_compounds_the_content_does_not_hold_match_on_their_parts(nl: m.Bundle) -> None:
    bundle = only(
        nl,
        blank_narrative(nl, "both", summary="Een avond voor de buurt met informatie."),
        blank_narrative(nl, "one", summary="Alleen informatie."),
    )
    assert search(bundle, "informatieavond")[0].id == "both"


def test_stop_words_do_not_count_unless_they_are_all_there_is(nl: m.Bundle) -> None:
    assert keys(search(nl, "de vertrouwen van het")) == keys(search(nl, "vertrouwen"))
    assert search(nl, "de")  # only stop words: they are searched for
    assert analysis.content_words(["de", "wijk"], "nl") == ["wijk"]
    assert analysis.content_words(["the", "of"], "en") == ["the", "of"]


def test_words_are_folded_and_split_at_punctuation() -> None:
    assert analysis.words("  Financiën  VERTROUWEN, collega’s [bold] e-mail ") == [
        "financien",
        "vertrouwen",
        "collega",
        "s",
        "bold",
        "e",
        "mail",
    ]


# ---------------------------------------------------------------- thesaurus


def test_the_thesaurus_finds_words_the_content_does_not_use(nl: m.Bundle, en: m.Bundle) -> None:
    assert "vluchtelingen" not in fold(str(nl))  # only the thesaurus links it to the azc
    assert ("cases", "gilze-azc") in keys(search(nl, "vluchtelingen"))[:3]
    assert ("glossary", "wappie") in keys(search(nl, "complotdenkers"))[:5]
    assert ("cases", "gilze-azc") in keys(search(en, "refugees"))[:3]


def _pack(tmp_path: Path, synonyms: str, narratives: str) -> Path:
    (tmp_path / "nl").mkdir(parents=True)
    (tmp_path / "nl" / "synonyms.yaml").write_text(synonyms, encoding="utf-8")
    (tmp_path / "nl" / "narratives.yaml").write_text(narratives, encoding="utf-8")
    return tmp_path


NARRATIVE = """narratives:
  - id: {id}
    title: {title}
    summary: {summary}
    experience: Niets.
    how_it_grows: Niets.
    voices: ["Niets."]
    asks_of_you: {{frontline: ["Niets."], policy: ["Niets."]}}
    lessons: [aanwezig-zijn]
    sources: [{{title: Bron, url: "https://example.org"}}]
"""


def test_a_pack_extends_the_thesaurus_and_the_word_itself_ranks_first(tmp_path: Path) -> None:
    narratives = NARRATIVE.format(id="qqzelf", title="Een", summary="Over qqalfa.") + NARRATIVE.format(
        id="qqander", title="Twee", summary="Over qqbeta."
    ).replace("narratives:\n", "")
    pack = _pack(tmp_path, "synonyms:\n  - [qqalfa, qqbeta]\n", narratives)
    bundle = content.load_bundle("nl", [pack])
    hits = search(bundle, "qqalfa")
    assert ids(hits) == ["qqzelf", "qqander"]
    assert hits[0].score > hits[1].score
    assert highlighted(hits[1]) == ["qqbeta"]
    assert ids(search(bundle, "qqbeta")) == ["qqander", "qqzelf"]
    assert ("cases", "gilze-azc") in keys(search(bundle, "vluchtelingen"))  # the built-in groups stay
    assert ids(search(content.load_bundle("nl"), "qqalfa")) == []


def test_a_thesaurus_phrase_of_several_words(tmp_path: Path) -> None:
    narratives = NARRATIVE.format(id="qqdoel", title="Een", summary="Over qqgamma.")
    pack = _pack(tmp_path, "synonyms:\n  - [qqalfa qqbeta, qqgamma]\n", narratives)
    bundle = content.load_bundle("nl", [pack])
    assert ids(search(bundle, "qqalfa qqbeta")) == ["qqdoel"]
    assert ids(search(bundle, "qqalfa")) == []  # one word of the phrase is not the phrase


def test_a_changed_thesaurus_is_used_at_once(tmp_path: Path) -> None:
    narratives = NARRATIVE.format(id="qqdoel", title="Een", summary="Over qqgamma.")
    pack = _pack(tmp_path, "synonyms:\n  - [qqalfa, qqgamma]\n", narratives)
    assert ids(search(content.load_bundle("nl", [pack]), "qqalfa")) == ["qqdoel"]
    (pack / "nl" / "synonyms.yaml").write_text("synonyms:\n  - [qqdelta, qqgamma]\n", encoding="utf-8")
    assert ids(search(content.load_bundle("nl", [pack]), "qqalfa")) == []
    assert ids(search(content.load_bundle("nl", [pack]), "qqdelta")) == ["qqdoel"]


def test_a_broken_thesaurus_file_does_not_break_search(tmp_path: Path) -> None:
    narratives = NARRATIVE.format(id="qqdoel", title="Een", summary="Over qqgamma.")
    pack = _pack(tmp_path, "synonyms: [: broken", narratives)
    assert ids(search(content.load_bundle("nl", [pack]), "qqgamma")) == ["qqdoel"]


# ---------------------------------------------------------------- ranking


def test_entries_with_all_words_come_first_then_most(nl: m.Bundle) -> None:
    bundle = only(
        nl,
        blank_narrative(nl, "one", summary="Alleen qqalfa, qqalfa en nog eens qqalfa."),
        blank_narrative(nl, "all", experience="qqalfa en qqbeta en qqgamma"),
        blank_narrative(nl, "two", summary="qqalfa qqbeta"),
        blank_narrative(nl, "none"),
    )
    assert ids(search(bundle, "qqalfa qqbeta qqgamma")) == ["all", "two", "one"]
    assert ids(search(bundle, "qqgamma qqalfa qqbeta")) == ["all", "two", "one"]  # order does not matter


def test_real_content_all_words_first(nl: m.Bundle) -> None:
    azc, wijk = set(keys(search(nl, "azc"))), set(keys(search(nl, "wijk")))
    both = keys(search(nl, "azc wijk"))
    assert 0 < len(azc & wijk) < len(both)
    assert set(both[: len(azc & wijk)]) == azc & wijk
    assert set(both) == azc | wijk


def test_title_above_summary_above_body_above_sources(nl: m.Bundle) -> None:
    bundle = only(
        nl,
        blank_narrative(nl, "source", sources=(m.Source("Over qqwoord", "https://x.nl"),)),
        blank_narrative(nl, "body", experience=" ".join(["Qqwoord hier."] * 20)),
        blank_narrative(nl, "summary", summary="Een qqwoord."),
        blank_narrative(nl, "title", title="Over qqwoord"),
    )
    assert ids(search(bundle, "qqwoord")) == ["title", "summary", "body", "source"]


def test_rare_words_weigh_more_than_common_ones(nl: m.Bundle) -> None:
    common = [blank_narrative(nl, f"c{i}", summary="qqvaak") for i in range(8)]
    bundle = only(nl, *common, blank_narrative(nl, "rare", summary="qqzelden"), blank_narrative(nl, "x"))
    hits = search(bundle, "qqvaak qqzelden")
    assert hits[0].id == "rare" and len(hits) == 9


def test_ties_keep_the_order_of_the_content(nl: m.Bundle) -> None:
    bundle = only(nl, blank_narrative(nl, "n1", title="Qqterm"), blank_narrative(nl, "n2", title="Qqterm"))
    hits = search(bundle, "qqterm")
    assert ids(hits) == ["n1", "n2"] and hits[0].score == hits[1].score


def test_one_hit_per_entry_limit_and_determinism(nl: m.Bundle) -> None:
    hits = search(nl, "vertrouwen")
    assert len(keys(hits)) == len(set(keys(hits)))
    assert hits == search(nl, "vertrouwen")
    assert search(nl, "vertrouwen", limit=5) == hits[:5]
    assert search(nl, "vertrouwen", limit=0) == []
    assert search_page(nl, "vertrouwen", limit=5)[1] == len(hits)


# ---------------------------------------------------------------- snippets


def test_the_snippet_comes_from_the_field_with_most_words(nl: m.Bundle) -> None:
    bundle = only(
        nl,
        blank_narrative(nl, "x", summary="Alleen qqalfa.", experience="Hier qqalfa en ook qqbeta samen."),
    )
    (hit,) = search(bundle, "qqalfa qqbeta")
    assert hit.field == "experience"
    assert highlighted(hit) == ["qqalfa", "qqbeta"]
    (hit,) = search(bundle, "qqalfa")
    assert hit.field == "summary"  # one word: the summary outranks the body


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
    (hit,) = search(only(nl, blank_narrative(nl, "x", experience=text)), "qqmidden")
    assert hit.field == "experience"
    assert hit.snippet.startswith("…woord") and hit.snippet.endswith("…")
    assert set(hit.snippet.strip("…").split(" ")) <= {*words, "qqmidden"}  # no word cut in two
    assert highlighted(hit) == ["qqmidden"]


def test_spans_are_right_when_folding_changes_the_length(nl: m.Bundle) -> None:
    # 'ß' folds to two characters, 'ﬁ' (a ligature) to two, 'e' + U+0301 to one: offsets shift.
    text = "De Straße, de ﬁets en het cafe\u0301 kosten veel: dat raakt de ﬁnanciën. Financiën!"
    bundle = only(nl, blank_narrative(nl, "x", summary=text))
    (hit,) = search(bundle, "financien")
    assert hit.snippet == text
    assert highlighted(hit) == ["ﬁnanciën", "Financiën"]
    (hit,) = search(bundle, "strasse cafe fiets")
    assert highlighted(hit) == ["Straße", "ﬁets", "cafe\u0301"]


def test_markup_is_searched_and_shown_literally(nl: m.Bundle) -> None:
    text = "Dit is [bold]geen opmaak[/bold] en [link=https://x.nl]ook geen link[/link]."
    (hit,) = search(only(nl, blank_narrative(nl, "x", summary=text)), "[bold]")
    assert hit.snippet == text
    assert highlighted(hit) == ["bold", "bold"]


def test_control_characters_in_content_do_not_break_the_search(nl: m.Bundle) -> None:
    text = "Voor\x00qqwoord\x01 na \x1b[31mrood"
    (hit,) = search(only(nl, blank_narrative(nl, "x", summary=text, experience="qqwoord")), "qqwoord")
    assert hit.field == "summary"
    assert highlighted(hit) == ["qqwoord"]
    assert "\x1b[31mrood" in hit.snippet


# ---------------------------------------------------------------- suggestions


def test_typos_get_the_closest_words_of_the_content(nl: m.Bundle, en: m.Bundle) -> None:
    assert search(nl, "vertrouwn") == []
    assert suggestions(nl, "vertrouwn")[0] == "vertrouwen"
    assert "wantrouwen" in suggestions(nl, "wantrouwn")
    assert "trust" in suggestions(en, "trsut") or "trust" in suggestions(en, "turst")
    assert suggestions(nl, MARKER) == []
    assert len(suggestions(nl, "vertrouwn")) <= 3


# ---------------------------------------------------------------- folding


def test_fold() -> None:
    assert fold("Financiën") == "financien"
    assert fold("STRAßE") == "strasse"
    assert fold("ﬁets") == "fiets"
    assert fold("cafe\u0301 café") == "cafe cafe"
    assert fold("‘a’ “b” – c — d") == "'a' \"b\" - c - d"


ALPHABET = "aAeEiIsSzZ .,[]-éëÉïßﬁİΣς’“–\u0301\u0308\u00a0"


@settings(max_examples=150, deadline=None)
@given(st.text(ALPHABET, max_size=30), st.text(ALPHABET, max_size=30))
def test_fold_works_character_by_character(a: str, b: str) -> None:
    assert fold(a + b) == fold(a) + fold(b)
    assert fold(fold(a)) == fold(a)


@settings(max_examples=150, deadline=None)
@given(st.text(ALPHABET, min_size=1, max_size=40))
def test_word_spans_point_at_text_that_folds_to_the_word(text: str) -> None:
    spans = analysis.word_spans(text)
    assert [w for w, _, _ in spans] == analysis.words(text) or all(
        w in analysis.words(text) for w, _, _ in spans
    )
    for word, start, end in spans:
        assert 0 <= start < end <= len(text)
        assert word in fold(text[start:end])


# ---------------------------------------------------------------- the index


def test_the_index_is_kept_in_the_cache_and_rebuilt_when_content_changes(
    nl: m.Bundle, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("INFOBLAD_CACHE_DIR", str(tmp_path))
    bundle = only(nl, blank_narrative(nl, "x", summary="qqeerst"))
    assert ids(search(bundle, "qqeerst")) == ["x"]
    first = sorted(tmp_path.glob("search-nl-*.sqlite3"))
    assert len(first) == 1
    assert ids(search(bundle, "qqeerst")) == ["x"]
    assert sorted(tmp_path.glob("search-nl-*.sqlite3")) == first  # read, not built again
    changed = only(nl, blank_narrative(nl, "x", summary="qqtweede"))
    assert ids(search(changed, "qqtweede")) == ["x"] and search(changed, "qqeerst") == []
    assert len(list(tmp_path.glob("search-nl-*.sqlite3"))) == 2


def test_a_damaged_index_is_built_again(
    nl: m.Bundle, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("INFOBLAD_CACHE_DIR", str(tmp_path))
    bundle = only(nl, blank_narrative(nl, "x", summary="qqeerst"))
    search(bundle, "qqeerst")
    (index,) = tmp_path.glob("search-nl-*.sqlite3")
    index.write_bytes(b"not a database")
    assert ids(search(bundle, "qqeerst")) == ["x"]


def test_search_works_without_a_cache(nl: m.Bundle, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("INFOBLAD_CACHE_DIR", "")
    bundle = only(nl, blank_narrative(nl, "x", summary="qqzonder"))
    assert ids(search(bundle, "qqzonder")) == ["x"]


def test_search_time_grows_at_most_linearly(nl: m.Bundle) -> None:
    def bundle_of(n: int) -> m.Bundle:
        base = nl.narratives
        return nl._replace(
            narratives=tuple(base[i % len(base)]._replace(id=f"x{i}", title=f"Titel {i}") for i in range(n))
        )

    def best_time(bundle: m.Bundle) -> float:
        search(bundle, "vertrouwen overheid", limit=20)  # builds the index once
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
