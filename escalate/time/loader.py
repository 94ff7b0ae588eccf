"""Loading and checking the temporal rule pack (``<rules_dir>/time/en/``).

The pack is data: ``patterns/*.yaml`` (named vocabularies), ``normalise/*.yaml`` (surface -> value
tables), ``rules/*.yaml`` (recognition rules citing patterns as ``{name}``, suppression rules with
``action: drop``, and modifiers) and ``tense.yaml`` (cue words for year and weekday direction).
Every name is resolved here, once; an unknown name is a located ``RulesError``.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any, Literal

from pydantic import BaseModel, ConfigDict, Field

from escalate.errors import Problem, RulesError
from escalate.trie import Caseless, trie_pattern
from escalate.yamlio import Located, LocDict, LocList, load_yaml, validate

from .convert import CONVERTERS, norm_key
from .firstchars import prefixes

TimexType = Literal["DATE", "TIME", "DURATION", "SET"]
Scalar = int | float | str


class _Strict(BaseModel):
    model_config = ConfigDict(extra="forbid")


class PatternSpec(_Strict):
    words: list[str] = Field(default_factory=list)  # literal alternatives, case-insensitive
    exact: list[str] = Field(default_factory=list)  # literal alternatives, case-sensitive
    regex: list[str] = Field(default_factory=list)  # regex alternatives; may cite {other_pattern}
    value: str | None = None  # normaliser: a table name or a builtin converter


class PatternFile(_Strict):
    patterns: dict[str, PatternSpec]


class TableFile(_Strict):
    tables: dict[str, dict[str, Scalar]]


class RuleSpec(_Strict):
    name: str
    match: str
    action: Literal["tag", "drop"] = "tag"
    priority: int = 0
    type: TimexType = "DATE"
    # calendar fields: literal, "$slot" or "-$slot"
    year: Scalar | None = None
    month: Scalar | None = None
    day: Scalar | None = None
    ymd: Scalar | None = None
    weekday: Scalar | None = None
    quarter: Scalar | None = None
    half: Scalar | None = None
    season: Scalar | None = None
    decade: Scalar | None = None
    century: Scalar | None = None
    pod: Scalar | None = None
    time: Scalar | None = None
    # relative resolution
    unit: Scalar | None = None
    shift: Scalar | None = None
    anchor: Literal["dct", "focus", "auto"] = "dct"
    focus_grans: list[str] | None = None  # with anchor focus: the focus granularities accepted
    fallback_shift: int = 0  # ... otherwise the DCT is used, shifted by this many units
    # with anchor focus: accept any focus, only one begun by the DCT ("the year-ago period" does not
    # count back from a coming quarter), or only one over by the DCT ("the latest quarter")
    focus_time: Literal["any", "begun", "over"] = "any"
    dir: Literal["auto", "past", "future", "this", "next", "last", "tense"] = "auto"
    sets_focus: bool = True  # whether the resolved date becomes the discourse focus
    second: dict[str, Scalar] | None = None  # field overrides for a second expression marked [[ ]]
    # durations and sets
    duration: Scalar | None = None
    value: str | None = None
    ref: Literal["PRESENT_REF", "PAST_REF", "FUTURE_REF"] | None = None
    mod: Scalar | None = None
    gran: str | None = None


class ModifierSpec(_Strict):
    name: str
    before: str | None = None  # regex that must end right before the expression
    after: str | None = None  # regex that must start right after the expression
    mod: Scalar
    types: list[TimexType] = Field(default_factory=lambda: ["DATE", "TIME", "DURATION"])
    absorb_the: bool = True  # also take a "the" in front of the modifier ("the mid-1990s")


class RuleFile(_Strict):
    rules: list[RuleSpec] = Field(default_factory=list)
    modifiers: list[ModifierSpec] = Field(default_factory=list)


class TenseFile(_Strict):
    window: int = 6
    order: Literal["left_first", "nearest"] = "left_first"  # which side's cues count first
    future: list[str]
    past: list[str]
    past_suffix: list[str] = Field(default_factory=list)
    not_past: list[str] = Field(default_factory=list)  # words ending in a past suffix that are not verbs
    present: list[str] = Field(default_factory=list)
    future_before: list[str] = Field(default_factory=list)  # future only right before: "by May"
    past_only_before: list[str] = Field(default_factory=list)  # never the coming one right after: "since Oct. 8"
    past_aux: list[str] = Field(default_factory=list)
    # past verbs that make the infinitive after them told as done: "appeared to take credit on Tuesday"
    past_governors: list[str] = Field(default_factory=list)
    passive_aux: list[str] = Field(default_factory=list)  # "be published": the -ed word is no past cue  # "was due", "had been scheduled": a past future
    adjective_before: list[str] = Field(default_factory=list)  # "a still unspecified date": an adjective, no cue
    clause_modals: list[str] = Field(default_factory=list)  # future modals read beyond the window
    clause_window: int = 0  # ... up to this many words left, inside the clause
    near_days: int = 31  # a past-tense day this close after the DCT is still read as upcoming


# --------------------------------------------------------------------------- compiled forms
FIELDS = (
    "year", "month", "day", "ymd", "weekday", "quarter", "half", "season", "decade", "century",
    "pod", "time", "unit", "shift", "duration", "mod",
)


@dataclass(frozen=True)
class FieldRef:
    """A frame field's source: a literal, or a captured slot (optionally negated)."""

    literal: Any = None
    slot: str | None = None
    negate: bool = False


