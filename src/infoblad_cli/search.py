# SPDX-FileCopyrightText: 2026 The infoblad team
# SPDX-License-Identifier: EUPL-1.2
"""The search engine behind ``infoblad search TEXT``. Pure: no printing (the index lives in the cache).

A query is split into words; stop words are dropped (unless nothing else is
left). Each word becomes a *concept*: its Snowball stem (``bedreigd`` finds
``bedreiging``), for a Dutch compound its parts (``eed`` finds ``ambtseed``),
and the other words of its thesaurus groups (``vluchtelingen`` finds ``azc``).
Several words that together form a thesaurus phrase are one concept.

Ranking instead of filtering: entries that match every concept come first, then
those that match most; within that, the sum per concept of its BM25 score
(SQLite FTS5), with the title above the summary above the body above the
sources, and rare words above common ones. A thesaurus match counts a bit less
than the word itself. Ties: the order of the content. One hit per entry, with
a snippet from the field that matches most concepts.

Nothing found: ``suggestions`` gives the closest words of the content (typos).
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from typing import TYPE_CHECKING, NamedTuple

from . import analysis as a
from . import models as m
from .analysis import fold
from .errors import UsageError, msg
from .search_index import Index, every, open_index, phrase

if TYPE_CHECKING:
    from .kinds import Document

__all__ = ["EmptyQueryError", "Hit", "fold", "search", "search_page", "suggestions"]

SNIPPET_MAX = 160  # characters in a snippet, the ellipses included
SNIPPET_BEFORE = 40  # characters of context before the first match
SYNONYM_WEIGHT = 0.6  # a thesaurus match counts this much of a match of the word itself
CLASS_ORDER = {"title": 0, "summary": 3, "body": 2, "source": 1}  # snippet preference


class Hit(NamedTuple):
    """One entry that matched, ready to be shown."""

    kind: str
    id: str
    title: str
    field: str  # the field the snippet comes from, e.g. "summary", "voices", "title"
    snippet: str  # at most SNIPPET_MAX characters, whitespace collapsed, "…" where cut
    spans: tuple[tuple[int, int], ...]  # (start, end) of the matched words in `snippet`
    score: float
    command: str  # the command that opens exactly this item


class EmptyQueryError(UsageError, ValueError):
    """The query holds no word to search for (only spaces or punctuation)."""


class _Concept(NamedTuple):
    direct: frozenset[str]  # FTS5 expressions for the query's own words
    related: frozenset[str]  # FTS5 expressions from the thesaurus
    terms: frozenset[str]  # every term involved, for highlighting


def _documents(bundle: m.Bundle) -> list[Document]:
    from .kinds import documents

    return list(documents(bundle))


def _words(bundle: m.Bundle, query: str) -> list[str]:
    found = a.words(query)
    if not found:
        raise EmptyQueryError(msg("search.empty"), hint=msg("search.empty_hint"))
    return list(dict.fromkeys(a.content_words(found, bundle.lang)))


def _concepts(index: Index, words: list[str]) -> list[_Concept]:
    """One concept per query word, or per run of words that forms a thesaurus phrase."""
    stems = [index.stem_of(w) for w in words]
    thesaurus = index.thesaurus(stems)
    longest = max((len(p) for p in thesaurus), default=1)
    concepts: list[_Concept] = []
    at = 0
    while at < len(words):
        size = next(
            (
                n
                for n in range(min(longest, len(words) - at), 1, -1)
                if tuple(stems[at : at + n]) in thesaurus
            ),
            1,
        )
        direct: set[str] = set()
        others: set[tuple[str, ...]] = (
            set(thesaurus.get(tuple(stems[at : at + size]), ())) if size > 1 else set()
        )
        terms: set[str] = set()
        for word, stem in zip(words[at : at + size], stems[at : at + size], strict=True):
            direct.update((phrase([stem]), phrase([word])))
            terms.update((stem, word))
            parts = index.parts(word)
            if len(parts) > 1:  # an unknown compound: its parts together
                direct.add(every(parts))
                terms.update(parts)
            others.update(thesaurus.get((stem,), ()))
        for other in others:
            terms.update(other)
        concepts.append(_Concept(frozenset(direct), frozenset(phrase(o) for o in others), frozenset(terms)))
        at += size
    return concepts


def search(bundle: m.Bundle, query: str, limit: int | None = None) -> list[Hit]:
    """The entries of ``bundle`` that match ``query``, best first (see the module's docstring).

    ``limit`` keeps only the first hits (None: all). Nothing relevant: an empty
    list. A query without any letter or digit raises ``EmptyQueryError`` (a
    ``ValueError`` and a ``UsageError``, so the CLI exits with code 2).
    """
    return search_page(bundle, query, limit)[0]


def search_page(bundle: m.Bundle, query: str, limit: int | None = None) -> tuple[list[Hit], int]:
    """Like ``search``, plus how many entries matched in all: snippets are made only for the page."""
    words = _words(bundle, query)
    docs = _documents(bundle)
    index = open_index(bundle.lang, docs, bundle.packs)
    concepts = _concepts(index, words)
    coverage: dict[int, int] = {}
    total: dict[int, float] = {}
    for concept in concepts:
        scores = index.match(concept.direct)
        for number, score in index.match(concept.related).items():
            scores[number] = max(scores.get(number, 0.0), SYNONYM_WEIGHT * score)
        for number, score in scores.items():
            coverage[number] = coverage.get(number, 0) + 1
            total[number] = total.get(number, 0.0) + score
    ranked = sorted(total, key=lambda n: (-coverage[n], -total[n], n))
    shown = ranked if limit is None else ranked[: max(limit, 0)]
    marker = _Marker([index.forms(concept.terms) for concept in concepts])
    hits = []
    for number in shown:
        doc = docs[number]
        field, snippet, spans = _best_snippet(doc.fields, marker)
        hits.append(
            Hit(
                kind=doc.kind,
                id=doc.id,
                title=doc.title,
                field=field,
                snippet=snippet,
                spans=spans,
                score=round(total[number], 3),
                command=" ".join(("infoblad", *doc.command)),
            )
        )
    return hits, len(ranked)


def suggestions(bundle: m.Bundle, query: str, count: int = 3) -> list[str]:
    """The words of the content closest to the query's words (for a query that found nothing)."""
    import difflib

    index = open_index(bundle.lang, _documents(bundle), bundle.packs)
    vocabulary = sorted(index.vocabulary())
    found: dict[str, None] = {}
    for word in _words(bundle, query):
        for close in difflib.get_close_matches(word, vocabulary, n=count, cutoff=0.75):
            if close != word:
                found[close] = None
    return list(found)[:count]


# ---------------------------------------------------------------- snippets


class _Marker:
    """The folded words that count as a match (per concept), and one pattern that finds any of them."""

    def __init__(self, forms: list[set[str]]) -> None:
        self.forms = forms
        self.every = set().union(*forms)
        alternatives = "|".join(re.escape(f) for f in sorted(self.every, key=len, reverse=True))
        # Whole words only, as the tokenizer cuts them: letters and digits, not '_'.
        self.pattern = re.compile(rf"(?<![^\W_])(?:{alternatives})(?![^\W_])")

    def found(self, text: str) -> set[str]:
        return set(self.pattern.findall(fold(text)))

    def spans(self, text: str) -> list[tuple[int, int]]:
        """Where the words occur in ``text`` as written."""
        if text.isascii():  # folding is lower-casing: the offsets stay
            return [match.span() for match in self.pattern.finditer(text.lower())]
        return [(start, end) for word, start, end in a.word_spans(text) if word in self.every]

    def first(self, text: str) -> tuple[int, int] | None:
        if text.isascii():
            match = self.pattern.search(text.lower())
            return match.span() if match else None
        return a.first_word(text, self.every)


def _best_snippet(
    fields: Sequence[tuple[str, str, str]], marker: _Marker
) -> tuple[str, str, tuple[tuple[int, int], ...]]:
    """The field that matches most concepts (then the better class, then the first) and its snippet."""
    best = (0, -1)
    chosen = fields[0] if fields else ("title", "title", "")
    # Better classes first (stable: the first field wins a tie); a field with every word ends the search.
    for field in sorted(fields, key=lambda f: -CLASS_ORDER.get(f[1], 0)):
        found = marker.found(field[2])
        if not found:
            continue
        key = (sum(1 for f in marker.forms if found & f), CLASS_ORDER.get(field[1], 0))
        if key > best:
            best, chosen = key, field
            if key[0] == len(marker.forms):
                break
    name, _, text = chosen
    snippet, spans = _snippet(text, marker)
    return name, snippet, spans


def _last_space(text: str, start: int, end: int) -> int:
    return max(text.rfind(" ", start, end), text.rfind("\n", start, end))


def _snippet(text: str, marker: _Marker) -> tuple[str, tuple[tuple[int, int], ...]]:
    """A short piece of ``text`` around the first match, cut at word boundaries, with spans."""
    start, end = marker.first(text) or (0, 0)
    length = len(text)
    budget = SNIPPET_MAX - 2  # room for two ellipses
    left = max(0, start - SNIPPET_BEFORE)
    right = min(length, max(left + budget, end))
    if right == length:  # near the end: use the room before the match instead
        left = max(0, min(left, length - budget))
    if left > 0:
        space = re.compile(r"\s").search(text, left, start)
        left = space.end() if space else _last_space(text, 0, start) + 1
    if right < length:
        cut = _last_space(text, end, right + 1)
        if cut > end:
            right = cut
    body = " ".join(text[left:right].split())
    prefix = "…" if left > 0 else ""
    offset = len(prefix)
    spans = tuple((s + offset, e + offset) for s, e in marker.spans(body))
    return prefix + body + ("…" if right < length else ""), spans
