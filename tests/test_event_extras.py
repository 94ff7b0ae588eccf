"""Secondary mentions that are not events of their own (docs/evaluation-events.md, "Extra events").

Each case is one invented sentence in the style of wire copy: what the sentence asserts, and what it
only names (a purpose, a request, a condition, a title, an intercepted weapon).
"""

from __future__ import annotations

from datetime import date

import pytest

from escalate.models import Document
from escalate.pipeline import camp
from escalate.rank.chains import ChainQuery, build_chains


def _mentions(pipe, text: str, published: date = date(2020, 5, 1)):
    doc = Document(id="x", text=text, published=published, published_from="record")
    analysis = pipe.analyse([doc])
    return analysis.documents[0].mentions, analysis.events


def _linked(pipe, text: str, published: date) -> list[tuple[str, str, str | None]]:
    """(cause category, effect category, cue text) of every link the text's events get."""
    analysis = pipe.analyse([Document(id="x", text=text, published=published, published_from="record")])
    by_id = {e.id: e for e in analysis.events}
    return [(by_id[ln.cause].category, by_id[ln.effect].category, ln.cue.text if ln.cue else None)
            for ln in analysis.links]


def _asserted(pipe, text: str) -> list[tuple[str, str]]:
    mentions, _ = _mentions(pipe, text)
    return [(m.category, m.trigger.text.lower()) for m in mentions if m.modality == "asserted"]


@pytest.mark.parametrize("text, kept", [
    # the purpose of an act folds into the act
    ("Thousands of students staged demonstrations on Saturday to demand the resignation of the president.",
     "PROTEST"),
    ("Police opened fire to disperse the crowd on Monday.", "ASSAULT"),
    ("Farmers blocked the main highway on Sunday to press their demands for higher prices.", "PROTEST"),
])
def test_purpose_folds_into_the_act(pipe, text, kept):
    found = _asserted(pipe, text)
    assert [c for c, _ in found] == [kept], found


def test_purpose_target_goes_to_the_act(pipe):
    mentions, _ = _mentions(pipe, "Landowners began a hunger strike to demand the resignation of the Algerian government.")
    protest = [m for m in mentions if m.category == "PROTEST"]
    assert len(mentions) == 1 and protest and protest[0].target is not None


def test_purpose_noun_object_that_is_a_real_event_stays(pipe):
    # "to control the riot": the riot happened; only verbal acts ("their demands") fold as a purpose
    found = _asserted(pipe, "Residents pelted stones at police, who lobbed tear gas to control the riot.")
    assert "PROTEST" in [c for c, _ in found], found


def test_requested_act_is_not_asserted(pipe):
    mentions, _ = _mentions(pipe, "Bangladesh rejected the Indian proposal, urging its neighbour to sign the regional "
                                  "trade pact instead.")
    sign = [m for m in mentions if m.trigger.text.lower() == "sign"]
    assert sign and sign[0].modality != "asserted"


@pytest.mark.parametrize("text, trigger", [
    ("Russia threatened to quit the talks if the United States goes ahead with the deployment of new missiles.",
     "deployment"),
    ("The rebels said they would meet the mediator if he gave them a veto over any settlement reached in peace talks.",
     "peace talks"),
])
def test_condition_runs_to_the_end_of_its_clause(pipe, text, trigger):
    mentions, _ = _mentions(pipe, text)
    # hypothetical, or folded into the (asserted) act whose condition it is
    assert not [m for m in mentions if m.trigger.text.lower() == trigger and m.modality == "asserted"]
    assert [m.category for m in mentions if m.modality == "asserted"] in (["THREATEN"], ["AGREE"])


def test_prepared_and_pending_acts_are_not_asserted(pipe):
    mentions, _ = _mentions(pipe, "Macedonia, which is preparing a major offensive against the guerrillas, asked for help.")
    off = [m for m in mentions if m.trigger.text.lower() == "offensive"]
    assert off and off[0].modality == "future"
    mentions, _ = _mentions(pipe, "The rebels said the president must agree to reforms before they demobilize.")
    dem = [m for m in mentions if m.trigger.text.lower() == "demobilize"]
    assert dem and dem[0].modality == "future"


def test_killed_in_names_the_casualties_of_that_event(pipe):
    mentions, _ = _mentions(pipe, "Twenty-four people were killed in nationalist riots in the province last March.")
    assert [m.category for m in mentions] == ["PROTEST"]


def test_reduced_relative_passive(pipe):
    mentions, _ = _mentions(pipe, "Israeli troops intercepted missiles fired by Hezbollah on Sunday.")
    fired = [m for m in mentions if m.trigger.text == "fired"]
    assert fired and fired[0].actor is not None and fired[0].actor.id == "hezbollah"


def test_interception_is_the_other_sides_attack(pipe):
    mentions, _ = _mentions(pipe, "Ukraine's air force shot down 30 Russian drones overnight.")
    assert len(mentions) == 1
    m = mentions[0]
    assert m.category == "ASSAULT" and m.actor is not None and m.actor.country == "RUS"
    assert m.target is None or m.target.country == "UKR"
    # shooting down an aircraft is still an attack by the shooter
    mentions, _ = _mentions(pipe, "A Serbian army jet shot down a helicopter carrying truce monitors.")
    assert mentions[0].actor is not None and mentions[0].actor.country == "SRB"


@pytest.mark.parametrize("text", [
    "The Palestinians reject the proposed changes, chief Palestinian negotiator Saeb Erakat said.",
    "Britain mobilised reservists on Tuesday while UN arms inspectors said they needed more time.",
    "Some 500,000 workers stopped work on the first day of an open-ended strike on Monday.",
])
def test_titles_compounds_and_labour_strikes_are_no_extra_events(pipe, text):
    found = _asserted(pipe, text)
    assert len(found) == 1, found
    assert "ASSAULT" not in [c for c, _ in found]


def test_second_of_two_requested_acts_is_not_asserted(pipe):
    # "to unite and mobilize": both are asked for; a finite verb after "and" is the speaker's own act
    found = _asserted(pipe, "An official Syrian newspaper called on Arabs to unite and mobilize against Israel.")
    assert [c for c, _ in found] == ["REQUEST"], found
    found = _asserted(pipe, "Syria urged the rebels to withdraw and attacked the town.")
    assert [c for c, _ in found] == ["REQUEST", "ASSAULT"], found


def test_passive_means_subject_is_the_target(pipe):
    # "were hit by gunfire": the gunfire is the event, the vehicles' owner was hit and did not act
    mentions, _ = _mentions(pipe, "Two Red Cross vehicles were hit by gunfire in Baghdad.")
    fire = [m for m in mentions if m.trigger.text == "gunfire"]
    assert fire and fire[0].actor is None and fire[0].target is not None and fire[0].target.id == "icrc"
    mentions, _ = _mentions(pipe, "Afghan soldiers were killed when their vehicle was hit by a Taliban roadside bomb.")
    bomb = [m for m in mentions if "bomb" in m.trigger.text]
    assert bomb and bomb[0].actor is not None and bomb[0].actor.id == "taliban"
    assert bomb[0].target is not None and bomb[0].target.id == "AFG.military"


def test_wire_story_dates_and_references(pipe):
    # a wire story: the dateline's date is the report's; "launched on Friday, a day after the group
    # shelled a hospital" dates the shelling a day before Friday (the cue's own "a day" dates nothing);
    # "the paramilitary group" is the RSF named before, and "On Sunday" does not date the air strikes
    # the Sunday attack answered
    from .conftest import ARTICLES, analyse

    a = analyse(pipe, ARTICLES / "sudan_wire.txt")
    doc = a.documents[0]
    assert doc.published == date(2023, 6, 14)  # year from the text: the dateline has none
    by_trigger = {m.trigger.text: m for m in doc.mentions}
    assert by_trigger["launched"].when is not None and by_trigger["launched"].when.value == "2023-06-09"
    shelled = by_trigger["shelled"]
    assert shelled.when is not None and shelled.when.value == "2023-06-08" and shelled.when.text == "a day after"
    assert shelled.actor is not None and shelled.actor.id == "rsf"
    assert by_trigger["attacked"].when.value == "2023-06-11"
    assert by_trigger["air strikes"].when is None


def test_perfect_progressive_is_no_single_event(pipe):
    mentions, _ = _mentions(pipe, "The RSF, which has been fighting the army since April 2023, said it would respond.")
    fighting = [m for m in mentions if m.trigger.text == "fighting"]
    assert fighting and fighting[0].modality == "habitual"


def test_wire_story_sequence_is_a_stated_link(pipe):
    # "struck ... on Friday, a day after the paramilitary group shelled a hospital": a temporal cue,
    # and the side that was hit strikes back: retaliation.sequenced
    from .conftest import ARTICLES, analyse

    a = analyse(pipe, ARTICLES / "sudan_wire.txt")
    by_id = {e.id: e for e in a.events}
    seq = [ln for ln in a.links if ln.rule == "retaliation.sequenced"]
    assert seq and seq[0].stated and seq[0].cue is not None and seq[0].cue.text == "a day after"
    assert by_id[seq[0].cause].actor.id == "rsf" and by_id[seq[0].effect].actor.id == "sdn_saf"


def _roles(pipe, text: str) -> list[tuple[str, str | None, str | None, str]]:
    mentions, _ = _mentions(pipe, text)
    return [(m.category, m.actor.id if m.actor else None, m.target.id if m.target else None, m.modality)
            for m in mentions]


def test_participle_clause_takes_the_main_clause_actor(pipe):
    # ", killing one person and arresting 12": the police arrested, not the demonstrators
    found = _roles(pipe, "Egyptian police opened fire to disperse fundamentalist demonstrators on Monday night, "
                         "killing one person and arresting 12, security sources said.")
    coerce = [r for r in found if r[0] == "COERCE"]
    assert coerce and coerce[0][1] == "EGY.police", found


def test_participle_that_tells_how_folds_into_the_act(pipe):
    # "rioted, setting fire to their mattresses": how the riot went (roles.yaml participle_details);
    # the speaker ("police sources said") is no target
    found = _roles(pipe, "Palestinian prisoners rioted Monday at this jail in northern Israel, setting fire to "
                         "their mattresses and smashing furniture, police sources said.")
    assert [r[0] for r in found] == ["PROTEST"], found


def test_absolute_clause_keeps_its_own_subject(pipe):
    found = _roles(pipe, "Israeli jets struck Gaza on Friday, Hamas militants firing rockets at Sderot hours later.")
    assert [r[1] for r in found if r[0] == "ASSAULT"] == ["ISR.military", "hamas"], found


@pytest.mark.parametrize("text, modality", [
    ("US officials said yesterday that removing the sanctions on Burma is out of the question.", "hypothetical"),
    ("Attacking Iran would be a mistake, the senator said.", "hypothetical"),
    ("Shelling the city was a war crime, the envoy said.", "asserted"),
    ("Fighting in the city is fierce, residents said.", "asserted"),
])
def test_a_gerund_subject_names_an_act(pipe, text, modality):
    found = _roles(pipe, text)
    gerund = [r for r in found if r[0] in ("CONCEDE", "ASSAULT")]
    assert gerund and gerund[0][3] == modality, found


def test_the_predicate_of_a_named_act_is_told(pipe):
    found = _roles(pipe, "US officials said yesterday that removing the sanctions on Burma is out of the question.")
    assert ("REJECT", "asserted") in [(r[0], r[3]) for r in found], found


def test_a_phrase_trigger_reads_through_a_date(pipe):
    # wire copy puts the day inside the phrase: "called Thursday on Arabs to unite and mobilize"
    found = _roles(pipe, "An official Syrian newspaper called Thursday on Arabs to unite and mobilize against Israel.")
    assert [r[0] for r in found if r[3] == "asserted"] == ["REQUEST"], found


def test_a_relative_pronoun_stands_for_the_party_before_it(pipe):
    found = _roles(pipe, "The United States is providing intelligence to Macedonia, which is massing troops "
                         "on the border.")
    mobilize = [r for r in found if r[0] == "MOBILIZE"]
    assert mobilize and mobilize[0][1] == "MKD", found


@pytest.mark.parametrize("text, kept", [
    # what a protest is against or asks for is its topic, not an act of its own
    ("Health workers staged a demonstration on Wednesday demanding more medical supplies.", ["PROTEST"]),
    ("Residents held a protest on Thursday against the release of prisoners.", ["PROTEST"]),
    # ... but violence protested is an event
    ("Students protested on Friday against the killing of a classmate by police.", ["PROTEST", "ASSAULT"]),
])
def test_protest_topics_fold(pipe, text, kept):
    found = _asserted(pipe, text)
    assert sorted(c for c, _ in found) == sorted(kept), found


def test_a_coordinated_verb_shares_the_subject_and_tells_its_own_act(pipe):
    found = _roles(pipe, "Afghan rebels have kidnapped up to 16 Russian civilian advisers from a town bazaar and "
                         "exploded a series of bombs in the capital Kabul.")
    assert [(c, a) for c, a, _, _ in found] == [("ASSAULT", "AFG.armed_group"), ("ASSAULT", "AFG.armed_group")], found


def test_but_with_no_subject_shares_the_subject(pipe):
    found = _roles(pipe, "Benin opened its borders today to most West Africans ordered out of Nigeria, but was "
                         "still refusing admittance to Ghanaians.")
    assert ("REJECT", "BEN") in [(c, a) for c, a, _, _ in found], found


def test_a_grenade_thrown_at_a_patrol_is_one_attack_on_the_police(pipe):
    found = _roles(pipe, "Militants threw a grenade at a police patrol on Monday.")
    assert found == [("ASSAULT", "unknown.armed_group", "unknown.police", "asserted")], found


def test_charges_as_grounds_are_no_event(pipe):
    # "wanted on treason charges", "arrested on espionage charges": the grounds of something else
    found = _asserted(pipe, "The journalist was arrested on espionage charges.")
    assert [c for c, _ in found] == ["COERCE"], found
    found = _asserted(pipe, "Police on Monday charged three men with treason.")
    assert [c for c, _ in found] == ["ACCUSE"], found


def test_a_date_in_a_relative_clause_is_the_clause_s(pipe):
    mentions, _ = _mentions(pipe, "Uganda has granted political asylum to 18 Rwandan rebels who entered the country "
                                  "illegally two years ago.")
    asylum = [m for m in mentions if m.category == "AID"]
    assert asylum and asylum[0].when is None, asylum


def test_days_between_two_events_date_the_undated_one(pipe):
    # "on January 18, two days after Tehran launched strikes": Tehran's strikes were on January 16
    from .conftest import ARTICLES, analyse

    a = analyse(pipe, ARTICLES / "iran_pakistan_2024.txt")
    iran = [e for e in a.events if e.category == "ASSAULT" and e.actor and e.actor.id == "IRN"
            and e.when.earliest == date(2024, 1, 16) == e.when.latest]
    pak = [e for e in a.events if e.category == "ASSAULT" and e.actor and e.actor.id == "PAK"
           and e.when.earliest == date(2024, 1, 18)]
    assert iran and pak
    # "the January 16 attack" is a noun with its date (not "on June 2 ordered"), and merges with it
    assert any(c.text.startswith("The foreign ministry") for c in iran[0].citations)
    assert any(ln.cause == iran[0].id and ln.effect == pak[0].id and ln.stated for ln in a.links)


def test_bases_of_a_named_group_are_the_group_s(pipe):
    found = _roles(pipe, "Iran struck bases of the Sunni militant group Jaish al-Adl in Pakistan on Tuesday.")
    assert ("ASSAULT", "IRN", "jaish_al_adl") in [(c, a, t) for c, a, t, _ in found], found
    found = _roles(pipe, "Ukrainian forces fired missiles at the positions of the Donbass People's Militia.")
    assert found[0][2] == "dpr", found


def test_hours_later_and_with_clauses_date_their_events(pipe):
    from .conftest import ARTICLES, analyse

    a = analyse(pipe, ARTICLES.parent / "unseen" / "lebanon_2024.md")
    by_trigger = {m.trigger.text: m for m in a.documents[0].mentions}
    sunday = date(2024, 8, 25)
    # "exchanged fire on Sunday, with Israeli warplanes striking ... and the militant group launching ..."
    assert by_trigger["striking"].when.earliest == sunday and by_trigger["launching"].when.earliest == sunday
    # "Hours later, Hezbollah said it had fired more than 300 rockets": that day or the next
    fired = by_trigger["fired"].when
    assert fired.earliest == sunday and fired.latest == date(2024, 8, 26) and fired.mod == "APPROX"


def test_a_commander_killed_before_the_report_is_still_his_group_s(pipe):
    from .conftest import ARTICLES, analyse

    a = analyse(pipe, ARTICLES.parent / "unseen" / "lebanon_2024.md")
    killing = next(m for m in a.documents[0].mentions if m.trigger.text == "killing")
    assert killing.target is not None and killing.target.side == "hezbollah"


def test_a_fight_after_which_a_town_was_taken_is_how_it_was_taken(pipe):
    found = _roles(pipe, "The rebels captured two towns on Friday after heavy fighting with the Congolese army.")
    assert [(c, t) for c, _, t, _ in found] == [("ASSAULT", "cod_fardc")], found
    # ... but "occurred after days of clashes" tells an earlier fight
    found = _asserted(pipe, "Security forces shot him. The attack occurred after days of clashes between "
                            "security forces and local gangs.")
    assert len(found) == 3, found


def test_an_infinitive_takes_the_party_told_to_act(pipe):
    found = _roles(pipe, "Congo ordered Rwanda's ambassador to leave the country on Saturday, a day after "
                         "Rwanda-backed M23 rebels seized two towns.")
    assert ("SANCTION", "COD", "RWA") in [(c, a, t) for c, a, t, _ in found], found


def test_a_definite_noun_finds_its_context_earlier_in_the_text(pipe):
    found = _asserted(pipe, "Congo ordered Rwanda's ambassador to leave the country on Saturday. Rwanda denied "
                            "the claims. In response to the expulsion, Rwanda closed its border.")
    assert ("SANCTION", "expulsion") in found, found


def test_a_detail_folds_into_the_nearest_act(pipe):
    mentions, _ = _mentions(pipe, "Angola's president, who mediates between the two neighbours, hosted talks in "
                                  "Luanda on November 23.")
    hosted = next(m for m in mentions if m.trigger.text == "hosted")
    assert hosted.when is not None and hosted.when.value.endswith("-11-23")


def test_a_possessive_pronoun_gives_a_generic_party_its_owner(pipe):
    found = _roles(pipe, "Azerbaijan said on Sunday its forces had launched a counter-offensive.")
    assert found and found[0][1] == "AZE.military", found
    found = _roles(pipe, "The Three Brotherhood Alliance said its fighters had captured the border town of "
                         "Chinshwehaw.")
    assert found and found[0][1] == "three_brotherhood_alliance", found


@pytest.mark.parametrize("text, category", [
    ("An alliance of ethnic armed groups seized dozens of army outposts on Friday.", "ASSAULT"),
    ("Police seized weapons and drugs in the town on Friday.", "COERCE"),
])
def test_seizing_ground_is_an_attack_seizing_goods_is_not(pipe, text, category):
    assert [c for c, _ in _asserted(pipe, text)] == [category]


def test_aid_groups_are_no_aid(pipe):
    found = _asserted(pipe, "Military jets bombed a camp on Tuesday, killing at least 10 people, according to "
                            "local aid groups.")
    assert [c for c, _ in found] == ["ASSAULT"], found


@pytest.mark.parametrize("text, kept", [
    # "urged X to support": the support is only asked for (complement of the request), not a second act
    pytest.param("The Arab League today urged the European Community to support the Palestinians.", ["REQUEST"],
                 id="object-control-to-is-no-purpose"),
    pytest.param("The French foreign minister held talks with Romanian leaders on Tuesday, the first Western "
                 "delegation to visit Bucharest since the revolution.", ["CONSULT"], id="appositive-restatement"),
    # an appeal for deploying troops: the deployment is asked for; the rejection is the event
    pytest.param("Beirut rejected a United Nations appeal for deploying army troops along its borders.", ["REJECT"],
                 id="request-complement-of-a-kept-category"),
    pytest.param("Mugabe accused the United States of restoring the blackmail in the negotiations.", ["ACCUSE"],
                 id="reporting-word-inside-a-name"),
    pytest.param("Hungary and Austria signed an agreement today to increase trade in 1983 by 50 percent.", ["AGREE"],
                 id="object-noun-of-the-same-act-despite-a-date"),
    pytest.param("A roadside bombing near Samarra on Sunday killed one U.S. soldier and wounded two others.",
                 ["ASSAULT"], id="coordinated-detail-verb-after-an-abbreviation"),
    # no causal cue between the blockade and its purpose: the purpose folds into the protest
    pytest.param("Young Algerians blocked roads leading to the city centre on Sunday to press their demands for "
                 "greater freedom.", ["PROTEST"], id="roads-leading-somewhere-are-no-cause"),
    # the accusation details the protest; what is alleged is its content, not an act told as done
    pytest.param("Serbia lodged an official protest with Albania today, charging its neighbor with supporting "
                 "dissidents here.", ["ACCUSE"], id="charging-a-neighbour-with-supporting"),
    pytest.param("Rwanda accuses Kinshasa of fighting alongside the FDLR, a Hutu militia.", ["ACCUSE"],
                 id="fighting-alongside-is-no-attack"),
])
def test_only_the_act_is_asserted(pipe, text, kept):
    found = _asserted(pipe, text)
    assert [c for c, _ in found] == kept, found


@pytest.mark.parametrize("text, expected", [
    # the party after an act's preposition is what the act hit, not the subject of the verb after it
    pytest.param("A suicide attack on an army post in the north killed seven soldiers on Saturday.",
                 ("ASSAULT", None, "unknown.military"), id="object-of-an-event-noun-is-no-subject"),
    pytest.param("The attack on the convoy by Hamas killed two soldiers.", ("ASSAULT", "hamas", "unknown.military"),
                 id="agent-after-the-act-s-object"),
    pytest.param("Serbian military police have launched an investigation into alleged crimes committed by Croat "
                 "forces against ethnic Serb civilians.", ("ACCUSE", "SRB.police", "HRV.military"),
                 id="by-of-a-participle-is-not-the-act-s-agent"),
    pytest.param("The Saturday attack was claimed by a new group affiliated with the Hafiz Gul Bahadur group.",
                 ("ASSAULT", "hafiz_gul_bahadur", None), id="unnamed-affiliate-stands-for-the-named-party"),
    pytest.param("Its chief spokesman, Zabihullah Mujahid, condemned the raids as a violation of Afghan sovereignty.",
                 ("ACCUSE", "zabihullah_mujahid", None), id="apposition-names-the-party-act-object-is-the-act"),
    pytest.param("Iran condemned the raids by Israel.", ("ACCUSE", "IRN", "ISR"), id="act-by-a-party-names-the-target"),
    pytest.param("Pakistan's foreign office said it was an intelligence-based operation and accused Kabul of "
                 "sheltering the militants.", ("ACCUSE", "PAK.government", "AFG"),
                 id="foreign-office-speaks-compound-adjective-is-no-party"),
])
def test_roles_around_event_nouns_and_appositions(pipe, text, expected):
    assert _roles(pipe, text)[0][:3] == expected, _roles(pipe, text)


def test_a_date_before_an_absolute_with_clause_is_not_its_act_s(pipe):
    mentions, _ = _mentions(pipe, "Relations have deteriorated since the Taliban took power in Kabul in August 2021, "
                                  "with Islamabad blaming the TTP for a surge in attacks.")
    blame = [m for m in mentions if m.category == "ACCUSE"]
    assert blame and blame[0].when is None and blame[0].actor.id == "PAK"


def test_forces_hit_before_any_are_named_are_the_last_named_state_s(pipe):
    # context kinds: with no army named yet, the army post hit is the army of the state the story is about
    found = _roles(pipe, "Pakistan carried out air strikes inside Afghanistan on Monday, two days after a suicide "
                         "attack on an army post killed seven soldiers.")
    assert ("ASSAULT", None, "PAK.military") in [r[:3] for r in found], found


@pytest.mark.parametrize("text, expected", [
    pytest.param("The Resistance Front, which India says is a proxy of the Pakistan-based Lashkar-e-Taiba, initially "
                 "claimed the attack.", ("ASSAULT", "the_resistance_front", None),
                 id="claimed-names-the-actor-past-a-relative-clause-with-a-reporting-verb"),
    pytest.param("Gunmen opened fire on tourists in a meadow near Pahalgam in Indian Kashmir, killing 26 men.",
                 ("ASSAULT", "unknown.armed_group", "IND.population"), id="civilians-of-the-state-the-place-is-in"),
    pytest.param("Pakistan launched a military operation against Indian bases.", ("ASSAULT", "PAK", "IND.military"),
                 id="a-military-operation-no-party-inside-the-act"),
    pytest.param("Indian missile strikes on three of its air bases were reported.",
                 ("ASSAULT", "IND", "unknown.military"), id="its-with-no-owner-before-it"),
    pytest.param("Pakistan said India had carried out missile strikes on three of its air bases.",
                 ("ASSAULT", "IND", "PAK.military"), id="its-air-bases-are-the-owner-s"),
    pytest.param("Troops exchanged small-arms fire across the Line of Control.", ("ASSAULT", "unknown.military", None),
                 id="exchanged-small-arms-fire"),
    pytest.param("India expelled Pakistani military advisers from its capital.", ("SANCTION", "IND", "PAK.military"),
                 id="expelled-military-advisers"),
    pytest.param("Pakistan retaliated by closing its airspace to Indian airlines.", ("SANCTION", "PAK", "IND"),
                 id="closing-its-airspace"),
])
def test_roles_of_a_crisis_timeline(pipe, text, expected):
    assert _roles(pipe, text)[0][:3] == expected, _roles(pipe, text)


def test_what_is_reported_agreed_by_others_is_not_the_speaker_s(pipe):
    found = _roles(pipe, "U.S. President Donald Trump announced that the two countries had agreed to a ceasefire.")
    assert found and all(a != "donald_trump" for _c, a, _t, _m in found), found


def test_attacks_a_site_serves_to_plan_are_not_asserted(pipe):
    found = _roles(pipe, "India fired missiles at nine sites in Pakistan, saying it hit infrastructure used by "
                         "militants to plan attacks.")
    # (the militants' attacks, planned: "to plan" is a support verb of the noun after it)
    assert [(c, a, m) for c, a, _t, m in found] == [("ASSAULT", "IND", "asserted"),
                                                    ("ASSAULT", "unknown.armed_group", "future")]


