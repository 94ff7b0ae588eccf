"""ICEWS import (escalate.structured.icews) and the CAMEO -> PLOVER table, on tiny inline files."""

from __future__ import annotations

import shutil
from datetime import date
from pathlib import Path

import pytest

from escalate.errors import InputError, RulesError
from escalate.resources import rules_dir
from escalate.structured.icews import load_cameo, load_cameo_map, read_icews, reciprocity

ENTITIES = """Police (Nigeria)\t0
Citizen (Nigeria)\t1
Iran\t2
Israel\t3
Citizen (Hong Kong)\t4
Nobody Known\t5
"""
RELATIONS = """Use conventional military force\t0
Make statement\t1
Threaten\t2
Arrest, detain, or charge with legal action\t3
Employ aerial weapons\t4
"""
# hour 5856 = day 244 = 2018-09-02; 5880 = 2018-09-03
QUADS = """0\t0\t1\t5856\t0
2\t1\t3\t5856\t0
2\t2\t3\t5880\t0
3\t4\t2\t5880\t0
4\t3\t5\t5880\t0
"""


def _folder(tmp_path: Path, relations: str = RELATIONS) -> Path:
    d = tmp_path / "icews"
    d.mkdir()
    (d / "entity2id.txt").write_text(ENTITIES, encoding="utf-8")
    (d / "relation2id.txt").write_text(relations, encoding="utf-8")
    (d / "test.txt").write_text(QUADS, encoding="utf-8")
    return d


def test_mapping_validates_and_covers_the_categories():
    table = load_cameo(rules_dir())
    assert len(table) == 256
    cats = {r.category for r in table.values()}
    assert cats - {None} == {"AGREE", "CONSULT", "SUPPORT", "CONCEDE", "COOPERATE", "AID", "RETREAT", "REQUEST",
                             "ACCUSE", "REJECT", "THREATEN", "PROTEST", "SANCTION", "MOBILIZE", "COERCE",
                             "ASSAULT"}
    assert table["Make statement"].category is None
    force = table["Use conventional military force"]
    assert (force.category, force.cameo, force.intensity) == ("ASSAULT", "190", -10.0)
    assert table["Investigate"].mode == "investigate" and table["Investigate"].category == "ACCUSE"
    assert table["Demand"].category == "REQUEST"
    # Goldstein: every conflict category is negative, every cooperation category positive
    for r in table.values():
        if r.category in {"ASSAULT", "COERCE", "THREATEN", "PROTEST", "SANCTION", "MOBILIZE", "REJECT", "ACCUSE"}:
            assert r.intensity < 0, r.name
        if r.category in {"AGREE", "CONSULT", "SUPPORT", "COOPERATE", "AID", "CONCEDE", "RETREAT"}:
            assert r.intensity > 0, r.name
    assert load_cameo_map(rules_dir()).places["Hong Kong"] == "CHN"


def test_quads_become_events(tmp_path):
    events = read_icews(_folder(tmp_path), files=("valid.txt", "test.txt"))
    # "Make statement" (line 2) has no PLOVER category and is not imported
    assert [e.id for e in events] == ["icews:test.txt:1", "icews:test.txt:3", "icews:test.txt:4",
                                      "icews:test.txt:5"]
    strike, threat, air, arrest = events
    assert (strike.category, strike.cameo, strike.intensity) == ("ASSAULT", "190", -10.0)
    assert strike.actor.side == "NGA" and strike.target.side == "NGA" and strike.actor.country == "NGA"
    assert strike.actor.text == "Police (Nigeria)"
    assert strike.when.earliest == strike.when.latest == date(2018, 9, 2)
    assert threat.category == "THREATEN" and threat.actor.side == "IRN" and threat.target.side == "ISR"
    assert threat.actor.id == "IRN" and threat.when.earliest == date(2018, 9, 3)
    assert (air.category, air.mode, air.actor.side, air.target.side) == ("ASSAULT", "aerial", "ISR", "IRN")
    # a place from the table's `places`, and an unknown name that keeps its own name as side
    assert arrest.category == "COERCE" and arrest.actor.side == "CHN"
    assert arrest.target.side == "Nobody Known" and arrest.target.id == "icews:Nobody Known"
    cit = strike.citations[0]
    assert (cit.doc, cit.sentence, cit.start, cit.end) == ("icews18", "icews18:test.txt:1", 0, 0)
    assert cit.text == "Police (Nigeria) — Use conventional military force — Citizen (Nigeria) — 2018-09-02"


