"""Small, careful file operations shared by the content cache, exports and history."""

from __future__ import annotations

import os
import re
import tempfile
from pathlib import Path

from .errors import ContentError, Problem

MAX_FILE_BYTES = 16 * 1024 * 1024

# C0 and C1 control characters (but tab, newline, carriage return), DEL, bidi
# overrides and non-characters. Stripping them keeps content from styling,
# moving or garbling the terminal, whatever escapes it was written with.
_CONTROL = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\x7f-\x9f\u202a-\u202e\u2066-\u2069\ufffe\uffff]")


def strip_controls(text: str) -> str:
    """Remove control characters that could style or break a terminal."""
    return _CONTROL.sub("", text)


def read_bytes(path: Path, max_bytes: int | None = None) -> bytes:
    """Read a content file, refusing files over the size limit before parsing."""
    limit = MAX_FILE_BYTES if max_bytes is None else max_bytes
    file = str(path)
    try:
        size = path.stat().st_size
        if size > limit:
            raise ContentError([_too_big(file, size, limit)])
        with path.open("rb") as handle:
            raw = handle.read(limit + 1)
    except OSError as exc:
        raise ContentError([Problem(file, f"cannot read the file: {exc.strerror or exc}")]) from None
    if len(raw) > limit:  # the file grew while we read it
        raise ContentError([_too_big(file, len(raw), limit)])
    return raw


def _too_big(file: str, size: int, limit: int) -> Problem:
    return Problem(
        file,
        f"the file is too large ({size:,} bytes; the limit is {limit:,})",
        expected="split the content over several packs or shorten it",
    )


def _mode_for(path: Path) -> int:
    import stat

    try:
        return stat.S_IMODE(path.stat().st_mode)
    except OSError:
        umask = os.umask(0)
        os.umask(umask)
        return 0o666 & ~umask


def write_atomic(path: Path, data: bytes, make_parents: bool = False, private: bool = True) -> None:
    """Write a file so that readers see the old or the new version, never half of one.

    ``private`` files (the cache) are for this user only; others (a handout) get the
    permissions of the file they replace, or of any new file (the umask decides).
    """
    if make_parents:
        path.parent.mkdir(parents=True, exist_ok=True)
    fd, tmp = tempfile.mkstemp(prefix=f".{path.name}.", suffix=".tmp", dir=path.parent)
    try:
        with os.fdopen(fd, "wb") as handle:
            handle.write(data)
            handle.flush()
            os.fsync(handle.fileno())
        if not private:
            os.chmod(tmp, _mode_for(path))
        os.replace(tmp, path)
    except BaseException:
        try:
            os.unlink(tmp)
        except OSError:
            pass
        raise
