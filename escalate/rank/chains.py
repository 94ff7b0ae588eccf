"""Chains: maximal paths in the link DAG, labelled by the exchange, scored and ranked."""

from __future__ import annotations

import statistics
from collections.abc import Callable
from dataclasses import dataclass
from datetime import date
from functools import lru_cache
from pathlib import Path
from typing import Annotated, Literal

import networkx as nx
from pydantic import Field

from escalate.models import ActorRef, Chain, ChainStep, Event, Link, Strict
from escalate.yamlio import load_yaml, validate

COMPONENTS = ("confidence", "length", "evidence", "escalation", "tempo", "force")


Component = Literal["confidence", "length", "evidence", "escalation", "tempo", "force"]


class RankSpec(Strict):
    weights: dict[Component, Annotated[float, Field(ge=0)]]
    flat_below: float = 0.5
    max_paths: int = Field(default=20000, ge=1)


@lru_cache(maxsize=8)
def load_rank(rules_dir: Path) -> RankSpec:
    path = rules_dir / "rank.yaml"
    if not path.exists():
        return RankSpec(weights=dict.fromkeys(COMPONENTS, 1.0))
    return validate(RankSpec, load_yaml(path))


@dataclass
class ChainQuery:
    start: date | None = None  # keep events that may end on or after this day
    end: date | None = None  # keep events that may start on or before this day
    actor: Callable[[ActorRef | None], bool] | None = None
    min_confidence: float = 0.0
    top: int | None = None
    rank_by: str = "score"


def _mid(e: Event) -> float | None:
    if e.when.earliest and e.when.latest:
        return (e.when.earliest.toordinal() + e.when.latest.toordinal()) / 2
    return None


def in_period(e: Event, q: ChainQuery) -> bool:
    if q.start and e.when.latest and e.when.latest < q.start:
        return False
    if q.start and not e.when.latest and e.when.earliest and e.when.earliest < q.start:
        return False
    return not (q.end and e.when.earliest and e.when.earliest > q.end)


def build_chains(events: list[Event], links: list[Link], camp: Callable[[ActorRef], frozenset[str]],
                 spec: RankSpec, q: ChainQuery) -> list[Chain]:
    by_id = {e.id: e for e in events}
    keep = {e.id for e in events if e.modality == "asserted" and in_period(e, q)}
    g = nx.DiGraph()
    link_of: dict[tuple[str, str], Link] = {}
    for ln in sorted(links, key=lambda ln: ln.id):
        if ln.cause in keep and ln.effect in keep and ln.confidence >= q.min_confidence:
            g.add_edge(ln.cause, ln.effect)
            link_of[(ln.cause, ln.effect)] = ln
    assert nx.is_directed_acyclic_graph(g), "the link graph must be acyclic"
    paths = _maximal_paths(g, spec.max_paths)
    # drop paths whose events all lie on a longer path (near-duplicates), unless the shorter one tells
    # a tie the text states that the longer one does not (it detours through an inferred step)
    def stated(path: list[str]) -> set[tuple[str, str]]:
        return {(a, b) for a, b in zip(path, path[1:], strict=False) if link_of[(a, b)].stated}

    paths.sort(key=lambda p: (-len(p), p))
    kept: list[list[str]] = []
    for p in paths:
        ps = set(p)
        if any(ps < set(k) and stated(p) <= stated(k) for k in kept):
            continue
        kept.append(p)
    chains = []
    for p in kept:
        if q.actor is not None and not any(q.actor(by_id[x].actor) or q.actor(by_id[x].target) for x in p):
            continue
        ls = [link_of[(a, b)] for a, b in zip(p, p[1:], strict=False)]
        comps = _components(p, ls, by_id, spec)
        score = sum(spec.weights.get(k, 0) * comps[k] for k in COMPONENTS) / (sum(spec.weights.values()) or 1)
        pset = set(p)
        branches = sorted({n for x in p for n in (*g.successors(x), *g.predecessors(x)) if n not in pset})
        chains.append(Chain(
            rank=0, score=round(score, 4), events=p, links=[ln.id for ln in ls],
            steps=_steps(p, ls, by_id, camp), components={k: round(v, 4) for k, v in comps.items()},
            trend=_trend(comps["escalation"], spec), branches=branches,
        ))
    key = (lambda c: (-c.score, c.events)) if q.rank_by == "score" else \
        (lambda c: (-c.components.get(q.rank_by, 0), -c.score, c.events))
    chains.sort(key=key)
    if q.top is not None:
        chains = chains[: q.top]
    for i, c in enumerate(chains, start=1):
        c.rank = i
    return chains


def _maximal_paths(g: nx.DiGraph, limit: int) -> list[list[str]]:
    out: list[list[str]] = []
    sources = sorted(n for n in g if g.in_degree(n) == 0)
    for s in sources:
        stack: list[tuple[str, list[str]]] = [(s, [s])]
        while stack and len(out) < limit:
            node, path = stack.pop()
            succ = sorted(g.successors(node), reverse=True)
            if not succ:
                out.append(path)
                continue
            for n in succ:
                stack.append((n, [*path, n]))
    return out


def _components(p: list[str], ls: list[Link], by_id: dict[str, Event], spec: RankSpec) -> dict[str, float]:
    evs = [by_id[x] for x in p]
    conf = statistics.fmean(ln.confidence for ln in ls) if ls else 0.0
    evidence = statistics.fmean(min(1.0, (len(e.citations) + 2 * (e.sources - 1)) / 3) for e in evs)
    half = max(1, len(evs) // 2)
    first = statistics.fmean(e.intensity for e in evs[:half])
    last = statistics.fmean(e.intensity for e in evs[-half:])
    escalation = min(1.0, max(0.0, 0.5 + (first - last) / 20))
    mids = [_mid(e) for e in evs]
    gaps = [b - a for a, b in zip(mids, mids[1:], strict=False) if a is not None and b is not None]
    tempo = 1 / (1 + max(0.0, statistics.median(gaps)) / 30) if gaps else 0.5
    length = 1 - 1 / (1 + len(ls))
    # how much of the chain is force (Goldstein -10 = 1, a verbal reaction ~0.2): strike -> retaliation
    # tells more of an escalation than strike -> condemnation
    force = statistics.fmean(min(1.0, max(0.0, -e.intensity / 10)) for e in evs)
    return {"confidence": conf, "length": length, "evidence": evidence, "escalation": escalation, "tempo": tempo,
            "force": force}


def _trend(escalation: float, spec: RankSpec) -> str:
    diff = (escalation - 0.5) * 20
    if abs(diff) < spec.flat_below:
        return "flat"
    return "rising" if diff > 0 else "falling"


def _steps(p: list[str], ls: list[Link], by_id: dict[str, Event], camp) -> list[ChainStep]:
    # (a chain may open with words, not force: an accusation rejected, sanctions answered)
    steps = [ChainStep(event=p[0], role="strike" if by_id[p[0]].category == "ASSAULT" else "opening move")]
    exchanges = 0
    for i, ln in enumerate(ls, start=1):
        prev, cur = by_id[p[i - 1]], by_id[p[i]]
        alternates = prev.actor is not None and cur.actor is not None and not (camp(prev.actor) & camp(cur.actor))
        if ln.label in ("retaliation", "response") and alternates:
            exchanges += 1
            violent = cur.category == "ASSAULT"
            if exchanges == 1:
                role = "retaliation" if violent else "response"
            else:
                role = "counter-retaliation" if violent else "counter-response"
        else:
            role = ln.label
        steps.append(ChainStep(event=cur.id, role=role, link=ln.id))
    return steps
