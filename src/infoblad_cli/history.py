# SPDX-FileCopyrightText: 2026 The infoblad team
# SPDX-License-Identifier: EUPL-1.2
"""The quiz history: finished quiz attempts in one SQLite file. Nothing else in infoblad knows SQL.

Only the quiz and history commands import this module, never the reading commands.

The file holds nothing but dates, language, questions, answers and scores: no names, no user
information. Its schema (version 2, kept in ``PRAGMA user_version``)::

    attempts      one row per finished quiz
        id          INTEGER PRIMARY KEY
        taken_at    TEXT NOT NULL     ISO 8601 in UTC, normalised so that text order is time order
        lang        TEXT NOT NULL     "nl" or "en"
        seed        INTEGER           the --seed, or NULL
        theme       TEXT              the --theme filter, or NULL
        mode        TEXT NOT NULL     "full", "theme" or "retry" (version 2; older rows: "full", or
                                      "theme" when they have a theme)
        score       INTEGER NOT NULL
        max_score   INTEGER NOT NULL
        detail      TEXT NOT NULL     JSON: {"answers": [...], "missed": [...], "ratings": {...}};
                                      an answer's "choice" (the option in content order) is there
                                      from version 2 on

    theme_scores  the score per theme of each attempt, in the order the quiz gave them (rowid)
        attempt_id  INTEGER NOT NULL REFERENCES attempts(id)
        theme       TEXT NOT NULL
        score       INTEGER NOT NULL
        max_score   INTEGER NOT NULL
        PRIMARY KEY (attempt_id, theme)

Answers, missed questions and ratings are only ever read back whole, so they live as JSON in
``detail``; the scores per theme get their own table because the trend reads them across attempts.

A file this code cannot vouch for (not SQLite, someone else's database, a newer schema) is never
written to: every problem becomes a ``DataError`` that names the file and says what to do.
"""

from __future__ import annotations

import json
import os
import sqlite3
from collections.abc import Callable, Iterator, Mapping
from contextlib import closing, contextmanager
from datetime import datetime, timezone
from pathlib import Path
from typing import Any, TypedDict

from .errors import DataError, Msg, msg

FILE_NAME = "history.sqlite3"

# Seconds a save waits for another infoblad that is writing the same file (two terminals finishing
# a quiz at the same moment). Long enough for any real save, short enough not to look like a hang.
BUSY_TIMEOUT = 10.0

_SQLITE_HEADER = b"SQLite format 3\x00"
# Files SQLite keeps next to the database while it writes; they belong to it and go with it.
_SIDE_FILES = ("-journal", "-wal", "-shm")


class StoredThemeScore(TypedDict):
    """A theme's score as the history stores it (the quiz's own is quiz.ThemeScore)."""

    score: int
    max: int


class _AnswerFields(TypedDict):
    question: str  # the question ID
    kind: str
    answer: str  # what was chosen: a shown option number such as "2", or a rating such as "4"
    points: int
    max: int
    correct: bool | None  # None for a self-rating: there is no right answer


class Answer(_AnswerFields, total=False):
    # The chosen option's index in content order (None for a rating). Saved from version 2 on;
    # without it an old answer's option is only known by its shown number.
    choice: int | None


class Attempt(TypedDict):
    """One finished quiz, as the quiz engine hands it over and the store gives it back."""

    taken_at: str  # ISO 8601 in UTC, given by the caller: the store never reads the clock
    lang: str
    seed: int | None
    theme: str | None  # the --theme filter, if any
    mode: str  # "full", "theme" or "retry": only full quizzes count in the trend
    score: int
    max_score: int
    themes: dict[str, StoredThemeScore]  # theme ID -> score in that theme
    answers: list[Answer]
    missed: list[str]  # IDs of the questions answered wrongly or not best
    ratings: dict[str, int]  # question ID -> self-rating 1..5


class SavedAttempt(Attempt):
    """An attempt read back from the history, with the ID the store gave it."""

    id: int


def default_path() -> Path:
    """Where the history lives: ``$INFOBLAD_DATA_DIR/history.sqlite3``, else the user data folder.

    Computed on every call (never at import time), so tests and the environment always decide.
    """
    folder = os.environ.get("INFOBLAD_DATA_DIR")
    if folder:
        return Path(folder).expanduser() / FILE_NAME
    import platformdirs

    return Path(platformdirs.user_data_dir("infoblad", appauthor=False)) / FILE_NAME


