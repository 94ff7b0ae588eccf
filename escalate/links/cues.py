"""Causal and temporal cue phrases ("in retaliation for", "led to", "a day later").

The lexicon lives in ``rules/links/cues.yaml`` (format: ``docs/cues.md``). ``load_cues``
validates it with located errors and compiles every pattern of every entry into ONE
case-insensitive, word-bounded regular expression; ``CueMatcher.find`` returns the cues
of a text span with absolute offsets, longest match first, non-overlapping. ``find`` does not
run that regex at every position but dispatches on word starts (see ``CueMatcher``), with
exactly the same result; ``CueMatcher._find_reference`` is the one-regex definition.

Each match carries what the linker needs: ``kind`` (causal or merely temporal),
``direction`` (is the cause before or after the cue in the text), ``anaphoric`` (the
cause - or, for "earlier", the effect - is an event of earlier discourse, not of this
clause), ``strength`` and a relation ``label``.
"""

from __future__ import annotations

import re
from bisect import bisect_left, bisect_right
from collections.abc import Callable
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path
from typing import Annotated, Any, Literal

try:  # Python >= 3.11
    import re._parser as _sre_parse  # type: ignore[import-not-found]
except ImportError:  # pragma: no cover
    import sre_parse as _sre_parse  # type: ignore[no-redef]

from pydantic import AfterValidator, BaseModel, ConfigDict, Field

from escalate.errors import Problem, RulesError
from escalate.models import CueMatch, trusted
from escalate.time import firstchars
from escalate.trie import Caseless, trie_pattern
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


def _compile_parts(pattern: str) -> tuple[str, str, int]:
    """The regex of a pattern split before its first required word: (lead, rest, longest length).

    ``lead`` matches the optional words in front (each with its separator after it, possibly
    empty), ``rest`` everything from the first required word on; ``lead + rest`` is the regex.
    """
    words = _split_words(pattern)
    if not words:
        raise PatternError("empty pattern")
    parsed = [_parse_word(w) for w in words]
    if all(w.optional for w in parsed):
        raise PatternError(f"pattern {pattern!r} can match empty text")
    lead = ""
    rest = ""
    seen_required = False
    for w in parsed:
        if not seen_required:
            # Optional words before the first required one carry their separator after them.
            if w.optional:
                lead += f"(?:{w.regex}\\s+)?"
            else:
                rest += w.regex
                seen_required = True
        else:
            rest += f"(?:\\s+{w.regex})?" if w.optional else f"\\s+{w.regex}"
    length = sum(w.max_len for w in parsed) + len(parsed) - 1
    return lead, rest, length


def compile_pattern(pattern: str) -> tuple[str, int]:
    """Translate one cue pattern into a regex (no capturing groups) and its longest length."""
    lead, rest, length = _compile_parts(pattern)
    return lead + rest, length


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
    # its words also tell an event ("vowed revenge" is a threat): trigger words inside it are read as
    # an event, where those inside other cues ("in retaliation for") are not
    event: bool = False
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
# a short phrase and its comma before a fronted cue ("On Thursday, after the raid, ...")
_SHORT_LEAD = re.compile(r"^\s*(?:[\w.'’-]+\s+){0,2}[\w.'’-]+\s*,\s*$")
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

# --------------------------------------------------------------------------- dispatch
# ``CueMatcher.find`` does not run the combined regex at every position. At every position where a
# cue may start (a word character not preceded by a word character or "-"), it looks up the
# next ``K`` characters of text, in canonical form (``_CANON``), in a table built from what each
# alternative can start with (``escalate.time.firstchars.prefixes``), and tries only the
# alternatives found there, in the combined regex's order. See ``CueMatcher`` for the details.
_K = firstchars.K
# Where a cue may start, with the (up to) K characters there as group 1.
_SCAN = re.compile(rf"(?<![\w\-])(?=(\w.{{0,{_K - 1}}}))", re.DOTALL)
_SPACE_RUN = re.compile(r"\s+")
_IS_DIGIT = re.compile(r"\d")
_IS_SPACE = re.compile(r"\s")
_IS_WORD = re.compile(r"\w")
_LETTERS = tuple((c, re.compile(c, re.IGNORECASE)) for c in "abcdefghijklmnopqrstuvwxyz")
_KEY_CACHE_MAX = 200_000


