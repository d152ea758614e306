# SPDX-FileCopyrightText: 2026 The infoblad team
# SPDX-License-Identifier: EUPL-1.2
"""The quiz history store: an SQLite file that is made on the first save and never damaged."""

from __future__ import annotations

import json
import sqlite3
import subprocess
import sys
import time
from collections.abc import Callable
from pathlib import Path
from typing import Any, cast

import platformdirs
import pytest

from infoblad_cli import history
from infoblad_cli.errors import DataError
from infoblad_cli.history import Attempt, History, default_path


def make_attempt(taken_at: str = "2024-05-01T10:00:00+00:00", **changes: Any) -> Attempt:
    attempt: dict[str, Any] = {
        "taken_at": taken_at,
        "lang": "nl",
        "seed": 42,
        "theme": None,
        "mode": "full",
        "score": 5,
        "max_score": 8,
        "themes": {"rol": {"score": 2, "max": 4}, "luisteren": {"score": 3, "max": 4}},  # the quiz's order
        "answers": [
            {
                "question": "q-luisteren",
                "kind": "choice",
                "answer": "2",
                "points": 1,
                "max": 1,
                "correct": True,
            },
            {"question": "q-rol", "kind": "choice", "answer": "1", "points": 0, "max": 1, "correct": False},
            {"question": "q-zelf", "kind": "rating", "answer": "4", "points": 2, "max": 2, "correct": None},
        ],
        "missed": ["q-rol"],
        "ratings": {"q-zelf": 4},
    }
    attempt.update(changes)
    return cast(Attempt, attempt)


def raw(path: Path) -> sqlite3.Connection:
    """A plain connection for looking behind the store's back."""
    return sqlite3.connect(path, isolation_level=None)


def row_count(path: Path, table: str = "attempts") -> int:
    conn = raw(path)
    try:
        count: int = conn.execute(f"SELECT count(*) FROM {table}").fetchone()[0]
    finally:
        conn.close()
    return count


OPERATIONS: dict[str, Callable[[History], object]] = {
    "save": lambda store: store.save(make_attempt()),
    "attempts": lambda store: store.attempts(),
    "last_missed": lambda store: store.last_missed(),
    "trend": lambda store: store.trend(),
    "clear": lambda store: store.clear(),
}


# ---------------------------------------------------------------- where the file lives


def test_default_path_follows_infoblad_data_dir_at_call_time(
    monkeypatch: pytest.MonkeyPatch, tmp_path: Path
) -> None:
    monkeypatch.setenv("INFOBLAD_DATA_DIR", str(tmp_path / "one"))
    assert default_path() == tmp_path / "one" / "history.sqlite3"
    monkeypatch.setenv("INFOBLAD_DATA_DIR", str(tmp_path / "two"))
    assert default_path() == tmp_path / "two" / "history.sqlite3"


@pytest.mark.parametrize("value", ["", None])
def test_default_path_without_data_dir_is_the_user_data_folder(
    monkeypatch: pytest.MonkeyPatch, value: str | None
) -> None:
    if value is None:
        monkeypatch.delenv("INFOBLAD_DATA_DIR")
    else:
        monkeypatch.setenv("INFOBLAD_DATA_DIR", value)
    expected = Path(platformdirs.user_data_dir("infoblad", appauthor=False)) / "history.sqlite3"
    assert default_path() == expected


# ---------------------------------------------------------------- made on the first save, not before


def test_reading_a_history_that_does_not_exist_creates_nothing(tmp_path: Path) -> None:
    path = tmp_path / "sub" / "history.sqlite3"
    store = History(path)
    assert store.attempts() == []
    assert store.attempts(limit=1) == []
    assert store.last_missed() == []
    assert store.trend() == {}
    assert store.clear() == 0
    assert store.remove_file() is False
    assert not path.parent.exists()


def test_first_save_creates_the_folder_and_the_file(isolated_env: Path) -> None:
    path = default_path()
    assert path.parent == isolated_env
    assert not isolated_env.exists()
    attempt_id = History(path).save(make_attempt())
    assert path.is_file()
    assert [saved["id"] for saved in History(path).attempts()] == [attempt_id]


