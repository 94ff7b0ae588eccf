"""Causal/temporal cue lexicon: loading, matching, offsets, direction, anaphora."""

from __future__ import annotations

import random
import re
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from escalate.errors import RulesError
from escalate.eval import cnc
from escalate.links.cues import CueMatch, CueMatcher, CueSpec, compile_pattern, load_cues
from escalate.time import firstchars
from escalate.trie import lowered


@pytest.fixture(scope="module")
def matcher() -> CueMatcher:
    return load_cues()


def cues(matcher: CueMatcher, text: str) -> dict[str, CueMatch]:
    return {m.text.lower(): m for m in matcher.find(text)}


def write_rules(tmp_path: Path, body: str) -> Path:
    (tmp_path / "links").mkdir(parents=True, exist_ok=True)
    (tmp_path / "links" / "cues.yaml").write_text(body, encoding="utf-8")
    return tmp_path


# --------------------------------------------------------------------------- loading
def test_bundled_lexicon_loads_and_is_cached(matcher: CueMatcher) -> None:
    assert len(matcher) > 30
    assert load_cues() is matcher
    ids = [s.id for s in matcher.specs]
    assert len(ids) == len(set(ids))
    assert all(isinstance(s, CueSpec) for s in matcher.specs)


def test_malformed_yaml_is_located(tmp_path: Path) -> None:
    rules = write_rules(tmp_path, "version: 1\ncues:\n  - id: x\n    patterns: [in response to\n")
    with pytest.raises(RulesError) as err:
        load_cues(rules)
    msg = str(err.value)
    assert str(tmp_path / "links" / "cues.yaml") in msg
    assert ":5:" in msg or ":4:" in msg
    problem = err.value.problems[0]
    assert problem.line > 0 and problem.column > 0
    assert f"cues.yaml:{problem.line}:{problem.column}:" in msg


@pytest.mark.parametrize(
    "entry, needle, line",
    [
        ("    kind: causal\n    direction: sideways\n    strength: 0.5\n", "direction", 6),
        ("    kind: causal\n    direction: cause_first\n    strength: 1.5\n", "strength", 7),
        ("    kind: causal\n    direction: cause_first\n    strength: 0.5\n    colour: red\n", "colour", 8),
    ],
)
def test_schema_errors_are_located(tmp_path: Path, entry: str, needle: str, line: int) -> None:
    body = "version: 1\ncues:\n  - id: ok\n    patterns: [led to]\n" + entry
    with pytest.raises(RulesError) as err:
        load_cues(write_rules(tmp_path, body))
    msg = str(err.value)
    assert needle in msg
    assert f"cues.yaml:{line}:5:" in msg


def test_bad_pattern_is_located(tmp_path: Path) -> None:
    body = (
        "version: 1\ncues:\n  - id: bad\n    patterns:\n      - led to\n      - in (response to\n"
        "    kind: causal\n    direction: cause_first\n    strength: 0.5\n"
    )
    with pytest.raises(RulesError) as err:
        load_cues(write_rules(tmp_path, body))
    assert "cues.yaml:6:9:" in str(err.value)
    assert "unclosed" in str(err.value)


def test_duplicate_ids_are_located(tmp_path: Path) -> None:
    one = (
        "  - id: a\n    patterns: [led to]\n    kind: causal\n    direction: cause_first\n    strength: 0.5\n"
    )
    with pytest.raises(RulesError) as err:
        load_cues(write_rules(tmp_path, "version: 1\ncues:\n" + one + one))
    assert "duplicate cue id 'a'" in str(err.value)
    assert "cues.yaml:8:5:" in str(err.value)


