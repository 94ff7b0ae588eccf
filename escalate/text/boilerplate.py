"""Cut page furniture (related-article blocks, teasers, share prompts, navigation).

The vocabulary lives in ``rules/text/boilerplate.yaml``; this module compiles it once.
Boilerplate is returned as character spans of the document text, so citations keep their
offsets into the text as read.
"""

from __future__ import annotations

import re
from functools import lru_cache
from pathlib import Path

from pydantic import Field

from escalate.models import Span, Strict
from escalate.yamlio import load_yaml, validate


class BoilerplateSpec(Strict):
    block_headings: list[str] = Field(default_factory=list)
    teaser_endings: list[str] = Field(default_factory=list)
    headline_max_chars: int = 160
    lines: list[str] = Field(default_factory=list)
    # what ends a photo caption: its credit ("Photograph: Stringer/AFP", "(AP Photo/Jane Doe)"); a line
    # ending in one is cut. Searched in the last 120 characters of a line that has the shape of one
    # (see ``Boilerplate._may_credit``), which keeps the scan off most lines
    credit_endings: list[str] = Field(default_factory=list)


class Boilerplate:
    def __init__(self, spec: BoilerplateSpec):
        def alt(items: list[str]) -> str:
            return "|".join(f"(?:{p})" for p in sorted(items, key=len, reverse=True))

        self._heading = re.compile(rf"^(?:{alt(spec.block_headings)})\s*:?$", re.I)
        self._teaser_end = re.compile(rf"(?:{alt(spec.teaser_endings)})\s*$", re.I)
        # a heading and its one teaser on a line ("Related coverage: Who are the militants?") is cut too
        self._line = re.compile(rf"^(?:{alt(spec.lines)}|(?:{alt(spec.block_headings)})\s*:.*)$", re.I)
        self._credit = re.compile(rf"(?:{alt(spec.credit_endings)})\s*$", re.I) if spec.credit_endings else None
        self._headline_max = spec.headline_max_chars

    @staticmethod
    def _may_credit(line: str) -> bool:
        """Could the line end in a credit? One in brackets, after a colon, with a slash ("REUTERS/Name")
        or "via" ("Handout via REUTERS"): a cheap test that keeps the credit scan off most lines."""
        tail = line[-120:]
        return line[-1] in ")]" or ":" in line or "/" in tail or "via " in tail or "VIA " in tail

    def _is_teaser(self, line: str) -> bool:
        if self._teaser_end.search(line):
            return True
        if len(line) > self._headline_max:
            return False
        # a headline under a teaser heading ends in no full stop, though it may ask a question ("What is
        # the Indus Waters Treaty and why has India suspended it?"); a line of sentences is the story again
        return not _SENTENCE_END.search(line) or (line.endswith("?") and not _INNER_STOP.search(line))

    def spans(self, text: str, start: int = 0) -> list[Span]:
        """Boilerplate spans in ``text[start:]`` (absolute offsets), one per cut line."""
        out: list[Span] = []
        in_block = False
        for m in re.finditer(r"[^\n]+", text[start:]):
            raw = m.group(0)
            line = raw.strip()
            if not line:
                continue
            s, e = start + m.start(), start + m.end()
            if self._heading.match(line):
                in_block = True
                out.append(Span(start=s, end=e))
            elif in_block and self._is_teaser(line):
                out.append(Span(start=s, end=e))
            elif self._line.match(line) or (self._credit is not None and self._may_credit(line)
                                            and self._credit.search(line, max(0, len(line) - 120))):
                in_block = False
                out.append(Span(start=s, end=e))
            else:
                in_block = False
        return out


_SENTENCE_END = re.compile(r"[.!?:\"”']\s*$")
_INNER_STOP = re.compile(r"[.!?]\s+[A-Z“\"]")


@lru_cache(maxsize=8)
def load_boilerplate(rules_dir: Path) -> Boilerplate:
    path = rules_dir / "text" / "boilerplate.yaml"
    return Boilerplate(validate(BoilerplateSpec, load_yaml(path)))
