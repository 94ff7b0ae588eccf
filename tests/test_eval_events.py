"""Scoring arithmetic of the PLOVER and ACLED evaluations, on tiny inline fixtures.

The engine is replaced by a fake pipeline that returns canned events, so these tests pin the
scoring, not the lexicons (which are being tuned). One smoke test runs the real pipeline.
"""

from __future__ import annotations

import json
from dataclasses import dataclass, field
from datetime import date

import pytest

from escalate.eval import acled, plover
from escalate.eval.common import code_matches, normalise_name
from escalate.models import ActorRef, Citation, Event, When
from escalate.resources import rules_dir


def ref(id_: str, country: str | None = None, kind: str = "state", side: str | None = None) -> ActorRef:
    return ActorRef(id=id_, name=id_, text=id_, country=country, kind=kind, side=side or id_)


def ev(doc: str, n: int, category: str, actor=None, target=None, modality="asserted", when=None, fatalities=None):
    return Event(id=f"{doc}-e{n}", category=category, actor=actor, target=target, modality=modality,
                 when=when or When(), fatalities=fatalities,
                 citations=[Citation(doc=doc, sentence=f"{doc}:1", start=n * 10, end=n * 10 + 5, text="x")])


@dataclass
class FakeAnalysis:
    events: list[Event] = field(default_factory=list)


class FakeRes:
    rules_dir = rules_dir()


class FakePipe:
    """Stands in for ``Pipeline``: returns the canned events of the documents it is given."""

    res = FakeRes()

    def __init__(self, canned: dict[str, list[Event]]):
        self.canned = canned

    def analyse(self, docs):
        return FakeAnalysis([e for d in docs for e in self.canned.get(d.id, [])])


# ---------------------------------------------------------------------------- PLOVER
PLOVER_RECORDS = [
    {"id": "R1", "date": "2000-01-05", "event": "FIGHT", "text": "Israeli troops attacked Gaza.",
     "source": [{"actorText": "Israeli", "code": "ISR"}], "target": [{"actorText": "Gaza", "code": "PSE"}]},
    {"id": "R2", "date": "2000-01-06", "event": "DEMAND", "text": "The UN demanded a ceasefire.",
     "source": [{"actorText": "UN", "code": "IGO"}], "target": ""},
    {"id": "R3", "date": "2000-01-07", "event": "AGREE", "text": "Japan and Italy agreed.",
     "source": [{"actorText": "Japan", "code": "JAP"}], "target": [{"actorText": "Italy", "code": "ITL"}]},
]


def plover_canned():
    return {
        # R1: first event COERCE, second ASSAULT (matched): category hit, not first; source via id prefix
        "R1": [ev("R1", 1, "COERCE", actor=ref("ISR.military", "ISR", "military", "ISR")),
               ev("R1", 2, "ASSAULT", actor=ref("ISR.military", "ISR", "military", "ISR"),
                  target=ref("SYR", "SYR"))],
        # R2: one asserted REQUEST by an organisation (IGO), plus a future event (not a prediction)
        "R2": [ev("R2", 1, "REQUEST", actor=ref("un", None, "organisation", "un")),
               ev("R2", 2, "THREATEN", modality="future")],
        # R3: nothing asserted
        "R3": [ev("R3", 1, "AGREE", modality="hypothetical")],
    }


