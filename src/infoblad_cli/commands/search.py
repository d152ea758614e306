# SPDX-FileCopyrightText: 2026 The infoblad team
# SPDX-License-Identifier: EUPL-1.2
"""infoblad search: ranked search of every text, each hit with the command that shows it."""

from typing import Annotated

import typer

from ..options import ContentDirOption, JsonOption, LangOption, NoPagerOption, Options, PlainOption
from ..term import say_on_stderr


def search_command(
    ctx: typer.Context,
    words: Annotated[
        list[str], typer.Argument(help="What to look for, in your own words.", metavar="TEXT...")
    ],
    limit: Annotated[
        int, typer.Option("--limit", "-n", min=0, help="Show at most this many hits; 0 shows all.")
    ] = 20,
    lang: LangOption = None,
    json: JsonOption = False,
    plain: PlainOption = False,
    content_dir: ContentDirOption = None,
    no_pager: NoPagerOption = False,
) -> None:
    """Search all texts: the best matches first, each with the command that shows it.

    Word forms, parts of compound words and words with the same meaning count
    (bedreigd finds bedreiging, eed finds ambtseed, azc finds opvang); case and
    accents do not matter. Entries with all your words come first. Exit 1 when
    nothing is found, like grep; then similar words of the content are suggested."""
    opts = Options(ctx, lang, json, plain, content_dir, no_pager=no_pager)
    from .. import render
    from ..search import search_page, suggestions
    from ..strings import t

    query = " ".join(words)
    bundle = opts.bundle()
    shown, total = search_page(bundle, query, None if limit <= 0 else limit)
    close = [] if total else suggestions(bundle, query)
    if opts.json:
        render.write_json(
            {
                "lang": opts.lang,
                "query": query,
                "total": total,
                "hits": [{**hit._asdict(), "spans": [list(span) for span in hit.spans]} for hit in shown],
                "suggestions": close,
            }
        )
    elif total:
        render.search_results(opts.writer(), query, shown, total)
    if not total:
        if not opts.json:
            say_on_stderr(t(opts.lang, "search.none", query=query))
            if close:
                say_on_stderr(t(opts.lang, "search.suggest", words=", ".join(close)))
            say_on_stderr(t(opts.lang, "search.tip"))
        raise typer.Exit(1)
