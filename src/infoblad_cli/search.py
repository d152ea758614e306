# SPDX-FileCopyrightText: 2026 The infoblad team
# SPDX-License-Identifier: EUPL-1.2
"""The search engine behind ``infoblad search TEXT``. Pure: no printing, no files.

Every text of every kind in one bundle (content packs included, as they are
layered into the bundle) is searched, case- and accent-insensitively:
``financien`` finds ``financiën``. Every word of the query has to occur
somewhere in an entry (a piece of a word is enough: ``trust`` finds
``distrust``). The hits come back ranked, each with the command that opens it
and a short snippet whose matched words are given as character spans.

Fast on big content packs: linear in the size of the text, no index, nothing
computed at import.

* Per entry, its texts are joined and folded in one call, and checked with
  ``in``. Only entries that match are scored; only the hits that are returned
  get a best field, a snippet and spans.
* ``fold`` lower-cases ASCII text in C; other text goes through the ASCII
  encoder with an error handler that folds just the runs of non-ASCII
  characters (5-7 times faster than a regular expression or ``str.translate``).

Ranking. A query word found in the title puts the entry in a higher tier: 100
points per word, 120 when it is a whole word there. So title hits always come
first. On top of that the other texts count, per class: summary and one-line
fields weigh 4, body text 2, source titles and "checked" lines 1; each times
``1 + ln(occurrences)`` (more is better, with diminishing returns), times 1.25
when the word also occurs as a whole word. That sum ``s`` is squashed to
``100 * s / (s + 25)``, below 100, so it never lifts an entry into the next
tier. Ties: kind order (narratives, lessons, cases, personal, about, glossary,
contact, quiz), then the order of the content.
"""

from __future__ import annotations

import codecs
import math
import re
import unicodedata
from collections.abc import Sequence
from functools import lru_cache
from typing import NamedTuple

from . import models as m
from .errors import UsageError
from .kinds import Document, documents

SNIPPET_MAX = 160  # characters in a snippet, the ellipses included
SNIPPET_BEFORE = 40  # characters of context before the first match

KINDS = ("narratives", "lessons", "cases", "personal", "about", "glossary", "contact", "quiz")

# Field weights. TITLE is a marker: the title field puts an entry in a higher tier.
TITLE = 0.0
SUMMARY = 4.0
BODY = 2.0
SOURCE = 1.0
TITLE_WORD = 100.0
TITLE_WHOLE_WORD = 120.0
WHOLE_WORD_FACTOR = 1.25
SQUASH = 25.0

_SEP = "\x00"  # joins the texts of one entry, to fold them in one call
_NON_ASCII_RUN = "[^\x00-\x7f]+"
_ERRORS = "infoblad.search.fold"  # the codec error handler that folds
_TYPOGRAPHIC = {
    "\u2018": "'",  # ‘
    "\u2019": "'",  # ’
    "\u201a": "'",  # ‚
    "\u201c": '"',  # “
    "\u201d": '"',  # ”
    "\u201e": '"',  # „
    "\u2010": "-",  # ‐ hyphen
    "\u2013": "-",  # –
    "\u2014": "-",  # —
    "\u2212": "-",  # − minus
}

_EMPTY_QUERY = {
    "nl": ("Geef een woord om naar te zoeken.", "Bijvoorbeeld: infoblad search vertrouwen"),
    "en": ("Give a word to search for.", "For example: infoblad search trust"),
}


class Hit(NamedTuple):
    """One entry that matched, ready to be shown."""

    kind: str  # one of KINDS
    id: str  # entry ID; theme, section, term, question or quiz theme ID; "intro" for the
    # introduction of `infoblad personal`, "about" for the texts of `infoblad about` outside its sections
    title: str
    field: str  # the field the snippet comes from, e.g. "summary", "voices", "title"
    snippet: str  # at most SNIPPET_MAX characters, whitespace collapsed, "…" where cut
    spans: tuple[tuple[int, int], ...]  # (start, end) of the matched words in `snippet`
    score: float
    command: str  # the command that opens it


