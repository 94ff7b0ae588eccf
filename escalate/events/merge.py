"""Events from mentions: coreference within a document, merging across documents.

Within a document a mention joins an earlier event when it is dated and the dates agree,
when it is a definite reference ("the attack", "the latest attack"), or when it continues
the event in focus in the preceding sentences; actors must be compatible (same camp or
unknown). An undated event naming both parties and the way of acting of exactly one event of
the document dated to a day is that event told again; a mutual act (an agreement) merges
whichever party is named first. Across documents, events of one category with compatible actors and agreeing
dates merge and count their sources. Documents are processed in id order and events in a
canonical order, so the result does not depend on input order.
"""

from __future__ import annotations

import hashlib
from collections import Counter
from collections.abc import Callable
from dataclasses import dataclass, field
from datetime import date

from escalate.models import ActorRef, Event, Mention, When, trusted

Camp = Callable[[ActorRef], frozenset[str]]


@dataclass(eq=False)  # groups are compared by identity: by value, a list look-up compares every mention
class _Group:
    mentions: list[Mention] = field(default_factory=list)
    sentence_index: int = 0  # index (in document order) of the latest sentence mentioning it

    @property
    def category(self) -> str:
        return self.mentions[0].category

    @property
    def modality(self) -> str:
        return self.mentions[0].modality

    def bounds(self) -> tuple[date | None, date | None]:
        lo = hi = None
        for m in self.mentions:
            if m.when and m.when.earliest:
                lo = m.when.earliest if lo is None else max(lo, m.when.earliest)
            if m.when and m.when.latest:
                hi = m.when.latest if hi is None else min(hi, m.when.latest)
        return lo, hi

    def actors(self, role: str) -> list[ActorRef]:
        return [getattr(m, role) for m in self.mentions if getattr(m, role) is not None]


def _retold(g: _Group, m: Mention, si: int) -> bool:
    """Is ``m`` the dated retelling of the one undated act the sentence before told, by the same named party
    in the same way ("... a tanker seized by Revolutionary Guards" / "The Guards said they had captured the
    Stena Impero on Friday evening")?"""
    if len(g.mentions) != 1 or si - g.sentence_index != 1 or m.indefinite or m.answered:
        return False
    first = g.mentions[0]
    return first.actor is not None and m.actor is not None and first.actor.id == m.actor.id \
        and not m.actor.id.startswith("unknown.") and first.mode is not None and first.mode == m.mode


def _headline(g: _Group) -> bool:
    """Is every mention of ``g`` in its document's headline: the first sentence, with no sentence end
    ("Venezuela, Guyana agree not to use force in Essequibo dispute")? Sentence ids are "<doc>:<n>", n
    counting from 1."""
    return all(m.sentence.rpartition(":")[2] == "1" and m.citation.text.rstrip()[-1:] not in _SENTENCE_END
               for m in g.mentions)


_SENTENCE_END = frozenset(".!?\"'”’:;")


def _same_word(m: Mention, n: Mention) -> bool:
    """Do two mentions use the same word? "strike" ~ "airstrike", "rocket fire" ~ "fired"."""
    def words(x: Mention) -> set[str]:
        return {w.lower() for w in (x.lemma or "").split() + x.trigger.text.split() if len(w) > 3}

    return any(a == b or a.endswith(b) or b.endswith(a) or a[:4] == b[:4] for a in words(m) for b in words(n))


def _sponsor_and_proxy(x: ActorRef, y: ActorRef) -> bool:
    """Is one of two parties the other's sponsor? They share a camp, but a sponsor's act ("Iran's
    foreign minister said the attack would not go unanswered") is not its proxy's (Hezbollah's vow)."""
    own_x, own_y = x.side or x.id, y.side or y.id
    return own_x != own_y and (own_x in y.backed_by or own_y in x.backed_by)


# how many sentences back a definite description ("the attacks") finds its event first
_RECENT_SENTENCES = 5
# a span longer than this (days, half a year) never is one act of days ("since 1984", "over the past year")
_SPAN_DAYS = 186


