# SPDX-FileCopyrightText: 2026 The infoblad team
# SPDX-License-Identifier: EUPL-1.2
"""infoblad validate: check the built-in content and content packs, list every problem."""

from pathlib import Path
from typing import Annotated, Optional

import typer

from ..options import ContentDirOption, JsonOption, LangOption, Options, PlainOption


def validate_command(
    ctx: typer.Context,
    dirs: Annotated[
        Optional[list[Path]],
        typer.Argument(
            help="Content packs to check (default: --content-dir / INFOBLAD_CONTENT_DIR).", show_default=False
        ),
    ] = None,
    lang: LangOption = None,
    json: JsonOption = False,
    plain: PlainOption = False,
    content_dir: ContentDirOption = None,
) -> None:
    """Check the built-in content and content packs, and list every problem.

    Exit 0 when all is well, 1 when something must be fixed. Warnings (a file
    that is never read, an entry in one language only) do not fail the check."""
    # A bad INFOBLAD_LANG cannot stop validate: it falls back to Dutch there.
    opts = Options(ctx, lang, json, plain, None if dirs else content_dir, use_env_lang=False)
    from ..checks import validate
    from ..content import check_pack_dirs

    packs = check_pack_dirs(dirs) if dirs else opts.packs
    report_ = validate(packs, opts.lang)
    if opts.json:
        from ..render import write_json

        write_json(report_)
    else:
        from ..render import validation

        validation(opts.writer(), report_)
    if not report_["ok"]:
        raise typer.Exit(1)