def test_a_folder_that_cannot_be_made_is_a_data_error(
    monkeypatch: pytest.MonkeyPatch, tmp_path: Path
) -> None:
    blocker = tmp_path / "not-a-folder"
    blocker.write_text("keep me\n", encoding="utf-8")
    monkeypatch.setenv("INFOBLAD_DATA_DIR", str(blocker))
    store = History(default_path())
    with pytest.raises(DataError) as caught:
        store.save(make_attempt())
    assert str(default_path()) in caught.value.text("en")
    assert "untouched" in caught.value.text("en")
    assert "INFOBLAD_DATA_DIR" in caught.value.hint_text("en")
    assert blocker.read_text(encoding="utf-8") == "keep me\n"
    assert store.attempts() == []  # nothing to read is not an error


# ---------------------------------------------------------------- what comes back


def test_round_trip_keeps_every_field(tmp_path: Path) -> None:
    store = History(tmp_path / "history.sqlite3")
    first = make_attempt(taken_at="2024-05-01T10:00:00+00:00", seed=None, theme=None, lang="en")
    second = make_attempt(
        taken_at="2024-05-02T09:30:00+00:00",
        theme="luisteren",
        themes={"luisteren": {"score": 0, "max": 3}},
        answers=[
            {"question": "ë-vraag", "kind": "choice", "answer": "3", "points": 0, "max": 3, "correct": False}
        ],
        missed=["ë-vraag"],
        ratings={},
    )
    ids = [store.save(first), store.save(second)]
    saved = store.attempts()
    assert [s["id"] for s in saved] == ids[::-1]
    for attempt_id, original, back in zip(ids[::-1], [second, first], saved, strict=True):
        assert back == {"id": attempt_id, **original}
        assert list(back["themes"]) == list(original["themes"])  # the quiz's theme order is kept


def test_attempts_are_newest_first_by_time_then_id(tmp_path: Path) -> None:
    store = History(tmp_path / "history.sqlite3")
    middle = store.save(make_attempt("2024-05-02T10:00:00+00:00"))
    newest_a = store.save(make_attempt("2024-05-03T10:00:00+00:00"))
    oldest = store.save(make_attempt("2024-05-01T10:00:00+00:00"))
    newest_b = store.save(make_attempt("2024-05-03T10:00:00+00:00"))  # same second: the later save first
    assert [s["id"] for s in store.attempts()] == [newest_b, newest_a, middle, oldest]
    assert [s["id"] for s in store.attempts(limit=2)] == [newest_b, newest_a]
    assert [s["themes"] for s in store.attempts(limit=1)] == [make_attempt()["themes"]]
    assert store.attempts(limit=0) == []


def test_taken_at_is_kept_in_one_utc_form_so_that_order_is_time_order(tmp_path: Path) -> None:
    store = History(tmp_path / "history.sqlite3")
    store.save(make_attempt("2024-05-01T11:30:00+02:00"))  # 09:30 UTC: the earlier one
    store.save(make_attempt("2024-05-01T10:00:00Z"))
    assert [s["taken_at"] for s in store.attempts()] == [
        "2024-05-01T10:00:00+00:00",
        "2024-05-01T09:30:00+00:00",
    ]


@pytest.mark.parametrize("taken_at", ["2024-05-01T10:00:00", "yesterday", ""])
def test_a_time_without_zone_is_refused_and_nothing_is_made(tmp_path: Path, taken_at: str) -> None:
    path = tmp_path / "history.sqlite3"
    with pytest.raises(ValueError):
        History(path).save(make_attempt(taken_at))
    assert not path.exists()


def test_last_missed_is_from_the_newest_attempt(tmp_path: Path) -> None:
    store = History(tmp_path / "history.sqlite3")
    assert store.last_missed() == []
    store.save(make_attempt("2024-05-03T10:00:00+00:00", missed=["q-b", "q-c"]))
    store.save(make_attempt("2024-05-01T10:00:00+00:00", missed=["q-a"]))  # saved later, taken earlier
    assert store.last_missed() == ["q-b", "q-c"]
    store.save(make_attempt("2024-05-04T10:00:00+00:00", missed=[]))
    assert store.last_missed() == []


