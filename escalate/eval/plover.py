"""Score event coding against PLOVER gold records (one sentence each).

    python -m escalate.eval.plover ../shared/data/plover-gsr/dev.json [--limit N] [--worst N] [--json]

Each record (``text``, ``date``, ``event``, ``source``, ``target``) becomes one document published
on ``date``. Gold labels are PLOVER 0.5b1: FIGHT->ASSAULT, DEMAND->REQUEST, DISAPPROVE->ACCUSE,
INVESTIGATE->ACCUSE (mode investigate). Only asserted events are predictions. The record's
*matched* event is the first asserted event (text order) with the gold category, else the first
asserted event. See docs/evaluation-events.md for every definition.
"""

from __future__ import annotations

import argparse
import json
import sys
import time
from collections import Counter
from dataclasses import dataclass
from datetime import date
from pathlib import Path

from pydantic import BaseModel, Field

from escalate.eval.common import (
    Predicted,
    clip,
    code_matches,
    counts,
    norm_code,
    predicted,
    ratio,
    run,
    split_modality,
    table,
)
from escalate.models import ActorRef, Document, Event

LABELS = {"FIGHT": "ASSAULT", "DEMAND": "REQUEST", "DISAPPROVE": "ACCUSE", "INVESTIGATE": "ACCUSE"}
LABEL_MODES = {"INVESTIGATE": "investigate"}
# PLOVER 0.5 protest modes that split by who organised the act (-org / -spon) or name the kind of strike:
# the engine's mode for each (its lexicon cannot tell an organised demonstration from a spontaneous one)
MODE_NAMES = {"demo-org": "demonstrate", "demo-spon": "demonstrate", "riot-org": "riot", "riot-spon": "riot",
              "strike-gen": "strike", "strike-hun": "hunger-strike"}


class Gold(BaseModel):
    id: str
    text: str
    published: date | None = None
    label: str  # as written in the file
    category: str  # mapped to the engine's PLOVER categories
    mode: str | None = None
    sources: list[str] = Field(default_factory=list)  # normalised codes
    targets: list[str] = Field(default_factory=list)


class RecordRow(BaseModel):
    id: str
    gold: str
    label: str
    asserted: int = 0
    other: int = 0  # non-asserted events (negated, future, ...)
    first_category: str | None = None
    matched_category: str | None = None
    hit_first: bool = False
    hit_any: bool = False
    source: bool | None = None  # None: no gold source codes
    target: bool | None = None
    mode: bool | None = None  # None: no gold mode, or no matched event of the gold category
    matched_actor: bool = False  # the matched event has an actor
    matched_target: bool = False
    events: list[Predicted] = Field(default_factory=list)  # asserted first, then the others


class CategoryRow(BaseModel):
    category: str
    gold: int = 0
    correct: int = 0
    accuracy: float = 0.0
    first_correct: int = 0
    extra: int = 0  # asserted events beyond one in records of this gold category
    predicted_as: dict[str, int] = Field(default_factory=dict)  # matched category when wrong


class Scores(BaseModel):
    records: int = 0
    category_accuracy: float = 0.0  # matched event has the gold category (== any-event hit rate)
    any_event_hit_rate: float = 0.0
    first_event_accuracy: float = 0.0  # the first asserted event in text order has the gold category
    events_found: float = 0.0  # records with >= 1 asserted event
    extra_events_per_record: float = 0.0
    asserted_events: int = 0
    non_asserted_events: int = 0
    non_asserted_by_modality: dict[str, int] = Field(default_factory=dict)
    records_with_only_non_asserted: int = 0
    source_match: float = 0.0  # over records whose matched event has an actor (and gold has a source)
    source_match_n: int = 0
    source_match_all: float = 0.0  # over records with a gold source (missing actor = miss)
    source_match_all_n: int = 0
    target_match: float = 0.0
    target_match_n: int = 0
    target_match_all: float = 0.0
    target_match_all_n: int = 0
    mode_accuracy: float = 0.0  # records with a gold mode whose matched event has the gold category
    mode_n: int = 0
    cross_record_merges: int = 0


class Result(BaseModel):
    path: str
    scores: Scores = Field(default_factory=Scores)
    categories: list[CategoryRow] = Field(default_factory=list)
    records: list[RecordRow] = Field(default_factory=list)
    seconds: float = 0.0
    records_per_second: float = 0.0


def _codes(value) -> list[str]:
    if not isinstance(value, list):
        return []  # "", None, or free text such as "diplomatic": no gold actor
    out = []
    for item in value:
        code = item.get("code") if isinstance(item, dict) else item
        c = norm_code(code if isinstance(code, str) else None)
        if c and c not in out:
            out.append(c)
    return out


