# SPDX-FileCopyrightText: 2026 The infoblad team
# SPDX-License-Identifier: EUPL-1.2
"""infoblad export: the content as a handout (Markdown, HTML, JSON), the offline quiz page,
and the workshop paper (the brief handout, the quiz discussion sheet, the answer key)."""

from enum import Enum
from pathlib import Path
from typing import Annotated, Any, NamedTuple, Optional

import typer

from ..errors import UsageError
from ..options import ContentDirOption, ForceOption, LangOption, Options, complete_ids
from .files import export_target, write_or_fail
from .quiz import choose_quiz


class Format(str, Enum):
    md = "md"
    html = "html"
    json = "json"


FormatOption = Annotated[
    Optional[Format],
    typer.Option(
        "--format",
        "-f",
        help="md, html or json (default: from the file name given to -o, else md).",
        case_sensitive=False,
        show_default=False,
    ),
]
OutputOption = Annotated[
    Optional[Path],
    typer.Option(
        "--output",
        "-o",
        help="The file to write (default: standard output).",
        dir_okay=False,
        readable=False,  # we only write it; whether we may is checked before writing
        show_default=False,
    ),
]
WithQuizOption = Annotated[
    bool,
    typer.Option(
        "--with-quiz",
        help="HTML only: add a quiz, chosen now, to take offline in a browser (no terminal needed).",
    ),
]
CountOption = Annotated[
    Optional[int], typer.Option("--count", "-n", help="With --with-quiz: how many questions (default 8).")
]
SeedOption = Annotated[
    Optional[int],
    typer.Option(
        help="With --with-quiz: the same seed gives the same quiz.", show_default=False, min=0, max=2**31 - 1
    ),
]
ThemeOption = Annotated[
    Optional[str],
    typer.Option(
        help="With --with-quiz: only questions of this theme.",
        autocompletion=complete_ids("quiz_themes"),
        show_default=False,
    ),
]
BriefOption = Annotated[
    bool,
    typer.Option(
        "--brief",
        help="A short printable workshop handout (Dutch: korte hand-out): per part the gist, what it"
        " asks of you, what to do tomorrow; one source list; notes boxes; A4.",
    ),
]
SectionsOption = Annotated[
    Optional[str],
    typer.Option(
        "--sections",
        help="With --brief: the parts, with commas: narratives, lessons, cases, personal, contact,"
        " glossary, quiz (or verhalen, lessen, voorbeelden, persoonlijk, begrippen, gespreksblad)."
        " Default: narratives,lessons,personal,contact.",
        show_default=False,
    ),
]
TitleOption = Annotated[
    Optional[str], typer.Option("--title", help="With --brief: the title on the cover.", show_default=False)
]
SubtitleOption = Annotated[
    Optional[str],
    typer.Option(
        "--subtitle",
        help="With --brief: a line under the title (e.g. the date and place).",
        show_default=False,
    ),
]
OrganisationOption = Annotated[
    Optional[str],
    typer.Option("--organisation", help="With --brief: your organisation, on the cover.", show_default=False),
]
QuizSheetOption = Annotated[
    bool,
    typer.Option(
        "--quiz-sheet",
        help="The quiz discussion sheet (Dutch: gespreksblad): every question, every answer and what"
        " to say about it. All questions, or those of --seed/--count/--theme.",
    ),
]
AnswerKeyOption = Annotated[
    bool,
    typer.Option(
        "--answer-key",
        help="The trainer's answer key (Dutch: antwoordsleutel) to the quiz sheet: the best answer and"
        " the points of each answer.",
    ),
]


class Paper(NamedTuple):
    """What to export beside the plain handout: the offline quiz, or workshop paper."""

    with_quiz: bool = False
    size: Optional[int] = None  # how many questions (--count)
    seed: Optional[int] = None
    theme: Optional[str] = None
    brief: bool = False
    sections: Optional[str] = None
    title: Optional[str] = None
    subtitle: Optional[str] = None
    organisation: Optional[str] = None
    quiz_sheet: bool = False
    answer_key: bool = False

    def workshop(self) -> str:
        """The option that asks for workshop paper ('' for none)."""
        return (
            "--brief"
            if self.brief
            else "--quiz-sheet"
            if self.quiz_sheet
            else "--answer-key"
            if self.answer_key
            else ""
        )


def export_command(
    ctx: typer.Context,
    format: FormatOption = None,
    output: OutputOption = None,
    force: ForceOption = False,
    with_quiz: WithQuizOption = False,
    count: CountOption = None,
    seed: SeedOption = None,
    theme: ThemeOption = None,
    brief: BriefOption = False,
    sections: SectionsOption = None,
    title: TitleOption = None,
    subtitle: SubtitleOption = None,
    organisation: OrganisationOption = None,
    quiz_sheet: QuizSheetOption = False,
    answer_key: AnswerKeyOption = False,
    lang: LangOption = None,
    content_dir: ContentDirOption = None,
) -> None:
    """The whole content as a handout: Markdown, one self-contained HTML page, or JSON.

    Content packs are included. An existing file is only overwritten with --force,
    and the file is written in one go: never half.

    With --with-quiz the HTML page also holds a quiz for colleagues without a terminal:
    it works offline in any browser, sends nothing anywhere, and saves the result as
    a file for 'infoblad group'."""
    opts = Options(ctx, lang, False, False, content_dir)
    paper = Paper(
        with_quiz, count, seed, theme, brief, sections, title, subtitle, organisation, quiz_sheet, answer_key
    )
    run(opts, format, output, force, paper)


