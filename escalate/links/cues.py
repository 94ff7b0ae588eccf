"""Causal and temporal cue phrases ("in retaliation for", "led to", "a day later").

The lexicon lives in ``rules/links/cues.yaml`` (format: ``docs/cues.md``). ``load_cues``
validates it with located errors and compiles every pattern of every entry into ONE
case-insensitive, word-bounded regular expression; ``CueMatcher.find`` returns the cues
of a text span with absolute offsets, longest match first, non-overlapping.

Each match carries what the linker needs: ``kind`` (causal or merely temporal),
``direction`` (is the cause before or after the cue in the text), ``anaphoric`` (the
cause - or, for "earlier", the effect - is an event of earlier discourse, not of this
clause), ``strength`` and a relation ``label``.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path
from typing import Annotated, Literal

from pydantic import AfterValidator, BaseModel, ConfigDict, Field

from escalate.errors import Problem, RulesError
from escalate.models import CueMatch
from escalate.yamlio import LocDict, LocList, load_yaml, validate

Kind = Literal["causal", "temporal"]
Direction = Literal["cause_first", "effect_first"]

# --------------------------------------------------------------------------- pattern syntax
# A pattern is words separated by spaces (matching any run of whitespace). Inside a word:
#   (a|b c)   one of the alternatives (words, spaces, placeholders; no nested groups; may be empty)
#   (a|b)?    the same, optional; a word that is only an optional group may be left out
#   -         hyphen, dash or space, or nothing: "counter-attack" matches "counterattack"
#   '         straight or curly apostrophe
#   <num>     a number: digits or a number word ("a", "one" ... "twelve", "a few", "several")
#   <month> <weekday> <year>   month name, weekday name, four-digit year
#   <word>    any one word (use sparingly, between required words)
# Letters, digits and "." are literal; matching ignores case.

_NUM_WORDS = (
    "a few|a couple of|several|a|an|one|two|three|four|five|six|seven|eight|nine|ten|"
    "eleven|twelve|fifteen|twenty|thirty|forty|fifty|few|many|some|\\d+(?:[.,]\\d+)?"
)
_MONTHS = (
    "january|february|march|april|may|june|july|august|september|october|november|december|"
    "jan|feb|mar|apr|jun|jul|aug|sep|sept|oct|nov|dec"
)
_WEEKDAYS = "monday|tuesday|wednesday|thursday|friday|saturday|sunday"
_PLACEHOLDERS: dict[str, tuple[str, int]] = {
    # name: (regex, longest plausible length, used only to order alternatives)
    "num": (f"(?:{_NUM_WORDS})", 9),
    "month": (f"(?:{_MONTHS})", 9),
    "weekday": (f"(?:{_WEEKDAYS})", 9),
    "year": (r"(?:1[89]\d\d|2\d\d\d)", 4),
    "word": (r"(?:[^\W\d_][\w'\u2019-]*)", 8),
}
_HYPHEN = r"(?:\s*[-\u2010\u2011\u2012\u2013\u2014]\s*|\s+)?"
_APOS = "['\u2019\u2018`]"
_LITERAL_OK = re.compile(r"[A-Za-z0-9.]")


class PatternError(ValueError):
    """A cue pattern that does not follow the documented syntax."""


@dataclass(frozen=True)
class _Word:
    regex: str
    max_len: int
    optional: bool  # the whole word may be left out


def _literal(ch: str) -> tuple[str, int]:
    if ch == "'":
        return _APOS, 1
    if ch == "-":
        return _HYPHEN, 1
    if _LITERAL_OK.fullmatch(ch):
        return re.escape(ch), 1
    raise PatternError(f"character {ch!r} is not allowed in a cue pattern (letters, digits, ' - . only)")


def _parse_plain(text: str, where: str) -> tuple[str, int]:
    """Literal characters, placeholders and (inside groups) spaces; no groups."""
    parts: list[str] = []
    total = 0
    i = 0
    while i < len(text):
        ch = text[i]
        if ch == "<":
            close = text.find(">", i)
            if close < 0:
                raise PatternError(f"unclosed '<' in {where!r}")
            name = text[i + 1 : close]
            if name not in _PLACEHOLDERS:
                known = ", ".join(f"<{k}>" for k in _PLACEHOLDERS)
                raise PatternError(f"unknown placeholder <{name}> (known: {known})")
            rx, n = _PLACEHOLDERS[name]
            parts.append(rx)
            total += n
            i = close + 1
        elif ch.isspace():
            while i < len(text) and text[i].isspace():
                i += 1
            parts.append(r"\s+")
            total += 1
        elif ch in "()|?>":
            raise PatternError(f"unexpected {ch!r} in {where!r}")
        else:
            rx, n = _literal(ch)
            parts.append(rx)
            total += n
            i += 1
    return "".join(parts), total


def _parse_word(word: str) -> _Word:
    parts: list[str] = []
    total = 0
    i = 0
    only_optional_group = True
    while i < len(word):
        ch = word[i]
        if ch == "(":
            close = word.find(")", i)
            if close < 0:
                raise PatternError(f"unclosed '(' in {word!r}")
            body = word[i + 1 : close]
            if "(" in body:
                raise PatternError(f"nested '(' in {word!r}: groups cannot be nested")
            alts = [a.strip() for a in body.split("|")]
            compiled = [_parse_plain(alt, word) for alt in alts]
            # Longest alternative first so that "(e|es|ed)" prefers the longer ending when both fit.
            compiled.sort(key=lambda c: -c[1])
            group = "(?:" + "|".join(rx for rx, _ in compiled) + ")"
            i = close + 1
            if i < len(word) and word[i] == "?":
                group += "?"
                i += 1
            else:
                only_optional_group = False
            parts.append(group)
            total += max(n for _, n in compiled)
        elif ch == "<":
            close = word.find(">", i)
            if close < 0:
                raise PatternError(f"unclosed '<' in {word!r}")
            rx, n = _parse_plain(word[i : close + 1], word)
            parts.append(rx)
            total += n
            i = close + 1
            only_optional_group = False
        elif ch in ")|?>":
            raise PatternError(f"unexpected {ch!r} in {word!r}")
        else:
            rx, n = _literal(ch)
            parts.append(rx)
            total += n
            i += 1
            only_optional_group = False
    if only_optional_group and word:
        if len(parts) != 1:
            raise PatternError(f"{word!r}: a word made only of optional groups must be one group")
        # The whole word (and its separating space) is optional, not the group inside it.
        return _Word(parts[0][:-1], total, True)
    return _Word("".join(parts), total, False)


def _split_words(pattern: str) -> list[str]:
    """Split on whitespace outside ``( )`` groups."""
    words: list[str] = []
    current = ""
    depth = 0
    for ch in pattern:
        if ch == "(":
            depth += 1
        elif ch == ")":
            depth -= 1
            if depth < 0:
                raise PatternError(f"unbalanced ')' in {pattern!r}")
        if ch.isspace() and depth == 0:
            if current:
                words.append(current)
            current = ""
        else:
            current += ch
    if depth:
        raise PatternError(f"unclosed '(' in {pattern!r}")
    if current:
        words.append(current)
    return words


def compile_pattern(pattern: str) -> tuple[str, int]:
    """Translate one cue pattern into a regex (no capturing groups) and its longest length."""
    words = _split_words(pattern)
    if not words:
        raise PatternError("empty pattern")
    parsed = [_parse_word(w) for w in words]
    if all(w.optional for w in parsed):
        raise PatternError(f"pattern {pattern!r} can match empty text")
    out = ""
    seen_required = False
    for w in parsed:
        if not seen_required:
            # Optional words before the first required one carry their separator after them.
            out += f"(?:{w.regex}\\s+)?" if w.optional else w.regex
            seen_required = not w.optional
        else:
            out += f"(?:\\s+{w.regex})?" if w.optional else f"\\s+{w.regex}"
    length = sum(w.max_len for w in parsed) + len(parsed) - 1
    return out, length


# --------------------------------------------------------------------------- models
def _check_pattern(value: str) -> str:
    try:
        compile_pattern(value)
    except PatternError as exc:
        raise ValueError(f"bad pattern {value!r}: {exc}") from None
    return value


# Validated item by item, so that errors point at the offending list item.
Pattern = Annotated[str, AfterValidator(_check_pattern)]


class CueSpec(BaseModel):
    """One lexicon entry as written in ``rules/links/cues.yaml``."""

    model_config = ConfigDict(extra="forbid")

    id: str = Field(pattern=r"^[a-z][a-z0-9_]*$")
    patterns: list[Pattern] = Field(min_length=1)
    kind: Kind
    direction: Direction
    anaphoric: bool | Literal["auto"] = "auto"
    strength: float = Field(ge=0.0, le=1.0)
    label: str | None = None
    flip_when_initial: bool = False
    followed_by: list[Pattern] = Field(default_factory=list)
    preceded_by: list[Pattern] = Field(default_factory=list)
    not_followed_by: list[Pattern] = Field(default_factory=list)
    not_preceded_by: list[Pattern] = Field(default_factory=list)
    note: str | None = None


class CueFile(BaseModel):
    model_config = ConfigDict(extra="forbid")

    version: Literal[1] = 1
    cues: list[CueSpec] = Field(min_length=1)


# --------------------------------------------------------------------------- matching
# Sentence (or headline/dateline) breaks, used only to decide whether a cue opens its sentence.
_SENT_BREAK = re.compile(
    r"[.!?][\"'\u201d\u2019)\]]*\s+|\n\s*\n|\n(?=\s*[A-Z\"\u201c])|\s:\s+(?=[A-Z\"\u201c])|^[A-Z][A-Z ,.'-]+:\s+"
)
_CLAUSE_END = set(',.;:!?)]}"\u201d\u2019\u2014\u2013')
# A lone demonstrative as the cue's object: "in the wake of this," / "because of this the army ...".
_PRONOUN_ONLY = re.compile(
    r"\s*(?:this|that|these|those|it|them)\s*(?:$|[,.;:!?)\]\"\u201d\u2019\u2014\u2013]|"
    r"(?:the|a|an|he|she|they|we|i|it|there|his|her|their|its|our|police|troops|security)\s)",
    re.IGNORECASE,
)
# A finite verb right after an effect-first cue means its object is missing: "the clashes that
# followed left three dead", "the strikes that came after were heavier".
_VERB_NEXT = re.compile(
    r"\s*(?:but|while|whereas|although|though|was|were|is|are|has|have|had|will|would|could|can|may|might|must|should|did|does|do|"
    r"left|killed|wounded|injured|saw|lasted|ended|continued|spread|turned|claimed|included|forced|"
    r"prompted|led|resulted|caused|sparked|triggered|drew|brought|took|made|became|went|came)(?![\w-])",
    re.IGNORECASE,
)
# What may stand before a cue that still counts as sentence-initial ("But after the raid, ...").
_INITIAL_LEAD = re.compile(
    r"^[\s\"'\u201c\u2018(\[\-\u2014]*(?:(?:and|but|yet|so|however|then|just|only|even|also|now)"
    r"[\s,\"'\u201c\u2018]*)*$",
    re.IGNORECASE,
)
# Before a cause-first cue: nothing, or only a demonstrative subject ("This prompted ...").
_ANAPHORIC_SUBJECT = re.compile(
    r"^[\s\"'\u201c\u2018(\[\-\u2014]*(?:(?:and|but|yet|so|however|this|that|these|those|it|all|in\s+turn|as\s+a\s+result)"
    r"[\s,\"'\u201c\u2018]*)*$",
    re.IGNORECASE,
)
_LOOKBACK = 400


def _before_regex(patterns: list[str]) -> re.Pattern[str] | None:
    """A regex that finds one of ``patterns`` right before a position (searched up to it)."""
    if not patterns:
        return None
    body = "|".join(compile_pattern(p)[0] for p in patterns)
    return re.compile(rf"(?<![\w\-])(?:{body})[\s,]+$", re.IGNORECASE)


@dataclass(frozen=True)
class _Entry:
    spec: CueSpec
    group: str
    preceded_veto: re.Pattern[str] | None
    preceded_need: re.Pattern[str] | None


class CueMatcher:
    """All cues of one lexicon, compiled into a single regular expression."""

    def __init__(self, specs: list[CueSpec], source: Path | None = None) -> None:
        self.specs: list[CueSpec] = list(specs)
        self.source = source
        alternatives: list[tuple[int, int, int, str, str]] = []
        self._entries: dict[str, _Entry] = {}
        n = 0
        for spec in self.specs:
            before_veto = _before_regex(spec.not_preceded_by)
            before_need = _before_regex(spec.preceded_by)
            veto = ""
            if spec.followed_by:
                need_rx = "|".join(compile_pattern(p)[0] for p in spec.followed_by)
                veto += rf"(?=[\s,]+(?:{need_rx})(?![\w]))"
            if spec.not_followed_by:
                veto_rx = "|".join(compile_pattern(p)[0] for p in spec.not_followed_by)
                veto += rf"(?![\s,]+(?:{veto_rx})(?![\w]))"
            for pattern in spec.patterns:
                rx, length = compile_pattern(pattern)
                group = f"c{n}"
                n += 1
                self._entries[group] = _Entry(spec, group, before_veto, before_need)
                # Longest first; at equal length the constrained (followed_by) entries first.
                rank = 0 if spec.followed_by else 1
                alternatives.append((-length, rank, n, group, f"(?P<{group}>{rx}){veto}"))
        alternatives.sort()
        body = "|".join(alt for *_, alt in alternatives)
        # A zero-width lookahead finds the best cue starting at EVERY position (overlaps included);
        # ``find`` then keeps the longest non-overlapping ones.
        self.regex: re.Pattern[str] = re.compile(rf"(?=(?<![\w\-])(?:{body})(?!\w|-\w))", re.IGNORECASE)

    def __len__(self) -> int:
        return len(self.specs)

    def spec(self, cue_id: str) -> CueSpec:
        for s in self.specs:
            if s.id == cue_id:
                return s
        raise KeyError(cue_id)

    def find(self, text: str, start: int = 0, end: int | None = None) -> list[CueMatch]:
        """All cues in ``text[start:end]``: absolute offsets, sorted, non-overlapping, longest wins."""
        n = len(text)
        lo = max(0, min(start, n))
        hi = n if end is None else max(lo, min(end, n))
        if lo >= hi:
            return []
        candidates: list[tuple[int, int, str]] = []
        for m in self.regex.finditer(text, lo, hi):
            group = m.lastgroup
            if group is None:
                continue
            s, e = m.span(group)
            if e <= s:
                continue
            entry = self._entries[group]
            # Left context needs a variable-width look-behind, so it is checked here; a candidate
            # that fails is dropped (no other alternative at this position is tried).
            if entry.preceded_veto is not None and entry.preceded_veto.search(text, max(lo, s - 60), s):
                continue
            if entry.preceded_need is not None and not entry.preceded_need.search(text, max(lo, s - 60), s):
                continue
            candidates.append((s, e, group))
        # Longest first, then leftmost, then stronger; keep those that do not overlap a kept one.
        candidates.sort(key=lambda c: (-(c[1] - c[0]), c[0], -self._entries[c[2]].spec.strength))
        kept: list[tuple[int, int, str]] = []
        taken = bytearray(hi - lo)
        for cand in candidates:
            a, b = cand[0] - lo, cand[1] - lo
            if not any(taken[a:b]):
                taken[a:b] = b"\x01" * (b - a)
                kept.append(cand)
        kept.sort()
        return [self._make(text, s, e, self._entries[g].spec, lo, hi) for s, e, g in kept]

    # ------------------------------------------------------------------ resolution
    @staticmethod
    def _sentence_before(text: str, s: int, lo: int) -> str:
        back = max(lo, s - _LOOKBACK)
        chunk = text[back:s]
        cut = 0
        for brk in _SENT_BREAK.finditer(chunk):
            cut = brk.end()
        return chunk[cut:]

    @staticmethod
    def _nothing_follows(text: str, e: int, hi: int) -> bool:
        i = e
        while i < hi and text[i].isspace():
            i += 1
        if i >= hi or text[i] in _CLAUSE_END:
            return True
        rest = text[e:hi][:40]
        return _PRONOUN_ONLY.match(rest) is not None or _VERB_NEXT.match(rest) is not None

    def _make(self, text: str, s: int, e: int, spec: CueSpec, lo: int, hi: int) -> CueMatch:
        direction: Direction = spec.direction
        before = self._sentence_before(text, s, lo)
        if spec.anaphoric == "auto":
            if direction == "effect_first":
                anaphoric = self._nothing_follows(text, e, hi)
            else:
                anaphoric = _ANAPHORIC_SUBJECT.match(before) is not None
            if anaphoric:
                # The antecedent in earlier discourse is the cause: it precedes the effect.
                direction = "cause_first"
        else:
            anaphoric = spec.anaphoric
        if not anaphoric and spec.flip_when_initial and _INITIAL_LEAD.match(before):
            # "After the raid, militants fired rockets": the cause is inside the fronted phrase.
            direction = "cause_first"
        return CueMatch(
            start=s,
            end=e,
            text=text[s:e],
            cue=spec.id,
            kind=spec.kind,
            direction=direction,
            anaphoric=anaphoric,
            strength=spec.strength,
            label=spec.label,
        )


# --------------------------------------------------------------------------- loading
def _duplicate_problems(path: Path, data: object, specs: list[CueSpec]) -> list[Problem]:
    problems: list[Problem] = []
    seen: dict[str, int] = {}
    items = data.get("cues") if isinstance(data, LocDict) else None
    for i, spec in enumerate(specs):
        if spec.id in seen:
            line, col = (1, 1)
            if isinstance(items, LocList) and i < len(items):
                item = items[i]
                line, col = (
                    item.key_marks.get("id", items.item_marks[i])
                    if isinstance(item, LocDict)
                    else items.item_marks[i]
                )
            problems.append(
                Problem(
                    str(path), line, col, f"duplicate cue id {spec.id!r} (first at entry {seen[spec.id]})"
                )
            )
        else:
            seen[spec.id] = i
    return problems


def default_cues_path(rules_dir: Path | None = None) -> Path:
    if rules_dir is None:
        from escalate.resources import rules_dir as bundled

        rules_dir = bundled()
    return (Path(rules_dir) / "links" / "cues.yaml").resolve()


@lru_cache(maxsize=16)
def _load(path: Path) -> CueMatcher:
    located = load_yaml(path)
    parsed = validate(CueFile, located)
    problems = _duplicate_problems(path, located.data, parsed.cues)
    if problems:
        raise RulesError(problems)
    return CueMatcher(parsed.cues, source=path)


def load_cues(rules_dir: Path | None = None) -> CueMatcher:
    """The cue lexicon of ``<rules_dir>/links/cues.yaml`` (default: the bundled rules), cached."""
    return _load(default_cues_path(rules_dir))