def test_trend_gives_per_theme_percentages_oldest_first(tmp_path: Path) -> None:
    store = History(tmp_path / "history.sqlite3")
    store.save(make_attempt("2024-05-03T10:00:00+00:00", themes={"rol": {"score": 3, "max": 3}}))
    store.save(
        make_attempt(
            "2024-05-01T10:00:00+00:00",
            themes={"luisteren": {"score": 1, "max": 4}, "rol": {"score": 2, "max": 3}},
        )
    )
    store.save(make_attempt("2024-05-02T10:00:00+00:00", themes={"luisteren": {"score": 0, "max": 0}}))
    assert store.trend() == {"luisteren": [25.0, 0.0], "rol": [66.7, 100.0]}


# ---------------------------------------------------------------- clear and remove


def test_clear_deletes_every_attempt_and_reports_how_many(
    monkeypatch: pytest.MonkeyPatch, tmp_path: Path
) -> None:
    # Some SQLite builds overwrite deleted rows by default, others do not: test as the latter.
    connect = sqlite3.connect

    def connect_without_secure_delete(*args: Any, **kwargs: Any) -> sqlite3.Connection:
        conn = connect(*args, **kwargs)
        conn.execute("PRAGMA secure_delete = OFF")
        return conn

    monkeypatch.setattr(sqlite3, "connect", connect_without_secure_delete)
    path = tmp_path / "history.sqlite3"
    store = History(path)
    for day in (1, 2, 3):
        store.save(make_attempt(f"2024-05-0{day}T10:00:00+00:00", missed=[f"secret-question-{day}"]))
    assert store.clear() == 3
    assert store.attempts() == []
    assert store.trend() == {}
    assert row_count(path, "theme_scores") == 0
    # Cleared means gone from the file, not only marked as free space.
    assert b"secret-question" not in path.read_bytes()
    assert store.clear() == 0
    store.save(make_attempt())  # the emptied file is still a good history
    assert len(store.attempts()) == 1


def test_remove_file_deletes_a_damaged_file_and_says_whether_it_existed(tmp_path: Path) -> None:
    path = tmp_path / "history.sqlite3"
    path.write_bytes(b"this is not a database at all\n")
    journal = tmp_path / "history.sqlite3-journal"
    journal.write_bytes(b"stale")
    store = History(path)
    assert store.remove_file() is True
    assert not path.exists()
    assert not journal.exists()
    assert store.remove_file() is False
    store.save(make_attempt())
    assert len(store.attempts()) == 1


# ---------------------------------------------------------------- schema versions


def test_first_save_brings_the_schema_to_the_latest_version(tmp_path: Path) -> None:
    path = tmp_path / "history.sqlite3"
    History(path).save(make_attempt())
    conn = raw(path)
    try:
        assert conn.execute("PRAGMA user_version").fetchone()[0] == len(history._MIGRATIONS) >= 1
        tables = {name for (name,) in conn.execute("SELECT name FROM sqlite_master WHERE type = 'table'")}
    finally:
        conn.close()
    assert tables == {"attempts", "theme_scores"}


def test_an_older_file_gets_only_the_missing_migrations(
    monkeypatch: pytest.MonkeyPatch, tmp_path: Path
) -> None:
    path = tmp_path / "history.sqlite3"
    store = History(path)
    kept = store.save(make_attempt())
    ran: list[int] = []

    def add_notes(conn: sqlite3.Connection) -> None:
        ran.append(1)
        conn.execute("CREATE TABLE notes (id INTEGER PRIMARY KEY)")  # fails if run twice

    monkeypatch.setattr(history, "_MIGRATIONS", [*history._MIGRATIONS, add_notes])
    assert [s["id"] for s in store.attempts()] == [kept]
    assert store.attempts()[0]["missed"] == ["q-rol"]
    assert ran == [1]
    conn = raw(path)
    try:
        assert conn.execute("PRAGMA user_version").fetchone()[0] == len(history._MIGRATIONS)
    finally:
        conn.close()


