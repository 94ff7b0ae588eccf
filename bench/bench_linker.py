"""Linker and chain-building throughput on real structured events (a harness, not a test).

    python bench/bench_linker.py [--data ../shared/data/icews18] [--scale N ...] [--profile] [--limit N]

Loads ICEWS18 through ``escalate.structured.icews.read_icews`` (95,540 records; the CAMEO 01
statements are not imported, leaving 75,892 events), runs ``Linker(load_rules(rules_dir()),
camp).link(events, [])`` and ``build_chains(..., ChainQuery(top=10))``, and reports events,
links, events/s, links/s, wall time, peak memory and the core count. Each ``--scale N`` then
replicates the events with time shifts (copy k moved by k x (span + 30) days, fresh ids) up to N
events and measures the same. Every size runs in its own process, so each peak RSS is that
size's own. ``--profile`` adds the top functions (cProfile, by own time) of the largest size.

The default (no ``--scale``) measures the data as it is, which takes about two minutes here;
see docs/structured.md for the sizes measured and why 1,000,000 events does not fit in minutes.
Exits 0 with a message when the data folder is absent.
"""

from __future__ import annotations

import argparse
import cProfile
import io
import os
import pstats
import resource
import sys
import time
from datetime import timedelta
from multiprocessing import get_context
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from escalate.models import Event, When  # noqa: E402

DEFAULT_DATA = ROOT.parent / "shared" / "data" / "icews18"


def replicate(events: list[Event], n: int) -> list[Event]:
    """``events`` and time-shifted copies of them, ``n`` events in all (the last copy cut short).
    Copy k is moved by k x (span + 30) days and its ids end in ``#k``; actors, codes and citations
    are shared with the original (the linker reads them, never writes them)."""
    if n <= len(events):
        return events[:n]
    days = [e.when.earliest.toordinal() for e in events if e.when.earliest]
    shift = max(days) - min(days) + 30
    out = list(events)
    k = 0
    whens: dict[tuple[int, int], When] = {}
    while len(out) < n:
        k += 1
        for e in events:
            if len(out) >= n:
                break
            w = e.when
            if w.earliest is None or w.latest is None:
                continue
            key = (w.earliest.toordinal(), k)
            nw = whens.get(key)
            if nw is None:
                d = w.earliest + timedelta(days=k * shift)
                nw = whens[key] = When(value=d.isoformat(), earliest=d, latest=d)
            out.append(e.model_copy(update={"id": f"{e.id}#{k}", "when": nw}))
    return out


def _peak_mb() -> float:
    # ru_maxrss is in KiB on Linux
    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024


def run_size(data: str, n: int | None, profile: bool, limit: int | None, mem_gb: float = 0) -> dict:
    """Load, (replicate,) link, build chains; figures for one size. Runs in a child process, whose
    address space is capped at ``mem_gb`` GiB (0: no cap), so a size too large for the machine fails
    with ``MemoryError`` instead of exhausting it."""
    if mem_gb:
        cap = int(mem_gb * 2**30)
        resource.setrlimit(resource.RLIMIT_AS, (cap, cap))
    try:
        return _run_size(data, n, profile, limit)
    except MemoryError:
        return {"error": f"out of memory (address space capped at {mem_gb:g} GiB)", "peak_mb": _peak_mb()}


def _run_size(data: str, n: int | None, profile: bool, limit: int | None) -> dict:
    from escalate.links.linker import Linker
    from escalate.links.rules import load_rules
    from escalate.pipeline import camp
    from escalate.rank.chains import ChainQuery, build_chains, load_rank
    from escalate.resources import rules_dir
    from escalate.structured.icews import read_icews

    rd = rules_dir()
    t0 = time.perf_counter()
    events = read_icews(data, limit=limit)
    records = len(events)
    if n:
        events = replicate(events, n)
    t_load = time.perf_counter() - t0
    linker = Linker(load_rules(rd), camp)
    prof = cProfile.Profile() if profile else None
    if prof:
        prof.enable()
    t1 = time.perf_counter()
    links, issues = linker.link(events, [])
    t_link = time.perf_counter() - t1
    t2 = time.perf_counter()
    chains = build_chains(events, links, camp, load_rank(rd), ChainQuery(top=10))
    t_chain = time.perf_counter() - t2
    top = ""
    if prof:
        prof.disable()
        buf = io.StringIO()
        pstats.Stats(prof, stream=buf).sort_stats("tottime").print_stats(15)
        top = buf.getvalue()
    return {
        "events": len(events), "imported": records, "links": len(links), "issues": len(issues),
        "chains": len(chains), "longest": max((len(c.events) for c in chains), default=0),
        "load_s": t_load, "link_s": t_link, "chain_s": t_chain, "peak_mb": _peak_mb(), "profile": top,
    }


def _row(label: str, r: dict) -> str:
    link_s, total = r["link_s"], r["link_s"] + r["chain_s"]
    return (f"{label:>10} {r['events']:>10,} {r['links']:>10,} {r['events'] / link_s:>10,.0f} "
            f"{r['links'] / link_s:>10,.0f} {r['load_s']:>7.1f} {link_s:>8.1f} {r['chain_s']:>7.1f} "
            f"{total:>8.1f} {r['peak_mb']:>8,.0f}")


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("--data", type=Path, default=DEFAULT_DATA, help="ICEWS18 folder")
    ap.add_argument("--scale", type=int, nargs="*", default=[],
                    help="replicate to N events (several sizes allowed), e.g. --scale 150000 1000000")
    ap.add_argument("--no-base", action="store_true", help="skip the run on the data as it is")
    ap.add_argument("--limit", type=int, help="import only the first N events (before replication)")
    ap.add_argument("--profile", action="store_true", help="cProfile the largest size")
    ap.add_argument("--mem-gb", type=float, default=16.0,
                    help="cap each size's address space (GiB; 0: no cap); default 16")
    args = ap.parse_args(argv)
    if not (args.data / "entity2id.txt").exists():
        print(f"bench_linker: {args.data} not found (ICEWS18); nothing measured")
        return 0
    sizes: list[int | None] = ([] if args.no_base else [None]) + sorted(args.scale)
    if not sizes:
        print("bench_linker: nothing to run")
        return 0
    cores = os.cpu_count() or 1
    print(f"ICEWS18 at {args.data}; {cores} core(s); Python {sys.version.split()[0]}; one process per size, "
          "linking is single-threaded")
    print(f"{'size':>10} {'events':>10} {'links':>10} {'events/s':>10} {'links/s':>10} {'load s':>7} "
          f"{'link s':>8} {'chain s':>7} {'total s':>8} {'peak MB':>8}")
    ctx = get_context("spawn")
    for i, n in enumerate(sizes):
        profile = args.profile and i == len(sizes) - 1
        with ctx.Pool(1) as pool:
            t0 = time.perf_counter()
            r = pool.apply(run_size, (str(args.data), n, profile, args.limit, args.mem_gb))
        if "error" in r:
            print(f"{'as is' if n is None else f'{n:,}':>10} {r['error']} after {time.perf_counter() - t0:.0f} s, "
                  f"peak {r['peak_mb']:,.0f} MB", flush=True)
            continue
        print(_row("as is" if n is None else f"{n:,}", r), flush=True)
        if n is None:
            print(f"{'':>10} ({r['imported']:,} events imported; {r['chains']} chains, longest {r['longest']} "
                  f"events; {r['issues']} cycle issue(s))", flush=True)
        if r["profile"]:
            print(r["profile"])
    print("events/s and links/s: Linker.link only; total s: link + build_chains; load s: read_icews + "
          "replication; peak MB: the process's maximum resident set size")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
