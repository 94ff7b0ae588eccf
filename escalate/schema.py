"""Export JSON Schema files for the JSON report and the rule-pack YAML files.

    python -m escalate.schema docs/schema            # writes the five files below
    python -m escalate.schema docs/schema --force    # replaces files that exist

The schemas come straight from the pydantic models, so they never drift from what the
loaders accept. Use them for editor completion (``# yaml-language-server: $schema=...``)
or to validate a report in another language. Reference: docs/guide.md.
"""

from __future__ import annotations

import argparse
import json
import sys
from pathlib import Path

from pydantic import BaseModel

from escalate.events.actors import LexiconFile
from escalate.events.lexicon import CategorySpec
from escalate.links.cases import CaseFile
from escalate.links.rules import RuleFile
from escalate.models import Report

SCHEMAS: dict[str, tuple[type[BaseModel], str]] = {
    "report.schema.json": (Report, "escalate JSON report (--format json)"),
    "link-rules.schema.json": (RuleFile, "escalate link rules (rules/links/*.yaml)"),
    "actors.schema.json": (LexiconFile, "escalate actor lexicon (rules/actors/*.yaml)"),
    "event-category.schema.json": (CategorySpec, "escalate event category (rules/events/plover_*.yaml)"),
    "rule-cases.schema.json": (CaseFile, "escalate link-rule cases (rules/links/*.cases.yaml)"),
}


def schema_of(model: type[BaseModel], title: str) -> dict:
    """The model's JSON Schema (draft 2020-12), titled."""
    return {"$schema": "https://json-schema.org/draft/2020-12/schema", **model.model_json_schema(), "title": title}


def write_schemas(folder: Path, force: bool = False) -> list[Path]:
    """Write every schema into ``folder``; refuse (FileExistsError) to replace a file unless ``force``."""
    targets = [folder / name for name in SCHEMAS]
    existing = [p for p in targets if p.exists()]
    if existing and not force:
        raise FileExistsError(", ".join(str(p) for p in existing))
    folder.mkdir(parents=True, exist_ok=True)
    for path in targets:
        model, title = SCHEMAS[path.name]
        path.write_text(json.dumps(schema_of(model, title), indent=2, ensure_ascii=False) + "\n", encoding="utf-8")
    return targets


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m escalate.schema", description=__doc__.splitlines()[0])
    parser.add_argument("folder", type=Path, help="where to write the *.schema.json files")
    parser.add_argument("--force", action="store_true", help="replace files that already exist")
    args = parser.parse_args(argv)
    try:
        written = write_schemas(args.folder, args.force)
    except FileExistsError as exc:
        print(f"escalate.schema: error: already exists (use --force to replace): {exc}", file=sys.stderr)
        return 2
    for path in written:
        print(f"wrote {path}", file=sys.stderr)
    return 0


if __name__ == "__main__":
    sys.exit(main())
