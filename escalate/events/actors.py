"""Actor lexicon: named actors, generic descriptions, sides.

Knowledge lives in ``rules/actors/*.yaml``. This module compiles every alias, demonym and
capital into one regular expression (longest first) and composes generic descriptions
("Iran-backed militia", "US troops", "security forces") from the vocabulary in
``rules/actors/generic.yaml``.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from datetime import date
from functools import lru_cache
from pathlib import Path
from typing import Any, Literal

from pydantic import Field, model_validator

from escalate.errors import Problem, RulesError
from escalate.models import ActorRef, Strict, trusted
from escalate.trie import Caseless, alternation, trie_pattern
from escalate.yamlio import load_listed

Kind = Literal[
    "state", "government", "military", "police", "armed_group", "party", "person", "organisation", "population"
]


class Office(Strict):
    title: str | None = None
    agent_of: str
    from_: date | None = Field(default=None, alias="from")
    to: date | None = None


class ActorEntry(Strict):
    id: str
    name: str
    kind: Kind
    country: str | None = None
    aliases: list[str] = Field(default_factory=list)
    demonyms: list[str] = Field(default_factory=list)
    capitals: list[str] = Field(default_factory=list)
    agent_of: str | None = None
    member_of: list[str] = Field(default_factory=list)
    backed_by: list[str] = Field(default_factory=list)
    # armed groups that fight alongside this one (a tie both ways, written once): each is in the
    # other's camp, as a network is ("an attack by a Hafiz Gul Bahadur affiliate" answered by strikes
    # on the TTP)
    allies: list[str] = Field(default_factory=list)
    offices: list[Office] = Field(default_factory=list)
    note: str | None = None

    @model_validator(mode="after")
    def _country_code(self) -> ActorEntry:
        if self.country is not None and not re.fullmatch(r"[A-Z]{3}", self.country):
            raise ValueError(f"country {self.country!r} is not an ISO 3166 alpha-3 code")
        return self


class Pronouns(Strict):
    person: list[str] = Field(default_factory=list)
    group: list[str] = Field(default_factory=list)
    thing: list[str] = Field(default_factory=list)
    first_person: list[str] = Field(default_factory=list)
    # possessives before a generic party that make it the party of what they stand for ("its forces")
    possessive: list[str] = Field(default_factory=list)
    # first-person possessives before a generic party that make it the speaker's side ('"... our forces," the
    # minister said')
    first_person_possessive: list[str] = Field(default_factory=list)


class GenericSpec(Strict):
    role_nouns: dict[Kind, list[str]]
    # more nouns for people, which a participle before them describes as what befell them ("the
    # abducted men", "the beheaded body"): with these, the participle still tells an act
    person_heads: list[str] = Field(default_factory=list)
    # titles that a person's name may follow ("<demonym> President <Given> <Surname>", "<state>'s Defence
    # Minister <Given> <Surname>"): a name the lexicon does not hold, right after a state's title,
    # is part of that party's mention (so that "X and Y" reads as two parties)
    person_titles: list[str] = Field(default_factory=list)
    # ship prefixes and the navy's state ("USS Carney" is a US warship, not a person named Carney)
    vessel_prefixes: dict[str, str] = Field(default_factory=dict)
    fillers: list[str] = Field(default_factory=list)
    sponsor_affixes: list[str] = Field(default_factory=list)
    lead_affixes: list[str] = Field(default_factory=list)
    # "an Iranian-made rocket fired by Hezbollah": who made or sold a weapon is no party to its use
    maker_affixes: list[str] = Field(default_factory=list)
    # nouns after which a bare role noun is an adjective, no party: "offering military help", "police
    # sources", "intelligence officials" is a party, "intelligence sharing" is not
    modifier_heads: list[str] = Field(default_factory=list)
    locative_prepositions: list[str] = Field(default_factory=list)
    # those of them that place something outside the state named ("120 miles east of Bahrain"): no act
    # there is an act against that state
    outside_prepositions: list[str] = Field(default_factory=list)
    # nouns after a demonym that make it a place after a locative preposition ("rockets fired from Syrian
    # territory", "drones flew into Iranian airspace"): where, not who
    territory_nouns: list[str] = Field(default_factory=list)
    # words between such a preposition and a name that keep it a place ("in southern Lebanon")
    locative_modifiers: list[str] = Field(default_factory=list)
    # nouns that make a generic actor only after a sponsor or lead affix ("al Qaeda-linked group")
    affix_nouns: dict[Kind, list[str]] = Field(default_factory=dict)
    # nouns that make a generic actor only after a name or a demonym ("a Syrian woman", "two Afghan men"),
    # never alone ("a man was found dead": no party named)
    named_nouns: dict[Kind, list[str]] = Field(default_factory=dict)
    pronouns: Pronouns = Field(default_factory=Pronouns)
    anaphors: dict[str, list[str]] = Field(default_factory=dict)
    # kinds whose bare generic parties ("troops", "security forces") take the last named party of that
    # kind in the document: the country from context
    context_kinds: list[Kind] = Field(default_factory=list)
    # "the two countries", "both sides": the last two parties of opposite sides named before, as the
    # subject of a mutual act (an agreement, talks, an exchange of fire)
    pair_anaphors: list[str] = Field(default_factory=list)
    # "the North", "the South's military": the state named before in the document whose name opens with
    # that word ("North Korea", "South Sudan"); written capitalised, as wire copy does
    compass_names: list[str] = Field(default_factory=list)
    # "the court", "the council": an organisation named before whose name holds the word (the International
    # Court of Justice, the UN Security Council), the last one named
    organisation_heads: list[str] = Field(default_factory=list)
    # words that make a bare party of a context kind the forces of a government named before ("government
    # troops", "regime forces", "junta soldiers"), not of any state named before (an attacking neighbour)
    government_words: list[str] = Field(default_factory=list)


class LexiconFile(Strict):
    actors: list[ActorEntry] = Field(default_factory=list)
    generic: GenericSpec | None = None
    # towns, cities and regions of a state (its id -> their names as written): a place where an act
    # happens, never a party ("a missile strike on <a city> killed five": an attack on that state's
    # soil, whose target is that state when the attacker is foreign)
    places: dict[str, list[str]] = Field(default_factory=dict)


@dataclass(slots=True, unsafe_hash=True)
class ActorMatch:
    """An actor mention in a sentence (absolute offsets). Never changed once made (a new one is made
    instead); not ``frozen``, whose checked assignments make it four times slower to build, and
    sentences build several."""

    start: int
    end: int
    text: str
    actor: str  # actor id (named or derived)
    how: str  # alias | capital | demonym | generic | person | place (| anaphor, context: made by the extractor)
    modifier: bool = False  # an adjective use ("Iranian missile attack")
    locative: bool = False  # a place use ("in Iraq")
    possessive: bool = False  # "Iran's"
    plural: bool = False


@dataclass
class Actor:
    id: str
    name: str
    kind: str
    country: str | None = None
    agent_of: str | None = None
    backed_by: tuple[str, ...] = ()
    member_of: tuple[str, ...] = ()
    offices: tuple[Office, ...] = ()
    derived: bool = False
    allies: tuple[str, ...] = ()


@dataclass
class ActorLexicon:
    actors: dict[str, Actor]
    generic: GenericSpec
    _surface: dict[str, list[tuple[str, str]]] = field(default_factory=dict)
    _regex: re.Pattern[str] | None = None
    _role: dict[str, str] = field(default_factory=dict)
    _after: re.Pattern[str] | None = None
    _after_poss: re.Pattern[str] | None = None
    _after_affixed: re.Pattern[str] | None = None
    _affix_role: dict[str, str] = field(default_factory=dict)
    _named_role: dict[str, str] = field(default_factory=dict)
    _named_only: frozenset[str] = frozenset()
    _territory: re.Pattern[str] | None = None
    _outside: re.Pattern[str] | None = None
    _bare: Caseless | None = None
    _locative: re.Pattern[str] | None = None
    _vessel: re.Pattern[str] | None = None
    _vessel_pre: re.Pattern[str] | None = None
    # an actor's entry never changes once made (derived actors are only added), so its side,
    # sponsors and networks on a given day are worked out once
    _refs: dict[tuple[str, date | None], dict[str, Any]] = field(default_factory=dict)
    _camps: dict[tuple[str, date | None], frozenset[str]] = field(default_factory=dict)
    # surface forms several office holders share ("Bush", "President Bush"): chosen among by date
    _shared: frozenset[str] = frozenset()

    # ------------------------------------------------------------------ build
    def compile(self) -> None:
        # ("Iran's", and the bare apostrophe of a name ending in s: "the Houthis' main backer")
        self._regex = re.compile(r"(?<![\w-])(" + trie_pattern(self._surface) + r")(?:(['’]s|(?<=s)['’](?![\w]))|(?![\w]))")
        self._shared = frozenset(k for k, v in self._surface.items()
                                 if len(v) > 1 and v[0][1] == "person" and v[1][1] == "person")
        # nouns for people ("the abducted men", "the arrested protesters"): every one-word role noun,
        # and the heads the lexicon lists besides
        # the last word of a title ("minister" of "Foreign Minister"), lower-cased
        self._titles = frozenset(t.split()[-1].lower() for t in self.generic.person_titles)
        self.person_heads = frozenset(n.lower() for ns in self.generic.role_nouns.values() for n in ns if " " not in n) \
            | frozenset(w.lower() for w in self.generic.person_heads)
        for kind, nouns in self.generic.role_nouns.items():
            for n in nouns:
                self._role.setdefault(n.lower(), kind)
        if self.generic.vessel_prefixes:  # case-sensitive: "USS Carney", not "uss"
            prefixes = alternation(self.generic.vessel_prefixes)
            self._vessel = re.compile(rf"(?<![\w-])({prefixes})\s+[A-Z][\w'’.-]*(?:\s+[A-Z][\w'’.-]*){{0,2}}")
            self._vessel_pre = re.compile(rf"(?:{prefixes})\s[A-Z]")  # a cheap first look (no look-behind)
        for kind, nouns in self.generic.named_nouns.items():
            for n in nouns:
                self._named_role.setdefault(n.lower(), kind)
        roles = alternation(self._role)
        named_roles = alternation({**self._named_role, **self._role})
        # fillers, and designations of aircraft, drones and missiles ("Thai F-16 jets", "Su-34 bombers")
        fill = alternation(set(self.generic.fillers)) + r"|[a-z]{1,4}-\d{1,3}[a-z]{0,2}"
        affix = alternation(self.generic.sponsor_affixes + self.generic.lead_affixes)
        self._makers = frozenset(w.lower() for w in self.generic.maker_affixes)
        self._after = re.compile(
            rf"(?:[-–](?P<affix>{affix})\b)?(?P<fill>(?:\s+(?:{fill})\b)*)\s+(?P<noun>{named_roles})\b", re.I
        )
        # not the first half of a compound adjective ("an intelligence-based operation")
        heads = rf"(?!\s+(?:{alternation(self.generic.modifier_heads)})\b)" if self.generic.modifier_heads else ""
        self._bare = Caseless(rf"(?<![\w-])(?P<noun>{roles})(?![\w-]){heads}")
        for kind, nouns in self.generic.affix_nouns.items():
            for n in nouns:
                self._affix_role.setdefault(n.lower(), kind)
        if self._affix_role:
            self._after_affixed = re.compile(
                rf"[-–](?P<affix>{affix})\b(?P<fill>(?:\s+(?:{fill})\b)*)\s+(?P<noun>{alternation(self._affix_role)})\b",
                re.I)
        self._after_poss = re.compile(rf"(?P<affix>)(?P<fill>(?:\s+[\w-]+){{1,2}}?)\s+(?P<noun>{roles})\b", re.I)
        if self.generic.territory_nouns:
            self._territory = re.compile(rf"\s+(?:{alternation(self.generic.territory_nouns)})\b", re.I)
        # nouns that name a party only after a state's name or demonym
        self._named_only = frozenset(self._named_role.keys() - self._role.keys() - self._affix_role.keys())
        locs = alternation(self.generic.locative_prepositions)
        mods = alternation(self.generic.locative_modifiers) if self.generic.locative_modifiers else None
        region = rf"(?:(?:{mods})\s+)?" if mods else ""
        self._locative = re.compile(rf"\b(?:{locs})\s+(?:the\s+)?{region}$", re.I)
        outside = self.generic.outside_prepositions
        self._outside = re.compile(rf"\b(?:{alternation(outside)})\s+(?:the\s+)?$", re.I) if outside else None

    def outside(self, text: str, a: ActorMatch) -> bool:
        """Is the place ``a`` named as lying outside where something is ("120 miles east of Bahrain")?"""
        return self._outside is not None and self._outside.search(text, max(0, a.start - 24), a.start) is not None

    # ------------------------------------------------------------------ relations
    def get(self, actor_id: str) -> Actor | None:
        return self.actors.get(actor_id)

    def principal(self, actor_id: str, when: date | None = None) -> str | None:
        """The actor this one acts for (office holders -> their state at ``when``)."""
        a = self.actors.get(actor_id)
        if a is None:
            return None
        if a.offices:
            valid = [o for o in a.offices if _in_office(o, when)]
            chosen = valid[0] if valid else (None if when else a.offices[-1])
            if chosen is not None:
                return chosen.agent_of
            # out of office: a standing membership of a group still holds (a commander killed before
            # the report was written is still his group's); a state's agency needs the office (an
            # ex-president does not act for his state)
            p = self.actors.get(a.agent_of) if a.agent_of else None
            return a.agent_of if p is not None and p.kind != "state" else None
        return a.agent_of

    def state_names(self) -> dict[str, str]:
        """Each state's name (as an event's location gives it) -> its side."""
        return {a.name: self.root(i) for i, a in sorted(self.actors.items()) if a.kind == "state"}

    def root(self, actor_id: str, when: date | None = None) -> str:
        """Follow agent_of/offices up to the principal at the top (a state, usually)."""
        seen = {actor_id}
        cur = actor_id
        while True:
            nxt = self.principal(cur, when)
            if nxt is None or nxt in seen or nxt not in self.actors:
                return cur
            seen.add(nxt)
            cur = nxt

    def camp(self, actor_id: str, when: date | None = None) -> frozenset[str]:
        """The actor's side and its sponsors' sides (``backed_by`` along the agent chain)."""
        key = (actor_id, when)
        known = self._camps.get(key)
        if known is None:
            known = self._camp(actor_id, when)
            if len(self._camps) >= 50_000:
                self._camps.clear()
            self._camps[key] = known
        return known

    def _camp(self, actor_id: str, when: date | None) -> frozenset[str]:
        out = {self.root(actor_id, when)}
        stack = [actor_id]
        seen: set[str] = set()
        while stack:
            cur = stack.pop()
            if cur in seen or cur not in self.actors:
                continue
            seen.add(cur)
            a = self.actors[cur]
            for s in a.backed_by:
                out.add(self.root(s, when))
            p = self.principal(cur, when)
            if p:
                stack.append(p)
        return frozenset(out)

    def country(self, actor_id: str, when: date | None = None) -> str | None:
        a = self.actors.get(actor_id)
        if a is None:
            return None
        if a.country:
            return a.country
        r = self.actors.get(self.root(actor_id, when))
        return r.country if r else None

    def ref(self, m: ActorMatch, when: date | None = None) -> ActorRef:
        key = (m.actor, when)
        known = self._refs.get(key)
        if known is None:
            a = self.actors[m.actor]
            side = self.root(a.id, when)
            camp = self.camp(a.id, when)
            known = {"id": a.id, "name": a.name, "country": self.country(a.id, when), "kind": a.kind,
                     "backed_by": sorted(camp - {side}), "side": side,
                     "networks": self.networks(a.id, when) if a.member_of or a.allies else []}
            if len(self._refs) >= 50_000:
                self._refs.clear()
            self._refs[key] = known
        return trusted(ActorRef, text=m.text, **{**known, "backed_by": list(known["backed_by"]),
                                                 "networks": list(known["networks"])})

    def networks(self, actor_id: str, when: date | None = None) -> list[str]:
        """Armed-group networks an armed group belongs to ("JNIM" -> al-Qaeda): memberships of states
        and organisations (UN, NATO, an alliance of states) make no side."""
        a = self.actors.get(actor_id)
        if a is None or a.kind != "armed_group":
            return []
        out = {self.root(p, when) for p in a.member_of
               if p in self.actors and self.actors[p].kind == "armed_group"}
        out.update(self.root(p, when) for p in a.allies if p in self.actors)
        return sorted(out - self.camp(actor_id, when))

    # ------------------------------------------------------------------ derived actors
    def _derive(self, base: str | None, kind: str, relation: str | None) -> str:
        """A generic actor: "<base>.<kind>" (agent of base), "<base>-backed.<kind>", or "<kind>"."""
        if base is None:
            key = f"unknown.{kind}"
            if key not in self.actors:
                self.actors[key] = Actor(key, _KIND_NAMES[kind], kind, derived=True)
            return key
        b = self.actors[base]
        if relation in self.generic.sponsor_affixes:
            key = f"{base}-{relation}.{kind}"
            if key not in self.actors:
                self.actors[key] = Actor(
                    key, f"{b.name}-{relation} {_KIND_NAMES[kind]}", kind, backed_by=(base,), derived=True
                )
            return key
        if relation in self.generic.lead_affixes:
            key = f"{base}-{relation}.{kind}"
            if key not in self.actors:
                self.actors[key] = Actor(
                    key, f"{b.name}-{relation} {_KIND_NAMES[kind]}", kind, agent_of=base, derived=True
                )
            return key
        if relation == "in":
            # "security forces in Guinea" act for Guinea; "rebels in Ivory Coast" are only based there
            key = f"{base}@{kind}"
            if key not in self.actors:
                agent = base if kind in ("military", "police", "government") else None
                self.actors[key] = Actor(key, f"{_KIND_NAMES[kind]} in {b.name}", kind, country=b.country,
                                         agent_of=agent, derived=True)
            return key
        if b.kind not in ("state",):
            return base  # "Hezbollah fighters" is Hezbollah
        key = f"{base}.{kind}"
        if key not in self.actors:
            self.actors[key] = Actor(
                key, f"{b.name} {_KIND_NAMES[kind]}", kind, country=b.country, agent_of=base, derived=True
            )
        return key

    # ------------------------------------------------------------------ matching
    def holder(self, candidates: list[tuple[str, str]], when: date | None) -> tuple[str, str]:
        """Of people sharing a name, the one in office on ``when`` (else the one who left office last
        before it; else the first listed): "Bush" in 1991 is the father, in 2003 the son."""
        if when is None:
            return candidates[0]
        best, best_end = candidates[0], None
        for cand in candidates:
            if cand[1] != "person":
                continue
            offices = self.actors[cand[0]].offices
            if any(_in_office(o, when) for o in offices):
                return cand
            ends = [o.to for o in offices if o.to is not None and o.to < when]
            if ends and (best_end is None or max(ends) > best_end):
                best, best_end = cand, max(ends)
        return best

    def find(self, text: str, start: int, end: int, low: str | None = None,
             when: date | None = None) -> list[ActorMatch]:
        """Actor mentions in ``text[start:end]``, left to right, non-overlapping (``low``: the text
        lower-cased, offsets unchanged, if the caller has it; ``when``: the day the text was written,
        to tell apart office holders who share a name)."""
        assert self._regex and self._after and self._bare and self._locative
        out: list[ActorMatch] = []
        taken: list[tuple[int, int]] = []
        if self._vessel is not None and self._vessel_pre is not None and self._vessel_pre.search(text, start, end):
            # "the destroyer USS Carney": that navy's warship (no name inside it is a party)
            for v in self._vessel.finditer(text, start, end):
                navy = self.generic.vessel_prefixes[v.group(1)]
                a = self.actors.get(navy)
                if a is not None:  # a navy named in the lexicon, or a state: its military
                    aid = navy if a.kind != "state" else self._derive(navy, "military", None)
                    out.append(ActorMatch(v.start(), v.end(), v.group(), aid, "alias" if aid == navy else "generic"))
                    taken.append(v.span())
        for m in self._regex.finditer(text, start, end):
            s, e = m.start(1), m.end(1)
            if taken and any(ts < e and s < te for ts, te in taken):
                continue
            surface = _SPACES.sub(" ", m.group(1))
            possessive = m.group(2) is not None
            candidates = self._surface[surface]
            actor_id, how = candidates[0] if surface not in self._shared else self.holder(candidates, when)
            a = self.actors[actor_id]
            after = self._after.match(text, m.end(), end)  # "US troops", "Mali's government"
            if after is None and self._after_affixed is not None:  # "an al Qaeda-linked group"
                after = self._after_affixed.match(text, m.end(), end)
            if after is None and possessive:  # "Nicaragua's Sandinista government": any two words may stand between
                after = self._after_poss.match(text, m.end(), end)
            if after is not None and a.kind != "state" and after.group("noun").lower() in self._named_only:
                after = None  # a named noun after a community or group's name ("a Bedouin girl"): no party of its own
            if after and how != "person":
                affix = (after.group("affix") or "").lower() or None
                noun = after.group("noun").lower()
                kind = self._role.get(noun) or self._named_role.get(noun) or self._affix_role[noun]
                base = actor_id if a.kind != "person" else None
                derived = self._derive(base, kind, affix)
                # a named group after "X-backed" is that group ("Russia-backed Wagner Group")
                out.append(ActorMatch(s, after.end(), text[s:after.end()], derived, "generic",
                                      plural=noun.endswith("s")))
                taken.append((s, after.end()))
                continue
            # "in Lebanon" is a place; "in Israel's strikes" is not (a possessive names a party)
            if how in ("alias", "capital") and not possessive and _BORDER_AFTER.match(text, m.end(), end):
                # "near the United Arab Emirates border": a line on the map, neither a party nor the place
                # where the act was (the oilfield near it is in the neighbouring state)
                taken.append((s, m.end()))
                continue
            locative = how in ("alias", "capital") and not possessive \
                and self._locative.search(text, max(start, s - 20), s) is not None
            modifier = how == "demonym" and not possessive and not surface.endswith("s")
            if how == "capital" and not possessive and not locative and _THE_END.search(text, max(start, s - 4), s):
                # "the Bonn decision", "the Damascus strike": a city naming a thing, neither a party nor where
                # the sentence's act was (but "the Tehran government": a party's role noun after it)
                noun = _LOWER_WORD.match(text, m.end(), end)
                if noun is not None and noun.group(1) not in self._role and noun.group(1) not in self._named_role:
                    taken.append((s, m.end()))
                    continue
            if modifier and (_PLACE_AFTER.match(text, m.end(), end)
                             or (self._territory is not None and self._territory.match(text, m.end(), end))) \
                    and self._locative.search(text, max(start, s - 20), s) is not None:
                # "in Indian Kashmir", "in the Israeli-controlled Golan Heights": a place in that state
                modifier, locative = False, True
            # "Iran-backed Hamas": the affix joins a name, the name wins
            affix_join = _AFFIX_JOIN.match(text, m.end(), end)
            if affix_join and affix_join.group(1).lower() in self._makers:
                taken.append((s, affix_join.end()))
                continue  # "an Iranian-made Falaq-1 rocket": the maker, not who fired it
            if affix_join and affix_join.group(1).lower() in self.generic.sponsor_affixes:
                nxt = self._regex.match(text, affix_join.end(), end)
                if nxt:
                    continue
            held = _HELD_PLACE.match(text, m.end(), end) if not possessive and a.kind != "state" else None
            if held is not None:
                # "targets across Houthi-held Yemen": the group holding the place is the party named; the
                # state named after it is only where the place is
                locative = modifier = False
                taken.append((m.end(), held.end()))
            if how == "place":  # a town or region: where an act happens, never a party
                locative, modifier = True, False
            out.append(ActorMatch(s, m.end(), text[s:m.end()], actor_id, how, modifier=modifier,
                                  locative=locative, possessive=possessive,
                                  plural=how == "demonym" and surface.endswith("s")))
            taken.append((s, m.end()))
        for m in self._bare.pick(low is not None).finditer(low if low is not None else text, start, end):
            s, e = m.span()
            if any(ts < e and s < te for ts, te in taken):
                continue
            noun = m.group("noun").lower()
            kind = self._role[noun]
            if kind == "population" and noun in ("people",):
                continue
            out.append(ActorMatch(s, e, text[s:e], self._derive(None, kind, None), "generic",
                                  plural=noun.endswith("s")))
        out.sort(key=lambda x: (x.start, -x.end))
        # "security forces in Guinea", "students throughout Indonesia": the country from context
        for i, a in enumerate(out):
            if not a.actor.startswith("unknown.") or i + 1 >= len(out):
                continue
            nxt = out[i + 1]
            # (a town, not a state: "an army post in <town>" takes its country from context as before)
            if nxt.locative and nxt.how != "place" and self.actors[nxt.actor].kind == "state" \
                    and _IN_PLACE.fullmatch(text[a.end:nxt.start]):
                kind = self.actors[a.actor].kind
                out[i] = ActorMatch(a.start, a.end, a.text, self._derive(nxt.actor, kind, "in"), "generic",
                                    plural=a.plural)
        # "Bosnian Serbs", "Iraqi Kurds": a community of the first country
        for i in range(len(out) - 1):
            a, b = out[i], out[i + 1]
            if a.how == "demonym" and a.modifier and b.how == "demonym" and b.plural and \
                    text[a.end:b.start] == " " and self.actors[a.actor].kind == "state":
                out[i] = ActorMatch(a.start, b.end, text[a.start:b.end], self._derive(a.actor, "population", None),
                                    "generic", plural=True)
                out[i + 1] = ActorMatch(b.end, b.end, "", b.actor, "merged")
        out = [m for m in out if m.how != "merged"]
        # "in northern Iraq and Syria", "in Lebanon or Syria": a state coordinated with a place is one
        # (not a party after a comma and "and": "rocket attacks on <city>, and Hamas said": a new clause)
        for i in range(1, len(out)):
            a, b = out[i - 1], out[i]
            if a.locative and not b.locative and b.how in ("alias", "capital") and not b.possessive \
                    and self.actors[b.actor].kind == "state" \
                    and _PLACE_AND.fullmatch(text, a.end, b.start) and not _WHO_AFTER.match(text, b.end, end):
                out[i] = ActorMatch(b.start, b.end, b.text, b.actor, b.how, locative=True, plural=b.plural)
        # an unknown name right after a state's title is that titled person: the same party
        # ("<demonym> President <Given> <Surname> and <demonym> President ...")
        if self._titles:
            for i, a in enumerate(out):
                if a.how != "generic" or a.actor.startswith("unknown.") or a.text.rsplit(None, 1)[-1].lower() not in self._titles:
                    continue
                name = _NAME_AFTER.match(text, a.end, end)
                if name is None or (i + 1 < len(out) and out[i + 1].start < name.end()):
                    continue
                out[i] = ActorMatch(a.start, name.end(), text[a.start:name.end()], a.actor, "generic",
                                    possessive=name.group(2) is not None)
        # a person right after a generic description wins ("US President Donald Trump")
        merged: list[ActorMatch] = []
        for mt in out:
            if merged and mt.how == "person" and merged[-1].how == "generic" and 0 <= mt.start - merged[-1].end <= 1:
                prev = merged.pop()
                mt = ActorMatch(prev.start, mt.end, text[prev.start:mt.end], mt.actor, "person",
                                possessive=mt.possessive)
            if merged and mt.start < merged[-1].end:
                continue
            merged.append(mt)
        return merged


_SPACES = re.compile(r"\s+")
_THE_END = re.compile(r"\bthe\s+$", re.I)
_LOWER_WORD = re.compile(r"\s+([a-z][a-z'’-]*)")
# a person's name: one to four capitalised words (particles between), then maybe a possessive
_NAME_AFTER = re.compile(r"(\s+[A-Z][a-z][\w'’.-]*(?:\s+(?:(?:al|el|bin|ibn|de|da|del|dos|van|von|le|la)[\s-]+)?"
                         r"[A-Z][a-z][\w'’-]*){0,3})(['’]s)?(?![\w'’-])")
# a place name after a demonym ("Indian Kashmir", "Israeli-controlled Golan Heights")
_HOLDING = r"[-–](?:controlled|held|administered|occupied|annexed|run)"  # "-held": a place under a party
_PLACE_AFTER = re.compile(rf"(?:{_HOLDING}\b)?\s+[A-Z][\w'’-]*")
_HELD_PLACE = re.compile(rf"{_HOLDING}\s+[A-Z][\w'’-]*(?:\s+[A-Z][\w'’-]*)?")
_AFFIX_JOIN = re.compile(r"[-–](\w+)\s+")
_BORDER_AFTER = re.compile(r"\s+(?:border|borders|frontier|border\s+area|border\s+region)\b(?!\s+(?:guards?|police|forces|troops)\b)",
                           re.I)
_PLACE_AND = re.compile(r"\s+(?:and|or)\s+(?:the\s+)?", re.I)
# "... in Tehran, and Iran, which blamed Israel, vowed": a party a relative clause describes (a place
# takes "where")
_WHO_AFTER = re.compile(r"\s*,\s*(?:which|who|whose)\b", re.I)
_IN_PLACE = re.compile(r"\s+(?:in|throughout|across|inside|from)\s+(?:the\s+)?", re.I)

_KIND_NAMES = {
    "military": "military", "police": "security forces", "government": "government",
    "armed_group": "armed group", "population": "civilians", "organisation": "organisation",
    "party": "party", "person": "person", "state": "state",
}


def _in_office(o: Office, when: date | None) -> bool:
    if when is None:
        return o.to is None
    return (o.from_ is None or o.from_ <= when) and (o.to is None or when <= o.to)


def load_actors(rules_dir: Path) -> ActorLexicon:
    """The actor lexicon of ``<rules_dir>/actors``, cached by that folder's real path (a pack whose
    ``actors`` folder links to another's shares its compiled lexicon)."""
    return _load_actors((rules_dir / "actors").resolve())


