# SPDX-FileCopyrightText: 2026 The infoblad team
# SPDX-License-Identifier: EUPL-1.2
"""The reading commands: the home screen, narratives, lessons, cases, personal, about,
contact and the tip of the day. Each shows a list or one entry, on the terminal or as JSON.

``cli.py`` registers them; their help texts are the docstrings (Dutch: ``help.*`` keys)."""

from typing import Annotated, Any, Optional

import typer

from ..errors import InfobladError, UsageError
from ..options import (
    ContentDirOption,
    JsonOption,
    LangOption,
    NoPagerOption,
    Options,
    PlainOption,
    complete_ids,
    find,
)


def home(opts: Options) -> None:
    """The home screen (``infoblad`` without a command)."""
    from .. import render

    bundle = opts.bundle()
    if opts.json:
        render.write_json(render.home_data(bundle))
        return
    render.home(opts.writer(), bundle)


ShortOption = Annotated[
    bool,
    typer.Option("--short", "-s", help="The gist on one screen: what it is, what it asks, one thing to do."),
]


def _reading_command(kind: str) -> Any:
    """Build the list-or-detail command of a kind (narratives, lessons, cases) from its description."""

    def command(
        ctx: typer.Context,
        id: Annotated[
            Optional[str],
            typer.Argument(
                help="The ID of one entry; leave out for the list.",
                show_default=False,
                autocompletion=complete_ids(kind),
            ),
        ] = None,
        short: ShortOption = False,
        lang: LangOption = None,
        json: JsonOption = False,
        plain: PlainOption = False,
        content_dir: ContentDirOption = None,
        no_pager: NoPagerOption = False,
    ) -> None:
        opts = Options(ctx, lang, json, plain, content_dir, no_pager=no_pager)
        if short:
            return _short(opts, kind, id)
        from .. import render
        from ..kinds import BY_NAME

        bundle = opts.bundle()
        entries = getattr(bundle, kind)
        if id is None:
            if opts.json:
                render.write_json({"lang": bundle.lang, kind: [render.to_data(e) for e in entries]})
                return
            w = opts.writer()
            subtitle = (lambda e: w.t(f"outcome.{e.outcome}")) if kind == "cases" else None
            title, intro = w.t(BY_NAME[kind].title_key), w.t(BY_NAME[kind].intro_key, count=len(entries))
            render.listing(w, kind, entries, title, intro, subtitle)
            w.blank()
            w.command(f"infoblad {kind} ID", label=w.t("list.open", command="").strip())
            return
        entry = find(opts, getattr(bundle, kind), kind, id)
        if opts.json:
            render.write_json({"lang": bundle.lang, kind[:-1]: render.to_data(entry)})
            return
        render.entry_page(opts.writer(), bundle, BY_NAME[kind], entry)

    return command


def _short(opts: Options, kind: str, id: Optional[str]) -> None:
    """--short: the gist of one entry, or the list as one line per entry."""
    from .. import gist

    bundle = opts.bundle()
    entries = getattr(bundle, kind)
    if id is None:
        if opts.json:
            from ..render import write_json

            write_json({"lang": bundle.lang, kind: [{"id": e.id, "title": e.title} for e in entries]})
            return
        gist.listing(opts.writer(), kind, entries)
        return
    found = gist.gist(bundle, kind, find(opts, getattr(bundle, kind), kind, id))
    if opts.json:
        from ..render import write_json

        write_json(gist.to_data(found, bundle.lang))
        return
    gist.show(opts.writer(), found)


narratives = _reading_command("narratives")
narratives.__doc__ = """The narratives of citizens whose trust in government is under strain.

Without an ID: the list. With an ID (e.g. niet-gehoord): one narrative in full."""

lessons = _reading_command("lessons")
lessons.__doc__ = """The lessons learned about restoring trust.

Without an ID: the list. With an ID (e.g. vroeg-betrekken): one lesson in full."""

cases = _reading_command("cases")
cases.__doc__ = """Documented situations in which trust was restored (and one where it was not).

Without an ID: the list. With an ID (e.g. gilze-azc): one case in full."""


def _document_command(name: str, data: Any) -> Any:
    def command(
        ctx: typer.Context,
        lang: LangOption = None,
        json: JsonOption = False,
        plain: PlainOption = False,
        content_dir: ContentDirOption = None,
        no_pager: NoPagerOption = False,
    ) -> None:
        opts = Options(ctx, lang, json, plain, content_dir, no_pager=no_pager)
        from .. import render

        bundle = opts.bundle()
        if opts.json:
            render.write_json({"lang": bundle.lang, **data(bundle, render)})
            return
        getattr(render, name)(opts.writer(), bundle)

    return command


