"""What a compiled rule's match can start with, from the regex parse tree.

``prefixes(pattern)`` gives the possible first ``K`` characters of a match, normalised (lower case,
every digit as ``0``, every space as `` ``); a shorter string means "then anything". The engine
looks up the normalised text at a token in a table of these prefixes and tries only the rules
found there, so that at most positions no regex runs at all.
"""

from __future__ import annotations

import functools
from typing import Any

try:  # Python >= 3.11
    import re._parser as _sre_parse  # type: ignore[import-not-found]
except ImportError:  # pragma: no cover
    import sre_parse as _sre_parse  # type: ignore[no-redef]

K = 6  # prefix length
_MAX_CLASS = 16  # a character class wider than this ends the prefix
_BUDGET = 40000  # expansion steps per rule before falling back to "anything"

_DIGITS_SPACES = str.maketrans({**{d: "0" for d in "0123456789"}, **{c: " " for c in "\t\n\r\f\v"}})


def norm_text(s: str) -> str:
    """The normal form prefixes are compared in."""
    return s.lower().translate(_DIGITS_SPACES)


class _TooMany(Exception):
    pass


def _chars(items: list[Any]) -> set[str] | None:
    """Normalised characters of a class, or None when it is too wide or negated."""
    out: set[str] = set()
    for op, av in items:
        name = str(op)
        if name == "LITERAL":
            out.add(norm_text(chr(av)))
        elif name == "RANGE":
            lo, hi = av
            if hi - lo > 200:
                return None
            out |= {norm_text(chr(c)) for c in range(lo, hi + 1)}
        elif name == "CATEGORY":
            cat = str(av)
            if cat == "CATEGORY_DIGIT":
                out.add("0")
            elif cat == "CATEGORY_SPACE":
                out.add(" ")
            else:
                return None
        else:  # NEGATE and anything else
            return None
    return out if len(out) <= _MAX_CLASS else None


Frame = tuple[Any, int]  # (a parsed sub-pattern, the index of its next item)


def _walk(stack: tuple[Frame, ...], cur: str, out: set[str], budget: list[int], seen: set[Any]) -> None:
    if len(cur) >= K:
        out.add(cur[:K])
        return
    while stack and stack[-1][1] >= len(stack[-1][0]):
        stack = stack[:-1]
    state = (tuple((id(f[0]), f[1]) for f in stack), cur)
    if state in seen:
        return
    seen.add(state)
    budget[0] -= 1
    if budget[0] < 0:
        raise _TooMany
    if not stack:
        out.add(cur)  # the match may end here
        return
    seq, i = stack[-1]
    rest = stack[:-1] + ((seq, i + 1),)
    op, av = seq[i]
    name = str(op)
    if name in ("ASSERT", "ASSERT_NOT", "AT"):
        _walk(rest, cur, out, budget, seen)
    elif name == "LITERAL":
        _walk(rest, cur + norm_text(chr(av)), out, budget, seen)
    elif name == "IN":
        chars = _chars(av)
        if chars is None:
            out.add(cur)
            return
        for c in chars:
            _walk(rest, cur + c, out, budget, seen)
    elif name == "BRANCH":
        for alt in av[1]:
            _walk(rest + ((alt, 0),), cur, out, budget, seen)
    elif name in ("SUBPATTERN", "ATOMIC_GROUP"):
        _walk(rest + ((av[-1], 0),), cur, out, budget, seen)
    elif name in ("MAX_REPEAT", "MIN_REPEAT", "POSSESSIVE_REPEAT"):
        lo, hi, inner = av
        top = min(hi, K)
        for count in range(min(lo, K), top + 1):
            st = rest
            for _ in range(count):
                st = st + ((inner, 0),)
            _walk(st, cur, out, budget, seen)
    else:  # ANY, NOT_LITERAL, GROUPREF, ...: anything may follow
        out.add(cur)


@functools.lru_cache(maxsize=4096)
def prefixes(pattern: str, flags: int) -> frozenset[str]:
    """Normalised prefixes (length <= K) every match of ``pattern`` starts with; "" = anything."""
    try:
        tree = _sre_parse.parse(pattern, flags)
        out: set[str] = set()
        _walk(((tree, 0),), "", out, [_BUDGET], set())
    except _TooMany:
        return frozenset({""})
    except Exception:  # noqa: BLE001 - an unparsable pattern may start anywhere
        return frozenset({""})
    # keep only the shortest: "the" subsumes "the 0"
    return frozenset(p for p in out if not any(p[:n] in out for n in range(len(p))))
