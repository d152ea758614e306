# SPDX-FileCopyrightText: 2026 The infoblad team
# SPDX-License-Identifier: EUPL-1.2
"""The content cache: validated content of each file, kept between runs.

Parsing YAML and validating it is the slow part of a start, so the outcome for
each file is kept in a small JSON file per content folder and language, keyed by
the file's size and CRC-32: an edited file is parsed again, an unchanged one is
not. Problems are kept with the file, so the cache never hides one.

The codec is explicit: entries are stored as rows in the order of their kind's
fields (``kinds.py``) and rebuilt by each field's type; quiz questions carry
their question kind as a tag. Nothing is read from type annotations.
"""

from __future__ import annotations

import json
import os
import zlib
from collections.abc import Callable
from pathlib import Path
from typing import Any

from . import kinds as k
from . import models as m

CACHE_FORMAT = 2
CACHE_DAYS = 30  # caches of content folders not written for this long are removed
# What the cached results depend on besides the content: the code that made them.
_RULES = ("schema.py", "kinds.py", "models.py", "yamlsafe.py", "content.py", "cache.py", "strings.py")
_format: list[str] = []  # computed once per run


def cache_format() -> str:
    """A stamp of the code that made a cache: new rules make older caches unused, never wrong."""
    if _format:
        return _format[0]
    here = Path(__file__).resolve().parent
    check = 0
    for name in _RULES:
        try:
            check = zlib.crc32((here / name).read_bytes(), check)
        except OSError:  # e.g. a zipped install without sources
            pass
    _format.append(f"{CACHE_FORMAT}:{check:08x}")
    return _format[0]


def cache_dir() -> Path | None:
    """Where parsed content is cached; None when caching is switched off."""
    configured = os.environ.get("INFOBLAD_CACHE_DIR")
    if configured is not None:
        return Path(configured).expanduser() if configured.strip() else None
    return user_cache_dir()


def user_cache_dir() -> Path:
    """The user's cache folder for infoblad: the same folder platformdirs names.

    Every start reads the cache, and importing platformdirs costs more than the
    rest of a start-up's own work (a few ms), so for this one folder we follow its
    rules ourselves; a test checks that both agree.
    """
    import sys

    if sys.platform == "win32":
        local = os.environ.get("LOCALAPPDATA") or str(Path.home() / "AppData" / "Local")
        return Path(local) / "infoblad" / "Cache"
    if sys.platform == "darwin":
        return Path.home() / "Library" / "Caches" / "infoblad"
    xdg = os.environ.get("XDG_CACHE_HOME", "").strip()
    return (Path(xdg) if xdg else Path.home() / ".cache") / "infoblad"


class FileCache:
    """Cached data of the files of one content folder and language, by size and checksum."""

    def __init__(self, root: Path, lang: str) -> None:
        self.path: Path | None = None
        self.entries: dict[str, Any] = {}
        self.dirty = False
        base = cache_dir()
        if base is None:
            return
        key = zlib.crc32(str(root.resolve()).encode("utf-8", "surrogatepass"))
        self.path = base / f"content-{key:08x}-{lang}.json"
        try:
            with self.path.open("rb") as handle:
                stored = json.loads(handle.read().decode("utf-8", "surrogatepass"))
            if stored.get("format") == cache_format() and stored.get("root") == str(root.resolve()):
                self.entries = stored["files"]
        except (OSError, ValueError, KeyError, TypeError, AttributeError):
            self.entries = {}  # a missing or damaged cache is rebuilt, never trusted

    def get(self, name: str, stamp: str) -> Any:
        found = self.entries.get(name)
        if isinstance(found, dict) and found.get("stamp") == stamp:
            return found.get("data")
        return None

    def put(self, name: str, stamp: str, data: Any) -> None:
        self.entries[name] = {"stamp": stamp, "data": data}
        self.dirty = True

    def save(self, root: Path) -> None:
        if not self.dirty or self.path is None:
            return
        from .fileio import write_atomic

        payload = {"format": cache_format(), "root": str(root.resolve()), "files": self.entries}
        try:
            # surrogatepass: a folder name that is not UTF-8 reaches us as lone surrogates.
            data = json.dumps(payload, ensure_ascii=False).encode("utf-8", "surrogatepass")
            write_atomic(self.path, data, make_parents=True)
        except OSError:
            return  # a cache that cannot be written only costs time
        prune(self.path.parent)


def prune(folder: Path) -> None:
    """Remove caches of content folders not written for a month (packs come and go)."""
    import time

    limit = time.time() - CACHE_DAYS * 24 * 3600
    for old in folder.glob("content-*.json"):
        try:
            if old.stat().st_mtime < limit:
                old.unlink()
        except OSError:
            pass


# ---------------------------------------------------------------- the codec


def _encode_field(field: k.Field, value: Any) -> Any:
    if field.type == "sources":
        return [[s.title, s.url] for s in value]
    if field.type == "record":
        return encode_entry(field.parts, value)
    if field.type == "records":
        return [encode_entry(field.parts, item) for item in value]
    if isinstance(value, tuple):
        return list(value)
    return value


