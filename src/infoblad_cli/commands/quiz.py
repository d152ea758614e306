# SPDX-FileCopyrightText: 2026 The infoblad team
# SPDX-License-Identifier: EUPL-1.2
"""infoblad quiz: a short self-assessment, with feedback after each answer.

The command decides (``_plan``): which questions, whether the history is used, where a
result file goes; it checks all of that before the first question, so nobody answers
eight questions to hear that a file already exists. The session (``quiz_session``)
asks; the engine (``quiz``) judges; ``_keep_and_show`` saves and shows the result.
"""

import re
from pathlib import Path
from typing import TYPE_CHECKING, Annotated, Any, NamedTuple, Optional, cast

import typer

from ..errors import EXIT_INTERRUPTED, InfobladError, UsageError
from ..options import (
    ContentDirOption,
    JsonOption,
    LangOption,
    Options,
    PlainOption,
    complete_ids,
    find,
    unknown_theme,
)
from ..term import say_on_stderr
from .files import result_target, write

if TYPE_CHECKING:
    from .. import models as m
    from .. import quiz as engine
    from ..history import Attempt, History
    from ..render import Writer

CountOption = Annotated[int, typer.Option("--count", "-n", help="How many questions.")]
SeedOption = Annotated[
    Optional[int],
    typer.Option(
        help="The same seed gives the same questions in the same order.",
        show_default=False,
        min=0,
        max=2**31 - 1,
    ),
]
ThemeOption = Annotated[
    Optional[str],
    typer.Option(
        help="Only questions of this theme.", autocompletion=complete_ids("quiz_themes"), show_default=False
    ),
]
AnswersOption = Annotated[
    Optional[str],
    typer.Option(
        help="Answer without prompting, e.g. 2,1,b,4 (numbers, letters or ratings).", show_default=False
    ),
]
RetryOption = Annotated[
    bool, typer.Option("--retry-missed", help="Retake the questions you missed last time.")
]
QuestionOption = Annotated[
    Optional[str],
    typer.Option(
        "--question",
        help="Ask just this one question (by ID, as search shows it), with feedback; not saved.",
        autocompletion=complete_ids("questions"),
        show_default=False,
    ),
]
NoSaveOption = Annotated[bool, typer.Option("--no-save", help="Do not keep the result in the history.")]
ResultFileOption = Annotated[
    Optional[Path],
    typer.Option(
        "--result-file",
        help="Also write the result as an anonymous result file (JSON, no name, a date only)"
        " for the trainer's 'infoblad group'.",
        dir_okay=False,
        readable=False,
        show_default=False,
    ),
]
ResultForceOption = Annotated[
    bool, typer.Option("--force", help="With --result-file: overwrite the file if it exists.")
]


class Request(NamedTuple):
    """What the user asked for."""

    size: int = 8  # how many questions (--count)
    seed: Optional[int] = None
    theme: Optional[str] = None
    answers: Optional[str] = None
    retry_missed: bool = False
    question: Optional[str] = None
    no_save: bool = False
    result_file: Optional[Path] = None
    force: bool = False


class Plan(NamedTuple):
    """What will be asked, and where the result will go: all checked before the first question."""

    quiz: "engine.Quiz"
    request: Request  # with the theme as an ID, and --question's count and --no-save applied
    store: "Optional[History]"  # the history, when it is read or written
    result_target: Optional[Path]
    again: str  # the command that asks the same questions again ('' after --retry-missed)