def personal_command(
    ctx: typer.Context,
    theme: Annotated[
        Optional[str],
        typer.Argument(
            help="A theme ID (e.g. agressie): just that theme.",
            autocompletion=complete_ids(lambda b: b.personal.themes),
            show_default=False,
        ),
    ] = None,
    lang: LangOption = None,
    json: JsonOption = False,
    plain: PlainOption = False,
    content_dir: ContentDirOption = None,
    no_pager: NoPagerOption = False,
) -> None:
    """The personal side of professionalism, with questions to reflect on.

    With a theme ID (e.g. agressie): just that theme."""
    opts = Options(ctx, lang, json, plain, content_dir, no_pager=no_pager)
    from .. import render

    bundle = opts.bundle()
    if theme is None:
        if opts.json:
            render.write_json({"lang": bundle.lang, "personal": render.to_data(bundle.personal)})
        else:
            render.personal(opts.writer(), bundle)
        return
    chosen = find(opts, bundle.personal.themes, "personal", theme)
    if opts.json:
        render.write_json({"lang": bundle.lang, "theme": render.to_data(chosen)})
    else:
        render.personal_theme(opts.writer(), bundle, chosen)


def about_command(
    ctx: typer.Context,
    term: Annotated[
        Optional[str],
        typer.Option(
            "--term",
            help="A term of the glossary (e.g. schijninspraak): just that term.",
            autocompletion=complete_ids("glossary"),
            show_default=False,
        ),
    ] = None,
    lang: LangOption = None,
    json: JsonOption = False,
    plain: PlainOption = False,
    content_dir: ContentDirOption = None,
    no_pager: NoPagerOption = False,
) -> None:
    """The learning network, the organisations, the sources and how these texts were made.

    With --term ID: just that term of the glossary."""
    opts = Options(ctx, lang, json, plain, content_dir, no_pager=no_pager)
    from .. import render

    bundle = opts.bundle()
    if term is None:
        if opts.json:
            render.write_json(
                {
                    "lang": bundle.lang,
                    "about": render.to_data(bundle.about),
                    "glossary": [render.to_data(t) for t in bundle.glossary],
                    "packs": list(bundle.packs),
                }
            )
        else:
            render.about(opts.writer(), bundle)
        return
    chosen = find(opts, bundle.glossary, "glossary", term, listed_by="infoblad about")
    if opts.json:
        render.write_json({"lang": bundle.lang, "term": render.to_data(chosen)})
    else:
        render.glossary_term(opts.writer(), bundle, chosen)


contact = _document_command("contact", lambda b, r: {"contacts": [r.to_data(c) for c in b.contacts]})
contact.__doc__ = (
    """How to reach the ESS (e-mail, phone, office hours, website), plus local contacts from content packs."""
)


def tip_command(
    ctx: typer.Context,
    random: Annotated[bool, typer.Option("--random", "-r", help="Another tip, chosen at random.")] = False,
    day: Annotated[
        Optional[str],
        typer.Option(
            "--date",
            help="The tip of another day (YYYY-MM-DD), e.g. to plan a team meeting.",
            metavar="DATE",
            show_default=False,
        ),
    ] = None,
    lang: LangOption = None,
    json: JsonOption = False,
    plain: PlainOption = False,
    content_dir: ContentDirOption = None,
    no_pager: NoPagerOption = False,
) -> None:
    """One practical tip a day, from the lessons and narratives: the same all day, another tomorrow.

    Each tip says where it comes from and which command shows more. --random gives another one."""
    opts = Options(ctx, lang, json, plain, content_dir, no_pager=no_pager)
    from .. import tips
    from ..strings import t

    if day is None:
        when = tips.today()
    else:
        from datetime import date

        try:
            when = date.fromisoformat(day.strip())
        except ValueError:
            raise UsageError(t(opts.lang, "tip.bad_date", value=day)) from None
    bundle = opts.bundle()
    tip = tips.another(bundle, when) if random else tips.for_day(bundle, when)
    if tip is None:
        raise InfobladError(t(opts.lang, "tip.none"))
    if opts.json:
        from ..render import write_json

        write_json(tips.to_data(tip, bundle.lang, when, random))
        return
    if random:
        title = t(opts.lang, "tip.title_random")
    elif day is None:
        title = t(opts.lang, "tip.title")
    else:
        title = t(opts.lang, "tip.title_date", date=when.isoformat())
    from ..render import tip as show

    show(opts.writer(), tip, title)