def test_pattern_syntax() -> None:
    import re

    rx, _ = compile_pattern("respond(s|ed|ing)? to")
    for ok in ["respond to", "responds to", "responded  to", "responding\nto"]:
        assert re.fullmatch(rx, ok), ok
    rx, _ = compile_pattern("(a|an)? response")
    assert re.fullmatch(rx, "response") and re.fullmatch(rx, "an response")
    rx, _ = compile_pattern("tit-for-tat")
    for ok in ["tit-for-tat", "tit for tat", "tit - for - tat", "titfortat"]:
        assert re.fullmatch(rx, ok), ok
    rx, _ = compile_pattern("<num> days later")
    for ok in ["two days later", "3 days later", "a few days later"]:
        assert re.fullmatch(rx, ok), ok
    rx, _ = compile_pattern("(in the wake|in its wake) of")
    assert re.fullmatch(rx, "in the  wake of")
    for bad in ["in (response", "a) b", "x<nope>", "(a)?", "a * b", "((a|b)|c)"]:
        with pytest.raises(ValueError):
            compile_pattern(bad)


# --------------------------------------------------------------------------- matching
def test_offsets_are_absolute_and_exact(matcher: CueMatcher) -> None:
    text = "Rockets were fired. Israel launched strikes in retaliation for the attack, which led to protests."
    found = matcher.find(text)
    assert [m.text for m in found] == ["in retaliation for", "led to"]
    for m in found:
        assert text[m.start : m.end] == m.text
    assert found[0].start == text.index("in retaliation")
    # A window: only cues inside it, offsets still absolute.
    window = matcher.find(text, text.index("which"), len(text))
    assert [(m.start, m.text) for m in window] == [(text.index("led to"), "led to")]
    assert matcher.find(text, 0, 10) == []
    assert matcher.find("") == []
    assert matcher.find(text, 50, 10) == []


def test_case_insensitive_and_word_bounded(matcher: CueMatcher) -> None:
    assert [m.cue for m in matcher.find("IN RESPONSE TO the raid")] == ["in_response_to"]
    assert matcher.find("the afterword and the thereafterness") == []
    assert matcher.find("the then-president spoke") == []


def test_longest_match_wins(matcher: CueMatcher) -> None:
    found = matcher.find("Troops opened fire in response to the stone-throwing.")
    assert [(m.text, m.cue) for m in found] == [("in response to", "in_response_to")]
    found = matcher.find("The official response to the attack was muted.")
    assert [m.cue for m in found] == ["response_to"]
    found = matcher.find("Militants attacked, and the army retaliated in retaliation for it.")
    assert [m.text for m in found] == ["retaliated", "in retaliation for"]
    spans = [(m.start, m.end) for m in matcher.find("it came in response to a day later the next day")]
    assert all(a[1] <= b[0] for a, b in zip(spans, spans[1:], strict=False))


@pytest.mark.parametrize(
    "text, cue, direction",
    [
        (
            "Israel launched strikes in retaliation for the killing of its soldiers.",
            "in_retaliation_for",
            "effect_first",
        ),
        ("Police fired tear gas in response to stone-throwing.", "in_response_to", "effect_first"),
        ("The strike came in response to a rocket attack.", "came_in_response_to", "effect_first"),
        (
            "Militants killed two soldiers to avenge the death of their leader.",
            "in_revenge_for",
            "effect_first",
        ),
        ("Clashes erupted after the funeral.", "after", "effect_first"),
        ("Riots broke out following the verdict.", "following", "effect_first"),
        ("Schools closed because of the violence.", "because_of", "effect_first"),
        ("The riots were triggered by a police shooting.", "caused_by", "effect_first"),
        ("The arrest led to violent protests.", "led_to", "cause_first"),
        ("The killing prompted a general strike.", "prompted", "cause_first"),
        ("The killing sparked riots across the city.", "triggered", "cause_first"),
        ("The bombing resulted in 12 deaths.", "resulted_in", "cause_first"),
        ("The raid provoked outrage.", "provoked", "cause_first"),
        ("The blast caused heavy damage.", "caused", "cause_first"),
        ("Rebels shelled the town, triggering an army offensive.", "triggered", "cause_first"),
        ("The march was followed by clashes.", "following_which", "cause_first"),
        ("Police opened fire before the crowd dispersed.", "before", "cause_first"),
        ("Kenya struck the camps, citing the attack on its post.", "citing", "effect_first"),
        ("They stormed the embassy in anger at the air strikes.", "angered_by", "effect_first"),
        ("Mali expelled the envoy, calling France's decision hostile.", "calling_act", "effect_first"),
    ],
)
def test_direction_by_family(matcher: CueMatcher, text: str, cue: str, direction: str) -> None:
    found = [m for m in matcher.find(text) if m.cue == cue]
    assert found, (text, matcher.find(text))
    assert found[0].direction == direction
    assert found[0].anaphoric is False


