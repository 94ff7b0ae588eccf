"""Links from rules: stated (a cue in the text ties two events: a causal one, or a temporal one a rule names) or inferred.

1. ``stated_pairs`` reads the cues of each sentence and pairs the events their mentions
   belong to, following each cue's direction; anaphoric cues ("came in response",
   "retaliatory") reach back to the event in focus in the preceding sentences.
2. ``Linker.link`` applies every rule to stated pairs and to event pairs close enough in
   time, keeps the best rule for each pair and guarantees an acyclic link graph.
"""

from __future__ import annotations

import hashlib
import re
from bisect import bisect_right
from collections.abc import Callable, Iterable, Iterator, Mapping
from dataclasses import dataclass
from itertools import chain

import networkx as nx

from escalate.links.rules import LinkRule, LocatedRule
from escalate.models import ActorRef, Cue, CueMatch, Document, Event, Link, Mention, TemporalIssue
from escalate.text.sentences import RELATIVE_ASIDE

Camp = Callable[[ActorRef], frozenset[str]]


@dataclass(frozen=True)
class Stated:
    cause: str
    effect: str
    cue: str  # the cue's text
    sentence: str
    strength: float
    kind: str  # causal | temporal
    label: str | None
    group: str = ""  # one cue occurrence; its candidate pairs are tried in rank order
    rank: int = 0


def stated_pairs(doc: Document, mention_event: dict[str, str], events: dict[str, Event],
                 keep: Callable[[Document, int, CueMatch], bool] | None = None) -> list[Stated]:
    """Cause/effect candidates from the cues of each sentence. ``keep(doc, sentence_start, cue)`` may
    drop a cue (one that is negated or hypothetical: "no plans to retaliate")."""
    by_sentence: dict[str, list[Mention]] = {}
    for m in doc.mentions:
        ev = mention_event.get(m.id)
        if ev is not None and events[ev].modality == "asserted":
            by_sentence.setdefault(m.sentence, []).append(m)
    out: list[Stated] = []
    history: list[list[Mention]] = []
    for sent in doc.sentences:
        here = sorted(by_sentence.get(sent.id, []), key=lambda m: m.trigger.start)
        matches = [c for c in doc.cues if sent.start <= c.start and c.end <= sent.end]
        for c in matches:
            if keep is not None and not keep(doc, sent.start, c):
                continue
            # a mention on the far side of another cue belongs to that cue, not to this one; an
            # anaphoric cue ("launched a counter-offensive after ...", "a retaliatory strike") points
            # back and separates nothing
            # ... and a cue whose own object is no event ("in support of Somali forces, ..., a day
            # after the group attacked") cuts nothing either
            fence = [(o.start, o.end) for o in matches if o is not c and not o.anaphoric
                     and _owns_event(here, o, matches)]
            near = [m for m in here if not any(
                (c.end <= fs and fe <= m.trigger.start) or (m.trigger.end <= fs and fe <= c.start) for fs, fe in fence)]
            others = [o for o in matches if o is not c]
            for rank, (cause, effect) in enumerate(_pairs(c, near, history, mention_event, others, here)):
                if cause != effect:
                    out.append(Stated(cause, effect, c.text, sent.id, c.strength, c.kind, c.label,
                                      group=f"{sent.id}@{c.start}", rank=rank))
                    # "responded to the raid by expelling the ambassador and sending troops to the border":
                    # an act coordinated with the answer, sharing its subject, answers too
                    for n in _coordinated(near, effect, mention_event, c.end):
                        if mention_event[n.id] != cause:
                            out.append(Stated(cause, mention_event[n.id], c.text, sent.id, c.strength, c.kind,
                                              c.label, group=f"{sent.id}@{c.start}+{n.trigger.start}", rank=rank))
        out.extend(_accused_acts(here, mention_event, sent.id, history, events))
        history.append(here)
    return out


# "blamed Israel for the blasts", "accused Kyiv of the shelling": the accusation answers the act it names
# (attribution, not a causal cue of the text: no cue entry, so the cue lexicon's scores do not count it)
# ... or the act that is the accusation's direct object ("called the seizure an act of piracy")
_ACCUSED_OBJECT = re.compile(r"\s+(?:(?:[\w'’.-]+\s+){0,4}?(for|over|of|to)\s+(?:[\w'’-]+\s+){0,5}"
                             r"|(?:the|this|that|these|those)\s+(?:[\w'’.-]+\s+){0,2})")
