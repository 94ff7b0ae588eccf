"""The temporal tagger: compiled rule pack + resolution against the DCT and discourse focus."""

from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import date
from typing import Any

from escalate.models import Timex, trusted
from escalate.trie import lowered

from .calendar import (
    RANK,
    SEASON_MONTH,
    UNIT_GRAN,
    Point,
    add_days,
    mod_interval,
    shift,
    truncate,
)
from .firstchars import K, norm_text
from .loader import FieldRef, Modifier, Pack, Rule

_TOKEN = re.compile(r"([A-Za-z]+)|(\d)\d*|([$£€¥'’#+(])")
_WORD = re.compile(r"[A-Za-z']+")
_CLAUSE = re.compile(r"[.!?;:]\s+(?=[A-Z\"'“‘(])|\n\s*\n|[,;]|--|—")
# a sentence end (not the full stop of an initial or an acronym: "the U.N. Security Council", "George W. Bush")
_BOUNDARY = re.compile(r"(?:[!?;:]|(?<!\b[A-Z])\.)\s+(?=[A-Z\"'“‘(])|\n\s*\n")
# a new clause coordinated after a comma ('would be "a cause for war", and on Monday Caracas ordered'): the
# cues before it tell another clause's time
_COORDINATED = re.compile(r",[\"'”’]?\s+(?:and|but|while|whereas)\s+(?=\S)", re.IGNORECASE)
_THE = re.compile(r"(?<![\w])the\s+$", re.IGNORECASE)
_MAX_BEFORE = 48
_AT_CACHE_MAX = 100_000
_CURRENT_DAYS = 45
# a timeline entry: a day that opens a line (after a bullet) and a colon or dash after it ("May 5:
# Soldiers brawl ...", "- Aug. 29-30 - Indian troops seize ...")
_ENTRY_BEFORE = re.compile(r"(?:^|\n)[ \t]*(?:[-*•·][ \t]*)?$")
_ENTRY_AFTER = re.compile(r"(?:\s*[-–]\s*\d{1,2})?\s*(?::|[-–—]\s)")
_YEAR_WRITTEN = re.compile(r"\d{4}|['’]\d{2}\b")
_DAY_VALUE = re.compile(r"(\d{4})-\d{2}-\d{2}")
_TIMELINE_MIN = 3
# a live blog's entry heading: a clock time alone on its line, with its time zone, maybe a title after a
# dash ("21:30 IST", "08:00 IST - Recap: Tuesday's air strike", "10.45am GMT"). The entry under it tells
# the page's day: the discourse focus goes back to the publication date
CLOCK_HEADING = re.compile(r"\s*\d{1,2}[:.]\d{2}\s*(?:[ap]\.?m\.?)?\s*(?:[A-Z]{2,5})?\s*(?:[-–—|:]\s*[^.!?]*)?\s*")
_LEAD = re.compile(r"(?:in|on|at|during)\s+", re.IGNORECASE)  # "in March 2020" reads as "March 2020"


# a date modifying an act named after a preposition of sequence ("after a July 16 explosion")
_ASIDE_BEFORE = re.compile(r"\b(?:after|before|since|following)\s+(?:a|an|the)\s+$", re.I)
_POSSESSIVE_DATE = re.compile(r"\b(?:next|last|this|coming|past)\s+(?:week|weekend|month|year|\w+day)['’]s\b", re.I)


@dataclass
class _Cand:
    start: int
    end: int
    rule: Rule
    match: re.Match[str]
    mod: str | None = None
    second: bool = False  # the second expression of a range rule ("March 3-[[5]]")


class _Unresolved(Exception):
    pass


class _Ref(Exception):
    """The expression is a vague reference (PAST_REF, FUTURE_REF)."""


def _valid_day(y: int, m: int, d: int) -> date | None:
    try:
        return date(y, m, d)
    except ValueError:
        return None


