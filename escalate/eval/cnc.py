"""Score the cue lexicon against the Causal News Corpus (CNC, CASE 2022/2023 shared task).

    python -m escalate.eval.cnc ../shared/data/cnc [--rules DIR] [--top N]

Three scores:

1. signal spans (``train_subtask2.csv``): the cue spans found in every sentence that has at
   least one gold ``<SIGk>`` span, against the union of that sentence's gold signal spans,
   exact (same offsets, case-insensitive) and overlap (at least one shared character);
2. direction: for each predicted cue that overlaps a gold signal, whether its ``direction``
   agrees with the order of that relation's ARG0 (cause) and ARG1 (effect);
3. sentence causality (``train_subtask1.csv``): a sentence is predicted causal when a causal
   cue with strength >= 0.5 is found; precision / recall / F1 / accuracy against ``label``.

It also lists per-cue precision and the most frequent gold signals no cue found, to guide
the lexicon towards general connectives.
"""

from __future__ import annotations

import argparse
import csv
import re
import sys
from collections import Counter, defaultdict
from collections.abc import Sequence
from dataclasses import dataclass, field
from pathlib import Path

from pydantic import BaseModel, Field

from escalate.errors import EscalateError
from escalate.links.cues import CueMatch, CueMatcher, load_cues

SUBTASK1 = "train_subtask1.csv"
SUBTASK2 = "train_subtask2.csv"
CAUSAL_THRESHOLD = 0.5
_TAG = re.compile(r"<(/?)(ARG0|ARG1|SIG\d+)>")


# --------------------------------------------------------------------------- result models
class PRF(BaseModel):
    tp_pred: int = 0  # predictions that are right
    n_pred: int = 0
    tp_gold: int = 0  # gold items that were found
    n_gold: int = 0
    precision: float = 0.0
    recall: float = 0.0
    f1: float = 0.0

    @classmethod
    def of(cls, tp_pred: int, n_pred: int, tp_gold: int, n_gold: int) -> PRF:
        p = tp_pred / n_pred if n_pred else 0.0
        r = tp_gold / n_gold if n_gold else 0.0
        f = 2 * p * r / (p + r) if p + r else 0.0
        return cls(
            tp_pred=tp_pred, n_pred=n_pred, tp_gold=tp_gold, n_gold=n_gold, precision=p, recall=r, f1=f
        )


class CueStat(BaseModel):
    cue: str
    kind: str
    predicted: int
    overlap_correct: int
    precision: float
    subtask1_fired: int = 0  # subtask-1 sentences where the cue fired
    subtask1_causal: int = 0  # ... of which gold-causal
    subtask1_precision: float = 0.0


class SignalScores(BaseModel):
    sentences: int
    gold_signals: int
    exact: PRF
    overlap: PRF
    causal_only_exact: PRF
    causal_only_overlap: PRF


class DirectionScores(BaseModel):
    judged: int
    correct: int
    accuracy: float
    anaphoric_judged: int
    non_anaphoric_judged: int
    non_anaphoric_correct: int
    non_anaphoric_accuracy: float


class SentenceScores(BaseModel):
    sentences: int
    threshold: float
    tp: int
    fp: int
    fn: int
    tn: int
    precision: float
    recall: float
    f1: float
    accuracy: float


class CNCResult(BaseModel):
    folder: str
    rules: str | None
    cues_in_lexicon: int
    signals: SignalScores | None = None
    direction: DirectionScores | None = None
    sentence: SentenceScores | None = None
    per_cue: list[CueStat] = Field(default_factory=list)
    missed_signals: list[tuple[str, int]] = Field(default_factory=list)
    false_positive_texts: list[tuple[str, int]] = Field(default_factory=list)
    notes: list[str] = Field(default_factory=list)


# --------------------------------------------------------------------------- data
@dataclass
class Relation:
    cause: list[tuple[int, int]]
    effect: list[tuple[int, int]]
    signals: list[tuple[int, int]]


@dataclass
class Sentence:
    text: str
    relations: list[Relation] = field(default_factory=list)