@pytest.mark.parametrize("operation", list(OPERATIONS))
def test_a_file_from_a_newer_infoblad_is_refused_and_left_alone(tmp_path: Path, operation: str) -> None:
    path = tmp_path / "history.sqlite3"
    History(path).save(make_attempt())
    conn = raw(path)
    conn.execute("PRAGMA user_version = 99")
    conn.close()
    before = path.read_bytes()
    with pytest.raises(DataError) as caught:
        OPERATIONS[operation](History(path))
    assert str(path) in caught.value.text("en")
    assert "newer" in caught.value.text("en")
    assert "untouched" in caught.value.text("en")
    assert "Update infoblad" in caught.value.hint_text("en")
    assert path.read_bytes() == before


def test_a_newer_file_is_refused_without_waiting_for_a_writer(
    monkeypatch: pytest.MonkeyPatch, tmp_path: Path
) -> None:
    path = tmp_path / "history.sqlite3"
    History(path).save(make_attempt())
    monkeypatch.setattr(history, "BUSY_TIMEOUT", 0.05)
    other = raw(path)
    try:
        other.execute("PRAGMA user_version = 99")
        other.execute("BEGIN IMMEDIATE")  # another infoblad is writing
        with pytest.raises(DataError, match="newer infoblad"):
            History(path).attempts()
    finally:
        other.close()


# ---------------------------------------------------------------- damaged files are never written


DAMAGED = {
    "random bytes": bytes(range(256)) * 16,
    "text": b"Dit is geen database.\n",
    "one byte": b"x",  # SQLite itself would take this for an empty database and write over it
    "bad pages": b"SQLite format 3\x00" + b"\xff" * 4080,
}


@pytest.mark.parametrize("content", list(DAMAGED))
@pytest.mark.parametrize("operation", list(OPERATIONS))
def test_a_damaged_file_is_left_untouched(tmp_path: Path, operation: str, content: str) -> None:
    path = tmp_path / "history.sqlite3"
    path.write_bytes(DAMAGED[content])
    with pytest.raises(DataError) as caught:
        OPERATIONS[operation](History(path))
    assert str(path) in caught.value.text("en")
    assert "untouched" in caught.value.text("en")
    assert (
        caught.value.hint_text("en")
        == "Move it away, or run 'infoblad history --clear' to start a new history."
    )
    assert path.read_bytes() == DAMAGED[content]
    assert sorted(p.name for p in tmp_path.iterdir()) == ["history.sqlite3"]


def test_someone_elses_sqlite_file_is_left_untouched(tmp_path: Path) -> None:
    path = tmp_path / "history.sqlite3"
    conn = raw(path)
    conn.execute("CREATE TABLE notes (text TEXT)")
    conn.close()
    before = path.read_bytes()
    with pytest.raises(DataError, match="not an infoblad history"):
        History(path).save(make_attempt())
    assert path.read_bytes() == before


def test_answers_that_are_not_our_json_are_a_data_error(tmp_path: Path) -> None:
    path = tmp_path / "history.sqlite3"
    History(path).save(make_attempt())
    conn = raw(path)
    conn.execute("UPDATE attempts SET detail = 'not json'")
    conn.close()
    for operation in ("attempts", "last_missed"):
        with pytest.raises(DataError, match="damaged"):
            OPERATIONS[operation](History(path))


@pytest.mark.parametrize("operation", [*OPERATIONS, "remove_file"])
def test_a_folder_where_the_file_should_be_is_a_data_error(tmp_path: Path, operation: str) -> None:
    path = tmp_path / "history.sqlite3"
    (path / "inside").mkdir(parents=True)
    store = History(path)
    with pytest.raises(DataError) as caught:
        store.remove_file() if operation == "remove_file" else OPERATIONS[operation](store)
    assert str(path) in caught.value.text("en")
    assert "untouched" in caught.value.text("en")
    assert (path / "inside").is_dir()


# ---------------------------------------------------------------- nothing half-written


