"""Compile many literal phrases into one regular expression shaped like a trie.

A plain alternation ``a|b|c`` makes the regex engine try every alternative at every position;
factoring common prefixes (``attack(?:s|ed|ing)?|...``) lets it follow one branch per
character, which is what makes lexicon matching a dictionary look-up rather than a scan.
Spaces inside a phrase match any run of whitespace.
"""

from __future__ import annotations

import re
from collections.abc import Iterable

_END = ""


def _insert(root: dict, phrase: str) -> None:
    node = root
    for ch in phrase:
        node = node.setdefault(ch, {})
    node[_END] = True


def _emit(node: dict) -> str:
    ends = _END in node
    branches = []
    for ch in sorted(k for k in node if k != _END):
        piece = r"\s+" if ch == " " else re.escape(ch)
        branches.append(piece + _emit(node[ch]))
    if not branches:
        return ""
    if len(branches) == 1 and not ends:
        return branches[0]
    body = "|".join(branches)
    return f"(?:{body})?" if ends else f"(?:{body})"


def trie_pattern(phrases: Iterable[str]) -> str:
    """A pattern matching exactly the given phrases (longest match first at each position)."""
    root: dict = {}
    for p in phrases:
        p = re.sub(r"\s+", " ", p.strip())
        if p:
            _insert(root, p)
    return _emit(root) or r"(?!)"