def test_fronted_preposition_flips_direction(matcher: CueMatcher) -> None:
    (m,) = matcher.find("After the raid, militants fired rockets.")
    assert (m.cue, m.direction, m.anaphoric) == ("after", "cause_first", False)
    (m,) = matcher.find("But in retaliation for the raid, militants fired rockets.")
    assert (m.cue, m.direction) == ("in_retaliation_for", "cause_first")
    (m,) = matcher.find("Schools were shut. Because of the curfew, shops stayed closed.")
    assert m.direction == "cause_first"


def test_anaphoric_cues(matcher: CueMatcher) -> None:
    found = cues(matcher, "A retaliatory missile attack came in response, causing no fatalities.")
    assert found["retaliatory"].anaphoric and found["retaliatory"].label == "retaliation"
    assert found["came in response"].anaphoric
    assert found["came in response"].kind == "causal"
    assert not found["causing"].anaphoric
    found = cues(matcher, "X launched strikes in retaliation for the killing of Y.")
    assert not found["in retaliation for"].anaphoric
    assert found["in retaliation for"].direction == "effect_first"
    assert found["in retaliation for"].strength >= 0.9


@pytest.mark.parametrize(
    "text, cue_text",
    [
        ("In response, Iran fired missiles at the base.", "in response"),
        ("Iran fired missiles in retaliation.", "in retaliation"),
        ("Iran fired missiles in retaliation against US bases.", "in retaliation against"),
        ("The clashes that followed left three dead.", "that followed"),
        ("Two days later, Israel struck Gaza.", "two days later"),
        ("The next day, Israel struck Gaza.", "the next day"),
        ("Hamas vowed revenge.", "vowed revenge"),
        ("The group vowed to retaliate.", "vowed to retaliate"),
        ("Israel hit back with airstrikes.", "hit back"),
        ("Protests erupted in the wake of this.", "in the wake of"),
        ("This prompted fears of a wider war.", "prompted"),
        ("That, in turn, led to more raids.", "led to"),
        ("A tit-for-tat exchange followed.", "tit-for-tat"),
    ],
)
def test_anaphoric_flags(matcher: CueMatcher, text: str, cue_text: str) -> None:
    found = cues(matcher, text)
    assert cue_text in found, (text, list(found))
    assert found[cue_text].anaphoric
    assert found[cue_text].direction == "cause_first"  # the antecedent is the cause


def test_earlier_points_to_an_earlier_effect(matcher: CueMatcher) -> None:
    found = cues(matcher, "Israel struck the camp. Militants had earlier fired rockets.")
    m = found["had earlier"]
    assert m.anaphoric and m.direction == "effect_first" and m.kind == "temporal"


@pytest.mark.parametrize(
    "text",
    [
        "Violence has risen since 2019.",
        "The group has been banned since March.",
        "He has lived there since then.",
        "Nothing has changed since the start of the war.",
    ],
)
def test_since_is_never_causal(matcher: CueMatcher, text: str) -> None:
    assert all(m.kind != "causal" for m in matcher.find(text))
    assert not [m for m in matcher.find(text) if m.cue == "since"]


def test_temporal_cues_are_weak(matcher: CueMatcher) -> None:
    for text in ["He spoke after the meeting.", "Rallies followed the vote.", "A day later it rained."]:
        (m,) = matcher.find(text)
        assert m.kind == "temporal" and m.strength <= 0.5, m


def test_precision_guards(matcher: CueMatcher) -> None:
    # attribution, scheduling, detonation, idioms: no causal cue
    for text in [
        "Officials blamed Hamas for the attack.",
        "The minister is due to arrive on Monday.",
        "Militants triggered a blast near the convoy.",
        "After all, nobody was hurt.",
        "Refugees arrived day after day.",
        "He appeared before the court on Monday.",
        "As the sun set, crowds gathered.",
        "The result of the vote was announced.",
        "The war ended in 2019.",
        "Protesters blocked roads leading to the city centre.",
        "Troops sealed the bridge that leads to the border.",
    ]:
        assert [m for m in matcher.find(text) if m.kind == "causal"] == [], text
    assert all(m.cue != "after" for m in matcher.find("Refugees arrived day after day."))