def test_timeline_entries_date_their_sentences(pipe):
    text = ("Timeline\n\n**April 22** - Gunmen attacked a bus. India accused Pakistan of backing them.\n\n"
            "April 23: India expelled Pakistani diplomats.\n\nOn Monday, rebels attacked a post. India accused "
            "Pakistan.\n")
    doc = Document(id="t", text=text, published=date(2025, 5, 11), published_from="record")
    found = [(m.trigger.text, m.when.earliest if m.when else None) for m in pipe.analyse([doc]).documents[0].mentions]
    assert found == [("attacked", date(2025, 4, 22)), ("accused", date(2025, 4, 22)),  # the entry's day
                     ("expelled", date(2025, 4, 23)),
                     # a paragraph opening "On Monday," is no timeline entry: its day is its sentence's only
                     ("attacked", date(2025, 5, 5)), ("accused", None)], found


@pytest.mark.parametrize("text, expected", [
    pytest.param("Iranian authorities say more than 400 people have been killed in Israel's strikes.",
                 ("ASSAULT", "ISR", None), id="a-possessive-after-in-is-no-place"),
    pytest.param("Qatar said its air defences intercepted the missiles fired at Al Udeid Air Base, the largest "
                 "American military installation.", ("ASSAULT", None, "USA.military"),
                 id="weapon-participle-and-apposition"),
    pytest.param("Azerbaijani drones struck Armenian positions.", ("ASSAULT", "AZE", "ARM.military"),
                 id="drones-struck-is-a-finite-verb"),
    pytest.param("Pakistan's foreign office said the operation was an anti-terrorist operation in the border "
                 "regions and accused Kabul of sheltering the militants.", ("ACCUSE", "PAK.government", "AFG"),
                 id="said-and-accused-is-the-speaker-s"),
])
def test_roles_of_weapons_places_and_reported_clauses(pipe, text, expected):
    found = [r[:3] for r in _roles(pipe, text)]
    assert expected in found, found


def test_has_since_ties_to_the_act_before(pipe):
    doc = Document(id="s", text="Israel struck Iran on June 13. Iran has since fired missiles at Israeli cities.",
                   published=date(2025, 6, 23), published_from="record")
    a = pipe.analyse([doc])
    assert [c.text for c in a.documents[0].cues] == ["has since"]
    assert any(ln.stated for ln in a.links)


def test_a_sponsored_description_refers_to_the_named_group_its_sponsor_backs(pipe):
    found = _roles(pipe, "The Houthis fired a missile at Israel on Sunday. Israel struck the port on Monday, a day "
                         "after a missile fired by the Iran-aligned group landed near the airport.")
    assert [a for _c, a, _t, _m in found] == ["houthis", "ISR", "houthis"], found


@pytest.mark.parametrize("text, expected", [
    pytest.param("India and Pakistan fought for four days. U.S. President Donald Trump announced that the two "
                 "countries had agreed to a ceasefire.", ("AGREE", "IND", "PAK"), id="the-two-countries-agreed"),
    pytest.param("Armenia and Azerbaijan blamed each other. Both sides exchanged fire on Sunday.",
                 ("ASSAULT", "ARM", "AZE"), id="both-sides-exchanged-fire"),
])
def test_a_pair_named_before_is_both_parties_of_a_mutual_act(pipe, text, expected):
    assert expected in [r[:3] for r in _roles(pipe, text)], _roles(pipe, text)


@pytest.mark.parametrize("text, expected", [
    pytest.param("Sunday's Ukrainian drone attack on airfields deep inside Russia destroyed 41 aircraft.",
                 ("ASSAULT", "UKR", "RUS"), id="places-inside-a-state"),
    pytest.param("US and British warplanes struck Houthi positions on Thursday. Further strikes hit targets "
                 "across Yemen.", ("ASSAULT", None, None), id="not-where-a-group-based-there-is-named"),
    pytest.param("Putin said Russia would have to respond to the attack on its airfields.", ("ASSAULT", None, "RUS"),
                 id="the-attack-on-its-airfields"),
    pytest.param('The strikes were a response to "terrorist acts" by Kyiv.', ("ASSAULT", "UKR", None),
                 id="terrorist-acts-by-after-a-closing-quote"),
])
def test_targets_from_places_and_owners(pipe, text, expected):
    found = [r[:3] for r in _roles(pipe, text)]
    assert found[-1] == expected, found


def test_a_quoted_object_after_response_to_is_the_cause(pipe):
    doc = Document(id="q", text='Russia said the strikes were a response to "terrorist acts" by Kyiv.',
                   published=date(2025, 6, 6), published_from="record")
    cue = pipe.analyse([doc]).documents[0].cues[0]
    assert cue.text == "response to" and cue.direction == "effect_first" and not cue.anaphoric


@pytest.mark.parametrize("text, expected", [
    pytest.param("The RSF did not claim the attacks, but the army blamed the paramilitary group.",
                 [("ASSAULT", None, "asserted"), ("ACCUSE", "unknown.military", "asserted")],
                 id="a-denied-claim-leaves-the-act-and-but-ends-the-negation"),
    pytest.param("Sudan's army said it had carried out air strikes on RSF positions.",
                 [("ASSAULT", "sdn_saf", "asserted")], id="support-verb-after-a-reported-pronoun"),
])
def test_claims_support_verbs_and_contrast(pipe, text, expected):
    assert [(c, a, m) for c, a, _t, m in _roles(pipe, text)] == expected


def test_a_date_before_a_participle_clause_is_the_main_clause_s(pipe):
    mentions, _ = _mentions(pipe, "Sudan cut diplomatic ties with the United Arab Emirates on Tuesday, accusing it "
                                  "of supplying the RSF.")
    days = {m.trigger.text: m.when.earliest if m.when else None for m in mentions}
    assert days["cut diplomatic ties"] == date(2020, 4, 28) and days["accusing"] is None


def test_a_clause_with_its_own_subject_is_its_own_act(pipe):
    # "..., and Israel began striking their convoys": not the killing's coordinated detail, not the
    # civilians' act; "restore order" is no order
    found = _roles(pipe, "Government troops sent to restore order on Monday were accused of killing Druze civilians, "
                         "and Israel began striking their convoys the same day.")
    assert ("ASSAULT", "ISR") in [(c, a) for c, a, _t, _m in found], found
    assert "MOBILIZE" not in [c for c, _a, _t, _m in found] and "unknown.population" not in [a for _c, a, _t, _m in found]
    # ... while "saying it hit infrastructure" restates the strike it follows
    found = _roles(pipe, "India fired missiles at nine sites in Pakistan, saying it hit infrastructure.")
    assert [(c, a) for c, a, _t, m in found if m == "asserted"] == [("ASSAULT", "IND")], found


def test_fighting_with_a_party_is_the_clause_subject_s(pipe):
    found = _roles(pipe, "Congo severed relations with Rwanda on Sunday, hours before Rwanda-backed M23 rebels "
                         "entered Goma after weeks of fighting with the Congolese army.")
    assert ("ASSAULT", "m23", "cod_fardc") in [r[:3] for r in found], found
    # ... but "retook the town after fierce fighting with the army" is how the capture went
    assert [r[0] for r in _roles(pipe, "Rebels retook the town after fierce fighting with the army.")] == ["ASSAULT"]


def test_a_letter_that_lower_cases_to_two_keeps_offsets(pipe):
    """"İ" lower-cases to two characters: the scans then read the text as written, and every trigger,
    party and mode is found as in the same text without it."""
    plain = "Turkish jets bombed Kurdish militant positions on Monday, killing 12 fighters, officials in Istanbul said."
    dotted = plain.replace("Istanbul", "İstanbul")
    a, _ = _mentions(pipe, plain)
    b, _ = _mentions(pipe, dotted)
    assert a and [(m.category, m.mode, m.trigger.start, m.actor.id if m.actor else None, m.fatalities) for m in a] == \
        [(m.category, m.mode, m.trigger.start, m.actor.id if m.actor else None, m.fatalities) for m in b]
    for m in b:
        assert dotted[m.trigger.start:m.trigger.end] == m.trigger.text


@pytest.mark.parametrize("text, mode, cameo", [
    ("Turkish jets bombed Kurdish militant positions on Monday, killing 12 fighters.", "aerial", "195"),
    ("Russian bombing raids on Aleppo killed 20 civilians.", "aerial", "195"),
    ("A Ukrainian drone bombed a Russian checkpoint on Monday.", "drone", "1952"),
    ("Militants bombed a market in Kabul on Monday, killing 12 people.", "explosives", None),
])
def test_the_means_named_before_a_bombing_refines_its_mode(pipe, text, mode, cameo):
    (m,) = [m for m in _mentions(pipe, text)[0] if m.category == "ASSAULT"]
    assert m.mode == mode
    if cameo is not None:
        assert m.cameo == cameo


@pytest.mark.parametrize("text, actor, target", [
    ("Clashes broke out on Sunday between Druze militias and Bedouin fighters.", "druze", "bedouin"),
    ("Fighting between the Myanmar military and the Arakan Army raged near Buthidaung.", "mmr_tatmadaw",
     "arakan_army"),
    ("Talks between Russia and Ukraine resumed in Istanbul.", "RUS", "UKR"),
])
def test_between_two_parties_names_both_sides(pipe, text, actor, target):
    (m,) = [m for m in _mentions(pipe, text)[0] if m.category in ("ASSAULT", "CONSULT")]
    assert (m.actor.id, m.target.id) == (actor, target)


def test_a_fight_between_two_sides_holds_the_casualties_of_either(pipe):
    """"two NPA militants were killed during a firefight between the NPA and the military": one event."""
    text = "Two NPA militants were killed during a firefight between the NPA and the military in Masbate."
    mentions, events = _mentions(pipe, text)
    assert len([e for e in events if e.category == "ASSAULT"]) == 1


@pytest.mark.parametrize("text, actor, target", [
    ("Government troops were accused of killing Druze civilians.", "unknown.military", "druze"),
    ("Russia was accused of shelling Ukrainian villages.", "RUS", "UKR"),
    ("Hamas was blamed for the rocket attack on Sderot.", "hamas", "ISR"),  # Sderot: a place in Israel
])
def test_the_accused_did_the_act_and_a_gerund_takes_its_object(pipe, text, actor, target):
    (m,) = [m for m in _mentions(pipe, text)[0] if m.category == "ASSAULT"]
    assert m.actor.id == actor
    assert (m.target.id if m.target else None) == target


def test_government_troops_are_the_government_named_before_not_a_foreign_attacker(pipe):
    text = ("Israel struck the Syrian defence ministry in Damascus. Government troops sent to restore order "
            "were accused of killing civilians.")
    (m,) = [m for m in _mentions(pipe, text)[0] if m.trigger.text == "killing"]
    assert m.actor.id == "SYR.military"


@pytest.mark.parametrize("text, trigger, dead", [
    ("Iran launched missiles at a U.S. base in Qatar on Monday, two days after the United States bombed three "
     "Iranian nuclear facilities, in a retaliation that caused no casualties.", "launched", 0),
    ("Azerbaijan launched a counter-offensive after Armenian troops shelled villages, killing five civilians.",
     "shelled", 5),
    ("Putin said the attack was retaliation for cross-border shelling of the Belgorod region, where 16 people "
     "were killed on March 12.", "shelling", 16),
])
def test_casualties_told_after_an_embedded_cause(pipe, text, trigger, dead):
    """A count after a cue's object belongs to that object's act (", killing five", ", where 16 ..."), unless
    the phrase after the comma names the main act again (", in a retaliation that caused no casualties")."""
    mentions, _ = _mentions(pipe, text)
    owner = [m for m in mentions if m.fatalities is not None]
    assert [(m.trigger.text, m.fatalities) for m in owner] == [(trigger, dead)]


@pytest.mark.parametrize("text, target", [
    ("The United States launched air strikes against Yemen's Iran-aligned Houthis on Saturday.", "houthis"),
    ("Nigerian troops attacked Nigeria's Boko Haram in the northeast.", "boko_haram"),
    ("The group fired 18 ballistic missiles and a drone at the aircraft carrier USS Harry S. Truman.", "usa_navy"),
    ("Israel struck Yemen's capital on Monday.", "YEM"),
])
def test_a_state_possessive_or_a_description_before_a_named_party(pipe, text, target):
    (m,) = [m for m in _mentions(pipe, text)[0] if m.category == "ASSAULT"]
    assert m.target is not None and m.target.id == target


def test_a_verb_only_trigger_after_a_nationality_adjective_is_no_event(pipe):
    """"Australian ships" is no shipment of aid."""
    text = "The naval force, made up of American, British and Australian ships, may be used to stop oil exports."
    assert not [m for m in _mentions(pipe, text)[0] if m.category == "AID"]


def test_the_means_after_an_act_is_no_second_act(pipe):
    """"pounded Kharkiv with glide bombs": the bombs are how; "found with gunshot wounds" (no act before) stays."""
    mentions, _ = _mentions(pipe, "Russian forces pounded Kharkiv with glide bombs overnight, killing three people.")
    assert [m.trigger.text for m in mentions if m.category == "ASSAULT"] == ["pounded"]
    mentions, _ = _mentions(pipe, "The bodies of two men were found by a road with gunshot wounds.")
    assert [m.trigger.text for m in mentions if m.category == "ASSAULT"] == ["wounds"]


def test_an_aircraft_designation_stands_inside_a_party(pipe):
    (m,) = [m for m in _mentions(pipe, "Thai F-16 jets bombed Cambodian military positions.")[0]
            if m.category == "ASSAULT"]
    assert (m.actor.id, m.target.id, m.mode) == ("THA.military", "KHM.military", "aerial")


def test_a_reporting_source_after_the_dead_is_no_victim(pipe):
    text = ("An Israeli air strike on a school in Gaza City killed at least 22 people on Thursday, the Gaza civil "
            "defence agency said.")
    (m,) = [m for m in _mentions(pipe, text)[0] if m.category == "ASSAULT"]
    # the agency that reports the dead is not who was hit; the place struck (Gaza City) gives the target
    assert m.actor.id == "ISR" and m.target is not None and m.target.text == "Gaza City" and m.target.id == "PSE"


def test_an_elided_passive_is_the_same_act(pipe):
    """"Two soldiers were killed and three wounded": one act, its victims the soldiers."""
    text = "Two Indian soldiers were killed and three wounded when Pakistani troops opened fire on Tuesday."
    killed = [m for m in _mentions(pipe, text)[0] if m.trigger.text in ("killed", "wounded")]
    assert [(m.trigger.text, m.target.id) for m in killed] == [("killed", "IND.military")]


def test_a_place_coordinated_with_a_place_is_no_party(pipe):
    """"in northern Iraq and Syria": Syria is where, not who attacked."""
    text = ("Turkey launched air strikes against Kurdish militants in northern Iraq and Syria after an attack on a "
            "defence company near Ankara killed five people.")
    attack = [m for m in _mentions(pipe, text)[0] if m.trigger.text == "attack"]
    assert attack and attack[0].actor is None


@pytest.mark.parametrize("text, actor, target", [
    ("Russia and Ukraine swapped 390 prisoners each on Friday.", "RUS", "UKR"),
    ("Israel and Hamas exchanged hostages and prisoners on Saturday.", "ISR", "hamas"),
])
def test_a_prisoner_swap_is_a_mutual_release(pipe, text, actor, target):
    (m,) = [m for m in _mentions(pipe, text)[0] if m.category == "CONCEDE"]
    assert (m.mode, m.actor.id, m.target.id) == ("release", actor, target)


def test_an_exchange_of_fire_is_no_swap(pipe):
    mentions, _ = _mentions(pipe, "Israeli and Hezbollah forces exchanged fire across the border.")
    assert not [m for m in mentions if m.category == "CONCEDE"]


@pytest.mark.parametrize("text, actor, target", [
    ("Hezbollah vowed revenge for the killing of its commander.", "hezbollah", None),
    ("Iran vowed to retaliate against Israel.", "IRN", "ISR"),
])
def test_a_vow_of_revenge_is_a_threat_and_a_cue(pipe, text, actor, target):
    """The cue's words also tell an event (cues.yaml `event: true`)."""
    (m,) = [m for m in _mentions(pipe, text)[0] if m.category == "THREATEN"]
    assert m.actor.id == actor and (m.target.id if m.target else None) == target


@pytest.mark.parametrize("text, actor, target", [
    ("Two drones launched by the Houthis were shot down over the Red Sea by a U.S. destroyer.", "USA.military",
     "houthis"),
    ("The base was hit on Sunday by Iranian missiles.", "IRN", "unknown.military"),
    ("One soldier was killed by a Taliban sniper in Paktia.", "taliban", "unknown.military"),
])
def test_an_agent_after_a_place_or_time_phrase(pipe, text, actor, target):
    """A particle and one short place or time phrase may stand between a passive verb and "by" + agent."""
    (m,) = [m for m in _mentions(pipe, text)[0] if m.trigger.text in ("shot", "hit", "killed")]
    assert (m.actor.id, m.target.id) == (actor, target)


def test_no_state_carries_from_one_document_to_the_next(pipe):
    """A document's mentions do not depend on what was read before it (a pronoun subject once kept the
    coordinated parties of an earlier sentence, of another document: "Syria says it is willing to withdraw"
    took Israel, from the document before, as its partner)."""
    from escalate.pipeline import Pipeline

    later = "Syria says it is willing to withdraw its troops from neighboring Lebanon."
    alone = [(m.category, m.actor and m.actor.id, m.target and m.target.id) for m in _mentions(Pipeline(), later)[0]]
    _mentions(pipe, "Israel and Hamas struck each other.")
    after = [(m.category, m.actor and m.actor.id, m.target and m.target.id) for m in _mentions(pipe, later)[0]]
    assert after == alone and all(t != "ISR" for _c, _a, t in after)


def test_an_aid_package_for_a_state_is_aid_to_it(pipe):
    (m,) = [m for m in _mentions(pipe, "The United States announced a new military aid package for Ukraine.")[0]
            if m.category == "AID"]
    assert (m.actor.id, m.target.id) == ("USA", "UKR")
    text = "Serbs demanded a truce before allowing U.N. aid convoys to feed starving civilians in the region."
    assert all(m.target is None for m in _mentions(pipe, text)[0] if m.category == "AID")


@pytest.mark.parametrize("text, target", [
    ("Germany delivered tanks to Ukraine.", "UKR"),
    ("Iran supplied drones to Russia.", "RUS"),
    ("It expects that tens of thousands of Iraqi soldiers will surrender to the U.S. over the next days.", "USA"),
])
def test_a_target_after_the_entry_s_own_preposition(pipe, text, target):
    (m,) = [m for m in _mentions(pipe, text)[0] if m.category in ("AID", "RETREAT")]
    assert m.target is not None and m.target.id == target


@pytest.mark.parametrize("text, actor", [
    ("Thousands of Iraqi Kurds demonstrated in Kirkuk on Sunday.", "IRQ.population"),
    ("Israeli helicopters and tanks shelled positions near Rafah.", "ISR.military"),
])
def test_a_people_of_a_state_and_its_helicopters(pipe, text, actor):
    (m,) = [m for m in _mentions(pipe, text)[0] if m.category in ("PROTEST", "ASSAULT")]
    assert m.actor.id == actor


@pytest.mark.parametrize("text", [
    "Opposition groups in Zimbabwe are demanding that President Mugabe abandon his policy.",
    "The rebels issued a declaration demanding that the government release prisoners.",
])
def test_a_demand_as_main_verb_or_a_document_s_content_is_a_request(pipe, text):
    assert [m for m in _mentions(pipe, text)[0] if m.category == "REQUEST"]


def test_a_protest_s_demand_stays_its_motive(pipe):
    mentions, _ = _mentions(pipe, "Workers went on strike, demanding higher pay.")
    assert [m.category for m in mentions] == ["PROTEST"]


def test_bare_forces_in_a_datelined_story_are_the_dateline_state_s(pipe):
    text = ("OUAGADOUGOU, Burkina Faso (AP) — Jihadi fighters killed at least 50 soldiers in an attack on a base. "
            "The army said it responded with air strikes on Sunday.")
    (m,) = [m for m in _mentions(pipe, text)[0] if m.trigger.text == "air strikes"]
    assert m.actor.id == "BFA.military"
    text = "JERUSALEM/SANAA (Wire) - The army said it responded with air strikes on Sunday."
    (m,) = [m for m in _mentions(pipe, text)[0] if m.trigger.text == "air strikes"]
    assert m.actor.id == "unknown.military"  # two states in the dateline: none is home


def test_a_mediation_is_aimed_at_the_parties_mediated_between(pipe):
    (m,) = [m for m in _mentions(pipe, "Qatar and Egypt brokered the truce between Israel and Hamas.")[0]
            if m.category == "CONSULT"]
    assert (m.actor.id, m.target.id) == ("QAT", "ISR")


def _acts(pipe, text: str) -> list[tuple[str, str, str | None, str | None]]:
    """(trigger, category, actor, target) of the asserted mentions."""
    mentions, _ = _mentions(pipe, text)
    return [(m.trigger.text.lower(), m.category, m.actor.id if m.actor else None, m.target.id if m.target else None)
            for m in mentions if m.modality == "asserted"]


@pytest.mark.parametrize("text, gone", [
    # a participle before a party is its epithet, no act of its own
    ("Bahceli suggested that jailed PKK leader Abdullah Ocalan could be granted parole.", "jailed"),
    ("Dozens of supporters of the outlawed National Congress Party demonstrated in Khartoum.", "outlawed"),
    ("Soldiers engaged in a firefight with alleged Islamic State militants near Bir al-Abd.", "alleged"),
    # "power stations" are places, not "stationed" troops
    ("Drones hit bakeries, power stations and a checkpoint in northeast Syria.", "stations"),
])
def test_epithets_and_place_nouns_are_no_events(pipe, text, gone):
    assert gone not in [t for t, *_ in _acts(pipe, text)]


@pytest.mark.parametrize("text, trigger", [
    ("Turkey jailed PKK leader Abdullah Ocalan in 1999.", "jailed"),
    ("The Myanmar military targeted villagers in Rakhine.", "targeted"),
    # "that" after a noun opens a relative clause, which tells an act
    ("The militia groups that attacked Pakistani troops on Monday fled across the border.", "attacked"),
])
def test_a_participle_after_its_subject_is_an_act(pipe, text, trigger):
    assert trigger in [t for t, *_ in _acts(pipe, text)]


def test_they_is_the_sentences_plural_subject(pipe):
    """"Two assailants stormed ... before they were killed by security forces": the assailants are killed
    (and the storming's target is not the security forces of the later clause)."""
    found = _acts(pipe, "Two assailants stormed the compound before they were killed by security forces.")
    assert ("stormed", "ASSAULT", "unknown.armed_group", None) in found
    assert ("killed", "ASSAULT", "unknown.police", "unknown.armed_group") in found


def test_demonym_before_coordinated_platforms_names_the_actor(pipe):
    found = _acts(pipe, "The Kurdish-led SDF said Turkish drones and aircraft had hit bakeries in northeast Syria.")
    assert found and found[0][:3] == ("hit", "ASSAULT", "TUR")


def test_means_of_another_act_across_a_cue_is_not_this_acts_mode(pipe):
    """"warplanes struck ..., hours after an attack on a company": the attack was not aerial."""
    mentions, _ = _mentions(pipe, "Turkish warplanes struck Kurdish militant targets, hours after an attack on a "
                                  "company killed five people.")
    modes = {m.trigger.text: m.mode for m in mentions}
    assert modes == {"struck": "aerial", "attack": None}


def test_dateline_agency_is_no_antecedent(pipe):
    """tests/fixtures/unseen/turkey_pkk_2024.txt: "ANKARA, Oct 24 (Reuters) -" names where and who reports;
    the assailants killed by Turkey's security forces (the dateline's state) are not Reuters."""
    from .conftest import ARTICLES

    read = pipe.read([ARTICLES.parent / "unseen" / "turkey_pkk_2024.txt"])
    a = pipe.analyse(read.documents, read.warnings)
    ms = a.documents[0].mentions
    assert not any(m.actor and m.actor.id.startswith("media_") or m.target and m.target.id.startswith("media_")
                   for m in ms)
    killed = next(m for m in ms if m.trigger.text == "killed" and ":2:" in m.id)
    assert (killed.actor.id, killed.target.id) == ("TUR.police", "unknown.armed_group")
    strikes = next(e for e in a.events if e.actor and e.actor.id == "TUR.military")
    assert strikes.when.earliest == date(2024, 10, 23)
    assert any(ln.effect == strikes.id for ln in a.links)


_ATTACK = "An attack on the headquarters of an aerospace company killed five people near Ankara on Wednesday. "


@pytest.mark.parametrize("later, actor", [
    ("Turkey blamed the PKK for the attack.", "pkk"),
    ("Officials said the PKK was behind the attack.", "pkk"),
    ("Hamas is believed to be responsible for the bombing.", "hamas"),
    ("Interior Minister Ali Yerlikaya said the attackers were members of the Kurdistan Workers' Party (PKK).", "pkk"),
    ("Police identified the assailants as PKK militants.", "pkk"),
    ("The gunmen belonged to the PKK, officials said.", "pkk"),
    ("The two attackers were reportedly members of Islamic State.", "islamic_state"),
])
def test_a_later_sentence_names_who_did_an_unattributed_attack(pipe, later, actor):
    """Attribution after a determiner ("blamed the PKK"), "X was behind the attack", and the identification
    of the unnamed perpetrators ("the attackers were members of X") give the attack its actor."""
    _, events = _mentions(pipe, _ATTACK + later)
    violent = [e for e in events if e.category == "ASSAULT" and e.modality == "asserted"]
    assert [e.actor.id if e.actor else None for e in violent] == [actor], violent


@pytest.mark.parametrize("later", [
    "The PKK denied it was behind the attack.",
    "Officials said the PKK was not behind the attack.",
    "The PKK denied the attackers were its members.",
    "The attackers were Turkish nationals, police said.",  # a people is no perpetrator group
])
def test_a_denied_or_negated_identification_names_no_actor(pipe, later):
    _, events = _mentions(pipe, _ATTACK + later)
    violent = [e for e in events if e.category == "ASSAULT" and e.modality == "asserted"]
    assert violent and all(e.actor is None or e.actor.id.startswith("unknown.") for e in violent), violent


def test_an_identification_does_not_name_an_attack_on_the_party_s_own_side(pipe):
    text = ("Gunmen attacked a PKK camp in northern Iraq on Monday. A roadside bomb killed two soldiers in Hakkari. "
            "Officials said the attackers were members of the PKK.")
    _, events = _mentions(pipe, text)
    by_target = {e.target.id if e.target else None: e.actor.id if e.actor else None
                 for e in events if e.category == "ASSAULT"}
    assert by_target.get("pkk") != "pkk", by_target


