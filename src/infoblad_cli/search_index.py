# SPDX-FileCopyrightText: 2026 The infoblad team
# SPDX-License-Identifier: EUPL-1.2
"""The search index: SQLite FTS5 over the stems of the content, kept in the content cache.

Stemming every word of the content with the (pure Python) Snowball stemmers takes
about half a second, so it is done once: the index is built on the first search
after the content, a content pack, the thesaurus or this code changed, and is
read from the cache after that. FTS5 ranks with BM25 in C, so a search costs
about the same with 50 entries as with 5,000 (see benchmarks/bench.py and the
README for the measurements behind this choice).

Every word of a document is indexed as its stem, followed by the stems of its
compound parts (``ambtseed`` -> ``ambtseed ambt eed``), per weight class
(title, summary, body, source). ``forms`` maps each folded word of the content
to its terms and back, for the query and for highlighting; ``thesaurus`` holds
the groups as stemmed phrases.
"""

from __future__ import annotations

import os
import sqlite3
import zlib
from collections.abc import Iterable, Sequence
from pathlib import Path
from typing import TYPE_CHECKING

from . import analysis as a

if TYPE_CHECKING:
    from .kinds import Document

CLASSES = ("title", "summary", "body", "source")
WEIGHTS = (4.0, 2.0, 1.0, 0.2)  # weights of the BM25 scores per class, in the order of CLASSES
_CODE = ("analysis.py", "search_index.py", "thesaurus.py", "kinds.py")
FORMAT = 1
FTS = "fts5"  # SQLite's full-text module; a few Python builds leave it out


def _key(lang: str, docs: Sequence[Document], thesaurus_stamp: int) -> str:
    """What the index depends on: the documents' texts, the thesaurus and this code."""
    check = zlib.crc32(f"{FORMAT}:{lang}:{thesaurus_stamp}".encode())
    here = Path(__file__).resolve().parent
    for name in _CODE:
        try:
            check = zlib.crc32((here / name).read_bytes(), check)
        except OSError:  # a zipped install: the version of the package stands in
            pass
    # Field names and classes follow from the code above; the texts and their places are content.
    shape = "\x00".join([f"{doc.kind}\x01{doc.id}\x01{len(doc.fields)}" for doc in docs])
    texts = "\x00".join([text for doc in docs for _, _, text in doc.fields])
    check = zlib.crc32(shape.encode("utf-8", "surrogatepass"), check)
    check = zlib.crc32(texts.encode("utf-8", "surrogatepass"), check)
    return f"{check:08x}-{len(docs)}"