def load(path: Path, limit: int | None = None) -> list[Gold]:
    raw = json.loads(Path(path).read_text(encoding="utf-8"))
    if isinstance(raw, dict):
        raw = raw.get("records") or raw.get("data") or []
    out: list[Gold] = []
    for i, r in enumerate(raw):
        label = str(r.get("event", "")).strip().upper()
        d = None
        if r.get("date"):
            try:
                d = date.fromisoformat(str(r["date"])[:10])
            except ValueError:
                d = None
        out.append(Gold(
            id=str(r.get("id") or f"record-{i + 1:04d}"), text=str(r.get("text", "")), published=d, label=label,
            category=LABELS.get(label, label),
            mode=LABEL_MODES.get(label) or MODE_NAMES.get(r.get("mode") or "", r.get("mode") or None),
            sources=_codes(r.get("source")), targets=_codes(r.get("target")),
        ))
        if limit is not None and len(out) >= limit:
            break
    return out


@dataclass
class _Tally:
    """Source or target matching: hits, records whose matched event has the party, all records."""

    hit: int = 0
    with_ref: int = 0
    total: int = 0

    def add(self, codes: list[str], ref: ActorRef | None) -> bool:
        ok = any(code_matches(c, ref) for c in codes)
        self.total += 1
        self.with_ref += ref is not None
        self.hit += ok
        return ok


def score(golds: list[Gold], per_doc: dict[str, list[Event]]) -> tuple[Scores, list[CategoryRow], list[RecordRow]]:
    """Pure scoring: gold records against {record id: predicted events}."""
    rows: list[RecordRow] = []
    cats: dict[str, CategoryRow] = {}
    s = Scores(records=len(golds))
    modality = Counter()
    found = extra = hit_any = hit_first = mode_ok = 0
    src, tgt = _Tally(), _Tally()
    for g in golds:
        asserted, other = split_modality(per_doc.get(g.id, []))
        for e in other:
            modality[e.modality] += 1
        row = RecordRow(id=g.id, gold=g.category, label=g.label, asserted=len(asserted), other=len(other),
                        events=[predicted(e) for e in asserted + other])
        cat = cats.setdefault(g.category, CategoryRow(category=g.category))
        cat.gold += 1
        s.asserted_events += len(asserted)
        s.non_asserted_events += len(other)
        if not asserted and other:
            s.records_with_only_non_asserted += 1
        matched: Event | None = None
        if asserted:
            found += 1
            n_extra = len(asserted) - 1
            extra += n_extra
            cat.extra += n_extra
            row.first_category = asserted[0].category
            matched = next((e for e in asserted if e.category == g.category), asserted[0])
            row.matched_category = matched.category
            row.hit_any = matched.category == g.category
            row.hit_first = asserted[0].category == g.category
        if row.hit_any:
            hit_any += 1
            cat.correct += 1
            if g.mode and matched is not None:
                row.mode = matched.mode == g.mode
                s.mode_n += 1
                mode_ok += row.mode
        else:
            key = row.matched_category or "(none)"
            cat.predicted_as[key] = cat.predicted_as.get(key, 0) + 1
        if row.hit_first:
            hit_first += 1
            cat.first_correct += 1
        actor = matched.actor if matched else None
        target = matched.target if matched else None
        row.matched_actor = actor is not None
        row.matched_target = target is not None
        if g.sources:
            row.source = src.add(g.sources, actor)
        if g.targets:
            row.target = tgt.add(g.targets, target)
        rows.append(row)
    n = len(golds)
    s.category_accuracy = ratio(hit_any, n)
    s.any_event_hit_rate = ratio(hit_any, n)
    s.first_event_accuracy = ratio(hit_first, n)
    s.events_found = ratio(found, n)
    s.extra_events_per_record = ratio(extra, n)
    s.non_asserted_by_modality = dict(sorted(modality.items()))
    # a hit requires an actor, so hits over "has actor" and over "all" share the numerator
    s.source_match, s.source_match_n = ratio(src.hit, src.with_ref), src.with_ref
    s.source_match_all, s.source_match_all_n = ratio(src.hit, src.total), src.total
    s.target_match, s.target_match_n = ratio(tgt.hit, tgt.with_ref), tgt.with_ref
    s.target_match_all, s.target_match_all_n = ratio(tgt.hit, tgt.total), tgt.total
    s.mode_accuracy = ratio(mode_ok, s.mode_n)
    for c in cats.values():
        c.accuracy = ratio(c.correct, c.gold)
        c.predicted_as = dict(sorted(c.predicted_as.items(), key=lambda kv: (-kv[1], kv[0])))
    return s, sorted(cats.values(), key=lambda c: (-c.gold, c.category)), rows


