# SPDX-FileCopyrightText: 2026 The infoblad team
# SPDX-License-Identifier: EUPL-1.2
"""Where a command writes a file (export, a result file, a group's results).

The same rules for every file the tool writes: a name is needed; an existing file (or a
link, even one to nowhere) is only replaced with --force; a folder or a device never;
and the file is written in one go (``fileio.write_atomic``), never half.
"""

import os
from pathlib import Path
from typing import Optional

from ..errors import InfobladError, UsageError
from ..options import Options
from ..term import say_on_stderr


def export_target(opts: Options, output: Path, force: bool) -> Path:
    """The file to write: refuse to replace what the user did not ask to replace."""
    import stat

    from ..strings import t

    try:
        # lstat, not exists(): a link to nowhere, or in a circle, is something the user has.
        info = output.lstat()
    except FileNotFoundError:
        return output
    except OSError as error:
        raise cannot_write(opts, output, error) from None
    if not force:
        raise UsageError(t(opts.lang, "export.exists", file=output), hint=t(opts.lang, "export.exists_hint"))
    if stat.S_ISLNK(info.st_mode):
        try:
            real = output.resolve(strict=True)  # through a link: the link stays, its file gets the export
        except (OSError, RuntimeError):  # to nowhere or in a circle: --force replaces the link itself
            return output
    else:
        real = output
    if not real.is_file():
        raise UsageError(
            t(opts.lang, "export.not_a_file", file=output), hint=t(opts.lang, "export.stdout_hint")
        )
    if not os.access(real, os.W_OK):
        raise InfobladError(t(opts.lang, "export.read_only", file=output))
    return real


def result_target(opts: Options, output: Path, force: bool) -> Path:
    """Where a result file goes: like an export, never replacing a file without --force."""
    from ..strings import t

    if not str(output).strip() or str(output) == "-":
        raise UsageError(t(opts.lang, "result.no_name"))
    folder = output.parent
    if not folder.is_dir():
        raise UsageError(
            t(opts.lang, "result.no_folder", folder=folder), hint=t(opts.lang, "export.cannot_write_hint")
        )
    return export_target(opts, output, force)


def cannot_write(opts: Options, file: Path, error: OSError) -> InfobladError:
    from ..strings import t

    return InfobladError(
        t(opts.lang, "export.cannot_write", file=file, reason=error.strerror or error),
        hint=t(opts.lang, "export.cannot_write_hint"),
    )


def write(
    opts: Options, target: Path, data: bytes, written_key: str = "", shown_as: Optional[Path] = None
) -> Optional[InfobladError]:
    """Write a file in one go; the error is returned, not raised, so a result can still be shown.

    ``written_key``: the message that says where the file went (on stderr), if any.
    ``shown_as``: the name the user gave, when ``target`` is where a link of theirs leads."""
    from ..fileio import write_atomic
    from ..strings import t

    name = target if shown_as is None else shown_as
    try:
        write_atomic(target, data, private=False)
    except OSError as error:
        return cannot_write(opts, name, error)
    if written_key:
        say_on_stderr(t(opts.lang, written_key, file=name))
    return None


def write_or_fail(opts: Options, target: Path, data: bytes, shown_as: Path) -> None:
    """Write a file in one go and say so on stderr, or fail with a clear message."""
    failed = write(opts, target, data, "export.written", shown_as)
    if failed is not None:
        raise failed