class TimeTagger:
    """Tags and normalises temporal expressions. Build with :func:`escalate.time.load_tagger`."""

    def __init__(self, pack: Pack):
        self.pack = pack
        self._rules = pack.rules
        self._scanner = pack.scanner
        self._index = pack.index
        self._lengths = pack.prefix_lengths
        self._starter = pack.starter
        self._at: dict[str, list[Rule]] = {}
        self._conv = pack.converters
        t = pack.tense
        self._future = {w.lower() for w in t.future}
        self._past = {w.lower() for w in t.past}
        self._present = {w.lower() for w in t.present}
        self._suffixes = tuple(s.lower() for s in t.past_suffix)
        self._not_past = {w.lower() for w in t.not_past}
        self._window = t.window
        self._past_aux = {w.lower() for w in t.past_aux}
        self._past_governors = {w.lower() for w in t.past_governors}
        self._future_before = {w.lower() for w in t.future_before}
        self._past_only_before = {w.lower() for w in t.past_only_before}
        self._near_days = t.near_days
        self._left_first = t.order == "left_first"
        self._passive = {w.lower() for w in t.passive_aux}
        self._adj_before = {w.lower() for w in t.adjective_before}
        self._modals = {w.lower() for w in t.clause_modals}
        self._modal_window = t.clause_window

    # ------------------------------------------------------------------ public API
    def tag(self, text: str, dct: date | None, spans: list[tuple[int, int]] | None = None) -> list[Timex]:
        """Temporal expressions in ``text`` (inside ``spans`` if given), resolved against ``dct``.

        Offsets are absolute into ``text``; the discourse focus carries across the spans in order."""
        if spans is None:
            spans = [(0, len(text))]
        out: list[Timex] = []
        focus: Point | None = None
        low = lowered(text)  # for the scan of token starts
        for s, e in spans:
            s = max(0, s)
            e = min(len(text), e)
            if s >= e:
                continue
            if dct is not None and e - s <= 60 and text[s:s + 1].isdigit() and CLOCK_HEADING.fullmatch(text, s, e):
                focus = Point("day", dct)
            for cand in self._candidates(text, s, e, low=low):
                tx, point = self._resolve(text, cand, s, e, dct, focus)
                if tx is None:
                    continue
                out.append(tx)
                if point is not None and cand.rule.sets_focus and not (
                        focus is not None and point.start < focus.start
                        and _ASIDE_BEFORE.search(text, max(s, cand.start - 12), cand.start)):
                    # (a date that goes back in time inside an "after a ..." phrase is an aside: "It was the
                    # second blast in a week, after a July 16 explosion ... That evening" is the week's evening)
                    focus = point
        return _timeline_years(text, out, dct) if dct is not None else out

    def parse_when(self, expr: str, dct: date | None = None) -> Timex | None:
        """One whole user-typed date expression ("Dec 2019", "early January 2020", "last week")."""
        text = expr.strip()
        if not text:
            return None
        found = self.tag(text, dct)
        if len(found) != 1:
            return None
        tx = found[0]
        lead = _LEAD.match(text)
        starts = (0, lead.end()) if lead else (0,)
        if tx.start not in starts or tx.end != len(text) or tx.type not in ("DATE", "TIME"):
            return None
        return tx

    # ------------------------------------------------------------------ recognition
    def _candidates(self, text: str, s: int, e: int, slow: bool = False, low: str | None = None) -> list[_Cand]:
        """Leftmost-longest matches in ``text[s:e]``. Rules are tried only at tokens that can start
        them (the prefix index); ``slow=True`` scans with one big regex instead (for tests). ``low``:
        the text lower-cased (same length), if the caller has it."""
        out: list[_Cand] = []
        pos = s
        last_end = s
        if slow:
            starts = self._slow_starts(text, s, e)
        else:
            starts = self._token_starts(text, s, e, low)
        for p, rules in starts:
            if p < pos:
                continue
            best, best_rule = self._best(text, p, e, rules)
            if best is None or best_rule is None:
                continue
            if best_rule.has_extent and best_rule.action == "tag" and best.start("_x") > p:
                # a context rule ("in <<May>>"): a longer expression starting at the extent wins
                a, b = best.span("_x")
                alt_rules = self._rules if slow else self._rules_at(text, a, e)
                alt, alt_rule = self._best(text, a, e, alt_rules)
                if alt is not None and alt_rule is not None and alt_rule.action == "tag":
                    a2, b2 = alt.span("_x") if alt_rule.has_extent else alt.span()
                    if a2 == a and b2 > b:
                        best, best_rule = alt, alt_rule
            pos = max(best.end(), p + 1)
            if best_rule.action == "drop":
                last_end = pos
                continue
            if best_rule.has_extent:
                a, b = best.span("_x")
            else:
                a, b = best.span()
            if a == b:
                continue
            cand = _Cand(a, b, best_rule, best)
            y = best.span("_y") if best_rule.second is not None else (-1, -1)
            self._extend(text, cand, max(s, last_end), y[0] if y[0] >= 0 else e)
            pos = max(pos, cand.end)
            last_end = cand.end
            out.append(cand)
            if y[0] >= 0 and y[1] > y[0]:
                out.append(_Cand(y[0], y[1], best_rule, best, second=True))
                pos = max(pos, y[1])
                last_end = y[1]
        return out

    def _token_starts(self, text: str, s: int, e: int, low: str | None = None) -> Any:
        rules_at = self._rules_at
        if self._starter is None:
            found = _TOKEN.finditer(text, s, e)
        else:
            found = self._starter.pick(low is not None).finditer(low if low is not None else text, s, e)
        for tm in found:
            p = tm.start()
            rules = rules_at(text, p, e)
            if rules:
                yield p, rules

    def _rules_at(self, text: str, p: int, e: int) -> list[Rule]:
        """Rules whose matches can start like ``text[p:]`` (by normalised prefix; remembered per
        raw prefix, as the same few words start most candidates)."""
        raw = text[p:min(e, p + K)]
        out = self._at.get(raw)
        if out is not None:
            return out
        key = norm_text(raw)
        index = self._index
        out = []
        n = len(key)
        for length in self._lengths:
            if length > n:
                break
            lst = index.get(key[:length])
            if lst:
                out += lst
        if len(self._at) >= _AT_CACHE_MAX:
            self._at.clear()
        self._at[raw] = out
        return out

    def _slow_starts(self, text: str, s: int, e: int) -> Any:
        pos = s
        while pos < e:
            m = self._scanner.search(text, pos, e)
            if m is None:
                return
            yield m.start(), self._rules
            pos = m.start() + 1

    def _best(self, text: str, p: int, e: int, rules: list[Rule]) -> tuple[re.Match[str] | None, Rule | None]:
        """The rule matching longest at ``p`` (drop rules win ties, then priority, then file order)."""
        best: re.Match[str] | None = None
        best_rule: Rule | None = None
        best_key: tuple[int, int, int, int, int] | None = None
        for rule in rules:
            mm = rule.regex.match(text, p, e)
            if mm is None:
                continue
            ext = mm.end() - (mm.start("_x") if rule.has_extent else p)
            key = (mm.end(), 1 if rule.action == "drop" else 0, ext, rule.priority, -rule.index)
            if best_key is None or key > best_key:
                best, best_rule, best_key = mm, rule, key
        return best, best_rule

    def _extend(self, text: str, cand: _Cand, lo: int, hi: int) -> None:
        """Take modifiers ("early", "the end of", "about", "or so") into the expression."""
        typ = cand.rule.type
        if cand.rule.ref is not None:
            return  # "about the future": vague references take no modifiers
        for mod in self.pack.modifiers:
            if typ not in mod.types:
                continue
            if mod.before is not None:
                m = mod.before.search(text, max(lo, cand.start - _MAX_BEFORE), cand.start)
                if m is None:
                    continue
                value = self._mod_value(mod, m)
                if value is None:
                    continue
                start = m.start()
                if mod.absorb_the:
                    t = _THE.search(text, max(lo, start - 4), start)
                    if t is not None and not text[start:start + 3].lower() == "the":
                        start = t.start()
                cand.start = start
                cand.mod = value
                return
            if mod.after is not None:
                m = mod.after.match(text, cand.end, hi)
                if m is None:
                    continue
                value = self._mod_value(mod, m)
                if value is None:
                    continue
                cand.end = m.end()
                cand.mod = value
                return

    def _mod_value(self, mod: Modifier, m: re.Match[str]) -> str | None:
        ref = mod.mod
        if ref.slot is None:
            return str(ref.literal)
        if mod.slot_pattern is None:
            return None
        try:
            txt = m.group(ref.slot)
        except IndexError:
            return None
        if txt is None:
            return None
        v = self._conv[mod.slot_pattern](txt)
        return None if v is None else str(v)

    # ------------------------------------------------------------------ tense
    def tense(self, text: str, a: int, b: int, s: int, e: int) -> str | None:
        """'past', 'future' or None from cue words near ``text[a:b]`` inside the span ``[s, e)``."""
        t = self._tense(text, a, b, s, e)
        return "future" if t == "deadline" else "past" if t == "past_only" else t

    def _tense(self, text: str, a: int, b: int, s: int, e: int) -> str | None:
        """As ``tense``, but 'deadline' for a future told only by the word before ("by the end of
        February"): a deadline, which may have passed just before the publication date."""
        # ("pulled out of next week's conference on Tuesday": a date in the possessive names a thing, no tense)
        left = _POSSESSIVE_DATE.sub(" ", text[max(s, a - 80):a])
        cuts = list(_BOUNDARY.finditer(left)) + list(_COORDINATED.finditer(left))
        if cuts:
            left = left[max(c.end() for c in cuts):]
        right = text[b:min(e, b + 80)]
        cut = _BOUNDARY.search(right)
        if cut is not None:
            right = right[:cut.start()]
        lw = [w.lower() for w in _WORD.findall(left)][::-1][: self._window]
        rw = [w.lower() for w in _WORD.findall(right)][: self._window]
        if lw and (lw[0] in self._past_only_before or " ".join(lw[1::-1]) in self._past_only_before):
            return "past_only"  # "since Oct. 8", "began on Oct. 7": gone, even when the day is just ahead
        if lw and lw[0] in self._future_before and not any(x in self._past_aux for x in lw[1:self._window]) \
                and not any(x in self._past_aux for x in rw[:4]) and not self._past_main_clause(right):
            # "by Friday"; but "had filed reports by Wednesday" and "By Sunday, Akar had put" are past.
            # A deadline set in a past clause ("had demanded a pull-back by the end of February") may
            # have passed
            clause = [w.lower() for w in _WORD.findall(text[max(s, a - 160):a])][::-1][1:self._modal_window]
            told = any(w in self._past or w in self._past_aux for w in clause)
            return "deadline" if told else "future"
        if self._left_first:
            order = [(lw, True, d) for d in range(len(lw))] + [(rw, False, d) for d in range(len(rw))]
        else:
            order = [(ws, left, d) for d in range(self._window) for ws, left in ((lw, True), (rw, False))
                     if d < len(ws)]
        for words, is_left, d in order:
            w = words[d]
            if d + 1 < len(words):
                pair = (words[d + 1] + " " + w) if is_left else (w + " " + words[d + 1])
            else:
                pair = ""
            if (pair and pair in self._future) or w in self._future:
                if is_left and any(x in self._past_aux for x in words[d + 1:d + 4]):
                    return "past"
                if not is_left and self._clause_aux(text, a, s):
                    return "past"  # "had warned during his visit in late January that X must be taught"
                if is_left and pair.startswith("to ") and d + 2 < len(words) and words[d + 2] in self._past_governors:
                    return "past"  # "appeared to take credit for the move on Tuesday"
                return "future"
            if (pair and pair in self._past) or w in self._past:
                return "past"
            if w in self._present:
                return None
            if self._suffixes and w.endswith(self._suffixes) and len(w) > 4 and w not in self._not_past:
                if is_left and d + 1 < len(words) and words[d + 1] in self._passive:
                    continue  # "to be published": a participle, the auxiliary decides
                if is_left:
                    prev = words[d + 1] if d + 1 < len(words) else ""
                else:
                    prev = words[d - 1] if d > 0 else (lw[0] if lw else "")
                if prev in self._adj_before:
                    continue  # "a still unspecified date", "the expanded offer": an adjective
                return "past"
        return self._clause_modal(text, a, s)

    def _past_main_clause(self, right: str) -> bool:
        """Does a fronted phrase end at a comma before a clause told with a past auxiliary ("By the end of
        January, Peruvian jets and helicopters were bombing")?"""
        head = right.lstrip()
        if not head.startswith(","):
            return False
        words = [w.lower() for w in _WORD.findall(head)][: self._window]
        return any(w in self._past_aux for w in words)

    def _clause_aux(self, text: str, a: int, s: int) -> bool:
        """Does a past auxiliary ("had", "was") govern the clause further left than the window? Then a
        future cue after the expression is another clause's ("had warned during his visit in late
        January that Vietnam must be taught a lesson")."""
        return any(w in self._past_aux for w in self._far_clause_words(text, a, s))

    def _far_clause_words(self, text: str, a: int, s: int) -> list[str]:
        """The words of the clause before ``a`` (it ends at a sentence end, a comma, a semicolon or a dash)
        further left than the window, nearest first, up to ``clause_window``."""
        left = text[max(s, a - 160):a]
        cuts = list(_CLAUSE.finditer(left))
        if cuts:
            left = left[cuts[-1].end():]
        return [w.lower() for w in _WORD.findall(left)][::-1][self._window:self._modal_window]

    def _clause_modal(self, text: str, a: int, s: int) -> str | None:
        """'future' when a modal (`will`, `shall` ...) governs the clause further left than the window.

        "Collins will be named commander of the Space Shuttle Columbia for a mission in December":
        the words between the modal and the date hold no cue of their own. The clause ends at a
        sentence end, a comma, a semicolon or a dash; a past cue met first ends the search."""
        if not self._modals:
            return None
        for w in self._far_clause_words(text, a, s):
            if w in self._modals:
                return "future"
            if w in self._past or w in self._past_aux:
                return None
        return None

    # ------------------------------------------------------------------ normalisation
    def _fields(self, cand: _Cand) -> dict[str, Any]:
        out: dict[str, Any] = {}
        mm = cand.match
        rule = cand.rule
        for name, ref in rule.fields.items():
            v = self._field(ref, rule, mm)
            if v is not None:
                out[name] = v
        if cand.second and rule.second is not None:
            for name, ref in rule.second.items():
                v = self._field(ref, rule, mm)
                if v is None:
                    out.pop(name, None)
                else:
                    out[name] = v
        return out

    def _field(self, ref: FieldRef, rule: Rule, mm: re.Match[str]) -> Any:
        if ref.slot is None:
            return ref.literal
        txt = mm.group(ref.slot)
        group = ref.slot
        k = 1
        while txt is None:
            k += 1
            group = f"{ref.slot}__{k}"
            if group not in rule.slots:
                return None
            txt = mm.group(group)
        v = self._conv[rule.slots[group]](txt)
        if v is None:
            return None
        if ref.negate:
            if isinstance(v, (int, float)):
                return -v
            return "-X" if v == "X" else v
        return v

    def _resolve(
        self, text: str, cand: _Cand, s: int, e: int, dct: date | None, focus: Point | None
    ) -> tuple[Timex | None, Point | None]:
        rule = cand.rule
        f = self._fields(cand)
        mod = cand.mod if cand.mod is not None else (str(f["mod"]) if "mod" in f else None)
        typ = rule.type
        value: str
        earliest: date | None = None
        latest: date | None = None
        point: Point | None = None
        try:
            if rule.ref is not None:
                value = rule.ref
                if dct is not None:
                    if value == "PRESENT_REF":
                        earliest = latest = dct
                    elif value == "PAST_REF":
                        latest = dct
                    else:
                        earliest = dct
            elif typ == "DURATION":
                value = rule.value or _duration(f)
                if "shift" in f:
                    # "three days later", "two weeks after the attack": TimeML's DURATION, and for
                    # reasoning the day it points to, counted from the date in focus
                    try:
                        point, _v = self._date(text, cand, s, e, f, dct, focus)
                    except _Ref:
                        point = None
                    if point is not None:
                        earliest, latest = mod_interval(point, mod)
            elif typ == "SET":
                value = rule.value or _set_value(f)
            else:
                try:
                    point, value = self._date(text, cand, s, e, f, dct, focus)
                    if (point is not None and point.gran == "day" and rule.gran in RANK
                            and rule.gran != "day" and "unit" not in f):
                        point = truncate(point.start, rule.gran)  # "the first week of March"
                        value = point.value()
                except _Ref as ref_exc:
                    point, value = None, str(ref_exc)
                    if dct is not None:
                        earliest, latest = (None, dct) if value == "PAST_REF" else (dct, None)
                if point is not None:
                    earliest, latest = mod_interval(point, mod)
                    tail = _time_tail(f)
                    if tail:
                        if point.gran == "day":
                            value += tail
                        typ = "TIME"
                elif _time_tail(f):
                    typ = "TIME"
                    if value.startswith("XXXX") and "T" not in value:
                        value += _time_tail(f)  # "Friday night" without a DCT: XXXX-WXX-5TNI
        except _Unresolved:
            return None, None
        if earliest is not None and latest is not None and earliest > latest:
            earliest, latest = latest, earliest
        tx = trusted(
            Timex, start=cand.start, end=cand.end, text=text[cand.start:cand.end], type=typ, value=value, mod=mod,
            earliest=earliest, latest=latest,
        )
        return tx, point

    def _date(
        self, text: str, cand: _Cand, s: int, e: int, f: dict[str, Any], dct: date | None, focus: Point | None
    ) -> tuple[Point | None, str]:
        rule = cand.rule
        if "ymd" in f:
            y, m, d = f["ymd"]
            if d is None:
                return Point("month", date(y, m, 1)), f"{y:04d}-{m:02d}"
            dd = _valid_day(y, m, d)
            if dd is None:
                raise _Unresolved
            return Point("day", dd), Point("day", dd).value()
        if "century" in f:
            c = int(f["century"])
            if c < 1 or c > 99:
                raise _Unresolved
            p = Point("century", date(max(1, (c - 1) * 100), 1, 1))
            return p, f"{c - 1:02d}"
        if "decade" in f:
            dec = int(f["decade"])
            if dec < 1 or dec > 999:
                raise _Unresolved
            return Point("decade", date(dec * 10, 1, 1)), f"{dec:03d}"
        year: int | None = None
        if "year" in f:
            year = int(f["year"])
            if not 1 <= year <= 9998:
                raise _Unresolved
        base: Point | None = None
        if "unit" in f and "shift" in f:
            unit = str(f["unit"])
            n = f["shift"]
            gran = UNIT_GRAN.get(unit, "day")
            anchor = rule.anchor
            ref: Point | None
            dct_point = Point("day", dct) if dct is not None else None
            if anchor == "dct":
                ref = dct_point
            elif anchor == "focus":
                ok = focus is not None and (rule.focus_grans is None or focus.gran in rule.focus_grans)
                if ok and focus is not None and dct is not None and (
                        (rule.focus_time == "over" and focus.end() >= dct)
                        or (rule.focus_time == "begun" and focus.start > dct)):
                    ok = False  # "the latest quarter" is a reported one, not the one under way
                if ok:
                    ref = focus
                else:
                    ref = dct_point
                    if isinstance(n, (int, float)):
                        n = n + rule.fallback_shift
            else:
                # auto: "a year ago" while the current reporting period is in focus (a quarter or
                # half that has just ended, or a month under way) means that period a year before
                current = focus is not None and dct is not None and focus.start <= dct and (
                    (focus.gran in ("quarter", "half") and (dct - focus.end()).days <= _CURRENT_DAYS)
                    or (focus.gran == "month" and focus.end() >= dct)
                )
                if current and unit == "Y":
                    ref = focus
                else:
                    ref = dct_point
            if ref is None or not isinstance(n, (int, float)):
                if n == "-X" and anchor != "focus":
                    raise _Ref("PAST_REF")
                if n == "X" and anchor != "focus":
                    raise _Ref("FUTURE_REF")
                return None, _x_value(gran, f)
            on_focus = ref is focus and ref is not dct_point
            target = gran
            if rule.gran == "unit":
                target = gran
            elif rule.gran == "focus":
                target = ref.gran if on_focus else gran
            elif rule.gran:
                target = rule.gran
            elif on_focus and ref.gran != "day":
                target = ref.gran if RANK[ref.gran] <= RANK[gran] else gran
            elif on_focus and unit in ("D", "W", "F"):
                target = "day"  # "two weeks after the attack": a day, counted from the day in focus
            if on_focus and RANK[ref.gran] > RANK[target]:
                target = ref.gran  # "that day" after "in 1987": no finer than what is known
            start = shift(ref, unit, int(n))
            base = truncate(start, target)
            if rule.dir == "tense" and n == 0 and dct is not None:
                t = self.tense(text, cand.start, cand.end, s, e)
                if t != "future" and base.start > dct:
                    base = truncate(shift(base, unit, -1), target)
                elif t == "future" and base.end() < dct:
                    base = truncate(shift(base, unit, 1), target)
            # "the 1988 quarter" with no quarter in focus: the last completed quarter, in 1988
            in_year = on_focus or (anchor == "focus" and rule.fallback_shift != 0)
            if "year" in f and not _has_calendar(f) and not in_year:
                p = Point("year", date(int(f["year"]), 1, 1))
                return p, p.value()
            if "year" in f and not _has_calendar(f):
                # "the 1988 quarter": the period in focus, in another year
                y = int(f["year"])
                st = base.start
                base = truncate(date(y, st.month, min(st.day, 28)), base.gran)
            if not _has_calendar(f):
                return base, base.value()
            year = base.start.year
            if "day" in f and "month" not in f and base.gran in ("month", "week", "day"):
                f = {**f, "month": base.start.month}  # "on the 3rd": a day of the month in focus
            if "weekday" in f and base.gran in ("week", "weekend", "day"):
                wk = truncate(base.start, "week").start
                p = Point("day", add_days(wk, int(f["weekday"]) - 1))
                return p, p.value()
        # calendar fields
        if not _has_calendar(f):
            if year is not None:
                p = Point("year", date(year, 1, 1))
                return p, p.value()
            if "pod" in f or "time" in f:
                if dct is None:
                    return None, "XXXX-XX-XX"
                p = Point("day", dct)
                return p, p.value()
            raise _Unresolved
        if "weekday" in f and not ("month" in f and "day" in f):
            wd = int(f["weekday"])
            if dct is None:
                return None, f"XXXX-WXX-{wd}"
            direction = rule.dir
            if direction == "auto":
                t = self.tense(text, cand.start, cand.end, s, e)
                direction = "future" if t == "future" else "past"
            ref_day = dct
            if rule.anchor == "focus" and focus is not None and focus.gran == "day":
                ref_day = focus.start  # "the previous Friday": counted from the day in focus
            p = Point("day", _weekday(ref_day, wd, direction))
            return p, p.value()

        def build(y: int) -> Point | None:
            if "month" in f:
                m = int(f["month"])
                if not 1 <= m <= 12:
                    return None
                if "day" in f:
                    dd = _valid_day(y, m, int(f["day"]))
                    return Point("day", dd) if dd else None
                return Point("month", date(y, m, 1))
            if "quarter" in f:
                q = int(f["quarter"])
                return Point("quarter", date(y, 3 * q - 2, 1)) if 1 <= q <= 4 else None
            if "half" in f:
                h = int(f["half"])
                return Point("half", date(y, 1 if h == 1 else 7, 1))
            if "season" in f:
                sm = SEASON_MONTH.get(str(f["season"]))
                return Point("season", date(y, sm, 1)) if sm else None
            return None

        if year is not None:
            p = build(year)
            if p is None:
                raise _Unresolved
            return p, p.value()
        if dct is None:
            return None, _x_value(None, f)
        direction = rule.dir
        if direction == "auto":
            t = self._tense(text, cand.start, cand.end, s, e)
            direction = {"past": "past", "past_only": "past_only", "future": "future",
                         "deadline": "deadline"}.get(t or "", "near")
        p = _infer_year(build, dct, direction, self._near_days)
        if p is None:
            raise _Unresolved
        return p, p.value()


