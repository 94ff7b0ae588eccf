"""Score the temporal tagger on a folder of TimeML files, TempEval-3 style.

    python -m escalate.eval.timebank ../shared/data/timebank [--worst N] [--rules DIR] [--split odd|even]

For each ``*.tml`` file the DCT is the TIMEX3 inside ``<DCT>``; the gold TIMEX3s are those inside
``<TEXT>``, with offsets into the text with all tags stripped; the tagger reads that stripped text.
Strict match = same extent, relaxed match = overlap (one-to-one, greedy by overlap). Value accuracy
is over relaxed-matched pairs; value F1 counts as true positives the relaxed matches with the right
value (and, for the "+mod" figures, the right ``mod`` as well).
"""

from __future__ import annotations

import argparse
import html
import re
import sys
import time
from datetime import date
from pathlib import Path

from pydantic import BaseModel, Field

from escalate.models import Timex
from escalate.time import load_tagger

_TAG = re.compile(r"<[^>]+>")
_TIMEX_OPEN = re.compile(r"<TIMEX3\b([^>]*)>")
_ATTR = re.compile(r'(\w+)="([^"]*)"')


class Gold(BaseModel):
    start: int
    end: int
    text: str
    type: str
    value: str
    mod: str | None = None


class DocRow(BaseModel):
    doc: str
    dct: date | None
    gold: int = 0
    system: int = 0
    strict: int = 0
    relaxed: int = 0
    type_ok: int = 0
    value_ok: int = 0
    value_mod_ok: int = 0


class Miss(BaseModel):
    doc: str
    kind: str  # missed | spurious | value | extent
    text: str
    gold_value: str | None = None
    system_value: str | None = None
    context: str = ""


class Scores(BaseModel):
    gold: int = 0
    system: int = 0
    strict_p: float = 0.0
    strict_r: float = 0.0
    strict_f1: float = 0.0
    relaxed_p: float = 0.0
    relaxed_r: float = 0.0
    relaxed_f1: float = 0.0
    type_accuracy: float = 0.0
    value_accuracy: float = 0.0
    value_p: float = 0.0
    value_r: float = 0.0
    value_f1: float = 0.0
    value_mod_accuracy: float = 0.0
    value_mod_f1: float = 0.0


class Result(BaseModel):
    folder: str
    documents: list[DocRow] = Field(default_factory=list)
    totals: Scores = Field(default_factory=Scores)
    misses: list[Miss] = Field(default_factory=list)
    seconds: float = 0.0


def parse_tml(raw: str) -> tuple[date | None, str, list[Gold]]:
    """(DCT, stripped <TEXT> content, gold TIMEX3s with offsets into it)."""
    dct: date | None = None
    m = re.search(r"<DCT>(.*?)</DCT>", raw, re.S)
    if m:
        v = _TIMEX_OPEN.search(m.group(1))
        if v:
            val = dict(_ATTR.findall(v.group(1))).get("value", "")
            dm = re.match(r"(\d{4})-(\d\d)-(\d\d)", val)
            if dm:
                dct = date(int(dm.group(1)), int(dm.group(2)), int(dm.group(3)))
    t = re.search(r"<TEXT>(.*?)</TEXT>", raw, re.S)
    body = t.group(1) if t else ""
    out: list[str] = []
    golds: list[Gold] = []
    pos = 0
    n = 0
    open_stack: list[tuple[int, dict[str, str]]] = []
    for tm in _TAG.finditer(body):
        chunk = html.unescape(body[pos:tm.start()])
        out.append(chunk)
        n += len(chunk)
        tag = tm.group(0)
        if tag.startswith("<TIMEX3"):
            open_stack.append((n, dict(_ATTR.findall(tag))))
        elif tag.startswith("</TIMEX3") and open_stack:
            start, attrs = open_stack.pop()
            golds.append(Gold(start=start, end=n, text="", type=attrs.get("type", "DATE"),
                              value=attrs.get("value", ""), mod=attrs.get("mod")))
        pos = tm.end()
    chunk = html.unescape(body[pos:])
    out.append(chunk)
    text = "".join(out)
    for g in golds:
        g.text = text[g.start:g.end]
    golds.sort(key=lambda g: g.start)
    return dct, text, golds


