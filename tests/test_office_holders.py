"""Office holders who share a name: the one in office when the article was written acts for the state."""

from __future__ import annotations

from datetime import date

from escalate.events.actors import load_actors
from escalate.models import Document
from escalate.pipeline import Pipeline

from .conftest import add_file, linked_pack

# two invented presidents of one state, father and son, both "President Varga"
_FAMILY = """\
actors:
  - {id: anton_varga, name: Anton Varga, kind: person, country: HUN, aliases: [Anton Varga, Varga, President Varga],
     agent_of: HUN, offices: [{title: President, agent_of: HUN, from: 1989-01-20, to: 1993-01-20}]}
  - {id: bela_varga, name: Bela Varga, kind: person, country: HUN, aliases: [Bela Varga, Varga, President Varga],
     agent_of: HUN, offices: [{title: President, agent_of: HUN, from: 2001-01-20, to: 2009-01-20}]}
"""


def _pack(tmp_path):
    pack = linked_pack(tmp_path, edit="actors")  # (compiles the actor lexicon anew: one pack per test)
    add_file(pack / "actors", "family.yaml", _FAMILY)
    return pack


def _actor(pipe: Pipeline, text: str, published: date) -> str | None:
    doc = Document(id="x", text=text, published=published, published_from="record")
    [m] = [m for m in pipe.analyse([doc]).documents[0].mentions if m.category == "ASSAULT"]
    return m.actor.id if m.actor is not None else None


def test_a_shared_name_is_the_holder_in_office_on_the_day(tmp_path):
    lex = load_actors(_pack(tmp_path))
    text = "President Varga ordered air strikes."
    for day, who in ((date(1991, 1, 17), "anton_varga"), (date(2003, 3, 20), "bela_varga"),
                     (date(2010, 6, 1), "bela_varga"),  # out of office: the one who left last
                     (date(1995, 6, 1), "anton_varga")):
        [m] = [m for m in lex.find(text, 0, len(text), when=day) if m.text == "President Varga"]
        assert m.actor == who, day
    [m] = [m for m in lex.find(text, 0, len(text)) if m.text == "President Varga"]
    assert m.actor == "anton_varga"  # no date: the first listed


def test_the_holder_in_office_acts_for_the_state(tmp_path):
    pipe = Pipeline(_pack(tmp_path))  # a new pipeline, whose first article opens with a dateline
    text = "BUDAPEST, March 20 (Reuters) - Varga ordered air strikes on rebel positions in the north."
    assert _actor(pipe, text, date(2003, 3, 20)) == "bela_varga"
    assert _actor(pipe, text, date(1991, 1, 17)) == "anton_varga"
