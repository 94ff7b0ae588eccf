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
        self.reported_by = reported_by
        self.orders: list[Order] = []
        self.issues: list[TemporalIssue] = []
        self.kept: list[Order] = []

    def _constraints(self, g: nx.DiGraph, e: Event) -> None:
        """Edges of one event: s <= f, dates, and the report's publication date."""
        s, f = _s(e.id), _f(e.id)
        _edge(g, f, s, 0)  # s <= f
        if e.when.earliest:
            _edge(g, s, ORIGIN, -e.when.earliest.toordinal())
        if e.when.latest:
            _edge(g, ORIGIN, f, e.when.latest.toordinal())
        dct = self.reported_by.get(e.id)
        if dct and e.modality in ("asserted", "negated", "denied", "habitual"):
            # what a report tells as having happened started no later than the report
            _edge(g, ORIGIN, s, dct.toordinal())
            if e.modality == "asserted" and not (e.when.latest and e.when.latest > dct):
                _edge(g, ORIGIN, f, dct.toordinal())

    def add_order(self, order: Order) -> None:
        if order.before in self.events and order.after in self.events and order.before != order.after:
            self.orders.append(order)

    def solve(self) -> dict[str, Bounds]:
        """Tightest start/end bounds for every event; conflicting textual orders are dropped.

        Only events tied by an ordering need the network; each connected group is solved on its
        own (events with no ordering keep their own bounds), so the cost follows the orderings."""
        out: dict[str, Bounds] = {}
        # an event whose own dates contradict its report (told as done, dated after the report) is
        # reported and kept out of the network: one bad date must not void the reasoning on the others
        conflicted = {eid for eid, e in self.events.items() if self._own(e)[2]}
        usable = [o for o in self.orders if o.before not in conflicted and o.after not in conflicted]
        components = nx.Graph()
        components.add_edges_from((o.before, o.after) for o in usable)
        for eid, e in self.events.items():
            if eid not in components:
                out[eid] = self._alone(e)
        by_node = {}
        for i, comp in enumerate(sorted(nx.connected_components(components), key=min)):
            for n in comp:
                by_node[n] = i
        for i, comp in enumerate(sorted(nx.connected_components(components), key=min)):
            orders = [o for o in usable if by_node[o.before] == i]
            out.update(self._solve_group(sorted(comp), orders))
        return out

    def _own(self, e: Event) -> tuple[date | None, date | None, bool]:
        """The network of one event, solved in closed form: start >= earliest, end <= latest and
        (for what the report tells as done) end <= the report's date. The bounds, and whether they
        contradict each other."""
        lo, hi = e.when.earliest, e.when.latest
        dct = self.reported_by.get(e.id)
        told = dct and e.modality in ("asserted", "negated", "denied", "habitual")
        if told and e.modality == "asserted" and not (hi and hi > dct):
            hi = min(hi, dct) if hi else dct
        return lo, hi, bool((lo and hi and lo > hi) or (told and lo and lo > dct))

    def _alone(self, e: Event) -> Bounds:
        lo, hi, conflict = self._own(e)
        if conflict:
            self.issues.append(TemporalIssue(kind="date-conflict", events=[e.id],
                                             message=f"{e.id} is dated {_fmt(e)} but reported on "
                                                     f"{self.reported_by.get(e.id)}"))
            return Bounds(e.when.earliest, e.when.latest)
        return Bounds(lo, hi)

    def _solve_group(self, ids: list[str], orders: list[Order]) -> dict[str, Bounds]:
        g = nx.DiGraph()
        g.add_node(ORIGIN)
        for eid in ids:
            self._constraints(g, self.events[eid])
        if nx.negative_edge_cycle(g, weight="weight"):
            self.issues.append(TemporalIssue(kind="date-conflict", message="event dates contradict their reports",
                                             events=ids))
            return {eid: Bounds(self.events[eid].when.earliest, self.events[eid].when.latest) for eid in ids}
        for o in sorted(orders, key=lambda o: (-o.weight, o.before, o.after)):
            trial = g.copy()
            _add(trial, o)
            if nx.negative_edge_cycle(trial, weight="weight"):
                a, b = self.events[o.before], self.events[o.after]
                self.issues.append(TemporalIssue(
                    kind="order-conflict",
                    message=(f"text says {a.id} ({_fmt(a)}) comes before {b.id} ({_fmt(b)}) [{o.evidence}], "
                             "but their dates say otherwise; the ordering was not used"),
                    events=[a.id, b.id],
                ))
                continue
            g = trial
            self.kept.append(o)
        return self._bounds(g, ids)

    def _bounds(self, g: nx.DiGraph, ids: list[str]) -> dict[str, Bounds]:
        upper = nx.single_source_bellman_ford_path_length(g, ORIGIN, weight="weight")
        lower = nx.single_source_bellman_ford_path_length(g.reverse(copy=False), ORIGIN, weight="weight")
        out = {}
        for eid in ids:
            s_lo = lower.get(_s(eid))
            f_hi = upper.get(_f(eid))
            w = self.events[eid].when
            if w.earliest is None and w.latest is None:
                # an act told with no date at all is taken as a point: what bounds its start bounds it
                # ("by 22 March" when it came before an act of 22 March, not the report's date)
                s_hi = upper.get(_s(eid))
                if s_hi is not None and (f_hi is None or s_hi < f_hi):
                    f_hi = s_hi
            out[eid] = Bounds(
                date.fromordinal(int(-s_lo)) if s_lo is not None else None,
                date.fromordinal(int(f_hi)) if f_hi is not None else None,
            )
        return out


def _edge(g: nx.DiGraph, u: str, v: str, w: int) -> None:
    if g.has_edge(u, v):
        w = min(w, g[u][v]["weight"])
    g.add_edge(u, v, weight=w)


def _add(g: nx.DiGraph, o: Order) -> None:
    # start(before) <= start(after):  s_before - s_after <= 0  -> edge s_after -> s_before, weight 0
    _edge(g, _s(o.after), _s(o.before), 0)


def _s(eid: str) -> str:
    return f"{eid}.start"


def _f(eid: str) -> str:
    return f"{eid}.end"


def _fmt(e: Event) -> str:
    if e.when.earliest and e.when.latest:
        return f"{e.when.earliest}..{e.when.latest}"
    return "undated"