# ---------------------------------------------------------------------- helpers
def _has_calendar(f: dict[str, Any]) -> bool:
    return any(k in f for k in ("month", "quarter", "half", "season", "weekday", "day"))


def _time_tail(f: dict[str, Any]) -> str:
    if "time" in f:
        return "T" + str(f["time"])
    if "pod" in f:
        return "T" + str(f["pod"])
    return ""


def _x_value(gran: str | None, f: dict[str, Any]) -> str:
    if "month" in f:
        m = int(f["month"])
        if "day" in f:
            return f"XXXX-{m:02d}-{int(f['day']):02d}"
        return f"XXXX-{m:02d}"
    if "quarter" in f:
        return f"XXXX-Q{int(f['quarter'])}"
    if "half" in f:
        return f"XXXX-H{int(f['half'])}"
    if "season" in f:
        return f"XXXX-{f['season']}"
    if "weekday" in f:
        return f"XXXX-WXX-{int(f['weekday'])}"
    return {
        "day": "XXXX-XX-XX", "week": "XXXX-WXX", "weekend": "XXXX-WXX-WE", "month": "XXXX-XX",
        "quarter": "XXXX-QX", "half": "XXXX-HX", "season": "XXXX-XX", "year": "XXXX", "decade": "XXX",
        "century": "XX",
    }.get(gran or "day", "XXXX-XX-XX")


