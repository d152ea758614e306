# SPDX-FileCopyrightText: 2026 The infoblad team
# SPDX-License-Identifier: EUPL-1.2
"""The shape of the code, as the module map (src/infoblad_cli/README.md) draws it.

Thin commands, a small cli.py, and imports that go one way: a module imports the
layers below its own, never above. A change that breaks the map fails here, with the
line to look at, instead of slowly spreading knowledge around again.
"""

from __future__ import annotations

import ast
import inspect
from pathlib import Path

import pytest

from infoblad_cli import quiz_session
from infoblad_cli.cli import app

SRC = Path(__file__).resolve().parent.parent / "src" / "infoblad_cli"

# Top to bottom, as in the module map. ``commands`` is the package of command modules.
LAYERS: dict[str, set[str]] = {
    "command line": {"cli", "commands", "options", "help_i18n"},
    "views": {
        "quiz_session",
        "render",
        "render_quiz",
        "render_group",
        "gist",
        "history_view",
        "export",
        "handout",
        "export_page",
        "outline",
        "layout",
        "pager",
        "term",
    },
    "core": {"quiz", "search", "search_index", "analysis", "group", "result_file", "tips", "history"},
    "content": {
        "checks",
        "content",
        "cache",
        "schema",
        "claims",
        "yamlsafe",
        "fileio",
        "kinds",
        "models",
        "thesaurus",
    },
    "base": {"errors", "strings", "names"},
}
ORDER = list(LAYERS)


def layer_of(module: str) -> str:
    for name, modules in LAYERS.items():
        if module in modules:
            return name
    raise AssertionError(f"{module} is in no layer: add it to the module map and to LAYERS")


def modules() -> list[Path]:
    return [p for p in sorted(SRC.rglob("*.py")) if p.name not in ("__init__.py", "__main__.py")]


def imported(path: Path) -> list[tuple[str, int]]:
    """The package modules a file imports (relative imports), with their lines."""
    depth = len(path.relative_to(SRC).parts) - 1  # 1 inside commands/
    return imports_in(path.read_text(encoding="utf-8"), depth)


def imports_in(source: str, depth: int) -> list[tuple[str, int]]:
    found = []
    for node in ast.walk(ast.parse(source)):
        if not isinstance(node, ast.ImportFrom) or not node.level:
            continue
        if node.level <= depth:  # a sibling in the same subpackage
            continue
        if node.module:
            found.append((node.module.split(".")[0], node.lineno))
        else:
            found.extend((alias.name, node.lineno) for alias in node.names)
    return found


def test_every_module_is_on_the_map() -> None:
    readme = (SRC / "README.md").read_text(encoding="utf-8")
    for path in modules():
        top = path.relative_to(SRC).parts[0].removesuffix(".py")
        layer_of(top)
        shown = f"`{top}/`" if path.parent != SRC else f"`{path.name}`"
        assert shown in readme, f"{shown} is not in src/infoblad_cli/README.md"


@pytest.mark.parametrize("path", modules(), ids=lambda p: str(p.relative_to(SRC)))
def test_imports_go_down_the_layers(path: Path) -> None:
    mine = ORDER.index(layer_of(path.relative_to(SRC).parts[0].removesuffix(".py")))
    upward = [
        f"line {line}: imports {module} ({layer_of(module)})"
        for module, line in imported(path)
        if ORDER.index(layer_of(module)) < mine
    ]
    assert not upward, f"{path.name} ({ORDER[mine]}) imports a layer above it: {upward}"


def test_the_layer_check_sees_upward_imports_at_any_depth() -> None:
    core = "from .render import Writer\nfrom . import errors\n"
    assert imports_in(core, 0) == [("render", 1), ("errors", 2)]
    command = "from ..term import clean\nfrom .files import write\nfrom .. import quiz\n"
    assert imports_in(command, 1) == [("term", 1), ("quiz", 3)]  # files is a sibling in commands/