def quiz_command(
    ctx: typer.Context,
    count: CountOption = 8,
    seed: SeedOption = None,
    theme: ThemeOption = None,
    answers: AnswersOption = None,
    retry_missed: RetryOption = False,
    question: QuestionOption = None,
    no_save: NoSaveOption = False,
    result_file: ResultFileOption = None,
    force: ResultForceOption = False,
    lang: LangOption = None,
    json: JsonOption = False,
    plain: PlainOption = False,
    content_dir: ContentDirOption = None,
) -> None:
    """A short self-assessment: situations, voices and questions about your own practice.

    Answer by number or letter; you get feedback after each answer and a result at the
    end. Answers can also come from --answers or line by line on standard input.
    With --question ID: just that question and its feedback, kept out of the history.
    Ctrl-C stops without saving (exit 130). With --result-file the result is also
    written as an anonymous file for a workshop trainer (see 'infoblad group')."""
    opts = Options(ctx, lang, json, plain, content_dir)
    request = Request(count, seed, theme, answers, retry_missed, question, no_save, result_file, force)
    bundle = opts.bundle()
    plan = _plan(opts, bundle, request)
    if plan is not None:
        result, screen = _take(opts, bundle, plan)
        _keep_and_show(opts, bundle, plan, result, screen)


# ---------------------------------------------------------------- before the first question


def _plan(opts: Options, bundle: "m.Bundle", request: Request) -> Optional[Plan]:
    """Check the options and choose the questions; None when there is nothing to ask (said so)."""
    from .. import quiz as engine
    from ..strings import t

    if request.size < 1:
        raise UsageError(t(opts.lang, "quiz.bad_count"))
    target = result_target(opts, request.result_file, request.force) if request.result_file else None
    theme = _theme_id(opts, bundle, request.theme)
    only: Optional[list[str]] = None
    if request.question is not None:
        if theme is not None or request.retry_missed:
            raise UsageError(t(opts.lang, "quiz.question_alone"))
        listed_by = t(opts.lang, "quiz.question_list")
        only = [find(opts, bundle.questions, "quiz", request.question, listed_by=listed_by).id]
        # One question is no attempt: it stays out of the history and the trend.
        request = request._replace(size=1, no_save=True)
    seed = _seed(request.seed)
    request = request._replace(theme=theme, seed=seed)
    store = _history(opts) if request.retry_missed or not request.no_save else None
    if request.retry_missed:
        assert store is not None
        only = _missed(opts, bundle, store)
        if only is None:
            return None
    try:
        quiz = engine.select(bundle, request.size, seed, theme, only)
    except engine.NoQuestions:
        if only is not None:  # --retry-missed with a theme in which nothing was missed
            opts.say(t(opts.lang, "quiz.no_missed_theme", theme=theme))
            return None
        unknown_theme(opts.lang, theme or "", [th.id for th in bundle.quiz_themes])
    return Plan(quiz, request, store, target, _again_command(opts, request))


def choose_quiz(
    opts: Options, bundle: "m.Bundle", count: Optional[int], seed: Optional[int], theme: Optional[str]
) -> "engine.Quiz":
    """Questions chosen by the same engine as 'infoblad quiz' (for the offline page and the sheet)."""
    from .. import quiz as engine
    from ..strings import t

    count = engine.DEFAULT_COUNT if count is None else count
    if count < 1:
        raise UsageError(t(opts.lang, "quiz.bad_count"))
    chosen = _theme_id(opts, bundle, theme)
    try:
        return engine.select(bundle, count, _seed(seed), chosen)
    except engine.NoQuestions:
        unknown_theme(opts.lang, chosen or "", [th.id for th in bundle.quiz_themes])


def _theme_id(opts: Options, bundle: "m.Bundle", theme: Optional[str]) -> Optional[str]:
    """The theme as its ID (IDs are lower-case slugs: IN-HET-MOMENT means in-het-moment)."""
    if theme is None:
        return None
    theme_ids = [th.id for th in bundle.quiz_themes]
    slug = theme.strip().lower()
    if slug not in theme_ids:
        unknown_theme(opts.lang, slug, theme_ids)
    return slug


def _seed(seed: Optional[int]) -> int:
    if seed is not None:
        return seed
    import random

    return random.randrange(1, 100_000)


def _history(opts: Options) -> "History":
    """The history, checked now: a damaged file is reported before the first question, not
    after the user has answered everything. Every page, not only the newest row."""
    from ..history import History, default_path

    store = History(default_path())
    store.check()
    store.attempts(limit=1)  # the newest row is read back too: a damaged one is said now
    return store


