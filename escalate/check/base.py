"""Issues found by ``escalate rules check``: a check id, a severity, and where.

Check ids are snake_case names (``never_fires``); ``check_id`` derives one from a class name
(``NeverFiresCheck`` -> ``never_fires``). Severities: error (exit status 1), warning, info.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

SEVERITIES = ("error", "warning", "info")


@dataclass(frozen=True, order=True)
class Issue:
    path: str
    line: int
    check: str
    severity: str
    message: str
    rule: str = ""
    example: str = ""  # a counterexample or failing case, already formatted
    column: int = 0

    def __str__(self) -> str:
        where = f"{self.path}:{self.line}" if self.line else self.path
        if self.line and self.column:
            where += f":{self.column}"
        out = f"{where}: {self.severity}: [{self.check}] {self.message}"
        if self.example:
            out += "\n" + "\n".join("    " + ln for ln in self.example.splitlines())
        return out


def check_id(cls: type) -> str:
    name = cls.__name__.removesuffix("Check")
    return re.sub(r"(?<!^)(?=[A-Z])", "_", name).lower()