def _vague_fit(g: _Group, m: Mention) -> bool:
    """A span of weeks ("has hit a dozen refineries since January") only overlapping an event of one
    day, told with another word and another mode: no evidence that they are one event."""
    def span(w: When | None) -> int | None:
        """Days from earliest to latest, None unless both are known."""
        return (w.latest - w.earliest).days if w and w.earliest and w.latest else None

    def wide(w: When | None) -> bool:
        return (span(w) or 0) > 7

    # "more than 40,000 people have been killed since 1984": a whole war's toll, not an act of days
    long_m = (span(m.when) or 0) > _SPAN_DAYS
    if any((d := span(x.when)) is not None and (d > _SPAN_DAYS) != long_m for x in g.mentions):
        return True
    day = _precise_day(m.when) is not None
    days = any(_precise_day(x.when) for x in g.mentions)
    if not ((wide(m.when) and days) or (day and any(wide(x.when) for x in g.mentions))):
        return False
    return _other_mode(g, m)


def _other_mode(g: _Group, m: Mention, told: bool = False) -> bool:
    """Is ``m`` told with another mode than every mention of ``g`` and with none of their words ("the
    expulsion of its diplomats" is no suspension of aid told before)? ``told``: count only modes that
    triggers tell themselves ("the shelling", not "the attack" in a sentence that names a drone)."""
    mode = m.mode if m.mode_told or not told else None
    modes = {x.mode for x in g.mentions if x.mode and (x.mode_told or not told)}
    return bool(mode and modes and mode not in modes and not any(_same_word(m, x) for x in g.mentions))


def _precise_day(w: When | None) -> date | None:
    if w and w.earliest and w.earliest == w.latest:
        return w.earliest
    return None


def _precise_day_of(g: _Group) -> date | None:
    lo, hi = g.bounds()
    return lo if lo is not None and lo == hi else None


def _dates_agree(g: _Group, m: Mention) -> bool:
    lo, hi = g.bounds()
    if not m.when or (lo is None and hi is None):
        return True
    if m.when.earliest and hi and m.when.earliest > hi:
        return False
    if m.when.latest and lo and m.when.latest < lo:
        return False
    day = _precise_day(m.when)
    days = {_precise_day(x.when) for x in g.mentions} - {None}
    return not (day and days and day not in days)


