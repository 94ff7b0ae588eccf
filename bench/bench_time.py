"""Throughput of the temporal tagger (tagging only), on one core.

    python bench/bench_time.py [TIMEBANK_FOLDER] [--seconds N]

Tags the TimeBank <TEXT> bodies (default ../shared/data/timebank) sentence by sentence, as the
pipeline does (one tag() call per document with sentence spans), repeatedly for about N seconds,
and prints sentences per second. Without the corpus it uses a built-in synthetic news corpus.
"""

from __future__ import annotations

import argparse
import os
import re
import sys
import time
from datetime import date
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from escalate.eval.timebank import parse_tml  # noqa: E402
from escalate.time import load_tagger  # noqa: E402

_SENT = re.compile(r"[^.!?]+(?:[.!?]+|$)")

SYNTHETIC = [
    "Rockets struck the base on March 11, killing two soldiers, officials said on Thursday.",
    "The militia retaliated a day later with drone strikes near the border.",
    "Talks collapsed in early January after the previous round failed in December.",
    "The ministry said 107 mm rockets were fired at dawn on Friday.",
    "He will travel to the capital next Tuesday for three days of meetings.",
    "Prices rose 15 percent in the third quarter of 2019 from a year earlier.",
    "The army has been deployed in the region since 2014.",
    "Protesters gathered in the square for the second week running.",
    "The envoy met the president, who turned 63 last month.",
    "No date has been set for the vote, the spokesman told reporters.",
]


def corpus(folder: Path) -> list[tuple[str, date | None, list[tuple[int, int]]]]:
    docs: list[tuple[str, date | None, list[tuple[int, int]]]] = []
    files = sorted(folder.glob("*.tml")) if folder.is_dir() else []
    for path in files:
        dct, text, _ = parse_tml(path.read_text(encoding="utf-8"))
        spans = [(m.start(), m.end()) for m in _SENT.finditer(text) if m.group().strip()]
        docs.append((text, dct, spans))
    if not docs:
        text = " ".join(SYNTHETIC * 20)
        spans = [(m.start(), m.end()) for m in _SENT.finditer(text) if m.group().strip()]
        docs.append((text, date(2020, 3, 13), spans))
    return docs


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("folder", nargs="?", type=Path, default=Path("../shared/data/timebank"))
    ap.add_argument("--seconds", type=float, default=5.0)
    args = ap.parse_args(argv)
    docs = corpus(args.folder)
    source = "TimeBank" if args.folder.is_dir() and any(args.folder.glob("*.tml")) else "synthetic"
    n_sent = sum(len(s) for _, _, s in docs)
    tagger = load_tagger()
    tagger.tag(docs[0][0], docs[0][1], docs[0][2])  # warm up
    rounds = 0
    n_tx = 0
    t0 = time.perf_counter()
    c0 = time.process_time()
    while True:
        for text, dct, spans in docs:
            n_tx += len(tagger.tag(text, dct, spans))
        rounds += 1
        elapsed = time.perf_counter() - t0
        if elapsed >= args.seconds:
            break
    cpu = time.process_time() - c0
    print(f"corpus: {source}, {len(docs)} documents, {n_sent} sentences, {n_tx // rounds} timexes per round")
    print(f"rounds: {rounds} in {elapsed:.2f}s wall, {cpu:.2f}s CPU")
    # one thread: CPU time is the time on one core; wall time also counts other processes' turns
    print(f"throughput: {rounds * n_sent / cpu:,.0f} sentences/s on one core (CPU time; "
          f"{rounds * n_sent / elapsed:,.0f} by wall clock), os.cpu_count() = {os.cpu_count()}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