def run(opts: Options, format: Optional[Format], output: Optional[Path], force: bool, paper: Paper) -> None:
    from .. import export
    from ..strings import t

    to_stdout = output is None or str(output) == "-"
    if output is not None and not to_stdout:
        # -o "" reaches us as Path('.'): the current folder, never a file name.
        if not str(output).strip() or str(output) == ".":
            raise UsageError(t(opts.lang, "export.no_name"))
        if output.suffix.lower() == ".pdf":  # Markdown in a .pdf: a file no PDF reader opens
            raise UsageError(
                t(opts.lang, "export.pdf_refused", file=output), hint=t(opts.lang, "export.pdf_hint")
            )
    if format is None:
        suffix = "" if to_stdout or output is None else output.suffix.lower()
        default = Format.html if paper.with_quiz else Format.md
        format = {".html": Format.html, ".htm": Format.html, ".json": Format.json}.get(suffix, default)
    _check_options(opts, format, paper)
    bundle = opts.bundle()
    if paper.workshop():
        text = _workshop_paper(opts, bundle, format, paper)
    elif paper.with_quiz:
        from ..export_page import to_page

        text = to_page(bundle, choose_quiz(opts, bundle, paper.size, paper.seed, paper.theme))
    else:
        text = {Format.md: export.to_markdown, Format.html: export.to_html, Format.json: export.to_json}[
            format
        ](bundle)
    if output is None or to_stdout:
        from ..render import write_stdout

        write_stdout(text)
        return
    write_or_fail(opts, export_target(opts, output, force), text.encode("utf-8"), output)


def _check_options(opts: Options, format: Format, paper: Paper) -> None:
    """Refuse options that do not go together, before anything is read or written."""
    from ..strings import t

    if sum((paper.brief, paper.quiz_sheet, paper.answer_key, paper.with_quiz)) > 1:
        raise UsageError(t(opts.lang, "brief.one_kind"))
    cover = {"--sections": paper.sections, "--title": paper.title, "--subtitle": paper.subtitle}
    cover["--organisation"] = paper.organisation
    given = [name for name, value in cover.items() if value is not None]
    if given and not paper.brief:
        raise UsageError(t(opts.lang, "brief.only_with_brief", option=given[0]))
    if paper.workshop():
        if format is Format.json:
            raise UsageError(t(opts.lang, "brief.not_json", option=paper.workshop()))
        return  # the quiz sheet, the answer key and a brief's quiz part choose questions too
    if paper.with_quiz and format is not Format.html:
        raise UsageError(t(opts.lang, "page.needs_html"))
    chosen = {"--count": paper.size, "--seed": paper.seed, "--theme": paper.theme}
    given = [name for name, value in chosen.items() if value is not None]
    if given and not paper.with_quiz:
        raise UsageError(
            t(opts.lang, "page.needs_quiz", option=given[0]),
            hint=t(opts.lang, "page.needs_quiz_hint", option=given[0]),
        )


def _workshop_paper(opts: Options, bundle: Any, format: Format, paper: Paper) -> str:
    """The brief handout, the quiz discussion sheet or the answer key, as Markdown or HTML."""
    from .. import handout
    from ..strings import t

    parts: tuple[str, ...] = handout.DEFAULT_SECTIONS
    if paper.sections is not None:
        try:
            parts = handout.parse_sections(paper.sections)
        except handout.UnknownSection as error:
            raise UsageError(
                t(opts.lang, "brief.unknown_section", name=str(error)),
                hint=t(opts.lang, "brief.sections_hint"),
            ) from None
    quiz = None
    if paper.size is not None or paper.seed is not None or paper.theme is not None:
        quiz = choose_quiz(opts, bundle, paper.size, paper.seed, paper.theme)
    if paper.brief:
        chosen = handout.Brief(parts, paper.title or "", paper.subtitle or "", paper.organisation or "", quiz)
        blocks = handout.brief_blocks(bundle, chosen)
        page_title = paper.title or t(opts.lang, "export.title")
    else:
        blocks = handout.sheet_blocks(bundle, quiz, key=paper.answer_key)
        page_title = t(opts.lang, "sheet.key_title" if paper.answer_key else "sheet.title")
    if format is Format.html:
        return handout.to_html(blocks, bundle.lang, page_title)
    return handout.to_markdown(blocks, bundle.lang)