# ---------------------------------------------------------------- schema migrations


def _create_tables(conn: sqlite3.Connection) -> None:
    # Plain CREATE TABLE (not IF NOT EXISTS): a clash with tables we did not make must fail, not
    # silently mix our rows into them.
    conn.execute(
        """CREATE TABLE attempts (
            id INTEGER PRIMARY KEY,
            taken_at TEXT NOT NULL,
            lang TEXT NOT NULL,
            seed INTEGER,
            theme TEXT,
            score INTEGER NOT NULL,
            max_score INTEGER NOT NULL,
            detail TEXT NOT NULL
        )"""
    )
    conn.execute(
        """CREATE TABLE theme_scores (
            attempt_id INTEGER NOT NULL REFERENCES attempts (id),
            theme TEXT NOT NULL,
            score INTEGER NOT NULL,
            max_score INTEGER NOT NULL,
            PRIMARY KEY (attempt_id, theme)
        )"""
    )
    conn.execute("CREATE INDEX attempts_by_time ON attempts (taken_at, id)")


def _add_mode(conn: sqlite3.Connection) -> None:
    # What kind of quiz an attempt was, so that retries and single themes stay out of the trend.
    # Older rows cannot tell a retry from a full quiz; a theme they do know.
    conn.execute("ALTER TABLE attempts ADD COLUMN mode TEXT NOT NULL DEFAULT 'full'")
    conn.execute("UPDATE attempts SET mode = 'theme' WHERE theme IS NOT NULL")


# Migration i brings a file from schema version i to i + 1; the length is the version this code
# writes. Only ever append: files on people's computers were made by the migrations already here.
_MIGRATIONS: list[Callable[[sqlite3.Connection], None]] = [_create_tables, _add_mode]


# ---------------------------------------------------------------- the store


