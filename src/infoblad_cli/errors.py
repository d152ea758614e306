# SPDX-FileCopyrightText: 2026 The infoblad team
# SPDX-License-Identifier: EUPL-1.2
"""The project's errors. Each carries the exit code the CLI turns it into.

Nothing below ``cli.py`` prints or exits: code raises one of these, and the CLI's
single error handler writes the message to stderr and exits with ``exit_code``.
"""

from __future__ import annotations

from typing import Any, NamedTuple

EXIT_OK = 0
EXIT_PROBLEM = 1  # content or data problem, validate found problems, search found nothing
EXIT_USAGE = 2  # unknown command, option, ID or bad value
EXIT_INTERRUPTED = 130  # Ctrl-C


class InfobladError(Exception):
    """Base error: a message for the user and an exit code."""

    exit_code = EXIT_PROBLEM

    def __init__(self, message: str, hint: str | None = None) -> None:
        super().__init__(message)
        self.message = message
        self.hint = hint


class UsageError(InfobladError):
    """The user asked for something that does not exist or gave a bad value."""

    exit_code = EXIT_USAGE


class Problem(NamedTuple):
    """One thing wrong with a content file, with as much 'where' as is known."""

    file: str
    message: str
    line: int | None = None
    entry: str | None = None
    field: str | None = None
    expected: str | None = None
    severity: str = "error"  # "error" or "warning"

    def location(self) -> str:
        where = self.file
        if self.line is not None:
            where += f":{self.line}"
        parts = [where]
        if self.entry:
            parts.append(f"entry '{self.entry}'")
        if self.field:
            parts.append(f"field '{self.field}'")
        return ", ".join(parts)

    def describe(self) -> str:
        text = f"{self.location()}: {self.message}"
        if self.expected:
            text += f" (expected: {self.expected})"
        return text

    def to_dict(self) -> dict[str, object]:
        return dict(self._asdict())

    def to_row(self) -> list[Any]:
        """The problem as JSON-ready data, for the content cache."""
        return list(self)

    @classmethod
    def from_row(cls, row: list[Any]) -> Problem:
        return cls(*row)


class ContentError(InfobladError):
    """Content could not be read or is invalid. Carries every problem found."""

    exit_code = EXIT_PROBLEM

    def __init__(self, problems: list[Problem], hint: str | None = None) -> None:
        errors = [p for p in problems if p.severity == "error"] or problems
        first = errors[0].describe()
        more = len(errors) - 1
        message = first if not more else f"{first}\n(and {more} more problem(s))"
        super().__init__(
            message,
            hint or "Run 'infoblad validate' to see every problem, then fix the file.",
        )
        self.problems = problems


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
