# SPDX-FileCopyrightText: 2026 The infoblad team
# SPDX-License-Identifier: EUPL-1.2
"""The floor of issue 14: every help and every reading screen, at every width, in both languages.

Each command's help and each reading command is rendered at 30, 40, 60, 80 and 120
columns in Dutch and English, and checked for two things:

- No broken word. Every line fits the width (only a single unbreakable token, such as a
  web address, may stick out), and every word of the output is a word of the source
  texts (content, strings.py, option names): a word split across lines, or cut by a
  wrapper, leaves pieces that are not words.
- No sentence in the other language. Outside content names (texts that are the same in
  both languages' content, source titles, quoted titles), commands, options, IDs and
  addresses, Dutch output holds no English function words and English output no Dutch
  ones.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from functools import cache
from typing import Any

import pytest

from infoblad_cli import content, strings
from infoblad_cli.cli import app
from infoblad_cli.names import DUTCH, shown

WIDTHS = (30, 40, 60, 80, 120)
LANGS = ("nl", "en")

# Function words that occur in running text of one language and not in the other.
ENGLISH_ONLY = {
    "the", "and", "with", "to", "you", "your", "this", "that", "which", "from", "for", "not",
    "are", "it", "its", "show", "when", "without", "what", "how", "who", "or", "by", "on",
    "these", "those", "their", "they", "them", "have", "has", "will", "were", "one",
    "after", "before", "only", "all", "each", "every", "more", "than", "there", "here",
}  # fmt: skip
DUTCH_ONLY = {
    "de", "het", "een", "van", "je", "niet", "met", "voor", "wat", "zijn", "naar", "ook", "bij",
    "uit", "aan", "heeft", "hoe", "jij", "jou", "maar", "dat", "die", "deze", "dit", "wordt",
    "worden", "kan", "kunnen", "moet", "geen", "als", "om", "tot", "nog", "wel", "er", "zich",
    "ze", "op", "alle", "elke", "zonder", "wie", "waar", "toon",
}  # fmt: skip
FOREIGN = {"nl": ENGLISH_ONLY, "en": DUTCH_ONLY}

COMMANDS = [command.name for command in app.registered_commands if not command.hidden]
WORD = re.compile(r"[\w'’]+(?:[-.][\w'’]+)*")


def _texts(value: Any) -> Iterator[str]:
    if isinstance(value, str):
        yield value
    elif isinstance(value, dict):
        for item in value.values():
            yield from _texts(item)
    elif isinstance(value, (list, tuple)):
        for item in value:
            yield from _texts(item)


@cache
def bundles() -> dict[str, Any]:
    from infoblad_cli.models import to_data

    return {lang: to_data(content.load_bundle(lang)) for lang in LANGS}


def _words(text: str) -> set[str]:
    return {word.lower().strip("'’") for word in WORD.findall(text)}


@cache
def vocabulary() -> frozenset[str]:
    """Every word the tool can print: content, its own strings, command and option names."""
    import typer

    words: set[str] = set()
    for data in bundles().values():
        for text in _texts(data):
            words |= _words(text)
    for table in (strings.NL, strings.EN):
        for text in table.values():
            words |= _words(re.sub(r"\{\w+\}", " ", text))
    group = typer.main.get_command(app)
    for name, command in group.commands.items():  # type: ignore[attr-defined]
        words |= {name, DUTCH.get(name, name)}
        for param in command.params:
            for opt in (*getattr(param, "opts", ()), *getattr(param, "secondary_opts", ())):
                words |= _words(opt)
            words |= _words(str(getattr(param, "metavar", "") or ""))
            words |= _words(" ".join(str(c) for c in getattr(param.type, "choices", ())))
            words |= _words(str(param.name))
    words |= {"infoblad", "help", "h", "install-completion", "show-completion", "x", "str", "int"}
    return frozenset(words)


@cache
def names() -> tuple[str, ...]:
    """Texts that are names, not sentences: the same in both languages, or titles of sources."""
    nl, en = ({text for text in _texts(data) if len(text) > 2} for data in bundles().values())
    found = nl & en
    for data in bundles().values():
        found |= {source["title"] for source in _sources(data)}
    # Names inside running text: organisations and titles that are not translated.
    found |= {
        "Leernetwerk polarisatie voor gemeenten",
        "Expertise-unit Sociale Stabiliteit",
        "The Learning Company",
    }
    return tuple(sorted(found, key=len, reverse=True))  # the longest first: a name inside a name


def _sources(value: Any) -> Iterator[dict[str, str]]:
    if isinstance(value, dict):
        if "title" in value and "url" in value:
            yield value
        for item in value.values():
            yield from _sources(item)
    elif isinstance(value, list):
        for item in value:
            yield from _sources(item)


def screens() -> list[tuple[str, ...]]:
    """Every reading screen: lists, every entry in full, the documents, search, history, the quiz."""
    shown_screens: list[tuple[str, ...]] = [(), ("personal",), ("about",), ("contact",), ("history",)]
    data = bundles()["nl"]
    for kind in ("narratives", "lessons", "cases"):
        shown_screens.append((kind,))
        shown_screens += [(kind, entry["id"]) for entry in data[kind]]
    shown_screens.append(("search", "vertrouwen"))
    shown_screens.append(("quiz", "--seed", "2", "--count", "3", "--answers", "1,2,3", "--no-save"))
    if "tip" in COMMANDS:
        shown_screens.append(("tip",))
    return shown_screens


def helps() -> list[tuple[str, ...]]:
    return [("--help",), *((name, "--help") for name in COMMANDS)]


def render(run: Any, args: tuple[str, ...], lang: str, width: int) -> str:
    spelled = (shown(args[0], lang), *args[1:]) if args and not args[0].startswith("-") else args
    result = run(*spelled, "--lang", lang, env={"COLUMNS": str(width)})
    if args and args[0] == "validate":  # validate takes no --lang: the language comes from the env
        result = run(*spelled, env={"COLUMNS": str(width), "INFOBLAD_LANG": lang})
    assert result.exit_code == 0, (spelled, result.stderr)
    return str(result.stdout)


def too_wide(text: str, width: int) -> list[str]:
    return [line for line in text.splitlines() if len(line) > width and len(line.split()) > 1]


def unknown_words(text: str) -> set[str]:
    known = vocabulary()
    found = set()
    for word in _words(text):
        if word in known or not re.search(r"[^\W\d_]", word):  # numbers, dates, percentages
            continue
        found.add(word)
    return found


def foreign_words(text: str, lang: str) -> set[str]:
    flat = " ".join(text.split()).replace("(de)", "")  # (de)polarisation is one English word
    for name in names():
        flat = re.sub(re.escape(" ".join(name.split())), " ", flat, flags=re.IGNORECASE)
    flat = re.sub(r"https?://\S+|\S+@\S+", " ", flat)  # addresses
    command_names = "|".join(sorted({*DUTCH, *DUTCH.values(), *COMMANDS}, key=len, reverse=True))
    flat = re.sub(rf"\binfoblad (?:{command_names})\b(?: (?:--?[\w-]+|[\w]+(?:-[\w]+)+|\d+))*", " ", flat)
    # Quoted titles and voices: a quote opens after a space and closes before one (not the
    # apostrophe of "dilemma's" or "residents'").
    flat = re.sub(r"(?:(?<=[\s(])|^)[‘'].+?[’'](?=[\s.,;:!?)]|$)|“[^”]*”|\"[^\"]*\"", " ", flat)
    flat = re.sub(
        r"\b(?:[Vv]an|[Dd]e|der|den|ter|ten)(?: (?:de|der|den))? [A-Z]\w+", " ", flat
    )  # Martine van Es
    return _words(flat) & FOREIGN[lang]


def check(text: str, lang: str, width: int, what: tuple[str, ...]) -> None:
    assert text.strip(), what
    wide = too_wide(text, width)
    assert not wide, f"{what} at {width}: lines wider than the screen:\n" + "\n".join(wide)
    unknown = unknown_words(text)
    assert not unknown, f"{what} at {width} ({lang}): pieces of words: {sorted(unknown)}"
    foreign = foreign_words(text, lang)
    assert not foreign, (
        f"{what} in {lang}: words of the other language: {sorted(foreign)} "
        "(a help text without a help.* key in strings.py, or a sentence not translated)"
    )


@pytest.mark.parametrize("lang", LANGS)
@pytest.mark.parametrize("args", helps(), ids=lambda args: " ".join(args))
def test_every_help_at_every_width(run: Any, args: tuple[str, ...], lang: str) -> None:
    for width in WIDTHS:
        check(render(run, args, lang, width), lang, width, args)


@pytest.mark.parametrize("lang", LANGS)
@pytest.mark.parametrize("args", screens(), ids=lambda args: " ".join(args) or "home")
def test_every_reading_screen_at_every_width(run: Any, args: tuple[str, ...], lang: str) -> None:
    for width in WIDTHS:
        check(render(run, args, lang, width), lang, width, args)


def test_the_checks_find_what_they_look_for() -> None:
    """The checks themselves: a split word, a too-wide line, an English sentence in Dutch."""
    assert unknown_words("vertrou\nwen") == {"vertrou", "wen"}
    assert too_wide("een regel die veel te lang is", 10)
    assert not too_wide("https://example.org/een-heel-lang-adres", 10)  # one token: cannot be helped
    assert foreign_words("Toon de lijst. Show the list.", "nl") == {"show", "the"}
    assert foreign_words("Show the list of narratives.", "en") == set()
    assert foreign_words("Based on 'Polarisatie tussen burgers en overheid'.", "en") == set()
    assert foreign_words("Open met infoblad lessons vroeg-betrekken", "nl") == set()
    assert foreign_words("The residents' evening, called 'We gooien het de inspraak in'.", "en") == set()
    assert foreign_words("Martine van Es of Kessels & Smit says so.", "en") == set()
