"""Structured event data (ICEWS-coded records) turned into escalate ``Event``s.

Text extraction finds events in sentences; structured data sets already code them (actor, verb,
target, day). ``escalate.structured.icews`` imports the temporal-KG packaging of ICEWS
(``subject \\t relation \\t object \\t hour``) through the CAMEO -> PLOVER table in
``rules/structured/cameo.yaml``. See docs/structured.md.
"""

from __future__ import annotations

from typing import Any

_EXPORTS = ("CameoMap", "CameoRelation", "load_cameo", "load_cameo_map", "read_icews")


def __getattr__(name: str) -> Any:
    # lazy, so that ``python -m escalate.structured.icews`` does not import the module twice
    if name in _EXPORTS:
        from escalate.structured import icews

        return getattr(icews, name)
    raise AttributeError(name)


__all__ = list(_EXPORTS)