def parse_marked(marked: str) -> tuple[str, Relation]:
    """Strip ``<ARG0>``/``<ARG1>``/``<SIGk>`` tags; return the text and the tag spans in it."""
    out: list[str] = []
    pos = 0
    length = 0
    opened: dict[str, int] = {}
    spans: dict[str, list[tuple[int, int]]] = defaultdict(list)
    for m in _TAG.finditer(marked):
        chunk = marked[pos : m.start()]
        out.append(chunk)
        length += len(chunk)
        pos = m.end()
        closing, name = m.group(1) == "/", m.group(2)
        if closing:
            if name in opened:
                spans[name].append((opened.pop(name), length))
        else:
            opened[name] = length
    out.append(marked[pos:])
    text = "".join(out)
    signals = sorted(span for name, lst in spans.items() if name.startswith("SIG") for span in lst)
    return text, Relation(cause=spans.get("ARG0", []), effect=spans.get("ARG1", []), signals=signals)


def _read_csv(path: Path) -> list[dict[str, str]]:
    csv.field_size_limit(sys.maxsize)
    with path.open(encoding="utf-8-sig", newline="") as fh:
        return list(csv.DictReader(fh))


def read_subtask2(path: Path) -> list[Sentence]:
    """Rows grouped into sentences (one row per relation in the file)."""
    by_text: dict[str, Sentence] = {}
    for row in _read_csv(path):
        marked = row.get("text_w_pairs") or ""
        text, relation = parse_marked(marked)
        sent = by_text.setdefault(text, Sentence(text))
        sent.relations.append(relation)
    return list(by_text.values())


# --------------------------------------------------------------------------- scoring
def _overlaps(a: tuple[int, int], b: tuple[int, int]) -> bool:
    return a[0] < b[1] and b[0] < a[1]


def _trim(text: str, span: tuple[int, int]) -> tuple[int, int]:
    s, e = span
    while s < e and text[s].isspace():
        s += 1
    while e > s and text[e - 1].isspace():
        e -= 1
    return s, e


def _same(text: str, a: tuple[int, int], b: tuple[int, int]) -> bool:
    return _trim(text, a) == _trim(text, b)


def _gold_direction(rel: Relation) -> str | None:
    if not rel.cause or not rel.effect:
        return None
    return "cause_first" if min(rel.cause)[0] < min(rel.effect)[0] else "effect_first"


@dataclass
class _Counts:
    n_pred: int = 0
    exact_pred: int = 0
    overlap_pred: int = 0
    n_gold: int = 0
    exact_gold: int = 0
    overlap_gold: int = 0

    def add(self, text: str, preds: list[CueMatch], gold: list[tuple[int, int]]) -> None:
        spans = [(m.start, m.end) for m in preds]
        self.n_pred += len(spans)
        self.n_gold += len(gold)
        self.exact_pred += sum(any(_same(text, p, g) for g in gold) for p in spans)
        self.overlap_pred += sum(any(_overlaps(p, g) for g in gold) for p in spans)
        self.exact_gold += sum(any(_same(text, p, g) for p in spans) for g in gold)
        self.overlap_gold += sum(any(_overlaps(p, g) for p in spans) for g in gold)

    def exact(self) -> PRF:
        return PRF.of(self.exact_pred, self.n_pred, self.exact_gold, self.n_gold)

    def overlap(self) -> PRF:
        return PRF.of(self.overlap_pred, self.n_pred, self.overlap_gold, self.n_gold)