class History:
    """The quiz results kept in one SQLite file. The file is made on the first save, not before.

    Its errors carry message keys (``errors.Msg``): they are put in the run's language where
    they are shown.
    """

    def __init__(self, path: Path) -> None:
        self.path = path

    def _msg(self, key: str, **values: object) -> Msg:
        """A message about this file: translated where it is shown."""
        return msg(key, file=self.path, **values)

    def check(self) -> None:
        """Check the whole file, every page of it (not only the rows a read happens to touch).

        Raises ``DataError`` for a damaged file. A missing file is fine: the first save makes it.
        """
        with self._failures("read"):
            conn = self._existing()
            if conn is None:
                return
            with closing(conn):
                self._check_intact(conn)

    def _check_intact(self, conn: sqlite3.Connection) -> None:
        # quick_check reads every page: damage in an old page that no query of ours reads
        # would otherwise go unnoticed, and a save would write into a damaged file.
        rows = conn.execute("PRAGMA quick_check").fetchall()
        if rows != [("ok",)]:
            raise self._damaged()

    def save(self, attempt: Attempt) -> int:
        """Store one finished quiz attempt in one transaction and return its ID.

        Makes the folder and the file if needed. If anything fails, nothing of the attempt is kept.
        Raises ``ValueError`` if ``taken_at`` is not an ISO 8601 time with a time zone (a bug in the
        caller), ``DataError`` if the file cannot be written.
        """
        taken_at = _utc_iso(attempt["taken_at"])
        detail = json.dumps(
            {"answers": attempt["answers"], "missed": attempt["missed"], "ratings": attempt["ratings"]},
            ensure_ascii=False,
        )
        with self._failures("save to"), closing(self._created()) as conn, _write(conn):
            # Inside the write transaction: nobody can change the file between check and write.
            self._check_intact(conn)
            cursor = conn.execute(
                "INSERT INTO attempts (taken_at, lang, seed, theme, mode, score, max_score, detail)"
                " VALUES (?, ?, ?, ?, ?, ?, ?, ?)",
                (
                    taken_at,
                    attempt["lang"],
                    attempt["seed"],
                    attempt["theme"],
                    attempt.get("mode") or "full",  # callers from before modes leave it out
                    attempt["score"],
                    attempt["max_score"],
                    detail,
                ),
            )
            attempt_id = cursor.lastrowid
            if attempt_id is None:  # cannot happen after a successful INSERT; keeps the type exact
                raise sqlite3.DatabaseError("the new attempt got no ID")
            _insert_theme_scores(conn, attempt_id, attempt["themes"])
        return attempt_id

    def attempts(self, limit: int | None = None) -> list[SavedAttempt]:
        """The saved attempts, newest first (by ``taken_at``, then by ID); at most ``limit`` of them."""
        if limit is not None and limit < 0:
            raise ValueError(f"limit must be 0 or more, not {limit}")
        with self._failures("read"):
            conn = self._existing()
            if conn is None:
                return []
            with closing(conn), _read(conn):
                # SQLite reads LIMIT -1 as "no limit".
                rows = conn.execute(
                    "SELECT id, taken_at, lang, seed, theme, mode, score, max_score, detail FROM attempts"
                    " ORDER BY taken_at DESC, id DESC LIMIT ?",
                    (-1 if limit is None else limit,),
                ).fetchall()
                themes: dict[int, dict[str, StoredThemeScore]] = {}
                for attempt_id, theme, score, max_score in conn.execute(
                    "SELECT attempt_id, theme, score, max_score FROM theme_scores"
                    " WHERE attempt_id IN (SELECT id FROM attempts ORDER BY taken_at DESC, id DESC LIMIT ?)"
                    " ORDER BY rowid",
                    (-1 if limit is None else limit,),
                ):
                    themes.setdefault(attempt_id, {})[theme] = {"score": score, "max": max_score}
            try:
                return [_attempt_from_row(row, themes.get(row[0], {})) for row in rows]
            except (ValueError, KeyError, TypeError) as exc:  # detail that is not our JSON
                raise self._damaged() from exc

    def last_missed(self) -> list[str]:
        """The IDs of the questions missed in the newest attempt; ``[]`` if there is none."""
        with self._failures("read"):
            conn = self._existing()
            if conn is None:
                return []
            with closing(conn):
                row = conn.execute(
                    "SELECT detail FROM attempts ORDER BY taken_at DESC, id DESC LIMIT 1"
                ).fetchone()
        if row is None:
            return []
        try:
            missed = json.loads(row[0])["missed"]
        except (ValueError, KeyError, TypeError) as exc:
            raise self._damaged() from exc
        if not isinstance(missed, list) or not all(isinstance(qid, str) for qid in missed):
            raise self._damaged()
        return missed

    def trend(self) -> dict[str, list[float]]:
        """Per theme, the percentage (0-100, one decimal) of each full quiz that had it, oldest first.

        Retries and single-theme quizzes are left out: they ask what went wrong before, or one theme
        only, so mixed in they would make the line go up or down for no real reason.
        """
        with self._failures("read"):
            conn = self._existing()
            if conn is None:
                return {}
            with closing(conn):
                rows = conn.execute(
                    "SELECT ts.theme, ts.score, ts.max_score FROM theme_scores AS ts"
                    " JOIN attempts AS a ON a.id = ts.attempt_id"
                    " WHERE a.mode = 'full'"
                    " ORDER BY a.taken_at, a.id, ts.rowid"
                ).fetchall()
        trend: dict[str, list[float]] = {}
        for theme, score, max_score in rows:
            percent = round(100 * score / max_score, 1) if max_score > 0 else 0.0
            trend.setdefault(theme, []).append(min(100.0, max(0.0, percent)))
        return trend

    def clear(self) -> int:
        """Delete all attempts in one transaction and return how many there were.

        The file itself stays. A damaged file raises ``DataError`` and is left alone: deleting it
        is ``remove_file``'s job, and only after the user has said so.
        """
        with self._failures("clear"):
            conn = self._existing()
            if conn is None:
                return 0
            with closing(conn):
                # Overwrite the deleted rows instead of only marking them free: someone who clears
                # their history expects the answers to be gone from the file.
                conn.execute("PRAGMA secure_delete = ON")
                with _write(conn):
                    conn.execute("DELETE FROM theme_scores")
                    count: int = conn.execute("DELETE FROM attempts").rowcount
        return count

    def remove_file(self) -> bool:
        """Delete the history file itself (only after the user asked). Returns whether it existed."""
        with self._failures("delete"):
            try:
                self.path.unlink()
            except FileNotFoundError:
                existed = False
            else:
                existed = True
        # A journal left behind must not meet a new file of the same name.
        for suffix in _SIDE_FILES:
            side = self.path.with_name(self.path.name + suffix)
            try:
                side.unlink(missing_ok=True)
            except OSError as exc:
                raise DataError(
                    self._msg("history.err.side_file", side=side, reason=_reason(exc)),
                    hint=self._msg("history.err.side_file_hint", side=side),
                ) from exc
        return existed

    # ------------------------------------------------------------ connections

    def _existing(self) -> sqlite3.Connection | None:
        """A connection to the history, or None when there is no file yet (reading creates nothing)."""
        if not self.path.exists():
            return None
        return self._connect()

    def _created(self) -> sqlite3.Connection:
        """A connection to the history, making the folder and the file if they are not there."""
        if not self.path.exists():
            folder = self.path.parent
            try:
                folder.mkdir(parents=True, exist_ok=True)
            except (FileExistsError, NotADirectoryError) as exc:
                raise DataError(
                    self._msg("history.err.no_folder", folder=folder),
                    hint=self._msg("history.err.no_folder_hint"),
                ) from exc
        return self._connect()

    def _connect(self) -> sqlite3.Connection:
        if self.path.exists():
            self._check_header()
        # isolation_level=None: we open every transaction ourselves (see _write), so that the
        # schema changes of a migration are inside one too. The journal stays SQLite's default
        # rollback journal, not WAL: WAL needs shared memory, which network and synced folders
        # (a Windows profile on a server, OneDrive) do not reliably give.
        conn = sqlite3.connect(self.path, timeout=BUSY_TIMEOUT, isolation_level=None)
        try:
            conn.execute("PRAGMA foreign_keys = ON")
            self._migrate(conn)
        except BaseException:
            conn.close()
            raise
        return conn

    def _check_header(self) -> None:
        # SQLite takes some short non-database files for empty databases and would write over them;
        # a non-empty file must start with the SQLite header before we let SQLite near it. An empty
        # file is an empty database (an interrupted first save can leave one) and may be used.
        with self.path.open("rb") as handle:
            header = handle.read(len(_SQLITE_HEADER))
        if header and header != _SQLITE_HEADER:
            raise self._damaged()

    def _migrate(self, conn: sqlite3.Connection) -> None:
        latest = len(_MIGRATIONS)
        version = _user_version(conn)
        if version == latest:
            return
        if version > latest:
            raise self._newer(version)
        with _write(conn):
            # Another infoblad may have brought the file up to date while we waited for the lock.
            version = _user_version(conn)
            if version > latest:
                raise self._newer(version)
            if version == 0 and conn.execute("SELECT count(*) FROM sqlite_master").fetchone()[0]:
                raise self._damaged()  # an SQLite file, but someone else's
            for migration in _MIGRATIONS[version:]:
                migration(conn)
            # PRAGMA takes no parameters; latest is an int we computed.
            conn.execute(f"PRAGMA user_version = {latest:d}")

    # ------------------------------------------------------------ errors

    @contextmanager
    def _failures(self, doing: str) -> Iterator[None]:
        """Turn every SQLite and file-system error into one plain DataError about this file."""
        try:
            yield
        except sqlite3.Error as exc:
            raise self._sqlite_error(exc, doing) from exc
        except OSError as exc:
            raise DataError(
                self._msg(f"history.err.{_DOING[doing]}", reason=_reason(exc)),
                hint=self._msg("history.err.os_hint"),
            ) from exc

    def _sqlite_error(self, exc: sqlite3.Error, doing: str) -> DataError:
        kind = _kind(exc)
        if kind == "damaged":
            return self._damaged()
        if kind == "busy":
            return DataError(
                self._msg("history.err.busy", seconds=f"{BUSY_TIMEOUT:g}"),
                hint=self._msg("history.err.busy_hint"),
            )
        # SQLite's own words (e.g. 'disk I/O error', 'attempt to write a readonly database'),
        # never a row's text: Python's decode errors quote the row, and rows hold answers.
        reason = str(exc).split(" with text ")[0]
        return DataError(
            self._msg(f"history.err.{_DOING[doing]}", reason=reason),
            hint=self._msg("history.err.sqlite_hint"),
        )

    def _damaged(self) -> DataError:
        return DataError(self._msg("history.err.damaged"), hint=self._msg("history.err.damaged_hint"))

    def _newer(self, version: int) -> DataError:
        return DataError(
            self._msg("history.err.newer", version=version, known=len(_MIGRATIONS)),
            hint=self._msg("history.err.newer_hint"),
        )