class EmptyQueryError(UsageError, ValueError):
    """The query holds no word to search for (only spaces or punctuation)."""


# ---------------------------------------------------------------- folding


@lru_cache(maxsize=2048)
def _fold_run(run: str) -> str:
    """Fold a run of non-ASCII characters: compatibility-decompose, casefold, drop marks."""
    text = unicodedata.normalize("NFKD", unicodedata.normalize("NFKD", run).casefold())
    combining = unicodedata.combining
    return "".join(_TYPOGRAPHIC.get(c, c) for c in text if not combining(c))


def _fold_error(error: UnicodeError) -> tuple[bytes, int]:
    """Codec error handler: the folded form, as UTF-8, of a run of non-ASCII characters."""
    if not isinstance(error, UnicodeEncodeError):  # pragma: no cover - only used for encoding
        raise error
    run = error.object[error.start : error.end]
    return _fold_run(run).encode("utf-8", "surrogatepass"), error.end


def fold(text: str) -> str:
    """``text`` for comparing: casefolded, accents stripped, typographic quotes and dashes as ASCII.

    Folding works character by character: ``fold(a + b) == fold(a) + fold(b)``.
    The result can be longer or shorter than ``text`` ('ß' -> 'ss', 'e' + U+0308 -> 'e').

    Fast: ASCII text is only lower-cased. Other text goes through the ASCII
    encoder (C speed), whose error handler folds just the runs of non-ASCII
    characters; a regular expression or ``str.translate`` would be 5-7 times slower.
    """
    if text.isascii():
        return text.lower()
    try:
        encoded = text.encode("ascii", _ERRORS)
    except LookupError:  # first use in this process: register the handler
        codecs.register_error(_ERRORS, _fold_error)
        encoded = text.encode("ascii", _ERRORS)
    return encoded.decode("utf-8", "surrogatepass").lower()


def _fold_mapped(text: str) -> tuple[str, list[int]]:
    """``fold(text)`` and, for each folded character, the index in ``text`` it came from."""
    if text.isascii():
        return text.lower(), list(range(len(text)))
    pieces: list[str] = []
    origin: list[int] = []
    for index, char in enumerate(text):
        folded = fold(char)
        pieces.append(folded)
        origin.extend([index] * len(folded))
    return "".join(pieces), origin


def _original_index(text: str, folded_index: int) -> int:
    """The index in ``text`` of the character that became ``fold(text)[folded_index]``."""
    if text.isascii():
        return folded_index
    shift = 0  # folded index minus original index, up to the current run
    for run in re.finditer(_NON_ASCII_RUN, text):
        start, end = run.span()
        position = start + shift
        if folded_index < position:
            break
        for index in range(start, end):
            position += len(fold(text[index]))
            if folded_index < position:
                return index
        shift = position - end
    return min(folded_index - shift, len(text) - 1)


def query_words(query: str) -> tuple[str, ...]:
    """The folded words of a query, in order, without repeats.

    Words are split on whitespace; a word without any letter or digit (``-``,
    ``?``) is dropped. Punctuation inside a word stays: ``[bold]`` and
    ``ess@minszw.nl`` are searched for literally.
    """
    words: dict[str, None] = {}
    for word in fold(query.replace(_SEP, " ").replace(_MARK, " ")).split():
        if any(c.isalnum() for c in word):
            words[word] = None
    return tuple(words)


