# SPDX-FileCopyrightText: 2026 The infoblad team
# SPDX-License-Identifier: EUPL-1.2
"""Words for search: folding, tokens, stop words, stems and Dutch compound parts.

Folding is character by character (``fold(a + b) == fold(a) + fold(b)``) and
keeps a map back to the original text, so matches can be highlighted in the
text as written. Stems come from the Snowball stemmers (``snowballstemmer``),
imported only when a word is stemmed for the first time: the search index keeps
the stems of the content's words, so a search for a known word never loads them.
"""

from __future__ import annotations

import codecs
import re
import unicodedata
from collections.abc import Callable, Iterable
from functools import lru_cache
from typing import Any

_ERRORS = "infoblad.search.fold"  # the codec error handler that folds
_TYPOGRAPHIC = {
    "\u2018": "'",
    "\u2019": "'",
    "\u201a": "'",
    "\u201c": '"',
    "\u201d": '"',
    "\u201e": '"',
    "\u2010": "-",
    "\u2013": "-",
    "\u2014": "-",
    "\u2212": "-",
}
WORD = re.compile(r"[^\W_]+")
_WRITTEN = re.compile(r"(?:[^\W_]|[\u0300-\u036f])+")  # a word as written, combining accents included

# Words too common to tell entries apart. Dropped from a query unless it holds nothing else.
STOP_WORDS = {
    "nl": frozenset(
        """aan al alle als ben bij dan dat de deze die dit doe doen door een en er ga gaat geen
        had heb hebben heeft het hij hoe hun ik in is je jij jou jullie kan kun kunnen maar
        me mee meer men met mij mijn moet na naar niet niets nog nu of om ook op over s t te
        tot u uit van veel voor waar wanneer wat we wel werd wie wij wordt worden zal ze
        zich zij zijn zo zonder zou""".split()  # noqa: SIM905 - a list of 90 quoted words reads worse
    ),
    "en": frozenset(
        """a about after all am an and any are as at be been before being but by can cannot
        could did do does don doesn for from get had has have he her his how i if in into is
        it its just me my no not of on or our s she so some t than that the their them then
        there they this to too up us very was we were what when where which who why will
        with would you your""".split()  # noqa: SIM905 - a list of 90 quoted words reads worse
    ),
}
SNOWBALL = {"nl": ("dutch_stemmer", "DutchStemmer"), "en": ("english_stemmer", "EnglishStemmer")}
_PRIVATE = "_infoblad_snowball"
COMPOUND_LANGS = frozenset({"nl"})
MIN_COMPOUND = 7  # shorter words are not split
MIN_HEAD = 3  # 'eed' in 'ambtseed'
MIN_MODIFIER = 4  # 'opvang' in 'opvanglocatie'; not 'ver' in 'vertrouwen'


@lru_cache(maxsize=2048)
def _fold_run(run: str) -> str:
    text = unicodedata.normalize("NFKD", unicodedata.normalize("NFKD", run).casefold())
    combining = unicodedata.combining
    return "".join(_TYPOGRAPHIC.get(c, c) for c in text if not combining(c))


def _fold_error(error: UnicodeError) -> tuple[bytes, int]:
    if not isinstance(error, UnicodeEncodeError):  # pragma: no cover - only used for encoding
        raise error
    return _fold_run(error.object[error.start : error.end]).encode("utf-8", "surrogatepass"), error.end


def fold(text: str) -> str:
    """``text`` for comparing: casefolded, accents stripped, typographic quotes and dashes as ASCII.

    ASCII text is only lower-cased; other text goes through the ASCII encoder
    (C speed) whose error handler folds just the runs of non-ASCII characters.
    """
    if text.isascii():
        return text.lower()
    try:
        encoded = text.encode("ascii", _ERRORS)
    except LookupError:  # first use in this process: register the handler
        codecs.register_error(_ERRORS, _fold_error)
        encoded = text.encode("ascii", _ERRORS)
    return encoded.decode("utf-8", "surrogatepass").lower()


def words(text: str) -> list[str]:
    """The folded words of ``text``: runs of letters and digits (``collega's`` -> collega, s)."""
    return WORD.findall(fold(text))


def word_spans(text: str) -> list[tuple[str, int, int]]:
    """Each folded word of ``text`` with its (start, end) in ``text`` as written.

    Words are taken from the text as written (accents, also combining ones, stay
    inside the word) and folded one by one: no character map of the whole text.
    """
    found = []
    for match in _WRITTEN.finditer(text):
        for word in WORD.findall(fold(match.group())):
            found.append((word, match.start(), match.end()))
    return found


