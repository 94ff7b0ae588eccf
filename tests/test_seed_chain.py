"""Acceptance on the bundled seed article (issue 2): the five events, their links and the chain."""

from __future__ import annotations

import json
from datetime import date

import networkx as nx
from typer.testing import CliRunner

from escalate.cli import app
from escalate.models import Event
from escalate.pipeline import camp
from escalate.rank.chains import ChainQuery, build_chains


def _one(events: list[Event], pred) -> Event:
    found = [e for e in events if pred(e)]
    assert len(found) == 1, [(e.category, e.when, e.citations[0].text[:60]) for e in found]
    return found[0]


def _sides(ref) -> frozenset[str]:
    return camp(ref) if ref is not None else frozenset()


def key_events(a):
    ev = [e for e in a.events if e.modality == "asserted"]
    e1 = _one(ev, lambda e: e.category == "ASSAULT" and e.when.earliest == date(2019, 12, 1)
              and e.when.latest == date(2019, 12, 31))
    e2 = _one(ev, lambda e: e.category == "ASSAULT" and e.when.mod == "START" and e.when.value == "2020-01")
    e4 = _one(ev, lambda e: e.category == "ASSAULT" and e.when.value == "2020-03-11")
    e5 = _one(ev, lambda e: e.category == "MOBILIZE" and e.when.value == "2020-03-12")
    e3 = _one(ev, lambda e: e.category == "ASSAULT" and e.when.value is None and e.injuries == 100)
    return e1, e2, e3, e4, e5


def test_five_events_with_roles_and_dates(seed):
    e1, e2, e3, e4, e5 = key_events(seed)
    assert "IRN" in _sides(e1.actor) and "USA" in _sides(e1.target) and e1.fatalities == 1
    assert e1.actor.id == "kataib_hezbollah"
    assert _sides(e2.actor) == {"USA"} and "IRN" in _sides(e2.target) and e2.mode == "assassinate"
    assert e2.when.earliest == date(2020, 1, 1) and e2.when.latest <= date(2020, 1, 10)
    # the retaliatory missile attack is undated in the text: reasoning bounds it
    assert e3.actor.side == "IRN" and "USA" in _sides(e3.target)
    assert e3.when.earliest == e2.when.earliest and e3.when.latest == date(2020, 3, 13)
    # one event for the Taji attack, however many sentences mention it
    assert len(e4.citations) >= 5 and e4.fatalities == 3
    assert "IRN" in _sides(e4.actor) and "USA" in _sides(e4.target)
    assert any("Taji" in c.text for c in e4.citations)
    assert _sides(e5.actor) == {"USA"} and e5.actor.id == "donald_trump"


def test_links(seed):
    e1, e2, e3, e4, e5 = key_events(seed)
    pairs = {(ln.cause, ln.effect): ln for ln in seed.links}
    for c, e in ((e1, e2), (e2, e3), (e4, e5)):
        assert (c.id, e.id) in pairs and pairs[(c.id, e.id)].stated, (c.id, e.id)
        assert pairs[(c.id, e.id)].cue is not None
    assert (e2.id, e4.id) in pairs or (e3.id, e4.id) in pairs


def test_top_chain(seed, pipe):
    e1, e2, e3, e4, e5 = key_events(seed)
    start = pipe.res.tagger.parse_when("Dec 2019")
    chains = build_chains(seed.events, seed.links, camp, pipe.res.rank, ChainQuery(start=start.earliest, top=5))
    assert chains and chains[0].events[0] == e1.id
    assert chains[0].events == [e1.id, e2.id, e3.id, e4.id, e5.id]  # the whole story, in order
    g = nx.DiGraph([(ln.cause, ln.effect) for ln in seed.links])
    assert nx.has_path(g, e1.id, e5.id)
    by_id = {e.id: e for e in seed.events}
    for c in chains:
        for x in c.events:
            assert by_id[x].when.latest is None or by_id[x].when.latest >= date(2019, 12, 1)
            assert by_id[x].modality == "asserted"


def test_citations_exact_and_never_boilerplate(seed):
    doc = seed.documents[0]
    related = doc.text.index("Related Articles")
    for e in seed.events:
        for c in e.citations:
            assert doc.text[c.start:c.end] == c.text
            assert c.start < related
            assert c.start >= doc.body_start  # never the headline or the byline


def test_habitual_not_in_chain(seed):
    habitual = [e for e in seed.events if any("regularly" in c.text for c in e.citations)]
    assert habitual and all(e.modality == "habitual" for e in habitual)
    chained = {x for ln in seed.links for x in (ln.cause, ln.effect)}
    assert not chained & {e.id for e in habitual}


def test_quotes_attributed_to_speaker_state(seed):
    # "... they warned that all options were on the table": the officials' state issued the threat
    threats = [e for e in seed.events if e.category == "THREATEN"]
    assert threats and all(e.actor is not None and e.actor.side == "USA" for e in threats)


def test_cli_json_and_text_deterministic():
    runner = CliRunner()
    a = runner.invoke(app, ["chain", "--from", "Dec 2019", "--format", "json"])
    b = runner.invoke(app, ["chain", "--from", "Dec 2019", "--format", "json"])
    assert a.exit_code == 0, a.output
    assert a.output == b.output
    data = json.loads(a.output)
    assert data["schema_version"] == 1 and data["chains"] and data["events"] and data["links"]
    for key in ("id", "category", "mode", "cameo", "intensity", "actor", "target", "when", "fatalities",
                "injuries", "location", "citations"):
        assert key in data["events"][0]
    text = runner.invoke(app, ["chain", "--from", "Dec 2019"])
    assert text.exit_code == 0
    assert "Kataib Hezbollah" in text.output and "retaliation" in text.output
    assert "“Washington blamed Kataib Hezbollah for a strike in December" in text.output
    md = runner.invoke(app, ["chain", "--from", "Dec 2019", "--format", "markdown"])
    assert md.exit_code == 0 and md.output.startswith("# ")
