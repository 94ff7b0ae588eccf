"""Places (rules/actors/places.yaml): a town or region is where an act happened, never a party."""

from __future__ import annotations

from datetime import date

import pytest

from escalate.errors import RulesError
from escalate.events.actors import load_actors
from escalate.models import Document

from .conftest import add_file, linked_pack


def _mentions(pipe, text: str):
    doc = Document(id="x", text=text, published=date(2024, 5, 2), published_from="record")
    return pipe.analyse([doc]).documents[0].mentions


def test_a_place_is_never_a_party(pipe):
    text = "Kharkiv came under attack as officials in Odesa counted the dead."
    found = {a.text: a for a in pipe.res.actors.find(text, 0, len(text))}
    assert found["Kharkiv"].how == "place" and found["Kharkiv"].locative and found["Kharkiv"].actor == "UKR"
    assert found["Odesa"].locative


def test_an_attack_on_a_foreign_place_targets_its_state(pipe):
    [m] = _mentions(pipe, "Russian missiles struck Kharkiv on Tuesday, killing five people.")
    assert m.category == "ASSAULT" and m.actor is not None and m.actor.id.startswith("RUS")
    assert m.target is not None and m.target.id.startswith("UKR") and m.location == "Ukraine"


def test_an_act_at_home_does_not_make_its_state_the_target(pipe):
    [m] = _mentions(pipe, "Pakistani troops raided a militant hideout in Peshawar on Monday.")
    assert m.location == "Pakistan" and (m.target is None or not m.target.id.startswith("PAK"))


def test_the_place_after_another_act_is_that_acts(pipe):
    ms = _mentions(pipe, "Militias in Iraq and Syria have launched attacks on bases housing U.S. troops, "
                         "which they say is retaliation for Washington's support for Israel in Gaza.")
    attack = next(m for m in ms if m.category == "ASSAULT")
    assert attack.location == "Syria"


def test_places_of_an_unknown_state_are_a_located_error(tmp_path):
    pack = linked_pack(tmp_path, edit="actors")
    add_file(pack / "actors", "more_places.yaml", "places:\n  UKR: [Uman]\n  XXX: [Nowhere]\n")
    with pytest.raises(RulesError) as exc:
        load_actors(pack)
    assert "more_places.yaml:3:3" in str(exc.value) and "'XXX' is no state" in str(exc.value)