@pytest.mark.parametrize(
    ("failure", "expected"),
    [(sqlite3.OperationalError("disk I/O error"), DataError), (KeyboardInterrupt(), KeyboardInterrupt)],
)
def test_a_save_that_fails_halfway_keeps_nothing(
    monkeypatch: pytest.MonkeyPatch, tmp_path: Path, failure: BaseException, expected: type[BaseException]
) -> None:
    path = tmp_path / "history.sqlite3"
    store = History(path)
    kept = store.save(make_attempt("2024-05-01T10:00:00+00:00"))

    def fail_after_the_attempt_row(*args: object) -> None:
        raise failure

    monkeypatch.setattr(history, "_insert_theme_scores", fail_after_the_attempt_row)
    with pytest.raises(expected):
        store.save(make_attempt("2024-05-02T10:00:00+00:00"))
    monkeypatch.undo()
    assert row_count(path) == 1
    assert row_count(path, "theme_scores") == 2
    assert [s["id"] for s in History(path).attempts()] == [kept]


def test_a_file_held_by_another_writer_gives_a_plain_busy_message(
    monkeypatch: pytest.MonkeyPatch, tmp_path: Path
) -> None:
    path = tmp_path / "history.sqlite3"
    History(path).save(make_attempt())
    monkeypatch.setattr(history, "BUSY_TIMEOUT", 0.05)
    other = raw(path)
    try:
        other.execute("BEGIN EXCLUSIVE")
        with pytest.raises(DataError) as caught:
            History(path).save(make_attempt())
    finally:
        other.close()
    assert "in use by another infoblad" in caught.value.text("en")
    assert str(path) in caught.value.text("en")
    assert row_count(path) == 1


SAVER = """
import json, sys, time
from pathlib import Path
from infoblad_cli.history import History

path, go, attempt = Path(sys.argv[1]), Path(sys.argv[2]), json.loads(sys.argv[3])
print("ready", flush=True)
while not go.exists():  # start together with the other process, to make the saves collide
    time.sleep(0.001)
store = History(path)
for n in range(20):
    store.save(dict(attempt, taken_at=f"2024-05-01T10:{n:02d}:00+00:00", missed=[f"{sys.argv[4]}-{n}"]))
"""


def test_two_processes_saving_at_the_same_time_both_get_saved(tmp_path: Path) -> None:
    path = tmp_path / "data" / "history.sqlite3"  # not there yet: both also race to create it
    go = tmp_path / "go"
    attempt = json.dumps(make_attempt())
    savers = [
        subprocess.Popen(
            [sys.executable, "-c", SAVER, str(path), str(go), attempt, name],
            cwd=tmp_path,
            stdout=subprocess.PIPE,
            stderr=subprocess.PIPE,
            text=True,
        )
        for name in ("left", "right")
    ]
    try:
        for saver in savers:
            assert saver.stdout is not None
            assert saver.stdout.readline().strip() == "ready"
        go.touch()
        deadline = time.monotonic() + 30
        for saver in savers:
            _, stderr = saver.communicate(timeout=max(1.0, deadline - time.monotonic()))
            assert saver.returncode == 0, stderr
    finally:
        for saver in savers:
            if saver.poll() is None:
                saver.kill()
    saved = History(path).attempts()
    assert len(saved) == 40
    assert len({s["id"] for s in saved}) == 40
    assert {m for s in saved for m in s["missed"]} == {
        f"{side}-{n}" for side in ("left", "right") for n in range(20)
    }
    assert row_count(path, "theme_scores") == 80


@pytest.mark.parametrize(
    ("error", "kind"),
    [
        (sqlite3.DatabaseError("file is not a database"), "damaged"),
        (sqlite3.DatabaseError("database disk image is malformed"), "damaged"),
        (sqlite3.OperationalError("no such table: attempts"), "damaged"),
        (sqlite3.OperationalError("database is locked"), "busy"),
        (sqlite3.OperationalError("database or disk is full"), "other"),
    ],
)
def test_sqlite_errors_are_sorted_by_their_message_where_python_gives_no_code(
    error: sqlite3.Error, kind: str
) -> None:
    assert not hasattr(error, "sqlite_errorcode")  # as on Python 3.10, and for errors made by hand
    assert history._kind(error) == kind