def test_plover_scoring(tmp_path):
    path = tmp_path / "dev.json"
    path.write_text(json.dumps(PLOVER_RECORDS), encoding="utf-8")
    golds = plover.load(path)
    assert [g.category for g in golds] == ["ASSAULT", "REQUEST", "AGREE"]
    assert golds[2].sources == ["JPN"] and golds[2].targets == ["ITA"] and golds[1].targets == []
    res = plover.evaluate(path, pipe=FakePipe(plover_canned()))
    s = res.scores
    assert s.records == 3
    assert s.category_accuracy == pytest.approx(2 / 3, abs=1e-4)
    assert s.any_event_hit_rate == s.category_accuracy
    assert s.first_event_accuracy == pytest.approx(1 / 3, abs=1e-4)
    assert s.events_found == pytest.approx(2 / 3, abs=1e-4)
    assert s.extra_events_per_record == pytest.approx(1 / 3, abs=1e-4)  # R1 has one extra
    assert s.asserted_events == 3 and s.non_asserted_events == 2
    assert s.non_asserted_by_modality == {"future": 1, "hypothetical": 1}
    assert s.records_with_only_non_asserted == 1
    # sources: R1 ISR ok, R2 IGO ok (organisation), R3 no actor -> 2/2 with actor, 2/3 over all
    assert (s.source_match, s.source_match_n) == (1.0, 2)
    assert s.source_match_all == pytest.approx(2 / 3, abs=1e-4) and s.source_match_all_n == 3
    # targets: R1 gold PSE vs SYR -> miss; R2 no gold target; R3 no prediction
    assert (s.target_match, s.target_match_n) == (0.0, 1)
    assert (s.target_match_all, s.target_match_all_n) == (0.0, 2)
    cats = {c.category: c for c in res.categories}
    assert (cats["ASSAULT"].gold, cats["ASSAULT"].correct, cats["ASSAULT"].extra) == (1, 1, 1)
    assert cats["AGREE"].predicted_as == {"(none)": 1}
    text = plover.render(res, worst=5, texts={g.id: g.text for g in golds})
    assert "R3" in text and "category accuracy" in text
    assert plover.render(res) == plover.render(res)  # deterministic


def test_code_matching():
    assert code_matches("USA", ref("USA.military", None, "military", "x"))  # ISO3 prefix of the id
    assert code_matches("RUS", ref("wagner", None, "armed_group", "RUS"))  # side
    assert code_matches("IGO", ref("nato", None, "organisation"))
    assert not code_matches("IGO", ref("FRA", "FRA"))
    assert not code_matches("---", ref("FRA", "FRA"))
    assert normalise_name("Military Forces of Somalia (2017-)") == "military forces of somalia"


# ---------------------------------------------------------------------------- ACLED
ACLED_CSV = """event_id_cnty,event_date,event_type,sub_event_type,actor1,actor2,country,iso3,notes,fatalities
SOM1,9-May-20,Battles,Armed clash,Al Shabaab,Military Forces of Somalia (2017-),Somalia,SOM,"On 9 May 2020, Al Shabaab attacked soldiers.",2
IND1,8-May-20,Protests,Peaceful protest,Protesters (India),,India,IND,"On 8 May 2020, workers protested in Delhi.",0
MEX1,7-May-20,Violence against civilians,Attack,Unidentified Gang (Mexico),Civilians (Mexico),Mexico,MEX,"On 7 May 2020, a man was found dead.",1
SYR1,6-May-20,Strategic developments,Agreement,Military Forces of Turkey (2016-),,Syria,SYR,"On 6 May 2020, Turkey and Russia agreed on patrols.",0
"""


def acled_canned():
    day = lambda d: When(earliest=d, latest=d)  # noqa: E731
    return {
        # hit, dated right, actor by name (al_shabaab), fatalities agree
        "SOM1": [ev("SOM1", 1, "ASSAULT", actor=ref("al_shabaab", None, "armed_group", "al_shabaab"),
                    when=day(date(2020, 5, 9)), fatalities=2),
                 ev("SOM1", 2, "ASSAULT", modality="negated")],
        # hit but dated wrong; actor country IND; extra asserted event
        "IND1": [ev("IND1", 1, "PROTEST", actor=ref("IND.population", "IND", "population", "IND"),
                    when=day(date(2020, 5, 1))),
                 ev("IND1", 2, "REQUEST")],
        # miss: only a COERCE
        "MEX1": [ev("MEX1", 1, "COERCE")],
        # strategic agreement: hit, not part of the recall
        "SYR1": [ev("SYR1", 1, "AGREE")],
    }


