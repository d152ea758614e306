# SPDX-FileCopyrightText: 2026 The infoblad team
# SPDX-License-Identifier: EUPL-1.2
"""infoblad group (Dutch: groep): a workshop's anonymous result files, combined."""

from pathlib import Path
from typing import Annotated, Any, Optional

import typer

from ..errors import InfobladError, UsageError
from ..options import ContentDirOption, ForceOption, JsonOption, LangOption, Options, PlainOption
from ..term import say_on_stderr
from .files import export_target, write

PathsArgument = Annotated[
    list[Path],
    typer.Argument(
        help="Result files, or folders with result files (*.json).",
        metavar="FILE|FOLDER...",
        show_default=False,
    ),
]
HtmlOption = Annotated[
    bool, typer.Option("--html", help="One self-contained HTML page to project (large type, high contrast).")
]
OutputOption = Annotated[
    Optional[Path],
    typer.Option(
        "--output",
        "-o",
        help="The file to write (default: standard output). A name ending in .html implies --html,"
        " .json implies --json.",
        dir_okay=False,
        readable=False,
        show_default=False,
    ),
]


def group_command(
    ctx: typer.Context,
    paths: PathsArgument,
    html: HtmlOption = False,
    output: OutputOption = None,
    force: ForceOption = False,
    lang: LangOption = None,
    json: JsonOption = False,
    plain: PlainOption = False,
    content_dir: ContentDirOption = None,
) -> None:
    """A group's quiz results combined, without names (Dutch: infoblad groep).

    Reads the anonymous result files of a workshop (made with 'infoblad quiz
    --result-file FILE' or 'infoblad history --export') and shows how many took
    part, the spread of the scores per theme, how many chose each answer, the
    spread of the self-ratings, and the three questions on which the group
    disagreed most. A damaged or foreign file is named and skipped."""
    opts = Options(ctx, lang, json, plain, content_dir)
    from .. import group as core
    from ..strings import t

    to_stdout = output is None or str(output) == "-"
    if output is not None and not to_stdout and not (html or opts.json):
        suffix = output.suffix.lower()
        html = suffix in (".html", ".htm")
        opts.json = suffix == ".json"
    if html and opts.json:
        raise UsageError(t(opts.lang, "group.html_and_json"))
    target = None if to_stdout or output is None else export_target(opts, output, force)
    bundle = opts.bundle()
    summary = core.combine(_read(opts, paths), bundle)
    for note in summary.notes:
        say_on_stderr(t(opts.lang, note.key, file=note.file, question=note.question))
    text = _text(opts, summary, html)
    if target is None:
        if text is None:
            from .. import render_group

            render_group.terminal(opts.writer(), summary)
        else:
            from ..render import write_stdout

            write_stdout(text)
    else:
        # A failed write names the file it was written to (through a link: the link's file).
        failed = write(opts, target, (_plain_text(opts, summary) if text is None else text).encode("utf-8"))
        if failed is not None:
            raise failed
        say_on_stderr(t(opts.lang, "export.written", file=output))


def _read(opts: Options, paths: list[Path]) -> list[Any]:
    """Every readable result file; each one that is skipped is named on stderr, with the reason."""
    from .. import result_file as results
    from ..strings import t

    def warning(message: str) -> None:
        say_on_stderr(t(opts.lang, "group.skipped", reason=message))

    files, missing = results.files_in(paths)
    for path in missing:
        warning(t(opts.lang, "group.missing", path=path))
    for path in paths:
        if path.is_dir() and not any(f.parent == path for f in files):
            warning(t(opts.lang, "group.empty_folder", folder=path))
    seen: set[Path] = set()
    readable = []
    for file in files:
        key = file.resolve()
        if key in seen:  # named twice (a folder and a file in it): count the person once
            continue
        seen.add(key)
        try:
            readable.append(results.read(file))
        except results.ResultFileError as error:
            warning(t(opts.lang, error.key, file=error.file, **error.values))
    if not readable:
        raise InfobladError(t(opts.lang, "group.none"), hint=t(opts.lang, "group.none_hint"))
    return readable


def _text(opts: Options, summary: Any, html: bool) -> Optional[str]:
    """The summary as JSON or as an HTML page; None for the terminal view."""
    if opts.json:
        import json

        from .. import group as core

        data = core.to_data(summary)
        data["lang"] = opts.lang
        return json.dumps(data, ensure_ascii=False, indent=2) + "\n"
    if html:
        from .. import render_group

        return render_group.to_html(summary, opts.lang)
    return None


def _plain_text(opts: Options, summary: Any) -> str:
    """The terminal view as plain text, for a file (-o without .html or .json)."""
    import io

    from rich.console import Console

    from .. import render_group
    from ..render import Writer

    buffer = io.StringIO()
    console = Console(file=buffer, markup=False, emoji=False, highlight=False, color_system=None, width=100)
    render_group.terminal(Writer(console, opts.lang, plain=True), summary)
    return buffer.getvalue()
