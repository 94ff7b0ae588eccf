"""Test cases beside link rules: ``rules/links/<name>.cases.yaml`` next to ``<name>.yaml``.

Each case is either a small event list (checks the rule's logic alone) or a short dated text
(checks the whole pipeline), marked ``link`` (the rule must link cause -> effect), ``nolink``
(it must not) or ``todo`` (a known miss: reported, not failed).

    cases:
      - name: answered within days
        rule: retaliation.inferred
        expect: link
        events:
          - {id: a, category: ASSAULT, actor: AAA, target: BBB, date: 2020-01-01}
          - {id: b, category: ASSAULT, actor: BBB, target: AAA, date: 2020-01-05}
        cause: a
        effect: b
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from pathlib import Path
from typing import Literal

from pydantic import Field, model_validator

from escalate.errors import RulesError
from escalate.events.lexicon import Category
from escalate.models import ActorRef, Citation, Document, Event, Strict, When
from escalate.yamlio import load_listed


class CaseActor(Strict):
    side: str
    backed_by: list[str] = Field(default_factory=list)


class CaseEvent(Strict):
    id: str
    category: Category
    actor: str | CaseActor | None = None
    target: str | CaseActor | None = None
    intensity: float = Field(default=-10, ge=-10, le=10)
    date: dt.date | None = None
    earliest: dt.date | None = None
    latest: dt.date | None = None
    modality: Literal["asserted", "negated", "hypothetical", "future", "habitual", "denied"] = "asserted"

    def to_event(self) -> Event:
        lo = self.earliest or self.date
        hi = self.latest or self.date
        return Event(
            id=self.id, category=self.category, intensity=self.intensity, actor=_ref(self.actor),
            target=_ref(self.target), when=When(earliest=lo, latest=hi), modality=self.modality,
            citations=[Citation(doc="case", sentence=f"case:{self.id}", start=0, end=0, text="")],
        )


def _ref(a: str | CaseActor | None) -> ActorRef | None:
    if a is None:
        return None
    side, backed = (a, []) if isinstance(a, str) else (a.side, a.backed_by)
    return ActorRef(id=side, name=side, text=side, side=side, backed_by=list(backed))


class Case(Strict):
    name: str
    rule: str
    expect: Literal["link", "nolink", "todo"]
    events: list[CaseEvent] | None = None
    text: str | None = None
    published: dt.date | None = None
    cause: str | None = None  # event id, or for text cases a word of the cause's trigger sentence
    effect: str | None = None
    stated: bool | None = None

    @model_validator(mode="after")
    def _one_input(self) -> Case:
        if (self.events is None) == (self.text is None):
            raise ValueError("a case needs either events or text")
        if self.text is not None and self.published is None:
            raise ValueError("a text case needs its publication date (published)")
        return self


class CaseFile(Strict):
    cases: list[Case]


@dataclass
class CaseResult:
    path: str
    line: int
    case: Case
    ok: bool
    message: str


def load_cases(rules_dir: Path) -> list[tuple[Path, int, Case]]:
    """Every case of every ``*.cases.yaml`` beside the link rules, with its file and line."""
    listed = load_listed(sorted((rules_dir / "links").glob("*.cases.yaml")), CaseFile, "cases")
    if listed.problems:
        raise RulesError(listed.problems)
    return listed.items


def run_case(pipe, path: Path, line: int, case: Case) -> CaseResult:
    """Run one case with ``pipe`` (an ``escalate.pipeline.Pipeline``)."""
    if case.events is not None:
        events = [e.to_event() for e in case.events]
        links, _ = pipe.res.linker.link(events, [])
        found = [ln for ln in links if ln.rule == case.rule
                 and (case.cause is None or ln.cause == case.cause)
                 and (case.effect is None or ln.effect == case.effect)]
    else:
        doc = Document(id="case", text=case.text or "", published=case.published)
        a = pipe.analyse([doc])
        by_id = {e.id: e for e in a.events}

        def cites(eid: str, word: str | None) -> bool:
            return word is None or any(word.lower() in c.text.lower() for c in by_id[eid].citations)

        found = [ln for ln in a.links if ln.rule == case.rule and cites(ln.cause, case.cause)
                 and cites(ln.effect, case.effect) and (case.stated is None or ln.stated == case.stated)]
    linked = bool(found)
    if case.expect == "todo":
        return CaseResult(str(path), line, case, True, "todo (now passes)" if linked else "todo")
    ok = linked == (case.expect == "link")
    msg = "ok" if ok else ("expected a link, none was made" if case.expect == "link"
                           else f"expected no link, got {', '.join(ln.id for ln in found)}")
    return CaseResult(str(path), line, case, ok, msg)


__all__ = ["Case", "CaseResult", "load_cases", "run_case"]