# ... or the act it is pronounced on, told just before a copula ("said the strike was "reckless"")
_JUDGED_ACT = re.compile(r"\s+(?:was|were|is|are|has been|have been|had been)(?:\s+[\w-]+ly)?\s+[\"“‘']?")
_ACCUSATION_STRENGTH = 0.6
# "Ankara blamed the PKK, which denied involvement": blame with no act named after it is laid for the
# act just told (an attack of the sentences before)
_BLAME = re.compile(r"blam(?:e|es|ed|ing)\b", re.I)
_CLAUSE_GAP = re.compile(r"[,;:()]|\b(?:which|who|whom|whose|that|when|where)\b", re.I)  # a clause of its own
_BLAMED_ACTS = frozenset({"ASSAULT", "COERCE"})
_BLAME_STRENGTH = 0.5


# ... and so do backing, a call and a rejection about an act ("voiced support for the strike", "called for an
# immediate halt to the military attacks", "Iran dismissed the sanctions"): stances whose object is an act told
# in their sentence. No stance is what another is about, nor a denial after it (the answer to the blame:
# "Ankara blamed the PKK and YPG, which both denied involvement")
_STANCES = frozenset({"ACCUSE", "SUPPORT", "REQUEST", "REJECT"})


def _accused_acts(here: list[Mention], me: dict[str, str], sentence: str,
                  history: list[list[Mention]], events: dict[str, Event]) -> list[Stated]:
    out: list[Stated] = []
    for i, m in enumerate(here):
        if m.category not in _STANCES:
            continue
        judged = here[i - 1] if i > 0 and m.category == "ACCUSE" else None
        if judged is not None and judged.category not in _STANCES and me[judged.id] != me[m.id] and _JUDGED_ACT.fullmatch(
                m.citation.text, judged.trigger.end - m.citation.start, m.trigger.start - m.citation.start):
            out.append(Stated(me[judged.id], me[m.id], m.trigger.text, sentence, _ACCUSATION_STRENGTH, "causal",
                              "response", group=f"{sentence}@{m.trigger.start}"))
            continue
        named = False
        for n in here[i + 1:]:
            if n.trigger.start < m.trigger.end or n.category in _STANCES:
                continue
            named = True
            gap = _ACCUSED_OBJECT.fullmatch(n.citation.text, m.trigger.end - n.citation.start,
                                            n.trigger.start - n.citation.start)
            if gap is not None and me[n.id] != me[m.id]:
                out.append(Stated(me[n.id], me[m.id], gap.group(1) or m.trigger.text, sentence, _ACCUSATION_STRENGTH, "causal",
                                  "response", group=f"{sentence}@{m.trigger.start}"))
            break
        if not named and m.category == "ACCUSE" and _BLAME.match(m.trigger.text):
            # the act told before it in its sentence ("warning shots were fired, with each side blaming
            # the other"), else in the sentence before
            told = next((me[n.id] for n in reversed(here[:i]) if me[n.id] != me[m.id]
                         and events[me[n.id]].category in _BLAMED_ACTS), None)
            if told is None and history:
                told = next((e for e in _recent(history[-1:], me, {me[m.id]}) if events[e].category in _BLAMED_ACTS),
                            None)
            if told is not None:
                out.append(Stated(told, me[m.id], m.trigger.text, sentence, _BLAME_STRENGTH, "causal", "response",
                                  group=f"{sentence}@{m.trigger.start}"))
    return out


_DETERMINER_ENDS = (" the", " this", " that", " these", " those")
_DIRECT_OBJECT = re.compile(r"\s+(?:[\w'’-]+\s+){0,2}")  # "condemned the (latest) shelling"
_FOR_OBJECT = re.compile(r"\s+(?:for|over)\s+(?:[\w'’-]+\s+){0,3}")  # "vowed revenge for (the) strikes"
_OBJECT_GAP = re.compile(r"\s+(?:[\w'’-]+\s+){0,3}")  # "in response to (the) expulsion"
# a clause of its own between an act and a bare cue after it ("launched an attack on our positions and our
# forces took measures in response"): the cue answers with that clause's act, not the act before it
_NEW_CLAUSE = re.compile(r"\b(?:and|but|while|whereas)\s+(?:our|their|its|his|her|the|[A-Z][\w'’-]*)\s+"
                         r"(?:[\w'’-]+\s+){0,3}?(?:has|have|had|was|were|is|are|\w+ed|took|made|gave|hit|struck|shot|"
                         r"fought|sent|began|won|held)\b")