def _missed(opts: Options, bundle: "m.Bundle", store: "History") -> Optional[list[str]]:
    """The questions missed last time that still exist; None (said so) when there are none."""
    from ..strings import t

    if not store.attempts(limit=1):
        opts.say(t(opts.lang, "quiz.no_history"))
        return None
    known = {q.id for q in bundle.questions}
    only = [qid for qid in store.last_missed() if qid in known]
    if not only:
        opts.say(t(opts.lang, "quiz.no_missed"))
        return None
    return only


def _again_command(opts: Options, request: Request, retry_missed: bool = False) -> str:
    """The command that asks the very same questions again ('' after --retry-missed: it changes).

    With ``retry_missed``: the --retry-missed command itself, which shows this run's questions.
    After --question: the command that asks that one question again.
    """
    if request.retry_missed and not retry_missed:
        return ""
    from ..quiz import DEFAULT_COUNT
    from ..term import command_line

    parts = (
        ["infoblad", "quiz", "--retry-missed"]
        if retry_missed
        else ["infoblad", "quiz", "--seed", str(request.seed)]
    )
    if request.question is not None:
        parts += ["--question", request.question.strip().lower()]
    elif request.size != DEFAULT_COUNT:
        parts += ["--count", str(request.size)]
    if request.theme:
        parts += ["--theme", request.theme]
    if opts.lang != "nl":
        parts += ["--lang", opts.lang]
    for pack in opts.packs:
        parts += ["--content-dir", str(pack)]
    return command_line(parts)


def _scripted(opts: Options, plan: Plan, answers: str) -> list[str]:
    """The answers of --answers, every one checked before the first question is shown."""
    from .. import quiz as engine
    from ..render_quiz import shorten
    from ..strings import t

    # Commas or spaces between answers; a trailing comma is forgiven.
    given = [part for part in re.split(r"[,\s]+", answers.strip().strip(",")) if part]
    total = len(plan.quiz.asked)
    # After --retry-missed the again-command is empty; --retry-missed without --answers shows them.
    hint = t(opts.lang, "quiz.answers_hint", command=plan.again or _again_command(opts, plan.request, True))
    if len(given) != total:
        key = "quiz.answers_count"
        if len(given) == 1 and total != 1:
            key = "quiz.answers_count_one"
        elif total == 1 and len(given) != 1:
            key = "quiz.answers_count_of_one"
        raise UsageError(t(opts.lang, key, given=len(given), needed=total), hint=hint)
    for number, (asked, text) in enumerate(zip(plan.quiz.asked, given, strict=True), 1):
        try:
            engine.parse_answer(asked, text)
        except engine.AnswerError:
            shown = shorten(text)
            message = t(opts.lang, "quiz.answers_value", number=number, text=shown, low=1, high=asked.choices)
            raise UsageError(message, hint=hint) from None
    return given


# ---------------------------------------------------------------- the questions


def _take(opts: Options, bundle: "m.Bundle", plan: Plan) -> "tuple[engine.Result, Optional[Writer]]":
    """Ask the questions; Ctrl-C and answers that run out become clear messages.

    Returns the result and the screen it was asked on (None: a script asked for JSON)."""
    from .. import quiz as engine
    from .. import quiz_session as session
    from ..strings import t

    answers = plan.request.answers
    source = session.source_for(None if answers is None else _scripted(opts, plan, answers))
    # With --json, stdout holds only the JSON: an interactive quiz talks on stderr instead.
    screen = None
    if not opts.json or source.interactive:
        screen = session.writer(opts.lang, opts.plain, to_stderr=opts.json)
    try:
        return session.Session(plan.quiz, bundle, source, screen, opts.lang, opts.plain).run(), screen
    except KeyboardInterrupt:
        say_on_stderr("\n" + t(opts.lang, "quiz.interrupted"))
        raise typer.Exit(EXIT_INTERRUPTED) from None
    except engine.QuizIncomplete as stop:
        if source.interactive:  # Ctrl-D at the prompt: a person stopped, not a script that ran short
            command = plan.again or "infoblad quiz --retry-missed"
            raise InfobladError(
                t(opts.lang, "quiz.stopped_eof", answered=stop.answered, needed=stop.needed),
                hint=t(opts.lang, "quiz.stopped_eof_hint", command=command),
            ) from None
        raise InfobladError(
            t(opts.lang, "quiz.incomplete", answered=stop.answered, needed=stop.needed),
            hint=t(opts.lang, "quiz.incomplete_hint", needed=stop.needed),
        ) from None