class Index:
    """An open search index for one language and one set of documents."""

    def __init__(self, connection: sqlite3.Connection, lang: str) -> None:
        self.db = connection
        self.lang = lang
        self.stem = a.Stemmer(lang)
        self._vocabulary: set[str] | None = None

    def stem_of(self, word: str) -> str:
        """The stem of a folded word: from the index for a word of the content, else the stemmer."""
        row = self.db.execute("SELECT term FROM forms WHERE word = ? AND part = 0", (word,)).fetchone()
        if row:
            return str(row[0])
        return a.drop_ending(self.stem(word), self.lang, self._is_stem)

    def _is_stem(self, term: str) -> bool:
        return (
            self.db.execute("SELECT 1 FROM forms WHERE term = ? AND part = 0", (term,)).fetchone() is not None
        )

    def _known(self, word: str) -> bool:
        return self.db.execute("SELECT 1 FROM forms WHERE word = ?", (word,)).fetchone() is not None

    def _starts_words(self, prefix: str) -> bool:
        rows = self.db.execute(
            "SELECT DISTINCT word FROM forms WHERE word > ? AND word < ? LIMIT 2", (prefix, prefix + "\uffff")
        ).fetchall()
        return len(rows) >= 2

    def parts(self, word: str) -> tuple[str, ...]:
        """The stems of the parts of a query word that is a compound the content does not hold."""
        if self._known(word):
            return ()
        found = a.compound_parts(word, self._known, self._starts_words, self.lang)
        return tuple(self.stem_of(part) for part in found)

    def forms(self, terms: Iterable[str]) -> set[str]:
        """The folded words of the content that are indexed under any of ``terms``."""
        wanted = list(set(terms))
        found: set[str] = set(wanted)
        for start in range(0, len(wanted), 500):
            chunk = wanted[start : start + 500]
            marks = ",".join("?" * len(chunk))
            found.update(
                r[0] for r in self.db.execute(f"SELECT word FROM forms WHERE term IN ({marks})", chunk)
            )
        return found

    def vocabulary(self) -> set[str]:
        """Every folded word of the content (for compound parts of query words and for suggestions)."""
        if self._vocabulary is None:
            self._vocabulary = {r[0] for r in self.db.execute("SELECT DISTINCT word FROM forms")}
        return self._vocabulary

    def thesaurus(self, stems: Sequence[str]) -> dict[tuple[str, ...], set[tuple[str, ...]]]:
        """For every run of ``stems`` that is a thesaurus phrase: the other phrases of its groups."""
        runs = {
            " ".join(stems[i:j]) for i in range(len(stems)) for j in range(i + 1, min(len(stems), i + 4) + 1)
        }
        marks = ",".join("?" * len(runs))
        rows = self.db.execute(
            f"SELECT a.phrase, b.phrase FROM thesaurus a JOIN thesaurus b ON a.grp = b.grp "
            f"WHERE a.phrase IN ({marks}) AND b.phrase != a.phrase",
            sorted(runs),
        )
        found: dict[tuple[str, ...], set[tuple[str, ...]]] = {}
        for phrase, other in rows:
            found.setdefault(tuple(phrase.split()), set()).add(tuple(other.split()))
        return found

    def match(self, alternatives: Iterable[str]) -> dict[int, float]:
        """Document number -> score (higher is better) of the documents matching any alternative.

        An alternative is an FTS5 expression of quoted terms (see ``phrase`` and
        ``every``). The score is BM25 per weight class, times the class's weight,
        summed: a word in the title outweighs the same word many times in the body.
        """
        expression = " OR ".join(sorted(set(alternatives)))
        scores: dict[int, float] = {}
        if not expression:
            return scores
        # bm25() with the weight of one class and 0 for the others is that class's own score.
        per_class = ", ".join(
            "bm25(docs, " + ", ".join("1" if i == c else "0" for i in range(len(CLASSES))) + ")"
            for c in range(len(CLASSES))
        )
        rows = self.db.execute(f"SELECT rowid, {per_class} FROM docs WHERE docs MATCH ?", (expression,))
        for rowid, *by_class in rows:
            scores[rowid] = -sum(w * score for w, score in zip(WEIGHTS, by_class, strict=True))
        return scores


def phrase(terms: Sequence[str]) -> str:
    """An FTS5 expression for a term, or for several terms close together (a thesaurus phrase).

    NEAR, not an FTS5 phrase: the index holds a word's exact form and its compound
    parts right after its stem, so the words of a phrase need not be neighbours there.
    """
    quoted = " ".join('"' + t.replace('"', "") + '"' for t in terms)
    return quoted if len(terms) == 1 else f"NEAR({quoted}, {3 * len(terms)})"


def every(terms: Iterable[str]) -> str:
    """An FTS5 expression: all of the terms, anywhere in the document."""
    return "(" + " AND ".join(phrase([t]) for t in terms) + ")"


def open_index(lang: str, docs: Sequence[Document], packs: Sequence[str]) -> Index:
    """The index of ``docs``: from the cache when it is up to date, else built (and cached)."""
    from . import thesaurus
    from .cache import cache_dir

    paths = thesaurus.files(lang, list(packs))
    key = _key(lang, docs, thesaurus.stamp(paths))
    folder = cache_dir()
    if folder is None:
        return _build(sqlite3.connect(":memory:"), lang, docs, thesaurus.load(paths))
    path = folder / f"search-{lang}-{key}.sqlite3"
    try:
        cached = path.is_file()
    except OSError:  # an unreadable cache folder: build in memory, as without a cache
        cached = False
    if cached:
        try:
            connection = sqlite3.connect(f"file:{path}?mode=ro", uri=True)
            connection.execute("SELECT 1 FROM meta").fetchall()
            return Index(connection, lang)
        except sqlite3.Error:
            pass  # damaged: build it again
    index = _build(sqlite3.connect(":memory:"), lang, docs, thesaurus.load(paths))
    _save(index.db, path)
    return index


