"""Static validators of link rules (pySigma style: one issue kind per check class)."""

from __future__ import annotations

from dataclasses import dataclass
from typing import ClassVar

from escalate.events.lexicon import EventLexicon
from escalate.links.cues import CueMatcher
from escalate.links.rules import LinkRule, LocatedRule


def _intensities(ev: EventLexicon, category: str) -> set[float]:
    """Every intensity an event of ``category`` can have with this lexicon."""
    spec = ev.categories.get(category)
    if spec is None:
        return set()
    out = {spec.intensity}
    out |= {t.intensity for t in spec.triggers if t.intensity is not None}
    out |= {m.intensity for m in spec.modes if m.intensity is not None}
    return out


@dataclass
class NeverFiresCheck:
    """A rule whose cause or effect no event of the lexicon can satisfy, or whose cue can never be met."""

    events: EventLexicon
    cues: CueMatcher
    severity: ClassVar[str] = "error"

    def run(self, rules: list[LocatedRule], report) -> None:
        labels = {s.label for s in self.cues.specs}  # a rule may name a temporal label ("sequence")
        strongest = max((s.strength for s in self.cues.specs if s.kind == "causal"), default=0.0)
        for lr in rules:
            r = lr.rule
            for side_name in ("cause", "effect"):
                side = getattr(r, side_name)
                ok = [c for c in side.categories
                      if any(side.min_intensity <= x <= side.max_intensity for x in _intensities(self.events, c))]
                if not ok:
                    report(lr, f"no {side_name} can match: no event of {', '.join(side.categories)} has an "
                           f"intensity in [{side.min_intensity}, {side.max_intensity}]", self.severity)
            if r.cue == "stated":
                missing = [x for x in r.cue_labels if x not in labels]
                if r.cue_labels and len(missing) == len(r.cue_labels):
                    report(lr, f"cue_labels {missing} name no cue of the cue lexicon "
                           f"(known: {', '.join(sorted(x for x in labels if x))})", self.severity)
                elif missing:
                    report(lr, f"cue_labels {missing} name no cue of the cue lexicon", "warning")
                # the cues the rule can use: those it names, else every causal one
                usable = [x.strength for x in self.cues.specs if x.label in r.cue_labels] if r.cue_labels \
                    else [strongest]
                if r.min_cue_strength > max(usable, default=0.0):
                    report(lr, f"min_cue_strength {r.min_cue_strength} is above the strength of every cue "
                           f"the rule can use ({max(usable, default=0.0)})", self.severity)


def _overlap(a: LinkRule, b: LinkRule) -> bool:
    """Could one event pair satisfy both rules?"""
    if not (set(a.cause.categories) & set(b.cause.categories) and set(a.effect.categories) & set(b.effect.categories)):
        return False
    if a.window.max_days < b.window.min_days or b.window.max_days < a.window.min_days:
        return False
    if a.cue != "any" and b.cue != "any" and a.cue != b.cue:
        return False
    for sa, sb in ((a.cause, b.cause), (a.effect, b.effect)):
        if sa.max_intensity < sb.min_intensity or sb.max_intensity < sa.min_intensity:
            return False
        if not set(sa.modality) & set(sb.modality):
            return False
    compatible = {("reciprocal", "proxy"), ("reciprocal", "inverse"), ("inverse", "proxy")}
    return a.actors == b.actors or "any" in (a.actors, b.actors) or (a.actors, b.actors) in compatible \
        or (b.actors, a.actors) in compatible


def _covers(a: LinkRule, b: LinkRule) -> bool:
    """Does every pair that ``b`` accepts also satisfy ``a`` (so ``a``, ranked first, always wins)?"""
    return (set(b.cause.categories) <= set(a.cause.categories) and set(b.effect.categories) <= set(a.effect.categories)
            and a.window.min_days <= b.window.min_days and b.window.max_days <= a.window.max_days
            and (a.cue == b.cue or a.cue == "any")
            and a.cause.min_intensity <= b.cause.min_intensity and b.cause.max_intensity <= a.cause.max_intensity
            and a.effect.min_intensity <= b.effect.min_intensity and b.effect.max_intensity <= a.effect.max_intensity
            and set(b.cause.modality) <= set(a.cause.modality) and set(b.effect.modality) <= set(a.effect.modality)
            and (a.actors == b.actors or a.actors == "any") and not a.cue_labels
            and a.min_cue_strength <= b.min_cue_strength)


def pairwise(rules: list[LocatedRule], order: list[str], report_conflict, report_shadow) -> None:
    """Rules that label the same pair differently, and rules that can never win."""
    rank = {rid: i for i, rid in enumerate(order)}
    for i, first in enumerate(rules):
        for second in rules[i + 1:]:
            la, lb = (first, second) if rank.get(first.rule.id, 0) <= rank.get(second.rule.id, 0) else (second, first)
            a, b = la.rule, lb.rule
            if _covers(a, b):
                report_shadow(lb, f"shadowed by {a.id} ({la.path}:{la.line}): every pair it links, {a.id} links "
                              "first, so it never fires")
            elif _overlap(a, b) and a.label != b.label:
                report_conflict(lb, f"may label the same pair as {a.label!r} ({a.id}) and {b.label!r} ({b.id}); "
                                f"{a.id} wins by priority")