@pytest.mark.parametrize("text, actor", [
    ("The RSF stormed Zamzam on April 11.", "rsf"),  # an armed group meets the entry's context
    ("The United States hit 85 targets in Iraq on Feb. 2.", "USA"),
])
def test_a_party_of_an_armed_kind_meets_a_trigger_s_context(pipe, text, actor):
    (m,) = [m for m in _mentions(pipe, text)[0] if m.category == "ASSAULT"]
    assert m.actor.id == actor


@pytest.mark.parametrize("text", ["The storm hit the coast on Monday.", "Inflation hit the army hard."])
def test_no_party_no_weapon_no_attack(pipe, text):
    assert not [m for m in _mentions(pipe, text)[0] if m.category == "ASSAULT"]


@pytest.mark.parametrize("text, dead", [
    ("At least 27 people, including two civilians, were killed.", 27),
    ("Seven soldiers, including two officers, were killed in the attack.", 7),
    ("Four police officers and two civilians were killed in landmine blasts.", 6),
    ("Two soldiers were killed and three wounded in the attack.", 2),
])
def test_included_and_coordinated_counts(pipe, text, dead):
    mentions, _ = _mentions(pipe, text)
    assert [m.fatalities for m in mentions if m.fatalities is not None] == [dead]


@pytest.mark.parametrize("text, actor", [
    ("Israel's response came on Friday, with a strike near Isfahan.", "ISR"),
    ("Friday's strike appears to be Israel's response.", "ISR"),
    ("The raid was widely seen as Washington's retaliation.", "USA"),
])
def test_an_act_said_to_be_a_party_s_response_is_its_act(pipe, text, actor):
    (m,) = [m for m in _mentions(pipe, text)[0] if m.category == "ASSAULT"]
    assert m.actor.id == actor


def test_the_act_a_response_answers_is_not_the_responder_s(pipe):
    (m,) = [m for m in _mentions(pipe, "Iran's response to the strike on its consulate was swift.")[0]
            if m.category == "ASSAULT"]
    assert m.actor is None or m.actor.id != "IRN"


@pytest.mark.parametrize("text", [
    "On the night of 13 April, Iran answered with a barrage of drones.",
    "In the early hours of 13 April, Iran answered with a barrage of drones.",
])
def test_a_part_of_the_day_before_an_opening_date(pipe, text):
    doc = Document(id="x", text=text, published=date(2024, 4, 19), published_from="record")
    (m,) = [m for m in pipe.analyse([doc]).documents[0].mentions if m.category == "ASSAULT"]
    # the day, with the part of the day where the expression names it ("2024-04-13TNI")
    assert m.when is not None and m.when.value[:10] == "2024-04-13" and m.when.earliest == m.when.latest


@pytest.mark.parametrize("text, category", [
    ("Sudan said on Tuesday it was severing diplomatic relations with the United Arab Emirates.", "SANCTION"),
    ("Pakistan promised to retaliate.", "THREATEN"),
])
def test_more_wordings_of_a_break_and_a_vow(pipe, text, category):
    assert category in [m.category for m in _mentions(pipe, text)[0]]


def test_a_promise_to_answer_questions_is_no_threat(pipe):
    assert "THREATEN" not in [m.category for m in _mentions(
        pipe, "The minister promised to respond to questions from lawmakers.")[0]]


def test_a_date_ending_in_a_noun_cue_is_no_determiner(pipe):
    """"on Wednesday night killed": "night" ends the date; the verb after it keeps its subject."""
    doc = Document(id="x", text="A U.S. drone strike on Wednesday night killed a Kataib Hezbollah commander.",
                   published=date(2024, 2, 8), published_from="record")
    (m,) = [m for m in pipe.analyse([doc]).documents[0].mentions if m.category == "ASSAULT"]
    assert m.actor is not None and m.actor.id == "USA" and m.target.id == "kataib_hezbollah"


def test_a_date_of_the_telling_bounds_the_told_act(pipe):
    # "said on Sunday that ... had been killed": a toll counted by Sunday, not on it; a date of the
    # act's own wins; a date heading the sentence ("As reported on ...") is the act's day; "said on
    # Sunday its forces had launched a counter-offensive" keeps the day
    text = ("Officials said on Sunday that about 200 people had been killed in the fighting in the city. "
            "The army said on Sunday that militants attacked a checkpoint on Saturday. "
            "Police told reporters late on Monday that three people have been wounded in the market. "
            "As reported on Tuesday, gunmen killed four people in the town. "
            "Azerbaijan said on Sunday its forces had launched a counter-offensive.")
    doc = Document(id="x", text=text, published=date(2024, 10, 30), published_from="record")
    mentions = pipe.analyse([doc]).documents[0].mentions
    days = {m.trigger.text: m.when for m in mentions if "town" not in m.citation.text}
    killed, wounded = days["fighting"], days["wounded"]  # (the killing folds into the fighting it happened in)
    assert killed.mod == "ON_OR_BEFORE" and killed.earliest is None and killed.latest == date(2024, 10, 27)
    assert wounded.mod == "ON_OR_BEFORE" and wounded.latest == date(2024, 10, 28)
    assert days["attacked"].earliest == days["attacked"].latest == date(2024, 10, 26)
    assert days["launched"].mod is None and days["launched"].earliest == date(2024, 10, 27)
    town = [m for m in mentions if "town" in m.citation.text]
    assert town and town[0].when.mod is None and town[0].when.earliest == date(2024, 10, 29)


def test_open_dates_are_worded(pipe):
    from escalate.models import Event, When
    from escalate.report.narrative import load_wording, when_text
    from escalate.resources import rules_dir as default_rules_dir

    w = load_wording(default_rules_dir())
    by = Event.model_construct(when=When(text="Sunday", value="2024-10-27", mod="ON_OR_BEFORE",
                                         latest=date(2024, 10, 27)))
    assert when_text(w, by) == "by 27 October 2024"


@pytest.mark.parametrize("text, expected", [
    # the possessive person of a killing is who it befell, unless "of" names that
    ("Iran has yet to carry out its threatened retaliation for Ismail Haniyeh's killing.",
     ("killing", None, "ismail_haniyeh")),
    ("Israel's killing of Ismail Haniyeh angered Iran.", ("killing", "ISR", "ismail_haniyeh")),
])
def test_a_person_s_killing_befell_that_person(pipe, text, expected):
    mentions, _ = _mentions(pipe, text)
    found = [(m.trigger.text, m.actor.id if m.actor else None, m.target.id if m.target else None)
             for m in mentions if m.category == "ASSAULT"]
    assert found == [expected], found


def test_a_party_a_relative_clause_describes_is_no_place(pipe):
    # "in Tehran, and Iran, which blamed Israel ..., vowed": Iran is the subject, not a second place
    mentions, _ = _mentions(pipe, "Hours later, Ismail Haniyeh was assassinated in Tehran, and Iran, which blamed "
                                  "Israel for his death, vowed harsh punishment.")
    vowed = [m for m in mentions if m.category == "THREATEN"]
    assert vowed and vowed[0].actor is not None and vowed[0].actor.id == "IRN", vowed


@pytest.mark.parametrize("text, kept", [
    # a participle after a determiner describes a place or a thing: no act
    ("The strikes hit the bridge linking Russia to the annexed Crimean Peninsula.", ["strikes"]),
    ("Troops entered the besieged city on Monday.", []),
    # ... but tells what befell people
    ("Police found the abducted men in a forest.", ["abducted"]),
])
def test_a_participle_describing_a_place_is_no_act(pipe, text, kept):
    mentions, _ = _mentions(pipe, text)
    assert [m.trigger.text for m in mentions if m.category in ("ASSAULT", "COERCE")] == kept


def test_a_possessive_pronoun_is_the_subject_s_not_a_possessor_in_the_object(pipe):
    # "its barrage": Russia's (the subject), not Ukraine's (inside what was hit)
    mentions, _ = _mentions(pipe, "Russia launched a fresh wave of missiles at Ukraine's power plants and water supplies "
                                  "on Tuesday, a day after its most intense barrage in months killed 19 people.")
    acts = {m.trigger.text: (m.category, m.actor.id if m.actor else None) for m in mentions}
    assert acts.get("barrage") == ("ASSAULT", "RUS") and "supplies" not in acts, acts


def test_a_causal_cue_links_an_act_whose_parties_are_unknown(pipe):
    # the text says the strikes answered the explosion, though nobody is named for it
    doc = Document(id="x", published=date(2022, 10, 11), published_from="record", text=(
        "A truck bomb exploded on the Kerch bridge on Saturday, killing three people. "
        "On Monday, Russia launched missile strikes on Kyiv in retaliation for the bombing of the bridge."))
    a = pipe.analyse([doc])
    by_id = {e.id: e for e in a.events}
    pairs = [({c.sentence for c in by_id[ln.cause].citations}, by_id[ln.cause].actor,
              by_id[ln.effect].actor.id if by_id[ln.effect].actor else None, ln.stated) for ln in a.links]
    assert any("x:1" in cited and actor is None and effect == "RUS" and stated for cited, actor, effect, stated in pairs), pairs


def test_a_war_s_toll_is_not_merged_into_a_day_s_strikes(pipe):
    # "killed since 1984" spans decades: not the air strikes of 20 November
    doc = Document(id="x", published=date(2022, 11, 23), published_from="record", text=(
        "Turkish warplanes struck PKK targets in northern Iraq on 20 November, killing 12 militants. "
        "More than 40,000 people have been killed in the conflict since 1984."))
    strikes = [e for e in pipe.analyse([doc]).events if e.when.earliest == e.when.latest == date(2022, 11, 20)]
    assert strikes and strikes[0].fatalities == 12, strikes


def test_a_definite_description_refers_to_a_recent_event_first(pipe):
    # Iran's "attacks" told after its strikes are those strikes, not the bombing told long before
    filler = " ".join(f"Officials met in the capital for the {n} time." for n in ("first", "second", "third",
                                                                                   "fourth", "fifth", "sixth"))
    doc = Document(id="x", published=date(2022, 11, 23), published_from="record", text=(
        "A bomb exploded in Istanbul on 13 November, killing six people. Nobody claimed the attack. " + filler +
        " Iran's Revolutionary Guards launched drone strikes on Kurdish groups in Iraq on Monday. "
        "Baghdad condemned the Iranian attacks."))
    events = pipe.analyse([doc]).events
    bombing = [e for e in events if e.when.earliest == date(2022, 11, 13) and e.category == "ASSAULT"]
    assert bombing and bombing[0].actor is None, bombing


def test_the_generic_word_attack_is_no_evidence_of_the_act_told_with_it(pipe):
    # "the attack" after the rebels' "attacks" and a later air strike: the latest act it fits, the strike
    doc = Document(id="x", published=date(2021, 3, 6), published_from="record", text=(
        "The air force bombed rebel depots near Kalemie on Friday in response to the March 1 attacks on two "
        "army posts. Army jets dropped bombs on three warehouses, officials said. Local officials said a "
        "school was damaged and four guards were injured in the attack."))
    events = pipe.analyse([doc]).events
    posts = [e for e in events if e.category == "ASSAULT" and e.when.earliest == date(2021, 3, 1)]
    assert posts and all("injured in the attack" not in c.text for e in posts for c in e.citations), posts
    strike = [e for e in events if e.category == "ASSAULT" and e.when.earliest == date(2021, 3, 5)]
    assert strike and any("injured in the attack" in c.text for c in strike[0].citations), strike


def test_a_party_owned_by_a_definite_description(pipe):
    # "the group's positions" are the Houthis' (named before), not London's forces; "at ships" is no verb
    mentions, _ = _mentions(pipe, "The Houthis fired missiles at ships. Washington and London bombed the group's "
                                  "positions last week.")
    found = [(m.trigger.text, m.category, m.actor.id if m.actor else None, m.target.id if m.target else None)
             for m in mentions]
    assert found == [("fired", "ASSAULT", "houthis", None), ("bombed", "ASSAULT", "USA", "houthis")], found


def test_a_ship_prefix_names_that_navy(pipe):
    # "USS Carney" is a US warship, not a person called Carney
    mentions, _ = _mentions(pipe, "The destroyer USS Carney fired Tomahawk missiles at a Houthi radar site.")
    assert [(m.actor.id if m.actor else None, m.target.id if m.target else None) for m in mentions] == \
        [("usa_navy", "houthis")]


@pytest.mark.parametrize("text, actor", [
    # "the group" (no role noun) refers back to the last named armed group; so does "the terror group"
    ("Israel killed an Islamic Jihad commander in Gaza on Friday. Hours later, the group fired more than 100 rockets.",
     "pij"),
    ("Israel killed an Islamic Jihad commander in Gaza on Friday. The terror group fires a barrage of rockets.", "pij"),
    # "retaliated with rockets": the weapons are the act
    ("Israel killed an Islamic Jihad commander in Gaza on Friday. The group retaliated with 100 rockets.", "pij"),
])
def test_the_group_refers_back_and_retaliated_with_is_an_act(pipe, text, actor):
    mentions, _ = _mentions(pipe, text)
    second = [m for m in mentions if m.sentence.endswith(":2") and m.category == "ASSAULT"]
    assert second and second[0].actor is not None and second[0].actor.id == actor, second


def test_a_counteroffensive_is_an_act_and_a_cue(pipe):
    mentions, _ = _mentions(pipe, "Rebels seized the town on Monday. Two days later, the army hit back with a "
                                  "counteroffensive.")
    assert [(m.trigger.text, m.category) for m in mentions if m.sentence.endswith(":2")] == \
        [("counteroffensive", "ASSAULT")]


@pytest.mark.parametrize("text", [
    # from the act dated in the sentence before ...
    "Rebel forces swept north from their stronghold on April 4, 2019, taking the town of Gharyan. "
    "Two days later, the army hit back with a counteroffensive.",
    # ... or, with no act there, from the day that sentence names
    "The rebel convoy left Benghazi on April 4, 2019. Two days later, the army hit back with a counteroffensive.",
])
def test_two_days_later_counts_from_the_day_before(pipe, text):
    mentions, _ = _mentions(pipe, text)
    hit = [m for m in mentions if m.trigger.text == "counteroffensive"]
    assert hit and hit[0].when is not None and str(hit[0].when.earliest) == "2019-04-06" == str(hit[0].when.latest)


def test_a_ground_advance_is_an_assault(pipe):
    mentions, _ = _mentions(pipe, "Rebel forces swept north from their stronghold on April 4, 2019, taking the town "
                                  "of Gharyan. Protesters marched on parliament.")
    got = [(m.trigger.text, m.category, m.mode) for m in mentions]
    assert got[0] == ("swept north", "ASSAULT", "occupy") and ("marched on", "PROTEST", "demonstrate") in got, got


def test_have_been_accused_of_firing_is_no_habit(pipe):
    mentions, _ = _mentions(pipe, "Kurdish-led forces have been accused of firing rockets across the border.")
    firing = [m for m in mentions if m.trigger.text == "firing"]
    assert firing and firing[0].modality == "asserted", firing


@pytest.mark.parametrize("text, trigger, modality", [
    # none told: an attack under "any", one called off or abandoned
    ("Erdogan reserved the right to retaliate against any attack by the Syrian government.", "attack", "hypothetical"),
    ("The president called off the strikes at the last minute.", "strikes", "negated"),
    ("He offered the sanctions as an alternative to the military strike he had abandoned.", "strike", "negated"),
])
def test_acts_not_done(pipe, text, trigger, modality):
    mentions, _ = _mentions(pipe, text)
    found = {m.trigger.text: m.modality for m in mentions}
    assert found.get(trigger) == modality, found


def test_a_casualty_participle_chain_stays_with_its_act(pipe):
    # "..., killing 33 Turkish soldiers and wounding more than 30 others": one act, not Turkey's
    _mentions_, events = _mentions(pipe, "An air strike hit a Turkish position in Idlib on Feb. 27, killing 33 Turkish "
                                         "soldiers and wounding more than 30 others.")
    assert [(e.fatalities, e.injuries, e.actor) for e in events] == [(33, 30, None)], events


def test_an_act_that_could_happen_is_hypothetical(pipe):
    mentions, _ = _mentions(pipe, "If talks stall, analysts warn, another clash could erupt when the snow melts.")
    assert ("clash", "hypothetical") in [(m.trigger.text, m.modality) for m in mentions]


@pytest.mark.parametrize("text, trigger", [
    ("Kurti called on the EU to impose sanctions on Serbia.", "sanctions"),
    ("Brussels expected Serbia to cooperate fully with the investigation.", "cooperate"),
])
def test_an_act_asked_for_is_not_done(pipe, text, trigger):
    mentions, _ = _mentions(pipe, text)
    found = {m.trigger.text: m.modality for m in mentions}
    assert found.get(trigger) == "future", found


def test_an_answer_dated_from_the_act_it_answers_is_another_act(pipe):
    # "Hours later, the group retaliated with 100 rockets": dated from the strike, but not the strike
    _m, events = _mentions(pipe, "On Friday, an Israeli strike killed Tayseer al-Jabari, a commander of Islamic "
                                 "Jihad. Hours later, the group retaliated with more than 100 rockets.")
    assert len([e for e in events if e.category == "ASSAULT"]) == 2, events


def test_explosions_that_tore_through_tankers_are_an_attack(pipe):
    mentions, _ = _mentions(pipe, "The latest round began on the morning of June 13, when explosions tore through two "
                                  "tankers in the Gulf of Oman. A gas explosion ripped through a restaurant.")
    assert [(m.trigger.text, m.category, m.sentence[-1]) for m in mentions] == [("explosions", "ASSAULT", "1")]


@pytest.mark.parametrize("text, trigger", [
    # a toll told in the perfect after a day that opens the sentence: counted by then, not on it
    ("On Sunday, the ministry said that the army had killed 550 fighters in the fighting.", "fighting"),
    ("On Sunday, the ministry said that 550 fighters had been killed in the fighting.", "fighting"),
])
def test_a_toll_told_in_the_perfect_on_a_day_is_by_that_day(pipe, text, trigger):
    (m,) = [m for m in _mentions(pipe, text)[0] if m.trigger.text == trigger]
    assert m.when is not None and m.when.earliest is None and m.when.latest is not None, m.when


def test_a_claim_in_the_perfect_infinitive_keeps_an_opening_day(pipe):
    # event notes date the act so: "On 7 May 2020, IS claimed to have ambushed a convoy"
    (m,) = [m for m in _mentions(pipe, "On 7 May 2020, Boko Haram claimed to have ambushed a convoy of the army.")[0]
            if m.category == "ASSAULT"]
    assert m.when is not None and str(m.when.earliest) == "2020-05-07" == str(m.when.latest)


@pytest.mark.parametrize("text, actor, target", [
    # a threat about the future is made, not hypothetical; its speaker is its actor past a relative clause
    ("Netanyahu, who cut short a visit to the United States, vowed that Hezbollah would pay a heavy price.",
     "benjamin_netanyahu", "hezbollah"),
    ("Netanyahu warned that Hezbollah would face severe consequences.", "benjamin_netanyahu", "hezbollah"),
])
def test_a_consequence_threat_is_the_speaker_s(pipe, text, actor, target):
    (m,) = [m for m in _mentions(pipe, text)[0] if m.category == "THREATEN" and m.trigger.text != "warned"]
    assert (m.actor.id, m.target.id if m.target else None, m.modality) == (actor, target, "asserted")


def test_a_legitimate_target_is_no_attack(pipe):
    got = _asserted(pipe, "The commander said the airport was a legitimate target because troops had crossed the border.")
    assert ("ASSAULT", "target") not in got, got


def test_a_count_from_a_dated_act_beats_the_day_of_the_telling(pipe):
    # "by Friday" from the telling; "two days after" Wednesday's attack: Friday itself
    (m,) = [m for m in _mentions(pipe, "On Friday, officials said 30 fighters had been killed in air strikes, two "
                                       "days after militants attacked a base on Wednesday.")[0]
            if m.trigger.text == "air strikes"]
    assert m.when is not None and str(m.when.earliest) == str(m.when.latest) == "2020-05-01", m.when


@pytest.mark.parametrize("text, actor, target", [
    # a source named in passing is neither actor nor target
    ("Jets struck what India described as the biggest training camp of Jaish-e-Mohammed at Balakot.",
     "unknown.military", "jaish_e_mohammed"),
    ("Israeli jets struck what Israel said were Hezbollah weapons depots in southern Lebanon.", "ISR.military", "hezbollah"),
    ("Drones and, according to U.S. officials, cruise missiles struck the oil processing plant.", None, None),
    # a border names a line on the map, not the place hit; weapons after "with" are no target
    ("Houthi drones set off a fire at the Shaybah oilfield near the United Arab Emirates border.", "houthis", None),
    ("Azerbaijani forces opened intensive fire with artillery and drones on Armenian military positions.",
     "AZE.military", "ARM.military"),
    # armed forces retaliating use force; a recall is from the state it is made from
    ("Pakistani troops shelled the villages overnight. Indian troops retaliated, the Army said.", "IND.military", None),
])
def test_sources_places_weapons_and_answers(pipe, text, actor, target):
    m = [m for m in _mentions(pipe, text)[0] if m.category in ("ASSAULT", "SANCTION")][-1]
    assert (m.actor.id if m.actor else None, m.target.id if m.target else None) == (actor, target), m


def test_a_recall_is_from_the_state_it_is_made_from_and_a_barred_envoy_is_his_state_s(pipe):
    mentions, _ = _mentions(pipe, "Pakistan recalled its ambassador from Tehran and said Iran's envoy would not be "
                                  "allowed to return.")
    got = {m.trigger.text: (m.category, m.actor.id if m.actor else None, m.target.id if m.target else None)
           for m in mentions}
    assert got["recalled"] == ("SANCTION", "PAK", "IRN")
    assert got["would not be allowed to return"] == ("SANCTION", None, "IRN.government")


@pytest.mark.parametrize("text", [
    "China retaliated with tariffs on US goods.",
    "Iranian officials said Tehran had no immediate plans to retaliate.",
])
def test_retaliating_without_force_is_no_assault(pipe, text):
    assert not [m for m in _mentions(pipe, text)[0] if m.category == "ASSAULT"]


def test_a_live_blog_entry_tells_its_page_s_day_and_headings_tell_nothing(pipe):
    text = ("India and Pakistan edged closer to conflict on Wednesday.\n\n"
            "21:30 IST\nChina called on the two neighbours to show restraint.\n\n"
            "20:15 IST\nIndia summoned Pakistan's envoy and lodged a strong protest.\n\n"
            "08:00 IST - Recap: Tuesday's air strike\nIndian jets struck a militant camp.\n\n"
            "HOW THE FIGHTING STARTED\n\nThe conflict began in 1947.\n")
    mentions = _mentions(pipe, text, date(2019, 2, 27))[0]
    days = {m.trigger.text: m.when for m in mentions}
    assert days["called on"] is not None and str(days["called on"].earliest) == "2019-02-27" == str(days["called on"].latest)
    assert days["summoned"] is not None and str(days["summoned"].latest) == "2019-02-27"
    # a recap's entry is no news of the page's day; a heading is no sentence of the story
    assert days["struck"] is None or str(days["struck"].earliest) != "2019-02-27"
    assert not [m for m in mentions if m.citation.text in ("HOW THE FIGHTING STARTED", "08:00 IST - Recap: Tuesday's air strike")]


def test_the_last_word_of_a_name_given_is_that_party(pipe):
    mentions, _ = _mentions(pipe, "The strike was the third operation by Iran's Revolutionary Guards in two days. "
                                  "Late on Monday the Guards fired ballistic missiles at a building in Erbil. "
                                  "Iraq recalled its ambassador. The Guards also said they had struck Islamic State "
                                  "targets in Syria.")
    acts = [(m.trigger.text, m.actor.id if m.actor else None) for m in mentions if m.category == "ASSAULT"
            and not m.definite]
    assert ("fired", "irn_irgc") in acts and ("struck", "irn_irgc") in acts, acts


def test_the_maker_of_a_weapon_is_no_party_to_its_use(pipe):
    (m,) = [m for m in _mentions(pipe, "Israel said the projectile was an Iranian-made Falaq-1 rocket fired by "
                                       "Hezbollah.")[0] if m.category == "ASSAULT"]
    assert m.actor is not None and m.actor.id == "hezbollah"


@pytest.mark.parametrize("text, released", [
    ("A video released on social media showed a blindfolded man being questioned by soldiers.", False),
    ("Pakistan released the captured pilot on Friday.", True),
])
def test_a_released_video_is_no_release(pipe, text, released):
    assert bool([m for m in _mentions(pipe, text)[0] if m.category == "CONCEDE"]) == released


def test_a_date_after_a_fronted_cue_s_object_is_the_main_clause_s(pipe):
    mentions, _ = _mentions(pipe, "Hours after the Beirut strike, early on Wednesday, Hamas leader Ismail Haniyeh was "
                                  "killed in Tehran.", date(2024, 7, 31))
    days = {m.trigger.text: m.when for m in mentions}
    assert days["strike"] is None and days["killed"] is not None and str(days["killed"].latest) == "2024-07-31"


def test_a_conjunct_verb_after_an_object_noun_shares_the_first_verb_s_subject(pipe):
    mentions, _ = _mentions(pipe, "Armenia formally asked Russia for military assistance and appealed to the "
                                  "Collective Security Treaty Organization to respond.")
    acts = {m.trigger.text: m.actor.id if m.actor else None for m in mentions}
    assert acts["appealed"] == "ARM", acts


def test_a_participle_after_a_comma_takes_the_clause_s_first_party(pipe):
    mentions, _ = _mentions(pipe, "Several thousand protesters gathered outside the parliament late on Wednesday, "
                                  "accusing Nikol Pashinyan of preparing concessions.")
    (m,) = [m for m in mentions if m.category == "ACCUSE"]
    assert m.actor is not None and m.actor.id == "unknown.population", m.actor
    assert m.target is not None and m.target.id == "nikol_pashinyan"


def test_a_state_s_own_security_council_is_not_the_un_s(pipe):
    mentions, _ = _mentions(pipe, "Armenia's Security Council condemned the attack.")
    assert all(m.actor is None or m.actor.id != "unsc" for m in mentions)
    assert any(m.actor is not None and m.actor.id == "ARM.government" for m in mentions)