def _owns_event(here: list[Mention], o: CueMatch, matches: list[CueMatch]) -> bool:
    """Is an event told after cue ``o`` before the next cue of the sentence (the cue's object)?"""
    hi = min((x.start for x in matches if x.start >= o.end), default=None)
    return any(o.end <= m.trigger.start and (hi is None or m.trigger.end <= hi) for m in here)


def _recent(history: list[list[Mention]], me: dict[str, str], exclude: set[str]) -> list[str]:
    """Events of the three preceding sentences that tell any, most recent first."""
    out: list[str] = []
    for ms in [h for h in history if h][-3:][::-1]:
        for m in reversed(ms):
            ev = me[m.id]
            if ev not in exclude and ev not in out:
                out.append(ev)
    return out


def _pairs(c: CueMatch, here: list[Mention], history, me: dict[str, str],
           others: list[CueMatch], sentence: list[Mention]) -> list[tuple[str, str]]:
    """Candidate (cause, effect) pairs for one cue, best first; the linker keeps the first a rule accepts."""
    before = [me[m.id] for m in here if m.trigger.end <= c.start]
    after = [me[m.id] for m in here if m.trigger.start >= c.end]
    if c.anaphoric:
        near = sorted(here, key=lambda m: min(abs(m.trigger.start - c.end), abs(c.start - m.trigger.end)))
        if not near:
            return []
        # a cue that is an act itself ("the group vowed revenge for the strikes"): that act is the
        # answer, and an event right after "for"/"over" is what it answers
        own = next((m for m in here if m.trigger.start < c.end and c.start < m.trigger.end), None)
        local = me[own.id] if own is not None else me[near[0].id]
        if own is None and c.direction == "cause_first" and near[0].trigger.end <= c.start \
                and _NEW_CLAUSE.search(near[0].citation.text, near[0].trigger.end - near[0].citation.start,
                                       c.start - near[0].citation.start):
            return []
        if own is None and c.direction == "effect_first":
            # "Tbilisi said it had acted in response to the shelling": the cue's object is this
            # sentence's event (the cause); the answer is in earlier discourse
            obj = next((m for m in here if m.trigger.start >= c.end and _OBJECT_GAP.fullmatch(
                m.citation.text, c.end - m.citation.start, m.trigger.start - m.citation.start)), None)
            local = me[obj.id] if obj is not None else local
        # ... or its direct object, when the cue ends in a determiner ("condemned the shelling"); a cue
        # whose object is no event ("condemned the decision") links nothing
        direct = c.text.lower().endswith(_DETERMINER_ENDS)
        obj = _DIRECT_OBJECT if direct else _FOR_OBJECT
        answered = [me[m.id] for m in here if m.trigger.start >= c.end and me[m.id] != local
                    and obj.fullmatch(m.citation.text, c.end - m.citation.start, m.trigger.start - m.citation.start)
                    ][:1] if own is not None else []
        if direct and not answered:
            return []
        # the event the same sentence names after "after/following" ("launched a counter-offensive
        # after Armenian troops shelled villages"), an earlier event of this sentence ("Hours after the
        # strikes, X fired ... in response"), then the events of the preceding sentences
        told = []
        if c.direction == "cause_first":
            for o in others:
                if o.direction == "effect_first" and not o.anaphoric and o.start >= max(c.end, near[0].trigger.end):
                    told += [me[m.id] for m in sentence if m.trigger.start >= o.end and me[m.id] != local][:1]
        told = answered + [e for e in told if e not in answered]
        earlier = told + [e for e in before if e != local and e not in told][::-1] \
            + [e for e in _recent(history, me, {local}) if e not in told]
        return [(e, local) if c.direction == "cause_first" else (local, e) for e in earlier]
    if c.direction == "cause_first":
        if not before:
            # "After the raid, militants fired rockets": the cue opens the sentence; the answer is the main
            # clause's act, not one told in a relative clause on its subject ("In response to the raid,
            # <president>, who has called the bombing a massacre, expelled the ambassador")
            if len(after) > 1:
                told = [m for m in here if m.trigger.start >= c.end]
                main = [m for m in told[1:] if not _in_relative_aside(m)]
                return [(after[0], me[main[0].id] if main else after[1])]
            if not after:
                return []
            first = next(m for m in here if m.trigger.start >= c.end)
            if _OBJECT_GAP.fullmatch(first.citation.text[c.end - first.citation.start:first.trigger.start - first.citation.start]):
                return []  # "In response to the expulsion, Rwanda said it would ...": the cause; no effect told
            return [(e, after[0]) for e in _recent(history, me, set(after))]
        return [(before[-1], after[0])] if after else []
    if c.kind == "causal":
        # "Hanoi answered Beijing's announcement within hours by ordering a mobilisation", "responded to the
        # raid by expelling the envoy": the act after "by" answers the cue's object, or, when the object is
        # no act, the act told before the cue
        means = next((m for m in here if m.trigger.start >= c.end and _BY_MEANS.fullmatch(
            m.citation.text, c.end - m.citation.start, m.trigger.start - m.citation.start)), None)
        if means is not None:
            obj = [me[m.id] for m in here if c.end <= m.trigger.start < means.trigger.start]
            cause = obj[0] if obj else before[-1] if before else None
            if cause is not None and cause != me[means.id]:
                return [(cause, me[means.id])]
    if not before and len(after) > 1 and c.start < min(m.trigger.start for m in here):
        if c.kind == "causal":
            # "protesters angered by the execution stormed the embassy": the cue's object, then the verb
            # of the clause that answers it (not a relative clause on the object: "in response to the
            # attack, in which Iran said it had targeted ...")
            m0, m1 = sorted((m for m in here if m.trigger.start >= c.end), key=lambda m: m.trigger.start)[:2]
            base = m0.citation.start
            if not _CLAUSE_GAP.search(m0.citation.text, m0.trigger.end - base, m1.trigger.start - base):
                return [(me[m0.id], me[m1.id])]
        # "Before the strikes, the group fired a missile": the fronted cue names the later event
        return [(after[1], after[0])]
    # a cue that names an act in its words ("imposed sanctions in 2009 over accusations that it backed a
    # militia"): that act (the charge) is the cause before the act it names (not a cue that opens with its
    # act: "calling France's decision a hostile act" names the cause after it)
    inside = [me[m.id] for m in here if c.start < m.trigger.start < c.end]
    if before and inside:
        return [(inside[0], before[-1])] + [(a, before[-1]) for a in after[:1]]
    if not before or not after:
        return []
    # EFFECT <cue> CAUSE: "jets struck X in retaliation for the attack"
    return [(after[0], before[-1])] + [(a, before[-1]) for a in after[1:2]]


