"""Event lexicon: PLOVER categories, modes, triggers and role vocabulary, compiled once.

Files: ``rules/events/plover_*.yaml`` (one PLOVER category each), ``suppress.yaml``
(phrases that are never events) and ``roles.yaml`` (role, modality, casualty words).
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from functools import lru_cache
from pathlib import Path
from typing import Literal

from pydantic import Field, model_validator

from escalate.errors import Problem, RulesError
from escalate.events.actors import Kind as ActorKindName
from escalate.models import Strict
from escalate.trie import Caseless, trie_pattern
from escalate.yamlio import load_yaml, validate

PLOVER = (
    "AGREE", "CONSULT", "SUPPORT", "CONCEDE", "COOPERATE", "AID", "RETREAT", "REQUEST",
    "ACCUSE", "REJECT", "THREATEN", "PROTEST", "SANCTION", "MOBILIZE", "COERCE", "ASSAULT",
)
Category = Literal[
    "AGREE", "CONSULT", "SUPPORT", "CONCEDE", "COOPERATE", "AID", "RETREAT", "REQUEST",
    "ACCUSE", "REJECT", "THREATEN", "PROTEST", "SANCTION", "MOBILIZE", "COERCE", "ASSAULT",
]


class ModeSpec(Strict):
    id: str
    description: str | None = None
    cameo: str | None = None
    intensity: float | None = Field(default=None, ge=-10, le=10)
    cues: list[str] = Field(default_factory=list)
    # modes of trigger entries this mode refines when one of its cues names the means just before the
    # trigger ("jets bombed": aerial refines a bombing's explosives; "a drone bombed": drone)
    refines: list[str] = Field(default_factory=list)


class TriggerSpec(Strict):
    verb: str | None = None
    noun: str | None = None
    phrase: str | None = None
    adj: str | None = None
    forms: list[str] = Field(default_factory=list)
    mode: str | None = None
    cameo: str | None = None
    intensity: float | None = Field(default=None, ge=-10, le=10)
    requires_any: list[str] = Field(default_factory=list)
    # kinds of party ("armed_group", "military") whose naming in the sentence also meets ``requires_any``
    # ("The RSF stormed Zamzam": no troops, gunmen or camp, but an armed group)
    requires_party: list[ActorKindName] = Field(default_factory=list)
    excludes_any: list[str] = Field(default_factory=list)
    # words that, up to three words before the trigger, make it the grounds of something else
    # ("arrested on treason charges", "wanted on charges of"): no event of its own
    not_after: list[str] = Field(default_factory=list)
    # words one of which must stand right before the trigger (an adverb in -ly and an opening quote may
    # come between): "the strike was (totally) "reckless"", not "reckless driving"
    only_after: list[str] = Field(default_factory=list)
    passive: bool = True
    target: str = "object"

    @model_validator(mode="after")
    def _one_kind(self) -> TriggerSpec:
        given = [k for k in ("verb", "noun", "phrase", "adj") if getattr(self, k)]
        if len(given) != 1:
            raise ValueError("a trigger needs exactly one of verb, noun, phrase, adj")
        return self

    @property
    def pos(self) -> str:
        return next(k for k in ("verb", "noun", "phrase", "adj") if getattr(self, k))

    @property
    def base(self) -> str:
        return str(getattr(self, self.pos))


class CategorySpec(Strict):
    category: Category
    description: str | None = None
    quad: Literal["verbal-cooperation", "material-cooperation", "verbal-conflict", "material-conflict"]
    cameo: str = Field(pattern=r"^\d{2,4}$")
    intensity: float = Field(ge=-10, le=10)
    modes: list[ModeSpec] = Field(default_factory=list)
    triggers: list[TriggerSpec]


class SuppressSpec(Strict):
    phrases: list[str] = Field(default_factory=list)


class Modality(Strict):
    window: int = 7
    conditional_scope: list[str] = Field(default_factory=list)
    requested: list[str] = Field(default_factory=list)
    future_clause: list[str] = Field(default_factory=list)
    # an act dated after the report's publication, in a clause with one of these, is still to come
    scheduled: list[str] = Field(default_factory=list)
    negated: list[str]
    hypothetical: list[str]
    future: list[str]
    infinitive_aspectual: list[str] = Field(default_factory=list)
    habitual: list[str]
    habitual_progressive: list[str] = Field(default_factory=list)
    # a toll told in the perfect with one of these counts over a period, no one act ("29 soldiers have
    # been killed since January", "which has killed hundreds of soldiers this year")
    aggregate: list[str] = Field(default_factory=list)
    # a gerund that is the subject of one of these names a kind of act, it tells none
    # ("removing the sanctions is out of the question", "attacking Iran would be a mistake")
    named_act: list[str] = Field(default_factory=list)
    named_act_not_before: list[str] = Field(default_factory=list)  # "fighting in the city is fierce"
    # verbs of threat or promise whose object, an act noun a few words on, is still to come
    # ("threatened further strikes", "vowed more attacks on shipping")
    threatened_object: list[str] = Field(default_factory=list)
    denied: list[str]


class CasualtyCues(Strict):
    after_number: list[str] = Field(default_factory=list)
    before_number: list[str] = Field(default_factory=list)
    none: list[str] = Field(default_factory=list)


class Casualties(Strict):
    fatalities: CasualtyCues
    injuries: CasualtyCues


class DateCarriers(Strict):
    verbs: list[str]
    nouns: dict[str, list[Category]]


class Interception(Strict):
    verbs: list[str] = Field(default_factory=list)
    weapons: list[str] = Field(default_factory=list)
    # one of these, a state's, shot down: an act against that state ("Iran shot down a US drone")
    state_aircraft: list[str] = Field(default_factory=list)


class Coordination(Strict):
    conjunctions: list[str] = Field(default_factory=list)
    skip: list[str] = Field(default_factory=list)


class Targeted(Strict):
    by: list[Category] = Field(default_factory=list)
    names: list[Category] = Field(default_factory=list)


class Identification(Strict):
    perpetrators: list[str]  # nouns for unnamed perpetrators ("attackers", "gunmen")
    links: list[str]  # between those nouns and the party ("were members of", "belonged to")
    verbs: list[str] = Field(default_factory=list)  # "identified <perpetrators> as <party>"


class RolesSpec(Strict):
    clause_breaks: list[str]
    reporting_verbs: list[str]
    speech_verbs: list[str] = Field(default_factory=list)
    future_content_categories: list[str] = Field(default_factory=list)
    instrument_nouns: list[str] = Field(default_factory=list)
    # nouns after a person's name that make it the name of a place ("the Mubarak field", "Ben Gurion
    # airport", "King Fahd air base"): neither that person nor any party
    named_place_nouns: list[str] = Field(default_factory=list)
    listener_verbs: list[str] = Field(default_factory=list)
    # verbs that give a name in quotes: no word of the name tells an act ("an operation dubbed
    # "Decisive Storm"", "code-named "Iron Sword"")
    naming_verbs: list[str] = Field(default_factory=list)
    # nouns of an accusation whose act follows "of" and whose accused follows "against" or "by"
    # ("allegations of torture against Russian troops": the troops are the act's alleged actor)
    allegation_nouns: list[str] = Field(default_factory=list)
    support_verbs: list[str]
    attribution_verbs: list[str]
    attribution_links: list[str]
    perpetrator_links: list[str] = Field(default_factory=list)
    # "bases hosting US troops", "a base housing American forces": the party hosted is what was hit
    hosting_verbs: list[str] = Field(default_factory=list)
    # "Friday's strike appears to be Israel's response", "Israel's response came on Friday, with a strike":
    # nouns for a party's answer to an act, and the verbs that tie an event noun to it
    response_nouns: list[str] = Field(default_factory=list)
    response_copulas: list[str] = Field(default_factory=list)
    # "police said the attackers were members of X", "identified the gunmen as X fighters": a named
    # party identifies the unnamed perpetrators of the violent acts told before
    identification: Identification | None = None
    agent_phrases: list[str]
    target_prepositions: list[str]
    # per category, more prepositions that introduce an event noun's target ("military aid to Ukraine",
    # "an aid package for Ukraine", "support for Kyiv")
    noun_target_prepositions: dict[str, list[str]] = Field(default_factory=dict)
    member_prepositions: list[str] = Field(default_factory=list)
    # "the missiles fired at the base": after a weapon noun these verbs are participles (a weapon does not
    # fire), whose actor is only an agent after them; "drones struck X" stays a finite verb
    weapon_participles: list[str] = Field(default_factory=list)
    # categories whose act on places in another state, naming no party hit, is an act on that state
    # ("a drone attack on airfields deep inside Russia")
    place_target_categories: list[str] = Field(default_factory=list)
    # categories whose verb's object is the force put to use, not a party acted on ("dispatched a naval
    # task force", "deployed troops"): an unidentified force there is no target
    force_object_categories: list[str] = Field(default_factory=list)
    # complement heads whose coordinated verb still tells their topic ("staged a demonstration and
    # demanded the release of prisoners"); after other heads it is a second act ("held an emergency
    # meeting and demanded that the forces withdraw")
    coordinated_topic_heads: list[str] = Field(default_factory=list)
    # "claimed by a new group affiliated with X": nouns for an unnamed affiliate of a named party,
    # which stands for that party as an agent (with ``affiliate_links`` between them)
    affiliate_nouns: list[str] = Field(default_factory=list)
    affiliate_links: list[str] = Field(default_factory=list)
    scope_barriers: list[str] = Field(default_factory=list)
    victim_verbs: list[str]
    # event nouns whose possessive person is the one it befell ("Haniyeh's killing", "the
    # commander's assassination"), unless "of" names that ("Israel's killing of Haniyeh")
    victim_nouns: list[str] = Field(default_factory=list)
    # passive participles whose "by/in/with" noun is the means of harm ("were hit by gunfire",
    # "were killed in a rocket attack"): the passive subject is that event's target
    means_participles: list[str] = Field(default_factory=list)
    detail_verbs: list[str]
    relative_markers: list[str]
    symmetric_categories: list[Category] = Field(default_factory=list)
    # categories whose act a pair subject ("both sides", "the two countries") does each towards the other
    pair_acts: list[Category] = Field(default_factory=list)
    # appeals and good offices of a third party that, with no target named, are aimed at the two sides
    # the story is about ("The United States called for calm", "mediation by Angola"): CATEGORY or
    # CATEGORY/mode
    pair_appeals: list[str] = Field(default_factory=list)
    # short asides that may stand, between commas, between a speaker and its reporting verb
    # ("<party>, in turn, said", "<party>, for its part, said")
    speaker_asides: list[str] = Field(default_factory=list)
    distinct_modes: list[Category] = Field(default_factory=list)
    # trigger words (lexicon entries) that name a whole category ("attack"): a definite noun told with
    # one is no more likely to refer to an act told with the same word than to any other act
    generic_words: list[str] = Field(default_factory=list)
    # categories whose modes told in one sentence are one act (an attack with guns and grenades)
    one_act_modes: list[Category] = Field(default_factory=list)
    complement_heads: list[Category] = Field(default_factory=list)
    complement_keeps: list[Category] = Field(default_factory=list)
    complement_targets: list[Category] = Field(default_factory=list)
    complement_irrealis: list[Category] = Field(default_factory=list)
    complement_verb_heads: list[Category] = Field(default_factory=list)
    infinitive_heads: list[str] = Field(default_factory=list)
    # nouns of intention whose possessor does the act of their "to" ("France's decision to suspend
    # aid": France suspends, whoever the sentence's subject is)
    intention_nouns: list[str] = Field(default_factory=list)
    interception: Interception = Field(default_factory=Interception)
    complement_window: int = 12
    # category of an act -> "CATEGORY" or "CATEGORY/mode" of participle clauses that tell how it was
    # done ("protesters rioted, setting fire to cars"): such a clause folds into the act
    participle_details: dict[Category, list[str]] = Field(default_factory=dict)
    # a verb right after one of ``conjunctions`` (``skip`` words aside) shares the previous act's subject
    coordination: Coordination = Field(default_factory=Coordination)
    # an event noun of a ``names`` category that an act of a ``by`` category is aimed at names its target
    targeted: Targeted = Field(default_factory=Targeted)
    # nouns of a fight that, told after "after" with no party of their own acting, are how the act
    # before the cue was done ("retook the village after fierce fighting with guerrillas")
    process_nouns: list[str] = Field(default_factory=list)
    # nouns of number between a support verb and its event noun ("responded with waves of air strikes")
    quantity_nouns: list[str] = Field(default_factory=list)
    modality: Modality
    numbers: dict[str, int]
    number_scales: dict[str, int] = Field(default_factory=dict)  # "a hundred", "two thousand"
    quantifiers: list[str]
    casualties: Casualties
    noun_cues: list[str] = Field(default_factory=list)
    verb_cues: list[str] = Field(default_factory=list)
    definite: list[str]
    latest: list[str]
    date_carriers: DateCarriers

    @model_validator(mode="after")
    def _details_named(self) -> RolesSpec:
        for head, details in self.participle_details.items():
            for d in details:
                if d.split("/", 1)[0] not in PLOVER:
                    raise ValueError(f"participle_details.{head}: {d!r} is not CATEGORY or CATEGORY/mode "
                                     f"(categories: {', '.join(PLOVER)})")
        return self


@dataclass(frozen=True)
class Trigger:
    category: str
    spec: TriggerSpec
    form: str  # base | s | ed | ing | plural | phrase
    cameo: str
    intensity: float
    file: str
    # derived once from the entry (read for every occurrence in the text)
    pos: str = field(init=False)  # verb | noun | phrase | adj
    lemma: str = field(init=False)
    reading: str = field(init=False)  # how the entry reads by itself: verb | noun

    def __post_init__(self) -> None:
        pos = self.spec.pos
        object.__setattr__(self, "pos", pos)
        object.__setattr__(self, "lemma", self.spec.base.lower())
        reading = "noun"
        if pos == "verb":
            reading = "verb"
        elif pos == "phrase":
            head = self.spec.base.split(" ")[0].lower()
            reading = "verb" if head.endswith(("ed", "ing")) or head in _IRREGULAR_PAST else "noun"
        object.__setattr__(self, "reading", reading)


def _inflect_verb(word: str) -> dict[str, str]:
    head, _, rest = word.partition(" ")
    tail = f" {rest}" if rest else ""

    def s_form(w: str) -> str:
        if re.search(r"(s|x|z|ch|sh)$", w):
            return w + "es"
        if re.search(r"[^aeiou]y$", w):
            return w[:-1] + "ies"
        return w + "s"

    def ed_form(w: str) -> str:
        if w.endswith("e"):
            return w + "d"
        if re.search(r"[^aeiou]y$", w):
            return w[:-1] + "ied"
        return w + "ed"

    def ing_form(w: str) -> str:
        if w.endswith("ie"):
            return w[:-2] + "ying"
        if w.endswith("e") and not w.endswith("ee"):
            return w[:-1] + "ing"
        return w + "ing"

    return {
        head + tail: "base", s_form(head) + tail: "s", ed_form(head) + tail: "ed", ing_form(head) + tail: "ing",
    }


def _plural(word: str) -> str:
    head, _, last = word.rpartition(" ")
    pre = f"{head} " if head else ""
    if re.search(r"(s|x|z|ch|sh)$", last):
        return pre + last + "es"
    if re.search(r"[^aeiou]y$", last):
        return pre + last[:-1] + "ies"
    return pre + last + "s"


def _form_of(form: str, spec: TriggerSpec) -> str:
    """Guess the grammatical form of an explicit surface form."""
    if spec.pos != "verb":
        return "phrase" if spec.pos == "phrase" else "noun"
    head = form.split(" ")[0]
    if head.endswith("ing"):
        return "ing"
    if head.endswith("ed") or head in _IRREGULAR_PAST:
        return "ed"
    if head.endswith("s") and head != spec.base.split(" ")[0]:
        return "s"
    return "base"


_IRREGULAR_PAST = frozenset(
    "struck shot hit fought beat beaten blew blown threw thrown took taken stole stolen seized shut sent "
    "met held led began begun brought bought built caught cut drove driven fell fallen fled flew flown "
    "forbade forbidden gave given got gotten hung laid lay left lost made put quit ran rang rose sank "
    "saw seen set shook slain slew sold spoke spoken spent split spread stood stuck swore sworn tore "
    "torn told undertook undertaken withdrew withdrawn won wrote written bore borne overran overrun "
    "overthrew overthrown shelled gunned downed swept overtook overtaken drew drawn".split()
)


class EventLexicon:
    def __init__(self, categories: list[CategorySpec], suppress: SuppressSpec, roles: RolesSpec,
                 files: dict[str, str]):
        self.categories = {c.category: c for c in categories}
        self.roles = roles
        self.surface: dict[str, list[Trigger]] = {}
        for c in categories:
            for t in c.triggers:
                cameo = t.cameo or c.cameo
                intensity = t.intensity if t.intensity is not None else c.intensity
                forms: dict[str, str] = {}
                if t.pos == "verb":
                    forms.update(_inflect_verb(t.base.lower()))
                elif t.pos == "noun":
                    forms[t.base.lower()] = "noun"
                    forms[_plural(t.base.lower())] = "plural"
                else:
                    forms[t.base.lower()] = t.pos
                for f in t.forms:
                    forms.setdefault(f.lower(), _form_of(f.lower(), t))
                for f, kind in forms.items():
                    self.surface.setdefault(f, []).append(
                        Trigger(c.category, t, kind, cameo, intensity, files[c.category])
                    )
        self.regex = Caseless(r"(?<![\w-])(" + trie_pattern(self.surface) + r")(?![\w-])")
        # context filters, compiled once per trigger entry (searched in the normalised, lower-cased
        # sentence: case-sensitive patterns of lower-case words)
        self.context: dict[int, tuple[re.Pattern[str] | None, re.Pattern[str] | None]] = {}
        self.not_after: dict[int, re.Pattern[str]] = {}
        self.only_after: dict[int, re.Pattern[str]] = {}
        self.party_kinds: dict[int, frozenset[str]] = {}  # an entry's ``requires_party``
        for c in categories:
            for t in c.triggers:
                self.context[id(t)] = (_alternation(t.requires_any, 0), _alternation(t.excludes_any, 0))
                if t.requires_party:
                    self.party_kinds[id(t)] = frozenset(t.requires_party)
                if t.not_after:
                    self.not_after[id(t)] = re.compile(
                        rf"(?<![\w-])(?:{trie_pattern(w.lower() for w in t.not_after)})\s+(?:[\w'’-]+\s+){{0,3}}$", re.I)
                if t.only_after:
                    self.only_after[id(t)] = re.compile(
                        rf"(?<![\w-])(?:{trie_pattern(w.lower() for w in t.only_after)})(?:\s+[\w-]+ly)?\s+[\"“‘']?$", re.I)
        self.suppress = Caseless(_phrases(suppress.phrases)) if suppress.phrases else None
        # per category, the cue words of all its modes: ``find`` (one trie) gives the positions where
        # some cue starts, ``which`` the first mode (in file order) whose cue starts there, as group
        # ``m<index>`` (one trie per mode, tried in turn: run only where ``find`` stopped)
        self.mode_scan: dict[str, ModeScan] = {}
        for c in categories:
            cued = [m for m in c.modes if m.cues]
            if cued:
                body = "|".join(f"(?P<m{i}>{trie_pattern(w.lower() for w in m.cues)}(?![\\w-]))"
                                for i, m in enumerate(cued))
                every = trie_pattern(w.lower() for m in cued for w in m.cues)
                self.mode_scan[c.category] = ModeScan(
                    Caseless(rf"(?<![\w-])(?=(?:{every})(?![\w-]))"), Caseless(rf"(?:{body})"), cued,
                    frozenset(r for m in cued for r in m.refines))

    def normal(self, text: str) -> str:
        return _SPACE_RUN.sub(" ", text.lower()).replace("’", "'")


_SPACE_RUN = re.compile(r"\s+")


@dataclass(frozen=True)
class ModeScan:
    """The mode cues of one category, compiled (see ``EventLexicon.mode_scan``)."""

    find: Caseless
    which: Caseless
    modes: list[ModeSpec]
    refinable: frozenset[str] = frozenset()  # modes some mode here refines


def _phrases(words: list[str]) -> str:
    """One word-bounded pattern of lower-case literals for a list of phrases."""
    return rf"(?<![\w-])(?:{trie_pattern(w.lower() for w in words)})(?![\w-])"


def _alternation(words: list[str], flags: int = re.I) -> re.Pattern[str] | None:
    """One compiled, word-bounded pattern for a list of phrases (or None): case-insensitive, unless
    ``flags`` says otherwise (for text already lower-cased)."""
    if not words:
        return None
    return re.compile(_phrases(words), flags)


def load_events(rules_dir: Path) -> EventLexicon:
    """The event lexicon of ``<rules_dir>/events``, cached by that folder's real path."""
    return _load_events((rules_dir / "events").resolve())


@lru_cache(maxsize=8)
def _load_events(folder: Path) -> EventLexicon:
    problems: list[Problem] = []
    cats: list[CategorySpec] = []
    files: dict[str, str] = {}
    for path in sorted(folder.glob("plover_*.yaml")):
        try:
            spec = validate(CategorySpec, load_yaml(path))
        except RulesError as exc:
            problems.extend(exc.problems)
            continue
        if spec.category in files:
            problems.append(Problem(str(path), 1, 1, f"category {spec.category} also defined in {files[spec.category]}",
                                    check="duplicate_id"))
            continue
        files[spec.category] = str(path)
        cats.append(spec)
    suppress = SuppressSpec()
    roles = None
    try:
        if (folder / "suppress.yaml").exists():
            suppress = validate(SuppressSpec, load_yaml(folder / "suppress.yaml"))
        roles = validate(RolesSpec, load_yaml(folder / "roles.yaml"))
    except RulesError as exc:
        problems.extend(exc.problems)
    if not cats and not problems:
        problems.append(Problem(str(folder), 0, 0, "no plover_*.yaml category files", check="schema"))
    if problems:
        raise RulesError(problems)
    assert roles is not None
    return EventLexicon(cats, suppress, roles, files)