@dataclass
class Rule:
    name: str
    index: int
    regex: re.Pattern[str]
    action: str
    priority: int
    type: str
    fields: dict[str, FieldRef]
    slots: dict[str, str]  # group name -> pattern name (for normalising)
    anchor: str
    dir: str
    focus_grans: frozenset[str] | None
    fallback_shift: int
    sets_focus: bool
    value: str | None
    ref: str | None
    gran: str | None
    has_extent: bool
    source: str  # "file:line"
    second: dict[str, FieldRef] | None = None
    focus_time: str = "any"


@dataclass
class Modifier:
    name: str
    before: re.Pattern[str] | None
    after: re.Pattern[str] | None
    mod: FieldRef
    slot_pattern: str | None
    types: frozenset[str]
    absorb_the: bool


@dataclass
class Pack:
    patterns: dict[str, str]  # name -> regex source (non-capturing)
    converters: dict[str, Any]  # pattern name -> callable(text) -> value
    tables: dict[str, dict[str, Any]]
    rules: list[Rule]
    modifiers: list[Modifier]
    scanner: re.Pattern[str]
    tense: TenseFile
    # normalised text prefix (see firstchars.prefixes) -> the rules whose matches can start so
    index: dict[str, list[Rule]] = field(default_factory=dict)
    prefix_lengths: tuple[int, ...] = ()
    # matches (empty) at every token start where some prefix in ``index`` begins: the scan for
    # places where a rule may start runs inside the regex engine, not word by word in Python
    starter: Caseless | None = None


_REF = re.compile(r"\{([A-Za-z_][A-Za-z0-9_]*)(?::([A-Za-z_][A-Za-z0-9_]*))?\}")
FLAGS = re.IGNORECASE


def _mark(data: Any, *path: Any) -> tuple[int, int]:
    node = data
    best = getattr(data, "mark", (1, 1))
    for part in path:
        if isinstance(node, LocDict) and part in node:
            best = node.key_marks.get(part, best)
            node = node[part]
        elif isinstance(node, LocList) and isinstance(part, int) and 0 <= part < len(node):
            best = node.item_marks[part]
            node = node[part]
        else:
            break
    return best


def _files(folder: Path) -> list[Path]:
    return sorted(folder.glob("*.yaml")) + sorted(folder.glob("*.yml")) if folder.is_dir() else []


def _literal_alt(words: list[str]) -> list[str]:
    out = []
    for w in sorted(set(words), key=lambda s: (-len(s), s)):
        esc = re.escape(w).replace(r"\ ", r"\s+").replace(" ", r"\s+")
        out.append(esc)
    return out


