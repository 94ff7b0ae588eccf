"""Shared helpers for the event evaluations (``escalate.eval.plover``, ``escalate.eval.acled``).

Every gold record becomes its own ``Document``. By default each document is analysed on its own
(``BATCH = 1``): gold records are independent events, and in batches the corpus merger joins
compatible events of different records (26 merges in a 391-row ACLED sample with batches of 200),
which would let one record's actor or casualty count leak into another's score. It is also faster
(the corpus stages grow with the batch). With a larger batch, each predicted event is credited to
every document it cites (``Event.citations[*].doc``) and the merges are counted.
Only events with modality ``asserted`` count as predictions; the others are tallied apart.
"""

from __future__ import annotations

import re
from collections import defaultdict
from collections.abc import Iterable, Sequence

from pydantic import BaseModel

from escalate.models import ActorRef, Document, Event

BATCH = 1

# legacy / non-ISO codes seen in PLOVER gold data -> ISO 3166 alpha-3
CODE_ALIASES = {"JAP": "JPN", "ITL": "ITA", "VTN": "VNM", "ROM": "ROU", "ZAR": "COD", "TMP": "TLS",
                "UK": "GBR", "PAL": "PSE", "SER": "SRB", "GER": "DEU"}
# non-state gold codes that match an actor by its lexicon kind rather than by a country
KIND_CODES = {"IGO": {"organisation"}, "NGO": {"organisation"}, "IMG": {"armed_group"}}
_ISO3 = re.compile(r"^[A-Z]{3}$")


class Predicted(BaseModel):
    """A compact view of one predicted event, for miss lists and JSON output."""

    event: str
    category: str
    mode: str | None = None
    modality: str
    actor: str | None = None
    target: str | None = None
    earliest: str | None = None
    latest: str | None = None
    fatalities: int | None = None


def run(pipe, docs: Sequence[Document], batch: int = BATCH) -> tuple[dict[str, list[Event]], int]:
    """Analyse ``docs`` in batches. Returns {doc id: events citing it, in text order} and the
    number of events that cite more than one document (cross-record merges)."""
    per_doc: dict[str, list[Event]] = defaultdict(list)
    merged = 0
    for i in range(0, len(docs), batch):
        analysis = pipe.analyse(list(docs[i:i + batch]))
        for e in analysis.events:
            cited = sorted({c.doc for c in e.citations})
            if len(cited) > 1:
                merged += 1
            for d in cited:
                per_doc[d].append(e)
    for d, evs in per_doc.items():
        evs.sort(key=lambda e: (_first_offset(e, d), e.id))
    return dict(per_doc), merged


def _first_offset(e: Event, doc: str) -> int:
    offs = [c.start for c in e.citations if c.doc == doc]
    return min(offs) if offs else 1 << 30


def split_modality(events: Iterable[Event]) -> tuple[list[Event], list[Event]]:
    asserted, other = [], []
    for e in events:
        (asserted if e.modality == "asserted" else other).append(e)
    return asserted, other


def norm_code(code: str | None) -> str | None:
    if not code:
        return None
    c = code.strip().upper()
    if not c or set(c) <= {"-"}:
        return None
    return CODE_ALIASES.get(c, c)


def actor_codes(ref: ActorRef | None) -> set[str]:
    """Codes an actor answers to: its country, its side, the ISO3 prefix of its id
    ("USA.military" -> USA, "USA-backed.militia" -> USA) and of its side and sponsors."""
    if ref is None:
        return set()
    out: set[str] = set()
    for v in (ref.country, ref.side, ref.id, *ref.backed_by):
        if not v:
            continue
        head = re.split(r"[.\-]", v, maxsplit=1)[0]
        for x in (v, head):
            if _ISO3.match(x):
                out.add(x)
    return out


def code_matches(code: str, ref: ActorRef | None) -> bool:
    """Does gold ``code`` (ISO3, or IGO/NGO/IMG) describe predicted actor ``ref``?"""
    if ref is None:
        return False
    c = norm_code(code)
    if c is None:
        return False
    if c in KIND_CODES:
        return (ref.kind or "") in KIND_CODES[c]
    return c in actor_codes(ref)


def normalise_name(name: str) -> str:
    """"Military Forces of Somalia (2017-)" -> "military forces of somalia"; "al_shabaab" -> "al shabaab"."""
    s = re.sub(r"\([^)]*\)", " ", name or "")
    s = s.replace("_", " ").replace("-", " ").lower()
    s = re.sub(r"[^a-z0-9 ]+", " ", s)
    return re.sub(r"\s+", " ", s).strip()


def ref_label(ref: ActorRef | None) -> str | None:
    if ref is None:
        return None
    return f"{ref.id}[{ref.country or '-'}]"


def predicted(e: Event) -> Predicted:
    return Predicted(
        event=e.id, category=e.category, mode=e.mode, modality=e.modality, actor=ref_label(e.actor),
        target=ref_label(e.target), earliest=e.when.earliest.isoformat() if e.when.earliest else None,
        latest=e.when.latest.isoformat() if e.when.latest else None, fatalities=e.fatalities,
    )


def ratio(num: int, den: int) -> float:
    return round(num / den, 4) if den else 0.0


def counts(d: dict[str, int]) -> str:
    """"COERCE 10, REQUEST 10": a tally as one line."""
    return ", ".join(f"{k} {v}" for k, v in d.items())


def table(header: Sequence[str], rows: Sequence[Sequence[object]], left: int = 1) -> list[str]:
    """A plain-text table; the first ``left`` columns are left-aligned, the rest right-aligned."""
    cells = [[_fmt(c) for c in header]] + [[_fmt(c) for c in r] for r in rows]
    widths = [max(len(r[i]) for r in cells) for i in range(len(header))]

    def line(r: list[str]) -> str:
        return "  ".join(c.ljust(w) if i < left else c.rjust(w) for i, (c, w) in enumerate(zip(r, widths, strict=True)))

    out = [line(cells[0]), "  ".join("-" * w for w in widths)]
    out.extend(line(r) for r in cells[1:])
    return out


def _fmt(v: object) -> str:
    if isinstance(v, float):
        return f"{v:.3f}"
    return "-" if v is None else str(v)


def clip(text: str, n: int = 160) -> str:
    t = re.sub(r"\s+", " ", text).strip()
    return t if len(t) <= n else t[: n - 1] + "…"
