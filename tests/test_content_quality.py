# SPDX-FileCopyrightText: 2026 The infoblad team
# SPDX-License-Identifier: EUPL-1.2
"""Editorial quality of the built-in content: complete, sourced, plain and readable.

test_content.py checks that the content is valid and that the languages are in
step. These tests guard what an editor cares about: enough substance, a source
behind every entry, plain text without markup, short Dutch sentences, and
cross-references that agree in both directions. Thresholds were measured on the
content as edited (see the comments) and leave a small margin, so that drift
is caught early.
"""

from __future__ import annotations

import json
import re
from collections.abc import Iterator
from typing import Any

import pytest
from typer.testing import CliRunner

from infoblad_cli import content
from infoblad_cli import models as m
from infoblad_cli.cli import app

LANGS = ("nl", "en")

_BUNDLES: dict[str, m.Bundle] = {}


def bundle(lang: str) -> m.Bundle:
    """Load lazily, inside a test, so the isolated cache folder of conftest is used."""
    if lang not in _BUNDLES:
        _BUNDLES[lang] = content.load_bundle(lang)
    return _BUNDLES[lang]


# A sentence ends at . ! or ? followed by white space (a closing quote may come first).
_SENTENCE_END = re.compile(r"(?<=[.!?])\s+|(?<=[.!?]['\"])\s+")
MARKUP = ("**", "<", "](", "`")


def paragraphs(text: str) -> list[str]:
    return [p.strip() for p in text.split("\n\n") if p.strip()]


def sentences(paragraph: str) -> list[str]:
    return [s for s in _SENTENCE_END.split(paragraph.strip()) if s.strip()]


def strings(value: Any) -> Iterator[str]:
    """Every text in a (nested) content value: named tuples, tuples and strings."""
    if isinstance(value, str):
        yield value
    elif isinstance(value, tuple):
        for item in value:
            yield from strings(item)


def has_markup(text: str) -> bool:
    return any(mark in text for mark in MARKUP)


def narrative_text(n: m.Narrative) -> str:
    return "\n\n".join(
        [n.experience, n.how_it_grows, *n.voices, *n.asks_of_you.frontline, *n.asks_of_you.policy]
    )


def lesson_text(lesson: m.Lesson) -> str:
    return "\n\n".join(
        [lesson.lesson, lesson.why_it_works, lesson.tomorrow.frontline, lesson.tomorrow.policy]
    )


def case_text(case: m.Case) -> str:
    return "\n\n".join([case.situation, case.approach, case.result, case.caveat])


# --------------------------------------------------------------------- the helpers themselves


def test_the_helpers_can_tell_good_from_bad() -> None:
    assert has_markup("Lees **dit** eerst") and has_markup("zie <b>hier</b>") and has_markup("[a](https://x)")
    assert not has_markup("Gewone tekst, met 'quotes' en (haakjes).")
    assert sentences("Een zin. Nog een zin? En een derde!") == ["Een zin.", "Nog een zin?", "En een derde!"]
    assert sentences("Hij zei: 'Klaar.' Daarna ging hij.") == ["Hij zei: 'Klaar.'", "Daarna ging hij."]
    assert paragraphs("a\n\n\n\nb\n\n") == ["a", "b"]


# --------------------------------------------------------------------- enough content


@pytest.mark.parametrize("lang", LANGS)
def test_there_is_enough_content(lang: str) -> None:
    b = bundle(lang)
    assert len(b.narratives) >= 5
    assert len(b.lessons) >= 10
    assert len(b.cases) >= 5


@pytest.mark.parametrize("kind", ["narratives", "lessons", "cases"])
@pytest.mark.parametrize("lang", LANGS)
def test_every_entry_shows_a_source_url_in_json(lang: str, kind: str) -> None:
    result = CliRunner().invoke(app, [kind, "--json", "--lang", lang])
    assert result.exit_code == 0, result.output
    data = json.loads(result.stdout)
    entries = data[kind]
    assert len(entries) == len(getattr(bundle(lang), kind))
    for entry in entries:
        urls = [source["url"] for source in entry["sources"]]
        assert urls, f"{lang} {kind} {entry['id']}: no sources"
        assert all(re.match(r"https?://\S+\.\S+", url) for url in urls), (entry["id"], urls)
        assert all(source["title"].strip() for source in entry["sources"]), entry["id"]