def _decode_field(field: k.Field, value: Any) -> Any:
    if field.type == "sources":
        return tuple(k.Source(str(title), str(url)) for title, url in value)
    if field.type == "record":
        return decode_entry(field.parts, field.model, value)
    if field.type == "records":
        return tuple(decode_entry(field.parts, field.model, item) for item in value)
    if field.type in ("texts", "refs"):
        return tuple(str(item) for item in value)
    if not isinstance(value, str):
        raise TypeError(f"expected text, found {type(value).__name__}")
    return value


def encode_entry(fields: tuple[k.Field, ...], entry: Any) -> list[Any]:
    """An entry as a row: its fields' values in the order of the description."""
    return [_encode_field(field, getattr(entry, field.name)) for field in fields]


def decode_entry(fields: tuple[k.Field, ...], model: Any, row: list[Any]) -> Any:
    """The entry a row came from."""
    if len(row) != len(fields):
        raise ValueError("a row of another shape")
    return model(
        **{field.name: _decode_field(field, value) for field, value in zip(fields, row, strict=True)}
    )


# The quiz is not a kind of entry with a page of its own; its models are coded here, explicitly.
_OPTION = (
    k.Field("text", "text"),
    k.Field("weight", "line"),
    k.Field("feedback", "text"),
    *(k.Field(name, "line") for name in ("lesson", "narrative", "personal")),
)
_QUESTION_FIELDS: dict[str, tuple[Any, tuple[k.Field, ...]]] = {
    "scenario": (
        m.Scenario,
        (
            k.Field("id", "slug"),
            k.Field("theme", "slug"),
            k.Field("setting", "line"),
            k.Field("prompt", "text"),
            k.Field("options", "records", parts=_OPTION, model=m.Option),
        ),
    ),
    "recognise": (
        m.Recognise,
        (
            *(k.Field(name, "line") for name in ("id", "theme", "voice")),
            k.Field("options", "refs"),
            k.Field("answer", "slug"),
            k.Field("explanation", "text"),
        ),
    ),
    "self-rating": (
        m.SelfRating,
        tuple(
            k.Field(name, "line")
            for name in ("id", "theme", "statement", "suggestion", "lesson", "narrative", "personal")
        ),
    ),
}
_QUIZ_THEME = tuple(k.Field(name, "line") for name in ("id", "title", "description"))


def _encode_question(q: m.Question) -> list[Any]:
    _, fields = _QUESTION_FIELDS[q.kind]
    row = encode_entry(fields, q)
    if isinstance(q, m.Scenario):  # weights are numbers
        row[4] = [[o.text, o.weight, o.feedback, o.lesson, o.narrative, o.personal] for o in q.options]
    return [q.kind, row]


def _decode_question(tagged: list[Any]) -> m.Question:
    kind, row = tagged
    model, fields = _QUESTION_FIELDS[kind]
    if kind == "scenario":
        options = tuple(
            m.Option(str(text), int(weight), str(feedback), str(lesson), str(narrative), str(personal))
            for text, weight, feedback, lesson, narrative, personal in row[4]
        )
        plain = decode_entry(fields[:4], dict, row[:4])
        return m.Scenario(**plain, options=options)
    question: m.Question = decode_entry(fields, model, row)
    return question


_Codec = tuple[Callable[[Any], Any], Callable[[Any], Any]]


def _list_codec(fields: tuple[k.Field, ...], model: Any) -> _Codec:
    return (
        lambda entries: [encode_entry(fields, entry) for entry in entries],
        lambda rows: tuple(decode_entry(fields, model, row) for row in rows),
    )


def _document_codec(kind: k.Kind) -> _Codec:
    """personal and about: a document with its own fields and a list of entries."""
    own = k.DOCUMENT_FIELDS[kind.name]

    def encode(doc: dict[str, Any]) -> dict[str, Any]:
        out: dict[str, Any] = {f.name: _encode_field(f, doc[f.name]) for f in own if f.name in doc}
        if kind.group in doc:
            out[kind.group] = [encode_entry(kind.fields, entry) for entry in doc[kind.group]]
        return out

    def decode(data: dict[str, Any]) -> dict[str, Any]:
        out: dict[str, Any] = {f.name: _decode_field(f, data[f.name]) for f in own if f.name in data}
        if kind.group in data:
            out[kind.group] = tuple(decode_entry(kind.fields, kind.model, row) for row in data[kind.group])
        return out

    return encode, decode


def _codecs(file: str) -> dict[str, _Codec]:
    """For one content file: each top-level key's encoder and decoder."""
    if file == "quiz":
        return {
            "themes": _list_codec(_QUIZ_THEME, m.QuizTheme),
            "questions": (
                lambda qs: [_encode_question(q) for q in qs],
                lambda rows: tuple(_decode_question(row) for row in rows),
            ),
        }
    kind = k.BY_NAME[file]
    if file in k.DOCUMENT_FIELDS:
        return {file: _document_codec(kind)}
    return {kind.group: _list_codec(kind.fields, kind.model)}


def encode(file: str, converted: dict[str, Any]) -> dict[str, Any]:
    """What ``schema.parse_kind`` returned for one file, as JSON-ready data."""
    codecs = _codecs(file)
    return {key: codecs[key][0](value) for key, value in converted.items() if key in codecs}


def decode(file: str, data: dict[str, Any]) -> dict[str, Any]:
    """The inverse of ``encode``. Raises ValueError, TypeError or KeyError on a foreign shape."""
    codecs = _codecs(file)
    return {key: codecs[key][1](value) for key, value in data.items()}
