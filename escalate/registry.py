"""Named pipeline stages and reporters.

A stage declares what it ``requires`` and ``assigns`` (attributes of the ``Document``
for per-article stages, of the corpus ``Analysis`` for corpus stages); building a
pipeline fails if a requirement has no upstream producer. Plug-ins may register more
stages and reporters through the ``escalate.plugins`` entry-point group.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from importlib.metadata import entry_points
from typing import Any


@dataclass(frozen=True)
class StageInfo:
    name: str
    scope: str  # "document" | "corpus"
    requires: tuple[str, ...]
    assigns: tuple[str, ...]
    factory: Callable[..., Any]


STAGES: dict[str, StageInfo] = {}
REPORTERS: dict[str, Callable[..., str]] = {}


def stage(name: str, *, scope: str, requires: tuple[str, ...] = (), assigns: tuple[str, ...] = ()):
    """Register a stage factory: ``factory(resources) -> callable(item) -> None``."""

    def deco(factory: Callable[..., Any]) -> Callable[..., Any]:
        STAGES[name] = StageInfo(name, scope, requires, assigns, factory)
        return factory

    return deco


def reporter(name: str):
    def deco(fn: Callable[..., str]) -> Callable[..., str]:
        REPORTERS[name] = fn
        return fn

    return deco


def check_order(names: list[str], provided: set[str]) -> None:
    """Raise ValueError if a stage requires something no earlier stage assigns."""
    have = set(provided)
    for n in names:
        info = STAGES[n]
        missing = [r for r in info.requires if r not in have]
        if missing:
            raise ValueError(f"stage {n!r} requires {', '.join(missing)}, which no earlier stage assigns")
        have.update(info.assigns)


def load_plugins() -> None:
    for ep in entry_points(group="escalate.plugins"):
        ep.load()
