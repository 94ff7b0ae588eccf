"""Graph exports: GraphML (Gephi, yEd), Graphviz dot, and node-link JSON."""

from __future__ import annotations

import io
import json

import networkx as nx

from escalate.report.narrative import what_text, when_text
from escalate.report.render import View


def to_networkx(view: View) -> nx.DiGraph:
    g = nx.DiGraph()
    for e in view.report.events:
        g.add_node(e.id, label=what_text(view.wording, e, view.names), category=e.category, mode=e.mode or "",
                   cameo=e.cameo or "", intensity=e.intensity, modality=e.modality,
                   when=when_text(view.wording, e),
                   earliest=e.when.earliest.isoformat() if e.when.earliest else "",
                   latest=e.when.latest.isoformat() if e.when.latest else "",
                   actor=e.actor.id if e.actor else "", target=e.target.id if e.target else "",
                   citations=len(e.citations), sentence=e.citations[0].sentence if e.citations else "")
    for ln in view.report.links:
        g.add_edge(ln.cause, ln.effect, id=ln.id, label=ln.label, rule=ln.rule, stated=ln.stated,
                   confidence=ln.confidence, cue=ln.cue.text if ln.cue else "")
    return g


def _dot_escape(s: str) -> str:
    return s.replace("\\", "\\\\").replace('"', '\\"')


def export(view: View, fmt: str) -> str:
    g = to_networkx(view)
    if fmt == "graphml":
        buf = io.BytesIO()
        nx.write_graphml(g, buf, encoding="utf-8", prettyprint=True)
        return buf.getvalue().decode("utf-8")
    if fmt == "json":
        return json.dumps(nx.node_link_data(g, edges="links"), indent=2, ensure_ascii=False, default=str) + "\n"
    lines = ["digraph escalate {", "  rankdir=LR;", '  node [shape=box, fontsize=10];']
    for n, d in g.nodes(data=True):
        lines.append(f'  "{n}" [label="{_dot_escape(d["when"])}\\n{_dot_escape(d["label"])}"];')
    for u, v, d in g.edges(data=True):
        style = "solid" if d["stated"] else "dashed"
        lines.append(f'  "{u}" -> "{v}" [label="{_dot_escape(d["label"])} {d["confidence"]:.2f}", style={style}];')
    lines.append("}")
    return "\n".join(lines) + "\n"
