"""Reporters and exports: graph formats, explain, chains without near-duplicates."""

from __future__ import annotations

import io
import json

import networkx as nx
from typer.testing import CliRunner

from escalate.cli import app
from escalate.pipeline import camp
from escalate.rank.chains import ChainQuery, build_chains

runner = CliRunner()


def test_graphml_dot_json_exports():
    g = runner.invoke(app, ["graph", "--format", "graphml"])
    assert g.exit_code == 0
    graph = nx.read_graphml(io.BytesIO(g.output.encode("utf-8")))
    assert graph.number_of_nodes() > 5 and graph.number_of_edges() >= 3
    dot = runner.invoke(app, ["graph", "--format", "dot"])
    assert dot.exit_code == 0 and dot.output.startswith("digraph escalate {") and "->" in dot.output
    js = runner.invoke(app, ["graph", "--format", "json"])
    data = json.loads(js.output)
    assert data["nodes"] and data["links"]


def test_explain_event_and_link():
    out = json.loads(runner.invoke(app, ["chain", "--format", "json"]).output)
    chain = out["chains"][0]
    ev = runner.invoke(app, ["explain", chain["events"][2]])
    assert ev.exit_code == 0 and "mentions:" in ev.output and "bounds after reasoning" in ev.output
    ln = runner.invoke(app, ["explain", chain["links"][0]])
    assert ln.exit_code == 0 and "rule:" in ln.output and "timing:" in ln.output
    missing = runner.invoke(app, ["explain", "ev_nonexistent"])
    assert missing.exit_code != 0


def test_chains_are_maximal_and_ranked(seed, pipe):
    chains = build_chains(seed.events, seed.links, camp, pipe.res.rank, ChainQuery())
    sets = [set(c.events) for c in chains]
    for i, a in enumerate(sets):
        assert not any(a < b for j, b in enumerate(sets) if i != j), "a chain inside another is a near-duplicate"
    assert [c.rank for c in chains] == list(range(1, len(chains) + 1))
    assert all(chains[i].score >= chains[i + 1].score for i in range(len(chains) - 1))
    by_conf = build_chains(seed.events, seed.links, camp, pipe.res.rank, ChainQuery(rank_by="confidence"))
    assert all(by_conf[i].components["confidence"] >= by_conf[i + 1].components["confidence"]
               for i in range(len(by_conf) - 1))


def test_force_ranks_a_strike_answered_by_a_strike_above_one_answered_by_words(seed, pipe):
    chains = build_chains(seed.events, seed.links, camp, pipe.res.rank, ChainQuery(top=50))
    by_id = {e.id: e for e in seed.events}
    for c in chains:
        severity = [min(1.0, max(0.0, -by_id[x].intensity / 10)) for x in c.events]
        assert abs(c.components["force"] - sum(severity) / len(severity)) < 1e-9
    by_force = build_chains(seed.events, seed.links, camp, pipe.res.rank, ChainQuery(rank_by="force", top=50))
    assert all(by_force[i].components["force"] >= by_force[i + 1].components["force"]
               for i in range(len(by_force) - 1))


def test_filters():
    strict = json.loads(runner.invoke(app, ["chain", "--format", "json", "--top", "50",
                                            "--min-confidence", "0.8"]).output)
    links = {ln["id"]: ln for ln in strict["links"]}
    assert all(links[x]["confidence"] >= 0.8 for c in strict["chains"] for x in c["links"])
    late = json.loads(runner.invoke(app, ["chain", "--format", "json", "--from", "March 2020"]).output)
    events = {e["id"]: e for e in late["events"]}
    for c in late["chains"]:
        assert all(events[x]["when"]["latest"] is None or events[x]["when"]["latest"] >= "2020-03-01"
                   for x in c["events"])
    iran = json.loads(runner.invoke(app, ["chain", "--format", "json", "--actor", "Iran"]).output)
    assert iran["chains"]


def test_published_schemas_are_up_to_date():
    """docs/schema/*.json are what the models accept today (regenerate with
    `python -m escalate.schema docs/schema --force`)."""
    import json
    from pathlib import Path

    from escalate.schema import SCHEMAS, schema_of

    folder = Path(__file__).resolve().parents[1] / "docs" / "schema"
    for name, (model, title) in SCHEMAS.items():
        on_disk = json.loads((folder / name).read_text(encoding="utf-8"))
        assert on_disk == schema_of(model, title), f"{name} is stale"


def test_events_json_carries_the_event_graph():
    out = json.loads(runner.invoke(app, ["events", "--format", "json"]).output)
    ids = {e["id"] for e in out["events"]}
    assert out["links"] and all(ln["cause"] in ids and ln["effect"] in ids for ln in out["links"])
    assert out["chains"] == []