def test_stopping_short_is_not_doing_and_instead_ends_the_negation(pipe):
    mentions, _ = _mentions(pipe, "The CSTO stopped short of offering military help and instead agreed to send a "
                                  "mission.")
    modality = {m.trigger.text: (m.modality, m.actor.id if m.actor else None) for m in mentions}
    assert modality["offering"][0] == "negated"
    assert modality["agreed"] == ("asserted", "csto"), modality  # not the "military" of "military help"


def test_the_date_a_superlative_is_measured_from_is_no_event_s(pipe):
    mentions, _ = _mentions(pipe, "The clashes killed more than 170 soldiers, the worst fighting between the "
                                  "neighbours since their 2020 war.", date(2022, 9, 15))
    assert all(m.when is None or m.when.earliest is None or m.when.earliest.year != 2020 for m in mentions), \
        [(m.trigger.text, m.when) for m in mentions]


def test_an_economic_retaliation_is_no_attack(pipe):
    mentions, _ = _mentions(pipe, "New Delhi ruled out a military counter-strike but retaliated economically, "
                                  "banning 59 Chinese apps.")
    assert not [m for m in mentions if m.category == "ASSAULT" and m.trigger.text == "retaliated"]


@pytest.mark.parametrize("text, trigger, modality", [
    ("Pompeo is expected to travel to Saudi Arabia on Monday for talks on the crisis.", "talks", "future"),
    ("Envoys of the two sides are due to hold talks in Oman on Monday.", "hold talks", "future"),
    ("Trump will meet Kim on Monday in Hanoi.", "will meet", "asserted"),  # the intent, told now (CAMEO 036)
])
def test_an_act_dated_after_publication_in_a_clause_of_what_is_to_come_is_future(pipe, text, trigger, modality):
    mentions, _ = _mentions(pipe, text, date(2019, 6, 23))  # a Sunday: "Monday" is the 24th
    (m,) = [m for m in mentions if m.trigger.text == trigger]
    assert m.modality == modality, (m.modality, m.when)


@pytest.mark.parametrize("text, trigger", [
    ("China has avoided blaming either side.", "blaming"),
    ("Iran cancelled a planned visit by the Swiss envoy.", "visit"),
    ("Why did India attack the post?", "attack"),
])
def test_avoided_cancelled_and_asked_acts_are_not_asserted(pipe, text, trigger):
    (m,) = [m for m in _mentions(pipe, text)[0] if m.trigger.text == trigger]
    assert m.modality != "asserted"


def test_a_phone_conversation_told_with_spoke_with(pipe):
    (m,) = [m for m in _mentions(pipe, "Erdogan spoke with Putin by phone on Saturday.")[0]]
    assert (m.category, m.mode, m.actor.id, m.target.id) == ("CONSULT", "phone", "recep_tayyip_erdogan",
                                                             "vladimir_putin")
    assert not _mentions(pipe, "Erdogan spoke with reporters on Saturday.")[0]


@pytest.mark.parametrize("text, actor, target", [
    ("Iran's Revolutionary Guards shot down a US surveillance drone over the Strait of Hormuz.", "irn_irgc", "USA"),
    ("Syria shot down a Turkish drone.", "SYR", "TUR"),
    ("Ukrainian forces shot down 30 Russian drones overnight.", "RUS", "UKR.military"),
])
def test_a_state_s_drone_shot_down_is_an_act_against_it_a_salvo_shot_down_is_a_defence(pipe, text, actor, target):
    (m,) = [m for m in _mentions(pipe, text)[0] if m.category == "ASSAULT"]
    assert (m.actor.id if m.actor else None, m.target.id if m.target else None) == (actor, target)


@pytest.mark.parametrize("text, trigger", [
    ("Russia, whose air force backs Assad, said it had not been told of the operation.", "backs"),
    ("Qatar, which supports some rebel groups, called for calm.", "supports"),
])
def test_a_present_tense_in_a_relative_clause_tells_what_holds(pipe, text, trigger):
    (m,) = [m for m in _mentions(pipe, text)[0] if m.trigger.text == trigger]
    assert m.modality == "habitual"


def test_a_party_before_the_object_of_a_strike_is_no_new_act(pipe):
    mentions, _ = _mentions(pipe, "Israeli jets struck Islamic Jihad targets in Gaza on Tuesday.")
    assert [(m.trigger.text, m.actor.id, m.target.id) for m in mentions] == [("struck", "ISR.military", "pij")]


def test_an_aside_between_subject_and_verb_hides_its_party(pipe):
    mentions, _ = _mentions(pipe, "John Bolton, visiting Israel, warned Iran not to mistake US prudence for weakness.")
    (m,) = [m for m in mentions if m.category == "THREATEN"]
    assert (m.actor.id, m.target.id) == ("john_bolton", "IRN")


def test_an_act_right_before_a_verb_is_its_subject(pipe):
    mentions, _ = _mentions(pipe, "Turkey launched an offensive after an air strike killed 33 of its soldiers.")
    assert not [m for m in mentions if m.category == "ASSAULT" and m.actor is not None and m.actor.id == "TUR"
                and m.target is not None and m.target.id.startswith("TUR")]


def test_overnight_into_a_weekday_is_that_day(pipe):
    mentions, _ = _mentions(pipe, "Israeli warplanes struck Hezbollah targets in southern Lebanon overnight into "
                                  "Sunday.", date(2024, 7, 29))
    (m,) = mentions
    assert str(m.when.earliest) == "2024-07-28", m.when


def test_a_vow_of_revenge_for_an_act_answers_that_act(pipe):
    pairs = set(_linked(pipe, (
        "Drones struck a tanker in the Red Sea on Friday, killing two crew members.\n\n"
        "US jets struck five Houthi sites in Yemen on Sunday. The Pentagon said the strikes "
        "were a response to the drone attack on Friday.\n\nThe Houthis vowed revenge for the strikes."),
        date(2024, 1, 30)))
    assert ("ASSAULT", "THREATEN", "vowed revenge") in pairs, pairs
    assert ("ASSAULT", "ASSAULT", "response to") in pairs, pairs


def test_scare_quotes_end_no_clause_and_a_weapon_is_no_party(pipe):
    mentions, _ = _mentions(pipe, 'Azerbaijan said Armenian forces shelled its positions again on Wednesday using '
                                  'mortars and artillery and that it had "adequately" responded.', date(2022, 9, 15))
    acts = {m.trigger.text: (m.actor.id if m.actor else None) for m in mentions}
    assert acts.get("responded") == "AZE", acts
    assert not _mentions(pipe, "Hamas has responded to the ceasefire proposal.")[0]


def test_civilians_hit_are_the_other_side_s_and_a_denial_ends_at_and(pipe):
    mentions, _ = _mentions(pipe, "Armenia denied the claim and accused Baku of starting the attack with air and "
                                  "artillery strikes on civilian settlements.")
    acts = {m.trigger.text: m for m in mentions}
    assert acts["accused"].modality == "asserted"
    assault = [m for m in mentions if m.category == "ASSAULT"]
    assert assault and assault[0].actor.id == "AZE" and assault[0].target.id == "ARM.population", \
        [(m.trigger.text, m.actor, m.target) for m in assault]


def test_a_carrier_s_date_is_the_one_after_its_verb_and_an_apposition_takes_no_date(pipe):
    doc = Document(id="x", published=date(2024, 1, 12), published_from="record", text=(
        "DUBAI, Jan 12 (Reuters) - U.S. and British warplanes struck more than 60 Houthi targets in Yemen "
        "overnight, the U.S. military said on Friday.\n\nThe strikes came two days after the Houthis fired 21 "
        "drones and missiles at ships in the Red Sea on Tuesday, the group's largest attack yet."))
    mentions = pipe.analyse([doc]).documents[0].mentions
    days = {m.trigger.text: (str(m.when.earliest) if m.when else None) for m in mentions}
    assert "targets" not in days, days
    assert days["struck"] == "2024-01-11" and days["fired"] == "2024-01-09", days


def test_a_condemnation_answers_the_act_it_names_and_nothing_else(pipe):
    pairs = _linked(pipe, ("The RSF shelled El Fasher on Tuesday, killing 20 civilians.\n\n"
                           "Sudan's government condemned the shelling.\n\nThe African Union condemned the decision."),
                    date(2024, 6, 14))
    assert pairs == [("ASSAULT", "ACCUSE", "condemned the")], pairs


def test_a_held_place_names_its_holder_and_only_a_cue_s_object_is_another_act(pipe):
    text = ("Israeli jets struck dozens of targets across Hamas-run Gaza overnight in retaliation for the "
            "Iran-backed group's rocket attacks on Tel Aviv, and Hamas said the strikes would not go unanswered.")
    mentions, events = _mentions(pipe, text, date(2023, 5, 10))
    acts = {m.trigger.text: m for m in mentions}
    assert acts["struck"].target.id == "hamas" and acts["rocket attacks"].actor.id == "hamas", acts
    assert acts["would not go unanswered"].actor.id == "hamas"
    # "the strikes" tells the jets' strikes again; the object of "in retaliation for" is another act
    struck = next(e for e in events if any(c.text == text for c in e.citations) and e.actor
                  and e.actor.id.startswith("ISR"))
    assert len([e for e in events if e.category == "ASSAULT"]) == 2, events
    assert struck.target.id == "hamas"
    pairs = _linked(pipe, text, date(2023, 5, 10))
    assert sorted(pairs) == [("ASSAULT", "ASSAULT", "in retaliation for"),
                             ("ASSAULT", "THREATEN", "would not go unanswered")], pairs
    # ... while "the strikes" after "in retaliation for" is the act answered, not the rockets
    pairs = _linked(pipe, "Israel bombed Hamas positions on Monday.\n\nHamas fired rockets at Israel on Tuesday "
                          "in retaliation for the strikes.", date(2023, 5, 10))
    assert pairs == [("ASSAULT", "ASSAULT", "in retaliation for")], pairs


def test_an_accusation_and_a_condemnation_answer_the_blasts_they_name(pipe):
    text = ("Hundreds of radios carried by Hezbollah members exploded across Lebanon on Tuesday, killing 9 "
            "people.\n\nHezbollah blamed Israel for the blasts.\n\nLebanon's prime minister condemned the "
            "explosions."
            "\n\nIsrael has neither confirmed nor denied involvement in the blasts.")
    mentions, events = _mentions(pipe, text, date(2024, 9, 19))
    acts = {(m.sentence, m.trigger.text): m for m in mentions}
    # the radios' carriers are no subject of "exploded"; the denial is of involvement, not of the blasts
    assert acts[("x:1", "exploded")].actor is None
    assert acts[("x:4", "blasts")].modality == "asserted" and acts[("x:4", "blasts")].actor is None
    blasts = [e for e in events if e.category == "ASSAULT"]
    assert len(blasts) == 1 and blasts[0].actor.id == "ISR", blasts
    pairs = _linked(pipe, text, date(2024, 9, 19))
    assert sorted(pairs) == [("ASSAULT", "ACCUSE", "condemned the"), ("ASSAULT", "ACCUSE", "for")], pairs


def test_a_sponsor_s_threat_is_not_its_proxy_s(pipe):
    text = ("Hezbollah fired rockets at Israel on Monday.\n\nHezbollah vowed to punish Israel.\n\n"
            "Iran's foreign minister said the attack would not go unanswered.")
    _, events = _mentions(pipe, text, date(2024, 9, 19))
    threats = sorted(e.actor.id for e in events if e.category == "THREATEN")
    assert len(threats) == 2 and threats[1] == "hezbollah", threats


def test_a_dateline_state_that_is_no_party_lends_no_army(pipe):
    story = ("BANGKOK, Nov 9 (Reuters) - Troops fought ethnic rebels for a border town in Shan State on Thursday, "
             "and military jets bombed villages, residents said, as {} faces its biggest challenge in years.")
    # the story names only Myanmar: its army; a story naming Thailand as a party keeps the dateline's
    assert {a for _c, a, _t, _m in _roles(pipe, story.format("Myanmar"))} == {"MMR.military"}
    assert {a for _c, a, _t, _m in _roles(pipe, story.format("Thailand"))} == {"THA.military"}
    # ... and with two states named and neither the dateline's, a bare army is nobody's in particular
    both = story.format("Myanmar") + "\n\nChina called for a ceasefire."
    assert "THA.military" not in {a for _c, a, _t, _m in _roles(pipe, both)}


@pytest.mark.parametrize("text, category, trigger", [
    ("Dmitry Medvedev said retaliation was inevitable.", "THREATEN", "retaliation was inevitable"),
    ("The junta said it would take all necessary measures to defend the country.", "THREATEN",
     "would take all necessary measures"),
    ("The junta said it would respond appropriately to the rebel offensive.", "THREATEN", "would respond appropriately"),
    ("Hun Sen said Cambodia had no choice but to fight back.", "THREATEN", "no choice but to fight back"),
    ("The army redeployed a division to the northern border.", "MOBILIZE", "redeployed a division"),
    ("Thailand has closed all land crossings with Cambodia.", "COERCE", "closed"),
    ("The interior ministry announced a new ceasefire with Druze leaders.", "RETREAT", "announced a new ceasefire"),
    ("Cambodian troops had laid new mines along the border, the army said.", "ASSAULT", "laid new mines"),
])
def test_speech_acts_and_moves_of_the_wider_vocabulary(pipe, text, category, trigger):
    found = [(m.category, m.trigger.text) for m in _mentions(pipe, text)[0] if m.modality == "asserted"]
    assert (category, trigger) in found, found


def test_the_date_between_an_act_and_its_folded_detail_is_the_act_s(pipe):
    mentions, _ = _mentions(pipe, "Putin told Trump in a phone call on Wednesday that Russia would have to respond "
                                  "to the attack.", date(2025, 6, 6))
    call = next(m for m in mentions if m.category == "CONSULT")
    assert call.when is not None and str(call.when.earliest) == "2025-06-04", call.when


def test_a_verb_after_and_with_no_subject_of_its_own_shares_the_clause_s_first_party(pipe):
    found = _roles(pipe, "U.S. Secretary of State Marco Rubio spoke to Rwandan President Paul Kagame and called "
                         "for an immediate ceasefire.")
    assert [(c, a) for c, a, _t, _m in found] == [("REQUEST", "marco_rubio")], found


def test_acts_that_would_continue_are_not_told(pipe):
    mentions, _ = _mentions(pipe, "Hezbollah said its attacks on northern Israel would continue until the war ends.")
    assert [m.modality for m in mentions if m.category == "ASSAULT"] == ["hypothetical"]


def test_requires_party_alone_asks_for_armed_parties(pipe):
    assert ("ASSAULT", "retaliated") in _asserted(pipe, "Indian troops retaliated, the army said.")
    assert not [c for c, _t in _asserted(pipe, "Shareholders retaliated against the board's decision.")
                if c == "ASSAULT"]


def test_an_act_told_hours_before_a_strike_is_no_answer_to_it(pipe):
    text = ("The United States and Britain struck Houthi targets in Yemen overnight.\n\nOn Thursday, hours before "
            "the strikes, the Houthis fired an anti-ship ballistic missile at a commercial vessel.")
    analysis = pipe.analyse([Document(id="x", text=text, published=date(2024, 1, 12), published_from="record")])
    by_id = {e.id: e for e in analysis.events}
    assert not [ln for ln in analysis.links if by_id[ln.cause].actor.id == "USA"], analysis.links
    cue = next(c for c in analysis.documents[0].cues if c.text == "hours before")
    assert cue.direction == "effect_first"  # fronted after a date: the phrase names the later event


def test_a_rebel_offensive_is_an_act_a_severance_answers(pipe):
    pairs = _linked(pipe, "M23 rebels backed by Rwanda seized the city of Goma on Thursday.\n\nCongo severed "
                          "diplomatic ties with Kigali on Saturday in response to the rebel offensive.",
                    date(2025, 1, 28))
    assert pairs == [("ASSAULT", "SANCTION", "in response to")], pairs
    assert not _asserted(pipe, "Critics called the remarks an offensive joke.")


def test_a_support_verb_is_a_whole_word_and_an_abbreviation_stays_in_its_noun_phrase(pipe):
    # the "led" of "called" is no support verb: Trump only named the attack
    assert [a for c, a, _t, _m in _roles(pipe, "Trump called the attack a very weak response.")
            if c == "ASSAULT"] == [None]
    found = _roles(pipe, "The U.S. strikes on its nuclear sites angered Iran.")
    assert [(a, t) for c, a, t, _m in found if c == "ASSAULT"] == [("USA", "IRN")], found


def test_a_quoted_verbal_act_is_the_speaker_s_named_after_the_quote(pipe):
    text = ('Houthi military spokesman Yahya Saree spoke on Friday.\n\n"The American enemy bears full '
            'responsibility for its aggression, and it will not go unanswered," he said.')
    acts = {m.category: m for m in _mentions(pipe, text, date(2024, 1, 12))[0]}
    assert acts["ACCUSE"].actor.id == "yahya_saree" and acts["ACCUSE"].target.id == "USA"
    assert acts["THREATEN"].actor.id == "yahya_saree"
    found = _roles(pipe, '"Israel will pay a heavy price," Hezbollah said in a statement.')
    assert [(c, a, t) for c, a, t, _m in found] == [("THREATEN", "hezbollah", "ISR")], found


def test_a_support_verb_reaches_its_noun_over_adjectives(pipe):
    found = _roles(pipe, "Israel said it had carried out pre-emptive strikes in Lebanon.")
    assert [(c, a) for c, a, _t, _m in found] == [("ASSAULT", "ISR")], found


def test_its_past_a_causal_cue_is_the_subject_s(pipe):
    found = _roles(pipe, "Iran fired missiles at the U.S. Al Udeid air base in Qatar in retaliation for U.S. strikes "
                         "on its nuclear sites.")
    assert ("ASSAULT", "USA", "IRN") in [(c, a, t) for c, a, t, _m in found], found
    # ... only the possessive: "in which Iran said it had targeted" keeps its nearest party
    found = _roles(pipe, "The ministry in Islamabad said the raid came in response to the attack, in which Iran "
                         "said it had targeted militant bases.")
    assert "IRN" in [a for c, a, _t, _m in found if c == "ASSAULT"], found


@pytest.mark.parametrize("text, actor", [
    ("Iran warned Iraq before firing missiles at the base.", "IRN"),
    ("Israel told the United States before launching air strikes.", "ISR"),
    # a reported clause with its own subject keeps it
    ("Hamas said Israeli troops shot dead two men after storming the camp.", "ISR.military"),
])
def test_a_gerund_after_a_subordinator_has_the_main_clause_s_subject(pipe, text, actor):
    acts = [(c, a) for c, a, _t, _m in _roles(pipe, text) if c == "ASSAULT"]
    assert acts and acts[0][1] == actor, acts  # the gerund (its noun object's actor: see the closing notes)


@pytest.mark.parametrize("text", [
    "Al-Shabaab fighters attacked a Kenyan army post on Friday. Kenya launched air strikes on al-Shabaab "
    "hideouts in Somalia on Saturday, citing the attack on its post.",
    "Mali expelled the French ambassador on Saturday, calling France's decision to suspend military "
    "cooperation a hostile act.",
])
def test_a_reason_given_after_citing_or_calling_is_a_stated_cause(pipe, text):
    links = _linked(pipe, text, date(2024, 3, 10))
    assert any(cue in ("citing", "calling") for _c, _e, cue in links), links


def test_the_possessor_of_a_decision_does_the_act_after_its_to(pipe):
    found = _roles(pipe, "Mali expelled the French ambassador, calling France's sudden decision to suspend "
                         "military cooperation a hostile act.")
    assert ("SANCTION", "FRA") in [(c, a) for c, a, _t, _m in found], found
    # ... not any possessive: "Mali's army moved to retake the town" keeps its subject
    found = _roles(pipe, "Mali's army moved to retake the town on Friday.")
    assert all(a != "FRA" for _c, a, _t, _m in found), found


def test_a_definite_noun_of_another_mode_is_another_act(pipe):
    # "the expulsion of its diplomats" is no anaphor of the suspension of aid told just before
    _m, events = _mentions(pipe, "France suspended military aid to Mali on Friday. Russia recalled its ambassador "
                                 "from Moldova, describing the expulsion of its diplomats as an unfriendly step.")
    aid = [e for e in events if e.category == "SANCTION" and e.mode == "aid"]
    assert aid and all(len(e.citations) == 1 for e in aid), [(e.mode, len(e.citations)) for e in events]


@pytest.mark.parametrize("text, category, mode", [
    ("Rebels ousted government troops from the town on Saturday.", "ASSAULT", "occupy"),
    ("The army said it had neutralised 40 militants in the area on Monday.", "ASSAULT", None),
    ("Rwanda's army said it had taken defensive measures in response.", "MOBILIZE", "alert"),
    ("Moscow said it would respond to the seizure of the tanker.", "THREATEN", "violence"),
    ("Moscow said it would respond to the seizure of the tanker.", "COERCE", "seize"),
])
def test_more_acts_of_force(pipe, text, category, mode):
    mentions, _ = _mentions(pipe, text)
    assert (category, mode) in [(m.category, m.mode) for m in mentions], [(m.category, m.mode) for m in mentions]


@pytest.mark.parametrize("text", [
    "The interceptors neutralised two drones over the capital.",  # an interception, not a killing
    "The party ousted its leader in a vote on Friday.",
    "The ministry said it would respond to the questions in writing.",
])
def test_words_of_force_in_other_senses(pipe, text):
    mentions, _ = _mentions(pipe, text)
    assert not [m for m in mentions if m.category in ("ASSAULT", "THREATEN")], [(m.category, m.trigger.text) for m in mentions]


def test_blame_with_no_act_named_answers_the_act_just_told(pipe):
    text = ("A bomb ripped through a busy avenue in the capital on November 13, killing six people. "
            "Ankara blamed the PKK and YPG, which both denied involvement.")
    links = _linked(pipe, text, date(2022, 11, 30))
    assert ("ASSAULT", "ACCUSE", "blamed") in links, links


def test_days_later_dates_its_act_from_the_day_before_it(pipe):
    text = ("A bomb ripped through a busy avenue in the capital on November 13, killing six people. "
            "Ankara blamed the PKK and YPG, which both denied involvement, and days later launched air strikes "
            "on militant targets in northern Iraq in retaliation.")
    mentions, _ = _mentions(pipe, text, date(2022, 11, 30))
    strikes = [m for m in mentions if m.trigger.text == "launched"]
    assert strikes and strikes[0].actor.id == "TUR", [(m.trigger.text, m.actor) for m in mentions]
    when = strikes[0].when
    assert when is not None and when.earliest == date(2022, 11, 14) and when.latest == date(2022, 11, 23), when


@pytest.mark.parametrize("text, category", [
    ("The strike hit a temporary detention centre in Saada.", "COERCE"),
    ("The rebels drove the internationally recognised government from the capital.", "SUPPORT"),
    ("The United States, which has about 28,500 troops stationed in South Korea, urged restraint.", "MOBILIZE"),
    ("Erbil, which hosts U.S. troops, was hit by rockets on Monday.", "CONSULT"),
    ("Lavrov said Moscow had received only four or five minutes' warning before the strikes.", "CONSULT"),
    ("Lavrov said Moscow had received only four or five minutes' warning before the strikes.", "THREATEN"),
    ("The bombing came hours before parliament was due to reopen after its summer recess.", "CONCEDE"),
    ("The coalition said the strikes answered the threat to the region.", "THREATEN"),
    ("Kirby said the strikes were carried out in consultation with coalition partners.", "CONSULT"),
    ("A drone struck a maintenance facility at the Mission Support Site Conoco on Thursday.", "SUPPORT"),
    ("The officials spoke on condition of anonymity, asking not to be named.", "REQUEST"),
    ("The attack happened near Lake Chad, where the borders of Chad, Niger, Nigeria and Cameroon meet.", "CONSULT"),
    ("The moves threaten to complicate talks in Vienna on reviving the nuclear deal.", "THREATEN"),
    ("Iran keeps advisers at bases set up at the Syrian government's request.", "REQUEST"),
    ("Bashir, addressing a rally of paramilitary volunteers in Khartoum, vowed to crush the south.", "PROTEST"),
    ("Trump decided in 2018 to pull the United States out of the accord.", "AGREE"),
    ("Police forces were able to save the man and taken to the police station.", "ASSAULT"),
])
def test_descriptions_are_no_acts(pipe, text, category):
    mentions, _ = _mentions(pipe, text)
    assert category not in [m.category for m in mentions if m.modality == "asserted"], \
        [(m.category, m.trigger.text) for m in mentions]


def test_an_ultimatum_and_a_subject_past_a_relative_clause_with_a_number(pipe):
    found = _roles(pipe, "The United States, which has about 28,500 troops stationed in South Korea, urged the "
                         "North to refrain from provocations.")
    assert [(c, a) for c, a, _t, _m in found if c == "REQUEST"] == [("REQUEST", "USA")], found
    mentions, _ = _mentions(pipe, "The North gave the South 48 hours to dismantle the loudspeakers or face military "
                                  "action.")
    assert ("THREATEN", "ultimatum") in [(m.category, m.mode) for m in mentions], mentions
    # ... the ultimatum is the giver's, not the recipient's
    found = _roles(pipe, "Pyongyang gave Seoul 48 hours to halt the broadcasts or face military action.")
    assert [(c, a) for c, a, _t, _m in found if c == "THREATEN"] == [("THREATEN", "PRK")], found


def test_a_sentence_with_no_date_goes_on_with_the_day_told_before(pipe):
    text = ("On Thursday, North Korea fired shells at a South Korean loudspeaker site near the border. "
            "South Korea responded by firing dozens of howitzer rounds across the border. "
            "The United States urged the North to refrain from further provocations.")
    _m, events = _mentions(pipe, text, date(2015, 8, 25))
    days = {(e.actor.id if e.actor else None, e.category): (e.when.earliest, e.when.latest) for e in events}
    assert days[("KOR", "ASSAULT")] == (date(2015, 8, 20), date(2015, 8, 20)), days
    # a verbal act may come days later: not dated to the narrative's day, but made since the news day
    # and by the report
    assert days[("USA", "REQUEST")] == (date(2015, 8, 20), date(2015, 8, 25)), days


@pytest.mark.parametrize("second", [
    "The militants had fired rockets at the town before.",  # a past perfect is told out of order
    "Two days after the strikes, the militants fired rockets at the town.",  # placed by the act it names
])
def test_the_narrative_day_stops_at_a_flashback_or_an_act_placed_by_a_cue(pipe, second):
    _m, events = _mentions(pipe, "On Thursday, jets struck militant camps in the north. " + second, date(2015, 8, 25))
    rockets = [e for e in events if e.citations[0].text.startswith(second[:12])]
    assert rockets and rockets[0].when.earliest != date(2015, 8, 20), [(e.category, e.when) for e in events]


