"""Throughput of the text-to-events path and of the whole pipeline (a harness, not a test).

    python bench/bench_pipeline.py [--corpus news|acled|fixtures|all] [--docs N] [--repeat R]

Corpora (each skipped cleanly when its data is absent):

* ``news``: the TimeBank articles (``../shared/data/timebank``, 183 news stories: WSJ, AP, NYT,
  CNN, VOA, ABC), read as plain text with their publication dates. Real articles, where most
  sentences tell no conflict event: the tool's ordinary input.
* ``acled``: ACLED event notes (``../shared/data/acled/*.csv``), one document per note. Every
  sentence reports an attack with actors, a date and casualties: the densest text there is, the
  worst case for extraction.
* ``fixtures``: the bundled seed and test fixture articles (conflict news), repeated; always there.

For each corpus it prints, on one core (CPU time of the single-threaded loop, so other load on
the machine does not count): sentences/s for text -> mentions (the per-document stages), for
text -> merged events (plus the merge stage: the figure the events issue sets a target for), and
for the whole pipeline (plus temporal reasoning and linking); events/s; then text -> mentions on
every core (forked workers), with the machine's core count.
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
from escalate.pipeline import CORPUS_STAGES, Analysis, Pipeline, relaxed_gc  # noqa: E402

SHARED = ROOT.parent / "shared" / "data"
_PIPE: Pipeline | None = None


def news(n: int) -> list[Document]:
    from escalate.eval.timebank import parse_tml

    folder = SHARED / "timebank"
    docs = []
    for path in sorted(folder.glob("*.tml"))[:n]:
        dct, text, _gold = parse_tml(path.read_text(encoding="utf-8"))
        docs.append(Document(id=path.stem, text=text, published=dct))
    return docs


def acled(n: int) -> list[Document]:
    files = sorted((SHARED / "acled").glob("*.csv"))
    docs: list[Document] = []
    if not files:
        return docs
    with files[0].open(encoding="utf-8") as fh:
        for i, row in enumerate(csv.DictReader(fh)):
            if len(docs) >= n:
                break
            day = datetime.strptime(row["event_date"], "%d-%b-%y").date()
            docs.append(Document(id=f"acled{i:05d}", text=row["notes"], published=day))
    return docs


def fixtures(n: int) -> list[Document]:
    texts = sorted((ROOT / "tests" / "fixtures" / "articles").glob("*.md")) + sorted((ROOT / "seeds").glob("*.txt"))
    base = Pipeline().read(texts).documents
    docs: list[Document] = []
    k = 0
    while len(docs) < n:
        docs.extend(d.model_copy(update={"id": f"{d.id}-{k}"}, deep=True) for d in base)
        k += 1
    return docs[:n]


CORPORA = {"news": news, "acled": acled, "fixtures": fixtures}


def _process(doc: Document) -> int:
    assert _PIPE is not None
    return len(_PIPE.process(doc).sentences)


def run(pipe: Pipeline, name: str, docs: list[Document], repeat: int) -> None:
    per_doc = merge = rest = 0.0
    sentences = mentions = events = links = 0
    for _ in range(repeat):
        batch = [d.model_copy(deep=True) for d in docs]
        t0 = time.process_time()
        pipe.process_all(batch)  # as Pipeline.analyse runs them
        per_doc += time.process_time() - t0
        a = Analysis(documents=sorted(batch, key=lambda d: d.id))
        for stage, fn in zip(CORPUS_STAGES, pipe.corpus_stages, strict=True):
            t0 = time.process_time()
            with relaxed_gc():  # as Pipeline.analyse runs them
                fn(a)
            spent = time.process_time() - t0
            if stage == "events.merge":
                merge += spent
            else:
                rest += spent
        sentences = sum(len(d.sentences) for d in batch)
        mentions = sum(len(d.mentions) for d in batch)
        events, links = len(a.events), len(a.links)
    per_doc, merge, rest = per_doc / repeat, merge / repeat, rest / repeat
    print(f"[{name}] {len(docs)} documents, {sentences} sentences, {mentions} mentions, {events} events, {links} links")
    print(f"  one core, text -> mentions:        {sentences / per_doc:8,.0f} sentences/s")
    print(f"  one core, text -> merged events:   {sentences / (per_doc + merge):8,.0f} sentences/s, "
          f"{events / (per_doc + merge):,.0f} events/s")
    total = per_doc + merge + rest
    print(f"  one core, whole pipeline (+links): {sentences / total:8,.0f} sentences/s, {events / total:,.0f} events/s")
    cores = os.cpu_count() or 1
    if cores > 1:
        global _PIPE
        _PIPE = pipe  # forked workers inherit the compiled rule pack
        fresh = [d.model_copy(deep=True) for d in docs]
        t0 = time.perf_counter()
        with get_context("fork").Pool(cores) as pool:
            n = sum(pool.map(_process, fresh, chunksize=max(1, len(fresh) // (cores * 8))))
        print(f"  {cores} cores, text -> mentions:       {n / (time.perf_counter() - t0):8,.0f} sentences/s "
              "(wall clock, forked workers)")


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--corpus", choices=[*CORPORA, "all"], default="all")
    ap.add_argument("--docs", type=int, default=2000, help="documents per corpus (at most; the repeated "
                    "bundled articles: a tenth of it, as copies of one story all link to each other)")
    ap.add_argument("--repeat", type=int, default=3, help="timed rounds per corpus (figures are the mean)")
    args = ap.parse_args(argv)
    t0 = time.perf_counter()
    pipe = Pipeline()
    print(f"rule pack load {time.perf_counter() - t0:.2f} s; cores: {os.cpu_count()}")
    for name in (CORPORA if args.corpus == "all" else [args.corpus]):
        docs = CORPORA[name](args.docs // 10 if name == "fixtures" else args.docs)
        if not docs:
            print(f"[{name}] skipped: no data under {SHARED}")
            continue
        for d in docs[:20]:  # warm-up
            pipe.process(d.model_copy(deep=True))
        run(pipe, name, docs, args.repeat)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
