"""Temporal expressions: a rule-based TIMEX3 tagger and normaliser for news.

``load_tagger()`` compiles the rule pack under ``<rules_dir>/time/en/`` once (cached per folder);
``TimeTagger.tag`` finds DATE, TIME, DURATION and SET expressions and resolves them against the
document creation time and the discourse focus; ``TimeTagger.parse_when`` reads one user-typed
date expression.
"""

from __future__ import annotations

import functools
from pathlib import Path

from escalate import resources as _resources

from .engine import TimeTagger
from .loader import load_pack

__all__ = ["TimeTagger", "load_tagger"]


@functools.lru_cache(maxsize=8)
def _load(folder: Path) -> TimeTagger:
    return TimeTagger(load_pack(folder))


def load_tagger(rules_dir: Path | None = None) -> TimeTagger:
    """The tagger for the rule pack rooted at ``rules_dir`` (default: the bundled rules)."""
    root = Path(rules_dir) if rules_dir is not None else _resources.rules_dir()
    return _load((root / "time" / "en").resolve())  # cached by the folder's real path