def score_signals(
    sentences: list[Sentence], matcher: CueMatcher, result: CNCResult, top: int
) -> dict[str, list[int]]:
    all_counts, causal_counts = _Counts(), _Counts()
    per_cue: dict[str, list[int]] = defaultdict(lambda: [0, 0])
    missed: Counter[str] = Counter()
    false_pos: Counter[str] = Counter()
    judged = correct = anaphoric_judged = na_judged = na_correct = 0
    n_sent = 0
    for sent in sentences:
        gold = sorted({g for rel in sent.relations for g in rel.signals})
        if not gold:
            continue
        n_sent += 1
        preds = matcher.find(sent.text)
        all_counts.add(sent.text, preds, gold)
        causal_counts.add(sent.text, [m for m in preds if m.kind == "causal"], gold)
        for m in preds:
            hit = any(_overlaps((m.start, m.end), g) for g in gold)
            per_cue[m.cue][0] += 1
            per_cue[m.cue][1] += int(hit)
            if not hit:
                false_pos[m.text.lower()] += 1
        for g in gold:
            if not any(_overlaps((m.start, m.end), g) for m in preds):
                missed[" ".join(sent.text[g[0] : g[1]].lower().split())] += 1
        # Direction: each predicted cue against the first relation whose signal it overlaps.
        for m in preds:
            for rel in sent.relations:
                gold_dir = _gold_direction(rel)
                if gold_dir is None or not any(_overlaps((m.start, m.end), g) for g in rel.signals):
                    continue
                judged += 1
                correct += int(m.direction == gold_dir)
                if m.anaphoric:
                    anaphoric_judged += 1
                else:
                    na_judged += 1
                    na_correct += int(m.direction == gold_dir)
                break
    result.signals = SignalScores(
        sentences=n_sent,
        gold_signals=all_counts.n_gold,
        exact=all_counts.exact(),
        overlap=all_counts.overlap(),
        causal_only_exact=causal_counts.exact(),
        causal_only_overlap=causal_counts.overlap(),
    )
    result.direction = DirectionScores(
        judged=judged,
        correct=correct,
        accuracy=correct / judged if judged else 0.0,
        anaphoric_judged=anaphoric_judged,
        non_anaphoric_judged=na_judged,
        non_anaphoric_correct=na_correct,
        non_anaphoric_accuracy=na_correct / na_judged if na_judged else 0.0,
    )
    result.missed_signals = missed.most_common(top)
    result.false_positive_texts = false_pos.most_common(top)
    return per_cue


def score_sentences(
    rows: list[dict[str, str]], matcher: CueMatcher, result: CNCResult
) -> dict[str, list[int]]:
    tp = fp = fn = tn = 0
    fired: dict[str, list[int]] = defaultdict(lambda: [0, 0])
    for row in rows:
        text = row.get("text") or ""
        gold = (row.get("label") or "0").strip() == "1"
        matches = matcher.find(text)
        pred = any(m.kind == "causal" and m.strength >= CAUSAL_THRESHOLD for m in matches)
        for cue in {m.cue for m in matches}:
            fired[cue][0] += 1
            fired[cue][1] += int(gold)
        if pred and gold:
            tp += 1
        elif pred:
            fp += 1
        elif gold:
            fn += 1
        else:
            tn += 1
    prf = PRF.of(tp, tp + fp, tp, tp + fn)
    n = tp + fp + fn + tn
    result.sentence = SentenceScores(
        sentences=n,
        threshold=CAUSAL_THRESHOLD,
        tp=tp,
        fp=fp,
        fn=fn,
        tn=tn,
        precision=prf.precision,
        recall=prf.recall,
        f1=prf.f1,
        accuracy=(tp + tn) / n if n else 0.0,
    )
    return fired


def evaluate(folder: Path | str, rules_dir: Path | None = None, top: int = 25) -> CNCResult:
    """Score the bundled (or ``rules_dir``) cue lexicon on the CNC files in ``folder``."""
    folder = Path(folder)
    matcher = load_cues(rules_dir)
    result = CNCResult(
        folder=str(folder),
        rules=str(matcher.source) if matcher.source else None,
        cues_in_lexicon=len(matcher),
    )
    per_cue: dict[str, list[int]] = {}
    fired: dict[str, list[int]] = {}
    st2 = folder / SUBTASK2
    if st2.is_file():
        per_cue = score_signals(read_subtask2(st2), matcher, result, top)
    else:
        result.notes.append(f"{st2} not found: no signal or direction scores")
    st1 = folder / SUBTASK1
    if st1.is_file():
        fired = score_sentences(_read_csv(st1), matcher, result)
    else:
        result.notes.append(f"{st1} not found: no sentence scores")
    kinds = {s.id: s.kind for s in matcher.specs}
    stats: list[CueStat] = []
    for cue in sorted(set(per_cue) | set(fired)):
        n_pred, ok = per_cue.get(cue, [0, 0])
        n_fired, n_causal = fired.get(cue, [0, 0])
        stats.append(
            CueStat(
                cue=cue,
                kind=kinds.get(cue, "?"),
                predicted=n_pred,
                overlap_correct=ok,
                precision=ok / n_pred if n_pred else 0.0,
                subtask1_fired=n_fired,
                subtask1_causal=n_causal,
                subtask1_precision=n_causal / n_fired if n_fired else 0.0,
            )
        )
    stats.sort(key=lambda s: (-s.predicted - s.subtask1_fired, s.cue))
    result.per_cue = stats
    return result