def test_date_vetoes_do_not_swallow_events(matcher: CueMatcher) -> None:
    found = cues(matcher, "The militia struck back on Tuesday, hours after a drone strike killed two.")
    assert found["hours after"].direction == "effect_first"
    assert [m.cue for m in matcher.find("Violence has surged since a bomb exploded.")] == ["since"]
    for text in [
        "Shops closed after 10 pm.",
        "Nothing has changed since the 1990s.",
        "Talks resumed after two weeks.",
    ]:
        assert [m for m in matcher.find(text) if m.cue in ("after", "since")] == [], text


def test_context_conditions(matcher: CueMatcher) -> None:
    # followed_by: "to" is a cue only before a verb of protest/demand; the span is "to" alone
    (m,) = matcher.find("Thousands marched to protest the new law.")
    assert (m.text, m.cue, m.label) == ("to", "purpose_to", "purpose")
    assert matcher.find("Thousands marched to the square.") == []
    # preceded_by: "for" only after arrest/charge verbs
    (m,) = matcher.find("Two men were arrested for the bombing.")
    assert (m.text, m.cue, m.direction) == ("for", "arrested_for", "effect_first")
    assert matcher.find("Two men waited for the bus.") == []
    # not_preceded_by: adjective "protesting students" is not a cue, the verb is
    assert matcher.find("The protesting students went home.") == []
    assert [m.cue for m in matcher.find("Students marched, protesting the fee hike.")] == ["protesting"]
    # participle of consequence needs a casualty count after it
    (m,) = matcher.find("A bomb exploded at the market, killing 12 people.")
    assert (m.text, m.direction) == ("killing", "cause_first")
    assert matcher.find("The killing of the activist was condemned.") == []


def test_custom_lexicon_inflections(tmp_path: Path) -> None:
    body = (
        "version: 1\ncues:\n"
        "  - id: respond_to\n    patterns: ['respond(s|ed|ing)? to']\n    kind: causal\n"
        "    direction: effect_first\n    anaphoric: false\n    strength: 0.7\n    label: response\n"
    )
    m = load_cues(write_rules(tmp_path, body))
    assert [x.text for x in m.find("Police responded to the riot; they are responding to calls.")] == [
        "responded to",
        "responding to",
    ]


# --------------------------------------------------------------------------- properties
_ALPHABET = st.sampled_from(
    list("abcdefghijklmnopqrstuvwxyz ,.;'-\n\u2019\u2014")
    + [
        "in response to",
        "after",
        "retaliat",
        "led to",
        " days later",
        "since ",
        "In ",
        "(",
        ")",
        "é",
        "\u0130",
    ]
)


@settings(max_examples=300, deadline=None)
@given(
    text=st.one_of(st.text(), st.lists(_ALPHABET, max_size=40).map("".join)),
    start=st.integers(-5, 60),
    span=st.one_of(st.none(), st.integers(-5, 80)),
)
def test_find_never_raises_and_text_matches(text: str, start: int, span: int | None) -> None:
    matcher = load_cues()
    end = None if span is None else start + span
    found = matcher.find(text, max(0, start), end if end is None else max(0, end))
    prev_end = -1
    for m in found:
        assert text[m.start : m.end] == m.text
        assert m.start >= prev_end and m.end > m.start
        assert m.text == m.text.strip()
        assert 0.0 <= m.strength <= 1.0
        prev_end = m.end


# --------------------------------------------------------------------------- CNC evaluation helpers
def test_parse_marked_spans() -> None:
    text, rel = cnc.parse_marked(
        "<ARG1>Riots broke out</ARG1> <SIG0>after</SIG0> <ARG0>police shot a <SIG1>man</SIG1></ARG0> ."
    )
    assert text == "Riots broke out after police shot a man ."
    assert [text[a:b] for a, b in rel.signals] == ["after", "man"]
    assert [text[a:b] for a, b in rel.cause] == ["police shot a man"]
    assert [text[a:b] for a, b in rel.effect] == ["Riots broke out"]


