"""Other tit-for-tat episodes, written for the tests: each must yield its own chain."""

from __future__ import annotations

from datetime import date

import pytest

from escalate.pipeline import camp
from escalate.rank.chains import ChainQuery, build_chains

from .conftest import ARTICLES, analyse

CASES = {
    # file: (first event's date, number of events at least, a side that must appear)
    "india_pakistan_2019.md": (date(2019, 2, 14), 3, "PAK"),
    "israel_iran_2024.md": (date(2024, 4, 1), 3, "ISR"),
    "us_houthis_2024.md": (None, 3, "USA"),
}


@pytest.mark.parametrize("name", sorted(CASES))
def test_article_yields_its_chain(pipe, name):
    first_day, length, side = CASES[name]
    a = analyse(pipe, ARTICLES / name)
    chains = build_chains(a.events, a.links, camp, pipe.res.rank, ChainQuery(top=3))
    assert chains, name
    top = chains[0]
    assert len(top.events) >= length
    by_id = {e.id: e for e in a.events}
    if first_day is not None:
        assert by_id[top.events[0]].when.earliest == first_day
    links = {ln.id: ln for ln in a.links}
    assert any(links[x].stated for x in top.links)
    # the episode has both kinds of link: stated by the text, and inferred from parties and timing
    assert any(ln.stated for ln in a.links) and any(not ln.stated for ln in a.links)
    assert any(side in camp(by_id[x].actor) for x in top.events if by_id[x].actor)
    # sides alternate somewhere: a retaliation, not one party's campaign
    assert any(s.role == "retaliation" for s in top.steps)


def test_corpus_of_articles_keeps_episodes_apart(pipe):
    a = analyse(pipe, ARTICLES)
    chains = build_chains(a.events, a.links, camp, pipe.res.rank, ChainQuery(top=10))
    by_id = {e.id: e for e in a.events}
    for c in chains:
        docs = {by_id[x].citations[0].doc for x in c.events}
        assert len(docs) == 1, "episodes years apart must not be chained together"


def test_document_order_does_not_change_result(pipe):
    from escalate.report.render import to_json  # noqa: F401  (reporter module must import cleanly)

    paths = sorted(ARTICLES.glob("*.md"))
    one = pipe.read(paths).documents
    two = list(reversed(pipe.read(list(reversed(paths))).documents))
    a = pipe.analyse(one)
    b = pipe.analyse(list(reversed(two)))
    assert a.report().model_dump_json() == b.report().model_dump_json()