def load_pack(root: Path) -> Pack:
    """Load, check and compile the rule pack under ``root`` (the ``time/en`` folder)."""
    problems: list[Problem] = []
    if not root.is_dir():
        raise RulesError([Problem(str(root), 0, 0, "temporal rule folder not found", check="time")])

    # ---- tables
    tables: dict[str, dict[str, Any]] = {}
    for path in _files(root / "normalise"):
        loc = load_yaml(path)
        tf = validate(TableFile, loc)
        for name, table in tf.tables.items():
            if name in tables:
                line, col = _mark(loc.data, "tables", name)
                problems.append(Problem(str(path), line, col, f"table {name!r} defined twice", "time"))
                continue
            tables[name] = {norm_key(k): v for k, v in table.items()}

    # ---- patterns
    specs: dict[str, tuple[PatternSpec, Located]] = {}
    for path in _files(root / "patterns"):
        loc = load_yaml(path)
        pf = validate(PatternFile, loc)
        for name, spec in pf.patterns.items():
            if name in specs:
                line, col = _mark(loc.data, "patterns", name)
                problems.append(Problem(str(path), line, col, f"pattern {name!r} defined twice", "time"))
                continue
            specs[name] = (spec, loc)

    patterns: dict[str, str] = {}
    resolving: set[str] = set()

    def resolve_pattern(name: str) -> str | None:
        if name in patterns:
            return patterns[name]
        if name not in specs or name in resolving:
            return None
        resolving.add(name)
        spec, loc = specs[name]
        alts: list[str] = _literal_alt(spec.words)
        if spec.exact:
            alts += ["(?-i:" + a + ")" for a in _literal_alt(spec.exact)]
        for i, rx in enumerate(spec.regex):
            src = _expand(rx, loc, ("patterns", name, "regex", i), capture=False)
            if src is not None:
                alts.append(src)
        if not alts:
            line, col = _mark(loc.data, "patterns", name)
            problems.append(Problem(str(loc.path), line, col, f"pattern {name!r} has no alternatives", "time"))
        src = "(?:" + "|".join(alts) + ")"
        try:
            re.compile(src, FLAGS)
        except re.error as exc:
            line, col = _mark(loc.data, "patterns", name)
            problems.append(Problem(str(loc.path), line, col, f"pattern {name!r}: bad regex: {exc}", "time"))
        patterns[name] = src
        resolving.discard(name)
        return src

    def _expand(
        rx: str, loc: Located, where: tuple, capture: bool, slots: dict[str, str] | None = None
    ) -> str | None:
        ok = True

        def sub(m: re.Match[str]) -> str:
            nonlocal ok
            pname, alias = m.group(1), m.group(2)
            if pname not in specs:
                line, col = _mark(loc.data, *where)
                problems.append(Problem(str(loc.path), line, col, f"unknown pattern {{{pname}}}", "time"))
                ok = False
                return "(?:)"
            if pname in resolving:
                line, col = _mark(loc.data, *where)
                problems.append(Problem(str(loc.path), line, col, f"pattern {{{pname}}} cites itself", "time"))
                ok = False
                return "(?:)"
            inner = resolve_pattern(pname) or "(?:)"
            if not capture:
                return inner
            slot = alias or pname
            assert slots is not None
            group = slot
            k = 1
            while group in slots:  # the same slot in two alternatives: "{x} ago|{x} before"
                k += 1
                group = f"{slot}__{k}"
            slots[group] = pname
            return f"(?P<{group}>{inner})"

        out = _REF.sub(sub, rx)
        return out if ok else None

    for name in specs:
        resolve_pattern(name)

    converters: dict[str, Any] = {}
    for name, (spec, loc) in specs.items():
        conv = spec.value
        if conv is None:
            conv = name if name in tables else None
        if conv is None:
            continue
        if conv in CONVERTERS:
            converters[name] = CONVERTERS[conv](tables)
        elif conv in tables:
            table = tables[conv]
            converters[name] = _table_lookup(table)
        else:
            line, col = _mark(loc.data, "patterns", name, "value")
            problems.append(
                Problem(str(loc.path), line, col, f"unknown table or converter {conv!r} for pattern {name!r}", "time")
            )

    # ---- rules and modifiers
    rules: list[Rule] = []
    modifiers: list[Modifier] = []
    names: dict[str, str] = {}
    for path in _files(root / "rules"):
        loc = load_yaml(path)
        rf = validate(RuleFile, loc)
        for i, spec in enumerate(rf.rules):
            where = ("rules", i, "match")
            nl, nc = _mark(loc.data, "rules", i, "name")
            if spec.name in names:
                problems.append(Problem(str(path), nl, nc, f"rule name {spec.name!r} already used at "
                                        f"{names[spec.name]}", "time"))
            names[spec.name] = f"{path.name}:{nl}"
            slots: dict[str, str] = {}
            src = _expand(spec.match, loc, where, capture=True, slots=slots)
            if src is None:
                continue
            has_extent = "<<" in src
            if has_extent:
                if src.count("<<") != 1 or src.count(">>") != 1 or src.index("<<") > src.index(">>"):
                    line, col = _mark(loc.data, *where)
                    problems.append(Problem(str(path), line, col, "use one << ... >> extent marker pair", "time"))
                    continue
                src = src.replace("<<", "(?P<_x>").replace(">>", ")")
            has_second = "[[" in src
            if has_second != (spec.second is not None) or (
                has_second and (not has_extent or src.count("[[") != 1 or src.count("]]") != 1)
            ):
                line, col = _mark(loc.data, *where)
                problems.append(Problem(str(path), line, col, "a second expression needs << >>, one [[ ]] pair "
                                        "and a `second:` field map", "time"))
                continue
            if has_second:
                src = src.replace("[[", "(?P<_y>").replace("]]", ")")
            line, col = _mark(loc.data, "rules", i)
            try:
                # a match never starts or ends inside a word
                regex = re.compile(r"(?<![\w])(?:" + src + r")(?![\w])", FLAGS)
            except re.error as exc:
                problems.append(Problem(str(path), line, col, f"rule {spec.name!r}: bad regex: {exc}", "time"))
                continue
            fields: dict[str, FieldRef] = {}
            for fname in FIELDS:
                raw = getattr(spec, fname)
                if raw is None:
                    continue
                ref = _field_ref(raw)
                if ref.slot is not None and ref.slot not in slots:
                    fl, fc = _mark(loc.data, "rules", i, fname)
                    problems.append(
                        Problem(str(path), fl, fc, f"rule {spec.name!r}: field {fname} cites unknown slot "
                                f"${ref.slot}", "time")
                    )
                    continue
                if ref.slot is not None and slots[ref.slot] not in converters:
                    fl, fc = _mark(loc.data, "rules", i, fname)
                    problems.append(
                        Problem(str(path), fl, fc, f"rule {spec.name!r}: pattern {{{slots[ref.slot]}}} has no "
                                "value table; it cannot fill a field", "time")
                    )
                    continue
                fields[fname] = ref
            second: dict[str, FieldRef] | None = None
            if spec.second is not None:
                second = {}
                for fname, raw in spec.second.items():
                    ref = _field_ref(raw)
                    fl, fc = _mark(loc.data, "rules", i, "second", fname)
                    if fname not in FIELDS:
                        problems.append(Problem(str(path), fl, fc, f"rule {spec.name!r}: unknown field {fname!r} "
                                                "in second", "time"))
                    elif ref.slot is not None and ref.slot not in slots:
                        problems.append(Problem(str(path), fl, fc, f"rule {spec.name!r}: second.{fname} cites "
                                                f"unknown slot ${ref.slot}", "time"))
                    else:
                        second[fname] = ref
            rules.append(
                Rule(
                    name=spec.name, index=len(rules), regex=regex, action=spec.action, priority=spec.priority,
                    type=spec.type, fields=fields, slots=slots, anchor=spec.anchor, dir=spec.dir,
                    focus_grans=frozenset(spec.focus_grans) if spec.focus_grans is not None else None,
                    fallback_shift=spec.fallback_shift, sets_focus=spec.sets_focus,
                    value=spec.value, ref=spec.ref, gran=spec.gran, has_extent=has_extent,
                    source=f"{path}:{line}", second=second, focus_time=spec.focus_time,
                )
            )
        for i, mspec in enumerate(rf.modifiers):
            compiled: list[re.Pattern[str] | None] = []
            slot_pattern: str | None = None
            for side in ("before", "after"):
                rx = getattr(mspec, side)
                if rx is None:
                    compiled.append(None)
                    continue
                mslots: dict[str, str] = {}
                src = _expand(rx, loc, ("modifiers", i, side), capture=True, slots=mslots)
                if src is None:
                    compiled.append(None)
                    continue
                if mslots:
                    slot_pattern = next(iter(mslots.values()))
                full = r"(?<![\w-])(?:" + src + r")[\s-]*$" if side == "before" else r"[\s,]*(?:" + src + r")(?![\w])"
                compiled.append(re.compile(full, FLAGS))
            ref = _field_ref(mspec.mod)
            modifiers.append(
                Modifier(mspec.name, compiled[0], compiled[1], ref, slot_pattern, frozenset(mspec.types),
                         mspec.absorb_the)
            )

    tense_path = root / "tense.yaml"
    if tense_path.is_file():
        tense = validate(TenseFile, load_yaml(tense_path))
    else:
        problems.append(Problem(str(tense_path), 0, 0, "missing tense cue file", "time"))
        tense = TenseFile(future=[], past=[])

    if problems:
        raise RulesError(problems)
    if not rules:
        raise RulesError([Problem(str(root / "rules"), 0, 0, "no temporal rules found", "time")])

    scanner_src = "|".join(
        "(?:" + _strip_groups(r.regex.pattern) + ")" for r in rules
    )
    scanner = re.compile(scanner_src, FLAGS)
    index: dict[str, list[Rule]] = {}
    for r in rules:
        for pre in prefixes(r.regex.pattern, FLAGS):
            index.setdefault(pre, []).append(r)
    lengths = tuple(sorted({len(k) for k in index}))
    return Pack(patterns, converters, tables, rules, modifiers, scanner, tense, index=index, prefix_lengths=lengths,
                starter=_starter(index))