class _CanonTable(dict[int, str]):
    """``str.translate`` table: every character to the canonical character prefixes are made of.

    Exact for the regex engine's case-insensitive matching (not ``str.lower``): "\u212a" (Kelvin
    sign), "\u017f" (long s) and "\u0130" match "k", "s" and "i" and map to them; any digit maps
    to "0" and any space to " ", as in ``firstchars.norm_text``; other characters map to
    themselves. Filled lazily, one character at a time.
    """

    def __missing__(self, code: int) -> str:
        ch = chr(code)
        if _IS_DIGIT.fullmatch(ch):
            out = "0"
        elif _IS_SPACE.fullmatch(ch):
            out = " "
        else:
            out = next((c for c, rx in _LETTERS if rx.fullmatch(ch)), ch)
        self[code] = out
        return out


_CANON = _CanonTable()


def _canon(text: str) -> str:
    return text.translate(_CANON)


def _canon_atom(ch: str) -> str:
    """A regex piece for one canonical character (case-insensitive patterns)."""
    return r"\d" if ch == "0" else r"\s" if ch == " " else re.escape(ch)


def _class_only(
    items: list[Any], char_ok: Callable[[str], bool], cats_ok: set[str], negated_ok: set[str]
) -> bool:
    r"""Whether every character of the class ``items`` (a parsed ``[...]``) satisfies ``char_ok``.

    ``cats_ok``: categories all of whose characters do; ``negated_ok``: categories whose presence
    in a negated class guarantees it (``[^\W...]`` holds only word characters).
    """
    names = [(str(op), av) for op, av in items]
    if names and names[0][0] == "NEGATE":
        return any(op == "CATEGORY" and str(av) in negated_ok for op, av in names[1:])
    for op, av in names:
        if op == "LITERAL":
            if not char_ok(chr(av)):
                return False
        elif op == "RANGE":
            lo, hi = av
            if hi - lo > 1000 or not all(char_ok(chr(c)) for c in range(lo, hi + 1)):
                return False
        elif op != "CATEGORY" or str(av) not in cats_ok:
            return False
    return True


def _is_word(ch: str) -> bool:
    return _IS_WORD.fullmatch(ch) is not None


def _not_space(ch: str) -> bool:
    return _IS_SPACE.fullmatch(ch) is None


def _starts_with_word(items: list[Any]) -> tuple[bool, bool]:
    """(every match of the parsed ``items`` starts with a word character, they can match empty text)."""
    for op, av in items:
        name = str(op)
        if name in ("ASSERT", "ASSERT_NOT", "AT"):
            continue
        if name == "LITERAL":
            ok, empty = _is_word(chr(av)), False
        elif name == "IN":
            ok = _class_only(av, _is_word, {"CATEGORY_WORD", "CATEGORY_DIGIT"}, {"CATEGORY_NOT_WORD"})
            empty = False
        elif name in ("SUBPATTERN", "ATOMIC_GROUP"):
            ok, empty = _starts_with_word(av[-1])
        elif name == "BRANCH":
            results = [_starts_with_word(alt) for alt in av[1]]
            ok, empty = all(r[0] for r in results), any(r[1] for r in results)
        elif name in ("MAX_REPEAT", "MIN_REPEAT", "POSSESSIVE_REPEAT"):
            ok, inner_empty = _starts_with_word(av[2])
            empty = av[0] == 0 or inner_empty
        else:
            return False, True
        if not ok:
            return False, empty
        if not empty:
            return True, False
    return True, True


