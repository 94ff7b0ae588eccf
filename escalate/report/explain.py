"""``escalate explain ID``: an event's mentions, actors and time reasoning; a link's rule, cue and timing."""

from __future__ import annotations

from escalate.report.narrative import actor_text, code_text, what_text, when_text
from escalate.report.render import View


def explain_item(view: View, analysis, item: str) -> str | None:
    evs, lns = view.events, view.links
    w = view.wording
    out: list[str] = []
    if item in evs:
        e = evs[item]
        out.append(f"event {e.id}: {what_text(w, e, view.names)}")
        out.append(f"  code: {code_text(e)}; modality {e.modality}; reported by {e.sources} document(s)")
        out.append(f"  actor: {actor_text(w, e.actor, view.names)}" + (f" [{e.actor.id}, as “{e.actor.text}”]"
                                                                        if e.actor else ""))
        out.append(f"  target: {actor_text(w, e.target, view.names)}" + (f" [{e.target.id}, as “{e.target.text}”]"
                                                                          if e.target else ""))
        out.append(f"  when: {when_text(w, e)}; stated as {e.when.text!r} (TIMEX3 {e.when.value}, mod {e.when.mod}); "
                   f"bounds after reasoning {e.when.earliest}..{e.when.latest}")
        orders = [s for s in analysis.stated if item in (s.cause, s.effect)]
        for s in orders:
            rel = "after" if s.effect == item else "before"
            other = s.cause if s.effect == item else s.effect
            out.append(f"  ordering: starts {rel} {other} (“{s.cue}”, {s.sentence})")
        mentions = {m.id: m for d in analysis.documents for m in d.mentions}
        out.append("  mentions:")
        for mid in e.mentions:
            m = mentions.get(mid)
            if m is None:
                continue
            out.append(f"    {m.sentence} trigger “{m.trigger.text}” [{m.trigger.start}:{m.trigger.end}]"
                       + (f" actor “{m.actor.text}”" if m.actor else "") + (f" target “{m.target.text}”" if m.target else "")
                       + (f" date “{m.when.text}”" if m.when else "") + (" (definite)" if m.definite else ""))
        for iss in analysis.issues:
            if item in iss.events:
                out.append(f"  issue: {iss.message}")
        return "\n".join(out) + "\n"
    if item in lns:
        ln = lns[item]
        c, e = evs[ln.cause], evs[ln.effect]
        out.append(f"link {ln.id}: {ln.label} ({'stated' if ln.stated else 'inferred'}), confidence {ln.confidence}")
        out.append(f"  rule: {ln.rule}")
        out.append(f"  cause  {c.id}: {when_text(w, c)} — {what_text(w, c, view.names)}")
        out.append(f"  effect {e.id}: {when_text(w, e)} — {what_text(w, e, view.names)}")
        if ln.cue:
            out.append(f"  cue: “{ln.cue.text}” in {ln.cue.sentence}")
        if c.when.earliest and e.when.latest and c.when.latest and e.when.earliest:
            lo = (e.when.earliest - c.when.latest).days
            hi = (e.when.latest - c.when.earliest).days
            out.append(f"  timing: effect starts {lo}..{hi} days after the cause")
        return "\n".join(out) + "\n"
    return None