@pytest.mark.parametrize("lang", LANGS)
def test_narratives_lessons_and_cases_are_substantial(lang: str) -> None:
    b = bundle(lang)
    # As edited: narratives >= 2230 characters, lessons >= 1190, cases >= 970.
    for n in b.narratives:
        assert len(narrative_text(n)) >= 1800, n.id
        assert len(paragraphs(n.experience) + paragraphs(n.how_it_grows)) >= 4, n.id
        assert 2 <= len(n.voices) <= 3, n.id
        assert 2 <= len(n.asks_of_you.frontline) <= 4 and 2 <= len(n.asks_of_you.policy) <= 4, n.id
    for lesson in b.lessons:
        assert len(lesson_text(lesson)) >= 1000, lesson.id
        assert len(paragraphs(lesson.lesson) + paragraphs(lesson.why_it_works)) >= 3, lesson.id
    for case in b.cases:
        assert len(case_text(case)) >= 800, case.id
        assert len(paragraphs(case_text(case))) >= 4, case.id


@pytest.mark.parametrize("lang", LANGS)
def test_personal_and_about_are_substantial(lang: str) -> None:
    b = bundle(lang)
    # As edited: personal ~5800 characters (nl), about ~8400.
    personal = b.personal
    assert len(personal.intro) + sum(len(t.text) for t in personal.themes) >= 4500
    assert len(personal.themes) >= 7
    for theme in personal.themes:
        assert len(theme.text) >= 450, theme.id
        assert theme.sources, theme.id
    about = b.about
    assert len(about.summary) + len(about.provenance) + sum(len(s.text) for s in about.sections) >= 6500
    for section in about.sections:
        assert len(section.text) >= 300, section.id
    assert len(paragraphs(about.provenance)) >= 3


@pytest.mark.parametrize("lang", LANGS)
def test_each_personal_theme_has_two_or_three_questions(lang: str) -> None:
    for theme in bundle(lang).personal.themes:
        assert 2 <= len(theme.questions) <= 3, (theme.id, len(theme.questions))


def test_the_narratives_cover_the_five_themes_of_distrust() -> None:
    texts = [
        " ".join([n.title, n.summary, n.experience, n.how_it_grows]).lower() for n in bundle("nl").narratives
    ]
    for words in (
        "onzichtbare overheid",
        "menselijke maat",
        "ongelijke behandeling",
        "niet gehoord",
        "incompetentie",
    ):
        assert any(words in text for text in texts), words
    # Each narrative carries one of them in its own title, so none is a duplicate.
    titles = " | ".join(n.title.lower() for n in bundle("nl").narratives)
    for words in (
        "onzichtbare overheid",
        "onzichtbare burger",
        "ongelijke behandeling",
        "niet gehoord",
        "incompetentie",
    ):
        assert words in titles, words


# --------------------------------------------------------------------- plain, readable text


@pytest.mark.parametrize("lang", LANGS)
def test_no_text_contains_markup(lang: str) -> None:
    b = bundle(lang)
    offenders = [
        text[:60]
        for value in (
            b.narratives,
            b.lessons,
            b.cases,
            b.personal,
            b.about,
            b.contacts,
            b.glossary,
            b.questions,
        )
        for text in strings(value)
        if has_markup(text)
    ]
    assert offenders == []


def test_dutch_sentences_are_short() -> None:
    b = bundle("nl")
    counts = [
        len(sentence.split())
        for text in [
            *(n.experience + "\n\n" + n.how_it_grows for n in b.narratives),
            *(lesson.lesson + "\n\n" + lesson.why_it_works for lesson in b.lessons),
        ]
        for paragraph in paragraphs(text)
        for sentence in sentences(paragraph)
    ]
    assert len(counts) > 200
    # As edited: 10.4 words per sentence on average, the longest 22 words.
    assert sum(counts) / len(counts) <= 11.5
    assert max(counts) <= 25


@pytest.mark.parametrize("lang", LANGS)
def test_paragraphs_are_short_and_summaries_fit_on_a_line(lang: str) -> None:
    b = bundle(lang)
    long_paragraphs = [
        (owner.id, paragraph[:50])
        for owner, texts in [
            *((n, [n.experience, n.how_it_grows]) for n in b.narratives),
            *((lesson, [lesson.lesson, lesson.why_it_works]) for lesson in b.lessons),
            *((case, [case.situation, case.approach, case.result, case.caveat]) for case in b.cases),
            *((theme, [theme.text]) for theme in b.personal.themes),
        ]
        for text in texts
        for paragraph in paragraphs(text)
        if len(sentences(paragraph)) > 5
    ]
    assert long_paragraphs == []
    for entry in (*b.narratives, *b.lessons, *b.cases):
        assert len(entry.summary) <= 110, entry.id
        assert len(entry.title) <= 45, entry.id


