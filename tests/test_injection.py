# SPDX-FileCopyrightText: 2026 The infoblad team
# SPDX-License-Identifier: EUPL-1.2
"""Content is data: markup, escape sequences and control characters in a pack are shown literally.

The pack tests/data/packs/markup-injection holds a narrative (opmaak-proef) and a local contact
(opmaak-contact) whose texts contain Rich markup, an HTML script tag, and real control characters
written as YAML escapes: ESC (\\e, \\x1b), BEL (\\a, \\x07), CSI (\\x9b) and the bidi override
U+202E. In every view the markup must appear as typed and no control character may come through.
"""

from __future__ import annotations

import json
import re
from html.parser import HTMLParser
from pathlib import Path
from typing import Any

import pytest

PACK = Path(__file__).resolve().parent / "data" / "packs" / "markup-injection"

MARKUP = "[bold red]x[/]"
LINK = "[link=https://evil.example]click[/link]"
SCRIPT = "<script>alert(1)</script>"
# Characters that only the content could have brought in.
CONTROLS = {"ESC": "\x1b", "BEL": "\x07", "CSI": "\x9b", "RLO": "\u202e", "CR": "\r"}
SGR = re.compile(r"\x1b\[[0-9;]*m")

VIEWS = {
    "narratives-list": ("narratives",),
    "narratives-detail": ("narratives", "opmaak-proef"),
    "contact": ("contact",),
}
MODES = {
    "default": ((), {}),
    "plain": (("--plain",), {}),
    "force-colour": ((), {"FORCE_COLOR": "1"}),
    "force-colour-plain": (("--plain",), {"FORCE_COLOR": "1"}),
}


def flat(text: str) -> str:
    return " ".join(text.split())


def assert_no_content_controls(text: str, colour: bool) -> None:
    """No control character from the content; with colour only the tool's own SGR codes."""
    for name, char in CONTROLS.items():
        if name == "ESC":
            continue
        assert char not in text, f"{name} from the content reached the output"
    assert "\x1b]8" not in text, "an OSC 8 hyperlink reached the output"
    if colour:
        assert "\x1b[" in text, "FORCE_COLOR=1 should give colour (else this test proves nothing)"
        for sequence in ("\x1b[31m", "\x1b[5m", "\x1b[2J", "\x1b[H"):
            assert sequence not in text, f"{sequence!r} from the content reached the output"
        assert "\x1b" not in SGR.sub("", text), "an escape sequence other than SGR colour codes"
    else:
        assert "\x1b" not in text, "ESC in output without colour"


@pytest.mark.parametrize("lang", ["nl", "en"])
@pytest.mark.parametrize("mode", list(MODES), ids=list(MODES))
@pytest.mark.parametrize("view", list(VIEWS), ids=list(VIEWS))
def test_markup_and_escapes_are_shown_literally(run: Any, view: str, mode: str, lang: str) -> None:
    options, env = MODES[mode]
    result = run(*VIEWS[view], *options, "--lang", lang, "--content-dir", str(PACK), env=env)
    assert result.exit_code == 0, result.stderr
    colour = mode == "force-colour"
    assert_no_content_controls(result.stdout, colour)
    assert_no_content_controls(result.stderr, colour=False)
    text = flat(SGR.sub("", result.stdout))
    assert MARKUP in text
    assert LINK in text
    assert SCRIPT in text
    if mode.endswith("plain"):
        assert "\x1b" not in result.stdout


def test_detail_view_keeps_every_payload(run: Any) -> None:
    result = run("narratives", "opmaak-proef", "--content-dir", str(PACK), env={"FORCE_COLOR": "1"})
    assert result.exit_code == 0
    text = flat(SGR.sub("", result.stdout))
    assert "Opmaak [bold red]x[/] proef" in text  # the title
    assert "[/]." in text and "[blink]knipper[/blink]" in text
    assert "<script>alert('xss')</script>" in text
    assert "https://example.org/[bold]x[/bold]" in text  # the source's address, as written
    assert "Bron [bold red]x[/]" in text


