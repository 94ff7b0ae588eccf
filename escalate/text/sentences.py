"""Sentence splitting with stable ids and exact character offsets.

Rule-based and fast: paragraphs are split on line breaks, sentences at terminal
punctuation followed by a capital, a digit or an opening quote, except after known
abbreviations and initials (``rules/text/abbreviations.yaml``).
"""

from __future__ import annotations

import re
from functools import lru_cache
from pathlib import Path

from escalate.models import Sentence, Span, Strict, trusted
from escalate.yamlio import load_yaml, validate


class AbbreviationSpec(Strict):
    abbreviations: list[str]


_BOUNDARY = re.compile(r"[.!?…]+[\"”’')\]]*(?=\s+[\"“‘'(\[]?[A-Z0-9])")
# a relative clause set off by commas inside a sentence ("<subject>, which has fought since 1984, denied"); a
# comma inside a number ends nothing. Shared by the extractor (a date in it dates no act outside it) and the
# linker (an act in it is no answer to a fronted cue)
RELATIVE_ASIDE = re.compile(r",\s*(?:who|which|whose|whom)\b(?:[^,;.]|(?<=\d),(?=\d))*,")
_LAST_TOKEN = re.compile(r"([A-Za-z][A-Za-z.]*)\.$")


class Splitter:
    def __init__(self, abbreviations: list[str]):
        self._abbr = frozenset(abbreviations)

    def _is_abbreviation(self, text: str, end: int) -> bool:
        """Does the full stop at text[end-1] close an abbreviation or an initial?"""
        m = _LAST_TOKEN.search(text, max(0, end - 12), end)
        if not m:
            return False
        token = m.group(1)
        return token in self._abbr or (len(token) == 1 and token.isupper())

    def split(self, doc_id: str, text: str, start: int, cuts: list[Span]) -> list[Sentence]:
        """Sentences of ``text[start:]`` outside the ``cuts`` spans."""
        cut_ranges = sorted((c.start, c.end) for c in cuts)
        sentences: list[Sentence] = []
        paragraph = 0
        prev_blank = True
        for m in re.finditer(r"[^\n]*", text[start:]):
            s, e = start + m.start(), start + m.end()
            if s == e or not text[s:e].strip():
                prev_blank = True
                continue
            if any(cs <= s and e <= ce for cs, ce in cut_ranges):
                prev_blank = True
                continue
            if prev_blank:
                paragraph += 1
            prev_blank = False
            for ss, se in self._sentences_in(text, s, e):
                n = len(sentences) + 1
                sentences.append(
                    trusted(Sentence, id=f"{doc_id}:{n}", doc=doc_id, n=n, start=ss, end=se, text=text[ss:se],
                             paragraph=paragraph)
                )
        return sentences

    def _sentences_in(self, text: str, s: int, e: int) -> list[tuple[int, int]]:
        out: list[tuple[int, int]] = []
        cur = s
        for m in _BOUNDARY.finditer(text, s, e):
            if text[m.start()] == "." and m.end() - m.start() >= 1 and self._is_abbreviation(text, m.start() + 1):
                continue
            out.append((cur, m.end()))
            cur = m.end()
        out.append((cur, e))
        spans = []
        for a, b in out:
            while a < b and text[a].isspace():
                a += 1
            while b > a and text[b - 1].isspace():
                b -= 1
            if b > a:
                spans.append((a, b))
        return spans


@lru_cache(maxsize=8)
def load_splitter(rules_dir: Path) -> Splitter:
    spec = validate(AbbreviationSpec, load_yaml(rules_dir / "text" / "abbreviations.yaml"))
    return Splitter(spec.abbreviations)