def test_limit_and_missing_files(tmp_path):
    d = _folder(tmp_path)
    assert len(read_icews(d, limit=2)) == 2
    with pytest.raises(InputError, match="none of"):
        read_icews(d, files=("train.txt",))
    with pytest.raises(InputError, match="entity2id"):
        read_icews(tmp_path)


def test_unknown_relation_is_an_error_or_skipped_with_a_warning(tmp_path):
    d = _folder(tmp_path, RELATIONS + "Do something new\t5\n")
    (d / "test.txt").write_text(QUADS + "2\t5\t3\t5880\t0\n", encoding="utf-8")
    with pytest.raises(InputError, match="Do something new"):
        read_icews(d)
    with pytest.warns(UserWarning, match="Do something new"):
        events = read_icews(d, unknown="skip")
    assert len(events) == 4


def test_bad_mapping_is_a_located_rules_error(tmp_path):
    pack = tmp_path / "pack"
    (pack / "structured").mkdir(parents=True)
    shutil.copytree(rules_dir() / "actors", pack / "actors")
    (pack / "structured" / "cameo.yaml").write_text(
        "relations:\n  - {name: Threaten, category: MENACE, cameo: \"130\", intensity: -4.4}\n"
        "  - {name: Demand, category: REQUEST, cameo: \"100\", intensity: -5.0, colour: red}\n",
        encoding="utf-8")
    with pytest.raises(RulesError) as exc:
        read_icews(_folder(tmp_path), rules_dir=pack)
    text = str(exc.value)
    assert "cameo.yaml:2:" in text and "cameo.yaml:3:" in text and "colour" in text


def test_reverse_assault_delays(tmp_path):
    events = read_icews(_folder(tmp_path))
    rec = reciprocity(events)
    # Police (Nigeria) -> Citizen (Nigeria) is never answered; Israel -> Iran (aerial) neither
    assert rec["assaults"] == 2 and rec["answered"] == 0
    # Iran strikes Israel two days after Israel's air strike on Iran: one answer, delay 2
    d = tmp_path / "icews"
    (d / "test.txt").write_text(QUADS + "2\t0\t3\t5928\t0\n", encoding="utf-8")
    rec = reciprocity(read_icews(d))
    assert rec["assaults"] == 3 and rec["answered"] == 1 and rec["delays"] == [2]
    assert rec["histogram"]["2"] == 1


def test_duplicate_relation_names_are_rejected(tmp_path):
    pack = tmp_path / "pack"
    (pack / "structured").mkdir(parents=True)
    (pack / "structured" / "cameo.yaml").write_text(
        "relations:\n  - {name: Threaten, category: THREATEN, cameo: \"130\", intensity: -4.4}\n"
        "  - {name: Threaten, category: THREATEN, cameo: \"130\", intensity: -4.4}\n", encoding="utf-8")
    with pytest.raises(RulesError, match="listed twice: Threaten"):
        load_cameo(pack)


def test_sector_head_only_when_it_belongs_to_the_place():
    from escalate.events.actors import load_actors
    from escalate.structured.icews import Resolver

    r = Resolver(load_actors(rules_dir()), dict(load_cameo_map(rules_dir()).places))
    day = date(2018, 9, 1)
    assert r.ref("Security Council (Iran)", day).side == "IRN"  # Iran's council, not the UN's
    assert r.ref("State Duma (Russia)", day).side == "RUS"
    assert r.ref("Citizen (Hong Kong)", day).side == "CHN"