def _space_runs(items: list[Any]) -> int | None:
    """An upper bound on the runs of whitespace in a match of the parsed ``items`` (None: no bound)."""
    total = 0
    for op, av in items:
        name = str(op)
        if name in ("ASSERT", "ASSERT_NOT", "AT"):
            continue
        if name == "LITERAL":
            n: int | None = 0 if _not_space(chr(av)) else 1
        elif name == "IN":
            n = (
                0
                if _class_only(
                    av,
                    _not_space,
                    {"CATEGORY_WORD", "CATEGORY_DIGIT", "CATEGORY_NOT_SPACE"},
                    {"CATEGORY_NOT_WORD", "CATEGORY_SPACE"},
                )
                else 1
            )
        elif name in ("SUBPATTERN", "ATOMIC_GROUP"):
            n = _space_runs(av[-1])
        elif name == "BRANCH":
            runs = [_space_runs(alt) for alt in av[1]]
            n = None if None in runs else max(r for r in runs if r is not None)
        elif name in ("MAX_REPEAT", "MIN_REPEAT", "POSSESSIVE_REPEAT"):
            lo, hi, inner = av
            n = _space_runs(inner)
            if n:
                only_spaces = (
                    len(inner) == 1
                    and str(inner[0][0]) == "IN"
                    and [(str(o), str(a)) for o, a in inner[0][1]] == [("CATEGORY", "CATEGORY_SPACE")]
                )
                if only_spaces:
                    n = 1  # consecutive spaces are one run
                elif hi == _sre_parse.MAXREPEAT:
                    n = None
                else:
                    n *= hi
        else:
            n = None
        if n is None:
            return None
        total += n
    return total


