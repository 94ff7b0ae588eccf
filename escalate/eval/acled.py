"""Score event coding against ACLED event notes.

    python -m escalate.eval.acled ../shared/data/acled/acled-world-2020-05.csv [--limit N] [--sample K] [--json]

Each row's ``notes`` becomes one document published on the row's ``event_date`` (the notes say
"On 9 May 2020, ..." and the tagger resolves that anyway). ACLED event types map to PLOVER
categories (``TYPE_MAP``); category recall is scored on the five violent/demonstration types and
strategic developments are reported apart, by sub-event type. See docs/evaluation-events.md.
"""

from __future__ import annotations

import argparse
import csv
import sys
import time
from collections import Counter
from datetime import date, datetime
from pathlib import Path

from pydantic import BaseModel, Field

from escalate.eval.common import (
    Predicted,
    actor_codes,
    clip,
    counts,
    normalise_name,
    predicted,
    ratio,
    run,
    split_modality,
    table,
)
from escalate.models import ActorRef, Document, Event

# ACLED event_type -> accepted PLOVER categories (scored)
TYPE_MAP: dict[str, tuple[str, ...]] = {
    "Battles": ("ASSAULT",),
    "Explosions/Remote violence": ("ASSAULT",),
    "Violence against civilians": ("ASSAULT",),
    "Protests": ("PROTEST",),
    "Riots": ("PROTEST", "ASSAULT"),  # mob violence is coded ASSAULT, demonstrations PROTEST
}
STRATEGIC = "Strategic developments"
# strategic development sub_event_type -> accepted categories; () = any asserted event
STRATEGIC_MAP: dict[str, tuple[str, ...]] = {
    "Agreement": ("AGREE",),
    "Arrests": ("COERCE",),
    "Looting/property destruction": ("COERCE", "ASSAULT"),
    "Headquarters or base established": ("MOBILIZE",),
    "Non-violent transfer of territory": ("RETREAT", "COERCE"),
}
# ACLED sub_event_type -> PLOVER ASSAULT modes that tell the same means (scored on hits of these types;
# "Armed clash" and "Attack" name no means)
MODE_MAP: dict[str, tuple[str, ...]] = {
    "Air/drone strike": ("aerial", "drone"),
    "Shelling/artillery/missile attack": ("heavy-weapons", "aerial"),  # a missile strike is coded aerial
    "Remote explosive/landmine/IED": ("explosives", "suicide-attack"),
    "Suicide bomb": ("suicide-attack",),
    "Grenade": ("explosives",),
    "Abduction/forced disappearance": ("abduct",),
    "Sexual violence": ("sexual",),
}
# ACLED actor-name words that say nothing about who the actor is
_GENERIC_ACTOR = {"protesters", "rioters", "civilians", "unidentified armed group", "unidentified gang",
                  "unidentified military forces", "military forces", "police forces", "private security forces"}


class Row(BaseModel):
    id: str
    event_date: date
    event_type: str
    sub_event_type: str = ""
    actor1: str = ""
    actor2: str = ""
    country: str = ""
    iso3: str = ""
    notes: str = ""
    fatalities: int | None = None


class RowResult(BaseModel):
    id: str
    event_type: str
    sub_event_type: str
    accepted: list[str] = Field(default_factory=list)  # empty: any category
    asserted: int = 0
    other: int = 0
    hit: bool = False
    categories: list[str] = Field(default_factory=list)  # asserted categories, text order
    dated: bool | None = None  # None: no matched event / no date on it
    date_ok: bool | None = None
    exact_day: bool | None = None
    actor_ok: bool | None = None  # None: no matched event
    actor_how: str | None = None  # country | name | None
    fatalities_gold: int | None = None
    fatalities_pred: int | None = None
    mode_ok: bool | None = None  # None: no mode to score (sub-event type not in MODE_MAP, or no hit)
    modes: list[str] = Field(default_factory=list)  # modes of the accepted events
    matched: Predicted | None = None


class TypeRow(BaseModel):
    event_type: str
    rows: int = 0
    hit: int = 0
    recall: float = 0.0
    none: int = 0  # rows with no asserted event
    predicted_as: dict[str, int] = Field(default_factory=dict)  # first asserted category on misses