# --------------------------------------------------------------------- sources and references


def _sourced(b: m.Bundle) -> dict[str, tuple[m.Source, ...]]:
    entries: dict[str, tuple[m.Source, ...]] = {"about": b.about.sources}
    for group, items in (
        ("narrative", b.narratives),
        ("lesson", b.lessons),
        ("case", b.cases),
        ("theme", b.personal.themes),
        ("section", b.about.sections),
        ("contact", b.contacts),
    ):
        for item in items:
            entries[f"{group} {item.id}"] = item.sources
    return entries


def test_nl_and_en_cite_the_same_sources() -> None:
    nl, en = _sourced(bundle("nl")), _sourced(bundle("en"))
    assert nl.keys() == en.keys()
    for key in nl:
        assert len(nl[key]) == len(en[key]), key
        # The sources are Dutch publications: the same title and URL in both languages.
        assert nl[key] == en[key], key


def test_each_url_has_one_title() -> None:
    titles: dict[str, set[str]] = {}
    for sources in _sourced(bundle("nl")).values():
        for source in sources:
            titles.setdefault(source.url, set()).add(source.title)
    assert {url: t for url, t in titles.items() if len(t) > 1} == {}


@pytest.mark.parametrize("lang", LANGS)
def test_cross_references_agree_both_ways(lang: str) -> None:
    b = bundle(lang)
    lessons = {lesson.id: lesson for lesson in b.lessons}
    cases = {case.id: case for case in b.cases}
    narratives = {n.id: n for n in b.narratives}
    for case in b.cases:
        for lesson_id in case.lessons:
            assert case.id in lessons[lesson_id].cases, f"case {case.id} -> lesson {lesson_id}"
    for lesson in b.lessons:
        for case_id in lesson.cases:
            assert lesson.id in cases[case_id].lessons, f"lesson {lesson.id} -> case {case_id}"
        for narrative_id in lesson.answers:
            assert lesson.id in narratives[narrative_id].lessons, f"lesson {lesson.id} -> {narrative_id}"
    for n in b.narratives:
        assert n.lessons, n.id
        for lesson_id in n.lessons:
            assert n.id in lessons[lesson_id].answers, f"narrative {n.id} -> lesson {lesson_id}"
    # Every lesson answers at least one narrative, and every case teaches at least one lesson.
    assert all(lesson.answers for lesson in b.lessons)
    assert all(case.lessons for case in b.cases)


@pytest.mark.parametrize("lang", LANGS)
def test_the_glossary_explains_the_dutch_terms(lang: str) -> None:
    terms = {term.id: term for term in bundle(lang).glossary}
    for term_id in (
        "boa",
        "maatwerk",
        "menselijke-maat",
        "schijninspraak",
        "aangifte",
        "moreel-beraad",
        "intervisie",
    ):
        assert term_id in terms, term_id
        explanation = terms[term_id].explanation
        assert 40 <= len(explanation) <= 300, term_id


# --------------------------------------------------------------------- the quiz


@pytest.mark.parametrize("lang", LANGS)
def test_the_quiz_is_broad_enough(lang: str) -> None:
    b = bundle(lang)
    questions = b.questions
    assert len(questions) >= 24
    assert len({q.theme for q in questions}) >= 4
    assert {q.kind for q in questions} == {"scenario", "recognise", "self-rating"}
    for theme in b.quiz_themes:
        assert sum(q.theme == theme.id for q in questions) >= 4, theme.id


@pytest.mark.parametrize("lang", LANGS)
def test_the_best_scenario_option_is_not_given_away_by_its_length(lang: str) -> None:
    scenarios = [q for q in bundle(lang).questions if isinstance(q, m.Scenario)]
    assert scenarios
    longest_is_best = 0
    for q in scenarios:
        best = next(o for o in q.options if o.weight == 2)
        assert any(o.weight == 0 for o in q.options), q.id  # at least one option that hurts
        if len(best.text) == max(len(o.text) for o in q.options):
            longest_is_best += 1
    # As edited: the best option is the longest in 5 (nl) or 6 (en) of 16 scenarios.
    assert longest_is_best <= len(scenarios) // 2