def _num(n: Any) -> str:
    if n == "X" or n is None:
        return "X"
    if isinstance(n, float):
        if n == int(n):
            return str(int(n))
        return f"{n:g}"
    return str(n)


def _duration(f: dict[str, Any]) -> str:
    unit = str(f.get("unit", "D"))
    n = f.get("duration", 1)
    if unit in ("TH", "TM", "TS"):
        if isinstance(n, float) and n != int(n) and unit in ("TH", "TM"):
            lower = "M" if unit == "TH" else "S"
            head = f"{int(n)}{unit[1]}" if int(n) else ""
            return f"PT{head}{round((n - int(n)) * 60)}{lower}"
        return f"PT{_num(n)}{unit[1]}"
    if unit == "F":
        return f"P{_num(n * 2) if isinstance(n, (int, float)) else 'X'}W"
    if isinstance(n, float) and n != int(n):
        # 2 1/2 years -> P2Y6M; 1.5 days -> P1DT12H; 1.5 hours -> PT1H30M
        whole = int(n)
        frac = n - whole
        small = {"Y": ("M", 12), "M": ("D", 30), "W": ("D", 7), "D": ("H", 24), "DE": ("Y", 10), "Q": ("M", 3)}
        if unit in small:
            u2, k = small[unit]
            head = f"{whole}{unit}" if whole else ""
            part = round(frac * k)
            return f"P{head}T{part}H" if u2 == "H" else f"P{head}{part}{u2}"
    if unit == "Q" and isinstance(n, (int, float)) and n > 1:
        return f"P{int(n) * 3}M"
    return f"P{_num(n)}{unit}"


