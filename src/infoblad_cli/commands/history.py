# SPDX-FileCopyrightText: 2026 The infoblad team
# SPDX-License-Identifier: EUPL-1.2
"""infoblad history: earlier quiz results on this computer; one in full; --export; --clear."""

import sys
from pathlib import Path
from typing import TYPE_CHECKING, Annotated, Any, Optional

import typer

from ..errors import EXIT_INTERRUPTED, InfobladError, UsageError
from ..options import ContentDirOption, JsonOption, LangOption, NoPagerOption, Options, PlainOption
from ..term import say_on_stderr
from .files import result_target, write

if TYPE_CHECKING:
    from ..history import History

NumberArgument = Annotated[
    Optional[str],
    typer.Argument(
        help="One earlier result in full, with your answers: its number in the list (1 = newest).",
        metavar="[N]",
        show_default=False,
    ),
]
ClearOption = Annotated[bool, typer.Option("--clear", help="Delete all saved results (asks first).")]
YesOption = Annotated[bool, typer.Option("--yes", "-y", help="With --clear: do not ask.")]
ExportOption = Annotated[
    bool,
    typer.Option(
        "--export",
        help="Write your newest result as an anonymous result file (JSON) for the trainer's"
        " 'infoblad group'.",
    ),
]
OutputOption = Annotated[
    Optional[Path],
    typer.Option(
        "--output",
        "-o",
        help="With --export: the file to write (default: standard output).",
        dir_okay=False,
        readable=False,
        show_default=False,
    ),
]
ForceOption = Annotated[bool, typer.Option("--force", help="With --export: overwrite the file if it exists.")]


def history_command(
    ctx: typer.Context,
    number: NumberArgument = None,
    clear: ClearOption = False,
    yes: YesOption = False,
    export: ExportOption = False,
    output: OutputOption = None,
    force: ForceOption = False,
    lang: LangOption = None,
    json: JsonOption = False,
    plain: PlainOption = False,
    content_dir: ContentDirOption = None,
    no_pager: NoPagerOption = False,
) -> None:
    """Earlier quiz results on this computer, newest first, with the trend per theme.

    The trend counts full quizzes only; retries (--retry-missed) and single-theme quizzes are
    marked in the list. 'infoblad history 1' shows the newest result in full, with your answers.

    --export writes the newest result (or result N) as an anonymous result file for a workshop
    trainer: no name, no time, only the date, the questions and your answers."""
    opts = Options(ctx, lang, json, plain, content_dir, no_pager=no_pager)
    from ..history import History, default_path
    from ..strings import t

    store = History(default_path())
    if clear and number is not None:
        raise UsageError(t(opts.lang, "history.number_and_clear"))
    if export:
        if clear:
            raise UsageError(t(opts.lang, "result.export_and_clear"))
        _export(opts, store, output, force, number)
    elif output is not None or force:
        raise UsageError(t(opts.lang, "result.output_needs_export"))
    elif clear:
        _clear(opts, store, yes)
    elif number is not None:
        _one(opts, store, number)
    else:
        _listing(opts, store)


def _listing(opts: Options, store: "History") -> None:
    """Every attempt, newest first, with the trend per theme and the self-ratings."""
    from .. import history_view as view
    from ..strings import t

    attempts = store.attempts()
    trend = store.trend()
    bundle = opts.bundle()
    ratings = view.self_ratings(attempts, bundle)
    if opts.json:
        from ..render import write_json

        data = {"lang": opts.lang, "file": str(store.path), "attempts": attempts, "trend": trend}
        write_json({**data, "self_ratings": ratings})
        return
    w = opts.writer()
    if not attempts:
        w.wrap(t(opts.lang, "history.empty"))
        return
    titles = {th.id: th.title for th in bundle.quiz_themes}
    view.listing(w, attempts, trend, ratings, titles)