def test_cnc_evaluate_on_tiny_corpus(tmp_path: Path) -> None:
    (tmp_path / "train_subtask2.csv").write_text(
        "corpus,doc_id,sent_id,eg_id,index,text,text_w_pairs,seq_label,pair_label,context,num_sents\n"
        'cnc,d,1,0,i1,"Riots broke out in response to the killing .",'
        '"<ARG1>Riots broke out</ARG1> <SIG0>in response to</SIG0> <ARG0>the killing</ARG0> .",1,1,,1\n'
        'cnc,d,2,0,i2,"The arrest led to protests .",'
        '"<ARG0>The arrest</ARG0> <SIG0>led</SIG0> to <ARG1>protests</ARG1> .",1,1,,1\n',
        encoding="utf-8",
    )
    (tmp_path / "train_subtask1.csv").write_text(
        "index,text,label\na,The arrest led to protests .,1\nb,The sky is blue .,0\nc,Police arrived .,1\n",
        encoding="utf-8",
    )
    result = cnc.evaluate(tmp_path)
    assert result.signals is not None and result.direction is not None and result.sentence is not None
    assert result.signals.gold_signals == 2
    assert result.signals.exact.tp_gold == 1 and result.signals.overlap.tp_gold == 2
    assert result.direction.accuracy == 1.0
    assert (result.sentence.tp, result.sentence.fp, result.sentence.fn, result.sentence.tn) == (1, 0, 1, 1)
    out = cnc.render(result)
    assert "Signal spans" in out and "Sentence causality" in out