def test_acled_scoring(tmp_path):
    path = tmp_path / "acled.csv"
    path.write_text(ACLED_CSV, encoding="utf-8")
    rows = acled.load(path)
    assert [r.event_date for r in rows][:2] == [date(2020, 5, 9), date(2020, 5, 8)]
    res = acled.evaluate(path, pipe=FakePipe(acled_canned()))
    s = res.scores
    assert (s.rows, s.scored_rows) == (4, 3)
    assert s.category_recall == pytest.approx(2 / 3, abs=1e-4)
    assert s.events_found == 1.0
    assert s.extra_events_per_row == pytest.approx(1 / 3, abs=1e-4)
    assert (s.date_accuracy, s.date_n, s.exact_day) == (0.5, 2, 0.5)
    assert (s.actor_match, s.actor_n) == (1.0, 2)
    assert (s.actor_match_by_country, s.actor_match_by_name) == (1, 1)
    assert (s.fatalities_agreement, s.fatalities_n) == (1.0, 1)
    assert (s.strategic_rows, s.strategic_hit) == (1, 1)
    assert s.non_asserted_by_modality == {"negated": 1}
    types = {t.event_type: t for t in res.types}
    assert types["Violence against civilians"].predicted_as == {"COERCE": 1}
    assert [t.event_type for t in res.strategic] == ["Agreement"]
    # --sample 2 keeps rows 1 and 3; --limit caps after sampling
    assert [r.id for r in acled.load(path, sample=2)] == ["SOM1", "MEX1"]
    assert [r.id for r in acled.load(path, limit=1, sample=2)] == ["SOM1"]
    out = acled.render(res, worst=5)
    assert "MEX1" in out and out == acled.render(res, worst=5)


def test_missing_paths_skip(tmp_path, capsys):
    assert plover.main([str(tmp_path / "nope.json")]) == 0
    assert acled.main([str(tmp_path / "nope.csv")]) == 0
    out = capsys.readouterr().out
    assert "not found; skipping" in out


def test_real_pipeline_smoke(tmp_path, capsys):
    path = tmp_path / "dev.json"
    path.write_text(json.dumps(PLOVER_RECORDS), encoding="utf-8")
    assert plover.main([str(path), "--json"]) == 0
    data = json.loads(capsys.readouterr().out)
    assert data["scores"]["records"] == 3
    assert 0.0 <= data["scores"]["category_accuracy"] <= 1.0


def test_acled_mode_scoring():
    """A hit of a sub-event type that names a means scores the accepted events' modes."""
    rows = [acled.Row(id="A", event_date=date(2020, 5, 9), event_type="Explosions/Remote violence",
                      sub_event_type="Air/drone strike", notes="x"),
            acled.Row(id="B", event_date=date(2020, 5, 9), event_type="Explosions/Remote violence",
                      sub_event_type="Shelling/artillery/missile attack", notes="x"),
            acled.Row(id="C", event_date=date(2020, 5, 9), event_type="Battles", sub_event_type="Armed clash",
                      notes="x")]
    per_doc = {"A": [ev("A", 1, "ASSAULT").model_copy(update={"mode": "drone"})],
               "B": [ev("B", 1, "ASSAULT").model_copy(update={"mode": "explosives"})],
               "C": [ev("C", 1, "ASSAULT")]}
    s = acled.score(rows, per_doc).scores
    assert (s.mode_accuracy, s.mode_n, s.mode_missing) == (0.5, 2, 0)


def test_plover_mode_scoring():
    """A category hit whose gold record has a mode scores the matched event's mode; PLOVER 0.5's
    organised/spontaneous protest modes read as the engine's."""
    golds = [plover.Gold(id="P1", text="x", label="PROTEST", category="PROTEST", mode="demonstrate"),
             plover.Gold(id="P2", text="x", label="FIGHT", category="ASSAULT", mode="heavy-weapons"),
             plover.Gold(id="P3", text="x", label="AGREE", category="AGREE")]
    per_doc = {"P1": [ev("P1", 1, "PROTEST").model_copy(update={"mode": "demonstrate"})],
               "P2": [ev("P2", 1, "ASSAULT").model_copy(update={"mode": "aerial"})],
               "P3": [ev("P3", 1, "AGREE")]}
    s, _cats, rows = plover.score(golds, per_doc)
    assert (s.mode_accuracy, s.mode_n) == (0.5, 2) and [r.mode for r in rows] == [True, False, None]
    assert plover.MODE_NAMES["demo-spon"] == plover.MODE_NAMES["demo-org"] == "demonstrate"