@lru_cache(maxsize=8)
def _load_actors(folder: Path) -> ActorLexicon:
    listed = load_listed(sorted(folder.glob("*.yaml")), LexiconFile, "actors", unique="id")
    problems = listed.problems
    generic = next((f.generic for f in reversed(listed.files) if f.generic is not None), None)
    actors: dict[str, Actor] = {}
    surface: dict[str, list[tuple[str, str]]] = {}
    refs: list[tuple[str, str, int]] = []
    for path, line, entry in listed.items:
        actors[entry.id] = Actor(
            entry.id, entry.name, entry.kind, entry.country, entry.agent_of, tuple(entry.backed_by),
            tuple(entry.member_of), tuple(entry.offices),
        )
        for r in [entry.agent_of, *entry.backed_by, *entry.member_of, *entry.allies,
                  *(o.agent_of for o in entry.offices)]:
            if r:
                refs.append((r, str(path), line))
        how = "person" if entry.kind == "person" else "alias"
        for forms, kind in ((entry.aliases, how), (entry.capitals, "capital"), (entry.demonyms, "demonym")):
            for form in forms:
                surface.setdefault(" ".join(form.split()), []).append((entry.id, kind))
    for spec, located in zip(listed.files, listed.located, strict=True):
        marks = getattr(located.data.get("places"), "key_marks", {})
        for state, names in spec.places.items():
            line, col = marks.get(state, (1, 1))
            if state not in actors or actors[state].kind != "state":
                problems.append(Problem(str(located.path), line, col, f"places: {state!r} is no state of the lexicon",
                                        check="unknown_ref"))
                continue
            for name in names:
                surface.setdefault(" ".join(name.split()), []).append((state, "place"))
    for ref, path, line in refs:
        if ref not in actors:
            problems.append(Problem(path, line, 1, f"reference to unknown actor {ref!r}", check="unknown_ref"))
    allied: dict[str, set[str]] = {}
    for _path, _line, entry in listed.items:  # an alliance is written once and holds both ways
        for other in entry.allies:
            if other in actors:
                allied.setdefault(entry.id, set()).add(other)
                allied.setdefault(other, set()).add(entry.id)
    for aid, others in allied.items():
        actors[aid].allies = tuple(sorted(others))
    if generic is None:
        problems.append(Problem(str(folder), 0, 0, "no 'generic:' section in any actor lexicon file", check="schema"))
    else:
        for prefix, navy in generic.vessel_prefixes.items():
            if navy not in actors:
                problems.append(Problem(str(folder), 0, 0, f"vessel prefix {prefix!r}: unknown actor {navy!r}",
                                        check="unknown_ref"))
    if problems:
        raise RulesError(problems)
    assert generic is not None
    # prefer states and named groups over persons for shared surface forms; deterministic order
    rank = {"alias": 0, "capital": 1, "demonym": 2, "person": 3, "place": 4}
    for k in surface:
        surface[k].sort(key=lambda t: (rank[t[1]], t[0]))
    lex = ActorLexicon(actors, generic, surface)
    lex.compile()
    return lex