_DOING = {"save to": "save", "read": "read", "clear": "clear", "delete": "delete"}


# ---------------------------------------------------------------- helpers


@contextmanager
def _write(conn: sqlite3.Connection) -> Iterator[None]:
    """One write transaction: committed at the end, rolled back on any exception (Ctrl-C too)."""
    with conn:
        # IMMEDIATE takes the write lock at the start, so a second infoblad waits here (busy
        # timeout) instead of failing later when it would have to upgrade a read lock.
        conn.execute("BEGIN IMMEDIATE")
        yield


@contextmanager
def _read(conn: sqlite3.Connection) -> Iterator[None]:
    """One read transaction, so that queries that belong together see the same rows."""
    with conn:
        conn.execute("BEGIN")
        yield


def _insert_theme_scores(
    conn: sqlite3.Connection, attempt_id: int, themes: Mapping[str, StoredThemeScore]
) -> None:
    conn.executemany(
        "INSERT INTO theme_scores (attempt_id, theme, score, max_score) VALUES (?, ?, ?, ?)",
        [(attempt_id, theme, score["score"], score["max"]) for theme, score in themes.items()],
    )


def _user_version(conn: sqlite3.Connection) -> int:
    version: int = conn.execute("PRAGMA user_version").fetchone()[0]
    return version