def _set_value(f: dict[str, Any]) -> str:
    tail = _time_tail(f)
    if "weekday" in f:
        return f"XXXX-WXX-{int(f['weekday'])}{tail}"
    if "month" in f:
        return f"XXXX-{int(f['month']):02d}"
    if "quarter" in f:
        return f"XXXX-Q{int(f['quarter'])}"
    if "season" in f:
        return f"XXXX-{f['season']}"
    if "pod" in f or "time" in f:
        return f"XXXX-XX-XX{tail}"
    unit = str(f.get("unit", "D"))
    n = f.get("duration", 1)
    if unit in ("TH", "TM", "TS"):
        return f"PT{_num(n)}{unit[1]}"
    return f"P{_num(n)}{unit}"


def _weekday(dct: date, wd: int, direction: str) -> date:
    cur = dct.isoweekday()
    if direction == "last":
        k = (cur - wd) % 7 or 7
        return add_days(dct, -k)
    if direction == "next":
        k = (wd - cur) % 7 or 7
        return add_days(dct, k)
    if direction in ("future",):
        return add_days(dct, (wd - cur) % 7)
    if direction == "this":
        return add_days(dct, wd - cur)
    return add_days(dct, -((cur - wd) % 7))


_CUM_DAYS = (0, 31, 59, 90, 120, 151, 181, 212, 243, 273, 304, 334)