@pytest.mark.parametrize("text, actor", [
    ("The PKK, designated a terrorist organisation by Turkey, the United States and the European Union, claimed "
     "responsibility for the bombing.", "pkk"),
    ("The Houthis, backed by Iran, fired missiles at the ship on Monday.", "houthis"),
])
def test_a_participle_aside_and_its_agents_are_no_subject(pipe, text, actor):
    acts = [(c, a) for c, a, _t, _m in _roles(pipe, text) if c == "ASSAULT"]
    assert acts and acts[0][1] == actor, acts
    # ... and a standing designation is no sanction told
    assert "SANCTION" not in [c for c, _a, _t, _m in _roles(pipe, text)]


@pytest.mark.parametrize("text, trigger, modality", [
    ("Security sources said more strikes were planned in the coming days.", "strikes", "future"),
    ("Further talks are expected in Seoul next month.", "talks", "future"),
    ("U.S. commanders judged the drone a potential threat and shot it down in self-defence.", "shot", "asserted"),
    ("Iran might retaliate and attack the base.", "attack", "hypothetical"),
    ('"We have no indication that Turkey was deliberately targeting U.S. forces," Ryder told reporters.',
     "targeting", "negated"),
    ("Park told military commanders to respond sternly, ordering them to hit back if attacked.", "hit",
     "hypothetical"),
])
def test_modality_after_the_noun_and_across_and(pipe, text, trigger, modality):
    mentions, _ = _mentions(pipe, text, date(2023, 10, 6))
    found = [m.modality for m in mentions if m.trigger.text == trigger]
    assert found == [modality], [(m.trigger.text, m.modality) for m in mentions]


@pytest.mark.parametrize("text, target", [
    ("The United States carried out air strikes in eastern Syria on Thursday against facilities belonging to "
     "Iran-backed militia groups.", "IRN-backed.armed_group"),
    ("A U.S. drone strike at Baghdad airport killed Iranian commander Qassem Soleimani.", "qasem_soleimani"),
])
def test_the_party_hit_beats_the_place_of_the_strike(pipe, text, target):
    acts = [(c, t) for c, _a, t, _m in _roles(pipe, text) if c == "ASSAULT"]
    assert acts and acts[0][1] == target, acts


@pytest.mark.parametrize("text, category", [
    ("Secretary of State Antony Blinken spoke with UAE Foreign Minister Sheikh Abdullah bin Zayed.", "CONSULT"),
    ("On Monday, at least two rockets landed in Baghdad's heavily fortified Green Zone.", "ASSAULT"),
    ("The U.S. and South Korean militaries raised their alert level.", "MOBILIZE"),
    ("The North moved about 50 submarines away from their bases.", "MOBILIZE"),
    ("The coalition intervened militarily in Yemen in March 2015.", "ASSAULT"),
])
def test_consultation_fire_and_readiness_told_plainly(pipe, text, category):
    mentions, _ = _mentions(pipe, text, date(2021, 2, 26))
    assert category in [m.category for m in mentions if m.modality == "asserted"], \
        [(m.category, m.trigger.text) for m in mentions]


@pytest.mark.parametrize("text", [
    "The minister spoke with reporters on Monday.",
    "The dispute ended when the mayor intervened.",
    "Two missiles landed in the sea during the test.",
])
def test_the_same_words_in_plain_senses(pipe, text):
    mentions, _ = _mentions(pipe, text, date(2021, 2, 26))
    assert not [m for m in mentions if m.category in ("CONSULT", "ASSAULT") and m.modality == "asserted"], \
        [(m.category, m.trigger.text) for m in mentions]


def test_months_later_counts_from_a_month_and_keeps_an_old_act_apart(pipe):
    text = ("On Thursday, North Korea fired shells at a loudspeaker site, and South Korea fired back. "
            "In March 2010, Seoul accused the North of torpedoing a navy corvette. The North denied it. "
            "Months later, North Korea shelled the South Korean island of Yeonpyeong, killing four people.")
    _m, events = _mentions(pipe, text, date(2015, 8, 25))
    shelling = [e for e in events if e.category == "ASSAULT" and e.fatalities == 4]
    assert shelling and shelling[0].when.earliest is not None and shelling[0].when.latest is not None
    # (at least four weeks after the first day of March 2010, at most about ten months after its last)
    assert date(2010, 3, 28) <= shelling[0].when.earliest and shelling[0].when.latest < date(2011, 3, 1), shelling[0].when
    # the answering fire of the first sentence is an act of its own
    fire = sorted(e.actor.id for e in events if e.category == "ASSAULT" and e.when.earliest == date(2015, 8, 20))
    assert fire == ["KOR", "PRK"], fire


def test_a_judgement_pronounced_on_an_act_is_a_criticism_that_answers_it(pipe):
    text = ("Houthi forces seized the UAE-flagged cargo ship Rwabee off Hodeidah on January 3. "
            "The UAE called the seizure an act of piracy.")
    links = _linked(pipe, text, date(2022, 1, 25))
    assert ("COERCE", "ACCUSE", "called") in links, links
    found = _roles(pipe, "Iran called the strikes a violation of its sovereignty.")
    assert ("ACCUSE", "IRN") in [(c, a) for c, a, _t, _m in found], found
    # ... not a call for something
    found = _roles(pipe, "Iran called for an end to the war crime trials.")
    assert "ACCUSE" not in [c for c, _a, _t, _m in found], found


def test_a_damning_word_after_a_copula_criticises_the_act_it_is_said_of(pipe):
    text = ("Jordanian jets bombed a weapons depot near the border on Sunday. "
            "Syria's foreign ministry said the strike was \"reckless\" and \"irresponsible\".")
    links = _linked(pipe, text, date(2021, 5, 3))
    assert ("ASSAULT", "ACCUSE", "reckless") in links, links
    found = _roles(pipe, "The Kremlin said the president regarded the NATO strike as aggression against a sovereign state.")
    assert "ACCUSE" in [c for c, _a, _t, _m in found], found
    # ... only after a copula, and not when denied or merely possible
    for plain in ("It is illegal to cross the border at night.", "A reckless driver hit a wall in the capital.",
                  "The court said the detention was not illegal.", "Such a move would be illegal, he said."):
        found = _roles(pipe, plain)
        assert "ACCUSE" not in [c for c, _a, _t, _m in found], (plain, found)


def test_a_cause_named_in_passing_is_the_act_told_in_full_later(pipe):
    text = ("Turkish jets struck militant camps in northern Iraq on Friday in retaliation for a deadly car bomb "
            "attack on a border town. The government said the jets hit 30 targets. "
            "The car bomb attack on Cizre on Wednesday killed 12 people, officials said.")
    links = _linked(pipe, text, date(2021, 5, 8))
    assert ("ASSAULT", "ASSAULT", "in retaliation for") in links, links
    _m, events = _mentions(pipe, text, date(2021, 5, 8))
    bombing = [e for e in events if e.fatalities == 12]
    assert bombing and bombing[0].when.earliest == date(2021, 5, 5), bombing


def test_ground_taken_after_fighting_and_its_capture_told_again(pipe):
    text = ("South Sudan's army took Heglig on April 10 after two days of fighting. "
            "On Monday, Sudan's parliament voted to declare South Sudan an enemy in response to the capture of the "
            "oil field.")
    links = _linked(pipe, text, date(2012, 4, 20))
    assert ("ASSAULT", "THREATEN", "in response to") in links, links


@pytest.mark.parametrize("text, effect, cue", [
    ("U.S. President Donald Trump imposed sanctions on Turkish officials on Monday in response to Ankara's "
     "military offensive in northeast Syria.", "SANCTION", "in response to"),
    ("Russia suspended a deal with Washington to avoid mid-air collisions over Syria on Friday, hours after the "
     "United States fired dozens of cruise missiles at a Syrian air base.", "REJECT", "hours after"),
])
def test_a_third_party_s_measure_reacts_to_an_attack(pipe, text, effect, cue):
    links = _linked(pipe, text, date(2019, 10, 15))
    assert ("ASSAULT", effect, cue) in links, links


def test_a_phrase_opening_with_a_modal_has_a_subject(pipe):
    found = _roles(pipe, "Moscow would have to respond to the attacks, the Kremlin said.")
    assert ("THREATEN", "RUS") in [(c, a) for c, a, _t, _m in found], found


@pytest.mark.parametrize("text, actor, target, mode", [
    ("On Thursday the government revoked its defence agreements with Paris.", "unknown.government", "FRA",
     "relations"),
    ("Moscow pulled out of the grain deal on Monday.", "RUS", None, "relations"),
    ("Armenia quit the Collective Security Treaty Organization.", "ARM", "csto", "relations"),
    ("Pyongyang said it was severing all ties with Seoul.", "PRK", "KOR", "relations"),
    ("Ankara cut off trade with Israel.", "TUR", "ISR", "sanctions"),
    ("Japan barred North Korean ships from its ports.", "JPN", "PRK", "entry"),
    ("Washington has paused some military aid programmes.", "USA", None, "aid"),
    ("Mali's military junta closed the country's airspace on Sunday.", "MLI.government", None, "entry"),
])
def test_undoing_ties_and_closing_doors_reduce_relations(pipe, text, actor, target, mode):
    found = [(m.category, m.actor.id if m.actor else None, m.target.id if m.target else None, m.mode)
             for m in _mentions(pipe, text)[0] if m.modality == "asserted"]
    assert ("SANCTION", actor, target, mode) in found, found
    assert not [f for f in found if f[0] in ("AGREE", "COOPERATE", "RETREAT")], found


@pytest.mark.parametrize("text, category", [
    ("Rebels withdrew from the town under a deal brokered by Qatar.", "RETREAT"),
    ("Troops pulled out of the district as part of the agreement.", "RETREAT"),
])
def test_a_pullout_under_a_deal_is_no_break_with_it(pipe, text, category):
    found = [m.category for m in _mentions(pipe, text)[0] if m.modality == "asserted"]
    assert category in found and "SANCTION" not in found, found


def test_the_junta_is_the_party_told_with_that_head_noun(pipe):
    text = ("Niger's military junta closed the country's airspace. The junta seized power on July 26. "
            "Protesters attacked the French embassy on July 30, and the junta accused Paris of planning an intervention.")
    found = [(m.category, m.actor.id if m.actor else None) for m in _mentions(pipe, text)[0]]
    assert ("COERCE", "NER.government") in found and ("ACCUSE", "NER.government") in found, found


def test_a_day_between_responded_and_its_means(pipe):
    text = ("The army seized power on July 26. The regional bloc responded on July 30 by imposing sweeping sanctions "
            "on the junta.")
    mentions, _ = _mentions(pipe, text, date(2023, 8, 7))
    sanction = [m for m in mentions if m.category == "SANCTION"]
    assert sanction and sanction[0].when is not None and sanction[0].when.earliest == date(2023, 7, 30), sanction
    cues = [c.text for c in pipe.analyse([Document(id="x", text=text, published=date(2023, 8, 7),
                                                   published_from="record")]).documents[0].cues]
    assert "responded on July 30 by" in cues, cues
    found = _roles(pipe, "Moscow responded on Friday by sending tanks and troops into the region to protect its peacekeepers.")
    assert ("MOBILIZE", "RUS") in [(c, a) for c, a, _t, _m in found], found


def test_a_named_actor_of_a_detail_beats_a_generic_one_of_its_head(pipe):
    found = _roles(pipe, "Troops came under attack when Taliban fighters ambushed a convoy.")
    assert [a for c, a, _t, _m in found if c == "ASSAULT"] == ["taliban"], found


def test_they_is_the_subject_of_the_sentence_just_before(pipe):
    text = ("Japanese Prime Minister Yukio Hatoyama said Tokyo strongly supported Seoul. "
            "Shares fell sharply on Tuesday. The two Koreas remain technically at war. "
            "Their navies have clashed several times near the disputed sea border.")
    found = [(m.category, m.actor.id if m.actor else None) for m in _mentions(pipe, text)[0] if m.category == "ASSAULT"]
    assert found and not [a for _c, a in found if a and a.startswith("JPN")], found


def test_a_plural_possessive_before_an_apposition_is_no_subject(pipe):
    found = _roles(pipe, "Iran, the Houthis' main regional backer, condemned the strikes as a dangerous step.")
    assert ("ACCUSE", "IRN") in [(c, a) for c, a, _t, _m in found], found


def test_a_quoted_name_tells_no_act(pipe):
    found = _roles(pipe, "Riyadh committed 100 warplanes to the operation, dubbed \"Decisive Storm\", with the UAE "
                         "also sending jets.")
    assert [(c, a) for c, a, _t, _m in found] == [("MOBILIZE", "ARE")], found
    # ... but the naming verb itself may still pronounce a judgement
    found = _roles(pipe, "Hamas called the raid a \"massacre\".")
    assert ("ACCUSE", "hamas") in [(c, a) for c, a, _t, _m in found], found


def test_a_coup_is_power_seized_and_allegations_as_a_topic_are_no_accusation(pipe):
    found = _roles(pipe, "Soldiers staged a coup in Gabon on Wednesday.")
    assert ("COERCE", "unknown.military") in [(c, a) for c, a, _t, _m in found], found
    text = "The army seized power on July 26. France suspended all development aid to Niger days after the coup."
    assert ("COERCE", "SANCTION", "days after") in _linked(pipe, text, date(2023, 8, 7))
    for plain, category in (("Police dispersed a demonstration over fraud allegations.", "ACCUSE"),
                            ("The minister resigned amid allegations of corruption.", "ACCUSE"),
                            ("The club pulled off a diplomatic coup by signing the striker.", "COERCE")):
        found = _roles(pipe, plain)
        assert category not in [c for c, _a, _t, _m in found], (plain, found)


def test_who_would_pay_a_price_is_threatened_by_the_speaker(pipe):
    for text, actor, target in (("Iran will pay a heavy price, Netanyahu said.", "benjamin_netanyahu", "IRN"),
                                ("Israel's war cabinet vowed that Iran would pay a price.", "ISR.government", "IRN"),
                                ("Hezbollah vowed that Israel would pay dearly.", "hezbollah", "ISR")):
        found = [(c, a, t) for c, a, t, _m in _roles(pipe, text) if c == "THREATEN"]
        assert found == [("THREATEN", actor, target)], (text, found)
    found = _roles(pipe, "Seoul announced a halt to nearly all trade with the North.")
    assert "SANCTION" in [c for c, _a, _t, _m in found], found


def test_an_accusation_answers_the_act_it_names_a_few_words_on(pipe):
    text = "Armenia accused Azerbaijan on Tuesday of breaking the truce by sending troops into the border villages."
    assert ("MOBILIZE", "ACCUSE", "of") in _linked(pipe, text, date(2022, 9, 14))


def test_a_target_preposition_does_not_reach_past_a_subordinator(pipe):
    found = _roles(pipe, "The fighting erupted on Thursday when Georgia launched a massive artillery barrage.")
    assert [(c, a) for c, a, _t, _m in found if c == "ASSAULT"] == [("ASSAULT", "GEO")], found
    found = _roles(pipe, "The council held an emergency meeting on Sunday and demanded that Rwandan forces withdraw.")
    assert [t for c, _a, t, _m in found if c == "CONSULT"] == [None], found
    # ... and the words before it are no coordinated verb
    found = _roles(pipe, "Parliament voted in response to the town's capture and called on the Sudanese government to act.")
    assert [t for c, _a, t, _m in found if c == "ASSAULT"] == [None], found


def test_an_act_not_told_again_answers_the_cause_its_party_names(pipe):
    # "X said it had acted in response to Y": the answer is X's act told before, the cause is Y
    text = ("Georgian troops shelled the separatist capital on Thursday night. "
            "Tbilisi said it had acted in response to the shelling of Georgian villages by separatist forces.")
    links = _linked(pipe, text, date(2008, 8, 9))
    assert ("ASSAULT", "ASSAULT", "acted in response to") in links, links
    _m, events = _mentions(pipe, text, date(2008, 8, 9))
    georgian = [e for e in events if e.actor is not None and e.actor.id.startswith("GEO")]
    assert georgian, events


def test_a_support_verb_split_by_a_date_keeps_its_subject(pipe):
    found = _roles(pipe, "Israel retaliated late on Tuesday with air strikes on Hezbollah positions in southern Lebanon.")
    assert ("ASSAULT", "ISR", "hezbollah") in [(c, a, t) for c, a, t, _m in found], found
    found = _roles(pipe, "The rebels responded on March 3 by shelling the town.")
    assert [a for c, a, _t, _m in found if c == "ASSAULT"] == ["unknown.armed_group"], found


@pytest.mark.parametrize("text, actor", [
    ("Iran, the main backer of the Houthis, condemned the strikes as a violation of Yemen's sovereignty.", "IRN"),
    ("Russia, the closest ally of the Syrian government, vetoed the resolution.", "RUS"),
])
def test_a_definite_apposition_after_a_party_holds_no_subject(pipe, text, actor):
    found = _roles(pipe, text)
    assert actor in [a for c, a, _t, _m in found if c in ("ACCUSE", "REJECT")], found


def test_a_clause_after_a_fronted_date_is_no_apposition(pipe):
    found = _roles(pipe, "On 28 April 2020, the brother of the mayor opened fire on protesters, killing one.")
    assert ("ASSAULT", "unknown.population") in [(c, t) for c, _a, t, _m in found], found


@pytest.mark.parametrize("text, actor", [
    ("The Taliban said they attacked the convoy.", "taliban"),
    ("The Houthis said their drone attack hit the refinery.", "houthis"),
    ("Israel said its strikes were in response to rocket fire from Gaza.", "ISR"),
])
def test_a_pronoun_for_a_named_group_and_a_possessive_before_an_act(pipe, text, actor):
    found = _roles(pipe, text)
    assert actor in [a for c, a, _t, _m in found if c == "ASSAULT"], found


def test_a_plural_pronoun_after_a_singular_generic_party_is_not_its(pipe):
    # "the military forces ... after they kidnapped": "military" is no plural party; the group is
    found = _roles(pipe, "The military forces clashed with Boko Haram members after they briefly kidnapped a herder.")
    assert ("ASSAULT", "boko_haram") in [(c, a) for c, a, _t, _m in found], found
    # a killing befalls whom the possessive names
    found = _roles(pipe, "Hamas vowed to avenge his killing.")
    assert "hamas" not in [a for c, a, _t, _m in found if c == "ASSAULT"], found


def test_who_is_said_to_be_behind_an_act_is_accused_by_the_speaker(pipe):
    found = _roles(pipe, "Britain said on Sunday that Iran was behind the drone attack on the tanker.")
    assert ("ACCUSE", "GBR", "IRN") in [(c, a, t) for c, a, t, _m in found], found
    assert ("ASSAULT", "IRN") in [(c, a) for c, a, _t, _m in found], found
    links = _linked(pipe, "Drones struck the tanker on Thursday. Britain said on Sunday that Iran was behind the "
                          "drone attack on the tanker.", date(2021, 8, 2))
    assert ("ASSAULT", "ACCUSE", "was behind") in links, links
    for plain in ("Iran denied it was behind the attack.", "It was not clear who was behind the blast.",
                  "Iran is responsible for the welfare of the hostages, Macron said."):
        found = _roles(pipe, plain)
        assert "ACCUSE" not in [c for c, _a, _t, m in found if m == "asserted"], (plain, found)


def test_forces_pulled_out_are_no_expulsion_and_a_fronted_day_dates_the_act(pipe):
    mentions, _ = _mentions(pipe, "On Sunday Georgia said it had pulled its forces out of the breakaway region.",
                            date(2008, 8, 19))
    assert [m.category for m in mentions] == ["RETREAT"], mentions
    assert mentions[0].when is not None and mentions[0].when.earliest == date(2008, 8, 17), mentions


def test_the_party_an_allegation_is_against_is_the_alleged_actor(pipe):
    found = _roles(pipe, "Kyiv made allegations of torture against Russian troops.")
    assert ("ASSAULT", "RUS.military") in [(c, a) for c, a, _t, _m in found], found
    assert ("ACCUSE", "UKR", "RUS.military") in [(c, a, t) for c, a, t, _m in found], found
    # ... and an act whose accusation is rejected is denied, not told
    found = _roles(pipe, "Rwanda rejected accusations of shelling Congolese villages.")
    assert [m for c, _a, _t, m in found if c == "ASSAULT"] == ["denied"], found


@pytest.mark.parametrize("text, actor", [
    ("Pakistan's foreign ministry denied the allegation and said its troops had not targeted civilians.", "PAK.government"),
    ("Iran denied that its drone had entered Israeli airspace.", "IRN"),
    ("Thailand denied the charge.", "THA"),
])
def test_a_denial_of_a_charge_is_a_rejection_by_the_accused(pipe, text, actor):
    found = _roles(pipe, text)
    assert ("REJECT", actor) in [(c, a) for c, a, _t, m in found if m == "asserted"], found
    # the charge denied is the one made before: no new accusation
    assert "ACCUSE" not in [c for c, _a, _t, _m in found], found


@pytest.mark.parametrize("text", [
    "Protesters gathered after being denied access to the buses.",
    "The spokesman would neither confirm nor deny the report.",
])
def test_access_denied_and_a_refusal_to_comment_are_no_denial_of_a_charge(pipe, text):
    mentions, _ = _mentions(pipe, text)
    assert "deny" not in [m.mode for m in mentions], mentions


@pytest.mark.parametrize("text, cue", [
    ("Saudi Arabia accused Qatar of supporting terrorism on Monday. Qatar rejected the accusations as unjustified.",
     "rejected the accusations"),
    ("Afghan President Ashraf Ghani urged Pakistan to halt the construction of the gate on Monday. "
     "Pakistan rejected the demand on Tuesday.", "rejected the demand"),
])
def test_a_rebuttal_answers_the_charge_or_demand_made_of_its_side(pipe, text, cue):
    links = _linked(pipe, text, date(2017, 6, 7))
    assert any(e == "REJECT" and c == cue for _ca, e, c in links), links


def test_a_chain_opening_with_words_opens_with_a_move_not_a_strike(pipe):
    text = "Saudi Arabia accused Qatar of supporting terrorism on Monday. Qatar rejected the accusations as unjustified."
    a = pipe.analyse([Document(id="x", text=text, published=date(2017, 6, 7), published_from="record")])
    chains = build_chains(a.events, a.links, camp, pipe.res.rank, ChainQuery(top=3))
    assert chains and chains[0].steps[0].role == "opening move", chains


def test_a_side_telling_of_an_attack_on_it_by_the_other_accuses_it(pipe):
    mentions, _ = _mentions(pipe, "Pakistan's military said on Monday that Afghan forces had opened fire without "
                                  "provocation on Pakistani troops guarding the construction site.", date(2016, 6, 14))
    acc = [m for m in mentions if m.category == "ACCUSE"]
    assert acc and acc[0].actor.id == "PAK.military" and acc[0].target.id == "AFG.military", mentions
    assert acc[0].when is not None and acc[0].when.earliest == date(2016, 6, 13), acc
    # ... and the act it tells of ("had opened fire") was done by the day it was told of
    act = [m for m in mentions if m.category == "ASSAULT"]
    assert act and act[0].when.latest == date(2016, 6, 13) and act[0].when.earliest is None, act
    # ... not news told by a side of an attack on it, nor a source, nor the cause of the speaker's own act
    for plain in ("Israel said Hezbollah fired rockets at northern Israel.", "Police said gunmen had killed three villagers.",
                  "Hezbollah said it had fired rockets at Israel in retaliation for an Israeli airstrike on its commander."):
        found = _roles(pipe, plain)
        assert "ACCUSE" not in [c for c, _a, _t, _m in found], (plain, found)


def test_a_date_after_a_definite_complement_and_an_infinitive_after_appeared(pipe):
    mentions, _ = _mentions(pipe, "Pakistan rejected the demand on Tuesday.", date(2016, 6, 15))
    assert mentions and mentions[0].when is not None and mentions[0].when.earliest == date(2016, 6, 14), mentions
    doc = Document(id="x", text="Turkey's parliament on Wednesday approved a bill. Trump appeared to take credit for "
                                "the move on Tuesday.", published=date(2017, 6, 7), published_from="record")
    tx = pipe.analyse([doc]).documents[0].timexes
    assert [t.value for t in tx if t.text == "Tuesday"] == ["2017-06-06"], tx


@pytest.mark.parametrize("text, category, actor, target", [
    ("Saudi Arabia, the UAE and Bahrain on Monday gave Qatari diplomats 48 hours to leave.", "SANCTION", "SAU", None),
    ("The Saudi-led coalition fighting in Yemen expelled Qatar from the alliance on Monday.", "SANCTION",
     "saudi_led_coalition", "QAT"),
    ("Jordan revoked the license of the Doha-based Al Jazeera television network on Tuesday.", "COERCE", "JOR", None),
    ("In 2014, Saudi Arabia, the UAE and Bahrain withdrew their ambassadors from Doha for eight months.", "SANCTION",
     "SAU", "QAT"),
    ("Pakistan shut the crossing on Monday.", "COERCE", "PAK", None),
    ("Saudi Arabia shut its airspace to Qatari aircraft on Monday.", "SANCTION", "SAU", "QAT"),
])
def test_diplomatic_breaks_closures_and_a_list_of_states_led_by_its_first(pipe, text, category, actor, target):
    found = [(c, a, t) for c, a, t, m in _roles(pipe, text) if m == "asserted"]
    assert any(c == category and a == actor and (target is None or t == target) for c, a, t in found), found


def test_a_participle_describing_its_party_is_no_act_and_hides_no_subject(pipe):
    found = _roles(pipe, "The Saudi-led coalition fighting in Yemen expelled Qatar from the alliance on Monday.")
    assert "ASSAULT" not in [c for c, _a, _t, m in found if m == "asserted"], found
    found = _roles(pipe, "Rebels fighting the army seized the town.")
    assert ("ASSAULT", "unknown.armed_group") in [(c, a) for c, a, _t, m in found if m == "asserted"], found
    # ... but a demonym before a participle noun is its party ("Russian bombing raids")
    found = _roles(pipe, "Russian bombing raids on Aleppo killed 20 civilians.")
    assert all(m == "asserted" for _c, _a, _t, m in found), found


