# SPDX-FileCopyrightText: 2026 The infoblad team
# SPDX-License-Identifier: EUPL-1.2
"""One quiz being taken: where the answers come from, and the screen it is shown on.

The engine (``quiz.run``) asks for each answer through a callback and knows nothing of
terminals. This module is that callback. Answers come from one of three sources:

- ``Scripted``: the answers given with --answers, checked before the first question;
- ``Terminal``: a person at the prompt (standard input is a terminal);
- ``Pipe``: one answer per line on standard input (a file, a here-doc, another program).

The screen is a ``Writer`` on stdout, or on stderr when stdout holds the JSON result;
there is none when a script asks for JSON and no person is watching. An answer that is
not one of the choices gets a hint: on the screen at a prompt, else on stderr.
"""

from __future__ import annotations

import sys
from typing import TYPE_CHECKING, Optional, TextIO

from . import quiz as engine
from . import render_quiz as show
from .term import err_console, make_console

if TYPE_CHECKING:
    from . import models as m
    from .render import Writer


class Scripted:
    """The answers of --answers, in order."""

    interactive = False

    def __init__(self, given: list[str]) -> None:
        self._given = iter(given)

    def read(self, screen: Optional[Writer], asked: engine.Asked) -> str:
        return next(self._given)


class Terminal:
    """A person at the prompt."""

    interactive = True

    def read(self, screen: Optional[Writer], asked: engine.Asked) -> str:
        assert screen is not None  # at a terminal there is always a screen
        try:
            return screen.console.input(show.prompt_text(screen, asked))
        except EOFError:
            screen.blank()  # Ctrl-D: end the prompt's line before the message
            raise


class Pipe:
    """One answer per line on a stream that is not a terminal."""

    interactive = False

    def __init__(self, stream: TextIO) -> None:
        self._stream = stream

    def read(self, screen: Optional[Writer], asked: engine.Asked) -> str:
        line = self._stream.readline()
        if not line:
            raise EOFError
        return line.rstrip("\r\n")


Source = Scripted | Terminal | Pipe


def source_for(answers: Optional[list[str]]) -> Source:
    """--answers if given, else the prompt at a terminal, else lines on standard input."""
    if answers is not None:
        return Scripted(answers)
    return Terminal() if sys.stdin.isatty() else Pipe(sys.stdin)


def writer(lang: str, plain: bool, to_stderr: bool) -> Writer:
    """A quiz screen on stdout, or on stderr (when stdout holds JSON)."""
    from .render import Writer

    console = err_console() if to_stderr else make_console(plain)
    return Writer(console, lang, plain=plain or not console.is_terminal)


class Session:
    """A quiz shown on ``screen`` (or on none), its answers read from ``source``."""

    def __init__(
        self,
        quiz: engine.Quiz,
        bundle: m.Bundle,
        source: Source,
        screen: Optional[Writer],
        lang: str,
        plain: bool,
    ) -> None:
        self.quiz = quiz
        self.bundle = bundle
        self.source = source
        self.screen = screen
        self._lang = lang
        self._plain = plain

    def run(self) -> engine.Result:
        """Ask every question; KeyboardInterrupt and ``engine.QuizIncomplete`` pass through."""
        if self.screen is not None:
            show.intro(self.screen, len(self.quiz.asked))
        return engine.run(self.quiz, self.bundle, self.ask, self.tell)

    def ask(self, asked: engine.Asked, number: int, hint: Optional[engine.AnswerError]) -> str:
        screen = self.screen
        if hint is None:
            if screen is not None:
                show.question(screen, self.bundle, asked, number, len(self.quiz.asked))
        else:
            message = show.hint(screen or writer(self._lang, self._plain, to_stderr=True), hint)
            if self.source.interactive and screen is not None:
                screen.wrap(message, style="yellow")
            else:
                err_console().print(message, markup=False, soft_wrap=True)
        text = self.source.read(screen, asked)
        if screen is not None and not self.source.interactive:  # show what a script or pipe chose
            screen.wrap(screen.t("quiz.you_chose", answer=show.shorten(text.strip())), style="bold")
        return text

    def tell(self, outcome: engine.Outcome) -> None:
        if self.screen is not None:
            show.feedback(self.screen, outcome)
