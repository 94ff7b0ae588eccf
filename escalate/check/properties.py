"""Property-based consistency of link rules, with hypothesis.

Event sets are generated from a few sides (some backed by others), the categories the rules
name, intensities and intervals with uncertainty. For every rule alone, and for the pack as a
whole, these properties must hold:

- ``temporal_soundness``  no link whose effect ends before its cause starts;
- ``acyclic``             the link graph has no cycle;
- ``order_independence``  shuffling the input changes no link;
- ``time_shift``          shifting every date by the same number of days changes no link;
- ``actor_renaming``      renaming sides consistently changes no link (rules may not single out actors);
- ``window_monotone``     widening a rule's window never removes one of its links;
- ``stated_confidence``   a stated link is never less confident than the inferred link for the same pair.

A violation is shrunk by hypothesis to a small event table and reported with the rule and property.
"""

from __future__ import annotations

import random
from collections.abc import Callable
from datetime import date, timedelta

from hypothesis import HealthCheck, given, settings
from hypothesis import seed as hyp_seed
from hypothesis import strategies as st

from escalate.links.linker import Linker, Stated
from escalate.links.rules import LinkRule, LocatedRule
from escalate.models import ActorRef, Citation, Event, When

SIDES = ["S1", "S2", "S3", "S4"]
BASE = date(2020, 1, 1)


class Violation(Exception):
    def __init__(self, prop: str, detail: str, events: list[Event]):
        super().__init__(f"{prop}: {detail}")
        self.prop = prop
        self.detail = detail
        self.events = events


def camp(ref: ActorRef) -> frozenset[str]:
    return frozenset({ref.side or ref.id, *ref.backed_by})


def _ref(side: str, sponsors: dict[str, str]) -> ActorRef:
    backed = [sponsors[side]] if side in sponsors else []
    return ActorRef(id=side, name=side, text=side, side=side, backed_by=backed)


def events_strategy(categories: list[str]) -> st.SearchStrategy[list[Event]]:
    sponsor = st.dictionaries(st.sampled_from(SIDES), st.sampled_from(SIDES), max_size=2).map(
        lambda d: {k: v for k, v in d.items() if k != v})
    row = st.tuples(
        st.sampled_from(SIDES), st.sampled_from(SIDES + [None]), st.sampled_from(categories),
        st.integers(-10, 10), st.integers(0, 240), st.integers(0, 20), st.booleans(),
    )

    def build(args: tuple[dict[str, str], list[tuple]]) -> list[Event]:
        sponsors, rows = args
        out = []
        for i, (a, t, cat, inten, day, width, dated) in enumerate(rows):
            if t == a:
                t = None
            when = When(earliest=BASE + timedelta(day), latest=BASE + timedelta(day + width)) if dated else When()
            out.append(Event(
                id=f"e{i}", category=cat, intensity=float(inten), actor=_ref(a, sponsors),
                target=_ref(t, sponsors) if t else None, when=when,
                citations=[Citation(doc="gen", sentence=f"gen:{i}", start=0, end=0, text="")],
            ))
        return out

    return st.tuples(sponsor, st.lists(row, min_size=2, max_size=8)).map(build)


def _links(linker: Linker, events: list[Event], stated: list[Stated] | None = None):
    links, _ = linker.link(events, stated or [])
    return {(ln.cause, ln.effect, ln.rule): ln for ln in links}


def _shift(events: list[Event], days: int) -> list[Event]:
    def mv(d: date | None) -> date | None:
        return d + timedelta(days) if d else None

    return [e.model_copy(update={"when": When(earliest=mv(e.when.earliest), latest=mv(e.when.latest))})
            for e in events]


def _rename(events: list[Event], mapping: dict[str, str]) -> list[Event]:
    def rn(r: ActorRef | None) -> ActorRef | None:
        if r is None:
            return None
        return ActorRef(id=mapping[r.id], name=mapping[r.id], text=mapping[r.id], side=mapping[r.side or r.id],
                        backed_by=[mapping[b] for b in r.backed_by])

    return [e.model_copy(update={"actor": rn(e.actor), "target": rn(e.target)}) for e in events]


def check_properties(rules: list[LocatedRule], pack: list[LocatedRule], max_examples: int, seed: int | None,
                     report: Callable[[LocatedRule | None, str, str, list[Event]], None]) -> None:
    """Run every property for each rule alone and for the whole pack; report violations."""
    categories = sorted({c for lr in pack for side in (lr.rule.cause, lr.rule.effect) for c in side.categories})
    subjects: list[tuple[LocatedRule | None, list[LocatedRule]]] = [(lr, [lr]) for lr in rules]
    subjects.append((None, pack))
    for subject, rs in subjects:
        linker = Linker(tuple(rs), camp)
        for prop in PROPERTIES:
            if prop is _window_monotone and subject is None:
                continue
            failure = _run(prop, linker, subject, categories, max_examples, seed)
            if failure is not None:
                report(subject, failure.prop, failure.detail, failure.events)
                break  # one shrunk counterexample per rule is enough to act on