def _save(connection: sqlite3.Connection, path: Path) -> None:
    """Write the index to ``path`` in one step; a cache that cannot be written only costs time."""
    temporary = path.with_name(f".{path.name}.{os.getpid()}.tmp")
    try:
        path.parent.mkdir(parents=True, exist_ok=True)
        target = sqlite3.connect(temporary)
        with target:
            connection.backup(target)
        target.close()
        os.replace(temporary, path)
    except (OSError, sqlite3.Error):
        try:
            temporary.unlink()
        except OSError:
            pass
        return
    _prune(path)


def _prune(keep: Path) -> None:
    """Remove search indexes not written for a month, as the content cache does (packs come and go)."""
    import time

    from .cache import CACHE_DAYS

    limit = time.time() - CACHE_DAYS * 24 * 3600
    for old in keep.parent.glob("search-*.sqlite3"):
        try:
            if old != keep and old.stat().st_mtime < limit:
                old.unlink()
        except OSError:
            pass


def _build(
    connection: sqlite3.Connection, lang: str, docs: Sequence[Document], groups: list[list[str]]
) -> Index:
    index = Index(connection, lang)
    stem = index.stem
    db = connection
    db.execute("CREATE TABLE meta (key TEXT PRIMARY KEY, value TEXT)")
    db.execute("CREATE TABLE forms (word TEXT, term TEXT, part INTEGER)")
    db.execute("CREATE TABLE thesaurus (grp INTEGER, phrase TEXT)")
    columns = ", ".join(CLASSES)
    try:
        db.execute(
            f"CREATE VIRTUAL TABLE docs USING {FTS}({columns}, tokenize='unicode61 remove_diacritics 2')"
        )
    except sqlite3.OperationalError:
        # Python's own builds (python.org, Debian, Homebrew) have it; a few others do not.
        from .errors import InfobladError, msg

        hint = msg("search.no_fts_hint")
        raise InfobladError(msg("search.no_fts", version=sqlite3.sqlite_version), hint=hint) from None
    texts = [
        [" ".join(text for _, weight, text in doc.fields if weight == c) for c in CLASSES] for doc in docs
    ]
    tokens = [[a.words(text) for text in row] for row in texts]
    vocabulary = {word for row in tokens for column in row for word in column}
    prefixes = a.prefixes_of(vocabulary)
    stems = {word: stem(word) for word in vocabulary}
    known_stems = set(stems.values())
    analysed: dict[str, str] = {}
    forms: list[tuple[str, str, int]] = []
    for word in sorted(vocabulary):
        terms = [a.drop_ending(stems[word], lang, known_stems.__contains__)]
        forms.append((word, terms[0], 0))
        if terms[0] != word:  # the word as written too: an exact match counts extra
            terms.append(word)
        for part in a.compound_parts(word, vocabulary.__contains__, prefixes.__contains__, lang):
            terms.append(a.drop_ending(stem(part), lang, known_stems.__contains__))
            forms.append((word, terms[-1], 1))
        analysed[word] = " ".join(terms)
    db.executemany("INSERT INTO forms VALUES (?, ?, ?)", forms)
    db.execute("CREATE INDEX forms_word ON forms (word)")
    db.execute("CREATE INDEX forms_term ON forms (term)")
    db.executemany(
        f"INSERT INTO docs (rowid, {columns}) VALUES (?, ?, ?, ?, ?)",
        (
            (number, *(" ".join(analysed[w] for w in column) for column in row))
            for number, row in enumerate(tokens)
        ),
    )
    db.executemany(
        "INSERT INTO thesaurus VALUES (?, ?)",
        (
            (number, " ".join(a.drop_ending(stem(w), lang, known_stems.__contains__) for w in a.words(term)))
            for number, group in enumerate(groups)
            for term in group
            if a.words(term)
        ),
    )
    db.execute("CREATE INDEX thesaurus_phrase ON thesaurus (phrase)")
    db.execute("CREATE INDEX thesaurus_group ON thesaurus (grp)")
    db.execute("INSERT INTO meta VALUES ('lang', ?)", (lang,))
    db.commit()
    return index