def _match(golds: list[Gold], system: list[Timex]) -> list[tuple[Gold, Timex]]:
    """One-to-one relaxed matching, largest overlap first."""
    pairs: list[tuple[int, int, int]] = []
    for i, g in enumerate(golds):
        for j, s in enumerate(system):
            ov = min(g.end, s.end) - max(g.start, s.start)
            if ov > 0:
                pairs.append((ov, i, j))
    pairs.sort(reverse=True)
    used_g: set[int] = set()
    used_s: set[int] = set()
    out: list[tuple[Gold, Timex]] = []
    for _, i, j in pairs:
        if i in used_g or j in used_s:
            continue
        used_g.add(i)
        used_s.add(j)
        out.append((golds[i], system[j]))
    return out


def _prf(tp: int, n_sys: int, n_gold: int) -> tuple[float, float, float]:
    p = tp / n_sys if n_sys else 0.0
    r = tp / n_gold if n_gold else 0.0
    f = 2 * p * r / (p + r) if p + r else 0.0
    return p, r, f


def _ctx(text: str, a: int, b: int) -> str:
    return re.sub(r"\s+", " ", text[max(0, a - 40):a] + "[" + text[a:b] + "]" + text[b:b + 40])


def evaluate(folder: Path, rules_dir: Path | None = None, split: str | None = None) -> Result:
    """Score every ``*.tml`` file in ``folder`` (``split``: "odd"/"even" = only the 1st, 3rd, ... or
    the 2nd, 4th, ... file in name order, to check that a change helps both halves)."""
    tagger = load_tagger(rules_dir)
    result = Result(folder=str(folder))
    files = sorted(Path(folder).glob("*.tml"))
    if split == "odd":
        files = files[0::2]
    elif split == "even":
        files = files[1::2]
    t0 = time.perf_counter()
    for path in files:
        dct, text, golds = parse_tml(path.read_text(encoding="utf-8"))
        system = tagger.tag(text, dct)
        pairs = _match(golds, system)
        row = DocRow(doc=path.stem, dct=dct, gold=len(golds), system=len(system), relaxed=len(pairs))
        matched_s = {id(s) for _, s in pairs}
        matched_g = {id(g) for g, _ in pairs}
        for g, s in pairs:
            if g.start == s.start and g.end == s.end:
                row.strict += 1
            else:
                result.misses.append(Miss(doc=row.doc, kind="extent", text=f"{g.text} | {s.text}",
                                          gold_value=g.value, system_value=s.value,
                                          context=_ctx(text, g.start, g.end)))
            if g.type == s.type:
                row.type_ok += 1
            if g.value == s.value:
                row.value_ok += 1
                if (g.mod or None) == (s.mod or None):
                    row.value_mod_ok += 1
            else:
                result.misses.append(Miss(doc=row.doc, kind="value", text=s.text, gold_value=g.value,
                                          system_value=s.value, context=_ctx(text, s.start, s.end)))
        for g in golds:
            if id(g) not in matched_g:
                result.misses.append(Miss(doc=row.doc, kind="missed", text=g.text, gold_value=g.value,
                                          context=_ctx(text, g.start, g.end)))
        for s in system:
            if id(s) not in matched_s:
                result.misses.append(Miss(doc=row.doc, kind="spurious", text=s.text, system_value=s.value,
                                          context=_ctx(text, s.start, s.end)))
        result.documents.append(row)
    result.seconds = time.perf_counter() - t0
    tot = result.totals
    g = sum(r.gold for r in result.documents)
    s = sum(r.system for r in result.documents)
    strict = sum(r.strict for r in result.documents)
    relaxed = sum(r.relaxed for r in result.documents)
    vok = sum(r.value_ok for r in result.documents)
    vmok = sum(r.value_mod_ok for r in result.documents)
    tot.gold, tot.system = g, s
    tot.strict_p, tot.strict_r, tot.strict_f1 = _prf(strict, s, g)
    tot.relaxed_p, tot.relaxed_r, tot.relaxed_f1 = _prf(relaxed, s, g)
    tot.type_accuracy = sum(r.type_ok for r in result.documents) / relaxed if relaxed else 0.0
    tot.value_accuracy = vok / relaxed if relaxed else 0.0
    tot.value_p, tot.value_r, tot.value_f1 = _prf(vok, s, g)
    tot.value_mod_accuracy = vmok / relaxed if relaxed else 0.0
    tot.value_mod_f1 = _prf(vmok, s, g)[2]
    return result