class Scores(BaseModel):
    rows: int = 0  # rows scored (after --limit / --sample)
    scored_rows: int = 0  # rows of the five mapped types
    category_recall: float = 0.0
    events_found: float = 0.0  # scored rows with >= 1 asserted event
    asserted_events: int = 0
    non_asserted_events: int = 0
    non_asserted_by_modality: dict[str, int] = Field(default_factory=dict)
    extra_events_per_row: float = 0.0  # asserted events beyond one, scored rows
    date_accuracy: float = 0.0
    date_n: int = 0  # hits whose matched event has earliest and latest
    exact_day: float = 0.0  # earliest == latest == event_date, over date_n
    undated_hits: int = 0
    actor_match: float = 0.0
    actor_n: int = 0  # hits (matched event exists)
    actor_match_by_country: int = 0
    actor_match_by_name: int = 0
    fatalities_agreement: float = 0.0  # exact, where both known
    fatalities_n: int = 0
    fatalities_mae: float = 0.0
    mode_accuracy: float = 0.0  # hits of a sub-event type that names a means: an accepted event has that mode
    mode_n: int = 0
    mode_missing: int = 0  # ... of which no accepted event has a mode at all
    strategic_rows: int = 0
    strategic_hit: int = 0
    strategic_recall: float = 0.0
    cross_record_merges: int = 0


class Result(BaseModel):
    path: str
    sample: int | None = None
    limit: int | None = None
    scores: Scores = Field(default_factory=Scores)
    types: list[TypeRow] = Field(default_factory=list)
    strategic: list[TypeRow] = Field(default_factory=list)
    rows: list[RowResult] = Field(default_factory=list)
    seconds: float = 0.0
    rows_per_second: float = 0.0


def parse_date(s: str) -> date:
    s = s.strip()
    for fmt in ("%d-%b-%y", "%d %B %Y", "%Y-%m-%d", "%d-%B-%Y", "%d/%m/%Y"):
        try:
            return datetime.strptime(s, fmt).date()
        except ValueError:
            continue
    raise ValueError(f"unreadable event_date {s!r}")


def load(path: Path, limit: int | None = None, sample: int | None = None) -> list[Row]:
    """Rows in file order; ``sample=k`` keeps every k-th row (1st, k+1th, ...), then ``limit``."""
    out: list[Row] = []
    with Path(path).open(encoding="utf-8", newline="") as fh:
        for i, r in enumerate(csv.DictReader(fh)):
            if sample and sample > 1 and i % sample:
                continue
            fat = (r.get("fatalities") or "").strip()
            out.append(Row(
                id=(r.get("event_id_cnty") or r.get("data_id") or f"row-{i + 1}").strip(),
                event_date=parse_date(r["event_date"]), event_type=(r.get("event_type") or "").strip(),
                sub_event_type=(r.get("sub_event_type") or "").strip(), actor1=r.get("actor1") or "",
                actor2=r.get("actor2") or "", country=r.get("country") or "",
                iso3=(r.get("iso3") or "").strip().upper(), notes=r.get("notes") or "",
                fatalities=int(fat) if fat.lstrip("-").isdigit() else None,
            ))
            if limit is not None and len(out) >= limit:
                break
    return out


def accepted(row: Row) -> tuple[tuple[str, ...], bool]:
    """(accepted categories, scored?) for a row; () means any category."""
    if row.event_type in TYPE_MAP:
        return TYPE_MAP[row.event_type], True
    if row.event_type == STRATEGIC:
        return STRATEGIC_MAP.get(row.sub_event_type, ()), False
    return (), False


class ActorGold:
    """What a predicted actor may match for one row: ISO3 codes and normalised group names."""

    def __init__(self, row: Row, lexicon=None):
        self.codes: set[str] = {row.iso3} if row.iso3 else set()
        self.names: list[str] = []
        for name in (row.actor1, row.actor2):
            if not name:
                continue
            n = normalise_name(name)
            if n and n not in _GENERIC_ACTOR and not n.startswith(("military forces of", "police forces of",
                                                                    "unidentified")):
                self.names.append(n)
            if lexicon is not None:
                for m in lexicon.find(name, 0, len(name)):
                    c = lexicon.country(m.actor)
                    if c:
                        self.codes.add(c)

    def match(self, ref: ActorRef | None) -> str | None:
        if ref is None:
            return None
        if actor_codes(ref) & self.codes:
            return "country"
        for cand in (normalise_name(ref.id), normalise_name(ref.name)):
            if len(cand) < 3 or cand.startswith("unknown"):
                continue
            for n in self.names:
                if _contains(n, cand) or _contains(cand, n):
                    return "name"
        return None


def _contains(hay: str, needle: str) -> bool:
    return f" {needle} " in f" {hay} "


