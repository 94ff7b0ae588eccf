"""The link-rule language: pydantic models and the loader for ``rules/links/*.yaml``.

Reference: docs/rules.md. Every rule is validated strictly (unknown keys, unknown PLOVER
categories, ``max_days < min_days``, confidence outside 0..1, duplicate ids) and every
problem is reported with ``file:line:column``, all at once.
"""

from __future__ import annotations

from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path
from typing import Literal

from pydantic import Field, field_validator, model_validator

from escalate.errors import RulesError
from escalate.events.lexicon import Category
from escalate.models import Strict
from escalate.yamlio import load_listed

ActorRelation = Literal["reciprocal", "proxy", "triangular", "ally", "inverse", "same-side", "undoing", "outside",
                        "any"]


class Side(Strict):
    """What the cause or the effect of a link must be."""

    categories: list[Category] = Field(min_length=1)
    min_intensity: float = Field(default=-10, ge=-10, le=10)
    max_intensity: float = Field(default=10, ge=-10, le=10)
    modality: list[Literal["asserted", "negated", "hypothetical", "future", "habitual", "denied"]] = Field(
        default_factory=lambda: ["asserted"]
    )

    @model_validator(mode="after")
    def _range(self) -> Side:
        if self.max_intensity < self.min_intensity:
            raise ValueError(f"max_intensity {self.max_intensity} < min_intensity {self.min_intensity}")
        return self


class Window(Strict):
    """Allowed delay from the cause's start to the effect's start, in days."""

    min_days: float = Field(default=0, ge=0)
    max_days: float = Field(default=365, ge=0)

    @model_validator(mode="after")
    def _range(self) -> Window:
        if self.max_days < self.min_days:
            raise ValueError(f"max_days {self.max_days} < min_days {self.min_days}")
        return self


class LinkRule(Strict):
    id: str = Field(pattern=r"^[a-z][a-z0-9_-]*(\.[a-z0-9_-]+)+$")
    label: str
    description: str = ""
    status: Literal["experimental", "stable", "deprecated"] = "experimental"
    cause: Side
    effect: Side
    actors: ActorRelation = "any"
    window: Window = Field(default_factory=Window)
    cue: Literal["stated", "inferred", "any"] = "any"
    cue_labels: list[str] = Field(default_factory=list)  # only cues with one of these labels count
    min_cue_strength: float = Field(default=0.5, ge=0, le=1)
    confidence: float = Field(ge=0, le=1)

    @field_validator("label")
    @classmethod
    def _label(cls, v: str) -> str:
        if not v.strip():
            raise ValueError("label must not be empty")
        return v


class RuleFile(Strict):
    rules: list[LinkRule]


@dataclass(frozen=True)
class LocatedRule:
    rule: LinkRule
    path: str
    line: int


@lru_cache(maxsize=8)
def load_rules(rules_dir: Path) -> tuple[LocatedRule, ...]:
    """Every link rule under ``<rules_dir>/links`` (cue lexicons and fixture files excluded)."""
    folder = rules_dir / "links"
    paths = [p for p in sorted(folder.glob("*.yaml")) if p.name != "cues.yaml" and not p.name.endswith(".cases.yaml")]
    listed = load_listed(paths, RuleFile, "rules", unique="id")
    problems = listed.problems
    out = [LocatedRule(rule, str(path), line) for path, line, rule in listed.items]
    if problems:
        raise RulesError(problems)
    return tuple(out)