def _one(opts: Options, store: "History", number: str) -> None:
    """One earlier attempt in full, with the answers given."""
    from .. import history_view as view

    index, attempt = view.pick(store.attempts(), number, opts.lang)
    bundle = opts.bundle()
    if opts.json:
        from ..render import write_json

        write_json(view.attempt_data(bundle, index, attempt))
        return
    view.one(opts.writer(), bundle, index, attempt)


def _clear(opts: Options, store: "History", yes: bool) -> None:
    """Delete every saved result (or a damaged file), after asking."""
    from ..errors import DataError
    from ..strings import t

    try:
        count = len(store.attempts())
    except DataError:
        # A damaged file: deleting it is the only way to start again, so ask about exactly that.
        if not _confirm(opts, t(opts.lang, "history.corrupt_confirm", file=store.path), yes):
            opts.say(t(opts.lang, "history.kept"))
            return
        store.remove_file()
        opts.say(t(opts.lang, "history.removed"))
        return
    question = t(
        opts.lang, "history.clear_confirm_one" if count == 1 else "history.clear_confirm", count=count
    )
    if count and not _confirm(opts, question, yes):
        opts.say(t(opts.lang, "history.kept"))
        return
    removed = store.clear() if count else 0
    if opts.json:
        from ..render import write_json

        write_json({"lang": opts.lang, "deleted": removed})
    else:
        opts.writer().wrap(
            t(opts.lang, "history.cleared_one" if removed == 1 else "history.cleared", count=removed)
        )


def _export(
    opts: Options, store: "History", output: Optional[Path], force: bool, number: Optional[str]
) -> None:
    """Write the newest attempt of the history (or number N) as a result file (to stdout or -o FILE)."""
    from datetime import datetime

    from .. import result_file as results
    from ..content import load_bundle
    from ..strings import t

    to_stdout = output is None or str(output) == "-"
    target = None if to_stdout or output is None else result_target(opts, output, force)
    newest = store.attempts(limit=None if number is not None else 1)
    if not newest:
        raise InfobladError(
            t(opts.lang, "result.nothing_to_export"), hint=t(opts.lang, "result.take_quiz_hint")
        )
    attempt: Any = newest[0]
    if number is not None:
        from ..history_view import pick

        attempt = pick(newest, number, opts.lang)[1]
    # The question texts do not go into the file, but the option order of an older attempt is
    # worked out from the content of the language it was taken in.
    bundle = load_bundle(attempt["lang"], opts.packs)
    local_date = datetime.fromisoformat(attempt["taken_at"]).astimezone().date().isoformat()
    try:
        data = results.from_attempt(attempt, bundle, local_date)
    except results.NotExportable:
        raise InfobladError(
            t(opts.lang, "result.not_exportable"), hint=t(opts.lang, "result.not_exportable_hint")
        ) from None
    if target is None:
        from ..render import write_stdout

        write_stdout(results.dumps(data).decode("utf-8"))
        return
    failed = write(opts, target, results.dumps(data), "result.written")
    if failed is not None:
        raise failed


def _confirm(opts: Options, question: str, yes: bool) -> bool:
    """Ask a yes/no question at the terminal; refuse (with advice) when there is none."""
    if yes:
        return True
    from ..strings import t

    if not sys.stdin.isatty():
        raise UsageError(t(opts.lang, "history.needs_yes"), hint=t(opts.lang, "history.needs_yes_hint"))
    try:
        from ..term import clean

        answer = input(clean(f"{question} {t(opts.lang, 'history.yes_no')} "))
    except EOFError:  # Ctrl-D: no
        answer = ""
    except KeyboardInterrupt:  # Ctrl-C at the question: nothing is deleted
        say_on_stderr("\n" + t(opts.lang, "history.kept"))
        raise typer.Exit(EXIT_INTERRUPTED) from None
    # Dutch j/ja as well as y/yes, in either language: people type what they are used to.
    return answer.strip().lower() in ("j", "ja", "y", "yes")