# "by" right before an act's trigger, in the cue's clause: the means by which the answer was given
_BY_MEANS = re.compile(r"[^.;:]*\sby\s+")

# the words between an act and a verb coordinated with it that has no subject of its own ("expelling
# Colombia's ambassador and sending troops"): the object of the first, then the conjunction right before
# the second's trigger
_COORDINATION_GAP = re.compile(r"[^.;:()\"“”]{0,60}?,?\s+(?:and|as\s+well\s+as)\s+(?:also\s+)?")


def _coordinated(here: list[Mention], effect: str, me: dict[str, str], after: int) -> list[Mention]:
    """The acts of the sentence coordinated with the (first) mention of ``effect`` told after offset
    ``after``, in a row, of the same actor."""
    first = next((m for m in here if me[m.id] == effect and m.trigger.start >= after), None)
    if first is None or first.actor is None:
        return []
    out: list[Mention] = []
    prev = first
    for n in here:
        if n.trigger.start <= prev.trigger.start:
            continue
        base = n.citation.start
        if me[n.id] == effect or n.actor is None or n.actor.id != first.actor.id \
                or not _COORDINATION_GAP.fullmatch(n.citation.text, prev.trigger.end - base, n.trigger.start - base):
            break
        out.append(n)
        prev = n
    return out