def _utc_iso(taken_at: str) -> str:
    """``taken_at`` in one form (UTC, ``isoformat``), so that sorting the text sorts by time."""
    text = taken_at[:-1] + "+00:00" if taken_at.endswith(("Z", "z")) else taken_at
    moment = datetime.fromisoformat(text)  # ValueError for anything that is not ISO 8601
    if moment.utcoffset() is None:
        raise ValueError(f"taken_at needs a time zone (UTC), got {taken_at!r}")
    return moment.astimezone(timezone.utc).isoformat()


def _attempt_from_row(row: tuple[Any, ...], themes: dict[str, StoredThemeScore]) -> SavedAttempt:
    attempt_id, taken_at, lang, seed, theme, mode, score, max_score, detail = row
    extra = json.loads(detail)
    return {
        "id": attempt_id,
        "taken_at": taken_at,
        "lang": lang,
        "seed": seed,
        "theme": theme,
        "mode": mode,
        "score": score,
        "max_score": max_score,
        "themes": themes,
        "answers": extra["answers"],
        "missed": extra["missed"],
        "ratings": extra["ratings"],
    }


# SQLite result codes (the low byte of sqlite_errorcode, Python 3.11+).
_ERROR, _BUSY, _LOCKED, _CORRUPT, _NOTADB = 1, 5, 6, 11, 26


def _kind(exc: sqlite3.Error) -> str:
    """'damaged', 'busy' or 'other' for an SQLite error."""
    text = str(exc)
    if text.startswith("Could not decode to UTF-8"):  # Python's: text that is not UTF-8 in a row
        return "damaged"
    code = getattr(exc, "sqlite_errorcode", None)
    if isinstance(code, int):
        primary = code & 0xFF
        # Our SQL is fixed, so a plain SQL error ("no such table") means the file is not what it claims.
        if primary in (_CORRUPT, _NOTADB, _ERROR):
            return "damaged"
        return "busy" if primary in (_BUSY, _LOCKED) else "other"
    # Python 3.10 has no error codes: go by SQLite's (stable, English) messages.
    if any(sign in text for sign in ("not a database", "malformed", "no such table", "no such column")):
        return "damaged"
    return "busy" if "locked" in text or "busy" in text else "other"


def _reason(exc: OSError) -> str:
    return exc.strerror or str(exc)