def _day365(d: date) -> int:
    """Day number on a calendar without leap days (29 February counts as the 28th)."""
    return d.year * 365 + _CUM_DAYS[d.month - 1] + min(d.day, 28 if d.month == 2 else 31)


def _infer_year(build: Any, dct: date, direction: str, near_days: int = 31) -> Point | None:
    cands: list[Point] = []
    for y in (dct.year - 1, dct.year, dct.year + 1):
        if 1 <= y <= 9998:
            p = build(y)
            if p is not None:
                cands.append(p)
    if not cands:
        # 29 February: look further
        for k in range(2, 5):
            for y in (dct.year - k, dct.year + k):
                p = build(y) if 1 <= y <= 9998 else None
                if p is not None:
                    cands.append(p)
        if not cands:
            return None
    if direction == "this":
        for p in cands:
            if p.start.year == dct.year:
                return p
        return cands[0]
    gran = cands[0].gran
    here = truncate(dct, gran).start
    if direction == "last":
        past = [p for p in cands if p.start < here]
        if gran == "month" and len(past) > 1 and add_days(past[-1].end(), 1) >= here:
            # "last February" written on 1 March is February a year ago: the month just gone
            # would be "last month" (or "this past February")
            return past[-2]
        return past[-1] if past else cands[0]
    if direction == "next":
        fut = [p for p in cands if p.start > here]
        return fut[0] if fut else cands[-1]
    if direction in ("past", "past_only"):
        if gran == "day" and direction == "past":
            # "extended the offer to Nov. 20": a day just ahead of the DCT is the coming one
            # (counted on a calendar without leap days: shifting the DCT by whole years shifts the answer)
            soon = [p for p in cands if 0 < _day365(p.start) - _day365(dct) <= near_days]
            if soon:
                return soon[0]
        past = [p for p in cands if p.start <= dct]
        return past[-1] if past else cands[0]
    if direction == "deadline":
        # "had demanded a pull-back by the end of February", written in early March: the deadline just
        # passed, not one eleven months ahead
        gone = [p for p in cands if p.end() < dct and _day365(dct) - _day365(p.end()) <= near_days]
        if gone:
            return gone[-1]
        direction = "future"
    if direction == "future":
        fut = [p for p in cands if p.end() >= dct]
        return fut[0] if fut else cands[-1]

    def dist(p: Point) -> int:
        # news reports mostly look back: a future reading must be twice as close to win. Days are
        # counted on a 365-day calendar so that a leap day never decides (shifting the DCT by whole
        # years shifts the result by the same years)
        if p.start <= dct <= p.end():
            return 0
        here = _day365(dct)
        d = min(abs(_day365(p.start) - here), abs(_day365(p.end()) - here))
        return d * 2 if p.start > dct else d

    return min(cands, key=lambda p: (dist(p), 0 if p.start <= dct else 1))