def _in_relative_aside(m: Mention) -> bool:
    """Is the mention's trigger inside a relative clause set off by commas ("<subject>, who has called the
    bombing a massacre, expelled")?"""
    at = m.trigger.start - m.citation.start
    return any(a < at < b for a, b in (x.span() for x in RELATIVE_ASIDE.finditer(m.citation.text)))


# acts that hit the state where they happen, whoever their target (see Linker._sides)
_HITS_PLACE = frozenset({"ASSAULT"})


def _mid(e: Event) -> float | None:
    if e.when.earliest and e.when.latest:
        return (e.when.earliest.toordinal() + e.when.latest.toordinal()) / 2
    return None


class Linker:
    def __init__(self, rules: tuple[LocatedRule, ...], camp: Camp, places: Mapping[str, str] | None = None):
        # stated rules before inferred ones, strongest first; ids break ties deterministically
        order = {"stated": 0, "any": 1, "inferred": 2}
        self.rules = sorted((r.rule for r in rules if r.rule.status != "deprecated"),
                            key=lambda r: (order[r.cue], -r.confidence, r.id))
        self._camp = camp
        self._by_id = {r.id: r for r in self.rules}
        self._places = places or {}  # a state's name, as an event's location gives it -> its side
        self._camps: dict[tuple, frozenset[str]] = {}
        self._event_sides: dict[str, tuple[Event, tuple[frozenset[str], frozenset[str]]]] = {}
        self.max_window = max((r.window.max_days for r in self.rules), default=0)
        # rules by (cause category, effect category): most pairs need no rule at all
        self.by_categories: dict[tuple[str, str], list[LinkRule]] = {}
        for r in self.rules:
            for c in r.cause.categories:
                for e in r.effect.categories:
                    self.by_categories.setdefault((c, e), []).append(r)
        inferred = [r for r in self.rules if r.cue != "stated"]
        self.inferred_causes = {c for r in inferred for c in r.cause.categories}
        self.inferred_effects = {c for r in inferred for c in r.effect.categories}
        self.inferred_any = any(r.actors == "any" for r in inferred)
        self.inferred_window = max((r.window.max_days for r in inferred), default=0)

    def readings(self, stated: list[Stated], events: Mapping[str, Event]) -> list[Stated]:
        """The pairs that order events in time: of a temporal cue ("a day after"), its first candidate; of a
        causal cue, the first (in rank order) whose two categories a rule the cue supports takes, the reading
        an answer can have ("rejected the claim" is not put after a denial told before it when no charge
        was told)."""
        out: list[Stated] = []
        done: set[str] = set()
        for st in sorted(stated, key=lambda x: (x.group, x.rank)):
            if st.group in done:
                continue
            pair = (events[st.cause].category, events[st.effect].category)
            if st.kind != "causal" or any(_supports(r, st) for r in self.by_categories.get(pair, ())):
                out.append(st)
                done.add(st.group)
        return out

    def _inferred_candidates(self, dated: list[Event]) -> Iterator[tuple[str, str]]:
        """Pairs an inferred rule could link: close enough in time, categories some rule takes, and
        (unless a rule accepts any parties) an effect actor on the side of the cause's actor or
        target. Events are indexed by side, so the work follows the candidates, not all pairs; pairs
        are yielded, never collected (millions at scale)."""
        if not self.inferred_causes:
            return
        by_side: dict[str, list[int]] = {}
        for j, e in enumerate(dated):
            if e.category in self.inferred_effects:
                for side in (self.camp(e.actor) if e.actor else ()):
                    by_side.setdefault(side, []).append(j)
        window = self.inferred_window
        for i, c in enumerate(dated):
            if c.category not in self.inferred_causes:
                continue
            c_lo = c.when.earliest.toordinal()  # type: ignore[union-attr]
            c_hi = c.when.latest.toordinal()  # type: ignore[union-attr]
            if self.inferred_any:
                js: Iterable[int] = range(i + 1, len(dated))
            else:
                sides = set()
                for ref in (c.actor, c.target):
                    if ref is not None:
                        sides |= self.camp(ref)
                found: set[int] = set()
                for side in sides:
                    lst = by_side.get(side, [])
                    for j in lst[bisect_right(lst, i):]:  # events are in time order: stop past the window
                        if _mid(dated[j]) - c_hi > window:  # type: ignore[operator]
                            break
                        found.add(j)
                js = sorted(found)
            for j in js:
                e = dated[j]
                if e.when.earliest.toordinal() - c_hi > window:  # type: ignore[union-attr]
                    if _mid(e) - c_hi > window:  # type: ignore[operator]
                        break
                    continue
                if e.when.latest.toordinal() < c_lo:  # type: ignore[union-attr]
                    continue
                yield c.id, e.id

    def camp(self, ref: ActorRef) -> frozenset[str]:
        """The side of a party, memoised by what it depends on (millions of calls at scale)."""
        key = (ref.id, ref.side, *ref.backed_by)
        got = self._camps.get(key)
        if got is None:
            got = self._camps[key] = self._camp(ref)
        return got

    # ------------------------------------------------------------------ relations
    def relation_holds(self, rule: LinkRule, cause: Event, effect: Event, stated: bool = False,
                       causal: bool = False) -> bool:
        """Do the parties stand as the rule says? With a stated cue, an unknown target of the cause is
        allowed (the text already ties the two), and with a causal one an act whose parties are both
        unknown ("in retaliation for a weekend explosion on the bridge"); inferred links need every
        party known."""
        return _relation(rule.actors, self._sides(cause), self._sides(effect), stated,
                         causal, unnamed_ok=effect.category in _BLAMED_ACTS)

    def _sides(self, e: Event) -> tuple[frozenset[str], frozenset[str]]:
        """(actor's camp, target's camp); empty for a party with no side ("civilians", "militants").
        An attack on a named armed group in another state also hits that state ("struck hideouts of the
        Baloch Liberation Army inside Iran"): a cross-border strike answers, and is answered by, the state
        whose soil it hit."""
        got = self._event_sides.get(e.id)
        if got is None or got[0] is not e:
            actor = self.camp(e.actor) if e.actor else frozenset()
            target = self.camp(e.target) if e.target else frozenset()
            if e.location and e.category in _HITS_PLACE and e.target is not None and e.target.kind == "armed_group" \
                    and not e.target.id.startswith("unknown."):  # ("militants": a target still unknown)
                state = self._places.get(e.location)
                if state is not None and state not in actor and state not in target:
                    target = target | {state}
            sides = (actor, target)
            self._event_sides[e.id] = (e, sides)
            return sides
        return got[1]

    @staticmethod
    def _side_ok(side, e: Event) -> bool:
        return e.category in side.categories and side.min_intensity <= e.intensity <= side.max_intensity \
            and e.modality in side.modality

    @staticmethod
    def window_gap(cause: Event, effect: Event) -> tuple[float, float] | None:
        """Possible range of effect start minus cause start, in days (None if either is undated)."""
        c, e = cause.when, effect.when
        if not (c.earliest and c.latest and e.earliest and e.latest):
            return None
        return (e.earliest.toordinal() - c.latest.toordinal(), e.latest.toordinal() - c.earliest.toordinal())

    def applies(self, rule: LinkRule, cause: Event, effect: Event, stated: Stated | None) -> float | None:
        """The link's confidence if ``rule`` links cause -> effect, else None."""
        if not (self._side_ok(rule.cause, cause) and self._side_ok(rule.effect, effect)):
            return None
        cued = _supports(rule, stated)
        if rule.cue == "stated":
            if not cued or stated is None or stated.strength < rule.min_cue_strength:
                return None
            if rule.cue_labels and stated.label not in rule.cue_labels:
                return None
        if not self.relation_holds(rule, cause, effect, stated=cued,
                                   causal=cued and stated is not None and stated.kind == "causal"):
            return None
        gap = self.window_gap(cause, effect)
        if gap is None:
            if stated is None or not (stated.kind == "causal" or cued):
                return None
        else:
            lo, hi = gap
            if hi < rule.window.min_days or lo > rule.window.max_days:
                return None
        if cued and stated is not None:
            return round(rule.confidence * (0.5 + 0.5 * stated.strength), 4)
        if rule.cue == "stated":
            return None
        mid_gap = max(0.0, (_mid(effect) or 0) - (_mid(cause) or 0)) if gap else 0.0
        decay = 1 - 0.5 * min(1.0, mid_gap / rule.window.max_days) if rule.window.max_days else 1.0
        return round(rule.confidence * decay, 4)

    # ------------------------------------------------------------------ linking
    def link(self, events: list[Event], stated: list[Stated]) -> tuple[list[Link], list[TemporalIssue]]:
        by_id = {e.id: e for e in events}
        stated_by_pair: dict[tuple[str, str], Stated] = {}
        groups: dict[str, list[Stated]] = {}
        for s in stated:
            if s.cause in by_id and s.effect in by_id:
                groups.setdefault(s.group, []).append(s)
        for _g, cands in sorted(groups.items()):
            cands.sort(key=lambda s: s.rank)
            chosen = next((s for s in cands if s.kind != "causal" or any(
                self.applies(r, by_id[s.cause], by_id[s.effect], s) is not None
                for r in self.rules if r.cue != "inferred")), None)
            if chosen is None:
                continue
            prev = stated_by_pair.get((chosen.cause, chosen.effect))
            if prev is None or (prev.kind == "causal", prev.strength) < (chosen.kind == "causal", chosen.strength):
                stated_by_pair[(chosen.cause, chosen.effect)] = chosen
        dated = sorted((e for e in events if _mid(e) is not None and e.modality == "asserted"),
                       key=lambda e: (_mid(e), e.citations[0].doc, e.citations[0].start, e.id))
        rank = {e.id: i for i, e in enumerate(dated)}
        # (an inferred pair the text orders the other way round is none: "hours before the strikes, the
        # group fired" is not the group's answer to the strikes of the same day)
        pairs = chain(stated_by_pair, (p for p in self._inferred_candidates(dated)
                                       if p not in stated_by_pair and (p[1], p[0]) not in stated_by_pair))
        links: list[Link] = []
        for cause_id, effect_id in pairs:  # any order: links are sorted by id at the end
            cause, effect = by_id[cause_id], by_id[effect_id]
            st = stated_by_pair.get((cause_id, effect_id))
            if st is None and (cause_id in rank and effect_id in rank) and rank[cause_id] > rank[effect_id]:
                continue
            best: tuple[float, LinkRule] | None = None
            best_inferred = 0.0
            for rule in self.by_categories.get((cause.category, effect.category), ()):
                conf = self.applies(rule, cause, effect, st)
                if conf is None:
                    continue
                if rule.cue == "inferred":
                    best_inferred = max(best_inferred, conf)
                if best is None:
                    best = (conf, rule)
            if best is None:
                continue
            conf, rule = best
            is_stated = _supports(rule, st)
            if is_stated:
                conf = max(conf, best_inferred)
            key = f"{cause_id}|{effect_id}|{rule.id}"
            links.append(Link(
                id="ln_" + hashlib.sha1(key.encode()).hexdigest()[:10], cause=cause_id, effect=effect_id,
                label=rule.label, rule=rule.id, stated=is_stated, confidence=conf,
                cue=Cue(text=st.cue, sentence=st.sentence) if (st is not None and is_stated) else None,
            ))
        kept, issues = _break_cycles(links)
        self._answered_targets(kept, by_id)
        return kept, issues

    def _answered_targets(self, links: list[Link], by_id: dict[str, Event]) -> None:
        """An act the text says answers another, naming no target of its own, is aimed at the doer of the
        act it answers: "the Taliban condemned the strikes" condemns whoever struck, "Pakistan denied the
        allegation" rejects whoever alleged. Only for rules whose answer is aimed at the cause's actor (the
        side hit answering, or a third party reacting), by the strongest stated link into the act, and only
        when the answer's sentence names the act it answers (a mention merged into that act)."""
        best: dict[str, Link] = {}
        for ln in links:
            rule = self._by_id.get(ln.rule)
            if not ln.stated or rule is None or rule.actors not in ("reciprocal", "outside"):
                continue
            cause, effect = by_id[ln.cause], by_id[ln.effect]
            if effect.target is not None or cause.actor is None or cause.actor.id.startswith("unknown."):
                continue
            if not {c.sentence for c in effect.citations} & {c.sentence for c in cause.citations}:
                continue  # the answer's sentence names no mention of that act: its aim is not told
            prev = best.get(effect.id)
            if prev is None or (ln.confidence, prev.id) > (prev.confidence, ln.id):
                best[effect.id] = ln
        for effect_id, ln in best.items():
            effect = by_id[effect_id]
            effect.target = by_id[ln.cause].actor
            self._event_sides.pop(effect_id, None)


