"""`escalate rules check` on the shipped pack (passes) and on broken packs under tests/packs (fail as expected)."""

from __future__ import annotations

from pathlib import Path

import pytest
from typer.testing import CliRunner

from escalate.check import run_checks
from escalate.cli import app
from escalate.links.linker import Linker
from escalate.models import Link
from escalate.resources import rules_dir

from .conftest import add_file, linked_pack

PACKS = Path(__file__).parent / "packs"


def overlay(tmp_path: Path, name: str) -> Path:
    """The bundled pack with the files of tests/packs/<name> added to its links/ folder."""
    pack = linked_pack(tmp_path)
    for f in (PACKS / name).iterdir():
        add_file(pack / "links", f.name, f.read_text(encoding="utf-8"))
    return pack


def test_shipped_pack_passes():
    res = run_checks(rules_dir(), max_examples=20)
    assert not res.failed, "\n".join(map(str, res.issues))
    assert res.rules >= 8 and res.cases >= 20


def test_schema_errors_all_located(tmp_path):
    res = run_checks(overlay(tmp_path, "schema_errors"))
    msgs = [str(i) for i in res.issues if i.check in ("schema", "duplicate_id")]
    text = "\n".join(msgs)
    assert any("bad.yaml:7" in m and "unknown field 'colour'" in m for m in msgs), text
    assert any("bad.yaml:" in m and "max_days 3.0 < min_days 30.0" in m for m in msgs), text
    assert any("BOMBARD" in m or "categories.0" in m for m in msgs), text
    assert any("confidence" in m for m in msgs), text
    assert res.failed


def test_never_fires(tmp_path):
    res = run_checks(overlay(tmp_path, "never_fires"), skip=frozenset({"property"}))
    hits = [i for i in res.issues if i.check == "never_fires"]
    assert hits and hits[0].rule == "never.agree_as_violence" and hits[0].severity == "error"
    assert hits[0].path.endswith("never.yaml") and hits[0].line == 2


def test_shadowed(tmp_path):
    res = run_checks(overlay(tmp_path, "shadowed"), skip=frozenset({"property"}))
    hits = [i for i in res.issues if i.check == "shadowed"]
    assert hits and "retaliation.inferred" in hits[0].message and hits[0].rule == "shadow.narrow_retaliation"


def test_stable_without_cases(tmp_path):
    res = run_checks(overlay(tmp_path, "stable_untested"), skip=frozenset({"property"}))
    hits = [i for i in res.issues if i.check == "stable_without_cases"]
    assert hits and hits[0].rule == "untested.counter_sanction" and res.failed


def test_failing_case_shows_the_case(tmp_path):
    res = run_checks(overlay(tmp_path, "failing_case"), skip=frozenset({"property"}))
    hits = [i for i in res.issues if i.check == "case_failed"]
    assert hits and hits[0].path.endswith("wrong.cases.yaml") and hits[0].line == 2
    assert "a same-side strike is claimed to be a retaliation" in hits[0].message


def test_property_violation_is_shrunk_and_reported(monkeypatch, tmp_path):
    pack = linked_pack(tmp_path)
    for f in (pack / "links").glob("*.yaml"):
        if f.name != "cues.yaml":
            f.unlink()  # a link: the shipped file stays
    add_file(pack / "links", "one.yaml",
             "rules:\n  - id: one.rule\n    label: retaliation\n    cause: {categories: [ASSAULT]}\n"
             "    effect: {categories: [ASSAULT]}\n    actors: reciprocal\n    cue: inferred\n    confidence: 0.5\n")
    real = Linker.link

    def cyclic(self, events, stated):
        links, issues = real(self, events, stated)
        if len(events) >= 2:  # a broken linker: links the first two events both ways
            a, b = events[0].id, events[1].id
            links = [*links, Link(id="x1", cause=a, effect=b, label="x", rule="x", stated=False, confidence=0.5),
                     Link(id="x2", cause=b, effect=a, label="x", rule="x", stated=False, confidence=0.5)]
        return links, issues

    monkeypatch.setattr(Linker, "link", cyclic)
    res = run_checks(pack, max_examples=10, seed=3,
                     skip=frozenset({"case_failed", "never_fires", "shadowed", "conflicting_labels"}))
    props = [i for i in res.issues if i.check == "property"]
    assert props and all(i.severity == "error" for i in props)
    assert any(p in props[0].message for p in ("acyclic", "temporal_soundness", "order_independence"))
    # the counterexample is shrunk to the two events the broken linker ties both ways
    assert "shrunk counterexample" in props[0].example and props[0].example.count("\n") == 3


@pytest.mark.parametrize("fmt", ["text", "json"])
def test_cli_exit_status(tmp_path, fmt):
    runner = CliRunner()
    ok = runner.invoke(app, ["rules", "check", "--format", fmt, "--max-examples", "5"])
    assert ok.exit_code == 0, ok.output
    bad = runner.invoke(app, ["rules", "check", str(overlay(tmp_path, "stable_untested")), "--format", fmt,
                              "--skip", "property"])
    assert bad.exit_code == 1 and "stable_without_cases" in bad.output
