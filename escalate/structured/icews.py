"""Import ICEWS events packaged for temporal-KG research (RE-Net's ICEWS18 and kin).

A folder holds ``entity2id.txt`` (``name \\t id``), ``relation2id.txt`` (CAMEO verb name \\t id)
and quad files (``subject \\t relation \\t object \\t hour \\t 0``, ids; hour 0 = 2018-01-01 00:00
for ICEWS18). Each quad becomes one ``Event``:

- category, CAMEO code, Goldstein intensity and mode from ``rules/structured/cameo.yaml``;
  relations mapped to ``null`` (CAMEO 01, public statements) are not imported;
- actor and target ``ActorRef``s whose ``side`` is a state resolved through the actor lexicon:
  the entity itself when the lexicon knows it ("Iran", "Donald Trump" -> USA while in office,
  "Taliban"), else the country in parentheses ("Police (Nigeria)" -> NGA), else the name itself;
- ``when.earliest == when.latest`` = the record's day;
- one ``Citation`` that points at the record, not at a sentence: doc ``icews18``, sentence
  ``icews18:<file>:<line>``, offsets 0, and a readable rendering of the record as text.

    python -m escalate.structured.icews FOLDER [--limit N] [--eval]
"""

from __future__ import annotations

import argparse
import re
import statistics
import sys
import warnings
from bisect import bisect_left
from collections import Counter
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from datetime import date, timedelta
from functools import lru_cache
from pathlib import Path
from typing import Literal

from pydantic import Field, model_validator

from escalate.errors import InputError
from escalate.events.actors import ActorLexicon, load_actors
from escalate.models import ActorRef, Citation, Event, Strict, When
from escalate.resources import rules_dir as bundled_rules_dir
from escalate.yamlio import load_yaml, validate

Category = Literal[
    "AGREE", "CONSULT", "SUPPORT", "CONCEDE", "COOPERATE", "AID", "RETREAT", "REQUEST", "ACCUSE", "REJECT",
    "THREATEN", "PROTEST", "SANCTION", "MOBILIZE", "COERCE", "ASSAULT",
]

EPOCH = date(2018, 1, 1)  # ICEWS18: hour 0
DOC = "icews18"


class CameoRelation(Strict):
    """One ICEWS relation name (a CAMEO verb text) and what it becomes."""

    name: str
    category: Category | None  # None: not imported (CAMEO 01 statements)
    cameo: str = Field(pattern=r"^[0-9]{2,4}$")
    intensity: float = Field(ge=-10.0, le=10.0)  # Goldstein
    mode: str | None = None


class CameoMap(Strict):
    source: str | None = None
    places: dict[str, str] = Field(default_factory=dict)  # ICEWS place spelling -> actor id
    relations: list[CameoRelation]

    @model_validator(mode="after")
    def _unique(self) -> CameoMap:
        dup = sorted(n for n, k in Counter(r.name for r in self.relations).items() if k > 1)
        if dup:
            raise ValueError(f"relation names listed twice: {', '.join(dup)}")
        return self


def _cameo_path(rules_dir: Path) -> Path:
    path = rules_dir / "structured" / "cameo.yaml"
    return path if path.exists() else bundled_rules_dir() / "structured" / "cameo.yaml"


@lru_cache(maxsize=8)
def load_cameo_map(rules_dir: Path | None = None) -> CameoMap:
    """``rules/structured/cameo.yaml`` of ``rules_dir`` (falling back to the bundled one); a
    ``RulesError`` with file:line:column for every problem."""
    return validate(CameoMap, load_yaml(_cameo_path(rules_dir or bundled_rules_dir())))


def load_cameo(rules_dir: Path | None = None) -> dict[str, CameoRelation]:
    """Relation name -> what it becomes."""
    return {r.name: r for r in load_cameo_map(rules_dir).relations}


# --------------------------------------------------------------------------- actors
_PAREN = re.compile(r"^(?P<head>.*?)\s*\((?P<place>[^()]+)\)$")