# ---------------------------------------------------------------- after the last answer


def _keep_and_show(
    opts: Options, bundle: "m.Bundle", plan: Plan, result: "engine.Result", screen: "Optional[Writer]"
) -> None:
    """Save the result, write the result file, show the result; then report what failed."""
    from datetime import datetime, timezone

    from .. import result_file as results
    from ..errors import DataError

    request = plan.request
    saved, not_saved, not_written = False, None, None
    if plan.store is not None and not request.no_save:
        from .. import quiz as engine

        taken_at = datetime.now(timezone.utc).isoformat(timespec="seconds")
        try:
            plan.store.save(cast("Attempt", engine.attempt(result, taken_at)))
            saved = True
        except DataError as error:  # show the result all the same; then say where it was kept
            not_saved = _keep_elsewhere(opts, plan.store.path, error, result, request)
    if plan.result_target is not None:
        mode = results.mode_of(
            request.theme, retry=request.retry_missed, question=request.question is not None
        )
        data = results.dumps(results.from_result(result, _today(), mode))
        not_written = write(opts, plan.result_target, data, "" if opts.json else "result.written")
    _show(opts, bundle, plan, result, saved, screen)
    for failed in (not_saved, not_written):
        if failed is not None:
            raise failed


def _show(
    opts: Options, bundle: "m.Bundle", plan: Plan, result: "engine.Result", saved: bool, w: "Optional[Writer]"
) -> None:
    from .. import render_quiz as show

    if opts.json:
        from .. import quiz as engine
        from ..render import write_json

        data = engine.to_data(result, bundle)
        data["saved"] = saved
        data["again"] = plan.again
        write_json(data)
        return
    assert w is not None  # without --json there is always a screen
    if plan.request.question is not None:
        w.blank()
        w.wrap(w.t("quiz.question_more"), style="dim")
        return
    show.result(w, bundle, result)
    w.blank()
    if saved or plan.request.no_save:
        w.wrap(w.t("quiz.saved") if saved else w.t("quiz.not_saved"), style="dim")
    if plan.again:
        w.wrap(w.t("quiz.again", command=plan.again), style="dim")
    if result.missed and saved:
        w.wrap(w.t("quiz.retry"), style="dim")


def _today() -> str:
    """Today's local date (never a time): all a result file may say about when."""
    from datetime import date

    return date.today().isoformat()


def _keep_elsewhere(
    opts: Options, history: Path, error: InfobladError, result: Any, request: Request
) -> InfobladError:
    """The history could not take the result: keep it in a result file next to it, and say where."""
    import os

    from .. import result_file as results
    from ..strings import t
    from ..term import quote

    mode = results.mode_of(request.theme, retry=request.retry_missed)
    data = results.dumps(results.from_result(result, _today(), mode))
    try:
        history.parent.mkdir(parents=True, exist_ok=True)
        for number in range(1, 1000):
            kept = history.parent / f"infoblad-result-{_today()}{'' if number == 1 else f'-{number}'}.json"
            try:
                # O_EXCL: a second quiz on the same day gets its own file, never an older one.
                fd = os.open(kept, os.O_WRONLY | os.O_CREAT | os.O_EXCL, 0o600)
            except FileExistsError:
                continue
            with os.fdopen(fd, "wb") as handle:
                handle.write(data)
            break
        else:
            raise FileExistsError(17, "too many result files", str(kept))
    except OSError as problem:
        reason = t(opts.lang, "quiz.kept_nowhere", reason=problem.strerror)
        error.hint = error.hint_text(opts.lang) + "\n" + reason
        return error
    error.hint = (
        t(opts.lang, "quiz.kept_elsewhere", file=quote(str(kept))) + "\n" + error.hint_text(opts.lang)
    )
    return error