def _run(prop, linker: Linker, subject: LocatedRule | None, categories: list[str], max_examples: int,
         seed: int | None) -> Violation | None:
    @settings(max_examples=max_examples, deadline=None, database=None, derandomize=seed is None,
              suppress_health_check=list(HealthCheck), print_blob=False)
    @given(events_strategy(categories), st.integers(-2000, 2000), st.randoms(use_true_random=False))
    def test(events: list[Event], days: int, rnd: random.Random) -> None:
        prop(linker, subject, events, days, rnd)

    if seed is not None:
        test = hyp_seed(seed)(test)
    try:
        test()
    except Violation as v:
        return v
    return None


# ---------------------------------------------------------------------- the properties
def _temporal_soundness(linker, subject, events, days, rnd) -> None:
    by_id = {e.id: e for e in events}
    for (c, e, _r), ln in _links(linker, events).items():
        ce, ee = by_id[c], by_id[e]
        if ce.when.earliest and ee.when.latest and ee.when.latest < ce.when.earliest:
            raise Violation("temporal_soundness", f"{ln.id} links {c} to {e}, which ends before {c} starts", events)


def _acyclic(linker, subject, events, days, rnd) -> None:
    import networkx as nx

    g = nx.DiGraph([(c, e) for (c, e, _r) in _links(linker, events)])
    if not nx.is_directed_acyclic_graph(g):
        raise Violation("acyclic", f"cycle {nx.find_cycle(g)}", events)


def _order_independence(linker, subject, events, days, rnd) -> None:
    shuffled = list(events)
    rnd.shuffle(shuffled)
    a, b = set(_links(linker, events)), set(_links(linker, shuffled))
    if a != b:
        raise Violation("order_independence", f"links differ after shuffling: {sorted(a ^ b)}", events)


def _time_shift(linker, subject, events, days, rnd) -> None:
    a, b = set(_links(linker, events)), set(_links(linker, _shift(events, days)))
    if a != b:
        raise Violation("time_shift", f"shifting by {days} days changes links: {sorted(a ^ b)}", events)


def _actor_renaming(linker, subject, events, days, rnd) -> None:
    perm = list(SIDES)
    rnd.shuffle(perm)
    mapping = {s: f"X{perm.index(s)}" for s in SIDES}
    a, b = set(_links(linker, events)), set(_links(linker, _rename(events, mapping)))
    if a != b:
        raise Violation("actor_renaming", f"renaming sides {mapping} changes links: {sorted(a ^ b)}", events)


def _window_monotone(linker, subject, events, days, rnd) -> None:
    rule: LinkRule = subject.rule
    wide = rule.model_copy(update={"window": rule.window.model_copy(update={
        "min_days": max(0.0, rule.window.min_days - 7), "max_days": rule.window.max_days + 30})})
    wider = Linker((LocatedRule(wide, subject.path, subject.line),), linker.camp)
    a = {k[:2] for k in _links(linker, events)}
    b = {k[:2] for k in _links(wider, events)}
    if not a <= b:
        raise Violation("window_monotone", f"widening the window removes links {sorted(a - b)}", events)


def _stated_confidence(linker, subject, events, days, rnd) -> None:
    base = _links(linker, events)
    if len(events) < 2:
        return
    c, e = events[0], events[1]
    st_pair = Stated(c.id, e.id, "in retaliation for", "gen:1", 0.9, "causal", "retaliation", "g", 0)
    stated = _links(linker, events, [st_pair])
    inferred = [ln for (ci, ei, _r), ln in base.items() if (ci, ei) == (c.id, e.id)]
    now = [ln for (ci, ei, _r), ln in stated.items() if (ci, ei) == (c.id, e.id)]
    if inferred and now and now[0].confidence < inferred[0].confidence:
        raise Violation("stated_confidence", f"stated link {now[0].confidence} < inferred {inferred[0].confidence} "
                        f"for {c.id} -> {e.id}", events)


PROPERTIES = [_temporal_soundness, _acyclic, _order_independence, _time_shift, _actor_renaming, _window_monotone,
              _stated_confidence]


def event_table(events: list[Event]) -> str:
    rows = [("id", "category", "intensity", "actor", "target", "earliest", "latest")]
    for e in events:
        def side(r: ActorRef | None) -> str:
            if r is None:
                return "-"
            return r.side + (f" (backed by {', '.join(r.backed_by)})" if r.backed_by else "")

        rows.append((e.id, e.category, f"{e.intensity:g}", side(e.actor), side(e.target),
                     str(e.when.earliest or "-"), str(e.when.latest or "-")))
    widths = [max(len(r[i]) for r in rows) for i in range(len(rows[0]))]
    return "\n".join("  ".join(c.ljust(w) for c, w in zip(r, widths, strict=True)).rstrip() for r in rows)