def score(rows: list[Row], per_doc: dict[str, list[Event]], lexicon=None) -> Result:
    """Pure scoring of rows against {row id: predicted events}."""
    res = Result(path="")
    s = res.scores
    s.rows = len(rows)
    types: dict[str, TypeRow] = {}
    strat: dict[str, TypeRow] = {}
    modality: Counter[str] = Counter()
    found = extra = hits = date_ok = exact = act_ok = fat_ok = mode_ok = 0
    fat_err = 0
    for row in rows:
        acc, scored = accepted(row)
        asserted, other = split_modality(per_doc.get(row.id, []))
        for e in other:
            modality[e.modality] += 1
        s.asserted_events += len(asserted)
        s.non_asserted_events += len(other)
        rr = RowResult(id=row.id, event_type=row.event_type, sub_event_type=row.sub_event_type, accepted=list(acc),
                       asserted=len(asserted), other=len(other), categories=[e.category for e in asserted],
                       fatalities_gold=row.fatalities)
        good = [e for e in asserted if not acc or e.category in acc]
        rr.hit = bool(good)
        if scored:
            t = types.setdefault(row.event_type, TypeRow(event_type=row.event_type))
        else:
            key = row.sub_event_type if row.event_type == STRATEGIC else row.event_type
            t = strat.setdefault(key, TypeRow(event_type=key))
        t.rows += 1
        t.hit += rr.hit
        if not asserted:
            t.none += 1
        elif not rr.hit:
            t.predicted_as[asserted[0].category] = t.predicted_as.get(asserted[0].category, 0) + 1
        if not scored:
            if row.event_type == STRATEGIC:
                s.strategic_rows += 1
                s.strategic_hit += rr.hit
            res.rows.append(rr)
            continue
        s.scored_rows += 1
        found += bool(asserted)
        extra += max(0, len(asserted) - 1)
        if rr.hit:
            hits += 1
            want = MODE_MAP.get(row.sub_event_type)
            if want:
                rr.modes = [e.mode or "-" for e in good]
                rr.mode_ok = any(e.mode in want for e in good)
                s.mode_n += 1
                mode_ok += rr.mode_ok
                s.mode_missing += not any(e.mode for e in good)
            dated = [e for e in good if e.when.earliest and e.when.latest]
            m = dated[0] if dated else good[0]
            rr.matched = predicted(m)
            if dated:
                rr.dated = True
                rr.date_ok = m.when.earliest <= row.event_date <= m.when.latest
                rr.exact_day = m.when.earliest == m.when.latest == row.event_date
                s.date_n += 1
                date_ok += rr.date_ok
                exact += rr.exact_day
            else:
                rr.dated = False
                s.undated_hits += 1
            gold = ActorGold(row, lexicon)
            how = gold.match(m.actor) or gold.match(m.target)
            rr.actor_ok, rr.actor_how = how is not None, how
            s.actor_n += 1
            if how:
                act_ok += 1
                if how == "country":
                    s.actor_match_by_country += 1
                else:
                    s.actor_match_by_name += 1
            rr.fatalities_pred = m.fatalities
            if m.fatalities is not None and row.fatalities is not None:
                s.fatalities_n += 1
                fat_ok += m.fatalities == row.fatalities
                fat_err += abs(m.fatalities - row.fatalities)
        res.rows.append(rr)
    s.category_recall = ratio(hits, s.scored_rows)
    s.events_found = ratio(found, s.scored_rows)
    s.extra_events_per_row = ratio(extra, s.scored_rows)
    s.non_asserted_by_modality = dict(sorted(modality.items()))
    s.date_accuracy = ratio(date_ok, s.date_n)
    s.exact_day = ratio(exact, s.date_n)
    s.actor_match = ratio(act_ok, s.actor_n)
    s.fatalities_agreement = ratio(fat_ok, s.fatalities_n)
    s.mode_accuracy = ratio(mode_ok, s.mode_n)
    s.fatalities_mae = round(fat_err / s.fatalities_n, 3) if s.fatalities_n else 0.0
    s.strategic_recall = ratio(s.strategic_hit, s.strategic_rows)
    for t in (*types.values(), *strat.values()):
        t.recall = ratio(t.hit, t.rows)
        t.predicted_as = dict(sorted(t.predicted_as.items(), key=lambda kv: (-kv[1], kv[0])))
    res.types = sorted(types.values(), key=lambda t: (-t.rows, t.event_type))
    res.strategic = sorted(strat.values(), key=lambda t: (-t.rows, t.event_type))
    return res


def evaluate(path: Path, limit: int | None = None, sample: int | None = None, pipe=None) -> Result:
    rows = load(Path(path), limit, sample)
    if pipe is None:
        from escalate.pipeline import Pipeline

        pipe = Pipeline()
    from escalate.events.actors import load_actors

    lexicon = load_actors(pipe.res.rules_dir)  # the pipeline's (cached); scoring only reads it
    docs = [Document(id=r.id, text=r.notes, published=r.event_date, published_from="record") for r in rows]
    t0 = time.perf_counter()
    per_doc, merged = run(pipe, docs)
    seconds = time.perf_counter() - t0
    res = score(rows, per_doc, lexicon)
    res.path, res.sample, res.limit = str(path), sample, limit
    res.scores.cross_record_merges = merged
    res.seconds = round(seconds, 3)
    res.rows_per_second = round(len(rows) / seconds, 1) if seconds else 0.0
    return res