def evaluate(path: Path, limit: int | None = None, pipe=None) -> Result:
    golds = load(Path(path), limit)
    if pipe is None:
        from escalate.pipeline import Pipeline

        pipe = Pipeline()
    docs = [Document(id=g.id, text=g.text, published=g.published, published_from="record") for g in golds]
    t0 = time.perf_counter()
    per_doc, merged = run(pipe, docs)
    seconds = time.perf_counter() - t0
    scores, cats, rows = score(golds, per_doc)
    scores.cross_record_merges = merged
    return Result(path=str(path), scores=scores, categories=cats, records=rows, seconds=round(seconds, 3),
                  records_per_second=round(len(golds) / seconds, 1) if seconds else 0.0)


def render(result: Result, worst: int = 20, texts: dict[str, str] | None = None) -> str:
    s = result.scores
    lines = [f"PLOVER gold: {result.path}  ({s.records} records, {result.seconds:.2f}s, "
             f"{result.records_per_second:.1f} records/s)", ""]
    lines += table(["metric", "value", "n"], [
        ["category accuracy (matched event; = any-event hit rate)", s.category_accuracy, s.records],
        ["first-event category accuracy", s.first_event_accuracy, s.records],
        ["events found (>=1 asserted)", s.events_found, s.records],
        ["extra asserted events per record", s.extra_events_per_record, s.records],
        ["source match (matched event has actor)", s.source_match, s.source_match_n],
        ["source match (all records with gold source)", s.source_match_all, s.source_match_all_n],
        ["target match (matched event has target)", s.target_match, s.target_match_n],
        ["target match (all records with gold target)", s.target_match_all, s.target_match_all_n],
        ["mode match (category hit, gold has a mode)", s.mode_accuracy, s.mode_n],
    ])
    mod = counts(s.non_asserted_by_modality) or "none"
    lines.append(f"asserted events {s.asserted_events}; not asserted {s.non_asserted_events} ({mod}); "
                 f"records with only non-asserted events {s.records_with_only_non_asserted}; "
                 f"cross-record merges {s.cross_record_merges}")
    lines.append("")
    lines += table(["category", "gold", "correct", "acc", "first", "extra", "wrong -> predicted"], [
        [c.category, c.gold, c.correct, c.accuracy, c.first_correct, c.extra,
         counts(c.predicted_as)] for c in result.categories
    ])
    if worst > 0:
        misses = [r for r in result.records if not r.hit_any]
        # records with no asserted event first, then wrong category; stable by id
        misses.sort(key=lambda r: (r.asserted > 0, r.gold, r.id))
        lines.append("")
        lines.append(f"category misses ({min(worst, len(misses))} of {len(misses)}):")
        for r in misses[:worst]:
            pred = ", ".join(f"{p.category}/{p.mode or '-'}" + ("" if p.modality == "asserted" else f"({p.modality})")
                             for p in r.events) or "nothing"
            text = (texts or {}).get(r.id, "")
            lines.append(f"  {r.id}  gold {r.gold}  predicted {pred}")
            if text:
                lines.append(f"      {clip(text, 200)}")
        amiss = [r for r in result.records if r.hit_any and (r.source is False or r.target is False)]
        lines.append("")
        lines.append(f"actor misses on correctly categorised records ({min(worst, len(amiss))} of {len(amiss)}):")
        for r in amiss[:worst]:
            ev = next(p for p in r.events if p.category == r.gold and p.modality == "asserted")
            lines.append(f"  {r.id}  source {_ok(r.source)} actor={ev.actor or '-'}  "
                         f"target {_ok(r.target)} target={ev.target or '-'}")
            if texts and r.id in texts:
                lines.append(f"      {clip(texts[r.id], 200)}")
    return "\n".join(lines)


def _ok(v: bool | None) -> str:
    return "n/a" if v is None else ("ok" if v else "MISS")


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(prog="python -m escalate.eval.plover", description=__doc__.split("\n")[0])
    ap.add_argument("path", type=Path, help="PLOVER gold JSON (a list of records)")
    ap.add_argument("--limit", type=int, default=None, help="score only the first N records")
    ap.add_argument("--worst", type=int, default=20, help="how many misses to list")
    ap.add_argument("--json", action="store_true", help="print the result as JSON")
    ap.add_argument("--no-timing", action="store_true", help="zero the timing fields (byte-identical reruns)")
    args = ap.parse_args(argv)
    if not args.path.is_file():
        print(f"{args.path} not found; skipping")
        return 0
    result = evaluate(args.path, args.limit)
    if args.no_timing:
        result.seconds = result.records_per_second = 0.0
    if args.json:
        print(result.model_dump_json(indent=2))
    else:
        texts = {g.id: g.text for g in load(args.path, args.limit)}
        print(render(result, args.worst, texts))
    return 0


if __name__ == "__main__":
    sys.exit(main())