def first_word(text: str, wanted: set[str]) -> tuple[int, int] | None:
    """(start, end) in ``text`` of the first word whose folded form is in ``wanted``, or None."""
    for match in _WRITTEN.finditer(text):
        written = match.group()
        if written.isascii():
            if written.lower() in wanted:
                return match.span()
        elif any(w in wanted for w in WORD.findall(fold(written))):
            return match.span()
    return None


def content_words(query_words: list[str], lang: str) -> list[str]:
    """``query_words`` without stop words, unless nothing else is left."""
    stop = STOP_WORDS.get(lang, frozenset())
    kept = [w for w in query_words if w not in stop]
    return kept or query_words


def _snowball(lang: str) -> Any:
    """The Snowball stemmer for ``lang``.

    ``import snowballstemmer`` loads all of its 30-odd languages (25 ms, more than
    the rest of a search); a query word the index does not know needs just one. So
    the one module is loaded from the package's folder under a private package
    name (its relative imports resolve there), and the public API is the fallback.
    """
    import importlib
    import importlib.util
    import sys
    import types

    module_name, class_name = SNOWBALL[lang]
    try:
        if _PRIVATE not in sys.modules:
            spec = importlib.util.find_spec("snowballstemmer")
            if spec is None or not spec.submodule_search_locations:
                raise ImportError("snowballstemmer")
            package = types.ModuleType(_PRIVATE)
            package.__path__ = list(spec.submodule_search_locations)
            sys.modules[_PRIVATE] = package
        return getattr(importlib.import_module(f"{_PRIVATE}.{module_name}"), class_name)()
    except (ImportError, AttributeError):
        import snowballstemmer  # type: ignore[import-untyped]

        return snowballstemmer.stemmer(module_name.removesuffix("_stemmer"))


_STEMS: dict[str, dict[str, str]] = {}


class Stemmer:
    """Snowball stems of folded words, loaded on first use, remembered per word."""

    def __init__(self, lang: str) -> None:
        self.lang = lang
        self._stemmer: Any = None
        self._seen = _STEMS.setdefault(lang, {})  # shared: a rebuilt index does not stem again

    def __call__(self, word: str) -> str:
        found = self._seen.get(word)
        if found is not None:
            return found
        if word.isdigit() or self.lang not in SNOWBALL:
            stem = word
        else:
            if self._stemmer is None:
                self._stemmer = _snowball(self.lang)
            stem = self._stemmer.stemWord(word) or word
        self._seen[word] = stem
        return stem


def drop_ending(stem: str, lang: str, is_stem: Callable[[str], bool]) -> str:
    """Dutch verb forms on -d/-t that Snowball keeps: ``bedreigd`` -> ``bedreig``, if the content has it."""
    if lang == "nl" and len(stem) >= 4 and stem[-1] in "dt" and is_stem(stem[:-1]):
        return stem[:-1]
    return stem


def compound_parts(
    word: str, known: Callable[[str], bool], starts_words: Callable[[str], bool], lang: str
) -> tuple[str, ...]:
    """Known parts of a Dutch compound: ``ambtseed`` -> (ambt, eed), ``opvanglocatie`` -> (opvang, locatie).

    Split against the content's own vocabulary: the head (the last part) must be
    a word of the content; the modifier must be one too, or end in a linking
    's' after a stretch that starts other words of the content ('ambt-s-eed').
    The longest head wins. No split: (). ``known(w)``: is w a word of the content;
    ``starts_words(p)``: do two or more words of the content start with p.
    """
    if lang not in COMPOUND_LANGS or len(word) < MIN_COMPOUND or not word.isalpha():
        return ()
    stop = STOP_WORDS.get(lang, frozenset())
    for cut in range(MIN_MODIFIER, len(word) - MIN_HEAD + 1):
        head, modifier = word[cut:], word[:cut]
        if head in stop or not known(head):
            continue
        if modifier not in stop and known(modifier):
            return (modifier, head)
        if modifier.endswith("s") and starts_words(modifier[:-1]):
            return (modifier[:-1], head)
    return ()


def prefixes_of(vocabulary: Iterable[str]) -> set[str]:
    """Stretches of at least MIN_MODIFIER letters that start two or more words of the vocabulary."""
    seen: dict[str, int] = {}
    for word in vocabulary:
        for end in range(MIN_MODIFIER, min(len(word), 12)):
            seen[word[:end]] = seen.get(word[:end], 0) + 1
    return {prefix for prefix, count in seen.items() if count >= 2}