def _timeline_years(text: str, found: list[Timex], dct: date) -> list[Timex]:
    """A timeline ("May 5: ...", "June 15: ...", ..., "Feb. 19: ...") tells past days in order: its
    entries that name no year take the years that keep them in order and end on or before the DCT
    (a February story's "May 5:" entry is last May, not next May, whatever tense the entry is in).
    Only days the tagger put within a year of the DCT move, and what else the entry's heading dates
    ("Aug. 29-30") moves with its day."""
    entries: list[int] = []
    for i, t in enumerate(found):
        if t.type != "DATE" or t.earliest is None or t.earliest != t.latest or _YEAR_WRITTEN.search(t.text) \
                or not _DAY_VALUE.fullmatch(t.value or "") or abs(t.earliest.year - dct.year) > 1:
            continue
        if _ENTRY_BEFORE.search(text, max(0, t.start - 8), t.start) and _ENTRY_AFTER.match(text, t.end):
            entries.append(i)
    if len(entries) < _TIMELINE_MIN:
        return found
    out = list(found)
    year: int | None = None
    later: tuple[int, int] | None = None  # the next entry's (month, day)
    for k in reversed(entries):
        d = found[k].earliest
        assert d is not None
        md = (d.month, d.day)
        if year is None:
            year = dct.year if md <= (dct.month, dct.day) else dct.year - 1
        elif later is not None and md > later:
            year -= 1  # a day after the next entry's: the year before it
        later = md
        if year != d.year:
            head_end = _ENTRY_AFTER.match(text, found[k].end).end()  # type: ignore[union-attr]
            for j in range(k, len(found)):
                if found[j].start >= head_end:
                    break
                out[j] = _moved(found[j], year - d.year)
    return out


def _moved(t: Timex, years: int) -> Timex:
    """``t`` moved by whole years (value and interval; a 29 February falls on the 28th)."""
    def move(d: date | None) -> date | None:
        if d is None:
            return None
        y = d.year + years
        return date(y, d.month, min(d.day, 28)) if (d.month, d.day) == (2, 29) else date(y, d.month, d.day)

    m = _DAY_VALUE.match(t.value or "")
    value = f"{int(m.group(1)) + years:04d}{(t.value or '')[4:]}" if m else t.value
    return t.model_copy(update={"value": value, "earliest": move(t.earliest), "latest": move(t.latest)})