def test_both_sides_urged_are_the_pair_and_an_exchange_of_fire_is_mutual(pipe):
    text = ("Thai and Cambodian troops traded artillery fire on Monday near the disputed temple. "
            "U.N. Secretary-General Ban Ki-moon urged both countries to exercise maximum restraint. "
            "The United States called on both sides to exercise restraint.")
    found = [(m.category, m.actor.id if m.actor else None, m.target.id if m.target else None)
             for m in _mentions(pipe, text, date(2011, 2, 8))[0]]
    assert ("ASSAULT", "THA.military", "KHM.military") in found, found
    requests = [(a, t) for c, a, t in found if c == "REQUEST"]
    assert len(requests) == 2 and all(t is not None and t.split(".")[0] in ("THA", "KHM") for _a, t in requests), found


def test_a_list_of_states_after_an_earlier_act_is_led_by_its_first(pipe):
    found = _roles(pipe, "Turkey's parliament approved a bill allowing troops to be deployed to a base in Qatar, two days "
                         "after Saudi Arabia, the United Arab Emirates, Bahrain and Egypt severed diplomatic ties with Doha.")
    assert ("SANCTION", "SAU", "QAT") in [(c, a, t) for c, a, t, _m in found], found


def test_a_rebuttal_is_aimed_at_who_made_the_charge_or_demand(pipe):
    text = ("Saudi Arabia accused Qatar of supporting terrorism on Monday. Qatar rejected the accusations as unjustified. "
            "Afghanistan urged Pakistan to halt the construction. Pakistan rejected the demand on Tuesday.")
    found = [(m.category, m.actor.id if m.actor else None, m.target.id if m.target else None)
             for m in _mentions(pipe, text, date(2017, 6, 7))[0]]
    assert ("REJECT", "QAT", "SAU") in found and ("REJECT", "PAK", "AFG") in found, found


def test_an_act_in_a_when_clause_takes_the_day_of_the_act_before(pipe):
    mentions, _ = _mentions(pipe, "Heavy fighting resumed on Sunday, when a Cambodian shell struck the Thai village of "
                                  "Phum Srol, killing a man.", date(2011, 2, 7))
    struck = [m for m in mentions if m.trigger.text == "struck"]
    assert struck and struck[0].when is not None and struck[0].when.earliest == date(2011, 2, 6), mentions
    # a denial's content is no target
    found = _roles(pipe, "The army denied targeting civilians.")
    assert [t for c, _a, t, _m in found if c == "REJECT"] == [None], found


@pytest.mark.parametrize("text, absent", [
    ("Trump said he had demanded an end to the funding of radical ideology.", "ceasefire"),
    ("The agency carried remarks attributed to the emir that were critical of U.S. policy toward Iran.", "criticize"),
])
def test_a_demand_of_no_halt_to_force_and_remarks_reported_are_no_such_acts(pipe, text, absent):
    assert absent not in [m.mode for m in _mentions(pipe, text)[0]], text


def test_scare_quotes_before_a_target_preposition_and_the_salient_pair_as_object(pipe):
    found = _roles(pipe, 'Afghan forces had opened fire "without provocation" on Pakistani troops.')
    assert ("ASSAULT", "AFG.military", "PAK.military") in [(c, a, t) for c, a, t, _m in found], found
    text = ("Pakistani and Afghan forces exchanged fire at the crossing. Pakistan closed the crossing. Afghanistan "
            "protested. A U.S. drone strike killed the Taliban leader in May. The United States called on both "
            "sides to exercise restraint.")
    requests = [m for m in _mentions(pipe, text, date(2016, 6, 14))[0] if m.category == "REQUEST"]
    assert requests and requests[0].target is not None and requests[0].target.id.split(".")[0] in ("PAK", "AFG"), requests


def test_a_century_adjective_and_a_count_of_weapons_shot_down(pipe):
    mentions, _ = _mentions(pipe, "Hun Sen accused Thailand of launching an attack that damaged a wing of the "
                                  "11th-century Hindu temple on Sunday.", date(2011, 2, 7))
    assert all(m.when is None or m.when.earliest is None or m.when.earliest.year == 2011 for m in mentions), mentions
    found = _roles(pipe, "Israel and its allies downed nearly all of the Iranian drones on Saturday night.")
    assert ("ASSAULT", "IRN", "ISR") in [(c, a, t) for c, a, t, _m in found], found
    # an act told again with "its" is the earlier act's, not its object's
    found = _roles(pipe, "Iran launched more than 300 drones and missiles at Israel late on Saturday in its first-ever "
                         "direct attack on Israeli territory.")
    assert [(a, t) for c, a, t, _m in found if c == "ASSAULT"] == [("IRN", "ISR")], found


@pytest.mark.parametrize("text, category, actor, target", [
    ("Ethiopia recalled its ambassador to Eritrea on Friday.", "SANCTION", "ETH", "ERI"),
    ("Algeria recalled its ambassador in Paris for consultations.", "SANCTION", "DZA", "FRA"),
    ("Indian troops violated the ceasefire in the Poonch sector, killing two civilians.", "ASSAULT", "IND.military",
     "unknown.population"),
    ("Turkish jets violated Greek airspace 40 times.", "MOBILIZE", "TUR.military", "GRC"),
    ("Sudan accused Ethiopia of violating its airspace.", "MOBILIZE", "ETH", "SDN"),
])
def test_envoys_recalled_to_a_state_ceasefire_violations_and_airspace(pipe, text, category, actor, target):
    found = [(c, a, t) for c, a, t, m in _roles(pipe, text) if m == "asserted"]
    assert (category, actor, target) in found, found


@pytest.mark.parametrize("text, threat, act", [
    ("Russia threatened further strikes.", ("RUS", None), ("RUS", None)),
    ("Russia promised more attacks on Kyiv.", ("RUS", "UKR"), ("RUS", "UKR")),
    ("Israel vowed to strike Hezbollah.", ("ISR", "hezbollah"), ("ISR", "hezbollah")),
])
def test_a_threatened_act_is_still_to_come_and_aims_the_threat(pipe, text, threat, act):
    found = _roles(pipe, text)
    assert [(a, t, m) for c, a, t, m in found if c == "THREATEN"] == [(*threat, "asserted")], found
    assert [(a, t, m) for c, a, t, m in found if c == "ASSAULT"] == [(*act, "future")], found
    assert "AGREE" not in [c for c, *_ in found], found


def test_an_act_after_a_threat_verb_and_a_preposition_is_told(pipe):
    found = _roles(pipe, "Iran threatened Israel over the strike on its consulate.")
    assert ("ASSAULT", "asserted") in [(c, m) for c, _a, _t, m in found], found


@pytest.mark.parametrize("text, speaker, accused", [
    ("Eritrea's information ministry said on Monday that Ethiopia had launched an attack on the Tsorona front.",
     "ERI.government", "ETH"),
    ("Tajikistan, in turn, said Kyrgyz forces had shelled an outpost and eight villages.", "TJK", "KGZ.military"),
    ('"Iran attacked our forces in the Golan," Netanyahu said on Thursday.', "benjamin_netanyahu", "IRN"),
])
def test_a_side_telling_of_the_other_sides_attack_accuses_it(pipe, text, speaker, accused):
    found = [(a, t) for c, a, t, m in _roles(pipe, text) if c == "ACCUSE"]
    assert found == [(speaker, accused)], found


def test_a_source_telling_of_an_unnamed_attacker_accuses_no_one(pipe):
    for text in ("Police said gunmen killed three people.", '"Hezbollah fired rockets at the town," the police said.'):
        assert "ACCUSE" not in [c for c, *_ in _roles(pipe, text)], text


def test_our_forces_in_a_quotation_are_the_speakers_side(pipe):
    found = _roles(pipe, '"Iran attacked our forces in the Golan," Netanyahu said on Thursday.')
    assert ("ASSAULT", "IRN", "ISR.military") in [(c, a, t) for c, a, t, _m in found], found


def test_the_acts_own_day_beats_the_day_it_was_told(pipe):
    mentions, _ = _mentions(pipe, "Eritrea said on Monday that Ethiopia had launched an attack on the front early on "
                                  "Sunday.", date(2016, 6, 15))
    act = [m for m in mentions if m.category == "ASSAULT"]
    assert act and act[0].when is not None and act[0].when.earliest == date(2016, 6, 12), mentions
    said = [m for m in mentions if m.category == "ACCUSE"]
    assert said and said[0].when is not None and said[0].when.earliest == date(2016, 6, 13), mentions


def test_a_timeline_entrys_day_dates_the_accusation_told_in_it(pipe):
    mentions, _ = _mentions(pipe, "**May 8** - India said Pakistan had tried to attack military targets overnight.",
                            date(2025, 5, 11))
    said = [m for m in mentions if m.category == "ACCUSE"]
    assert said and said[0].when is not None and said[0].when.earliest == date(2025, 5, 8), mentions


@pytest.mark.parametrize("text", [
    "Getachew dismissed the figures as \"pure fabrication\".",
    "Getachew rejected that account.",
])
def test_a_part_of_a_persons_full_name_told_before_is_that_person(pipe, text):
    mentions, _ = _mentions(pipe, "Government spokesman Getachew Reda said the army had repulsed the attack. " + text,
                            date(2016, 6, 15))
    deny = [m for m in mentions if m.category == "REJECT"]
    assert deny and deny[0].mode == "deny" and deny[0].actor is not None and deny[0].actor.id == "getachew_reda", mentions


@pytest.mark.parametrize("text, target", [
    ("Guyana called Maduro's orders a direct threat.", "nicolas_maduro"),
    ("Congo's government described the capture of the town as \"nothing less than an invasion\" by Rwanda.", None),
])
def test_a_threat_or_invasion_pronounced_on_an_act_is_a_criticism(pipe, text, target):
    mentions, _ = _mentions(pipe, text)
    assert not [m for m in mentions if m.trigger.text.lower() in ("threat", "invasion")], mentions
    found = _roles(pipe, text)
    assert any(c == "ACCUSE" and (target is None or t == target) for c, _a, t, _m in found), found


def test_a_third_partys_appeal_is_aimed_at_the_storys_two_sides(pipe):
    text = ("Eritrea accused Ethiopia of attacking its positions. Ethiopia said Eritrea had started the fighting. "
            "The United States and the African Union also called for calm. Ethiopia called for calm.")
    requests = [(m.actor.id, m.target.id if m.target else None) for m in _mentions(pipe, text, date(2016, 6, 15))[0]
                if m.category == "REQUEST"]
    assert requests[0][0] == "USA" and requests[0][1] in ("ETH", "ERI"), requests
    assert requests[1] == ("ETH", None), requests  # one of the two sides appeals to no pair


def test_each_other_and_a_date_before_the_charge(pipe):
    mentions, _ = _mentions(pipe, "Kyrgyzstan and Tajikistan accused each other on Saturday of violating a ceasefire.",
                            date(2022, 9, 18))
    accuse = [m for m in mentions if m.category == "ACCUSE"]
    assert [(m.actor.id, m.target.id) for m in accuse] == [("KGZ", "TJK")], mentions
    assert accuse[0].when is not None and accuse[0].when.earliest == date(2022, 9, 17), accuse
    found = _roles(pipe, "Iran accused Israel on Monday of attacking its consulate.")
    assert ("ASSAULT", "ISR") in [(c, a) for c, a, _t, _m in found], found


def test_an_act_agreed_to_is_not_yet_done(pipe):
    found = _roles(pipe, "The two presidents agreed to order a ceasefire and a pullback of troops.")
    assert "MOBILIZE" not in [c for c, _a, _t, m in found if m == "asserted"], found


def test_a_name_after_a_states_title_is_that_party_and_its_parts_refer_back(pipe):
    # (names no lexicon holds: the title makes them their states' parties)
    found = _roles(pipe, "Kyrgyz President Asan Tokoev and Tajik President Bakhtiyor Nazarov discussed the situation.")
    assert ("CONSULT", "KGZ.government", "TJK.government") in [(c, a, t) for c, a, t, _m in found], found
    found = _roles(pipe, "Guyana's President Deodat Ram spoke on Sunday. Ram accused Venezuela of aggression.")
    assert ("ACCUSE", "GUY.government", "VEN") in [(c, a, t) for c, a, t, _m in found], found


def test_two_states_fought_a_war_and_bare_troops_exchanging_fire_are_the_two_sides(pipe):
    found = _roles(pipe, "Ethiopia and Eritrea fought a 1998-2000 border war that killed tens of thousands.")
    assert ("ASSAULT", "ETH", "ERI") in [(c, a, t) for c, a, t, _m in found], found
    mentions, _ = _mentions(pipe, "Kyrgyzstan and Tajikistan accused each other of shelling. Kyrgyzstan said Tajik forces "
                                  "fired first. Both host Russian military bases. In January, two people were killed "
                                  "when border troops exchanged fire near the Tajik exclave of Vorukh.", date(2022, 9, 18))
    fire = [m for m in mentions if m.trigger.text == "exchanged fire"]
    assert fire and {fire[0].actor.side, fire[0].target.side} == {"KGZ", "TJK"}, fire


def test_an_answer_told_in_a_clause_of_its_own_is_not_the_act_before_it(pipe):
    text = ("Ethiopian forces struck Eritrean positions on Monday, Eritrea said. \"The Eritrean regime launched an "
            "attack on our positions and our defence forces took proportionate measures in response,\" Getachew said.")
    assert ("ASSAULT", "ASSAULT", "in response") not in _linked(pipe, text, date(2016, 6, 14))


def test_hosting_military_bases_is_no_meeting(pipe):
    found = _roles(pipe, "Both former Soviet republics host Russian military bases.")
    assert "CONSULT" not in [c for c, *_ in found], found


def test_a_list_of_accords_suspended_is_what_the_sanction_ends(pipe):
    found = _roles(pipe, "Congo's Supreme Defence Council said it was suspending all memorandums of understanding, "
                         "agreements and accords with Rwanda.")
    assert [(c, a, t) for c, a, t, _m in found] == [("SANCTION", "COD.government", "RWA")], found


def test_a_date_before_the_grounds_of_a_measure_is_the_measures(pipe):
    mentions, _ = _mentions(pipe, "The U.N. Security Council imposed an arms embargo on Eritrea in 2009 over accusations "
                                  "that it backed al Shabaab.", date(2016, 6, 15))
    embargo = [m for m in mentions if m.category == "SANCTION"]
    assert embargo and embargo[0].when is not None and embargo[0].when.earliest == date(2009, 1, 1), mentions


def test_a_gerund_after_before_has_the_subject_of_the_nearest_act(pipe):
    found = _roles(pipe, "He said Eritrean forces had attacked Ethiopian positions first and that Ethiopia's army had "
                         "struck back, inflicting heavy damage before withdrawing to its original positions.")
    assert ("RETREAT", "ETH.military") in [(c, a) for c, a, _t, _m in found], found


def test_weapons_fired_by_a_party_are_no_verb_and_their_toll_told_accuses_it(pipe):
    found = _roles(pipe, "Rwanda said shells fired by the Congolese army had wounded several civilians.")
    assert [c for c, a, t, _m in found if c == "ASSAULT" and t == "cod_fardc"] == [], found
    assert ("ACCUSE", "RWA", "cod_fardc") in [(c, a, t) for c, a, t, _m in found], found


def test_an_act_claimed_and_denied_in_a_relative_clause_after_it_is_denied(pipe):
    found = _roles(pipe, "U.N. experts said at the time that Rwanda and Uganda had backed the group, which both "
                         "countries denied.")
    assert ("SUPPORT", "denied") in [(c, m) for c, _a, _t, m in found], found
    found = _roles(pipe, "Israel struck the building, which Hamas denied was a command centre.")
    assert ("ASSAULT", "asserted") in [(c, m) for c, _a, _t, m in found], found


def test_an_act_known_only_by_a_day_and_told_another_way_is_its_own_event(pipe):
    text = ("It said on May 23 that shells fired by the Congolese army had wounded several civilians in Musanze. "
            "That same day, Rwanda said two of its soldiers had been kidnapped while on patrol along the border by "
            "the FDLR.")
    mentions, events = _mentions(pipe, text, date(2022, 6, 18))
    kidnap = [e for e in events if e.category == "ASSAULT" and e.mode == "abduct"]
    assert kidnap and kidnap[0].actor is not None and kidnap[0].actor.id == "fdlr", events


def test_a_charge_named_by_the_cue_of_a_measure_is_its_cause(pipe):
    text = ("The Security Council imposed an arms embargo on Eritrea in 2009 over accusations that it backed al "
            "Shabaab, charges Asmara has always rejected.")
    assert ("ACCUSE", "SANCTION", "over accusations that") in _linked(pipe, text, date(2016, 6, 15))


def test_the_party_blamed_after_an_act_with_no_actor_is_its_actor(pipe):
    found = _roles(pipe, "At least 30 people were killed in an air strike on a market in Sudan's North Darfur state, "
                         "activists said, blaming the army.")
    assert ("ASSAULT", "SDN.military") in [(c, a) for c, a, _t, _m in found], found


def test_a_charge_told_in_the_present_stands_at_the_reports_date(pipe):
    mentions, _ = _mentions(pipe, "Rwanda, for its part, accuses Congo's army of firing rockets into its territory.",
                            date(2022, 6, 18))
    accuse = [m for m in mentions if m.category == "ACCUSE"]
    assert accuse and accuse[0].when is not None and accuse[0].when.earliest == date(2022, 6, 18), mentions


@pytest.mark.parametrize("text, category, target", [
    ('Ethiopia\'s prime minister warned that his government could take "bigger action" against Eritrea.', "THREATEN",
     "ERI"),
    ('The minister denounced the exercises as "an unfortunate provocation by the United States".', "ACCUSE", "USA"),
])
def test_a_threat_or_charge_is_aimed_at_the_party_after_against_or_provocation_by(pipe, text, category, target):
    found = _roles(pipe, text)
    assert (category, target) in [(c, t) for c, _a, t, _m in found], found


def test_a_participle_after_a_comma_with_no_act_before_has_the_opening_subject(pipe):
    mentions, _ = _mentions(pipe, "Venezuelan President Nicolas Maduro and Guyanese President Irfaan Ali met for talks. "
                                  "Ali responded in a national address that night, calling Maduro's orders a direct "
                                  "threat.", date(2023, 12, 16))
    accuse = [(m.actor.id if m.actor else None, m.target.id if m.target else None) for m in mentions
              if m.category == "ACCUSE"]
    assert accuse == [("irfaan_ali", "nicolas_maduro")], accuse


def test_a_mutual_act_of_two_coordinated_parties_is_aimed_at_the_other(pipe):
    found = _roles(pipe, "Venezuelan President Nicolas Maduro and Guyanese President Irfaan Ali shook hands at the "
                         "start of their talks.")
    assert ("CONSULT", "nicolas_maduro", "irfaan_ali") in [(c, a, t) for c, a, t, _m in found], found
    mentions, _ = _mentions(pipe, "Venezuela and Guyana met in St Vincent. Israel and Hamas began their talks in Cairo.")
    talks = [(m.actor.id, m.target.id) for m in mentions if m.trigger.text == "talks"]
    assert talks == [("ISR", "hamas")], talks


def test_a_date_before_and_and_the_next_verb_dates_the_verb_before_it_too(pipe):
    mentions, _ = _mentions(pipe, "Thailand closed all border crossings with Cambodia on Thursday and urged its citizens "
                                  "to leave the country.", date(2025, 7, 26))
    closed = [m for m in mentions if m.trigger.text == "closed"]
    assert closed and closed[0].when is not None and closed[0].when.earliest == date(2025, 7, 24), mentions


@pytest.mark.parametrize("text, category, actor, target", [
    ("South Korean troops fired warning shots at North Korean soldiers.", "MOBILIZE", "KOR.military", "PRK.military"),
    ("North Korean soldiers briefly crossed the military demarcation line on Tuesday.", "MOBILIZE", "PRK.military", None),
    ("A Chinese vessel rammed a Philippine coast guard ship.", "ASSAULT", "CHN", "PHL"),
    ("The Chinese coast guard boarded Philippine navy boats.", "COERCE", "chn_coast_guard", "PHL.military"),
    ("Islamic State militants burned the captured Jordanian pilot alive.", "ASSAULT", "islamic_state", "JOR"),
    ("King Abdullah vowed a relentless war against the militants.", "THREATEN", "king_abdullah_ii", None),
    ("Riyadh halted all flights to and from Iran.", "SANCTION", "SAU", "IRN"),
])
def test_shows_of_force_rammings_boardings_and_measures_against_a_state(pipe, text, category, actor, target):
    found = [(c, a, t) for c, a, t, m in _roles(pipe, text) if m == "asserted"]
    assert found and found[-1][0] == category and found[-1][1] == actor, found
    assert target is None or found[-1][2] == target, found


def test_a_warning_shot_is_no_firing_attack(pipe):
    found = _roles(pipe, "South Korean troops fired warning shots at North Korean soldiers.")
    assert [c for c, _a, _t, _m in found] == ["MOBILIZE"], found


@pytest.mark.parametrize("text", [
    "Refugees crossed the border into Chad on Monday.",
    "Five people burned to death when a fire broke out in a house.",
    "Passengers boarded the ship in Manila.",
    "The government rammed the bill through parliament.",
    "A missile landed near the airport, injuring six people and halting flights to the capital.",
])
def test_crossings_fires_boardings_and_halted_flights_that_are_no_acts(pipe, text):
    assert not [m for m in _mentions(pipe, text)[0] if m.category in ("MOBILIZE", "ASSAULT", "COERCE", "SANCTION")
                and m.trigger.text.split()[0].lower() in ("crossed", "burned", "boarded", "rammed", "halting")], text


def test_a_headline_act_is_the_act_its_lede_dates(pipe):
    text = ("# Venezuela, Guyana agree not to use force in Essequibo dispute\n\n"
            "KINGSTOWN, Dec 15 (Reuters) - The presidents of Venezuela and Guyana agreed on Thursday that neither "
            "country would threaten or use force against the other, easing weeks of tension.")
    _, events = _mentions(pipe, text, date(2023, 12, 15))
    agree = [e for e in events if e.category == "AGREE"]
    assert len(agree) == 1 and agree[0].when.earliest == date(2023, 12, 14), events
    assert len(agree[0].citations) == 2, agree


@pytest.mark.parametrize("text, actor, target", [
    ("North Korea sent hundreds of balloons carrying trash across the border into South Korea.", "PRK", "KOR"),
    ("Seoul resumed propaganda loudspeaker broadcasts along the border on Sunday.", "KOR", None),
    ("A Chinese coast guard ship used a military-grade laser against a Philippine vessel.", "chn_coast_guard", "PHL"),
])
def test_balloons_loudspeakers_and_lasers_harass_the_other_state(pipe, text, actor, target):
    found = [(c, a, t) for c, a, t, m in _roles(pipe, text) if m == "asserted"]
    assert found == [("COERCE", actor, target)], found


def test_the_end_of_the_broadcasts_and_a_weather_balloon_are_no_harassment(pipe):
    for text in ("South Korea halted the loudspeaker broadcasts in 2018.",
                 "Forecasters launched a weather balloon carrying instruments."):
        assert not [m for m in _mentions(pipe, text)[0] if m.category == "COERCE"], text


def test_a_warning_of_vengeance_is_a_threat(pipe):
    found = _roles(pipe, 'Iran\'s supreme leader warned Saudi Arabia of "divine vengeance" for the execution.')
    assert ("THREATEN", "SAU") in [(c, t) for c, _a, t, _m in found], found


def test_in_turn_before_a_reporting_verb_is_the_other_sides_account_not_an_answer(pipe):
    told = ("Kyrgyzstan said Tajik forces had used tanks to shell the airport in Batken. "
            "Tajikistan, in turn, said Kyrgyz forces had shelled an outpost and eight villages.")
    assert not [x for x in _linked(pipe, told, date(2022, 9, 17)) if x[2] == "in turn"]
    answered = "Tajik forces shelled the airport in Batken on Friday. Kyrgyzstan in turn shelled Tajik villages."
    assert ("ASSAULT", "ASSAULT", "in turn") in _linked(pipe, answered, date(2022, 9, 17))


def test_an_undated_statement_of_the_story_is_made_since_its_news_day(pipe):
    text = ("Israeli jets struck targets in Gaza on Thursday, killing 12 people. "
            "Egypt condemned the strikes. "
            "On May 2, Hamas had fired rockets at Ashkelon. Qatar condemned the rockets.")
    _, events = _mentions(pipe, text, date(2021, 5, 22))
    by_text = {e.citations[0].text.split()[0]: e for e in events if e.category == "ACCUSE"}
    assert by_text["Egypt"].when.earliest == date(2021, 5, 20), events
    # after the story went back to an earlier day, an undated statement is not placed at the news day
    assert by_text["Qatar"].when.earliest is None, events


def test_the_north_and_the_south_are_the_states_named_before_whose_names_open_so(pipe):
    text = ("North Korea sent hundreds of balloons carrying trash into South Korea on Tuesday. "
            "The North's soldiers crossed the military demarcation line. "
            "The North warned the South would face a new response.")
    found = [(c, a, t) for c, a, t, _m in _roles(pipe, text)]
    assert ("MOBILIZE", "PRK.military") in [(c, a) for c, a, _t in found], found
    assert ("THREATEN", "PRK", "KOR") in found, found
    # no state named so: no party ("The North of England voted")
    mentions = _mentions(pipe, "The North warned of strikes.")[0]
    assert mentions and not [m for m in mentions if m.actor is not None], mentions


@pytest.mark.parametrize("text, category, actor, target", [
    ("The International Court of Justice ordered Venezuela to refrain from any action.", "REQUEST", "icj", "VEN"),
    ("Venezuela said it did not recognise the court.", "REJECT", "VEN", None),
    ("Somalia's president signed a law nullifying the agreement.", "SANCTION", "SOM.government", None),
    ("Egypt sent military equipment to Mogadishu.", "AID", "EGY", "SOM"),
    ("Niger's junta ordered French troops to leave the country.", "SANCTION", "ner_cnsp", "FRA.military"),
    ("Pakistan expelled India's deputy high commissioner.", "SANCTION", "PAK", "IND"),
    ("Mali, Burkina Faso and Niger announced their withdrawal from ECOWAS on Sunday.", "SANCTION", "MLI", None),
])
def test_court_orders_non_recognition_annulments_and_orders_to_leave(pipe, text, category, actor, target):
    found = [(c, a, t) for c, a, t, m in _roles(pipe, text) if m == "asserted"]
    assert (category, actor) in [(c, a) for c, a, _t in found], found
    assert target is None or (category, actor, target) in found, found
    assert "AGREE" not in [c for c, _a, _t in found], found  # "signed a law" is no agreement