def _norm(name: str) -> str:
    return " ".join(name.split())


@dataclass
class Resolver:
    """ICEWS entity names -> ``ActorRef`` with a state side, cached per (name, day)."""

    lexicon: ActorLexicon
    places: dict[str, str] = field(default_factory=dict)  # extra spellings -> actor id
    _static: dict[str, tuple[str | None, str | None]] = field(default_factory=dict)
    _refs: dict[tuple[str, date], ActorRef] = field(default_factory=dict)

    def _lookup(self, surface: str) -> str | None:
        hits = self.lexicon._surface.get(_norm(surface))
        if not hits:
            extra = self.places.get(_norm(surface))
            return extra if extra in self.lexicon.actors else None
        # an alias or a person's name before a capital or a demonym
        order = {"alias": 0, "person": 0, "capital": 1, "demonym": 2}
        return sorted(hits, key=lambda h: (order.get(h[1], 3), h[0]))[0][0]

    def _resolve(self, name: str) -> tuple[str | None, str | None]:
        """(actor id of the entity itself, actor id of the state in parentheses)."""
        if name not in self._static:
            own = self._lookup(name)
            place = None
            m = _PAREN.match(name)
            if own is None and m:
                place = self._lookup(m["place"])
                head = self._lookup(m["head"]) if m["head"] else None
                # the head only when it belongs to that place: "Security Council (Iran)" is Iran's
                # council, not the UN's; "Joint Chiefs of Staff (South Korea)" not the US's
                if head is not None and (place is None or self.lexicon.country(head) == self.lexicon.country(place)):
                    own = head
            self._static[name] = (own, place)
        return self._static[name]

    def ref(self, name: str, day: date) -> ActorRef:
        key = (name, day)
        got = self._refs.get(key)
        if got is not None:
            return got
        own, place = self._resolve(name)
        lx = self.lexicon
        if own is not None:
            a = lx.actors[own]
            side = lx.root(own, day)
            ref = ActorRef(id=own, name=a.name, text=name, country=lx.country(own, day), kind=a.kind,
                           backed_by=sorted(lx.camp(own, day) - {side}), side=side)
        elif place is not None:
            side = lx.root(place, day)
            ref = ActorRef(id=f"icews:{_norm(name)}", name=name, text=name, country=lx.country(place, day),
                           backed_by=sorted(lx.camp(place, day) - {side}), side=side)
        else:
            ref = ActorRef(id=f"icews:{_norm(name)}", name=name, text=name, side=_norm(name))
        self._refs[key] = ref
        return ref


# --------------------------------------------------------------------------- reading
def _table(path: Path) -> dict[int, str]:
    """``name \\t id`` lines -> {id: name}."""
    if not path.exists():
        raise InputError(f"{path}: not found (an ICEWS folder needs entity2id.txt and relation2id.txt)")
    out: dict[int, str] = {}
    with path.open(encoding="utf-8") as fh:
        for n, line in enumerate(fh, 1):
            if not line.strip():
                continue
            name, _, ident = line.rstrip("\n").rpartition("\t")
            try:
                out[int(ident)] = name.strip()
            except ValueError:
                raise InputError(f"{path}:{n}: expected 'name<TAB>id', got {line.strip()!r}") from None
    return out