def _supports(rule: LinkRule, st: Stated | None) -> bool:
    """Does the cue of ``st`` state the tie for ``rule``? A causal cue does for any rule that is not
    inferred-only; a temporal cue ("a day after") only for a rule that names its label."""
    if st is None or rule.cue == "inferred":
        return False
    return st.kind == "causal" or bool(rule.cue_labels and st.label in rule.cue_labels)


def _relation(rel: str, cause: tuple[frozenset[str], frozenset[str]], effect: tuple[frozenset[str], frozenset[str]],
              stated: bool, causal: bool = False, unnamed_ok: bool = False) -> bool:
    """The actor relations of the rule language, on the camps of the four parties."""
    if rel == "any":
        return True
    ca, ct = cause
    ea, et = effect
    if rel == "outside":  # a third party: neither the acting side nor the side hit (those answer by other rules)
        return bool(ea) and not ea & ca and not ea & ct
    if rel in ("reciprocal", "inverse", "proxy"):
        # the effect's actor must be known (but see below), and so must the cause's target unless a cue
        # states the tie; with a stated cue an unidentified attacker ("militants fired rockets at Israel") is
        # allowed when the responder is the side that was hit, or, with a causal cue, when the text
        # names no party of the act answered at all ("ordered in retaliation for a weekend explosion")
        if not ea:
            # an unidentified responder acting by force ("protesters stormed the embassy in response to
            # the execution", ``unnamed_ok``): only with a causal cue, and only against the side that did
            # the act answered (not an unnamed accuser: "were accused of killing civilians")
            return unnamed_ok and stated and causal and bool(et and ca and et & ca) and not (ct and et & ct)
        if (not ct and not stated) or (not ca and (not stated or (not ct and not causal))):
            return False
        if ct and not ea & ct:
            return False
        if ca and ((et and not et & ca) or ea & ca):
            return False
        if rel == "proxy":  # the tie holds only through a sponsor: no single side is shared outright
            return bool(ct and len(ea & ct) < len(ea | ct)) or bool(et and ca and len(et & ca) < len(et | ca))
        return True
    if rel == "undoing":  # the side that acted takes its act back: releases whom it seized, pulls out
        return bool(ca and ct and ea and ea & ca) and not ea & ct and not (et and not et & ct)
    if not (ca and ct and ea and et):
        return False
    if rel == "ally":  # a third party strikes the attacker on the victim's behalf
        return bool(et & ca) and not ea & ca and not ea & ct and not et & ct
    if rel == "triangular":
        return bool(ea & ct) and not et & ca and not et & ea
    if rel == "same-side":
        return bool(ea & ca) and bool(et & ct) and not ea & ct
    return False


def _break_cycles(links: list[Link]) -> tuple[list[Link], list[TemporalIssue]]:
    issues: list[TemporalIssue] = []
    g = nx.DiGraph()
    for ln in sorted(links, key=lambda ln: ln.id):
        g.add_edge(ln.cause, ln.effect, link=ln)
    while not nx.is_directed_acyclic_graph(g):
        cycle = nx.find_cycle(g)
        weakest = min((g[u][v]["link"] for u, v in cycle), key=lambda ln: (ln.confidence, ln.id))
        g.remove_edge(weakest.cause, weakest.effect)
        issues.append(TemporalIssue(kind="link-cycle", message=f"links formed a cycle; dropped {weakest.id} "
                                    f"({weakest.rule}, confidence {weakest.confidence})",
                                    events=sorted({u for u, _ in cycle})))
    kept = {g[u][v]["link"].id for u, v in g.edges}
    return sorted((ln for ln in links if ln.id in kept), key=lambda ln: ln.id), issues
