"""User-facing errors: a clear message and a non-zero exit, never a traceback."""

from __future__ import annotations

from dataclasses import dataclass


@dataclass(frozen=True, order=True)
class Problem:
    path: str
    line: int
    column: int
    message: str
    check: str = "schema"
    severity: str = "error"  # error | warning | info

    def __str__(self) -> str:
        where = f"{self.path}:{self.line}:{self.column}" if self.line else self.path
        return f"{where}: {self.severity}: [{self.check}] {self.message}"


class EscalateError(Exception):
    """An error caused by the user's input; the CLI prints it and exits with status 2."""

    exit_code = 2


class RulesError(EscalateError):
    """One or more located problems in rule or lexicon files."""

    def __init__(self, problems: list[Problem]):
        self.problems = sorted(problems)
        super().__init__("\n".join(str(p) for p in self.problems))


class InputError(EscalateError):
    """A corpus, option or date the tool cannot use."""