def read_icews(folder: Path | str, files: Sequence[str] = ("valid.txt", "test.txt"), limit: int | None = None,
               rules_dir: Path | None = None, unknown: Literal["error", "skip"] = "error",
               epoch: date = EPOCH, doc: str = DOC) -> list[Event]:
    """ICEWS quads of ``files`` (those present in ``folder``) as events, in file and line order.

    A relation name missing from the CAMEO table is an ``InputError`` naming it (``unknown="skip"``:
    a warning and the record is left out). Relations mapped to null are left out silently.
    ``limit`` caps the number of events returned."""
    folder = Path(folder)
    rd = rules_dir or bundled_rules_dir()
    spec_map = load_cameo_map(rd)
    cameo = {r.name: r for r in spec_map.relations}
    entities = _table(folder / "entity2id.txt")
    relations = _table(folder / "relation2id.txt")
    missing = sorted({n for n in relations.values() if n not in cameo})
    if missing and unknown == "error":
        raise InputError(f"{folder / 'relation2id.txt'}: relation(s) not in {_cameo_path(rd)}: "
                         + "; ".join(repr(n) for n in missing))
    if missing:
        warnings.warn(f"ICEWS relations not in the CAMEO table, records skipped: {'; '.join(missing)}",
                      stacklevel=2)
    resolver = Resolver(load_actors(rd), dict(spec_map.places))
    whens: dict[int, When] = {}
    out: list[Event] = []
    present = [f for f in files if (folder / f).exists()]
    if not present:
        raise InputError(f"{folder}: none of {', '.join(files)} found")
    for fname in present:
        with (folder / fname).open(encoding="utf-8") as fh:
            for n, line in enumerate(fh, 1):
                if limit is not None and len(out) >= limit:
                    return out
                parts = line.split("\t")
                if len(parts) < 4:
                    if line.strip():
                        raise InputError(f"{folder / fname}:{n}: expected subject, relation, object, hour")
                    continue
                try:
                    s, r, o, hour = (int(p) for p in parts[:4])
                    subj, rel, obj = entities[s], relations[r], entities[o]
                except (ValueError, KeyError) as exc:
                    raise InputError(f"{folder / fname}:{n}: bad record ({exc})") from None
                spec = cameo.get(rel)
                if spec is None or spec.category is None:
                    continue
                day_n = hour // 24
                when = whens.get(day_n)
                if when is None:
                    d = epoch + timedelta(days=day_n)
                    when = whens[day_n] = When(value=d.isoformat(), earliest=d, latest=d)
                d = when.earliest
                assert d is not None
                rid = f"{doc}:{fname}:{n}"
                out.append(Event(
                    id=f"icews:{fname}:{n}", category=spec.category, mode=spec.mode, cameo=spec.cameo,
                    intensity=spec.intensity, actor=resolver.ref(subj, d), target=resolver.ref(obj, d), when=when,
                    citations=[Citation(doc=doc, sentence=rid, start=0, end=0,
                                        text=f"{subj} — {rel} — {obj} — {d.isoformat()}")],
                ))
    return out


# --------------------------------------------------------------------------- evaluation
DELAY_BINS = ((0, 0), (1, 1), (2, 2), (3, 3), (4, 7), (8, 14), (15, 30), (31, 60), (61, 10**6))


def _bin(d: int) -> str:
    for lo, hi in DELAY_BINS:
        if lo <= d <= hi:
            return str(lo) if lo == hi else (f"{lo}-{hi}" if hi < 10**6 else f">{lo - 1}")
    return "?"


def reciprocity(events: Iterable[Event], window: int = 120) -> dict:
    """How ASSAULT answers ASSAULT in the data: for each ASSAULT A->B (entity level, A != B), the delay
    in days to the first ASSAULT B->A on the same day or later, within ``window`` days."""
    days: dict[tuple[str, str], list[int]] = {}
    for e in events:
        if e.category == "ASSAULT" and e.actor and e.target and e.actor.text != e.target.text:
            days.setdefault((e.actor.text, e.target.text), []).append(e.when.earliest.toordinal())  # type: ignore[union-attr]
    for v in days.values():
        v.sort()
    delays: list[int] = []
    total = 0
    for (a, b), ds in days.items():
        back = days.get((b, a), [])
        for d in ds:
            total += 1
            k = bisect_left(back, d)
            if k < len(back) and back[k] - d <= window:
                delays.append(back[k] - d)
    hist = Counter(_bin(d) for d in delays)
    return {"assaults": total, "answered": len(delays), "delays": delays,
            "histogram": {_bin(lo): hist.get(_bin(lo), 0) for lo, _ in DELAY_BINS},
            "median": statistics.median(delays) if delays else None}