def test_contact_keeps_every_payload(run: Any) -> None:
    result = run("contact", "--content-dir", str(PACK), env={"FORCE_COLOR": "1"})
    assert result.exit_code == 0
    text = flat(SGR.sub("", result.stdout))
    assert "Contact [bold red]x[/]" in text
    assert "[bold red]x[/]@voorbeeldstad.example" in text
    assert "https://example.org/[link=https://evil.example]" in text
    assert "[bold red]x[/]: [link=https://evil.example]click[/link]" in text  # an extra line
    assert "[/] altijd" in text
    # The ESS contact is still there, before the local one.
    assert text.index("ESS@minszw.nl") < text.index("Contact [bold red]x[/]")


def strings(value: Any) -> list[str]:
    if isinstance(value, str):
        return [value]
    if isinstance(value, dict):
        return [s for k, v in value.items() for s in [k, *strings(v)]]
    if isinstance(value, list):
        return [s for v in value for s in strings(v)]
    return []


@pytest.mark.parametrize("colour", [False, True], ids=["no-colour", "force-colour"])
@pytest.mark.parametrize("lang", ["nl", "en"])
@pytest.mark.parametrize("view", list(VIEWS), ids=list(VIEWS))
def test_json_holds_the_texts_as_written_without_controls(
    run: Any, view: str, lang: str, colour: bool
) -> None:
    env = {"FORCE_COLOR": "1"} if colour else {}
    result = run(*VIEWS[view], "--json", "--lang", lang, "--content-dir", str(PACK), env=env)
    assert result.exit_code == 0
    raw = result.stdout
    assert "\x1b" not in raw
    for escaped in ("\\u001b", "\\u0007", "\\u009b", "\\u202e", "\\r"):
        assert escaped not in raw.lower(), f"JSON carries {escaped}"
    data = json.loads(raw)
    for text in strings(data):
        for name, char in CONTROLS.items():
            assert char not in text, f"{name} in JSON string {text!r}"
    if view == "narratives-list":
        [entry] = [n for n in data["narratives"] if n["id"] == "opmaak-proef"]
    elif view == "narratives-detail":
        entry = data["narrative"]
    else:
        [entry] = [c for c in data["contacts"] if c["id"] == "opmaak-contact"]
        assert entry["name"] == "Contact [bold red]x[/]"
        assert entry["extra"] == [{"label": MARKUP, "value": LINK}]
        assert entry["website"] == "https://example.org/[link=https://evil.example]"
        assert entry["email"] == "[bold red]x[/]@voorbeeldstad.example"
        return
    title = "Opmaak" if lang == "nl" else "Markup"
    assert entry["title"] == f"{title} [bold red]x[/] proef"
    assert LINK in entry["summary"] and SCRIPT in entry["summary"]
    if view == "narratives-detail":
        assert entry["voices"][0] == MARKUP
        assert entry["asks_of_you"]["frontline"][0] == LINK
        assert entry["sources"][0]["url"] == "https://example.org/[bold]x[/bold]"


def hostile_pack(tmp_path: Path) -> Path:
    """A broken pack whose bad ID carries markup and escapes: they end up in the error message."""
    root = tmp_path / "hostile"
    (root / "nl").mkdir(parents=True)
    bad_id = '"Slecht [bold red]x[/] \\e[31m \\x1b]8;;http://evil\\x07link\\x1b]8;;\\x07 \\u202e"'
    text = (PACK / "nl" / "contact.yaml").read_text(encoding="utf-8")
    (root / "nl" / "contact.yaml").write_text(text.replace("id: opmaak-contact", f"id: {bad_id}"), "utf-8")
    return root


@pytest.mark.parametrize("colour", [False, True], ids=["no-colour", "force-colour"])
def test_error_messages_show_content_literally(run: Any, tmp_path: Path, colour: bool) -> None:
    root = hostile_pack(tmp_path)
    env = {"FORCE_COLOR": "1"} if colour else {}
    result = run("validate", str(root), env=env)
    assert result.exit_code == 1
    assert_no_content_controls(result.stdout, colour)
    assert "is geen geldige ID" in flat(SGR.sub("", result.stdout))
    assert MARKUP in flat(SGR.sub("", result.stdout))
    reading = run("contact", "--content-dir", str(root), env=env)
    assert reading.exit_code == 1
    assert reading.stdout == ""
    assert_no_content_controls(reading.stderr, colour)
    assert MARKUP in flat(SGR.sub("", reading.stderr))
    report = run("validate", str(root), "--json", env=env)
    for text in strings(json.loads(report.stdout)):
        assert not set(text) & set(CONTROLS.values()), text