def test_cli_py_is_small() -> None:
    lines = (SRC / "cli.py").read_text(encoding="utf-8").count("\n")
    assert lines < 500, f"cli.py has {lines} lines: move the work into commands/ or the core"


def test_every_command_function_is_thin() -> None:
    callbacks = [app.registered_callback.callback] if app.registered_callback else []
    callbacks += [command.callback for command in app.registered_commands]
    assert len(callbacks) >= 14
    for callback in callbacks:
        assert callback is not None
        source, _ = inspect.getsourcelines(callback)
        assert len(source) <= 60, f"{callback.__module__}.{callback.__name__}: {len(source)} lines"


def test_no_function_in_the_command_layer_is_long() -> None:
    files = [
        SRC / "cli.py",
        SRC / "options.py",
        SRC / "quiz_session.py",
        *sorted((SRC / "commands").glob("*.py")),
    ]
    for path in files:
        for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
            if isinstance(node, ast.FunctionDef):
                size = (node.end_lineno or node.lineno) - node.lineno + 1
                assert size <= 60, f"{path.name}:{node.lineno} {node.name} has {size} lines"


# ---------------------------------------------------------------- the quiz session


def test_a_pipe_gives_one_answer_per_line_and_ends() -> None:
    import io

    pipe = quiz_session.Pipe(io.StringIO("2\r\nb\n"))
    assert [pipe.read(None, None), pipe.read(None, None)] == ["2", "b"]  # type: ignore[arg-type]
    with pytest.raises(EOFError):
        pipe.read(None, None)  # type: ignore[arg-type]


def test_a_session_asks_every_question_from_its_source(monkeypatch: pytest.MonkeyPatch) -> None:
    import io

    from rich.console import Console

    from infoblad_cli import quiz
    from infoblad_cli.content import load_bundle
    from infoblad_cli.render import Writer

    bundle = load_bundle("en", [])
    chosen = quiz.select(bundle, 3, seed=5)
    out = io.StringIO()
    screen = Writer(Console(file=out, width=80, color_system=None), "en", plain=True)
    source = quiz_session.Scripted(["x", "1", "1", "1"])  # 'x' is not a choice: asked again
    hints = io.StringIO()
    monkeypatch.setattr(quiz_session, "err_console", lambda: Console(file=hints, width=80))
    result = quiz_session.Session(chosen, bundle, source, screen, "en", True).run()
    assert len(result.outcomes) == 3
    assert out.getvalue().count("Your answer:") == 4  # each answer the script gave is shown
    assert "x" in hints.getvalue()  # the hint about 'x' goes to stderr: no one is at a prompt
    with pytest.raises(quiz.QuizIncomplete):
        quiz_session.Session(chosen, bundle, quiz_session.Pipe(io.StringIO("1\n")), None, "en", True).run()


@pytest.mark.parametrize("path", modules(), ids=lambda p: str(p.relative_to(SRC)))
def test_no_module_reaches_into_another_s_private_names(path: Path) -> None:
    """What a module shares is public (no leading underscore); its underscored names are its own."""
    tree = ast.parse(path.read_text(encoding="utf-8"))
    aliases: set[str] = set()
    reached: list[str] = []
    for node in ast.walk(tree):
        if isinstance(node, ast.ImportFrom) and node.level:
            for alias in node.names:
                if node.module is None:  # from . import export as ex
                    aliases.add(alias.asname or alias.name)
                elif alias.name.startswith("_") and not alias.name.startswith("__"):
                    reached.append(f"line {node.lineno}: from {node.module} import {alias.name}")
    for node in ast.walk(tree):
        if (
            isinstance(node, ast.Attribute)
            and isinstance(node.value, ast.Name)
            and node.value.id in aliases
            and node.attr.startswith("_")
            and not node.attr.startswith("__")
        ):
            reached.append(f"line {node.lineno}: {node.value.id}.{node.attr}")
    assert not reached, f"{path.name} uses private names of other modules: {reached}"
