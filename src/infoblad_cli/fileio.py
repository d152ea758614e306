# SPDX-FileCopyrightText: 2026 The infoblad team
# SPDX-License-Identifier: EUPL-1.2
"""Small, careful file operations shared by the content cache, exports and history."""

from __future__ import annotations

import os
import re
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

from .errors import ContentError, Problem, Terminated, msg

MAX_FILE_BYTES = 16 * 1024 * 1024

# C0 and C1 control characters (but tab, newline, carriage return), DEL, bidi
# overrides and non-characters. Stripping them keeps content from styling,
# moving or garbling the terminal, whatever escapes it was written with.
_CONTROL = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\x7f-\x9f\u202a-\u202e\u2066-\u2069\ufffe\uffff]")


def strip_controls(text: str) -> str:
    """Remove control characters that could style or break a terminal."""
    return _CONTROL.sub("", text)


def content_file(path: Path) -> Problem | bool:
    """Is there a content file at ``path``? False: no; True: a regular file; else the problem.

    A name that is taken by something else (a folder, a FIFO, a device, a link to nowhere
    or in a circle) is a problem to report, never a file to skip in silence or to read
    (reading a FIFO or /dev/zero would hang or fill the memory).
    """
    import errno
    import stat

    file = str(path)
    try:
        mode = path.stat().st_mode
    except FileNotFoundError:
        if path.is_symlink():
            return Problem(file, msg("content.broken_link"), expected=msg("content.a_yaml_file"))
        return False
    except OSError as exc:
        if exc.errno == errno.ELOOP:
            return Problem(file, msg("content.link_loop"), expected=msg("content.a_yaml_file"))
        return Problem(file, msg("file.cannot_read", reason=exc.strerror or str(exc)))
    if stat.S_ISREG(mode):
        return True
    what = (
        "content.is_folder"
        if stat.S_ISDIR(mode)
        else "content.is_fifo"
        if stat.S_ISFIFO(mode)
        else "content.is_device"
    )
    return Problem(file, msg(what), expected=msg("content.a_yaml_file"))


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
        raise ContentError(
            [Problem(file, msg("file.cannot_read", reason=exc.strerror or str(exc)))]
        ) from None
    if len(raw) > limit:  # the file grew while we read it
        raise ContentError([_too_big(file, len(raw), limit)])
    return raw


def _too_big(file: str, size: int, limit: int) -> Problem:
    return Problem(
        file,
        msg("file.too_large", size=f"{size:,}", limit=f"{limit:,}"),
        expected=msg("file.too_large_rule"),
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
    with signals_unwind():
        _write_atomic(path, data, private)


def _write_atomic(path: Path, data: bytes, private: bool) -> None:
    tmp = None
    try:
        import tempfile  # only when a file is written: not on every start

        fd, tmp = tempfile.mkstemp(prefix=f".{path.name}.", suffix=".tmp", dir=path.parent)
        with os.fdopen(fd, "wb") as handle:
            handle.write(data)
            handle.flush()
            os.fsync(handle.fileno())
        if not private:
            os.chmod(tmp, _mode_for(path))
        os.replace(tmp, path)
    except BaseException:
        if tmp is not None:
            try:
                os.unlink(tmp)
            except OSError:
                pass
        raise


@contextmanager
def signals_unwind() -> Iterator[None]:
    """While this runs, SIGTERM and SIGHUP raise ``Terminated`` instead of ending the process.

    By default they end it on the spot, leaving a half-written temporary file behind.
    Raised as an exception they unwind through the ``except``/``finally`` that removes it.
    A signal that was ignored (``nohup``) or handled by someone else stays as it was.
    """
    import signal
    import threading

    if threading.current_thread() is not threading.main_thread():
        yield
        return

    def unwind(signum: int, frame: object) -> None:
        raise Terminated(signum)

    previous = {}
    for name in ("SIGTERM", "SIGHUP"):
        signum = getattr(signal, name, None)
        if signum is not None and signal.getsignal(signum) is signal.SIG_DFL:
            previous[signum] = signal.signal(signum, unwind)
    try:
        yield
    finally:
        for signum, handler in previous.items():
            signal.signal(signum, handler)