def test_unknown_id_with_markup_is_shown_literally(run: Any) -> None:
    result = run("narratives", MARKUP, "--content-dir", str(PACK), env={"FORCE_COLOR": "1"})
    assert result.exit_code == 2
    assert MARKUP in SGR.sub("", result.stderr)
    assert "\x1b]8" not in result.stderr


def test_validate_of_the_markup_pack_is_clean(run: Any) -> None:
    """The pack itself is valid: the texts are allowed, only shown safely."""
    result = run("validate", str(PACK), env={"FORCE_COLOR": "1"})
    assert result.exit_code == 0, result.stdout
    assert_no_content_controls(result.stdout, colour=True)


# ---------------------------------------------------------------- export (search: see the note at the end)


class _Collector(HTMLParser):
    """The text a browser would show, and every start tag with its attributes."""

    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.text: list[str] = []
        self.tags: list[tuple[str, dict[str, str | None]]] = []

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        self.tags.append((tag, dict(attrs)))

    def handle_data(self, data: str) -> None:
        self.text.append(data)


def _shown(html_text: str) -> _Collector:
    collector = _Collector()
    collector.feed(html_text)
    collector.close()
    return collector


def _assert_html_shows_texts_literally(html_text: str) -> None:
    page = _shown(html_text)
    text = flat("".join(page.text))
    assert MARKUP in text and LINK in text and SCRIPT in text
    assert "script" not in [tag for tag, _ in page.tags], "content became a <script> element"
    for tag, attrs in page.tags:
        for name, value in attrs.items():
            assert not (value or "").startswith("https://evil.example"), f"<{tag} {name}={value!r}>"


@pytest.mark.parametrize("lang", ["nl", "en"])
@pytest.mark.parametrize("fmt", ["md", "html", "json"])
def test_export_shows_the_texts_literally(run: Any, fmt: str, lang: str) -> None:
    result = run("export", "--format", fmt, "--lang", lang, "--content-dir", str(PACK))
    assert result.exit_code == 0, result.stderr
    raw = result.stdout
    for name, char in CONTROLS.items():
        assert char not in raw, f"{name} from the content reached the {fmt} export"
    if fmt == "json":
        for escaped in ("\\u001b", "\\u0007", "\\u009b", "\\u202e"):
            assert escaped not in raw.lower()
        texts = strings(json.loads(raw))
        assert any(MARKUP in s for s in texts) and any(LINK in s for s in texts)
        assert any(SCRIPT in s for s in texts)
    elif fmt == "html":
        _assert_html_shows_texts_literally(raw)
    else:
        from markdown_it import MarkdownIt

        rendered = MarkdownIt("commonmark").enable(["table", "strikethrough"]).render(raw)
        _assert_html_shows_texts_literally(rendered)


@pytest.mark.parametrize("mode", list(MODES), ids=list(MODES))
def test_search_shows_markup_literally(run: Any, mode: str) -> None:
    extra, env = MODES[mode]
    result = run("search", "opmaak", *extra, "--content-dir", str(PACK), "--limit", "0", env=env)
    assert result.exit_code == 0, result.stderr
    assert MARKUP in flat(result.stdout)
    assert_no_content_controls(result.stdout, colour=bool(env) and "--plain" not in extra)


def test_search_json_keeps_the_texts_as_written(run: Any) -> None:
    result = run("search", "opmaak", "--json", "--limit", "0", "--content-dir", str(PACK))
    assert result.exit_code == 0
    texts = strings(json.loads(result.stdout))
    assert any(MARKUP in s for s in texts)
    for name, char in CONTROLS.items():
        assert not any(char in s for s in texts), name