def render(result: Result, worst: int = 20) -> str:
    lines: list[str] = []
    hdr = f"{'document':<28} {'dct':<10} {'gold':>5} {'sys':>5} {'strict':>6} {'relax':>6} {'value':>6} {'valF1':>6}"
    lines.append(hdr)
    lines.append("-" * len(hdr))
    for r in result.documents:
        f1 = _prf(r.value_ok, r.system, r.gold)[2]
        lines.append(
            f"{r.doc[:28]:<28} {str(r.dct or '-'):<10} {r.gold:>5} {r.system:>5} {r.strict:>6} {r.relaxed:>6} "
            f"{r.value_ok:>6} {f1:>6.3f}"
        )
    t = result.totals
    lines.append("-" * len(hdr))
    lines.append(f"documents {len(result.documents)}, gold {t.gold}, system {t.system}, "
                 f"tagging {result.seconds:.2f}s")
    lines.append(f"strict extent   P {t.strict_p:.3f}  R {t.strict_r:.3f}  F1 {t.strict_f1:.3f}")
    lines.append(f"relaxed extent  P {t.relaxed_p:.3f}  R {t.relaxed_r:.3f}  F1 {t.relaxed_f1:.3f}")
    lines.append(f"type accuracy   {t.type_accuracy:.3f}")
    lines.append(f"value accuracy  {t.value_accuracy:.3f}   value P {t.value_p:.3f}  R {t.value_r:.3f}  "
                 f"F1 {t.value_f1:.3f}")
    lines.append(f"value+mod       accuracy {t.value_mod_accuracy:.3f}   F1 {t.value_mod_f1:.3f}")
    if worst > 0 and result.misses:
        lines.append("")
        lines.append(f"worst misses (first {worst} of {len(result.misses)}; missed, spurious, wrong value, extent):")
        order = {"missed": 0, "spurious": 1, "value": 2, "extent": 3}
        for m in sorted(result.misses, key=lambda m: order.get(m.kind, 9))[:worst]:
            vals = ""
            if m.gold_value or m.system_value:
                vals = f" gold={m.gold_value or '-'} sys={m.system_value or '-'}"
            lines.append(f"  {m.kind:<8} {m.doc:<24} {m.text!r}{vals}  ...{m.context}...")
    return "\n".join(lines)


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(prog="python -m escalate.eval.timebank", description=__doc__.split("\n")[0])
    ap.add_argument("folder", type=Path, help="folder of TimeML .tml files")
    ap.add_argument("--worst", type=int, default=20, help="how many misses to list")
    ap.add_argument("--rules", type=Path, default=None, help="rule-pack root (default: bundled rules)")
    ap.add_argument("--json", action="store_true", help="print the result as JSON")
    ap.add_argument("--split", choices=["odd", "even"], default=None,
                    help="score only the odd (1st, 3rd, ...) or even files in name order")
    args = ap.parse_args(argv)
    if not args.folder.is_dir() or not any(args.folder.glob("*.tml")):
        print(f"skipped: no TimeML files in {args.folder}")
        return 0
    result = evaluate(args.folder, args.rules, args.split)
    print(result.model_dump_json(indent=2) if args.json else render(result, args.worst))
    return 0


if __name__ == "__main__":
    sys.exit(main())
