"""Every case beside every link rule (rules/links/*.cases.yaml) runs here."""

from __future__ import annotations

import pytest

from escalate.links.cases import load_cases, run_case
from escalate.resources import rules_dir

CASES = load_cases(rules_dir())


@pytest.mark.parametrize(("path", "line", "case"), CASES, ids=[f"{p.name}:{ln}:{c.name}" for p, ln, c in CASES])
def test_rule_case(pipe, path, line, case):
    result = run_case(pipe, path, line, case)
    if case.expect == "todo":
        pytest.xfail(f"{path.name}:{line}: {case.name} (todo)")
    assert result.ok, f"{path}:{line}: {case.name}: {result.message}"


def test_every_stable_rule_has_a_link_and_a_nolink_case(pipe):
    from escalate.links.rules import load_rules

    kinds: dict[str, set[str]] = {}
    for _p, _l, c in CASES:
        kinds.setdefault(c.rule, set()).add(c.expect)
    missing = [r.rule.id for r in load_rules(rules_dir()) if r.rule.status == "stable"
               and not {"link", "nolink"} <= kinds.get(r.rule.id, set())]
    assert not missing, f"stable rules without a link and a nolink case: {missing}"
