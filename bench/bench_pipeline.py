"""Throughput of the text-to-events path and of the whole pipeline (a harness, not a test).

    python bench/bench_pipeline.py [--acled ../shared/data/acled/acled-world-2020-05.csv] [--docs N]

Corpus: the ACLED notes when the file is there (one document per note), else the bundled seed and
the test fixture articles repeated. Reports sentences/s and events/s on one core, then the
per-document stages on every core (multiprocessing), with the machine's core count.
"""

from __future__ import annotations

import argparse
import csv
import os
import sys
import time
from datetime import datetime
from multiprocessing import get_context
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from escalate.models import Document  # noqa: E402
from escalate.pipeline import Pipeline  # noqa: E402

_PIPE: Pipeline | None = None


def corpus(acled: Path | None, n: int) -> list[Document]:
    docs: list[Document] = []
    if acled is not None and acled.exists():
        with acled.open(encoding="utf-8") as fh:
            for i, row in enumerate(csv.DictReader(fh)):
                if len(docs) >= n:
                    break
                day = datetime.strptime(row["event_date"], "%d-%b-%y").date()
                docs.append(Document(id=f"acled{i:05d}", text=row["notes"], published=day))
        return docs
    texts = [p for p in sorted((ROOT / "tests" / "fixtures" / "articles").glob("*.md"))]
    texts += sorted((ROOT / "seeds").glob("*.txt"))
    pipe = Pipeline()
    base = pipe.read(texts).documents
    k = 0
    while len(docs) < n:
        for d in base:
            docs.append(d.model_copy(update={"id": f"{d.id}-{k}"}, deep=True))
        k += 1
    return docs[:n]


def _process(doc: Document) -> tuple[int, int]:
    assert _PIPE is not None
    d = _PIPE.process(doc)
    return len(d.sentences), len(d.mentions)


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__)
    ap.add_argument("--acled", type=Path, default=ROOT.parent / "shared" / "data" / "acled" / "acled-world-2020-05.csv")
    ap.add_argument("--docs", type=int, default=2000)
    args = ap.parse_args(argv)
    cores = os.cpu_count() or 1
    t0 = time.perf_counter()
    pipe = Pipeline()
    load = time.perf_counter() - t0
    docs = corpus(args.acled, args.docs)
    fresh = [d.model_copy(deep=True) for d in docs]
    t0 = time.perf_counter()
    for d in docs:
        pipe.process(d)
    per_doc = time.perf_counter() - t0
    sentences = sum(len(d.sentences) for d in docs)
    mentions = sum(len(d.mentions) for d in docs)
    t0 = time.perf_counter()
    analysis = pipe.analyse(docs, processed=True)
    corpus_time = time.perf_counter() - t0
    events = len(analysis.events)
    source = "ACLED notes" if args.acled.exists() else "seed + fixture articles"
    print(f"corpus: {len(docs)} documents ({source}), {sentences} sentences; rule pack load {load:.2f} s")
    print(f"one core, text -> mentions: {sentences / per_doc:,.0f} sentences/s ({mentions} mentions)")
    total = per_doc + corpus_time
    print(f"one core, text -> merged events, links: {sentences / total:,.0f} sentences/s, "
          f"{events / total:,.0f} events/s ({events} events, {len(analysis.links)} links)")
    if cores > 1:
        global _PIPE
        _PIPE = pipe  # forked workers inherit the compiled rule pack
        t0 = time.perf_counter()
        with get_context("fork").Pool(cores) as pool:
            counts = pool.map(_process, fresh, chunksize=max(1, len(fresh) // (cores * 8)))
        par = time.perf_counter() - t0
        print(f"{cores} cores, text -> mentions: {sum(c[0] for c in counts) / par:,.0f} sentences/s "
              f"(forked workers sharing the compiled rule pack)")
    print(f"cores: {cores}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