def test_cnc_main_reports_rules_errors(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    data = tmp_path / "cnc"
    data.mkdir()
    (data / "train_subtask1.csv").write_text("index,text,label\na,x,1\n", encoding="utf-8")
    rules = write_rules(tmp_path / "rules", "version: 1\ncues: [\n")
    assert cnc.main([str(data), "--rules", str(rules)]) == 2
    assert "cues.yaml:" in capsys.readouterr().err


def test_cnc_main_missing_folder(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    assert cnc.main([str(tmp_path / "nope")]) == 0
    assert "not found" in capsys.readouterr().out


# --------------------------------------------------------------------------- dispatch = reference
# ``CueMatcher.find`` dispatches on word starts; ``_find_reference`` runs the combined regex at
# every position. They must agree exactly, on any text and any start/end.
def assert_same(m: CueMatcher, text: str, start: int = 0, end: int | None = None) -> list[CueMatch]:
    got = m.find(text, start, end)
    assert got == m._find_reference(text, start, end), (text, start, end)
    low = lowered(text)
    if low is not None:  # the scan on the lower-cased text, as the pipeline runs it
        assert m.find(text, start, end, low) == got, (text, start, end)
    return got


_SAMPLES = {
    "num": ["3", "two", "a few", "12.5", "several", "a couple of", "An", "1,000"],
    "month": ["May", "sept", "JANUARY", "Dec"],
    "weekday": ["Monday", "friday"],
    "year": ["2019", "1998", "2100"],
    "word": ["militants", "O'Brien", "al-Shabaab", "x", "Police"],
}
_GROUP = re.compile(r"\(([^()]*)\)(\?)?")
_PLACEHOLDER = re.compile(r"<(\w+)>")


def expand(pattern: str, rng: random.Random) -> str:
    """One random text the cue ``pattern`` describes (or nearly: every syntax branch is exercised)."""
    text = _GROUP.sub(lambda g: "" if g[2] and rng.random() < 0.4 else rng.choice(g[1].split("|")), pattern)
    text = "".join(
        rng.choice(["-", " ", "", " \u2013 ", "\u2014"])
        if ch == "-"
        else rng.choice(["'", "\u2019"])
        if ch == "'"
        else ch
        for ch in text
    )
    text = _PLACEHOLDER.sub(lambda p: rng.choice(_SAMPLES[p[1]]), text)
    text = re.sub(r" +", lambda s: rng.choice([" ", "  ", "\n", " "]), text.strip())
    return rng.choice([text, text, text.upper(), text.capitalize()])


def pattern_sentences(matcher: CueMatcher, per_pattern: int = 4, seed: int = 7) -> list[str]:
    rng = random.Random(seed)
    out: list[str] = []
    for spec in matcher.specs:
        before = spec.preceded_by + spec.not_preceded_by
        after = spec.followed_by + spec.not_followed_by
        for pattern in spec.patterns:
            for i in range(per_pattern):
                cue = expand(pattern, rng)
                if i == 0:  # the first sentences of each pattern have the contexts the cue asks for
                    pre = expand(rng.choice(spec.preceded_by), rng) if spec.preceded_by else "police said"
                    post = expand(rng.choice(spec.followed_by), rng) if spec.followed_by else "the attack"
                else:
                    pre = expand(rng.choice(before), rng) if before and rng.random() < 0.7 else "police said"
                    post = expand(rng.choice(after), rng) if after and rng.random() < 0.7 else "the attack"
                out += [
                    cue,
                    f"{cue}.",
                    f"{cue.capitalize()}, troops fired on protesters.",
                    f"Clashes erupted {cue} {post} on Monday.",
                    f"He was {pre} {cue} {post}, officials said.",
                    f"{pre}{cue}{post}",
                    f'"{cue}" - {cue}-{cue}\'{cue}',
                ]
    return out


def test_dispatch_is_used_for_the_bundled_lexicon(matcher: CueMatcher) -> None:
    assert matcher._fast
    assert matcher._direct


def test_dispatch_equals_reference_on_pattern_sentences(matcher: CueMatcher) -> None:
    sentences = pattern_sentences(matcher)
    assert len(sentences) > 3000
    found = 0
    for text in sentences:
        found += len(assert_same(matcher, text))
        assert_same(matcher, text, 3, len(text) - 2)
    assert found > len(sentences) // 2  # the sentences really are full of cues
    # Every cue entry is matched somewhere.
    seen = {m.cue for text in sentences for m in matcher.find(text)}
    assert seen == {s.id for s in matcher.specs}


NEWS = [
    "Israeli jets struck Gaza in retaliation for rocket fire, the army said.",
    "In retaliation, militants fired two rockets at Sderot.",
    "Hamas vowed revenge after the killing of its commander.",
    "The strike came in response to an attack on a patrol a day earlier.",
    "Protesters clashed with police in protest against the new tax law.",
    "The arrest of the opposition leader led to days of rioting in the capital.",
    "The bombing resulted in 12 deaths and prompted a curfew.",
    "Two days later, security forces raided the camp.",
    "Since 2019, more than 300 people have been killed in the region.",
    "Since the coup, the junta has arrested dozens of activists.",
    "After the raid, militants fired rockets; three hours later the army responded.",
    "Police fired tear gas after demonstrators threw stones.",
    "The violence was triggered by the death of a student in custody.",
    "Because of the curfew, the market remained closed on Friday.",
    "As a result, the government declared a state of emergency.",
    "Following the clashes, the governor imposed a 24-hour curfew.",
    "The clashes that followed left three dead and 15 injured.",
    "Earlier on Tuesday, gunmen attacked a checkpoint near Kidal.",
    "Before the vote, the opposition called for a boycott.",
    "A few minutes before the explosion, witnesses saw a car speeding away.",
    "The next day, thousands marched to demand justice.",
    "On 3 May 2020, unidentified armed men killed two farmers in Djibo.",
    "Rioters torched cars and looted shops, angered by the verdict.",
    "The killing sparked protests in several cities.",
    "Tit-for-tat strikes continued through the night.",
    "Militants launched a counter-attack, killing 7 soldiers.",
    "Troops hit back, killing at least 20 fighters.",
    "Farmers protested over the delay in payment of subsidies.",
    "Students marched to protest the arrest of their leader.",
    "Two men were arrested for the murder of a journalist.",
    "The explosion, which caused panic, was heard across the city.",
    "Clashes were reported in the wake of the election results.",
    "The attack was carried out in revenge for the death of a cleric.",
    "AL-SHABAAB MILITANTS ATTACKED A BASE IN RETALIATION FOR AIRSTRIKES.",
    "in response to the strikes, the group declared a ceasefire",
    "The government responded to the protests by cutting internet access.",
    "Police said the riot was due to a land dispute, after which 40 were detained.",
    "The army said it had retaliated against positions held by the rebels.",
    "Retaliatory strikes hit several villages on 12 May.",
    "The protest was in connection with the detention of a local chief.",
    "Residents blocked the road demanding the release of detainees.",
    "Hours after the blast, police cordoned off the area.",
    "Then, on Sunday, the militia attacked again.",
    "He had been held since May 2019 without charge.",
    "Since then, no group has claimed responsibility.",
    "The victims were killed in reprisal for the ambush.",
    "Reprisal attacks followed in neighbouring villages.",
    "Security forces arrested him for questioning after the rally.",
    "Fighting broke out, leaving dozens of people dead and hundreds homeless.",
    "Six soldiers were wounded; two civilians were later found dead.",
    "The military responded by shelling the town.",
    "A week later, the protesters returned to the square.",
    "In the weeks that followed, at least 50 people were arrested.",
    "The police\u2019s response drew condemnation \u2014 in return, the union called a strike.",
    "Counter\u2013attacks by government forces were reported near the border.",
    "Rebels seized the town\u2019s airport after a two-day siege.",
    "On Monday, Jan. 6, gunmen opened fire on worshippers, sparking panic.",
    "The clash occurred shortly before midnight near the market.",
    "The arrests came after weeks of protests over fuel prices.",
    "Villagers fled after armed men set fire to houses.",
    "Those killed included a 12-year-old boy, according to medics.",
    "Dozens were injured as police dispersed the crowd with live ammunition.",
    "Taliban fighters attacked a checkpoint in retaliation; 4 policemen were killed.",
    "The group said the bombing was payback for the killing of its leader.",
    "The court sentenced him for inciting violence.",
    "The strikes caused extensive damage to infrastructure.",
    "Casualties caused by the shelling rose to 30.",
    "This prompted the UN to call for restraint.",
    "The march was peaceful, but later turned violent.",
    "Years of neglect provoked the uprising, analysts say.",
]


def news_variants() -> list[str]:
    out = list(NEWS)
    out += [s.upper() for s in NEWS] + [s.lower() for s in NEWS]
    out += [f"{a} {b}" for a, b in zip(NEWS, NEWS[1:] + NEWS[:1], strict=True)]
    out += [s.replace(" ", "\u00a0") for s in NEWS[::3]] + [s.replace(" ", "\n") for s in NEWS[1::3]]
    return out


def test_dispatch_equals_reference_on_news(matcher: CueMatcher) -> None:
    texts = news_variants()
    assert len(texts) > 300
    for text in texts:
        assert_same(matcher, text)
        for start in range(0, len(text), 17):
            assert_same(matcher, text, start, start + 40)
    assert sum(1 for s in NEWS if matcher.find(s)) > len(NEWS) * 3 // 4  # and negatives too


# Cue words, pieces of cues and confusable characters (case folding, digits, spaces, dashes).
_CUE_WORDS = sorted(
    {
        w
        for spec in load_cues().specs
        for p in spec.patterns + spec.followed_by + spec.not_followed_by
        for w in re.findall(r"[A-Za-z]+", p)
    }
)
_PIECES = st.one_of(
    st.sampled_from(_CUE_WORDS),
    st.sampled_from(_CUE_WORDS).map(str.upper),
    st.sampled_from(
        [
            " ",
            "  ",
            ", ",
            ". ",
            "\n",
            "\u00a0",
            "-",
            "\u2013",
            "'",
            "\u2019",
            "3",
            "12",
            "\u0663",
            "2019",
            "a few",
            "\u017f",
            "\u212a",
            "\u0130",
            "\u0131",
            "\u00e9",
            "(",
            '"',
            "_",
            "days",
            "later",
            "may",
        ]
    ),
    st.text(max_size=3),
)


@settings(max_examples=1500, deadline=None)
@given(
    parts=st.lists(_PIECES, max_size=30),
    sep=st.sampled_from([" ", "", "  ", "-"]),
    start=st.integers(0, 40),
    span=st.one_of(st.none(), st.integers(0, 120)),
)
def test_dispatch_equals_reference_property(parts: list[str], sep: str, start: int, span: int | None) -> None:
    matcher = load_cues()
    text = sep.join(parts)
    assert_same(matcher, text)
    assert_same(matcher, text, start, None if span is None else start + span)


def test_canonical_characters_follow_the_regex_engine() -> None:
    """Every character that a pattern literal or class matches (ignoring case) has its canonical form."""
    from escalate.links.cues import _canon

    everything = "".join(chr(c) for c in range(0x110000))
    literals = "abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789.'\u2019\u2018`-\u2010\u2011\u2012\u2013\u2014,"
    for lit in literals:
        want = firstchars.norm_text(lit)
        for rx in (re.escape(lit), f"[{re.escape(lit)}_]"):
            for ch in re.findall(rx, everything, re.IGNORECASE):
                if ch != "_":
                    assert _canon(ch) == want, (lit, ch)
                    assert re.fullmatch(r"\w", ch) or not lit.isalnum()
    for rx, want in ((r"\d", "0"), (r"\s", " ")):
        for ch in re.findall(rx, everything):
            assert _canon(ch) == want, (rx, ch)


LOOSE_LEXICON = (
    "version: 1\ncues:\n"
    "  - id: left_dead\n"
    "    patterns: ['(<word>)? (<word>)? (dead|injured|wounded)', '(<num>)? (people|civilians) killed']\n"
    "    kind: causal\n    direction: cause_first\n    strength: 0.6\n"
    "  - id: later\n"
    "    patterns: ['<num> (day|days) later', '(the)? (next|following) day', 'later']\n"
    "    kind: temporal\n    direction: cause_first\n    strength: 0.3\n"
    "    not_followed_by: ['(<word> )?on']\n"
    "  - id: dead_after\n"
    "    patterns: ['(<word> <word>|<word>)? dead (after|following)', '(a|an)? (<word>)? response to']\n"
    "    kind: causal\n    direction: effect_first\n    strength: 0.7\n"
    "    preceded_by: ['(were|was)']\n"
)


def test_loose_alternatives_are_anchored(tmp_path: Path) -> None:
    m = load_cues(write_rules(tmp_path, LOOSE_LEXICON))
    assert m._fast and m._anchor and m._runs
    texts = [
        "Three were left dead after the raid.",
        "Many people were badly injured and two civilians killed.",
        "They were dead following the clash; five days later police came. Later on, more came.",
        "A swift response to the attack; an angry response to it.",
        "O'Brien-Smith dead after it. x y z injured",
        "  dead",
        "dead",
        "a b c d e f dead",
        "\u0130njured  \u017fix dead after",
    ]
    for text in texts:
        assert_same(m, text)
        for start in range(len(text)):
            assert_same(m, text, start)
            assert_same(m, text, 0, start)
    rng = random.Random(3)
    words = [
        "dead",
        "injured",
        "after",
        "people",
        "killed",
        "days",
        "later",
        "the",
        "next",
        "day",
        "on",
        "o'x",
        "a-b",
        "response",
        "to",
        "were",
        "2",
        "a few",
        ",",
        ".",
        "\n",
        "-",
        "\u2019s",
    ]
    for _ in range(3000):
        text = rng.choice([" ", "  ", ""]).join(rng.choice(words) for _ in range(rng.randrange(12)))
        assert_same(m, text)


def test_unanalysable_lexicon_falls_back_to_reference(tmp_path: Path) -> None:
    body = (
        "version: 1\ncues:\n"
        "  - id: odd\n    patterns: [\"'s wake\", 'after']\n    kind: temporal\n"
        "    direction: effect_first\n    strength: 0.3\n"
    )
    m = load_cues(write_rules(tmp_path, body))
    assert not m._fast
    assert [x.text for x in assert_same(m, "In the \u2019s wake, after it")] == ["\u2019s wake", "after"]