def spans(text: str, words: Sequence[str]) -> tuple[tuple[int, int], ...]:
    """Where the (folded) ``words`` occur in ``text``: sorted, merged (start, end) offsets into ``text``.

    For highlighting, e.g. a hit's title: ``spans(hit.title, query_words(query))``.
    """
    folded, origin = _fold_mapped(text)
    found: list[tuple[int, int]] = []
    for word in words:
        if not word:
            continue
        at = folded.find(word)
        while at >= 0:
            end = origin[at + len(word) - 1] + 1
            while end < len(text) and not fold(text[end]):  # take the accents that follow along
                end += 1
            found.append((origin[at], end))
            at = folded.find(word, at + 1)
    found.sort()
    merged: list[tuple[int, int]] = []
    for start, end in found:
        if merged and start <= merged[-1][1]:
            if end > merged[-1][1]:
                merged[-1] = (merged[-1][0], end)
        else:
            merged.append((start, end))
    return tuple(merged)


# ---------------------------------------------------------------- what is searched
#
# Per kind, two functions that walk an entry's fields in the same order:
# ``texts`` gives the texts (fast: the only thing every entry pays for) and
# ``names`` the field names (only for the hits that are returned). The texts
# fall in four classes, in this order: title, summary and one-line fields,
# body text, sources and checks. ``_MARK`` stands between two classes; a
# kind without a title of its own (a quiz question) has "" as its title.

_MARK = "\x01"
_CLASS_WEIGHTS = (TITLE, SUMMARY, BODY, SOURCE)
_CLASSES = ("summary", "body", "source")  # after the title, in the order of _CLASS_WEIGHTS


def _texts_and_names(doc: Document) -> tuple[list[str], list[str]]:
    """A document's texts in weight classes, split by marks, and the name of the field of each."""
    titles = [(name, text) for name, weight, text in doc.fields if weight == "title"]
    texts, names = [" ".join(text for _, text in titles)], [titles[0][0] if titles else ""]
    for weight_class in _CLASSES:
        texts.append(_MARK)
        names.append(_MARK)
        for name, weight, text in doc.fields:
            if weight == weight_class:
                texts.append(text)
                names.append(name)
    return texts, names


# ---------------------------------------------------------------- matching and ranking


def _is_whole(text: str, word: str) -> bool:
    """Does ``word`` occur in ``text`` at least once not glued to other letters or digits?

    A ``find`` loop: usually the first occurrence settles it. (A regular
    expression with look-arounds is slower: it loses the fast literal scan.)
    """
    size = len(word)
    check_left = word[0].isalnum()
    check_right = word[-1].isalnum()
    at = text.find(word)
    while at >= 0:
        after = at + size
        if (not check_left or at == 0 or not text[at - 1].isalnum()) and (
            not check_right or after >= len(text) or not text[after].isalnum()
        ):
            return True
        at = text.find(word, at + 1)
    return False


def _score(folded: str, words: Sequence[str]) -> float:
    """The score of an entry from its folded texts (see the module's docstring)."""
    classes = folded.split(_MARK)
    tier = 0.0
    for word in words:
        if word in classes[0]:
            tier += TITLE_WHOLE_WORD if _is_whole(classes[0], word) else TITLE_WORD
    rest = 0.0
    for index in (1, 2, 3):
        text = classes[index]
        for word in words:
            count = text.count(word)
            if count:
                whole = WHOLE_WORD_FACTOR if _is_whole(text, word) else 1.0
                rest += _CLASS_WEIGHTS[index] * (1.0 + math.log(count)) * whole
    return tier + 100.0 * rest / (rest + SQUASH)


def _best_field(names: list[str], parts: list[str], words: Sequence[str]) -> int:
    """The field the snippet comes from: most query words, then the highest score; the title last."""
    best, best_key = -1, (0, 0.0)
    group = 0  # the class of the current field: 0 is the title
    for index, (name, text) in enumerate(zip(names, parts, strict=True)):
        if name == _MARK:
            group += 1
            continue
        if not group or not text:
            continue
        weight = _CLASS_WEIGHTS[group]
        found, score = 0, 0.0
        for word in words:
            count = text.count(word)
            if count:
                found += 1
                score += (
                    weight * (1.0 + math.log(count)) * (WHOLE_WORD_FACTOR if _is_whole(text, word) else 1)
                )
        if (found, score) > best_key:  # strictly better: the first field wins a tie
            best, best_key = index, (found, score)
    return best if best >= 0 else 0