def evaluate(events: list[Event], rules: Path | None = None) -> str:
    """Link the events with the rule pack, then describe reciprocity of ASSAULT in the data."""
    from escalate.links.linker import Linker
    from escalate.links.rules import load_rules
    from escalate.pipeline import camp

    rd = rules or bundled_rules_dir()
    links, _issues = Linker(load_rules(rd), camp).link(events, [])
    by_id = {e.id: e for e in events}
    lines = [f"events {len(events):,}  ASSAULT {sum(e.category == 'ASSAULT' for e in events):,}  links {len(links):,}"]
    for rule, n in sorted(Counter(ln.rule for ln in links).items()):
        lines.append(f"  {rule:28s} {n:9,}")
    retal = [ln for ln in links if ln.label == "retaliation" and by_id[ln.cause].category == "ASSAULT"
             and by_id[ln.effect].category == "ASSAULT"]
    # sanity: a link is between sides; does the data hold the reverse ASSAULT between the same entities?
    asl: dict[tuple[str, str], list[int]] = {}
    for e in events:
        if e.category == "ASSAULT" and e.actor and e.target:
            asl.setdefault((e.actor.text, e.target.text), []).append(e.when.earliest.toordinal())  # type: ignore[union-attr]
    exact = 0
    for ln in retal:
        c, e = by_id[ln.cause], by_id[ln.effect]
        if (e.actor.text, e.target.text) == (c.target.text, c.actor.text):  # type: ignore[union-attr]
            exact += 1
    lines.append(f"inferred ASSAULT->ASSAULT retaliation links: {len(retal):,}; between the same two entities "
                 f"reversed: {exact:,} ({exact / len(retal):.1%})" if retal else "no ASSAULT retaliation links")
    if retal:
        gaps = [by_id[ln.effect].when.earliest.toordinal() - by_id[ln.cause].when.earliest.toordinal()  # type: ignore[union-attr]
                for ln in retal]
        lines.append(f"  link delay (days): median {statistics.median(gaps)}, "
                     f"share within 7 days {sum(g <= 7 for g in gaps) / len(gaps):.1%}")
    rec = reciprocity(events)
    lines.append(f"entity-level ASSAULT A->B answered by ASSAULT B->A within 120 days: {rec['answered']:,} of "
                 f"{rec['assaults']:,} ({rec['answered'] / max(1, rec['assaults']):.1%}); median delay {rec['median']} days")
    lines.append("  delay (days)  " + "  ".join(f"{k}: {v:,}" for k, v in rec["histogram"].items()))
    span = [e.when.earliest for e in events if e.when.earliest]
    if span:
        lines.append(f"  (data span {min(span)} .. {max(span)}: delays are right-censored at its end)")
    return "\n".join(lines)


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(prog="python -m escalate.structured.icews", description=__doc__.split("\n")[0])
    ap.add_argument("folder", type=Path)
    ap.add_argument("--files", nargs="+", default=["valid.txt", "test.txt"])
    ap.add_argument("--limit", type=int)
    ap.add_argument("--rules", type=Path)
    ap.add_argument("--eval", action="store_true", help="link the events and describe ASSAULT reciprocity")
    args = ap.parse_args(argv)
    if not args.folder.is_dir():
        print(f"{args.folder}: no such folder; nothing to do", file=sys.stderr)
        return 0
    events = read_icews(args.folder, tuple(args.files), args.limit, args.rules)
    cats = Counter(e.category for e in events)
    print(f"{len(events):,} events imported from {args.folder}")
    print("  " + "  ".join(f"{c} {n:,}" for c, n in cats.most_common()))
    if args.eval:
        print(evaluate(events, args.rules))
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