def test_an_unnamed_crowd_answering_an_act_by_force_is_linked_but_an_unnamed_accuser_is_not(pipe):
    text = ("Saudi Arabia executed a prominent Shi'ite cleric on Saturday. "
            "Protesters stormed the Saudi embassy in Tehran in response to the execution.")
    assert ("ASSAULT", "ASSAULT", "in response to") in _linked(pipe, text, date(2016, 1, 5))
    accused = "Rights groups have accused the army of killing civilians, accusations the junta denies."
    assert not [x for x in _linked(pipe, accused, date(2024, 1, 5)) if x[1] == "ACCUSE"]


def test_a_crowd_angered_by_an_act_answers_it_with_its_own_act(pipe):
    text = ("Saudi Arabia executed a prominent Shi'ite cleric on Saturday. "
            "Hours later, protesters angered by the execution stormed the Saudi embassy in Tehran.")
    _, events = _mentions(pipe, text, date(2016, 1, 5))
    assert len([e for e in events if e.category == "ASSAULT"]) == 2, events
    links = _linked(pipe, text, date(2016, 1, 5))
    assert ("ASSAULT", "ASSAULT", "angered by") in links, links
    analysis = pipe.analyse([Document(id="x", text=text, published=date(2016, 1, 5), published_from="record")])
    by_id = {e.id: e for e in analysis.events}
    link = next(ln for ln in analysis.links if ln.cue is not None and ln.cue.text == "angered by")
    assert by_id[link.cause].actor.id == "SAU" and by_id[link.effect].target.id == "SAU.government"


def test_an_act_the_lede_names_as_a_cause_is_the_dated_act_told_later(pipe):
    text = ("Kuwait recalled its ambassador from Tehran on Tuesday after protesters stormed Saudi Arabia's embassy "
            "in the Iranian capital.\n\nOn Saturday, protesters stormed the Saudi embassy in Tehran.")
    _, events = _mentions(pipe, text, date(2016, 1, 6))
    stormed = [e for e in events if e.category == "ASSAULT"]
    assert len(stormed) == 1 and stormed[0].when.earliest == date(2016, 1, 2), events


def test_a_state_urging_its_own_citizens_to_leave_imposes_no_measure(pipe):
    found = _roles(pipe, "Thailand closed all border crossings with Cambodia on Thursday and urged its citizens "
                         "to leave the country.")
    assert "SANCTION" not in [c for c, _a, _t, _m in found], found


def test_the_court_or_the_council_is_the_organisation_named_before_with_that_word(pipe):
    text = ("The International Court of Justice ordered Venezuela to refrain from any action. "
            "In April, the court rejected Venezuela's objections.")
    found = [(c, a, t) for c, a, t, _m in _roles(pipe, text)]
    assert ("REJECT", "icj", "VEN") in found, found
    # with no such organisation named, a court stays an unnamed government body
    found = [(c, a) for c, a, _t, _m in _roles(pipe, "A military court sentenced him. The court rejected his appeal.")]
    assert ("REJECT", "unknown.government") in found, found


@pytest.mark.parametrize("text", [
    "Algeria hit back on Monday, with its foreign ministry saying it rejects the accusations made by Mali's junta.",
    "Algeria closed its airspace on Monday. Its foreign ministry said it rejected the accusations made by Mali's junta.",
])
def test_its_ministry_is_the_owner_s_and_so_is_it(pipe, text):
    (m,) = [m for m in _mentions(pipe, text, date(2025, 4, 8))[0] if m.category == "REJECT"]
    assert m.actor is not None and m.actor.id == "DZA.government", m.actor


def test_a_year_naming_an_agreement_dates_no_act(pipe):
    text = "Mali's rulers tore up a 2015 peace agreement with separatist groups, accusing Algiers of hostile acts."
    (m,) = [m for m in _mentions(pipe, text, date(2025, 4, 8))[0] if m.category == "SANCTION"]
    assert m.actor is not None and m.actor.id == "MLI.government"
    assert m.when is None or m.when.earliest is None or m.when.earliest.year != 2015


def test_a_relative_clause_s_date_and_number_stay_in_it(pipe):
    text = ("The PKK, which has waged an insurgency against the Turkish state since 1984, denied any involvement "
            "in the bombing.")
    mentions, _ = _mentions(pipe, text, date(2022, 11, 21))
    denied = next(m for m in mentions if m.category == "REJECT")
    assert denied.actor is not None and denied.actor.id == "pkk"
    assert all(m.when is None or m.when.earliest is None or m.when.earliest.year != 1984 for m in mentions)


def test_closing_its_own_airspace_is_a_sanction(pipe):
    text = "Bamako responded on Monday by closing its own airspace to all aircraft coming from Algeria."
    (m,) = [m for m in _mentions(pipe, text, date(2025, 4, 8))[0] if m.category == "SANCTION"]
    assert m.actor is not None and m.actor.id == "MLI"


@pytest.mark.parametrize("text, modality", [
    ("Turkey launched a Syria ground operation on Monday.", "asserted"),
    ("Erdogan says Turkey will launch Syria ground operation", "future"),
])
def test_a_state_named_inside_the_noun_phrase_is_where_the_act_goes(pipe, text, modality):
    (m,) = [m for m in _mentions(pipe, text, date(2022, 11, 23))[0] if m.category == "ASSAULT"]
    assert (m.actor.id, m.target.id, m.modality) == ("TUR", "SYR", modality)


def test_a_state_before_its_own_act_noun_is_its_actor(pipe):
    (m,) = [m for m in _mentions(pipe, "US strikes hit Iran on Monday.", date(2022, 11, 23))[0]
            if m.category == "ASSAULT"]
    assert (m.actor.id, m.target.id) == ("USA", "IRN")


def test_a_person_noun_names_a_party_only_after_a_state_s_name(pipe):
    [m] = _mentions(pipe, "Police detained a Syrian woman on Monday.")[0]
    assert m.target is not None and m.target.id == "SYR.population"
    [m] = _mentions(pipe, "A man was found dead on a road on Monday.")[0]
    assert m.actor is None and m.target is None


def test_a_demonym_s_weapon_that_killed_names_who_killed(pipe):
    text = ("Turkish artillery pounded targets inside Syria on Thursday in retaliation for a Syrian mortar bomb that "
            "killed five Turkish civilians, and parliament authorised the government to send troops if needed.")
    mentions, _ = _mentions(pipe, text, date(2012, 10, 4))
    killed = next(m for m in mentions if m.trigger.text == "killed")
    assert (killed.actor.id, killed.target.id) == ("SYR", "TUR.population")
    assert ("ASSAULT", "ASSAULT", "in retaliation for") in _linked(pipe, text, date(2012, 10, 4))


def test_a_fronted_response_cue_links_the_main_clause_not_a_relative_clause_on_its_subject(pipe):
    text = ("Colombian warplanes struck a FARC camp inside Ecuador on Saturday. In response to the raid, Ecuadorean "
            "President Rafael Correa, who has called the bombing a \"massacre\", expelled Colombia's ambassador on "
            "Monday.")
    pairs = _linked(pipe, text, date(2008, 3, 4))
    assert ("ASSAULT", "SANCTION", "In response to") in pairs, pairs


def test_each_other_makes_a_pair_subject_act_both_ways(pipe):
    # the story's two sides, not the last two parties a background sentence named
    text = ("Algeria accused Mali of violating its airspace on Sunday, and Mali accused Algeria of backing rebels. "
            "Mali's junta expelled French troops in 2022 and turned to Russia. "
            "The two neighbours summoned each other's ambassadors on Monday.")
    summoned = next(m for m in _mentions(pipe, text, date(2025, 4, 8))[0] if m.trigger.text == "summoned")
    assert {summoned.actor.id.split(".")[0], summoned.target.id.split(".")[0]} == {"DZA", "MLI"}  # (or their forces)


def test_a_bare_party_in_a_second_clause_of_the_same_act_is_the_first_clause_s_side(pipe):
    text = ("Turkish howitzers opened fire on Syrian army positions late on Wednesday, and gunners resumed shelling "
            "before dawn on Thursday, residents said.")
    shelling = next(m for m in _mentions(pipe, text, date(2012, 10, 4))[0] if m.trigger.text == "shelling")
    assert shelling.actor is not None and shelling.actor.id.startswith("TUR"), shelling.actor


def test_fired_from_a_state_s_territory_names_no_attacker(pipe):
    text = "On Monday, rockets fired from Syrian territory struck the Turkish border town of Karkamis, killing two people."
    (m,) = [m for m in _mentions(pipe, text, date(2022, 11, 23))[0] if m.category == "ASSAULT"]
    assert m.actor is None and m.target is not None and m.target.id.startswith("TUR")


@pytest.mark.parametrize("text, modality", [
    ('He warned that a similar incursion into Venezuelan territory would be "a cause for war".', "hypothetical"),
    ("Any attack on Iran would trigger a fierce response, the minister said.", "hypothetical"),
    ("The attack would be the deadliest since 2019, officials said.", "asserted"),
])
def test_an_act_of_a_kind_judged_before_it_happens_is_hypothetical(pipe, text, modality):
    (m,) = [m for m in _mentions(pipe, text, date(2008, 3, 4))[0] if m.category == "ASSAULT"]
    assert m.modality == modality


def test_a_date_between_a_threat_and_its_act_keeps_the_act_to_come(pipe):
    text = "Erdogan threatened in May to launch a new cross-border operation, but no offensive followed."
    acts = [m for m in _mentions(pipe, text, date(2022, 11, 23))[0] if m.category == "ASSAULT"]
    assert acts and all(m.modality != "asserted" for m in acts), [(m.trigger.text, m.modality) for m in acts]


@pytest.mark.parametrize("text", [
    "Quito said it had been holding talks aimed at freeing hostages held by the FARC.",
    "Quito also rejected the accusations and said it had been holding talks aimed at freeing hostages held by the FARC.",
])
def test_an_act_talks_are_aimed_at_is_not_yet_done(pipe, text):
    mentions = _mentions(pipe, text, date(2008, 3, 4))[0]
    assert not [m for m in mentions if m.category == "CONCEDE" and m.modality == "asserted"], mentions


def test_a_weapon_aimed_at_a_party_tells_a_done_act(pipe):
    text = "Syrian army shells aimed at rebels had already landed in the town last week, damaging several houses."
    acts = [m for m in _mentions(pipe, text, date(2012, 10, 4))[0] if m.category == "ASSAULT"]
    assert acts and acts[0].modality == "asserted", acts


def test_a_generic_target_coming_from_a_state_is_that_state_s(pipe):
    text = "Bamako responded on Monday by closing its own airspace to all military aircraft coming from Algeria."
    (m,) = [m for m in _mentions(pipe, text, date(2025, 4, 8))[0] if m.category == "SANCTION"]
    assert m.target is not None and m.target.id == "DZA.military"


def test_he_after_an_unknown_titled_name_is_not_a_person_named_before(pipe):
    text = ("Ecuadorean President Rafael Correa expelled Colombia's ambassador on Monday. "
            "President Alvaro Uribe said on Tuesday he would ask the International Criminal Court to act.")
    ask = next(m for m in _mentions(pipe, text, date(2008, 3, 4))[0] if m.trigger.text == "ask")
    assert ask.actor is None or ask.actor.id != "rafael_correa"
    same = ("Ecuadorean President Rafael Correa expelled Colombia's ambassador on Monday. "
            "President Rafael Correa said on Tuesday he would ask the court to act.")
    ask = next(m for m in _mentions(pipe, same, date(2008, 3, 4))[0] if m.trigger.text == "ask")
    assert ask.actor is not None and ask.actor.id == "rafael_correa"


@pytest.mark.parametrize("answer", [
    "Israel responded to the attack by bombing Hamas positions in Gaza.",
    "Israel retaliated for the attack by bombing Hamas positions in Gaza.",
    "Israeli jets responded to the attack by bombing Hamas positions.",
])
def test_the_act_a_response_names_is_not_the_answer(pipe, answer):
    # "responded to the attack by bombing": the attack is the one answered, the bombing the answer
    text = f"Hamas fired rockets at Israel on May 10.\n\n{answer}"
    mentions, _ = _mentions(pipe, text, date(2021, 5, 12))
    named = next(m for m in mentions if m.trigger.text == "attack")
    assert named.actor is None  # no act of the responder's own
    bombing = next(m for m in mentions if m.trigger.text == "bombing")
    assert bombing.actor is not None and bombing.actor.id.startswith("ISR") and bombing.target.id == "hamas"
    assert any(c == e == "ASSAULT" for c, e, _cue in _linked(pipe, text, date(2021, 5, 12)))


def test_acts_coordinated_with_the_answer_answer_too(pipe):
    text = ("Hamas fired rockets at Israel on May 10.\n\n"
            "Israel responded to the attack by bombing Hamas positions in Gaza and closing its border crossings.")
    links = _linked(pipe, text, date(2021, 5, 12))
    assert ("ASSAULT", "ASSAULT", "responded to") in links
    assert ("ASSAULT", "COERCE", "responded to") in links


@pytest.mark.parametrize("text, modality", [
    ("Trump said he had called off retaliatory strikes on three Iranian sites.", "negated"),
    ("Iran did not carry out retaliatory strikes against US bases.", "negated"),
    ("Iran will launch retaliatory strikes against US bases, a commander said.", "future"),
    # the act a threat names is threatened, not done; a definite act a threat answers was done
    ("British officials said the government would not rule out further attacks on Argentine ships.", "future"),
    ("Iran threatened new strikes on Israel.", "future"),
    ("Hezbollah vowed revenge for the attacks.", "asserted"),
])
def test_a_cue_that_qualifies_the_act_does_not_end_the_modals_reach(pipe, text, modality):
    _, events = _mentions(pipe, text, date(2019, 6, 24))
    assert {e.modality for e in events if e.category == "ASSAULT"} == {modality}


def test_a_retaliatory_strike_launched_is_one_act(pipe):
    _, events = _mentions(pipe, "Iran launched retaliatory strikes against US bases on Wednesday.", date(2019, 6, 24))
    assert [e.category for e in events] == ["ASSAULT"]


def test_a_partys_role_in_an_act_makes_it_the_actor(pipe):
    mentions, _ = _mentions(pipe, "The raid was retaliation for Libya's role in the bombing of a West Berlin "
                                  "discotheque.", date(1986, 4, 16))
    bombing = next(m for m in mentions if m.trigger.text == "bombing")
    assert bombing.actor is not None and bombing.actor.id == "LBY"


@pytest.mark.parametrize("text", [
    "The tanker was detained on suspicion of carrying oil to Syria in breach of EU sanctions.",
    "Iran has kept exporting oil despite US sanctions.",
    "The navy sent the amphibious assault ship USS Boxer to the Gulf.",
    "Washington blamed Iran and released video it said showed sailors removing a mine from a tanker.",
])
def test_names_of_things_are_no_acts(pipe, text):
    _, events = _mentions(pipe, text, date(2019, 7, 20))
    assert not [e for e in events if e.category in ("SANCTION", "ASSAULT", "CONCEDE")], events


def test_firing_into_the_air_is_force_shown_not_used(pipe):
    _, events = _mentions(pipe, "Police fired into the air to disperse the crowd.", date(2022, 7, 21))
    assert [e.category for e in events] == ["MOBILIZE"]


def test_the_soviet_union_is_read_as_its_continuator_state(pipe):
    _, events = _mentions(pipe, "The Soviet Union condemned the strikes as a gross violation of international law.",
                          date(1986, 4, 16))
    assert [e.actor.id if e.actor else None for e in events if e.category == "ACCUSE"] == ["RUS"]


@pytest.mark.parametrize("text, category, actor, target", [
    ("British Royal Marines helped seize the Iranian tanker Grace 1 off Gibraltar on July 4.", "COERCE", "GBR", "IRN"),
    ("The frigate HMS Montrose trained its guns on the Iranian boats.", "THREATEN", "GBR", "IRN"),
    ("The USS Boxer destroyed an Iranian drone that had come within 1,000 yards of the ship.", "ASSAULT", "USA", "IRN"),
    ("Iran dismissed the sanctions as useless.", "REJECT", "IRN", None),
])
def test_acts_told_with_less_common_verbs(pipe, text, category, actor, target):
    _, events = _mentions(pipe, text, date(2019, 7, 20))
    found = [(e.actor.country if e.actor else None, e.target.country if e.target else None)
             for e in events if e.category == category and e.modality == "asserted"]
    assert found and found[0][0] == actor and (target is None or found[0][1] == target), events


def test_a_definite_noun_with_modifiers_finds_its_context_earlier(pipe):
    text = ("In April Turkey launched a new offensive, dubbed Operation Claw-Lock, against PKK hideouts in northern "
            "Iraq.\n\nIn April, Iraq summoned the Turkish ambassador over the new offensive.")
    assert ("ASSAULT", "ACCUSE", "over") in _linked(pipe, text, date(2022, 7, 21))


def test_a_ships_capture_is_a_seizure_not_ground_taken(pipe):
    _, events = _mentions(pipe, "Iran denied the ship was bound for Syria and called its capture an act of piracy.",
                          date(2019, 7, 20))
    assert "ASSAULT" not in {e.category for e in events}
    assert any(e.category == "COERCE" and e.mode == "seize" for e in events)


def test_dismissing_a_measure_answers_it(pipe):
    text = "Trump imposed new sanctions on Iran on Monday.\n\nIran dismissed the sanctions."
    assert ("SANCTION", "REJECT", "dismissed") in _linked(pipe, text, date(2019, 6, 24))


def test_a_promise_to_hit_back_is_no_agreement(pipe):
    _, events = _mentions(pipe, "Libya promised on Wednesday to hit back at the United States after American "
                                "warplanes bombed targets in Tripoli.", date(1986, 4, 16))
    assert "AGREE" not in {e.category for e in events}


_BLAMED_ON_IRAN = ("Washington blamed the attacks on Iran.",
                   "Washington blamed the June 13 attacks on two tankers on Iran.",
                   "The United States said Iran was almost certainly behind those attacks.")


def test_the_party_an_act_is_blamed_on_did_it(pipe):
    for text in _BLAMED_ON_IRAN:
        _, events = _mentions(pipe, text, date(2019, 6, 24))
        [attack] = [e for e in events if e.category == "ASSAULT"]
        assert attack.actor is not None and attack.actor.id == "IRN", text
        assert attack.target is None or attack.target.id != "IRN", text


def test_an_act_condemned_keeps_its_target(pipe):
    _, events = _mentions(pipe, "The UN condemned the attacks on Iran.", date(2019, 6, 24))
    [attack] = [e for e in events if e.category == "ASSAULT"]
    assert attack.target is not None and attack.target.id == "IRN"


def test_a_reduced_relative_with_its_agent_tells_a_done_act(pipe):
    _, events = _mentions(pipe, "Britain warned Iran on Saturday of serious consequences unless it released a "
                                "British-flagged oil tanker seized by Revolutionary Guards in the Strait of Hormuz.",
                          date(2019, 7, 20))
    [seizure] = [e for e in events if e.category == "COERCE"]
    assert seizure.modality == "asserted" and seizure.actor is not None
    _, events = _mentions(pipe, "If the tanker is seized by Iran, Britain will respond.", date(2019, 7, 20))
    assert [e.modality for e in events if e.category == "COERCE"] == ["hypothetical"]


def test_a_vessel_captured_is_seized(pipe):
    _, events = _mentions(pipe, "The Guards said they had captured the tanker on Friday after the vessel collided "
                                "with a fishing boat.", date(2019, 7, 20))
    assert [(e.category, e.mode) for e in events if e.modality == "asserted"] == [("COERCE", "seize")]


def test_the_grounds_given_for_a_seizure_are_no_act(pipe):
    _, events = _mentions(pipe, "The Guards said they had captured the tanker on Friday evening for \"violating "
                                "international maritime rules\" after the vessel collided with a fishing boat.",
                          date(2019, 7, 20))
    assert [(e.category, str(e.when.earliest)) for e in events if e.modality == "asserted"] == \
        [("COERCE", "2019-07-19")]


def test_a_when_clause_before_a_future_main_clause_tells_no_act(pipe):
    _, events = _mentions(pipe, "\"When our citizens are attacked anywhere in the world on the orders of a hostile "
                                "regime, we will respond,\" the president said.", date(1986, 4, 16))
    assert {e.modality for e in events if e.category == "ASSAULT"} == {"hypothetical"}
    _, events = _mentions(pipe, "When militants attacked the base on Monday, the soldiers fled.", date(1986, 4, 16))
    assert {e.modality for e in events if e.category == "ASSAULT"} == {"asserted"}


def test_the_dated_retelling_of_an_act_the_sentence_before_told_is_that_act(pipe):
    text = ("Britain warned Iran on Saturday of serious consequences unless it released a tanker seized by "
            "Revolutionary Guards in the Strait of Hormuz.\n\nIran's Islamic Revolutionary Guard Corps (IRGC) said it "
            "had captured the tanker on Friday evening after the vessel collided with a fishing boat.")
    _, events = _mentions(pipe, text, date(2019, 7, 20))
    seized = [(e.actor.id if e.actor else None, str(e.when.earliest)) for e in events
              if e.category == "COERCE" and e.modality == "asserted"]
    assert seized == [("irn_irgc", "2019-07-19")], seized


def test_they_after_a_name_in_the_plural_is_that_party(pipe):
    for text in ("The Revolutionary Guards said they had fired missiles at Israel on Monday.",
                 "Iran's Revolutionary Guards said they had fired missiles at Israel on Monday."):
        _, events = _mentions(pipe, text, date(2019, 7, 20))
        assert [e.actor.id if e.actor else None for e in events if e.category == "ASSAULT"] == ["irn_irgc"], text


@pytest.mark.parametrize("text, target", [
    # a date between the words of a threat phrase, with its preposition, as wire copy writes it
    ("Libya promised on Wednesday to hit back at the United States.", "USA"),
    ("The group vowed in a statement on Sunday to retaliate against Israel.", "ISR"),
    ("Hezbollah vowed revenge on Israel.", "ISR"),
])
def test_threat_phrase_reads_through_a_dated_adverbial(pipe, text, target):
    mentions, _ = _mentions(pipe, text, date(2020, 4, 16))
    threats = [m for m in mentions if m.category == "THREATEN" and m.modality == "asserted"]
    assert threats and threats[0].target is not None and threats[0].target.id == target, mentions


def test_warning_of_obliteration_is_a_threat(pipe):
    mentions, _ = _mentions(pipe, "The president warned Iran of obliteration if it attacked American forces.")
    assert [m.category for m in mentions if m.modality == "asserted"] == ["THREATEN"], mentions


@pytest.mark.parametrize("text, expected", [
    ("The US military called off a planned strike on Iranian radar sites at the last minute.", ["RETREAT"]),
    ("The president said he called off the strike ten minutes before it was due.", ["RETREAT"]),
    # a labour strike called off is no military act
    ("The teachers union called off the strike after the government raised pay.", []),
])
def test_a_called_off_strike_is_a_retreat(pipe, text, expected):
    mentions, _ = _mentions(pipe, text, date(2019, 6, 22))
    assert [m.category for m in mentions if m.modality == "asserted"] == expected, mentions


@pytest.mark.parametrize("reaction", [
    "The United States condemned Iran's strike on Pakistan.",
    "The Taliban condemned the strikes and said they violated Afghan sovereignty.",
])
def test_a_condemnation_answers_the_act_it_names_and_aims_at_its_doer(pipe, reaction):
    text = "Iran launched missile and drone attacks on Pakistani territory on Tuesday.\n\n" + reaction
    analysis = pipe.analyse([Document(id="x", text=text, published=date(2024, 1, 18), published_from="record")])
    by_id = {e.id: e for e in analysis.events}
    links = [(by_id[ln.cause], by_id[ln.effect]) for ln in analysis.links if ln.label == "reaction"]
    assert [(c.category, e.category, e.target.id if e.target else None) for c, e in links] == \
        [("ASSAULT", "ACCUSE", "IRN")], links


@pytest.mark.parametrize("text, parties", [
    # a weapon is the subject of a verb in the past, or of one whose past is its base form
    ("An Argentine missile struck British troops.", [("ARG", "GBR.military")]),
    ("An Argentine missile hit the British warship.", [("ARG", "GBR.military")]),
    # a weapon's proper name between the demonym and the weapon
    ("An Iranian Silkworm missile struck the U.S.-flagged tanker.", [("IRN", "USA")]),
    ("Russian Shahed drones hit Kyiv overnight.", [("RUS", "UKR")]),
    # a craft named for its task is a party of the navy, not a patrol
    ("An Iranian patrol boat fired a missile at American warships.", [("IRN.military", "USA.military")]),
    # a passive conjunct shares the subject of the act before it: what that act's doer suffered
    ("The Iranian frigate fired on U.S. aircraft and was sunk by American jets.",
     [("IRN.military", "USA"), ("USA.military", "IRN.military")]),
    # a person's name that names a place is no party
    ("Iranian speedboats attacked an oil platform in the Mubarak field off the United Arab Emirates.",
     [("IRN.military", "ARE")]),
    # "South Georgia" is no Georgia
    ("Argentine troops invaded South Georgia on Saturday.", [("ARG.military", "GBR")]),
])
def test_parties_of_naval_and_missile_acts(pipe, text, parties):
    mentions, _ = _mentions(pipe, text, date(1988, 4, 19))
    got = [(m.actor.id if m.actor else None, m.target.id if m.target else None)
           for m in mentions if m.category == "ASSAULT" and m.modality == "asserted"]
    assert sorted(got) == sorted(parties), mentions


@pytest.mark.parametrize("text, expected", [
    ("Tehran radio said Iran would avenge the attacks.", ("THREATEN", "IRN", None)),
    ('"The American criminals will receive a crushing response," the prime minister was quoted as saying.',
     ("THREATEN", None, "USA")),
    ("A day later the Security Council passed Resolution 502, demanding an immediate withdrawal of Argentine "
     "forces.", ("REQUEST", "unsc", "ARG.military")),
    ("Islamabad also suspended all planned high-level visits between the two countries.", ("SANCTION", "PAK", None)),
    ("Britain dispatched a naval task force to the South Atlantic.", ("MOBILIZE", "GBR", None)),
    ("Hundreds of protesters burned American flags in the streets of Peshawar.",
     ("PROTEST", "unknown.population", "USA")),
    ("Pakistan said Iran's ambassador would not be allowed to return to Islamabad.", ("SANCTION", "PAK", None)),
])
def test_threats_demands_and_measures_in_wire_copy(pipe, text, expected):
    # (a definite act named in passing, "the attacks", is a mention of its own, to be merged)
    _, events = _mentions(pipe, text, date(1988, 4, 19))
    got = [(e.category, e.actor.id if e.actor else None, e.target.id if e.target else None)
           for e in events if e.modality == "asserted" and e.category == expected[0]]
    assert got == [expected], events