def _last_space(text: str, start: int, end: int) -> int:
    """The index of the last space or line break in ``text[start:end]``, or -1."""
    return max(text.rfind(" ", start, end), text.rfind("\n", start, end))


def _snippet(text: str, folded: str, words: Sequence[str]) -> tuple[str, tuple[tuple[int, int], ...]]:
    """A short piece of ``text`` around the first match, cut at word boundaries, with spans."""
    firsts = [(at, len(w)) for w in words if (at := folded.find(w)) >= 0]
    if firsts:
        at, size = min(firsts)
        start = _original_index(text, at)
        end = _original_index(text, at + size - 1) + 1
    else:
        start = end = 0
    length = len(text)
    budget = SNIPPET_MAX - 2  # room for two ellipses
    left = max(0, start - SNIPPET_BEFORE)
    right = min(length, max(left + budget, end))
    if right == length:  # near the end: use the room before the match instead
        left = max(0, min(left, length - budget))
    if left > 0:
        # Start at the first word that begins in the context, or else at the matched word itself.
        space = re.compile(r"\s").search(text, left, start)  # re keeps the compiled pattern
        left = space.end() if space else _last_space(text, 0, start) + 1
    if right < length:
        cut = _last_space(text, end, right + 1)
        if cut > end:
            right = cut
    body = " ".join(text[left:right].split())
    prefix = "…" if left > 0 else ""
    snippet = prefix + body + ("…" if right < length else "")
    offset = len(prefix)
    found = tuple((a + offset, b + offset) for a, b in spans(body, words))
    return snippet, found


def _clean(text: str) -> str:
    return text.replace(_SEP, " ").replace(_MARK, " ")


def search(bundle: m.Bundle, query: str, limit: int | None = None) -> list[Hit]:
    """The entries of ``bundle`` in which every word of ``query`` occurs, best first.

    ``limit`` keeps only the first hits (None: all). No hits: an empty list.
    A query without any letter or digit raises ``EmptyQueryError`` (a
    ``ValueError`` and a ``UsageError``, so the CLI exits with code 2).
    """
    return search_page(bundle, query, limit)[0]


def search_page(bundle: m.Bundle, query: str, limit: int | None = None) -> tuple[list[Hit], int]:
    """Like ``search``, plus how many entries matched in all: snippets are made only for the page."""
    total = [0]
    words = query_words(query)
    if not words:
        message, hint = _EMPTY_QUERY.get(bundle.lang, _EMPTY_QUERY["en"])
        raise EmptyQueryError(message, hint=hint)
    join = _SEP.join
    matches: list[tuple[float, int, Document, list[str], list[str], str]] = []
    for order, doc in enumerate(documents(bundle)):
        texts, names = _texts_and_names(doc)
        raw = join(texts)
        folded = fold(raw)
        if not all(word in folded for word in words):
            continue
        if raw.count(_MARK) != 3 or raw.count(_SEP) != len(texts) - 1:
            # A text holds one of the separators itself: blank them out (same length).
            texts = [t if name == _MARK else _clean(t) for name, t in zip(names, texts, strict=True)]
            folded = fold(join(texts))
            if not all(word in folded for word in words):
                continue
        matches.append((_score(folded, words), order, doc, texts, names, folded))
    matches.sort(key=lambda match: (-match[0], match[1]))
    total[0] = len(matches)
    if limit is not None:
        matches = matches[: max(limit, 0)]
    hits = []
    for score, _, doc, texts, names, folded in matches:
        parts = folded.split(_SEP)
        best = _best_field(names, parts, words)
        snippet, found = _snippet(texts[best], parts[best], words)
        hits.append(
            Hit(
                doc.kind,
                doc.id,
                doc.title,
                names[best] or "title",
                snippet,
                found,
                round(score, 3),
                "infoblad " + " ".join(doc.command),
            )
        )
    return hits, total[0]
