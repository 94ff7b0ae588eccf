"""Shared wording for reporters: dates at their known precision, actors, event sentences."""

from __future__ import annotations

import re
from datetime import date
from functools import lru_cache
from pathlib import Path

from pydantic import Field

from escalate.models import ActorRef, Event, Strict
from escalate.yamlio import load_yaml, validate


class Phrase(Strict):
    with_target: str
    alone: str


class Wording(Strict):
    phrases: dict[str, Phrase]
    unknown_actor: str = "an unidentified party"
    months: list[str] = Field(min_length=12, max_length=12)
    mods: dict[str, str] = Field(default_factory=dict)


@lru_cache(maxsize=8)
def load_wording(rules_dir: Path) -> Wording:
    return validate(Wording, load_yaml(rules_dir / "report" / "en.yaml"))


def _day(w: Wording, d: date, year: bool = True) -> str:
    return f"{d.day} {w.months[d.month - 1]}" + (f" {d.year}" if year else "")


def when_text(w: Wording, e: Event) -> str:
    """The event's date at the precision known: "11 March 2020", "early January 2020", "December 2019"."""
    v, mod = e.when.value, e.when.mod
    prefix = (w.mods.get(mod, "") + " ") if mod and mod in w.mods else ""
    if v and re.fullmatch(r"\d{4}-\d{2}-\d{2}", v):
        y, m, d = map(int, v.split("-"))
        return prefix + _day(w, date(y, m, d))
    if v and re.fullmatch(r"\d{4}-\d{2}", v):
        y, m = map(int, v.split("-"))
        return f"{prefix}{w.months[m - 1]} {y}"
    if v and re.fullmatch(r"\d{4}", v):
        return f"{prefix}{v}"
    lo, hi = e.when.earliest, e.when.latest
    if lo and hi:
        if lo == hi:
            return _day(w, lo)
        if lo.year == hi.year:
            return f"between {_day(w, lo, year=False)} and {_day(w, hi)}"
        return f"between {_day(w, lo)} and {_day(w, hi)}"
    if hi:
        return f"by {_day(w, hi)}"
    if lo:
        return f"after {_day(w, lo)}"
    return "undated"


def actor_text(w: Wording, a: ActorRef | None, names: dict[str, str] | None = None) -> str:
    if a is None:
        return w.unknown_actor
    names = names or {}
    name = a.name
    extra = []
    if a.side and a.side != a.id and not a.id.startswith(a.side + "."):
        extra.append(names.get(a.side, a.side))
    if a.backed_by and "-" not in a.id:
        extra.append("backed by " + ", ".join(names.get(b, b) for b in a.backed_by))
    return f"{name} ({'; '.join(extra)})" if extra else name


def what_text(w: Wording, e: Event, names: dict[str, str] | None = None) -> str:
    p = w.phrases.get(f"{e.category}/{e.mode}") or w.phrases.get(e.category)  # a mode may say it its own way
    actor = actor_text(w, e.actor, names)
    if p is None:
        return f"{actor}: {e.category}"
    s = p.with_target.format(actor=actor, target=actor_text(w, e.target, names)) if e.target else p.alone.format(actor=actor)
    toll = []
    if e.fatalities is not None:
        toll.append(f"{e.fatalities} killed")
    if e.injuries is not None:
        toll.append(f"{e.injuries} injured")
    if e.location:
        s += f" in {e.location}"
    return s + (f" ({', '.join(toll)})" if toll else "")


def code_text(e: Event) -> str:
    parts = [e.category + (f"/{e.mode}" if e.mode else "")]
    if e.cameo:
        parts.append(f"CAMEO {e.cameo}")
    parts.append(f"intensity {e.intensity:+g}")
    return ", ".join(parts)