def _prefix_atom(ch: str) -> str:
    """A regex piece for one character of a normalised prefix (see ``firstchars.norm_text``)."""
    if ch == "0":
        return r"\d"
    if ch == " ":
        return r"\s"
    return re.escape(ch)


def _starter(index: dict[str, list[Rule]]) -> Caseless | None:
    if "" in index:
        return None  # some rule may start anywhere: every token is a start
    # token starts as the engine's tokeniser sees them: a letter run, a digit run, a symbol. The first
    # character is consumed (a character class first is cheaper for the regex engine to try than a
    # look-behind) and the prefix is looked for from it; the match starts where the token does.
    token_start = r"(?:[A-Za-z](?<![A-Za-z]{2})|\d(?<!\d{2})|[$£€¥'’#+(])"
    # The prefixes are normalised (lower case): case-sensitive on lower-cased text, which is faster.
    return Caseless(token_start + "(?<=(?=" + trie_pattern(index, atom=_prefix_atom) + ").)", FLAGS & ~re.IGNORECASE)




_GROUP = re.compile(r"\(\?P<[A-Za-z_][A-Za-z0-9_]*>")


def _strip_groups(src: str) -> str:
    return _GROUP.sub("(?:", src)


def _field_ref(raw: Any) -> FieldRef:
    if isinstance(raw, str) and raw.startswith("-$"):
        return FieldRef(slot=raw[2:], negate=True)
    if isinstance(raw, str) and raw.startswith("$"):
        return FieldRef(slot=raw[1:])
    return FieldRef(literal=raw)


def _table_lookup(table: dict[str, Any]) -> Any:
    def conv(text: str) -> Any:
        return table.get(norm_key(text))

    return conv