class Merger:
    def __init__(self, camp: Camp, mutual: frozenset[str] = frozenset(), distinct_modes: frozenset[str] = frozenset(),
                 generic_words: frozenset[str] = frozenset(), one_act_modes: frozenset[str] = frozenset()):
        self.camp = camp
        # categories whose two parties act together (agreements, talks): "India agreed with Pakistan" and
        # "Pakistan and India agreed" tell one act, whichever party is named first
        self.mutual = mutual
        self.distinct_modes = distinct_modes
        # words that name a whole category ("the attack"): told again, they are no evidence of the same act
        self.generic_words = generic_words
        # categories whose ways of acting told in one sentence are one act ("attacked the post with guns and
        # grenades"); in the others they are two ("forced a jet to land and arrested a journalist")
        self.one_act_modes = one_act_modes

    def _compatible(self, a: list[ActorRef], b: ActorRef | None) -> bool:
        """Could ``b`` be the same party as one of ``a``? Generic unknowns ("militants") fit anyone."""
        a = [x for x in a if not x.id.startswith("unknown.")]
        if b is None or not a or b.id.startswith("unknown."):
            return True
        cb = self.camp(b)
        return any(self.camp(x) & cb and not _sponsor_and_proxy(x, b) for x in a)

    def _restate(self, groups: list[_Group]) -> list[_Group]:
        """An undated event of the document that names both parties and the way of acting of exactly
        one event dated to a day tells that event again ("Thailand launched air strikes on Cambodian
        military targets on Thursday ... sending six F-16 fighter jets, which struck two Cambodian
        military targets"): the two are one."""
        out = list(groups)
        for g in groups:
            if g.bounds() != (None, None) or g.modality != "asserted":
                continue
            modes = {x.mode for x in g.mentions if x.mode}
            actors = [x for x in g.actors("actor") if not x.id.startswith("unknown.")]
            targets = [x for x in g.actors("target") if not x.id.startswith("unknown.")]
            if not (modes and actors and targets):
                continue
            same = [o for o in out if o is not g and o.category == g.category and o.modality == "asserted"
                    and _precise_day_of(o) is not None and modes & {x.mode for x in o.mentions}
                    and self._shares(actors, o.actors("actor")) and self._shares(targets, o.actors("target"))
                    # (one that names no known party is no retelling: "with some accusing the government")
                    and any(not x.id.startswith("unknown.") for x in o.actors("actor") + o.actors("target"))]
            if len(same) == 1 and all(self._fits(same[0], m, strict_target=True) for m in g.mentions):
                same[0].mentions.extend(g.mentions)
                same[0].sentence_index = max(same[0].sentence_index, g.sentence_index)
                out.remove(g)
        return out

    def _names_a_party(self, g: _Group, m: Mention) -> bool:
        """Does the mention name a known party of the event, in the same role (either role for acts the
        two parties do together: "the two countries had agreed")?"""
        either = g.category in self.mutual
        for role in ("actor", "target"):
            ref = getattr(m, role)
            if ref is not None and not ref.id.startswith("unknown."):
                mine = self.camp(ref)
                theirs = g.actors("actor") + g.actors("target") if either else g.actors(role)
                if any(not x.id.startswith("unknown.") and self.camp(x) & mine for x in theirs):
                    return True
        return False

    def _shares(self, a: list[ActorRef], b: list[ActorRef]) -> bool:
        """Do two lists of parties share a camp (or does the second name no known party)?"""
        known = [y for y in b if not y.id.startswith("unknown.")]
        return not known or any(self.camp(x) & self.camp(y) for x in a for y in known)

    def _fits(self, g: _Group, m: Mention, strict_target: bool) -> bool:
        if g.category != m.category or g.modality != "asserted":
            return False
        if not self._parties_fit(g, m.actor, m.target, strict_target) and not (
                g.category in self.mutual and m.actor is not None and m.target is not None
                and self._parties_fit(g, m.target, m.actor, strict_target)):
            return False
        return _dates_agree(g, m)

    def _parties_fit(self, g: _Group, actor: ActorRef | None, target: ActorRef | None, strict_target: bool) -> bool:
        if not self._compatible(g.actors("actor"), actor):
            return False
        if strict_target and not self._compatible(g.actors("target"), target):
            return False
        # a party hit in the mention cannot be the party that acted in the event
        known = [x for x in g.actors("actor") if not x.id.startswith("unknown.")]
        if target is not None and not target.id.startswith("unknown.") and \
                any(self.camp(x) & self.camp(target) for x in known):
            return False
        hit = [x for x in g.actors("target") if not x.id.startswith("unknown.")]
        return not (actor is not None and not actor.id.startswith("unknown.")
                    and any(self.camp(x) & self.camp(actor) for x in hit))

    def document(self, mentions: list[Mention]) -> list[_Group]:
        groups: list[_Group] = []
        unknown: list[tuple[Mention, int]] = []  # a cue's object of which nothing is known (yet)
        sentence_order: dict[str, int] = {}
        for m in mentions:
            sentence_order.setdefault(m.sentence, len(sentence_order))
        for m in mentions:
            si = sentence_order[m.sentence]
            if m.modality != "asserted":
                groups.append(_Group([m], si))
                continue
            match: _Group | None = None
            candidates = [g for g in groups if g.modality == "asserted" and g.category == m.category]
            if m.when and (m.when.earliest or m.when.latest):
                for g in reversed(candidates):
                    if g.bounds() != (None, None) and self._fits(g, m, strict_target=True) and not _vague_fit(g, m) \
                            and not (m.cued and not m.definite and si > g.sentence_index and not self._names_a_party(g, m)) \
                            and not (m.when.earliest is None and _other_mode(g, m)) \
                            and not (m.category not in self.one_act_modes and any(x.sentence == m.sentence for x in g.mentions)
                                     and _other_mode(g, m, told=True)):
                        # (an act known only to have happened by a day, told with another way of acting and
                        # another word, is no evidence of the same act: "soldiers had been kidnapped" told on
                        # the day of a shelling)
                        # (two ways of acting told in one sentence are two acts: "forced a jet to land and
                        # arrested a journalist on board")
                        # (a later sentence with a cue tells an act related to the earlier one: "Hours later,
                        # the group retaliated with 100 rockets" is dated from the strike it answers, and is
                        # that strike only if it names one of its parties)
                        match = g
                        break
                if match is None:
                    for g in reversed(candidates):
                        # (a definite noun, or the first dated telling of an act the headline tells with
                        # no date: "<A>, <B> agree not to use force" / "The presidents of <A> and <B>
                        # agreed on Thursday ...")
                        if g.bounds() == (None, None) and si - g.sentence_index <= 1 and self._fits(g, m, True) \
                                and ((m.definite and not m.cued)
                                     or (_headline(g) and not m.indefinite and not m.answered)
                                     or _retold(g, m, si)):
                            match = g
                            break
            elif m.latest:
                dated = [g for g in candidates if g.bounds()[1] is not None and self._fits(g, m, strict_target=False)]
                if dated:
                    match = max(dated, key=lambda g: (g.bounds()[1], g.sentence_index))
            elif m.definite:
                # "the strikes" refers back to the most recent compatible event told with the same word
                # (the object of a cue is another event than those told in its sentence: "fired rockets in
                # retaliation for the strikes"; "struck ..., and the group said the strikes would not go
                # unpunished" tells the same strikes again)
                fitting = [g for g in candidates if self._fits(g, m, strict_target=False)
                           and not (m.category in self.distinct_modes and _other_mode(g, m, told=True))
                           and not (m.answered and any(x.sentence == m.sentence for x in g.mentions))]
                if fitting:
                    # ... preferring one whose target fits too ("the drone attacks on Port Sudan" are not the
                    # army's air strikes on the RSF told just before)
                    # ... then one told in the last few sentences (Iran's "attacks" told 30 sentences after an
                    # unattributed bombing are Iran's strikes told just before, not that bombing), then one
                    # told with the same word, unless that word names the whole category (after "the attacks
                    # on two embassies" and a missile strike, "ten workers were injured in the attack" tells
                    # the strike, the latest act, not the act told with "attacks")
                    match = max(fitting, key=lambda g: (self._fits(g, m, strict_target=True),
                                                        si - g.sentence_index <= _RECENT_SENTENCES,
                                                        m.lemma not in self.generic_words
                                                        and any(_same_word(m, x) for x in g.mentions),
                                                        g.sentence_index, groups.index(g)))
            elif not m.indefinite and not m.cued:
                # continuation of the event in focus: the most recent event of this category only
                # (when that sentence told several, only one told with the same word)
                recent = [g for g in candidates if si - g.sentence_index <= 2]
                if recent:
                    last = max(g.sentence_index for g in recent)
                    focus = [g for g in recent if g.sentence_index == last]
                    if len(focus) > 1:
                        focus = [g for g in focus if any(_same_word(m, x) for x in g.mentions)]
                    if len(focus) == 1 and self._fits(focus[0], m, strict_target=True):
                        match = focus[0]
            if match is None:
                if m.actor is None and m.target is None and m.when is None and not m.definite:
                    if m.answered and m.mode is not None:
                        unknown.append((m, si))
                    continue  # nothing known about it and nothing to attach it to: not an event
                groups.append(_Group([m], si))
            else:
                match.mentions.append(m)
                match.sentence_index = si
        for m, si in unknown:
            # the cause a lede names in passing ("fired missiles in retaliation for a deadly poison gas
            # attack") is told in full later ("The sarin attack on ... on Tuesday killed 87"): the first
            # event of the same kind and way of acting told after it, if any
            later = [g for g in groups if g.modality == "asserted" and g.category == m.category
                     and sentence_order[g.mentions[0].sentence] > si
                     and any(x.mode == m.mode for x in g.mentions)]
            if later:
                first = min(later, key=lambda g: sentence_order[g.mentions[0].sentence])
                first.mentions.insert(0, m)
        for g in list(groups):
            # ... and so is one the lede names with both its parties but no date ("downgraded ties with Iran
            # after protesters stormed Saudi Arabia's embassy" / "protesters stormed the Saudi embassy in
            # Tehran on Saturday"): the first dated event told after it with the same word and a target of
            # the same side
            m = g.mentions[0]
            if len(g.mentions) != 1 or not m.answered or g.bounds() != (None, None) or m.modality != "asserted" \
                    or m.actor is None or m.target is None or m.target.id.startswith("unknown."):
                continue
            hit = self.camp(m.target)
            later = [o for o in groups if o is not g and o.category == m.category and o.modality == "asserted"
                     and o.bounds() != (None, None) and o.sentence_index > g.sentence_index
                     and any(_same_word(m, x) for x in o.mentions)
                     and any(x.target is not None and self.camp(x.target) & hit for x in o.mentions)
                     and self._fits(o, m, strict_target=True)]
            if later:
                min(later, key=lambda o: sentence_order[o.mentions[0].sentence]).mentions.insert(0, m)
                groups.remove(g)
        return self._restate(groups)

    # ------------------------------------------------------------------ corpus
    def corpus(self, per_doc: list[list[_Group]]) -> list[Event]:
        pool: list[_Group] = [g for groups in per_doc for g in groups]
        pool.sort(key=_group_key)
        merged: list[list[_Group]] = []
        facts = {id(g): self._facts(g) for g in pool}
        # clusters (by creation index) under the camps of their first group's actors and targets:
        # only a cluster sharing a camp with a group can take it, so the others are never compared
        by_camp: dict[tuple[str, str, str], list[int]] = {}
        until: list[date] = []  # per cluster: its first group's latest day
        for g in pool:
            target = None
            f = facts[id(g)]
            lo, hi = f.lo, f.hi
            dated = g.modality == "asserted" and lo is not None and hi is not None
            if dated:
                near = {k for role, camps in (("a", f.actor_camps), ("t", f.target_camps))
                        for x in camps for k in by_camp.get((g.category, role, x), ())}
                doc = g.mentions[0].doc
                for k in sorted(near):  # the earliest-made cluster that fits wins
                    cluster = merged[k]
                    # sweep over time: a cluster whose latest day is before the group's earliest is over
                    if until[k] < lo or any(c.mentions[0].doc == doc for c in cluster):  # type: ignore[operator]
                        continue
                    if _cross_fits(facts[id(cluster[0])], f):
                        target = cluster
                        break
            if target is None:
                target = [g]
                merged.append(target)
                until.append(hi or date.min)
                if dated:
                    for role, camps in (("a", f.actor_camps), ("t", f.target_camps)):
                        for x in camps:
                            by_camp.setdefault((g.category, role, x), []).append(len(merged) - 1)
            else:
                target.append(g)
        events = [self._event(cluster) for cluster in merged]
        events.sort(key=lambda e: (e.when.earliest or date.max, e.citations[0].doc, e.citations[0].start, e.id))
        return events

    def _facts(self, g: _Group) -> _Facts:
        lo, hi = g.bounds()
        actors, targets = g.actors("actor"), g.actors("target")
        return _Facts(
            category=g.category, asserted=g.modality == "asserted", has_actor=bool(actors),
            has_target=bool(targets),
            # two lists of parties share a camp when the unions of their camps meet
            actor_camps=frozenset(x for a in actors for x in self.camp(a)),
            target_camps=frozenset(x for t in targets for x in self.camp(t)),
            lo=lo, hi=hi, days=frozenset(_precise_day(m.when) for m in g.mentions) - {None},
        )

    def _event(self, cluster: list[_Group]) -> Event:
        mentions = sorted((m for g in cluster for m in g.mentions), key=lambda m: (m.doc, m.trigger.start))
        first = mentions[0]
        actor = _representative([m.actor for m in mentions])
        target = _representative([m.target for m in mentions])
        if actor and target and self.camp(actor) & self.camp(target):
            others = [m.target for m in mentions if m.target and not (self.camp(m.target) & self.camp(actor))]
            target = _representative(others)
        lo = hi = None
        texts = []
        for m in mentions:
            if m.when:
                if m.when.earliest:
                    lo = m.when.earliest if lo is None else max(lo, m.when.earliest)
                if m.when.latest:
                    hi = m.when.latest if hi is None else min(hi, m.when.latest)
                texts.append(m.when)
        best_when = min(texts, key=lambda w: ((w.latest - w.earliest).days if w.earliest and w.latest else 10**6)) \
            if texts else None
        if lo is None and hi is None:
            # told with no date: the day of the act its sentence followed in the narrative, if any
            lo = hi = next((m.narrative_day for m in mentions if m.narrative_day is not None), None)
            if lo is None:
                # a statement told with no date in a story of a recent day: since that day (the report
                # bounds it after)
                lo = next((m.told_after for m in mentions if m.told_after is not None), None)
        when = trusted(When, text=best_when.text if best_when else None, value=best_when.value if best_when else None,
                    mod=best_when.mod if best_when else None, earliest=lo, latest=hi)
        if len(mentions) == 1:
            mode = first.mode
        else:
            modes = Counter(m.mode for m in mentions if m.mode)
            mode = modes.most_common(1)[0][0] if modes else None
        # the code and intensity of the most intense mention, among those of the event's mode (a code the mode
        # contradicts is never shown beside it)
        moded = [m for m in mentions if m.mode == mode] or mentions
        rep = min(moded, key=lambda m: (m.intensity, m.doc, m.trigger.start)) if first.modality == "asserted" else first
        citations, seen = [], set()
        for m in mentions:
            if (m.citation.doc, m.citation.start) not in seen:
                seen.add((m.citation.doc, m.citation.start))
                citations.append(m.citation)
        key = f"{first.doc}|{first.trigger.start}|{first.category}"
        return trusted(
            Event,
            id="ev_" + hashlib.sha1(key.encode()).hexdigest()[:10], category=first.category,
            mode=mode, cameo=rep.cameo, intensity=rep.intensity,
            actor=actor, target=target, when=when,
            fatalities=max((m.fatalities for m in mentions if m.fatalities is not None), default=None),
            injuries=max((m.injuries for m in mentions if m.injuries is not None), default=None),
            location=next((m.location for m in mentions if m.location
                           and m.location not in {x.name for x in (actor, target) if x is not None}), None),
            modality=first.modality,
            citations=citations, mentions=[m.id for m in mentions], sources=len({m.doc for m in mentions}),
        )


