"""Temporal graph: events as intervals in a simple temporal network (STN).

Each event has a start and an end point (days). Constraints are edges of a distance graph
(``x_j - x_i <= w`` is the edge i -> j with weight w): dates bound the points, reports
bound their events by the publication date, and textual ordering ("in response to",
"after") puts a cause's start before its effect's start. Shortest paths from and to the
origin give every point's tightest bounds; a negative cycle is an inconsistency, which is
reported with the evidence on both sides and resolved by dropping the weakest textual
ordering, never by moving a date.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date

import networkx as nx

from escalate.models import Event, TemporalIssue

ORIGIN = "Z"


@dataclass(frozen=True)
class Order:
    """``before`` starts no later than ``after`` starts (from text or from a link)."""

    before: str
    after: str
    evidence: str
    weight: float = 0.5  # how much we trust it; the weakest goes first on a conflict


@dataclass
class Bounds:
    earliest: date | None
    latest: date | None


class TemporalGraph:
    def __init__(self, events: list[Event], reported_by: dict[str, date | None]):
        self.events = {e.id: e for e in events}
        self.g = nx.DiGraph()
        self.g.add_node(ORIGIN)
        self.orders: list[Order] = []
        self.issues: list[TemporalIssue] = []
        for e in sorted(events, key=lambda e: e.id):
            s, f = _s(e.id), _f(e.id)
            self._edge(f, s, 0)  # s <= f
            if e.when.earliest:
                self._edge(s, ORIGIN, -e.when.earliest.toordinal())
            if e.when.latest:
                self._edge(ORIGIN, f, e.when.latest.toordinal())
            dct = reported_by.get(e.id)
            if dct and e.modality in ("asserted", "negated", "denied", "habitual"):
                # what a report tells as having happened started no later than the report
                self._edge(ORIGIN, s, dct.toordinal())
                if e.modality == "asserted" and not (e.when.latest and e.when.latest > dct):
                    self._edge(ORIGIN, f, dct.toordinal())

    def _edge(self, u: str, v: str, w: int) -> None:
        if self.g.has_edge(u, v):
            w = min(w, self.g[u][v]["weight"])
        self.g.add_edge(u, v, weight=w)

    def add_order(self, order: Order) -> None:
        if order.before in self.events and order.after in self.events and order.before != order.after:
            self.orders.append(order)

    def solve(self) -> dict[str, Bounds]:
        """Tightest start/end bounds for every event; conflicting textual orders are dropped."""
        kept: list[Order] = []
        for o in sorted(self.orders, key=lambda o: (-o.weight, o.before, o.after)):
            g = self.g.copy()
            _add(g, o)
            for k in kept:
                _add(g, k)
            if nx.negative_edge_cycle(g, weight="weight"):
                a, b = self.events[o.before], self.events[o.after]
                self.issues.append(TemporalIssue(
                    kind="order-conflict",
                    message=(f"text says {a.id} ({_fmt(a)}) comes before {b.id} ({_fmt(b)}) [{o.evidence}], "
                             "but their dates say otherwise; the ordering was not used"),
                    events=[a.id, b.id],
                ))
                continue
            kept.append(o)
        g = self.g.copy()
        for k in kept:
            _add(g, k)
        if nx.negative_edge_cycle(g, weight="weight"):
            # dates alone are inconsistent (an event dated after its own report, say)
            self.issues.append(TemporalIssue(kind="date-conflict", message="event dates contradict their reports",
                                             events=sorted(self.events)))
            return {eid: Bounds(e.when.earliest, e.when.latest) for eid, e in self.events.items()}
        upper = nx.single_source_bellman_ford_path_length(g, ORIGIN, weight="weight")
        lower = nx.single_source_bellman_ford_path_length(g.reverse(copy=False), ORIGIN, weight="weight")
        out: dict[str, Bounds] = {}
        for eid in self.events:
            s_lo = lower.get(_s(eid))
            f_hi = upper.get(_f(eid))
            out[eid] = Bounds(
                date.fromordinal(int(-s_lo)) if s_lo is not None else None,
                date.fromordinal(int(f_hi)) if f_hi is not None else None,
            )
        self.kept = kept
        return out


def _add(g: nx.DiGraph, o: Order) -> None:
    # start(before) <= start(after):  s_before - s_after <= 0  -> edge s_after -> s_before, weight 0
    u, v = _s(o.after), _s(o.before)
    w = min(0, g[u][v]["weight"]) if g.has_edge(u, v) else 0
    g.add_edge(u, v, weight=w)


def _s(eid: str) -> str:
    return f"{eid}.start"


def _f(eid: str) -> str:
    return f"{eid}.end"


def _fmt(e: Event) -> str:
    if e.when.earliest and e.when.latest:
        return f"{e.when.earliest}..{e.when.latest}"
    return "undated"