def _type_table(rows: list[TypeRow], head: str) -> list[str]:
    return table([head, "rows", "hit", "recall", "no event", "misses -> first predicted"], [
        [t.event_type, t.rows, t.hit, t.recall, t.none, counts(t.predicted_as)]
        for t in rows
    ])


def render(result: Result, worst: int = 20, notes: dict[str, str] | None = None) -> str:
    s = result.scores
    sel = []
    if result.sample:
        sel.append(f"every {result.sample}th row")
    if result.limit:
        sel.append(f"limit {result.limit}")
    lines = [f"ACLED notes: {result.path}  ({s.rows} rows{'; ' + ', '.join(sel) if sel else ''}; "
             f"{result.seconds:.1f}s, {result.rows_per_second:.1f} rows/s)", ""]
    lines += table(["metric", "value", "n"], [
        ["category recall (5 mapped types)", s.category_recall, s.scored_rows],
        ["events found (>=1 asserted)", s.events_found, s.scored_rows],
        ["extra asserted events per row", s.extra_events_per_row, s.scored_rows],
        ["date accuracy (interval contains event_date)", s.date_accuracy, s.date_n],
        ["exact day", s.exact_day, s.date_n],
        ["actor match (actor or target)", s.actor_match, s.actor_n],
        ["fatalities exact agreement", s.fatalities_agreement, s.fatalities_n],
        ["fatalities mean abs error", s.fatalities_mae, s.fatalities_n],
        ["mode agrees with sub-event type (means named)", s.mode_accuracy, s.mode_n],
        ["strategic developments: any accepted event", s.strategic_recall, s.strategic_rows],
    ])
    mod = counts(s.non_asserted_by_modality) or "none"
    lines.append(f"actor matches by country {s.actor_match_by_country}, by name {s.actor_match_by_name}; "
                 f"mode hits with no mode {s.mode_missing}; "
                 f"undated hits {s.undated_hits}; not asserted events {s.non_asserted_events} ({mod}); "
                 f"cross-record merges {s.cross_record_merges}")
    lines.append("")
    lines += _type_table(result.types, "event type")
    if result.strategic:
        lines.append("")
        lines += _type_table(result.strategic, "strategic development (not scored)")
    if worst > 0:
        scored = [r for r in result.rows if r.event_type in TYPE_MAP]
        sections = [
            ("category misses", [r for r in scored if not r.hit],
             lambda r: f"{r.event_type}/{r.sub_event_type} -> {', '.join(r.categories) or 'nothing'}"
                       + (f" (+{r.other} not asserted)" if r.other else "")),
            ("date misses", [r for r in scored if r.date_ok is False],
             lambda r: f"{r.matched.category} {r.matched.earliest}..{r.matched.latest}"),
            ("actor misses", [r for r in scored if r.actor_ok is False],
             lambda r: f"{r.matched.category} actor={r.matched.actor or '-'} target={r.matched.target or '-'}"),
            ("mode misses", [r for r in scored if r.mode_ok is False],
             lambda r: f"{r.sub_event_type} -> {', '.join(r.modes)}"),
        ]
        for title, items, fmt in sections:
            lines.append("")
            lines.append(f"{title} ({min(worst, len(items))} of {len(items)}):")
            for r in items[:worst]:
                lines.append(f"  {r.id}  {fmt(r)}")
                if notes and r.id in notes:
                    lines.append(f"      {clip(notes[r.id], 220)}")
    return "\n".join(lines)


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(prog="python -m escalate.eval.acled", description=__doc__.split("\n")[0])
    ap.add_argument("path", type=Path, help="ACLED CSV export (needs event_date, event_type, notes, ...)")
    ap.add_argument("--limit", type=int, default=None, help="score only the first N (selected) rows")
    ap.add_argument("--sample", type=int, default=None, metavar="K", help="keep every K-th row (deterministic)")
    ap.add_argument("--worst", type=int, default=20, help="how many misses to list per section")
    ap.add_argument("--json", action="store_true", help="print the result as JSON")
    ap.add_argument("--no-timing", action="store_true", help="zero the timing fields (byte-identical reruns)")
    args = ap.parse_args(argv)
    if not args.path.is_file():
        print(f"{args.path} not found; skipping")
        return 0
    result = evaluate(args.path, args.limit, args.sample)
    if args.no_timing:
        result.seconds = result.rows_per_second = 0.0
    if args.json:
        print(result.model_dump_json(indent=2))
    else:
        notes = {r.id: r.notes for r in load(args.path, args.limit, args.sample)}
        print(render(result, args.worst, notes))
    return 0


if __name__ == "__main__":
    sys.exit(main())
