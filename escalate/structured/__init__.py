"""Structured event data (ICEWS-coded records) turned into escalate ``Event``s.

Text extraction finds events in sentences; structured data sets already code them (actor, verb,
target, day). ``icews`` imports the temporal-KG packaging of ICEWS (``subject \\t relation \\t
object \\t hour``) through the CAMEO -> PLOVER table in ``rules/structured/cameo.yaml``.
See docs/structured.md.
"""

from __future__ import annotations

from escalate.structured.icews import CameoMap, CameoRelation, load_cameo, load_cameo_map, read_icews

__all__ = ["CameoMap", "CameoRelation", "load_cameo", "load_cameo_map", "read_icews"]
