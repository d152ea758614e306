# SPDX-FileCopyrightText: 2026 The infoblad team
# SPDX-License-Identifier: EUPL-1.2
"""Guards of the start-up budget's structure (no timing: that is benchmarks/bench.py).

A reading command must not pay for what only other commands need. These tests
fail when an import slips to the top of a module where it costs every start.
"""

from __future__ import annotations

import json
import os
import subprocess
import sys

# Modules that only some commands (or only a changed content file) need.
HEAVY = {
    "yaml",  # only when a content file is new or changed
    "sqlite3",  # quiz and history
    "unicodedata",  # search, and odd consoles
    "pydantic",  # typer 0.29+ at run time: kept out by the version range
    "rich.markdown",
    "rich.table",
    "rich.traceback",
    "importlib.metadata",  # only for --version
    "platformdirs",  # only for the quiz history (the cache folder is found without it)
    "infoblad_cli.schema",
    "infoblad_cli.yamlsafe",
    "infoblad_cli.quiz",
    "infoblad_cli.history",
    "infoblad_cli.search",
    "infoblad_cli.export",
    "infoblad_cli.render_quiz",
    "infoblad_cli.pager",  # only on a terminal, for the reading commands that may page
    "infoblad_cli.gist",  # only --short
    "infoblad_cli.tips",  # only tip
    "infoblad_cli.history_view",  # only history
}

PROBE = """
import json, sys
sys.argv = ["infoblad", *ARGS]
from infoblad_cli.cli import main
try:
    main()
except SystemExit:
    pass
sys.stderr.write("\\nMODULES=" + json.dumps(sorted(sys.modules)))
"""


def modules_after(*args: str) -> set[str]:
    code = PROBE.replace("ARGS", repr(list(args)))
    # The default cache folder, as a user has it (the test's XDG_CACHE_HOME points at a temp folder).
    env = {k: v for k, v in os.environ.items() if k != "INFOBLAD_CACHE_DIR"}
    done = subprocess.run(
        [sys.executable, "-c", code],
        capture_output=True,
        text=True,
        timeout=60,
        env={**env, "NO_COLOR": "1"},
    )
    marker = done.stderr.rindex("MODULES=")
    return set(json.loads(done.stderr[marker + len("MODULES=") :]))


def test_importing_the_cli_is_light() -> None:
    done = subprocess.run(
        [sys.executable, "-c", "import sys, json, infoblad_cli.cli; print(json.dumps(sorted(sys.modules)))"],
        capture_output=True,
        text=True,
        timeout=60,
        check=True,
    )
    loaded = set(json.loads(done.stdout))
    assert not loaded & (HEAVY | {"rich.console", "infoblad_cli.content", "infoblad_cli.render"})


def test_reading_commands_load_only_what_they_need() -> None:
    modules_after("narratives")  # fill the content cache first
    for args in (["narratives"], ["narratives", "niet-gehoord"], ["contact"], ["lessons"], []):
        loaded = modules_after(*args)
        assert "infoblad_cli.content" in loaded  # the probe really ran the command
        assert not loaded & HEAVY, args


def test_help_does_not_load_rich_or_the_content() -> None:
    loaded = modules_after("--help")
    assert not loaded & (HEAVY | {"rich.console", "infoblad_cli.content"})


def test_the_gist_and_the_tip_load_only_their_own_module() -> None:
    modules_after("narratives")  # fill the content cache first
    for args, own in (
        (["narratives", "niet-gehoord", "--short"], "infoblad_cli.gist"),
        (["tip"], "infoblad_cli.tips"),
    ):
        loaded = modules_after(*args)
        assert own in loaded, args
        assert not loaded & (HEAVY - {own}), args


def test_a_command_loads_only_its_own_command_module() -> None:
    modules_after("narratives")  # fill the content cache first
    loaded = modules_after("narratives")
    commands = {name for name in loaded if name.startswith("infoblad_cli.commands.")}
    assert commands == {"infoblad_cli.commands.reading"}
    assert "infoblad_cli.outline" not in loaded  # a list needs no page outline
    home = modules_after()
    assert "infoblad_cli.content" in home and not {
        n for n in home if n.startswith("infoblad_cli.commands.")
    } - {"infoblad_cli.commands.reading"}