@dataclass(frozen=True)
class _Facts:
    """What cross-document merging compares of a group, computed once."""

    category: str
    asserted: bool
    has_actor: bool
    has_target: bool
    actor_camps: frozenset[str]
    target_camps: frozenset[str]
    lo: date | None
    hi: date | None
    days: frozenset[date | None]


def _cross_fits(a: _Facts, b: _Facts) -> bool:
    """Could groups of two documents tell one event? Same category, a shared camp on each side both
    name, overlapping dates and, where both give exact days, a common day."""
    if a.category != b.category or not a.asserted:
        return False
    if not (a.has_actor and b.has_actor) and not (a.has_target and b.has_target):
        return False
    if a.has_actor and b.has_actor and not a.actor_camps & b.actor_camps:
        return False
    if a.has_target and b.has_target and not a.target_camps & b.target_camps:
        return False
    if a.lo is None or a.hi is None or b.lo is None or b.hi is None:
        return False
    if a.lo > b.hi or b.lo > a.hi:
        return False
    return not (a.days and b.days and not a.days & b.days)


def _representative(refs: list[ActorRef | None]) -> ActorRef | None:
    known = [r for r in refs if r is not None]
    if len(known) <= 1:
        return known[0] if known else None
    counts = Counter(r.id for r in known)

    def score(r: ActorRef) -> tuple:
        specific = not r.id.startswith("unknown.")
        return (specific, r.side is not None, counts[r.id], -known.index(r))

    return max(known, key=score)


def _group_key(g: _Group) -> tuple:
    lo, hi = g.bounds()
    m = g.mentions[0]
    return (lo or date.max, hi or date.max, m.category, m.doc, m.trigger.start)