def _parse(regex: str) -> list[Any]:
    return list(_sre_parse.parse(regex, re.IGNORECASE))


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
    r"""All cues of one lexicon, compiled into a single regular expression - and dispatched.

    ``self.regex`` is the reference: a zero-width look-ahead ``(?=(?<![\w\-])(?:alt1|alt2|...)
    (?!\w|-\w))`` over every pattern of every entry, longest first (order ``(-length, rank, n)``),
    which at each position reports the FIRST alternative (its veto look-aheads and the final word
    boundary included) that matches there. Running it at every position is slow, so ``find``
    computes the same thing by dispatch:

    * Every alternative is also compiled on its own (``self._alt_regex``, in the same order) and
      analysed once: what its matches can start with (``firstchars.prefixes``: canonical strings
      of up to ``K`` characters) and that they start with a word character.
    * ``_SCAN`` stops at every position where the look-behind holds and a word character follows,
      and gives the ``K`` characters there. Their canonical form (``_CANON``, exact for the regex
      engine's case folding) is looked up in the prefix table (memoised per raw key in
      ``self._keys``); the alternatives found are tried with ``.match(text, pos, hi)`` in order,
      and the first that matches is the one the combined regex reports at that position.
    * An alternative that can begin with an optional ``<word>`` has no usable prefix ("loose").
      It is indexed by the prefixes of the part from its first required word (its "anchor"). A
      match starting at ``p`` puts the anchor at ``q >= p``, with at most ``runs`` runs of
      whitespace in ``text[p:q]`` (``_space_runs`` of the optional words); so when an anchor is
      seen at ``q``, the alternative joins the candidates of every scan position in that window.

    The left-context checks, longest-non-overlapping selection and ``_make`` are shared with the
    reference path (``_find_reference``). A lexicon this analysis cannot handle (a pattern that
    may start with punctuation, say) falls back to the reference path (``self._fast`` is False).
    """

    def __init__(self, specs: list[CueSpec], source: Path | None = None) -> None:
        self.specs: list[CueSpec] = list(specs)
        self.event_cues = frozenset(s.id for s in self.specs if s.event)  # cues that also tell an event
        self.source = source
        alternatives: list[tuple[int, int, int, str, str, str, str]] = []
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
                lead, rest, length = _compile_parts(pattern)
                group = f"c{n}"
                n += 1
                self._entries[group] = _Entry(spec, group, before_veto, before_need)
                # Longest first; at equal length the constrained (followed_by) entries first.
                rank = 0 if spec.followed_by else 1
                alternatives.append((-length, rank, n, group, lead, rest, veto))
        alternatives.sort()
        body = "|".join(f"(?P<{group}>{lead}{rest}){veto}" for *_, group, lead, rest, veto in alternatives)
        # A zero-width lookahead finds the best cue starting at EVERY position (overlaps included);
        # ``find`` then keeps the longest non-overlapping ones.
        self.regex: re.Pattern[str] = re.compile(rf"(?=(?<![\w\-])(?:{body})(?!\w|-\w))", re.IGNORECASE)
        self._build_dispatch([(group, lead, rest, veto) for *_, group, lead, rest, veto in alternatives])

    def _build_dispatch(self, ordered: list[tuple[str, str, str, str]]) -> None:
        """Per-alternative regexes and the prefix tables ``find`` dispatches on (see the class doc)."""
        self._alt_groups: list[str] = []
        self._alt_regex: list[re.Pattern[str]] = []
        self._direct: dict[str, list[int]] = {}  # prefix -> alternatives that can start with it
        self._anchor: dict[str, list[int]] = {}  # prefix -> loose alternatives anchored on it
        self._runs: dict[int, int] = {}  # loose alternative -> whitespace runs before its anchor
        self._keys: dict[str, tuple[tuple[int, ...], tuple[int, ...]] | tuple[()]] = {}
        self._fast = True
        for idx, (group, lead, rest, veto) in enumerate(ordered):
            rx = lead + rest
            self._alt_groups.append(group)
            self._alt_regex.append(re.compile(rf"(?:{rx}){veto}(?!\w|-\w)", re.IGNORECASE))
            if not _starts_with_word(_parse(rx))[0]:
                self._fast = False
                continue
            starts = firstchars.prefixes(rx, re.IGNORECASE)
            if any(len(pre) > _K for pre in starts):  # longer than ``_SCAN`` reads
                self._fast = False
                continue
            if "" not in starts:
                for pre in starts:
                    self._direct.setdefault(pre, []).append(idx)
                continue
            anchors = firstchars.prefixes(rest, re.IGNORECASE)
            runs = _space_runs(_parse(lead))
            usable = "" not in anchors and max(map(len, anchors)) <= _K
            if not usable or runs is None or not _starts_with_word(_parse(rest))[0]:
                self._fast = False
                continue
            self._runs[idx] = runs
            for pre in anchors:
                self._anchor.setdefault(pre, []).append(idx)
        # the scan stops only where some prefix begins (one trie-shaped look-ahead over all of
        # them), so words no cue can start with cost no Python work
        keys = set(self._direct) | set(self._anchor)
        self._scan = Caseless(_SCAN.pattern, re.DOTALL)
        if self._fast and keys and "" not in keys:
            # canonical prefixes are lower case: case-sensitive on lower-cased text, which is faster
            self._scan = Caseless(
                rf"(?<![\w\-])(?=(?:{trie_pattern(keys, atom=_canon_atom)}))(?=(\w.{{0,{_K - 1}}}))", re.DOTALL
            )

    def __len__(self) -> int:
        return len(self.specs)

    def spec(self, cue_id: str) -> CueSpec:
        for s in self.specs:
            if s.id == cue_id:
                return s
        raise KeyError(cue_id)

    @staticmethod
    def _bounds(text: str, start: int, end: int | None) -> tuple[int, int]:
        n = len(text)
        lo = max(0, min(start, n))
        hi = n if end is None else max(lo, min(end, n))
        return lo, hi

    def find(self, text: str, start: int = 0, end: int | None = None, low: str | None = None) -> list[CueMatch]:
        """All cues in ``text[start:end]``: absolute offsets, sorted, non-overlapping, longest wins.
        ``low``: ``escalate.trie.lowered(text)``, if the caller has it (the scan for cue starts is
        then faster)."""
        lo, hi = self._bounds(text, start, end)
        if lo >= hi:
            return []
        if not self._fast:
            return self._find_reference(text, start, end)
        keys = self._keys
        hits: list[tuple[int, tuple[int, ...]]] = []
        anchored: list[tuple[int, tuple[int, ...]]] = []
        for m in self._scan.pick(low is not None).finditer(low if low is not None else text, lo, hi):
            key = m.group(1)
            found = keys.get(key)
            if found is None:
                found = self._lookup(key)
            if found:
                direct, loose = found
                if direct:
                    hits.append((m.start(), direct))
                if loose:
                    anchored.append((m.start(), loose))
        if anchored:
            hits = self._add_loose(text, lo, hi, hits, anchored)
        candidates: list[tuple[int, int, str]] = []
        alt_regex = self._alt_regex
        for s, alts in hits:
            for idx in alts:
                match = alt_regex[idx].match(text, s, hi)
                if match is not None:
                    self._accept(text, lo, s, match.end(), self._alt_groups[idx], candidates)
                    break
        return self._select(text, lo, hi, candidates)

    def _lookup(self, key: str) -> tuple[tuple[int, ...], tuple[int, ...]] | tuple[()]:
        """Alternatives that may start where the text reads ``key``: (direct, loose by anchor)."""
        canon = _canon(key)
        direct: set[int] = set()
        loose: set[int] = set()
        for n in range(1, len(canon) + 1):
            direct.update(self._direct.get(canon[:n], ()))
            loose.update(self._anchor.get(canon[:n], ()))
        found = (tuple(sorted(direct)), tuple(sorted(loose))) if direct or loose else ()
        if len(self._keys) >= _KEY_CACHE_MAX:
            self._keys.clear()
        self._keys[key] = found
        return found

    def _add_loose(
        self,
        text: str,
        lo: int,
        hi: int,
        hits: list[tuple[int, tuple[int, ...]]],
        anchored: list[tuple[int, tuple[int, ...]]],
    ) -> list[tuple[int, tuple[int, ...]]]:
        """``hits`` with each loose alternative added at every scan position before its anchors."""
        starts = [m.start() for m in _SCAN.finditer(text, lo, hi)]
        run_ends = [m.end() for m in _SPACE_RUN.finditer(text, lo, hi)]
        extra: dict[int, set[int]] = {}
        for q, loose in anchored:
            for idx in loose:
                # At most ``runs`` whitespace runs between the start and the anchor.
                k = bisect_right(run_ends, q) - 1 - self._runs[idx]
                first = run_ends[k] if k >= 0 else lo
                for p in starts[bisect_left(starts, first) : bisect_right(starts, q)]:
                    extra.setdefault(p, set()).add(idx)
        merged = dict(hits)
        for p, idxs in extra.items():
            merged[p] = tuple(sorted(idxs.union(merged.get(p, ()))))
        return sorted(merged.items())

    def _find_reference(self, text: str, start: int = 0, end: int | None = None) -> list[CueMatch]:
        """``find`` with the combined regex at every position: the definition ``find`` must equal."""
        lo, hi = self._bounds(text, start, end)
        if lo >= hi:
            return []
        candidates: list[tuple[int, int, str]] = []
        for m in self.regex.finditer(text, lo, hi):
            group = m.lastgroup
            if group is None:
                continue
            s, e = m.span(group)
            self._accept(text, lo, s, e, group, candidates)
        return self._select(text, lo, hi, candidates)

    def _accept(
        self, text: str, lo: int, s: int, e: int, group: str, out: list[tuple[int, int, str]]
    ) -> None:
        """Append the cue ``group`` at ``s:e`` to ``out`` unless its left context rules it out."""
        if e <= s:
            return
        entry = self._entries[group]
        # Left context needs a variable-width look-behind, so it is checked here; a candidate
        # that fails is dropped (no other alternative at this position is tried).
        if entry.preceded_veto is not None and entry.preceded_veto.search(text, max(lo, s - 60), s):
            return
        if entry.preceded_need is not None and not entry.preceded_need.search(text, max(lo, s - 60), s):
            return
        out.append((s, e, group))

    def _select(self, text: str, lo: int, hi: int, candidates: list[tuple[int, int, str]]) -> list[CueMatch]:
        """Longest first, then leftmost, then stronger; keep those that do not overlap a kept one."""
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
        if i >= hi or (text[i] in _CLAUSE_END and not (text[i] == '"' and i > e)):
            return True  # (a straight quote after a space opens the object: 'a response to "terrorist acts"')
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
        if not anaphoric and spec.flip_when_initial and (_INITIAL_LEAD.match(before) or _SHORT_LEAD.match(before)):
            # "After the raid, militants fired rockets": the cause is inside the fronted phrase; "On
            # Thursday, hours before the strikes, the group fired": the later event is
            direction = "effect_first" if spec.direction == "cause_first" else "cause_first"
        return trusted(
            CueMatch,
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
