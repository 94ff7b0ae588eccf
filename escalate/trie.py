"""Compile many literal phrases into one regular expression shaped like a trie.

A plain alternation ``a|b|c`` makes the regex engine try every alternative at every position;
factoring common prefixes (``attack(?:s|ed|ing)?|...``) lets it follow one branch per
character, which is what makes lexicon matching a dictionary look-up rather than a scan.
Spaces inside a phrase match any run of whitespace.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Iterable
from functools import lru_cache

_END = ""


def _insert(root: dict, phrase: str) -> None:
    node = root
    for ch in phrase:
        node = node.setdefault(ch, {})
    node[_END] = True


def _literal(ch: str) -> str:
    return r"\s+" if ch == " " else re.escape(ch)


def _emit(node: dict, atom: Callable[[str], str] = _literal) -> str:
    ends = _END in node
    branches = []
    for ch in sorted(k for k in node if k != _END):
        branches.append(atom(ch) + _emit(node[ch], atom))
    if not branches:
        return ""
    if len(branches) == 1 and not ends:
        return branches[0]
    body = "|".join(branches)
    return f"(?:{body})?" if ends else f"(?:{body})"


def trie_pattern(phrases: Iterable[str], atom: Callable[[str], str] | None = None) -> str:
    """A pattern matching exactly the given phrases (longest match first at each position).

    ``atom`` turns one character of a phrase into a regex piece (default: the literal character,
    a space matching any run of whitespace); phrases are then taken as they are, unstripped."""
    root: dict = {}
    for p in phrases:
        if atom is None:
            p = re.sub(r"\s+", " ", p.strip())
        if p:
            _insert(root, p)
    return _emit(root, atom or _literal) or r"(?!)"


def alternation(phrases: Iterable[str]) -> str:
    """``a|b|c`` for exact phrases (longest first), as one trie-shaped pattern: the regex engine
    follows one branch per character instead of trying every phrase at every position."""
    return trie_pattern(set(phrases), atom=re.escape)


class Caseless:
    """A case-insensitive pattern whose literals are all lower case, compiled twice: ``on_lower``
    (case-sensitive) for text already lower-cased, which the regex engine runs about twice as fast
    as a case-insensitive pattern; ``any_case`` (IGNORECASE) for text whose lower-casing would
    change its length (a character such as "İ" lower-cases to two: offsets would not hold).
    ``any_case`` is compiled on first use: such texts are rare, and the big lexicon patterns take
    a noticeable part of a rule pack's load time to compile."""

    __slots__ = ("_any_case", "_flags", "on_lower")

    def __init__(self, pattern: str, flags: int = 0) -> None:
        self.on_lower = re.compile(pattern, flags)
        self._flags = flags
        self._any_case: re.Pattern[str] | None = None

    @property
    def any_case(self) -> re.Pattern[str]:
        if self._any_case is None:
            self._any_case = re.compile(self.on_lower.pattern, self._flags | re.IGNORECASE)
        return self._any_case

    def pick(self, lowered: bool) -> re.Pattern[str]:
        """The pattern for a text that is lower-cased (``lowered``) or as written."""
        return self.on_lower if lowered else self.any_case


# the two characters (besides "İ", whose lower case is two) that the regex engine's case-insensitive
# matching reads as an ASCII letter while ``str.lower`` keeps them: dotless i, long s
_FOLDS_APART = re.compile("[\u0131\u017f]")


@lru_cache(maxsize=4)
def lowered(text: str) -> str | None:
    """``text`` lower-cased, or None when a ``Caseless`` pattern would not read it as the
    case-insensitive one reads the text as written: lower-casing changes its length (offsets would
    not hold), or it holds a character that case-insensitive matching folds otherwise. Remembered for
    the last few texts: the time tagger, the cue matcher and the extractor each ask for a document's."""
    low = text.lower()
    if len(low) != len(text) or (not text.isascii() and _FOLDS_APART.search(text) is not None):
        return None
    return low
