# SPDX-FileCopyrightText: 2026 The infoblad team
# SPDX-License-Identifier: EUPL-1.2
"""The project's errors and messages. Each error carries the exit code the CLI turns it into.

Nothing below ``cli.py`` prints or exits: code raises one of these, and the CLI's
single error handler writes the message to stderr and exits with ``exit_code``.

Messages travel as ``Msg``: a key in ``strings.py`` and its parameters, turned
into words only where they are shown, in the run's language (``say``). Core
modules (schema, content, history, the YAML loader) do not know the language of
the run, and do not need to. A parameter may be a ``Msg`` itself ("expected: a
list"), translated with it. Text that is already in the run's language (made
with ``strings.t`` by code that knows it) may be passed as a plain ``str``.
"""

from typing import Any, NamedTuple, Union

EXIT_OK = 0
EXIT_PROBLEM = 1  # content or data problem, validate found problems, search found nothing
EXIT_USAGE = 2  # unknown command, option, ID or bad value
EXIT_INTERRUPTED = 130  # Ctrl-C


class Msg(NamedTuple):
    """A message for a person: a key in strings.py and its parameters."""

    key: str
    params: tuple[tuple[str, Any], ...] = ()

    def text(self, lang: str) -> str:
        from .strings import t

        # Numbers stay numbers: t() picks the singular for count=1.
        values = {name: value.text(lang) if isinstance(value, Msg) else value for name, value in self.params}
        return t(lang, self.key, **values)

    def to_data(self) -> list[Any]:
        """JSON-ready, for the content cache."""
        return [self.key, [[name, _to_data(value)] for name, value in self.params]]

    @classmethod
    def from_data(cls, data: Any) -> "Msg | str":
        if isinstance(data, str):
            return data
        key, params = data
        return cls(
            str(key), tuple((str(name), cls.from_data(v) if isinstance(v, list) else v) for name, v in params)
        )


def _to_data(value: Any) -> Any:
    return value.to_data() if isinstance(value, Msg) else value


Message = Union[Msg, str]


def msg(key: str, /, **params: Any) -> Msg:
    """A message with its parameters; the words come from strings.py when it is shown."""
    return Msg(key, tuple(params.items()))


def say(lang: str, message: Any) -> str:
    """A message (or a parameter of one) in ``lang``."""
    if isinstance(message, Msg):
        return message.text(lang)
    return str(message)


class InfobladError(Exception):
    """Base error: a message for the user, a hint on what to do, and an exit code."""

    exit_code = EXIT_PROBLEM

    def __init__(self, message: Message, hint: Message | None = None) -> None:
        super().__init__(say("en", message))
        self.message = message
        self.hint = hint

    def text(self, lang: str) -> str:
        return say(lang, self.message)

    def hint_text(self, lang: str) -> str:
        return say(lang, self.hint) if self.hint is not None else ""


class UsageError(InfobladError):
    """The user asked for something that does not exist or gave a bad value."""

    exit_code = EXIT_USAGE


class Problem(NamedTuple):
    """One thing wrong with a content file, with as much 'where' as is known."""

    file: str
    message: Message
    line: int | None = None
    entry: str | None = None
    field: str | None = None
    expected: Message | None = None
    severity: str = "error"  # "error" or "warning"

    def text(self, lang: str = "en") -> str:
        """The message alone, in ``lang``."""
        return say(lang, self.message)

    def location(self, lang: str = "en") -> str:
        where = self.file
        if self.line is not None:
            where += f":{self.line}"
        parts = [where]
        if self.entry:
            parts.append(say(lang, msg("problem.entry", id=self.entry)))
        if self.field:
            parts.append(say(lang, msg("problem.field", name=self.field)))
        return ", ".join(parts)

    def describe(self, lang: str = "en") -> str:
        text = f"{self.location(lang)}: {say(lang, self.message)}"
        if self.expected:
            text += " " + say(lang, msg("problem.expected", expected=self.expected))
        return text

    def to_dict(self, lang: str = "en") -> dict[str, object]:
        """For JSON output: the words in ``lang``, and the message's key for scripts."""
        data: dict[str, object] = dict(self._asdict())
        data["message"] = say(lang, self.message)
        data["expected"] = say(lang, self.expected) if self.expected is not None else None
        data["code"] = self.message.key if isinstance(self.message, Msg) else None
        return data

    def to_row(self) -> list[Any]:
        """The problem as JSON-ready data, for the content cache."""
        expected = self.expected.to_data() if isinstance(self.expected, Msg) else self.expected
        return [self.file, _to_data(self.message), self.line, self.entry, self.field, expected, self.severity]

    @classmethod
    def from_row(cls, row: list[Any]) -> "Problem":
        file, message, line, entry, field, expected, severity = row
        return cls(
            file,
            Msg.from_data(message),
            line,
            entry,
            field,
            None if expected is None else Msg.from_data(expected),
            severity,
        )


class ContentError(InfobladError):
    """Content could not be read or is invalid. Carries every problem found."""

    exit_code = EXIT_PROBLEM

    def __init__(self, problems: list[Problem], hint: Message | None = None) -> None:
        super().__init__(problems[0].message, hint or msg("error.content_hint"))
        self.problems = problems

    def text(self, lang: str) -> str:
        errors = [p for p in self.problems if p.severity == "error"] or self.problems
        first = errors[0].describe(lang)
        more = len(errors) - 1
        return first if not more else first + "\n" + say(lang, msg("error.more_problems", count=more))


class DataError(InfobladError):
    """Saved data (the quiz history) could not be read or written."""

    exit_code = EXIT_PROBLEM


class Terminated(BaseException):
    """SIGTERM or SIGHUP arrived while a file was being written: unwind, clean up, then exit.

    A BaseException, like KeyboardInterrupt, so that no ``except Exception`` swallows it.
    """

    def __init__(self, signum: int) -> None:
        super().__init__(signum)
        self.signum = signum


class OutputFailed(Exception):
    """Standard output could not be written: closed, full, or a pipe whose reader has gone."""

    def __init__(self, error: OSError) -> None:
        super().__init__(error)
        self.error = error