# --------------------------------------------------------------------------- output
def _prf_line(name: str, prf: PRF) -> str:
    return (
        f"  {name:<22} P {prf.precision:6.1%} ({prf.tp_pred}/{prf.n_pred})  "
        f"R {prf.recall:6.1%} ({prf.tp_gold}/{prf.n_gold})  F1 {prf.f1:6.1%}"
    )


def render(result: CNCResult, top: int = 25) -> str:
    lines = [
        f"CNC evaluation of {result.rules or 'cue lexicon'} ({result.cues_in_lexicon} cues) on {result.folder}"
    ]
    for note in result.notes:
        lines.append(f"  note: {note}")
    if result.signals:
        s = result.signals
        lines += [
            "",
            f"Signal spans: {s.sentences} subtask-2 sentences with gold signals, {s.gold_signals} gold spans",
            _prf_line("all cues, exact", s.exact),
            _prf_line("all cues, overlap", s.overlap),
            _prf_line("causal cues, exact", s.causal_only_exact),
            _prf_line("causal cues, overlap", s.causal_only_overlap),
        ]
    if result.direction:
        d = result.direction
        lines += [
            "",
            f"Direction (cues overlapping a gold signal): {d.accuracy:.1%} ({d.correct}/{d.judged}); "
            f"non-anaphoric {d.non_anaphoric_accuracy:.1%} ({d.non_anaphoric_correct}/{d.non_anaphoric_judged}), "
            f"{d.anaphoric_judged} anaphoric",
        ]
    if result.sentence:
        t = result.sentence
        lines += [
            "",
            f"Sentence causality (subtask 1, {t.sentences} sentences; causal cue with strength >= {t.threshold}):",
            f"  P {t.precision:.1%}  R {t.recall:.1%}  F1 {t.f1:.1%}  accuracy {t.accuracy:.1%}  "
            f"(tp {t.tp}, fp {t.fp}, fn {t.fn}, tn {t.tn})",
        ]
    if result.per_cue:
        lines += [
            "",
            "Per cue: subtask-2 spans (precision by overlap) | subtask-1 sentences (share gold-causal)",
        ]
        lines.append(
            f"  {'cue':<22} {'kind':<8} {'pred':>5} {'ok':>5} {'prec':>7} | {'fired':>5} {'causal':>6} {'share':>7}"
        )
        for c in result.per_cue[:top]:
            lines.append(
                f"  {c.cue:<22} {c.kind:<8} {c.predicted:>5} {c.overlap_correct:>5} {c.precision:>7.1%} | "
                f"{c.subtask1_fired:>5} {c.subtask1_causal:>6} {c.subtask1_precision:>7.1%}"
            )
    if result.missed_signals:
        lines += ["", "Most frequent gold signals no cue overlapped:"]
        lines += [f"  {n:>4}  {text}" for text, n in result.missed_signals]
    if result.false_positive_texts:
        lines += ["", "Most frequent cue texts overlapping no gold signal:"]
        lines += [f"  {n:>4}  {text}" for text, n in result.false_positive_texts]
    return "\n".join(lines)


def main(argv: Sequence[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m escalate.eval.cnc", description=__doc__.split("\n\n")[0])
    parser.add_argument(
        "folder", nargs="?", default="../shared/data/cnc", help="folder with the CNC csv files"
    )
    parser.add_argument("--rules", type=Path, default=None, help="rules directory (default: bundled rules)")
    parser.add_argument("--top", type=int, default=25, help="rows in the per-cue and missed-signal lists")
    parser.add_argument("--json", action="store_true", help="print the result as JSON")
    args = parser.parse_args(list(argv) if argv is not None else None)
    folder = Path(args.folder)
    if not folder.is_dir() or not ((folder / SUBTASK1).is_file() or (folder / SUBTASK2).is_file()):
        print(f"CNC data not found in {folder} (expected {SUBTASK1} and/or {SUBTASK2}); nothing to evaluate.")
        return 0
    try:
        result = evaluate(folder, args.rules, args.top)
    except EscalateError as exc:
        print(exc, file=sys.stderr)
        return exc.exit_code
    print(result.model_dump_json(indent=2) if args.json else render(result, args.top))
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