def test_a_ship_that_struck_a_mine_was_hit_and_the_mining_is_what_the_strikes_answered(pipe):
    text = ("U.S. warships destroyed two Iranian oil platforms in the Gulf on Monday.\n\n"
            "The Pentagon said the strikes were in retaliation for the mining of the frigate USS Samuel B. Roberts, "
            "which struck a mine east of Bahrain last Thursday.")
    analysis = pipe.analyse([Document(id="x", text=text, published=date(1988, 4, 19), published_from="record")])
    by_id = {e.id: e for e in analysis.events}
    links = [(by_id[ln.cause], by_id[ln.effect], ln.rule) for ln in analysis.links]
    assert [(c.actor, c.target.id, c.when.earliest, e.actor.id, rule) for c, e, rule in links] == [
        (None, "usa_navy", date(1988, 4, 14), "USA.military", "retaliation.stated")]


def test_a_date_right_before_a_verb_dates_that_verb_not_the_noun_after_it(pipe):
    # "the army chief on Sunday condemned the strikes": Sunday's condemnation, not Sunday's strikes
    _, events = _mentions(pipe, "Militants attacked two border posts on Saturday, killing 24 soldiers.\n\n"
                                "Kenya's army chief on Sunday condemned the attacks.", date(2021, 11, 30))
    condemn = [e for e in events if e.category == "ACCUSE"]
    assert condemn and condemn[0].when.earliest == date(2021, 11, 28), condemn
    assert not any(e.category == "ASSAULT" and e.when.earliest == date(2021, 11, 28) for e in events), events


def test_its_in_what_a_party_tells_another_is_the_teller_s(pipe):
    _, events = _mentions(pipe, "Turkey told the U.N. Security Council on Sunday that its air strikes on Syria "
                                "were an act of self-defence.", date(2020, 3, 2))
    strikes = [e for e in events if e.category == "ASSAULT"]
    assert strikes and strikes[0].actor is not None and strikes[0].actor.id == "TUR", strikes


@pytest.mark.parametrize("text, category, actor, target", [
    # an airliner made to land by force; the arrest told with it is the same state's
    ("Leaders agreed on Monday to close the airspace, a day after Egypt forced a passenger jet to land in "
     "Cairo and arrested a journalist on board.", "COERCE", "EGY", None),
    ("On Dec. 21, Kenya recalled its High Commissioner, John Doe, from Kampala in protest.", "SANCTION", "KEN", "UGA"),
    ("The cabinet also ordered the United States to vacate the air base within 15 days.", "COERCE", None, "USA"),
    ("Ethiopia responded by moving its own forces to the frontier.", "MOBILIZE", "ETH", None),
    ("India moved tens of thousands of troops, tanks and missiles toward the border.", "MOBILIZE", "IND", None),
    ("Niger shut the Tahoua crossing for ten days in protest.", "COERCE", "NER", None),
])
def test_coercive_and_military_steps_told_with_words_between(pipe, text, category, actor, target):
    _, events = _mentions(pipe, text, date(2021, 12, 30))
    found = [e for e in events if e.category == category and e.modality == "asserted"]
    assert found, events
    assert all(e.actor is not None and e.actor.id == actor for e in found) if actor else True, found
    assert any(e.target is not None and e.target.id == target for e in found) if target else True, found


def test_forces_traded_fire_with_words_between_is_a_mutual_attack(pipe):
    _, events = _mentions(pipe, "India and Pakistan exchanged artillery and mortar fire across the border on "
                                "Monday.", date(2002, 1, 13))
    fire = [e for e in events if e.category == "ASSAULT"]
    assert fire and {fire[0].actor.id, fire[0].target.id} == {"IND", "PAK"}, fire


def test_a_judgement_after_a_denial_is_a_criticism(pipe):
    found = _asserted(pipe, 'Iraq denied any role in the plot and called the strike "a cowardly act of aggression".')
    assert ("ACCUSE", "called") in found and ("REJECT", "denied") in found, found


@pytest.mark.parametrize("text, category, modality", [
    # the negation governs the base form before "and"; a past verb after it is a second act
    ("The leaders urged all carriers to avoid flying over Belarus and called for the release of the journalist.",
     "REQUEST", "asserted"),
    ("Iran did not retaliate and agreed to talks.", "AGREE", "asserted"),
    # ... but one perfect tells both verbs
    ("Israel has not attacked and killed anyone.", "ASSAULT", "negated"),
])
def test_negation_and_a_coordinated_past_verb(pipe, text, category, modality):
    mentions, _ = _mentions(pipe, text)
    ms = [m for m in mentions if m.category == category]
    assert ms and all(m.modality == modality for m in ms), mentions


def test_a_conference_boycotted_in_protest_is_a_sanction_of_its_day(pipe):
    # "pulled out of next week's conference ... on Tuesday": a measure taken on Tuesday, no retreat of
    # forces (though soldiers are named), and not next week's
    _, events = _mentions(pipe, "Kenya pulled out of next week's regional conference in Kampala on Tuesday in "
                                "protest against air strikes that killed 24 soldiers.", date(2021, 12, 1))
    assert not any(e.category == "RETREAT" for e in events), events
    boycott = [e for e in events if e.category == "SANCTION"]
    assert boycott and boycott[0].when.earliest == date(2021, 11, 30), boycott


def test_he_after_a_quotation_is_its_speaker(pipe):
    _, events = _mentions(pipe, "U.S. Secretary of State Colin Powell welcomed the speech on Saturday.\n\n"
                                '"Pakistan rejects terrorism in all its forms," Musharraf said in the speech.\n\n'
                                "He warned that Pakistan's armed forces would respond with full force to any attack.",
                          date(2002, 1, 13))
    warning = [e for e in events if e.category == "THREATEN"]
    assert warning and warning[0].actor is not None and warning[0].actor.id == "pervez_musharraf", warning


@pytest.mark.parametrize("text, actor, target", [
    # a diplomatic answer in kind, and a mission cut ordered (the party told stands before "to")
    ("Uganda retaliated the same day with identical measures against Kenya.", "UGA", "KEN"),
    ("Kenya ordered Uganda to cut the staff of its High Commission in Nairobi by half.", "KEN", "UGA"),
])
def test_diplomatic_measures_told_as_an_answer_or_an_order(pipe, text, actor, target):
    _, events = _mentions(pipe, text, date(2021, 12, 30))
    found = [e for e in events if e.category == "SANCTION" and e.modality == "asserted"]
    assert found and found[0].actor.id == actor and found[0].target.id == target, events


def test_a_definite_act_after_a_verb_asked_for_is_told_before(pipe):
    # "asked the council to condemn the attack": the condemnation is asked for; the attack happened
    mentions, _ = _mentions(pipe, "Iraq asked the council to condemn the attack.")
    assert [m.modality for m in mentions if m.category == "ASSAULT"] == ["asserted"], mentions
    # ... but a support verb asks for the act itself
    mentions, _ = _mentions(pipe, "They urged the army to launch the offensive.")
    assert [m.modality for m in mentions if m.category == "ASSAULT"] == ["future"], mentions


def test_a_count_after_a_dated_clause_dates_the_acts_after_it(pipe):
    # "agreed on Monday to ... impose sanctions, a day after X forced a jet to land and arrested a journalist":
    # the count runs from Monday (not from the undated sanctions), and dates both coordinated acts, which
    # are two acts (a seizure and an arrest), not one
    _, events = _mentions(pipe, "Leaders agreed on Monday to ban its airlines and to impose new sanctions on Minsk, "
                                "a day after Belarus forced a passenger jet to land and arrested a journalist on board.",
                          date(2021, 5, 25))
    coerce = sorted((e.mode, e.when.earliest) for e in events if e.category == "COERCE")
    assert coerce == [("arrest", date(2021, 5, 23)), ("seize", date(2021, 5, 23))], events


@pytest.mark.parametrize("text, category, actor", [
    # a city naming a thing ("the Bonn decision") is no party: the subject of the coordinated verb is the
    # department that spoke
    ("The State Department said on Tuesday it regretted the Bonn decision and urged Islamabad to reconsider.",
     "REQUEST", "usa_state_department"),
])
def test_a_city_naming_a_thing_is_no_party(pipe, text, category, actor):
    _, events = _mentions(pipe, text, date(2011, 11, 30))
    found = [e for e in events if e.category == category]
    assert found and found[0].actor is not None and found[0].actor.id == actor, events


def test_a_boycotted_meeting_takes_no_target_from_its_subject(pipe):
    _, events = _mentions(pipe, "Kenya pulled out of next week's conference on Somalia in Nairobi on Tuesday in "
                                "protest.", date(2021, 12, 1))
    boycott = [e for e in events if e.category == "SANCTION"]
    assert boycott and boycott[0].target is None, boycott


@pytest.mark.parametrize("text, category, absent", [
    # forces sent with words between; missiles fired into the sea as a show of force are no attack
    ("The United States sent two aircraft carrier battle groups to waters near Taiwan.", "MOBILIZE", None),
    ("China fired missiles into waters off Taiwan on Friday in a show of force.", "MOBILIZE", "ASSAULT"),
])
def test_shows_of_force(pipe, text, category, absent):
    _, events = _mentions(pipe, text, date(1996, 3, 12))
    assert any(e.category == category and e.modality == "asserted" for e in events), events
    assert absent is None or not any(e.category == absent for e in events), events


@pytest.mark.parametrize("text, category, day", [
    # a cue that is itself a date ("The next day", "the next morning") dates the act it opens, or the verb it
    # follows in its clause, from the day told before
    ("Rebels shelled the town on June 3. The next day government jets bombed rebel positions.", "ASSAULT",
     date(2011, 6, 4)),
    ("Gunboats fired on a fishing trawler on May 9. Coast guard forces seized the trawler the next morning.",
     "COERCE", date(2011, 5, 10)),
    # "Two days after the attack, X warned": the fronted count runs from the act the definite noun refers to
    ("Rebels attacked the garrison on April 2. Two days after the attack, the government warned the rebels.",
     "THREATEN", date(2011, 4, 4)),
])
def test_a_relative_day_dates_the_act_it_opens(pipe, text, category, day):
    _, events = _mentions(pipe, text, date(2011, 6, 30))
    found = [e for e in events if e.category == category and e.modality == "asserted"]
    assert found and (found[-1].when.earliest, found[-1].when.latest) == (day, day), events


@pytest.mark.parametrize("text, category, actor, target", [
    # a passive with a weapon as its means: what was shot down was hit, the weapon is no object
    ("An Egyptian helicopter was brought down by a missile on Monday.", "ASSAULT", None, "EGY"),
    ("A Turkish drone was shot down by a missile on Monday.", "ASSAULT", None, "TUR"),
    # a verb entry's base form after a possessive is the possessor's act
    ("Egypt reacted coolly on Monday to Sudan's pledge to pull back its troops from the border.", "AGREE",
     "SDN", None),
    # servicemen taken by the other side are held, not a place taken
    ("Sudanese forces captured two Egyptian pilots near the border on Monday.", "COERCE", "SDN.military", "EGY"),
    ("The rebels freed the captured pilot on Monday, calling the release a goodwill gesture.", "CONCEDE",
     "unknown.armed_group", None),
    ("Egyptian destroyers pounded rebel positions on Monday.", "ASSAULT", "EGY.military", "unknown.armed_group"),
    # a state's forces put to use are its own; the subject of a verb after "and then" is the clause's first party
    ("Sudan responded by scrambling fighter jets, which bombed two Egyptian army posts, the army said.", "ASSAULT",
     "SDN.military", "egy_armed_forces"),
    ("Police said Egyptian troops flew a drone over its positions and then opened fire with rifles.", "ASSAULT",
     "EGY.military", None),
    # a demonym before a weapon, across a relative clause, is the attacker's side
    ("Egyptian rockets, which Sudan said were fired from launchers, then slammed into Sudanese villages.", "ASSAULT",
     "EGY", "SDN"),
    # "declared martial law", "were put on a state of alert": support verbs whose subject acts
    ("Sudan declared martial law in four districts on Monday.", "COERCE", "SDN", None),
    ("Egypt's armed forces were put on a state of alert on Monday night.", "MOBILIZE", "EGY.military", None),
])
def test_parties_of_acts_told_in_passives_relatives_and_possessives(pipe, text, category, actor, target):
    mentions, _ = _mentions(pipe, text, date(2011, 6, 30))
    found = [m for m in mentions if m.category == category and m.modality == "asserted"]
    assert found, mentions
    m = found[-1]
    assert (m.actor.id if m.actor else None, m.target.id if m.target else None) == (actor, target), mentions


def test_a_place_east_of_a_state_and_an_origin_are_no_target(pipe):
    # "120 miles east of Bahrain": the act was outside that state; "fired from X-held territory": where from
    mentions, _ = _mentions(pipe, "Warships opened fire on two oil platforms, 120 miles east of Qatar, on Monday. "
                                  "A tanker was struck by a missile fired from Egyptian-held territory.",
                            date(2011, 6, 30))
    assert [m.target.id if m.target else None for m in mentions if m.category == "ASSAULT"] == [None, None], \
        mentions


def test_a_party_inside_a_closed_relative_clause_is_not_what_it_stands_for(pipe):
    mentions, _ = _mentions(pipe, "China, which has close ties with Egypt, said it was concerned and offered to "
                                  "mediate.", date(2011, 6, 30))
    offers = [m for m in mentions if m.category == "AGREE"]
    assert offers and offers[0].actor is not None and offers[0].actor.id == "CHN", mentions


def test_a_dated_act_naming_no_known_party_does_not_absorb_an_earlier_one(pipe):
    _, events = _mentions(pipe, "Egypt accused Sudan of shooting a pilot. The figures could not be verified. "
                                "Newspapers on Monday were divided, with some accusing the government of weakness.",
                          date(2011, 6, 30))
    accusations = sorted((e.actor.id if e.actor else "", e.when.earliest or date.min) for e in events
                         if e.category == "ACCUSE")
    assert len(accusations) == 2 and accusations[1] == ("EGY", date.min), events


@pytest.mark.parametrize("text, link", [
    # "replied ... by", "answered the attack by": the answer is stated
    ("On Wednesday Sudan expelled Egypt's ambassador. Egypt replied on Thursday by downgrading relations.",
     ("SANCTION", "SANCTION", "replied on Thursday by")),
    ("Egyptian troops attacked Sudanese border posts on Monday. Sudan answered the attack by ordering a mobilisation.",
     ("ASSAULT", "MOBILIZE", "answered")),
])
def test_answers_told_with_reply_and_answer(pipe, text, link):
    assert link in _linked(pipe, text, date(2011, 6, 30))


def test_answering_questions_is_no_cue(pipe):
    mentions, _ = _mentions(pipe, "While the visit was unrelated, the minister answered the legislators' questions "
                                  "about it over lunch on Tuesday.", date(2011, 6, 30))
    assert all(not m.cued for m in mentions), mentions


@pytest.mark.parametrize("text, link", [
    # the captor frees whom it captured: a de-escalation (rule deescalation.undone)
    ("On May 27 Sudanese forces captured an Egyptian pilot after his jet was downed. Sudan freed the pilot on "
     "June 3, calling the release a goodwill gesture.", ("COERCE", "CONCEDE", None)),
    # an act that "drew an angry protest from X": X protests, answering it
    ("On May 26 Egypt launched air strikes on rebel positions. The operation drew an angry protest from Khartoum.",
     ("ASSAULT", "ACCUSE", "drew an angry protest")),
])
def test_releases_and_drawn_protests_answer_the_act(pipe, text, link):
    assert link in _linked(pipe, text, date(2011, 6, 30))


def test_the_act_after_by_answers_the_object_or_the_act_told_before(pipe):
    # "answered Beijing's announcement within hours by ordering a mobilisation": the announcement is no act,
    # so the act told before it (the pull-back) is answered, by the mobilisation, not the other way round
    links = _linked(pipe, "China said on Monday its troops were pulling back from the border, but Hanoi answered "
                          "Beijing's announcement within hours by ordering a general mobilisation.", date(1979, 3, 6))
    assert ("RETREAT", "MOBILIZE", "answered") in links and ("MOBILIZE", "RETREAT", "answered") not in links, links


def test_a_right_reserved_is_no_act_done(pipe):
    mentions, _ = _mentions(pipe, "Egypt warned that it reserves the right to strike back if Sudan made new "
                                  "incursions.", date(2011, 6, 30))
    strikes = [m for m in mentions if m.trigger.text == "strike"]
    assert strikes and strikes[0].modality == "future", mentions


def test_a_participle_after_a_preposition_of_place_is_an_adjective(pipe):
    assert not any(c == "AGREE" for c, _t in _asserted(pipe, "The soldiers had strayed off agreed routes into old "
                                                              "minefields."))


def test_a_visit_aims_at_the_state_whose_capital_the_visitor_arrived_in(pipe):
    mentions, _ = _mentions(pipe, "Egypt's foreign minister flew to Khartoum on Monday for talks with his Sudanese "
                                  "counterpart.", date(2011, 6, 30))
    visits = [m for m in mentions if m.category == "CONSULT"]
    assert visits and visits[0].target is not None and visits[0].target.id == "SDN", mentions


def test_the_group_of_eight_is_a_party(pipe):
    mentions, _ = _mentions(pipe, "Leaders of the Group of Eight, meeting in Cologne on June 20, called the "
                                  "incursion \"irresponsible\".", date(1999, 7, 5))
    assert any(m.category == "ACCUSE" and m.actor is not None and m.actor.id == "g8" for m in mentions), mentions


def test_a_damning_word_in_a_quotation_is_its_speaker_s_and_answers_the_act(pipe):
    text = ("Sudanese helicopters attacked two Egyptian border posts on Saturday, killing 24 soldiers. "
            '"This was an unprovoked act of aggression," the Egyptian military spokesman told Reuters on Sunday.')
    mentions, _ = _mentions(pipe, text, date(2011, 11, 27))
    charges = [m for m in mentions if m.category == "ACCUSE"]
    assert charges and charges[0].actor is not None and charges[0].actor.id.startswith("EGY"), mentions
    assert ("ASSAULT", "ACCUSE", None) in _linked(pipe, text, date(2011, 11, 27))


@pytest.mark.parametrize("text, category, actor", [
    # when no entry of the longest surface fits, a shorter one at the same start is tried ("landed on" is a
    # weapon's impact; "landed" is forces put ashore)
    ("Turkish commandos had landed on the islet under cover of darkness and raised a flag.", "MOBILIZE",
     "TUR.military"),
    ("Turkish warships steamed toward the islets on Monday.", "MOBILIZE", "TUR.military"),
    ("Greek and Turkish warships sailed away from the islets on Wednesday.", "RETREAT", "GRC.military"),
])
def test_naval_moves_and_landings(pipe, text, category, actor):
    mentions, _ = _mentions(pipe, text, date(1996, 2, 1))
    found = [m for m in mentions if m.category == category and m.modality == "asserted"]
    assert found and found[0].actor is not None and found[0].actor.id == actor, mentions


@pytest.mark.parametrize("text, category, modality", [
    # a toll told in the perfect over a period is no one act
    ("Egypt says 29 of its soldiers have been killed since January.", "ASSAULT", "habitual"),
    ("Islamabad accused Kabul of sheltering the group, which has killed hundreds of soldiers this year.", "ASSAULT",
     "habitual"),
    ("The strike killed three soldiers on Monday.", "ASSAULT", "asserted"),
])
def test_a_toll_over_a_period_is_no_one_act(pipe, text, category, modality):
    mentions, _ = _mentions(pipe, text, date(2011, 6, 30))
    found = [m for m in mentions if m.category == category and m.trigger.text.lower() in ("killed", "strike")]
    assert found and found[-1].modality == modality, mentions


def test_a_side_named_before_a_coordinated_modifier_acts(pipe):
    mentions, _ = _mentions(pipe, "Ecuador reported Peruvian air and artillery attacks on Saturday.", date(1995, 2, 24))
    attacks = [m for m in mentions if m.category == "ASSAULT"]
    assert attacks and attacks[0].actor is not None and attacks[0].actor.id == "PER.military", mentions


def test_a_fronted_deadline_before_a_past_clause_is_past(pipe):
    from escalate.time import load_tagger
    found = [t for t in load_tagger().tag("By the end of January, Peruvian jets were bombing Ecuadorean positions.",
                                          date(1995, 2, 24)) if "January" in t.text]
    assert found and found[0].value == "1995-01", found


def test_a_group_that_became_a_government_acts_for_its_state_only_since(pipe):
    # the Taliban are Afghanistan's de facto government since August 2021 (an office in the lexicon)
    links = _linked(pipe, "Pakistani jets struck Kabul on Oct. 9. Two days later, Taliban forces attacked Pakistani "
                          "border posts in what the Taliban called a retaliatory operation.", date(2025, 10, 19))
    assert ("ASSAULT", "ASSAULT", "retaliatory") in links, links
    _, events = _mentions(pipe, "Taliban fighters attacked an Afghan army base on Oct. 9.", date(2010, 10, 19))
    attack = [e for e in events if e.category == "ASSAULT"][0]
    assert attack.actor.side != attack.target.side, attack


@pytest.mark.parametrize("text, threat, actor", [
    # a party announcing a violent act of its own side still to come threatens
    ("Trump said on Monday any Sudanese aircraft that put U.S. forces in danger would be shot down.", True,
     "donald_trump"),
    ('"We will track them, we will find them and we will kill them," Egypt\'s defence minister said on Monday.',
     True, None),
    # ... not a condition, a counterfactual, nor the other side's act
    ('"If they attack us, we will resist," the Sudanese president said on Monday.', False, None),
    ("Petro said on Monday the people killed could have been arrested.", False, None),
    ("Sudan accused Egypt on Monday of preparing an attack.", False, None),
])
def test_an_announced_act_of_one_s_own_side_is_a_threat(pipe, text, threat, actor):
    mentions, _ = _mentions(pipe, text, date(2025, 9, 20))
    threats = [m for m in mentions if m.category == "THREATEN" and m.modality == "asserted"]
    assert bool(threats) == threat, mentions
    if actor is not None:
        assert threats[0].actor is not None and threats[0].actor.id == actor, threats


def test_a_reward_for_an_arrest_is_no_arrest(pipe):
    assert not any(c == "COERCE" for c, _t in _asserted(pipe, "Washington doubled its reward for information leading "
                                                              "to the arrest of the president."))


def test_a_pair_subject_withdraws_each_from_the_other(pipe):
    mentions, _ = _mentions(pipe, "Greece and Turkey sent warships to the islets. Both sides withdrew their forces "
                                  "from the islets on Wednesday.", date(1996, 2, 1))
    (m,) = [m for m in mentions if m.category == "RETREAT"]
    assert {m.actor.id, m.target.id} == {"GRC", "TUR"}, m


@pytest.mark.parametrize("text, link", [
    # "responded last month by": a span of time between the verb and its means
    ("The United States sent three destroyers to the region on Aug. 14. Maduro responded last month by ordering "
     "the deployment of the militia.", ("MOBILIZE", "MOBILIZE", "responded last month by")),
])
def test_responded_with_a_span_of_time_between(pipe, text, link):
    assert link in _linked(pipe, text, date(2025, 9, 20))


def test_information_leading_to_an_arrest_is_no_consequence(pipe):
    links = _linked(pipe, "U.S. strikes killed 11 people on Sept. 2. Washington doubled its reward for information "
                          "leading to the arrest of Maduro, accusing him of running a cartel.", date(2025, 9, 20))
    assert not any(cue == "leading to" for _c, _e, cue in links), links


@pytest.mark.parametrize("text, category, actor", [
    # "a state of national emergency": a bare "national" is no party (the subject declared it)
    ("On Monday the president of Ecuador declared a state of national emergency.", "COERCE", "ECU"),
    # explosions that shook a city; a boat destroyed by a navy
    ("Explosions shook Kabul on Oct. 9.", "ASSAULT", None),
    ("The United States military destroyed a boat in the Caribbean on Monday.", "ASSAULT", "USA.military"),
])
def test_emergencies_explosions_and_boats(pipe, text, category, actor):
    mentions, _ = _mentions(pipe, text, date(2025, 10, 19))
    found = [m for m in mentions if m.category == category and m.modality == "asserted"]
    assert found, mentions
    assert (found[0].actor.id if found[0].actor else None) == actor or actor is None, found


def test_a_rebuttal_with_no_charge_told_orders_nothing(pipe):
    # "rejected the claim in January": the claim was not told as an act, so the denial told before it is no
    # antecedent, and the month stays whole
    _, events = _mentions(pipe, "The Turkish government denied any involvement on Jan. 31. The islets became a "
                                "flashpoint in December. Greece rejected the claim in January.", date(1996, 2, 1))
    rejection = [e for e in events if e.category == "REJECT" and e.actor is not None and e.actor.id == "GRC"]
    assert rejection and (rejection[0].when.earliest, rejection[0].when.latest) == (date(1996, 1, 1), date(1996, 1, 31)), \
        rejection


def test_a_name_given_by_a_naming_verb_is_no_place(pipe):
    mentions, _ = _mentions(pipe, "The operation, code-named Safed Sagar, drew an angry protest from Islamabad.",
                            date(1999, 7, 5))
    assert mentions and all(m.location is None for m in mentions), mentions


def test_each_side_accusing_the_other_is_the_story_s_pair(pipe):
    mentions, _ = _mentions(pipe, "Thai and Cambodian troops clashed on Thursday near the temple, with each side "
                                  "accusing the other of firing first.", date(2025, 7, 27))
    (m,) = [m for m in mentions if m.category == "ACCUSE"]
    assert m.actor is not None and m.target is not None and m.actor.id != m.target.id, m


@pytest.mark.parametrize("text, actor, target", [
    ("Thai and Cambodian troops clashed on Thursday near the temple.", "THA.military", "KHM.military"),
    ("Afghan security forces clashed with Taliban militants on Thursday.", "AFG.military", "taliban"),
])
def test_a_clash_is_between_its_two_sides(pipe, text, actor, target):
    mentions, _ = _mentions(pipe, text, date(2020, 5, 8))
    (m,) = [m for m in mentions if m.category == "ASSAULT"]
    assert (m.actor.id, m.target.id) == (actor, target), m
